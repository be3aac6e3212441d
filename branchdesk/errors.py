"""Typed errors that lower layers raise and the UI or CLI present to the user."""

from __future__ import annotations


class BranchDeskError(Exception):
    """An error whose message is written for the user (already translated)."""


class DatabaseTooNewError(BranchDeskError):
    """The DB was written by a newer BranchDesk; opening it could lose data."""


class DatabaseError(BranchDeskError):
    """The DB file cannot be opened or migrated."""
