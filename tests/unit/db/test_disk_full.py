"""A full disk is told as a full disk, with what to do: never as "database busy"."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from branchdesk.cli import main
from branchdesk.db import engine as engine_module
from branchdesk.db.engine import Database, open_database
from branchdesk.errors import DiskFullError
from branchdesk.lookup.models import Waybill
from tests.unit.db.test_side_by_side import waybill_csv


@pytest.fixture
def full_database(
    db: Database, sample_of: Callable[[int], Database], monkeypatch: pytest.MonkeyPatch
) -> Database:
    """The sample branch in a database that may not grow by more than a few pages, as on a
    full disk (SQLite answers SQLITE_FULL, "database or disk is full")."""
    sample_of(100)
    with db.read_session() as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    db.dispose()
    pragmas = engine_module._set_sqlite_pragmas

    def limited(dbapi_connection: Any, record: Any) -> None:
        pragmas(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA max_page_count={int(pages) + 5}")

    monkeypatch.setattr(engine_module, "_set_sqlite_pragmas", limited)
    return open_database()


def test_a_full_database_says_the_disk_is_full(full_database: Database, tmp_path: Path) -> None:
    from branchdesk.io.importing import run_import

    waybill_csv(tmp_path / "运单.csv", 3, 2000)
    with (
        pytest.raises(DiskFullError, match="disk is full: nothing was saved"),
        full_database.session() as s,
    ):
        run_import(s, tmp_path / "运单.csv", "waybills")
    with full_database.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Waybill)) == 100
    full_database.dispose()


def test_the_command_line_says_the_disk_is_full(
    full_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full_database.dispose()
    waybill_csv(tmp_path / "运单.csv", 3, 2000)
    assert main(["import", "waybills", str(tmp_path / "运单.csv")]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "Free some space" in err
    assert "busy" not in err and "Close other" not in err


def test_an_export_to_a_full_disk_says_so(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def no_space(self: Workbook, filename: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", filename)

    monkeypatch.setattr(Workbook, "save", no_space)
    db.dispose()
    assert main(["export", "areas", "-o", str(tmp_path / "片区.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "disk is full: nothing was saved" in err and "片区.xlsx" in err
    assert not (tmp_path / "片区.xlsx").exists()


def test_a_file_write_on_a_full_disk_in_the_command_line(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import branchdesk.db.backup as backup

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))

    db.dispose()
    monkeypatch.setattr(backup, "backup_to", no_space)
    assert main(["backup"]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "Check that the folder exists" not in err


def test_a_database_a_full_disk_keeps_from_opening_is_not_called_damaged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failed import's -wal filled the disk; every later start said the data was damaged
    ("disk I/O error"), and `check` and the window offered to restore the backup, losing what
    was written since (hostile tester, a 20 MB drive)."""
    import shutil
    import sqlite3
    from collections import namedtuple

    from branchdesk import paths
    from branchdesk.db import engine as engine_module
    from branchdesk.db.integrity import full_check
    from branchdesk.errors import DataFolderError

    open_database().dispose()
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(20 << 20, 20 << 20, 0))

    def io_error(*_a: object, **_k: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    connect = engine_module.sqlite3.connect
    monkeypatch.setattr(engine_module.sqlite3, "connect", io_error)
    with pytest.raises(DataFolderError, match="is full") as told:
        open_database()
    assert "damaged" not in str(told.value) or "not damaged" in str(told.value)
    monkeypatch.setattr(engine_module.sqlite3, "connect", connect)
    from branchdesk.db import integrity

    monkeypatch.setattr(integrity, "connect_readonly", io_error)
    with pytest.raises(DataFolderError):
        full_check(paths.db_path())
    assert main(["check"]) == 1
    out = capsys.readouterr()
    assert "is full" in out.out + out.err and "restore" not in (out.out + out.err).lower()


def test_a_read_only_data_folder_is_said_as_such(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import tempfile
    from collections import namedtuple

    from branchdesk.db.location import folder_problem

    def read_only(*_a: object, **_k: object) -> None:
        raise OSError(30, "Read-only file system")

    db_file = data_dir / "branchdesk.sqlite3"
    cannot_open = sqlite3.OperationalError("unable to open database file")
    with monkeypatch.context() as m:
        m.setattr(tempfile, "TemporaryFile", read_only)
        problem = folder_problem(db_file, cannot_open)
        assert problem is not None and "read-only" in str(problem)
    # Damage is damage, however full the disk (review): it keeps its restore offer.
    import shutil

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(1 << 30, 1 << 30, 100))
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    assert folder_problem(db_file, malformed) is None
    assert folder_problem(db_file, sqlite3.OperationalError("database is locked")) is None
    assert folder_problem(db_file, cannot_open) is not None


def test_a_data_folder_path_too_long_for_the_database_is_said_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A data folder whose database path passes SQLite's 512 bytes was told as "the database
    is busy or cannot be written" (hostile tester)."""
    deep = tmp_path.joinpath(*["很长的目录名称" * 6] * 4)
    assert main(["--data-dir", str(deep), "lookup", "中山西路"]) == 1
    err = capsys.readouterr().err
    assert "too long" in err and "busy" not in err


def test_a_restore_onto_a_full_disk_says_the_disk_is_full_and_what_to_do(
    sample_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """「无法将 … 复制到 …：database or disk is full；未做任何改动。」: SQLite's English, no next
    step (hostile tester)."""
    import sqlite3

    from branchdesk import paths
    from branchdesk.db import backup
    from branchdesk.errors import BranchDeskError

    copy = backup.backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    sample_db.dispose()

    copy_file = backup._copy

    def full(src: Path, dst: Path, **kw: object) -> None:
        if str(dst).endswith(".restoring"):  # the safety copy went in; the backup does not
            raise sqlite3.OperationalError("database or disk is full")
        copy_file(src, dst, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(backup, "_copy", full)
    with pytest.raises(BranchDeskError) as told:
        backup.restore(paths.db_path(), copy, backups_dir=paths.backups_dir())
    text = str(told.value)
    assert "the disk is full" in text and "database or disk" not in text
    assert "nothing was changed" in text and "Free some space" in text
