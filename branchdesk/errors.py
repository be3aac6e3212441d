"""Typed errors that lower layers raise and the UI or CLI present to the user."""

from __future__ import annotations

import errno


class BranchDeskError(Exception):
    """An error whose message is written for the user (already translated)."""


class DatabaseTooNewError(BranchDeskError):
    """The DB was written by a newer BranchDesk; opening it could lose data."""


class DatabaseError(BranchDeskError):
    """The DB file cannot be opened or migrated."""


class DiskFullError(BranchDeskError):
    """The disk (or the database's size limit) is full; nothing of the action was saved."""


class DataFolderError(BranchDeskError):
    """The data cannot be opened for a reason of its folder or disk, not of the file: a full
    disk, a read-only folder. Said as such; no backup is offered in its place."""


class DatabaseBusyError(BranchDeskError):
    """Another window or command held the database's write lock for too long."""


SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 5, 11, 13, 26
# errno ENOSPC (no space left on device), EDQUOT (disk quota exceeded); Windows error codes
# ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL.
_FULL_ERRNOS = {28, 122}
_FULL_WINERRORS = {39, 112}


def is_disk_full(exc: BaseException) -> bool:
    """True for SQLite's SQLITE_FULL ("database or disk is full") and a file write's ENOSPC."""
    exc = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS or getattr(exc, "winerror", None) in _FULL_WINERRORS
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == SQLITE_FULL
    return "database or disk is full" in str(exc)


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's SQLITE_BUSY ("database is locked": another connection holds it)."""
    exc = getattr(exc, "orig", None) or exc
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == SQLITE_BUSY
    return "database is locked" in str(exc)


def is_damaged(exc: BaseException) -> bool:
    """True for SQLite's SQLITE_CORRUPT and SQLITE_NOTADB ("database disk image is
    malformed", "file is not a database"): the file itself is damaged."""
    import sqlite3

    exc = getattr(exc, "orig", None) or exc
    if not isinstance(exc, sqlite3.DatabaseError):  # a ValueError("malformed …") is no file
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def disk_full(where: object) -> DiskFullError:
    from branchdesk.i18n import tr

    return DiskFullError(
        tr(
            "The disk is full: nothing was saved. Free some space on the drive that holds "
            "{path} (empty the recycle bin, move old files away), then try again.",
            path=where,
        )
    )


def storage_error(exc: BaseException, where: object) -> BranchDeskError | None:
    """The message a user should see for a storage failure of `where` (a database or a file):
    a full disk says so; a database held by another writer says that; a damaged database file
    says what to do. None for anything else."""
    if is_disk_full(exc):
        return disk_full(where)
    if is_damaged(exc):
        from branchdesk.i18n import tr

        return DatabaseError(
            tr(
                "The branch's data file is damaged ({error}): {path}. Nothing was changed. "
                "Restore the newest good backup (文件 › 从备份恢复…, or “branchdesk restore”); "
                "“branchdesk check” lists the backups. Do not delete the file.",
                error=getattr(exc, "orig", None) or exc,
                path=where,
            )
        )
    if is_busy(exc):
        from branchdesk.i18n import tr

        return DatabaseBusyError(
            tr(
                "The database is busy: another BranchDesk window or command is writing to it "
                "(a big import, a restore). Nothing was saved; try again when it has finished.",
            )
        )
    return None


def os_reason(exc: BaseException) -> str:
    """Why a file operation failed, in the user's language: Windows words its own errors in
    the PC's language, but the C library's (open() on Windows, everything on Linux) are
    English, and a Chinese message with "Permission denied" inside helps nobody."""
    from branchdesk.i18n import tr

    if not isinstance(exc, OSError):
        return str(exc)
    if getattr(exc, "winerror", None) and exc.strerror:
        return exc.strerror  # FormatMessage: already in the language of Windows
    denied = tr(
        "access is denied (the file may be open in another program, or the folder is not writable)"
    )
    reasons = {
        errno.ENOENT: tr("the file or folder does not exist"),
        errno.EACCES: denied,
        errno.EPERM: denied,
        errno.EROFS: tr("the drive is read-only"),
        errno.EEXIST: tr("it already exists"),
        errno.EISDIR: tr("it is a folder, not a file"),
        errno.ENOTDIR: tr("part of the path is not a folder"),
        errno.ENAMETOOLONG: tr("the name is too long"),
        errno.EBUSY: tr("it is in use by another program"),
        errno.EINVAL: tr("the name is not allowed here"),
        errno.ENOSPC: tr("the disk is full"),
        errno.EIO: tr("the drive could not be read or written (is it still plugged in?)"),
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return exc.strerror or str(exc)


def file_problem(exc: OSError) -> str:
    """The whole message for a file operation that failed: which file, why (os_reason), and
    what to do; a full disk is told as one."""
    from branchdesk.i18n import tr

    where = exc.filename if exc.filename is not None else ""
    if is_disk_full(exc):
        return str(disk_full(where))
    if not where:
        return tr(
            "A file could not be used: {error}. Check that it is still there and not open in "
            "another program, then try again.",
            error=os_reason(exc),
        )
    return tr(
        "Cannot use {path}: {error}. Check that it is still there and not open in another "
        "program, then try again.",
        path=where,
        error=os_reason(exc),
    )


def json_reason(exc: BaseException) -> str:
    """Why text could not be read as JSON, in the user's language (Python's own words are
    English: "Expecting property name enclosed in double quotes: line 1 column 2")."""
    import json

    from branchdesk.i18n import tr

    if isinstance(exc, json.JSONDecodeError):
        return tr("it is wrong at line {line}, column {column}", line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return tr("it is not UTF-8 text")
    if isinstance(exc, RecursionError):
        return tr("it is nested too deeply")
    return str(exc)
