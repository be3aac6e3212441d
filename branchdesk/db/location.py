"""Where the database file lives: a network drive is refused; a full disk or a read-only
folder is told as such (folder_problem), not as a damaged file.

SQLite's locking relies on the file system's locks, which network file systems (SMB/CIFS
shares, NFS, sshfs, …) do not provide reliably: two PCs writing at once can damage the file
and lose committed data (sqlite.org, "SQLite Over a Network, Caveats and Considerations").
The file must be on the PC's own disk; a branch with several PCs needs the branch server.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from branchdesk.errors import BranchDeskError, DataFolderError, is_disk_full
from branchdesk.i18n import tr

# SQLite's longest path to a database file (SQLITE_MAX_PATHNAME, in bytes): a longer one
# fails with "unable to open database file", which read as "busy".
MAX_PATH_BYTES = 512

# Linux file system types (the third field after " - " in /proc/self/mountinfo).
LINUX_NETWORK = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "smb",
        "ncpfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
    }
)
# macOS file system type names (statfs f_fstypename).
MAC_NETWORK = frozenset({"nfs", "smbfs", "afpfs", "webdav", "cifs", "ftp"})
DRIVE_REMOTE = 4  # GetDriveTypeW


class NetworkDriveError(BranchDeskError):
    """The database would be on a network drive; nothing was opened."""


def _unescape(field: str) -> str:
    """mountinfo writes a space as \\040 (and tab, newline, backslash likewise)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _read_mountinfo() -> str:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def linux_fs_type(path: str, mountinfo: str) -> str | None:
    """The file system type of the mount holding `path` (the longest matching mount point)."""
    best, best_type = -1, None
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right.split():
            continue
        point = _unescape(fields[4])
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) > best:
            best, best_type = len(point), right.split()[0]
    return best_type


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _mac_fs_type(path: str) -> str | None:
    """statfs(2) f_fstypename on macOS (64-bit struct statfs), None when it cannot be read."""
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):
        _fields_ = [
            ("f_bsize", ctypes.c_uint32),
            ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64),
            ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32),
            ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32),
            ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16),
            ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024),
            ("f_reserved", ctypes.c_uint32 * 8),
        ]

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs
        result = StatFs()
        if statfs(os.fsencode(path), ctypes.byref(result)) != 0:
            return None
        return result.f_fstypename.decode("ascii", "replace")
    except (OSError, AttributeError, ValueError):
        return None


def _real(path: Path) -> Path:
    """`path` with links resolved in the part that exists (the file may not exist yet)."""
    path = Path(os.path.abspath(path))
    tail: list[str] = []
    while not path.exists() and path.parent != path:
        tail.insert(0, path.name)
        path = path.parent
    return path.resolve().joinpath(*tail)


def network_filesystem(
    path: str | os.PathLike[str],
    *,
    system: str | None = None,
    mountinfo: str | None = None,
    drive_type: Callable[[str], int] | None = None,
    fs_type: Callable[[str], str | None] | None = None,
) -> str | None:
    """What network file system `path` is on ("nfs4", "cifs", "network drive", "UNC path"…),
    or None for a local disk. The keyword arguments stand in for the system in tests."""
    system = system or sys.platform
    raw = os.fspath(path)
    if system == "win32":
        if raw.startswith(("\\\\", "//")) and not raw.startswith(("\\\\?\\", "\\\\.\\")):
            return "UNC path"
        drive = os.path.splitdrive(os.path.abspath(raw))[0] if system == sys.platform else ""
        drive = drive or raw[:2]
        if drive.startswith(("\\\\", "//")):
            return "UNC path"
        if len(drive) == 2 and drive[1] == ":":
            kind = (drive_type or _windows_drive_type)(drive + "\\")
            return "network drive" if kind == DRIVE_REMOTE else None
        return None
    where = str(_real(Path(raw))) if system == sys.platform else raw
    if system == "darwin":
        name = (fs_type or _mac_fs_type)(where)
        return name if name in MAC_NETWORK else None
    if system.startswith("linux"):
        table = _read_mountinfo() if mountinfo is None else mountinfo
        name = linux_fs_type(where, table)
        return name if name in LINUX_NETWORK else None
    return None


def refuse_network(db_path: str | os.PathLike[str]) -> None:
    """Raise NetworkDriveError, with why and what to do, for a database on a network drive."""
    kind = network_filesystem(db_path)
    if kind is None:
        return
    raise NetworkDriveError(
        tr(
            "The database {path} is on a network drive ({kind}). BranchDesk keeps its data in "
            "an SQLite file, and SQLite's locking does not work reliably over a network file "
            "system: two PCs writing at once can damage the file and lose data. Keep the data "
            "on this PC's own disk (start BranchDesk with --data-dir on a local folder, or move "
            "the data folder there) and back up to the network drive instead. For several PCs "
            "sharing one branch's data, a branch server is planned.",
            path=db_path,
            kind=kind,
        )
    )


# SQLite's result codes that its file's place can cause: SQLITE_READONLY, SQLITE_IOERR,
# SQLITE_FULL, SQLITE_CANTOPEN.
_STORAGE_CODES = frozenset({8, 10, 13, 14})
_STORAGE_WORDS = (
    "disk i/o error",
    "unable to open database file",
    "readonly database",
    "database or disk is full",
)


def _storage_kind(exc: BaseException) -> bool:
    """Whether `exc` is of the kind a disk or folder causes (not damage, not a lock)."""
    if isinstance(exc, OSError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _STORAGE_CODES
    return any(word in str(exc).lower() for word in _STORAGE_WORDS)


def _writable(folder: Path) -> bool:
    """A file can be made in `folder` (os.access says yes for any folder on Windows, and to
    root on a read-only drive)."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def folder_problem(path: Path, exc: BaseException) -> DataFolderError | None:
    """What keeps the database at `path` from opening when it is its disk or folder, not the
    file: a full disk (a failed import's -wal file filled it: "disk I/O error"), a read-only
    folder ("unable to open database file"). None where the folder and disk look fine, and
    for what only the file can be ("malformed", "not a database"): damage is never hidden
    behind a nearly full disk."""
    import shutil

    if not _storage_kind(exc):
        return None

    folder = Path(path).parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if len(os.fsencode(str(path))) > MAX_PATH_BYTES:
        return DataFolderError(
            tr(
                "The path of the data folder {folder} is too long ({length} characters) for "
                "the database. Choose a data folder with a shorter path, then start BranchDesk "
                "again.",
                folder=folder,
                length=len(str(path)),
            )
        )
    if is_disk_full(exc) or (free is not None and free < 1024 * 1024):
        return DataFolderError(
            tr(
                "The disk that holds {folder} is full, so BranchDesk cannot open its data. The "
                "data is not damaged: free some space on that drive (empty the recycle bin, "
                "move old files away), then start BranchDesk again.",
                folder=folder,
            )
        )
    if folder.is_dir() and not _writable(folder):
        return DataFolderError(
            tr(
                "The data folder {folder} is read-only, so BranchDesk cannot open its data. "
                "Let this Windows user write to the folder (or choose another data folder), "
                "then start BranchDesk again.",
                folder=folder,
            )
        )
    return None
