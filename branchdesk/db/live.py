"""The database files this process uses through SQLite, which nothing else here may open.

On Linux and macOS a process that opens a file and closes it drops every POSIX lock the
process holds on that file, the locks SQLite's connections rely on (sqlite.org, "How To
Corrupt An SQLite Database File", §2.2). A later BranchDesk command then believes it is the
last user, checkpoints and deletes the WAL while this process still writes to it: committed
work is lost. So once this process has opened a database through SQLite, that file and its
-wal, -shm and -journal are read and written only through SQLite: reading a table, writing an
export or a PDF, or checking a header refuses such a path (`refuse`).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr

SIDECARS = ("-wal", "-shm", "-journal")

_lock = threading.Lock()
# Normalised paths of the databases this process opened through SQLite; kept after the
# engine is disposed (an engine may connect again).
_databases: set[str] = set()
# Open SQLite connections per database (from the pool's connect and close events).
_connections: dict[str, int] = {}


class LiveDatabaseFile(BranchDeskError):
    """A path that is (a file of) the database BranchDesk has open; nothing was read or written."""


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def register(path: str | os.PathLike[str]) -> str:
    """Note that this process uses the database at `path` through SQLite; returns its key."""
    key = _key(path)
    with _lock:
        _databases.add(key)
    return key


def connected(key: str, change: int) -> None:
    with _lock:
        _connections[key] = max(0, _connections.get(key, 0) + change)


def open_connections(path: str | os.PathLike[str]) -> int:
    """SQLite connections this process holds open on the database at `path` (pooled ones too)."""
    with _lock:
        return _connections.get(_key(path), 0)


def database_of(path: str | os.PathLike[str]) -> Path | None:
    """The database in use by this process that `path` is, or is a -wal/-shm/-journal of."""
    key = _key(path)
    with _lock:
        known = set(_databases)
    if not known:
        return None
    candidates = {key}
    for suffix in SIDECARS:
        if key.endswith(os.path.normcase(suffix)):
            candidates.add(key[: -len(suffix)])
    for candidate in candidates:
        if candidate in known:
            return Path(candidate)
    # A hard link or another spelling of the same file.
    try:
        stat = os.stat(path)
    except OSError:
        return None
    for db in known:
        for name in (db, *(db + s for s in SIDECARS)):
            try:
                other = os.stat(name)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (stat.st_dev, stat.st_ino):
                return Path(db)
    return None


def in_use(path: str | os.PathLike[str]) -> Path | None:
    """The database `path` is (a file of) while this process has a connection open on it."""
    db = database_of(path)
    return db if db is not None and open_connections(db) else None


def refuse(path: str | os.PathLike[str], *, only_while_open: bool = False) -> None:
    """Raise LiveDatabaseFile when `path` is a file of a database this process uses.

    `only_while_open` for reading a file's bytes, harmless once every connection is closed;
    a file is never written over a database this process has used (it may connect again)."""
    db = in_use(path) if only_while_open else database_of(path)
    if db is not None:
        raise LiveDatabaseFile(
            tr(
                "{path} is a file of the database BranchDesk is using ({db}); it is opened "
                "only by BranchDesk itself. Nothing was read or written: choose another file.",
                path=path,
                db=db,
            )
        )


def forget_all() -> None:
    """For tests: as if no database had been opened in this process."""
    with _lock:
        _databases.clear()
        _connections.clear()
