"""shell: UI of one feature."""
