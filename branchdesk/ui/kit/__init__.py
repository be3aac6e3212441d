"""Shared UI parts every page and dialog uses: the background-task runner, the PDF preview,
and (as they move here) the owner-action helper, table setup and item models."""
