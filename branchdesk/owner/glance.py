"""The branch's settings read with sqlite3 alone, for the window's first screen (see
branchdesk.db.glance): the values `policy.start` installs, which a test keeps equal."""

from __future__ import annotations

import sqlite3
from typing import Any

from branchdesk.settings import ADOPTED_KEY, decode_branch_values


def branch_values(con: sqlite3.Connection) -> dict[str, Any] | None:
    """Every branch setting, or None while settings.json's are still to be taken over (the
    start-up does that, writing)."""
    stored = dict(con.execute("SELECT key, value FROM branch_setting").fetchall())
    if ADOPTED_KEY not in stored:
        return None
    return decode_branch_values(stored)
