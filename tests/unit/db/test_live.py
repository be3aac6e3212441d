"""The open database is touched only through SQLite by this process (db.live).

Opening the live file with `open()` and closing it drops this process's POSIX locks on it; the
next process to close the database then thinks it is the last one and deletes the WAL that
this process still writes to.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from branchdesk import paths
from branchdesk.cli import main
from branchdesk.db import live
from branchdesk.db.backup import backup_to, describe, list_backups
from branchdesk.db.engine import Database
from branchdesk.db.integrity import full_check, header_problem, quick_check
from branchdesk.io.export import write_table
from tests.conftest import SAMPLE_WAYBILLS

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows has no POSIX advisory locks to lose"
)

OPEN_AND_CLOSE = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); " + (
    "c.execute('SELECT count(*) FROM sqlite_master').fetchall(); c.close()"
)


def another_process_opens_and_closes(path: Path) -> None:
    subprocess.run([sys.executable, "-c", OPEN_AND_CLOSE, str(path)], check=True, timeout=60)


@pytest.mark.parametrize("check", [quick_check, full_check])
def test_checking_the_open_database_keeps_its_locks(db: Database, check: object) -> None:
    db_path = paths.db_path()
    wal = Path(f"{db_path}-wal")
    with db.engine.connect() as con:  # held open, as the window holds its connections
        con.execute(text("SELECT count(*) FROM import_batch")).scalar()
        assert wal.exists()
        report = check(db_path)  # type: ignore[operator]
        assert report.ok, report.problems
        another_process_opens_and_closes(db_path)
        # Still ours: the other process saw our connection and left the WAL alone.
        assert wal.exists()


def test_the_open_database_is_never_read_or_replaced_as_a_file(
    db: Database, tmp_path: Path
) -> None:
    db_path = paths.db_path()
    with db.session() as s:
        s.execute(text("SELECT 1"))
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        with pytest.raises(live.LiveDatabaseFile, match="database BranchDesk is using"):
            header_problem(path)
        with pytest.raises(live.LiveDatabaseFile):
            write_table(path, ["a"], [["x"]])
    with pytest.raises(live.LiveDatabaseFile):
        describe(db_path)
    link = tmp_path / "another-name.sqlite3"
    link.hardlink_to(db_path)
    with pytest.raises(live.LiveDatabaseFile):
        describe(link)
    assert db_path.stat().st_size > 0
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM import_batch")).scalar() == 0


def test_backups_are_still_read_as_files(sample_of: Callable[[int], Database]) -> None:
    sample_of(SAMPLE_WAYBILLS)
    copy = backup_to(paths.db_path(), paths.backups_dir())
    assert header_problem(copy) is None
    assert describe(copy).ok
    assert [b.path for b in list_backups(paths.backups_dir())] == [copy]


def test_the_command_line_refuses_to_export_over_the_database(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    db.dispose()
    before = paths.db_path().stat().st_size
    assert main(["export", "areas", "-o", str(paths.db_path())]) == 1
    assert "database BranchDesk is using" in capsys.readouterr().err
    assert paths.db_path().stat().st_size == before
    assert quick_check(paths.db_path()).ok
