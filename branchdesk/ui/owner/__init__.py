"""The owner's dialogs: the PIN, the audit log, the settings."""
