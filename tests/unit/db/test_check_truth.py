"""`check` tells the truth: committed pages still in the WAL are part of the database.

A process killed while SQLite copied a big committed import from the WAL into the database
file (a checkpoint) leaves a file whose header already counts the new pages but which is
shorter than that, and a WAL holding them all. SQLite recovers it at the next open. A check
that measured the file alone called it damaged and advised restoring an older backup, which
would have thrown the committed import away.
"""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from branchdesk import i18n, paths
from branchdesk.cli import main
from branchdesk.db.backup import backup_to, lacking_rows
from branchdesk.db.engine import Database, open_database
from branchdesk.db.integrity import full_check, quick_check
from branchdesk.lookup.models import Waybill
from tests.unit.db.processes import child_env
from tests.unit.db.test_side_by_side import waybill_csv

# Imports the file and dies right after the commit, before any checkpoint: every page of the
# import is only in the WAL.
COMMIT_AND_DIE = """
import os, sys
from pathlib import Path
from sqlalchemy import event
from branchdesk import features, paths
from branchdesk.db.engine import open_database
from branchdesk.io.importing import run_import
paths.set_data_dir(sys.argv[1])
features.install()
db = open_database()
event.listen(db.engine, "connect", lambda c, r: c.execute("PRAGMA wal_autocheckpoint=0"))
db.engine.dispose()
with db.session() as session:
    run_import(session, Path(sys.argv[2]), "waybills")
os._exit(0)
"""


def copy_page_one_from_the_wal(db_path: Path) -> None:
    """What a checkpoint does first: the newest page 1 (the header with the new page count)
    from the WAL into the database file, which is not yet extended to that many pages."""
    wal = Path(f"{db_path}-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    newest = None
    offset = 32
    while offset + 24 + page_size <= len(wal):
        if struct.unpack(">I", wal[offset : offset + 4])[0] == 1:
            newest = wal[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    assert newest is not None
    with open(db_path, "r+b") as fh:
        fh.write(newest)
    pages = struct.unpack(">I", newest[28:32])[0]
    assert db_path.stat().st_size < pages * page_size  # the file is "cut short"


@pytest.fixture
def stopped_checkpoint(
    db: Database, sample_of: Callable[[int], Database], data_dir: Path, tmp_path: Path
) -> tuple[int, Path]:
    """A committed import of 3,000 waybills in the WAL, a checkpoint stopped after page 1, and
    an older backup without that import. Returns (waybills committed, the backup)."""
    sample_of(100)
    db.dispose()
    backup = backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    numbers = waybill_csv(tmp_path / "运单.csv", 7, 3000)
    subprocess.run(
        [sys.executable, "-c", COMMIT_AND_DIE, str(data_dir), str(tmp_path / "运单.csv")],
        check=True,
        timeout=120,
        env=child_env(),
    )
    copy_page_one_from_the_wal(paths.db_path())
    return 100 + len(numbers), backup


def test_a_stopped_checkpoint_is_not_damage(
    stopped_checkpoint: tuple[int, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    committed, _backup = stopped_checkpoint
    for check in (quick_check, full_check):
        report = check(paths.db_path())
        assert report.ok, report.problems
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "PROBLEMS" not in out and "restore" not in out
    # The committed import is all there for the next start.
    db = open_database()
    try:
        with db.read_session() as s:
            assert s.scalar(select(func.count()).select_from(Waybill)) == committed
    finally:
        db.dispose()
    assert full_check(paths.db_path()).ok


def test_the_restore_says_what_the_backup_lacks(
    stopped_checkpoint: tuple[int, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _committed, backup = stopped_checkpoint
    lacking = lacking_rows(paths.db_path(), backup)
    assert lacking.tables["waybill"] == (3100, 100)
    now, then = lacking.tables["import_batch"]
    assert now == then + 1
    assert set(lacking.tables) == {"waybill", "import_batch"}
    assert main(["restore", str(backup)]) == 2  # no --yes, no terminal: nothing done
    out = capsys.readouterr().out
    assert "Waybills: 3100 now, 100 in the backup (3000 fewer)" in out
    i18n.set_language("zh_CN")
    assert "运单：当前 3100 行" in "\n".join(lacking.lines())
