"""The branch's settings live in the database: editing settings.json cannot change them, delete
backups or skip the PIN; replacing the area table is the owner's, audited."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from branchdesk import paths
from branchdesk.cli import main
from branchdesk.db.backup import DAILY, backup_to, list_backups
from branchdesk.db.engine import Database
from branchdesk.owner import audit, pin
from branchdesk.settings import SettingsStore
from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Boxes


def edit_settings_file(**values: object) -> None:
    """What someone at the PC can do with a text editor."""
    path = paths.settings_path()
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data.update(values)
    path.write_text(json.dumps(data), encoding="utf-8")


def old_daily_backups(count: int) -> list[Path]:
    start = datetime.now() - timedelta(days=count + 1)
    return [
        backup_to(paths.db_path(), paths.backups_dir(), kind=DAILY, now=start + timedelta(days=n))
        for n in range(count)
    ]


def start_window(qtbot: QtBot, db: Database) -> MainWindow:
    """A window as BranchDesk starts it: integrity check, daily backup and its pruning."""
    window = MainWindow(db, startup_checks=True)
    qtbot.addWidget(window)
    today = datetime.now().date()

    def backed_up_today() -> bool:
        dailies = [b for b in list_backups(paths.backups_dir()) if b.kind == DAILY]
        return any(b.taken_at.date() == today for b in dailies) and window._warmup is None

    qtbot.waitUntil(backed_up_today, timeout=60_000)
    return window


def test_a_settings_file_edit_deletes_no_backup_and_changes_nothing(
    qtbot: QtBot, sample_db: Database, boxes: Boxes
) -> None:
    made = old_daily_backups(5)
    # Retention 0 in settings.json, as in the report: it once deleted every daily backup.
    edit_settings_file(backup_keep_daily=0, backup_keep_weekly=0, waybill_keep_days=0)
    window = start_window(qtbot, sample_db)
    assert all(p.exists() for p in made)
    assert window.settings.get("backup_keep_daily") == 14
    assert window.settings.get("waybill_keep_days") == 180
    # The first start took over the one valid value the file held, in the audit log.
    with sample_db.read_session() as s:
        entries = audit.entries(s, action="change_settings")
    assert len(entries) == 1 and "Taken over from settings.json" in entries[0].detail
    assert "Weekly backups kept: 0" in entries[0].detail
    assert "backup_keep_daily" not in json.loads(paths.settings_path().read_text("utf-8"))
    window.close()

    # Later edits of the file change nothing at all.
    edit_settings_file(backup_keep_daily=1, backup_keep_weekly=0, waybill_keep_days=1)
    window = start_window(qtbot, sample_db)
    assert all(p.exists() for p in made)
    assert len([b for b in list_backups(paths.backups_dir()) if b.kind == DAILY]) == 6
    store = SettingsStore()
    assert (store.get("backup_keep_daily"), store.get("waybill_keep_days")) == (14, 180)
    with sample_db.read_session() as s:
        assert len(audit.entries(s, action="change_settings")) == 1


def test_replacing_the_area_table_is_the_owners_and_audited(
    sample_db: Database, fixtures: Path, capsys: object
) -> None:
    with sample_db.session() as s:
        pin.set_pin(s, "2580")
    sample_db.dispose()
    areas = str(fixtures / "areas_utf8.csv")
    assert main(["import", "areas", areas]) == 1
    assert main(["import", "areas", areas, "--pin", "2580"]) == 0
    with sample_db.read_session() as s:
        entries = [e for e in audit.entries(s, action="replace_areas") if "areas_utf8" in e.detail]
    assert len(entries) == 1 and entries[0].with_pin


def test_a_daily_backup_that_cannot_be_made_is_said(
    qtbot: QtBot, sample_db: Database, boxes: Boxes
) -> None:
    """The backups folder on a full disk (or gone): the day's backup failed without a word,
    the status bar said 就绪 and the log nothing."""
    import shutil

    backups = paths.backups_dir()
    shutil.rmtree(backups)
    backups.write_text("a file where the backups folder should be")
    try:
        window = MainWindow(sample_db, startup_checks=True)
        qtbot.addWidget(window)
        qtbot.waitUntil(
            lambda: "backup" in window.statusBar().currentMessage() and window._warmup is None,
            timeout=60_000,
        )
        message = window.statusBar().currentMessage()
        assert message.startswith("Today's automatic backup was not made")
        assert str(backups) in message
    finally:
        backups.unlink()
