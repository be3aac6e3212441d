"""The service team's pages and dialogs: team list, sign-in, contact log, ownership, 我的."""
