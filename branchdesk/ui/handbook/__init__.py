"""handbook: UI of one feature."""
