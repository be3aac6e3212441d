"""Is a database file sound? Quick and full integrity checks that never raise on a damaged file.

Every check opens the file read-only: a damaged database is never written to while we look at
it, and a backup on a USB stick gets no -wal/-shm files beside it.

The database is judged through SQLite, which reads the committed pages still in its WAL: the
file alone (its length against the page count in its header) tells the truth only when no WAL
holds pages, and a database this process has open is never opened any other way (db.live).
"""

from __future__ import annotations

import sqlite3
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from branchdesk.db import live, location
from branchdesk.db.migrations import KNOWN_REVISIONS
from branchdesk.errors import os_reason
from branchdesk.i18n import tr

SQLITE_MAGIC = b"SQLite format 3\x00"
# Enough lines to say what is wrong without flooding a terminal on a badly damaged file.
PROBLEM_LIMIT = 100


@dataclass
class IntegrityReport:
    ok: bool
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def connect_readonly(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection; `immutable` for a file no one writes (a backup): no locks, no
    -wal/-shm files created. A backup with a non-empty -wal beside it is read through the WAL."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    wal = Path(f"{path}-wal")
    if immutable and not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _wal_holds_pages(path: Path) -> bool:
    """True when a -wal beside `path` may hold committed pages (the file alone is then not
    the whole database)."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def is_sqlite_file(path: Path) -> bool:
    """True for an empty file or one that starts like a SQLite database (however damaged).

    Refuses (LiveDatabaseFile) the database this process has open."""
    live.refuse(path, only_while_open=True)
    try:
        with open(path, "rb") as fh:
            start = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return start in (b"", SQLITE_MAGIC)


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's SQLite header or length, read without SQLite (cheap).

    Only for a file no connection of this process has open (LiveDatabaseFile otherwise). With
    a non-empty -wal beside it the length is not compared: the WAL may hold pages the file
    does not have yet (a checkpoint stopped half-way), and only SQLite can judge them."""
    path = Path(path)
    live.refuse(path, only_while_open=True)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return tr("Cannot read {path}: {error}", path=path, error=os_reason(exc))
    if size == 0:
        return None  # an empty file is an empty database: nothing to be wrong yet
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return tr("{path} is not a SQLite database.", path=path)
    if _wal_holds_pages(path):
        return None
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return tr("{path} has a damaged header (page size {size}).", path=path, size=page_size)
    change_counter, pages = struct.unpack(">II", header[24:32])
    version_valid_for = struct.unpack(">I", header[92:96])[0]
    # The page count in the header is trustworthy only when these two counters agree.
    expected = pages * page_size if pages and change_counter == version_valid_for else 0
    if size < expected:
        return tr(
            "{path} is cut short: {size} of {expected} bytes are there.",
            path=path,
            size=size,
            expected=expected,
        )
    if size % page_size:
        return tr(
            "{path} is cut short: {size} bytes is not a whole number of pages.",
            path=path,
            size=size,
        )
    return None


def structure_problems(con: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
    """The b-tree problems `PRAGMA quick_check` or `integrity_check` finds ([] when sound)."""
    if pragma not in ("quick_check", "integrity_check"):
        raise ValueError(pragma)
    rows = con.execute(f"PRAGMA {pragma}({PROBLEM_LIMIT})").fetchall()
    lines = [str(row[0]) for row in rows]
    return [] if lines == ["ok"] else lines


def foreign_key_problems(con: sqlite3.Connection) -> list[str]:
    """Rows whose foreign key points at a row that does not exist, summed up per table."""
    found: dict[tuple[str, str], list[int]] = {}
    for table, rowid, parent, _fkid in con.execute("PRAGMA foreign_key_check"):
        found.setdefault((table, parent), []).append(rowid)
    return [
        tr(
            "{count} row(s) of {table} refer to missing rows of {parent} (first row id {rowid}).",
            count=len(rowids),
            table=table,
            parent=parent,
            rowid=rowids[0],
        )
        for (table, parent), rowids in found.items()
    ]


def read_revision(con: sqlite3.Connection) -> str | None:
    """The Alembic revision in the file; None when it has none (raises sqlite3.Error if damaged)."""
    exists = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not exists:
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _raise_folder_problem(path: Path, exc: sqlite3.Error) -> None:
    """A full disk or a read-only folder is said as such (DataFolderError), not as damage to
    answer with a restore: the file is sound, only unreadable where it is."""
    problem = location.folder_problem(path, exc)
    if problem is not None:
        raise problem from exc


def _damaged(path: Path, exc: sqlite3.Error) -> str:
    return tr("The database {path} is damaged or not a database: {error}", path=path, error=exc)


class CheckCancelled(Exception):
    """The check was stopped by its `cancelled` callback (the window closing): no verdict."""


def _run(
    path: Path,
    pragma: str,
    *,
    with_revision: bool,
    immutable: bool,
    cancelled: Callable[[], bool] | None = None,
) -> IntegrityReport:
    started = time.perf_counter()
    problems: list[str] = []
    # The database this process has open is judged by SQLite alone (it would find a file cut
    # short too, as "malformed"); any other file's header is read first, for a clearer message.
    in_use = live.in_use(path) is not None
    header = None if in_use else header_problem(path)
    if header is not None:
        problems.append(header)
    else:
        try:
            con = connect_readonly(path, immutable=immutable)
        except sqlite3.Error as exc:
            _raise_folder_problem(path, exc)
            problems.append(_damaged(path, exc))
        else:
            if cancelled is not None:
                # SQLite calls this every few thousand steps; non-zero interrupts the check.
                con.set_progress_handler(lambda: 1 if cancelled() else 0, 10_000)
            try:
                problems += structure_problems(con, pragma)
                problems += foreign_key_problems(con)
                if with_revision:
                    problems += _revision_problems(path, read_revision(con))
            except sqlite3.Error as exc:
                interrupted = getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT
                if interrupted and cancelled is not None and cancelled():
                    raise CheckCancelled from exc  # stopped when told: not a sign of damage
                _raise_folder_problem(path, exc)
                problems.append(_damaged(path, exc))
            finally:
                con.close()
    return IntegrityReport(not problems, problems, time.perf_counter() - started)


def _revision_problems(path: Path, revision: str | None) -> list[str]:
    if revision is None:
        return [tr("{path} holds no BranchDesk schema (no revision).", path=path)]
    if revision not in KNOWN_REVISIONS:
        return [
            tr(
                "{path} was written by a newer BranchDesk (schema {revision}).",
                path=path,
                revision=revision,
            )
        ]
    return []


def quick_check(
    db_path: Path, *, immutable: bool = False, cancelled: Callable[[], bool] | None = None
) -> IntegrityReport:
    """The start-up check: header, `PRAGMA quick_check` and foreign keys (no index contents).

    Raises CheckCancelled when `cancelled()` turns true while it runs (seconds on a large
    branch: a window closed meanwhile does not wait for it)."""
    return _run(
        Path(db_path), "quick_check", with_revision=False, immutable=immutable, cancelled=cancelled
    )


def full_check(db_path: Path, *, immutable: bool = False) -> IntegrityReport:
    """`branchdesk check`: header, `PRAGMA integrity_check`, foreign keys and a known revision."""
    return _run(Path(db_path), "integrity_check", with_revision=True, immutable=immutable)
