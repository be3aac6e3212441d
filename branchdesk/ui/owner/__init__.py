"""owner: UI of one feature."""
