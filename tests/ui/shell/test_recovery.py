"""A damaged database: the window offers the newest good backup instead of failing each start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from branchdesk import paths
from branchdesk.complaints import service
from branchdesk.db.backup import backup_to
from branchdesk.db.engine import Database
from branchdesk.db.integrity import IntegrityReport
from branchdesk.lookup.models import Waybill
from branchdesk.settings import SettingsStore
from branchdesk.ui.shell.main_window import MainWindow
from tests.conftest import without_complaints
from tests.ui.conftest import Boxes


def _damaged_with_a_backup(sample_db: Database) -> int:
    with sample_db.session() as s:
        count = s.scalar(select(func.count(Waybill.id))) or 0
    sample_db.dispose()
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    # Garbage over the file's header: SQLite no longer recognises it.
    with open(paths.db_path(), "r+b") as fh:
        fh.write(b"\x00garbage" * 16)
    for extra in ("-wal", "-shm"):
        Path(str(paths.db_path()) + extra).unlink(missing_ok=True)
    return count


def test_a_damaged_database_is_restored_from_the_newest_backup(
    qtbot: QtBot, boxes: Boxes, sample_db: Database
) -> None:
    count = _damaged_with_a_backup(sample_db)
    SettingsStore().set("first_run_done", True)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_data()
    assert boxes.shown[0][0] == "question" and "branchdesk-" in boxes.shown[0][1]
    assert window.db is not None
    with window.db.session() as s:
        assert s.scalar(select(func.count(Waybill.id))) == count
    # The damaged file was kept as a backup before the restore.
    assert any("before-restore" in p.name for p in paths.backups_dir().iterdir())


def test_refusing_the_restore_closes_without_touching_the_file(
    qtbot: QtBot, boxes: Boxes, sample_db: Database
) -> None:
    _damaged_with_a_backup(sample_db)
    before = paths.db_path().read_bytes()
    boxes.answer = boxes.answer.No
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_data()
    assert paths.db_path().read_bytes() == before


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_failed_check_after_start_offers_the_backup(
    qtbot: QtBot, boxes: Boxes, sample_db: object
) -> None:
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    window = MainWindow(sample_db)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    boxes.answer = boxes.answer.No
    window._checked(IntegrityReport(ok=False, problems=["row 12 missing from index"]))
    assert boxes.shown[-1][0] == "question" and "row 12" in boxes.shown[-1][1]
    assert window.isVisible()  # hidden (in the tray), it came forward for the question
    with sqlite3.connect(paths.db_path()) as con:
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_offer_says_what_the_backup_lacks(
    qtbot: QtBot, boxes: Boxes, sample_db: Database
) -> None:
    without_complaints(sample_db)  # the comparison counts the complaints logged below
    window = MainWindow(sample_db)
    qtbot.addWidget(window)
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    boxes.answer = boxes.answer.No
    window._checked(IntegrityReport(ok=False, problems=["row 12 missing from index"]))
    # The message names the backup by its time; its last paragraph is the comparison.
    assert boxes.shown[-1][1].split("\n\n")[-1] == (
        "Compared with now, the backup lacks no rows "
        "(rows changed since it was taken go back to how they were)."
    )
    with sample_db.session() as s:  # logged after the backup was taken
        service.ensure_default_categories(s)
        category = service.category_tree(s)[0].id
        for n in range(3):
            service.create_complaint(
                s, service.NewComplaint(channel="电话", category_id=category, description=f"#{n}")
            )
    window._checked(IntegrityReport(ok=False, problems=["row 12 missing from index"]))
    assert boxes.shown[-1][1].split("\n\n")[-1] == (
        "Compared with now, restoring this backup loses these rows:\n"
        "  Complaints: 3 now, 0 in the backup (3 fewer)\n"
        "  Complaint history: 3 now, 0 in the backup (3 fewer)"
    )
