"""Shared UI parts every page and dialog uses: the background-task runner (tasks, workers),
the PDF preview (and its dialog), the item models and the category list filler."""
