"""data: UI of one feature."""
