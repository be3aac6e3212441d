"""Where BranchDesk keeps its files: one data dir, overridable for tests and portable use."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "BRANCHDESK_DATA_DIR"
DB_FILE_NAME = "branchdesk.sqlite3"
SETTINGS_FILE_NAME = "settings.json"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Point every later call of data_dir() at `path` (from --data-dir); None clears it."""
    global _override
    _override = Path(path).expanduser().resolve() if path is not None else None


def data_dir() -> Path:
    """The data dir: --data-dir, then $BRANCHDESK_DATA_DIR, then the per-user app data dir."""
    if _override is not None:
        base = _override
    elif os.environ.get(ENV_DATA_DIR):
        base = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    else:
        base = Path(platformdirs.user_data_dir("BranchDesk", appauthor=False, roaming=False))
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, a drive gone, no right to create it
        from branchdesk.errors import BranchDeskError, os_reason
        from branchdesk.i18n import tr

        raise BranchDeskError(
            tr(
                "The data folder {path} cannot be used: {error}. Give a folder with "
                "--data-dir (or BRANCHDESK_DATA_DIR), for example a new empty one.",
                path=base,
                error=os_reason(exc),
            )
        ) from exc
    return base


def data_dir_is_custom() -> bool:
    """Whether the data dir was chosen (--data-dir or $BRANCHDESK_DATA_DIR), not the default."""
    return _override is not None or bool(os.environ.get(ENV_DATA_DIR))


def db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE_NAME


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
