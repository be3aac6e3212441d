"""complaints: UI of one feature."""
