"""lookup: UI of one feature."""
