"""Backups of the database: daily and manual copies, their list and preview, and restore.

A backup is one self-contained SQLite file named `branchdesk-YYYYMMDD-HHMMSS[-kind].sqlite3`
(no kind: a daily copy). It is made with the online backup API, so the app may keep the
database open in WAL mode meanwhile, written under a temporary name and renamed only after
`PRAGMA quick_check` passed: a file with a backup's name is a complete, checked copy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from branchdesk.db import live, location
from branchdesk.db.integrity import (
    connect_readonly,
    foreign_key_problems,
    header_problem,
    is_sqlite_file,
    read_revision,
    structure_problems,
)
from branchdesk.db.migrations import HEAD_REVISION, KNOWN_REVISIONS
from branchdesk.db.schema import pin_problems, schema_problems
from branchdesk.db.table_labels import table_label
from branchdesk.errors import BranchDeskError, is_disk_full, os_reason
from branchdesk.i18n import tr
from branchdesk.permissions import Action, require_owner

log = logging.getLogger(__name__)

DAILY = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_UPGRADE = "before-upgrade"  # written by db.engine before a migration
# The raw bytes of a database too damaged to copy with SQLite, kept before a restore.
DAMAGED = "before-restore-damaged"
# What each kind of backup is called where a person reads the list (the restore dialog, the
# command line's check).
BACKUP_KIND_LABELS = {
    DAILY: "Daily copy",
    MANUAL: "Manual backup",
    BEFORE_RESTORE: "Before a restore",
    BEFORE_UPGRADE: "Before an upgrade",
    DAMAGED: "Damaged data kept before a restore",
}


def kind_label(kind: str) -> str:
    """The kind in words; a name BranchDesk did not give (a copy renamed by hand) as such."""
    label = BACKUP_KIND_LABELS.get(kind)
    return tr(label) if label is not None else tr("Other copy ({name})", name=kind)


_STAMP = "%Y%m%d-%H%M%S"
_KIND = re.compile(r"[a-z]+(?:-[a-z]+)*")
_NAME = re.compile(r"branchdesk-(\d{8}-\d{6})(?:-([a-z]+(?:-[a-z]+)*))?(?:-(\d+))?\.sqlite3")
_UPGRADE_NAME = re.compile(r"before-upgrade-.+-(\d{8}-\d{6})\.sqlite3")
_PARTIAL = ".branchdesk-"
# The tables a preview counts, by the name the summary gives them; a table missing from an
# older schema counts 0.
COUNTED = (
    ("waybills", "waybill"),
    ("area_rules", "area_rule"),
    ("couriers", "courier"),
    ("handbook_items", "penalty_item"),
    ("complaints", "complaint"),
    ("guides", "guide"),
)


class BackupFolderError(BranchDeskError):
    """The backup folder cannot be written (missing, read-only, full, a USB stick pulled out)."""


class DamagedDatabaseError(BranchDeskError):
    """The database to copy cannot be read consistently or its copy fails the check."""


class BackupCancelled(BranchDeskError):
    """The backup was stopped (BranchDesk is closing); no file was left."""


# Pages copied per step when a backup can be stopped: 64 MB at 4 KB pages, so a stop is seen
# within a fraction of a second, and few steps for a writer to restart the copy between.
STEP_PAGES = 16384


class RestoreRefused(BranchDeskError):
    """A file that must not replace the database; nothing was changed.

    `reason` is "not-branchdesk", "damaged", "too-new" or "tampered" (tables, indexes,
    triggers or views not as its revision's migrations make them, or a PIN out of bounds).
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    kind: str
    size: int
    # From the header and the file's length only (cheap); the quick check is newest_good_backup's.
    ok: bool


@dataclass
class BackupSummary:
    """What a backup holds, read without opening it read-write."""

    path: Path
    taken_at: datetime
    size: int
    revision: str | None = None
    is_sqlite: bool = False
    has_schema: bool = False
    waybills: int = 0
    area_rules: int = 0
    couriers: int = 0
    handbook_items: int = 0
    complaints: int = 0
    guides: int = 0
    last_import: datetime | None = None
    # The backup's owner PIN comes back with it: the preview says whether it has one.
    owner_pin: bool = False
    ok: bool = False
    problems: list[str] = field(default_factory=list)
    # How its schema differs from what its revision's migrations make, and a PIN whose
    # parameters are out of bounds: such a file is refused (an edited backup).
    schema_problems: list[str] = field(default_factory=list)

    @property
    def is_branchdesk(self) -> bool:
        return self.is_sqlite and self.has_schema and self.revision is not None

    @property
    def too_new(self) -> bool:
        return self.is_branchdesk and self.revision not in KNOWN_REVISIONS

    def lines(self) -> list[str]:
        """The preview as a user reads it before a restore."""
        out = [
            tr("Backup: {path}", path=self.path),
            tr(
                "Taken: {when}  ({size:.1f} MB)",
                when=self.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                size=self.size / 1e6,
            ),
        ]
        if self.is_branchdesk:
            out += [
                tr("Schema: {revision}", revision=self.revision),
                tr(
                    "Waybills: {waybills}  area rules: {area_rules}  couriers: {couriers}",
                    waybills=self.waybills,
                    area_rules=self.area_rules,
                    couriers=self.couriers,
                ),
                tr(
                    "Handbook items: {items}  complaints: {complaints}  guides: {guides}",
                    items=self.handbook_items,
                    complaints=self.complaints,
                    guides=self.guides,
                ),
                tr(
                    "Last import: {when}",
                    when=self.last_import.strftime("%Y-%m-%d %H:%M")
                    if self.last_import
                    else tr("none"),
                ),
                tr("Owner PIN: set (after the restore, owner actions need the backup's PIN)")
                if self.owner_pin
                else tr("Owner PIN: none (after the restore, no PIN is asked for)"),
            ]
        out.append(tr("Integrity: ok") if self.ok else tr("Integrity: PROBLEMS"))
        out += ["  " + p for p in self.problems]
        if self.schema_problems:
            out.append(tr("Schema: NOT AS BRANCHDESK MAKES IT"))
            out += ["  " + p for p in self.schema_problems]
        return out


@dataclass(frozen=True)
class RestoreReport:
    db_path: Path
    restored_from: Path
    summary: BackupSummary
    # The copy of the state before the restore (None when there was no database yet).
    safety_copy: Path | None
    # An older schema is migrated by the next open_database, after its own backup copy.
    needs_upgrade: bool


def backup_name(now: datetime, kind: str) -> str:
    suffix = "" if kind == DAILY else f"-{kind}"
    return f"branchdesk-{now.strftime(_STAMP)}{suffix}.sqlite3"


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """(taken at, kind) from a backup's file name; None for any other file."""
    m = _NAME.fullmatch(name)
    if m:
        return datetime.strptime(m[1], _STAMP), m[2] or DAILY
    m = _UPGRADE_NAME.fullmatch(name)
    if m:
        return datetime.strptime(m[1], _STAMP), BEFORE_UPGRADE
    return None


def _folder_error(folder: Path, exc: BaseException) -> BackupFolderError:
    # SQLite's own words for a full disk are English ("database or disk is full").
    error = tr("the disk is full") if is_disk_full(exc) else os_reason(exc)
    return BackupFolderError(
        tr(
            "Cannot write a backup to {folder}: {error}. Check that the folder (or the USB "
            "stick) is still there, can be written to and has free space.",
            folder=folder,
            error=error,
        )
    )


def _remove(path: Path) -> None:
    for p in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy(
    src_path: Path,
    dst_path: Path,
    *,
    src_immutable: bool,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """A consistent snapshot of `src_path` into the (empty) file `dst_path`, as one file.

    With `cancelled`, the copy goes in steps and stops (BackupCancelled) once it says True."""
    src = connect_readonly(src_path, immutable=src_immutable)
    try:
        dst = sqlite3.connect(dst_path)
        try:
            if cancelled is None:
                src.backup(dst)
            else:

                def step(_status: int, _remaining: int, _total: int) -> None:
                    if cancelled():
                        raise BackupCancelled(tr("The backup was stopped."))

                step(0, 0, 0)
                src.backup(dst, pages=STEP_PAGES, progress=step)
            # The copy inherits WAL mode from the source; a backup must be a single file.
            dst.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            dst.close()
    finally:
        src.close()


def _copy_problems(path: Path) -> list[str]:
    problem = header_problem(path)
    if problem is not None:
        return [problem]
    con = connect_readonly(path, immutable=True)
    try:
        return structure_problems(con, "quick_check")
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        con.close()


def _is_damage(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def backup_to(
    db_path: Path,
    target_dir: Path,
    *,
    kind: str = MANUAL,
    now: datetime | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Copy the database into `target_dir` as a checked backup file; returns its path.

    Raises BackupFolderError when the folder cannot be written, DamagedDatabaseError when the
    database cannot be read or its copy fails `PRAGMA quick_check`; no partial file is left.
    """
    if not _KIND.fullmatch(kind):
        raise ValueError(f"not a backup kind: {kind!r}")
    db_path, target_dir = Path(db_path), Path(target_dir)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise BranchDeskError(tr("There is no database to back up at {path}.", path=db_path))
    now = datetime.now() if now is None else now
    # What a backup killed half-way left in this folder (a USB stick too), an hour old.
    _sweep_partials(target_dir)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=_PARTIAL, suffix=".partial", dir=target_dir)
        os.close(fd)
    except OSError as exc:
        raise _folder_error(target_dir, exc) from exc
    tmp = Path(name)
    try:
        try:
            _copy(db_path, tmp, src_immutable=False, cancelled=cancelled)
        except sqlite3.Error as exc:
            if _is_damage(exc):
                raise DamagedDatabaseError(
                    tr(
                        "The database {path} cannot be read for a backup: {error}. "
                        "Run “branchdesk check”.",
                        path=db_path,
                        error=exc,
                    )
                ) from exc
            raise _folder_error(target_dir, exc) from exc
        except OSError as exc:
            raise _folder_error(target_dir, exc) from exc
        problems = _copy_problems(tmp)
        if problems:
            raise DamagedDatabaseError(
                tr(
                    "The backup copy of {path} failed its check ({problem}); the database "
                    "itself may be damaged. Run “branchdesk check”.",
                    path=db_path,
                    problem=problems[0],
                )
            )
        try:
            target = _free_path(target_dir, now, kind)
            os.replace(tmp, target)
        except OSError as exc:
            raise _folder_error(target_dir, exc) from exc
        _fsync_dir(target_dir)
    except BaseException:
        _remove(tmp)
        raise
    return target


def _free_path(folder: Path, now: datetime, kind: str) -> Path:
    """The backup's name, with -2, -3… when a copy of the same second and kind exists."""
    base = backup_name(now, kind).removesuffix(".sqlite3")
    target = folder / f"{base}.sqlite3"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}.sqlite3"
        n += 1
    return target


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Every backup file in `backups_dir`, newest first (other files are ignored)."""
    found: list[tuple[datetime, str, BackupInfo]] = []
    try:
        entries = list(Path(backups_dir).iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_backup_name(path.name)
        if parsed is None:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        taken_at, kind = parsed
        try:
            ok = size > 0 and header_problem(path) is None
        except live.LiveDatabaseFile:
            ok = False  # the open database under a backup's name (a link): not a backup
        found.append((taken_at, path.name, BackupInfo(path, taken_at, kind, size, ok)))
    found.sort(key=lambda item: (item[0], _counter(item[1])), reverse=True)
    return [info for _when, _name, info in found]


def _counter(name: str) -> int:
    m = _NAME.fullmatch(name)
    return int(m[3]) if m and m[3] else 1


def daily_backup(
    db_path: Path,
    backups_dir: Path,
    *,
    now: datetime | None = None,
    keep_daily: int = 14,
    keep_weekly: int = 8,
    cancelled: Callable[[], bool] | None = None,
) -> Path | None:
    """The automatic backup at the first start of a day, then pruning of older daily copies.

    Returns None when today's copy exists already or there is no database yet. `cancelled`
    stops the copy (BackupCancelled, no file left; the next start makes it).
    """
    now = datetime.now() if now is None else now
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    today = now.date()
    if any(b.kind == DAILY and b.taken_at.date() == today for b in list_backups(backups_dir)):
        return None
    path = backup_to(db_path, backups_dir, kind=DAILY, now=now, cancelled=cancelled)
    prune_backups(backups_dir, keep_daily=keep_daily, keep_weekly=keep_weekly, keep=path)
    return path


def prune_backups(
    backups_dir: Path, *, keep_daily: int, keep_weekly: int, keep: Path | None = None
) -> list[Path]:
    """Delete daily copies beyond the newest `keep_daily` and one per ISO week for the newest
    `keep_weekly` weeks before them. Manual, before-upgrade and before-restore copies are
    never deleted, nor the newest good copy (`keep`, known good, or the newest that passes
    the quick check). Returns the deleted files; one that cannot be deleted is left."""
    dailies = [b for b in list_backups(backups_dir) if b.kind == DAILY]
    kept = {b.path for b in dailies[: max(keep_daily, 0)]}
    weeks: list[tuple[int, int]] = []
    for b in dailies[max(keep_daily, 0) :]:
        iso = b.taken_at.isocalendar()
        week = (iso.year, iso.week)
        if week in weeks or len(weeks) >= keep_weekly:
            continue
        weeks.append(week)
        kept.add(b.path)  # newest first, so the newest copy of each week stays
    doomed = [b.path for b in dailies if b.path not in kept]
    if doomed and keep is None:
        keep = newest_good_backup(backups_dir)
    deleted = []
    for path in doomed:
        if keep is not None and path == Path(keep):
            continue
        try:
            path.unlink()
        except OSError:
            continue  # open in another program (Windows): try again at the next backup
        deleted.append(path)
    _sweep_partials(Path(backups_dir))
    return deleted


def _sweep_partials(folder: Path) -> None:
    """Remove temporary files a crash left behind (an hour old: none is still being written)."""
    cutoff = time.time() - 3600
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{_PARTIAL}*.partial"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    _remove(path)


def _sweep_restoring(db_path: Path) -> None:
    """Remove the copies a restore killed half-way left beside the database (an hour old)."""
    cutoff = time.time() - 3600
    with contextlib.suppress(OSError):
        for path in db_path.parent.glob(f".{db_path.name}.*.restoring"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    _remove(path)


def _taken_at(path: Path) -> datetime:
    parsed = parse_backup_name(path.name)
    if parsed is not None:
        return parsed[0]
    return datetime.fromtimestamp(path.stat().st_mtime)


def describe(path: Path, *, thorough: bool = False) -> BackupSummary:
    """A preview of a backup (date, schema, counts, last import, integrity), read-only.

    `thorough` runs `PRAGMA integrity_check` instead of `quick_check`. A damaged or foreign
    file gives a summary with ok=False and the problems; only a missing file raises.
    """
    path = Path(path)
    if not path.is_file():
        raise BranchDeskError(tr("File not found: {path}", path=path))
    live.refuse(path, only_while_open=True)  # the open database is read only through SQLite
    summary = BackupSummary(path, _taken_at(path), path.stat().st_size)
    summary.is_sqlite = is_sqlite_file(path)
    problem = header_problem(path)
    if problem is not None:
        summary.problems.append(problem)
        return summary
    try:
        con = connect_readonly(path, immutable=True)
    except sqlite3.Error as exc:
        summary.problems.append(str(exc))
        return summary
    try:
        summary.problems += structure_problems(
            con, "integrity_check" if thorough else "quick_check"
        )
        summary.problems += foreign_key_problems(con)
        tables = {
            str(row[0]) for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        summary.has_schema = "import_batch" in tables
        summary.revision = read_revision(con)
        if summary.revision in KNOWN_REVISIONS:
            summary.schema_problems = schema_problems(con, summary.revision)
            if "owner_pin" in tables:
                summary.schema_problems += pin_problems(con)
        if summary.has_schema:
            for attr, table in COUNTED:
                if table in tables:
                    count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    setattr(summary, attr, int(count))
            summary.last_import = _last_import(con)
            if "owner_pin" in tables:
                summary.owner_pin = bool(
                    con.execute("SELECT count(*) FROM owner_pin").fetchone()[0]
                )
    except sqlite3.Error as exc:
        summary.problems.append(tr("The file is damaged or not a database: {error}", error=exc))
    finally:
        con.close()
    summary.ok = not summary.problems
    return summary


def _last_import(con: sqlite3.Connection) -> datetime | None:
    row = con.execute("SELECT max(created_at) FROM import_batch WHERE undone_at IS NULL").fetchone()
    if not row or row[0] is None:
        return None
    try:
        return datetime.fromisoformat(str(row[0]))
    except ValueError:
        return None


@dataclass(frozen=True)
class RowComparison:
    """What a backup lacks compared with the database now, table by table."""

    # Tables with fewer rows in the backup: name → (rows now, rows in the backup); rows now is
    # None when that table of the (damaged) database cannot be counted.
    tables: dict[str, tuple[int | None, int]]
    # The database now cannot be read at all: what the backup lacks is unknown.
    unknown: bool = False

    def loses_more_than(self, shown: RowComparison) -> bool:
        """Whether restoring now loses more rows than `shown` (the comparison the user saw)."""
        if shown.unknown:
            return False
        if self.unknown:
            return True
        for table, (now, then) in self.tables.items():
            if table == "audit_entry":  # the log of this very restore's PIN and the like
                continue
            before = shown.tables.get(table)
            if now is None:
                if before is None or before[0] is not None:
                    return True  # countable when shown, not now: unknown is more
                continue  # damaged then and now: what was shown still holds
            lost_before = 0 if before is None or before[0] is None else before[0] - before[1]
            if now - then > lost_before:
                return True
        return False

    def lines(self) -> list[str]:
        if self.unknown:
            return [
                tr(
                    "The database now cannot be read, so what the backup lacks is unknown: "
                    "everything written after the backup was taken is lost by restoring it."
                )
            ]
        if not self.tables:
            return [
                tr(
                    "Compared with now, the backup lacks no rows (rows changed since it was "
                    "taken go back to how they were)."
                )
            ]
        out = [tr("Compared with now, restoring this backup loses these rows:")]
        for table, (now, then) in self.tables.items():
            if now is None:
                out.append(
                    "  "
                    + tr(
                        "{table}: cannot be counted now (damaged), {then} in the backup",
                        table=table_label(table),
                        then=then,
                    )
                )
            else:
                out.append(
                    "  "
                    + tr(
                        "{table}: {now} now, {then} in the backup ({lost} fewer)",
                        table=table_label(table),
                        now=now,
                        then=then,
                        lost=now - then,
                    )
                )
        return out


def _row_counts(con: sqlite3.Connection) -> dict[str, int | None]:
    """Rows per table of our own (not SQLite's, nor the search indexes' inner tables); None
    for a table that cannot be counted."""
    rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [str(n) for n, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    counts: dict[str, int | None] = {}
    for name, _sql in rows:
        name = str(name)
        if name.startswith("sqlite_") or name == "alembic_version" or name in virtual:
            continue
        if any(name.startswith(f"{v}_") for v in virtual):
            continue
        try:
            counts[name] = int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        except sqlite3.Error:
            counts[name] = None
    return counts


def lacking_rows(db_path: Path, backup_path: Path) -> RowComparison:
    """Rows per table that the database has now and the backup has not (read through SQLite:
    committed pages still in the WAL count)."""
    try:
        con = connect_readonly(backup_path, immutable=True)
        try:
            then = _row_counts(con)
        finally:
            con.close()
    except sqlite3.Error:
        then = {}
    try:
        con = connect_readonly(db_path)
        try:
            now = _row_counts(con)
        finally:
            con.close()
    except sqlite3.Error:
        return RowComparison({}, unknown=True)
    lacking: dict[str, tuple[int | None, int]] = {}
    for table, count in now.items():
        before = then.get(table) or 0
        if count is None or count > before:
            lacking[table] = (count, before)
    return RowComparison(lacking)


def restore_refusal(summary: BackupSummary) -> RestoreRefused | None:
    """Why a previewed file must not be restored; None when it may be."""
    path = summary.path
    if not summary.is_sqlite or (summary.ok and not summary.is_branchdesk):
        return RestoreRefused(
            tr(
                "{path} is not a BranchDesk backup; nothing was changed. Choose a file named "
                "branchdesk-….sqlite3 from the backups folder or a USB stick.",
                path=path,
            ),
            "not-branchdesk",
        )
    if summary.too_new:
        return RestoreRefused(
            tr(
                "{path} was written by a newer BranchDesk (schema {revision}); nothing was "
                "changed. Install the newer BranchDesk to restore it.",
                path=path,
                revision=summary.revision,
            ),
            "too-new",
        )
    if summary.ok and summary.is_branchdesk and summary.schema_problems:
        return RestoreRefused(
            tr(
                "{path} is not a backup as BranchDesk writes it, so it is refused and nothing "
                "was changed: {problems} Choose another backup.",
                path=path,
                problems=" ".join(summary.schema_problems),
            ),
            "tampered",
        )
    if not summary.ok or not summary.is_branchdesk:
        problem = summary.problems[0] if summary.problems else tr("no BranchDesk schema")
        return RestoreRefused(
            tr(
                "{path} is damaged and cannot be restored ({problem}); nothing was changed. "
                "Choose an older backup.",
                path=path,
                problem=problem,
            ),
            "damaged",
        )
    return None


def restore(
    db_path: Path,
    backup_path: Path,
    *,
    backups_dir: Path,
    now: datetime | None = None,
    shown: RowComparison | None = None,
) -> RestoreReport:
    """Replace the database with a backup, after saving the current state as a backup.

    The owner only. Refuses (RestoreRefused, nothing changed) a file that is not a BranchDesk
    database, is damaged, or is newer than this BranchDesk. The caller must have disposed its
    engine; another open connection makes the restore refuse. `shown`: what the backup lacks
    as the user was told; where more would be lost now (an import committed meanwhile), it
    refuses.
    """
    require_owner(Action.RESTORE)
    db_path, backup_path = Path(db_path), Path(backup_path)
    location.refuse_network(db_path)
    if not backup_path.is_file():
        raise BranchDeskError(tr("File not found: {path}", path=backup_path))
    if db_path.exists() and os.path.samefile(db_path, backup_path):
        raise RestoreRefused(
            tr("{path} is the database itself; choose a backup.", path=backup_path),
            "not-branchdesk",
        )
    summary = describe(backup_path, thorough=True)
    refusal = restore_refusal(summary)
    if refusal is not None:
        raise refusal
    # Refuse while the database is in use before anything is written, even a safety copy.
    _release(db_path, remove=False)
    if shown is not None and db_path.is_file() and db_path.stat().st_size > 0:
        # Compared again at the last moment: another program may have written since the
        # user was told what the backup lacks (a restore during an import lost its rows with
        # "the backup lacks no rows" on screen).
        now_lacking = lacking_rows(db_path, backup_path)
        if now_lacking.loses_more_than(shown):
            raise RestoreRefused(
                tr(
                    "More was written to the data since you were shown what the backup lacks "
                    "(another window or the command line); nothing was changed. Look at what "
                    "it lacks now, and restore again if you still want to."
                ),
                "changed",
            )
    safety_copy = _save_current(db_path, Path(backups_dir), now)
    _replace_database(db_path, backup_path)
    _audit_restore(db_path, backup_path, summary)
    return RestoreReport(
        db_path=db_path,
        restored_from=backup_path,
        summary=summary,
        safety_copy=safety_copy,
        needs_upgrade=summary.revision != HEAD_REVISION,
    )


def _audit_restore(db_path: Path, backup_path: Path, summary: BackupSummary) -> None:
    """Write the restore into the restored database's audit log. A backup from before the
    audit log existed has no table for it (its schema is upgraded at the next open): then
    only BranchDesk's log file has it. The restore has happened: a failure is logged."""
    from branchdesk.db.base import utcnow
    from branchdesk.permissions import actor, pin_guarded

    detail = tr(
        "Restored {name} (taken {taken})",
        name=backup_path.name,
        taken=summary.taken_at.strftime("%Y-%m-%d %H:%M"),
    )
    log.info("Restored %s into %s", backup_path, db_path)
    try:
        con = sqlite3.connect(db_path)
        try:
            with con:
                if con.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'"
                ).fetchone():
                    con.execute(
                        "INSERT INTO audit_entry (at, action, detail, who, with_pin) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (
                            utcnow().strftime("%Y-%m-%d %H:%M:%S.%f"),
                            Action.RESTORE.value,
                            detail,
                            actor(),
                            pin_guarded(),
                        ),
                    )
        finally:
            con.close()
    except sqlite3.Error:
        log.exception("Could not write the restore into the audit log of %s", db_path)


def _save_current(db_path: Path, backups_dir: Path, now: datetime | None) -> Path | None:
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    try:
        return backup_to(db_path, backups_dir, kind=BEFORE_RESTORE, now=now)
    except DamagedDatabaseError:
        # Restoring is how a damaged database is repaired: keep its bytes, as they are.
        return _raw_copy(db_path, backups_dir, datetime.now() if now is None else now)


def _raw_copy(db_path: Path, backups_dir: Path, now: datetime) -> Path:
    # Copied as bytes, so with no SQLite connection of this process on it: closing the copy's
    # file handle would drop that connection's locks (see db.live).
    if live.open_connections(db_path):
        raise _in_use(db_path)
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        target = _free_path(backups_dir, now, DAMAGED)
        for suffix in ("-wal", ""):  # the main file last: its name marks a complete copy
            src = Path(f"{db_path}{suffix}")
            if src.exists():
                tmp = backups_dir / f"{_PARTIAL}{target.name}{suffix}.partial"
                shutil.copyfile(src, tmp)
                os.replace(tmp, Path(f"{target}{suffix}"))
    except OSError as exc:
        raise _folder_error(backups_dir, exc) from exc
    _fsync_dir(backups_dir)
    return target


def _replace_database(db_path: Path, backup_path: Path) -> None:
    folder = db_path.parent
    _sweep_restoring(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".restoring", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    tmp = Path(name)
    try:
        try:
            _copy(backup_path, tmp, src_immutable=True)
        except (sqlite3.Error, OSError) as exc:
            # SQLite's words for a full disk are English ("database or disk is full").
            error = tr("the disk is full") if is_disk_full(exc) else os_reason(exc)
            raise BranchDeskError(
                tr(
                    "Cannot copy {backup} to {folder}: {error}; nothing was changed. Free some "
                    "space on that drive (empty the recycle bin, move old files away), then "
                    "restore again.",
                    backup=backup_path,
                    folder=folder,
                    error=error,
                )
                if is_disk_full(exc)
                else tr(
                    "Cannot copy {backup} to {folder}: {error}; nothing was changed.",
                    backup=backup_path,
                    folder=folder,
                    error=error,
                )
            ) from exc
        problems = _copy_problems(tmp)
        if problems:
            raise BranchDeskError(
                tr(
                    "The copy of {backup} failed its check ({problem}); nothing was changed.",
                    backup=backup_path,
                    problem=problems[0],
                )
            )
        _release(db_path)
        try:
            os.replace(tmp, db_path)
        except OSError as exc:
            raise _in_use(db_path) from exc
        _fsync_dir(folder)
    except BaseException:
        _remove(tmp)
        raise


def _in_use(db_path: Path) -> BranchDeskError:
    return BranchDeskError(
        tr(
            "The database {path} is in use; nothing was changed. Quit every BranchDesk "
            "(also one waiting in the tray: right-click its icon, Quit BranchDesk) and end "
            "every command, then restore again.",
            path=db_path,
        )
    )


def _release(db_path: Path, *, remove: bool = True) -> None:
    """Fold the old database's WAL into it and (`remove`) delete its -wal/-shm, so no frame of
    the old database is ever replayed onto the restored one; refuse when another connection
    has the database open."""
    wal, shm = Path(f"{db_path}-wal"), Path(f"{db_path}-shm")
    if db_path.is_file() and wal.exists():
        try:
            con = sqlite3.connect(db_path, timeout=2)
            try:
                busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error as exc:
            # A damaged database has nothing to fold in: it is replaced as it is (its bytes
            # are in the before-restore copy by the time its files are removed).
            if not _is_damage(exc):
                raise _in_use(db_path) from exc
        else:
            # The last connection to close deletes the -wal; if it is still there, another
            # connection (another window, an engine not disposed) has the database open.
            if busy or wal.exists():
                raise _in_use(db_path)
    if not remove:
        return
    for sidecar in (wal, shm, Path(f"{db_path}-journal")):
        try:
            sidecar.unlink(missing_ok=True)
        except OSError as exc:
            raise _in_use(db_path) from exc


def newest_good_backup(backups_dir: Path) -> Path | None:
    """The newest backup that passes the quick check, that this BranchDesk can open and that
    a restore would accept (its schema exactly as its revision makes it)."""
    for info in list_backups(backups_dir):
        if not info.ok:
            continue
        try:
            summary = describe(info.path)
        except BranchDeskError:
            continue
        if restore_refusal(summary) is None:
            return info.path
    return None
