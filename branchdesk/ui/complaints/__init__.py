"""The complaint log's pages and dialogs: the log, a complaint, categories, analysis, slips."""
