"""The penalty handbook's pages and dialogs: handbook, practice, printing."""
