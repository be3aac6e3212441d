"""The operation guides' pages and dialogs: library, viewer, editor and its canvas."""
