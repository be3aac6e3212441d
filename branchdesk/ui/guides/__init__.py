"""guides: UI of one feature."""
