"""A read-only look at the branch's database before the storage layer is loaded.

The window's first screen (今天's due complaints, the counts in the status bar, the title) is
read with the standard library's sqlite3, so it is painted with the window instead of after
SQLAlchemy and the features are imported (0.6 s on a branch PC). The full start-up then reads
the same through the services; the features' `glance` modules say what they read, and a test
keeps each equal to its service.

A look is taken only where it can be trusted: a file at the schema this version writes, on a
local disk, readable at once. Anything else (no file yet, a migration to run, a network
drive, damage, a writer holding it) gives no look: the window shows its data when the
start-up has opened the database, as it would without one.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from branchdesk.db.location import network_filesystem
from branchdesk.db.migrations import HEAD_REVISION

log = logging.getLogger(__name__)
T = TypeVar("T")
Connection = sqlite3.Connection

# How SQLAlchemy keeps a DateTime in SQLite (text, compared as text).
STORED_TIME = "%Y-%m-%d %H:%M:%S.%f"


def stored_time(at: datetime) -> str:
    """`at` as the database stores it, for comparisons in SQL."""
    return at.strftime(STORED_TIME)


def open_glance(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to the database at `path`, or None where no look can be taken."""
    try:
        if not path.is_file() or path.stat().st_size == 0 or network_filesystem(path):
            return None
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except (OSError, ValueError, sqlite3.Error) as exc:
        log.info("No start-up look at %s: %s", path, exc)
        return None
    try:
        con.execute("PRAGMA query_only = ON")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is not None and row[0] == HEAD_REVISION:
            return con
        log.info("No start-up look at %s: schema %s to be brought up to date", path, row)
    except sqlite3.Error as exc:
        log.info("No start-up look at %s: %s", path, exc)
    con.close()
    return None


def look(path: Path, read: Callable[[Connection], T]) -> T | None:
    """`read(connection)` on a look at the database at `path`; None where no look could be
    taken or the read failed (a table missing, a writer holding the file too long)."""
    con = open_glance(path)
    if con is None:
        return None
    try:
        con.execute("BEGIN")  # one snapshot: a writer committing meanwhile is not half seen
        return read(con)
    except sqlite3.Error as exc:
        log.info("No start-up look at %s: %s", path, exc)
        return None
    except Exception:
        # A value the look cannot read (a date not in the stored form): the start opens the
        # data as it would without a look, and its services say what is wrong.
        log.warning("No start-up look at %s", path, exc_info=True)
        return None
    finally:
        con.close()
