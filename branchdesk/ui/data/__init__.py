"""The imported tables: the data page, the import dialog."""
