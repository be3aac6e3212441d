"""Backing up to a folder and restoring a backup from the File menu, as a user does it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from branchdesk import paths
from branchdesk.db.backup import backup_to, list_backups
from branchdesk.db.engine import Database, open_database
from branchdesk.lookup.models import AreaRule, Courier, Waybill
from branchdesk.lookup.retention import count_old_waybills, purge_waybills
from branchdesk.permissions import Action, set_policy
from branchdesk.ui.shell.main_window import MainWindow
from branchdesk.ui.shell.restore_dialog import RestoreDialog
from tests.ui.conftest import Boxes
from tests.unit.db.test_integrity import truncate_half, zero_middle_page

WAIT_MS = 30000


def row_counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {
            model.__name__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Waybill, AreaRule, Courier)
        }


def counts_in(path: Path) -> dict[str, int]:
    """Open a database file with BranchDesk itself, as the next start would."""
    db = open_database(path)
    try:
        return row_counts(db)
    finally:
        db.dispose()


def add_courier(db: Database, name: str = "新来的快递员") -> None:
    with db.session() as s:
        s.add(Courier(name=name))


def back_up_from_the_menu(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    shown = len(boxes.shown)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: len(boxes.shown) > shown, timeout=WAIT_MS)
    qtbot.waitUntil(window.backup_action.isEnabled, timeout=WAIT_MS)


@pytest.fixture(autouse=True)
def close_restore_dialogs() -> Iterator[None]:
    """An application-modal dialog left open would swallow the next tests' key presses."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RestoreDialog) and widget.isVisible():
            widget.reject()
    QApplication.processEvents()


def open_restore(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    window.restore_action.trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def choose_file(
    qtbot: QtBot, dialog: RestoreDialog, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)


def list_rows(dialog: RestoreDialog) -> list[list[str]]:
    """The backups list as shown: one row of cell texts per backup."""
    model = dialog.model
    return [
        [model.index(row, col).data() for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def current_row(dialog: RestoreDialog) -> int:
    return dialog.backup_list.currentIndex().row()


@pytest.fixture
def owner_only_policy() -> Iterator[None]:
    yield
    set_policy(None)


# --- back up to a folder ---------------------------------------------------------------------


def test_back_up_to_a_chosen_folder_writes_a_backup_that_opens(
    qtbot: QtBot,
    window: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.db is not None
    before = row_counts(window.db)
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    back_up_from_the_menu(qtbot, window, boxes, monkeypatch, stick)

    written = list(stick.iterdir())
    assert len(written) == 1, written  # one file, no -wal, -shm or partial left beside it
    assert written[0].name.startswith("branchdesk-")
    assert written[0].name.endswith("-manual.sqlite3")
    assert boxes.shown == [("information", boxes.shown[0][1])]
    assert str(written[0]) in boxes.shown[0][1]
    assert counts_in(written[0]) == before
    assert before["Waybill"] == 400


def test_cancelling_the_folder_choice_writes_nothing(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: "")
    window.backup_action.trigger()
    qtbot.wait(50)
    assert boxes.shown == []
    assert list_backups(paths.backups_dir()) == []
    assert window.backup_action.isEnabled()


def test_a_folder_that_cannot_be_written_gives_the_message_and_no_file(
    qtbot: QtBot,
    window: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The stick was pulled out and something else took its place: the chosen folder cannot
    # be created or written (chmod alone does not stop root, which runs some test machines).
    stick = tmp_path / "usb-stick"
    stick.write_text("a file where the folder should be")
    target = stick / "backups"
    back_up_from_the_menu(qtbot, window, boxes, monkeypatch, target)

    assert len(boxes.shown) == 1
    kind, text = boxes.shown[0]
    assert kind == "warning"
    assert str(target) in text and "USB" in text
    assert stick.read_text() == "a file where the folder should be"
    assert not list(tmp_path.rglob("branchdesk-*"))
    assert list_backups(paths.backups_dir()) == []
    assert window.isVisible()


# --- the restore dialog ----------------------------------------------------------------------


def test_the_restore_list_shows_the_backups_newest_first_with_a_preview(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, qtmodeltester: ModelTester
) -> None:
    assert window.db is not None
    couriers = row_counts(window.db)["Courier"]
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily", now=datetime(2026, 1, 5, 8, 30))
    add_courier(window.db)
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily", now=datetime(2026, 1, 6, 8, 30))
    with window.db.session() as s:
        removed = purge_waybills(s, 7)
    assert 0 < removed < 400
    backup_to(paths.db_path(), paths.backups_dir(), kind="manual", now=datetime(2026, 1, 6, 12))

    dialog = open_restore(qtbot, window)
    qtmodeltester.check(dialog.model)
    rows = list_rows(dialog)
    assert [row[:2] for row in rows] == [
        ["2026-01-06 12:00:00", "Manual backup"],
        ["2026-01-06 08:30:00", "Daily copy"],
        ["2026-01-05 08:30:00", "Daily copy"],
    ]
    assert all(row[2].endswith(" MB") for row in rows)
    assert "branchdesk-20260106-120000-manual.sqlite3" in dialog.preview.toPlainText()
    assert str(paths.backups_dir()) in dialog.folder_label.text()

    # The newest is selected and previewed; Restore is offered.
    assert current_row(dialog) == 0
    preview = dialog.preview.toPlainText()
    assert "Taken: 2026-01-06 12:00:00" in preview
    assert f"Waybills: {400 - removed}" in preview
    assert f"couriers: {couriers + 1}" in preview
    assert "Integrity: ok" in preview
    assert dialog.restore_button.isEnabled()
    assert not dialog.refusal.isVisibleTo(dialog)

    # Down the list with the keyboard: the oldest holds the data as it was then.
    qtbot.keyClick(dialog.backup_list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.backup_list, Qt.Key.Key_Down)
    preview = dialog.preview.toPlainText()
    assert "Taken: 2026-01-05 08:30:00" in preview
    assert "Waybills: 400" in preview and f"couriers: {couriers}" in preview

    # Esc closes the dialog; nothing was asked or changed, the reminders carry on.
    assert not window.reminder_timer.isActive()
    qtbot.keyClick(dialog.backup_list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(RestoreDialog) is None, timeout=WAIT_MS)
    assert boxes.shown == []
    assert window.reminder_timer.isActive()


def test_an_empty_backups_folder_says_so(qtbot: QtBot, window: MainWindow, boxes: Boxes) -> None:
    dialog = open_restore(qtbot, window)
    assert dialog.model.rowCount() == 0
    assert "no backup in this folder yet" in dialog.preview.toPlainText()
    assert not dialog.restore_button.isEnabled()


def _not_a_database(path: Path) -> None:
    path.write_text("shopping list: tape, labels, a new stamp pad\n" * 200)


def _damaged_backup(path: Path) -> None:
    made = backup_to(paths.db_path(), path.parent / "made")
    zero_middle_page(made)
    made.rename(path)


def _cut_short_backup(path: Path) -> None:
    made = backup_to(paths.db_path(), path.parent / "made")
    truncate_half(made)
    made.rename(path)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_not_a_database, "is not a BranchDesk backup"),
        (_damaged_backup, "is damaged and cannot be restored"),
        (_cut_short_backup, "is damaged and cannot be restored"),
    ],
    ids=["not-a-database", "damaged-page", "cut-short"],
)
def test_a_file_that_must_not_be_restored_is_refused_with_the_reason(
    qtbot: QtBot,
    window: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: object,
    reason: str,
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    chosen = stick / "branchdesk-20260105-083000-manual.sqlite3"
    make(chosen)  # type: ignore[operator]
    before = paths.db_path().read_bytes()

    dialog = open_restore(qtbot, window)
    choose_file(qtbot, dialog, monkeypatch, chosen)
    shown = list_rows(dialog)
    assert shown[0][1].startswith("Chosen file") and len(shown) == 1
    assert current_row(dialog) == 0
    assert str(chosen) in dialog.preview.toPlainText()
    assert "Integrity: PROBLEMS" in dialog.preview.toPlainText()
    assert dialog.refusal.isVisibleTo(dialog)
    assert reason in dialog.refusal.text() and "nothing was changed" in dialog.refusal.text()
    assert not dialog.restore_button.isEnabled()

    # Enter does not restore a refused file: nothing is asked, nothing changes.
    qtbot.keyClick(dialog.backup_list, Qt.Key.Key_Return)
    assert boxes.shown == []
    assert paths.db_path().read_bytes() == before
    assert window.isVisible()


def test_restore_round_trip_brings_the_earlier_data_back_and_closes_the_window(
    qtbot: QtBot,
    window: MainWindow,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.db is not None
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    back_up_from_the_menu(qtbot, window, boxes, monkeypatch, stick)
    (backup,) = stick.iterdir()
    earlier = row_counts(window.db)

    # The data changes after the backup: a courier added, old waybills removed.
    add_courier(window.db)
    with window.db.session() as s:
        old = count_old_waybills(s, 7)  # the sample's dates count back from the day it was made
        removed = purge_waybills(s, 7)
    assert removed == old > 0
    changed = row_counts(window.db)
    assert changed != earlier

    dialog = open_restore(qtbot, window)
    choose_file(qtbot, dialog, monkeypatch, backup)
    assert f"Waybills: {earlier['Waybill']}" in dialog.preview.toPlainText()
    assert dialog.restore_button.isEnabled()
    boxes.shown.clear()
    # Enter on the list presses Restore, which asks first.
    qtbot.keyClick(dialog.backup_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)

    (question, asked), (info, told) = boxes.shown
    assert question == "question"
    assert str(backup) in asked and "saved as a backup first" in asked
    assert info == "information" and "Backup restored" in told
    assert str(backup) in told and "Start it again" in told

    # Opened afresh, as the next start does: the earlier data is back.
    assert counts_in(paths.db_path()) == earlier
    # The state before the restore was kept as a backup, and it holds the changed data.
    safety = [b for b in list_backups(paths.backups_dir()) if b.kind == "before-restore"]
    assert len(safety) == 1
    assert str(safety[0].path) in told
    assert counts_in(safety[0].path) == changed


def test_answering_no_restores_nothing(
    qtbot: QtBot,
    window: MainWindow,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.db is not None
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    add_courier(window.db)
    changed = row_counts(window.db)
    boxes.answer = boxes.answer.No

    dialog = open_restore(qtbot, window)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _text in boxes.shown] == ["question"]
    # No restore started (it would show its busy bar and lock the dialog at once).
    assert not dialog.progress.isVisibleTo(dialog)
    assert dialog.restore_button.isEnabled() and dialog.close_button.isEnabled()
    qtbot.wait(200)
    assert dialog.isVisible() and window.isVisible()
    assert [kind for kind, _text in boxes.shown] == ["question"]
    assert row_counts(window.db) == changed
    assert not any(b.kind == "before-restore" for b in list_backups(paths.backups_dir()))


def test_a_failed_restore_shows_why_and_the_app_keeps_running(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    assert window.db is not None
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    add_courier(window.db)
    changed = row_counts(window.db)

    dialog = open_restore(qtbot, window)
    # Another program (a `branchdesk` command) has the database open.
    with closing(sqlite3.connect(paths.db_path())) as other:
        other.execute("SELECT count(*) FROM courier").fetchone()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(boxes.shown) == 2, timeout=WAIT_MS)
    (question, _asked), (kind, text) = boxes.shown
    assert question == "question"
    assert kind == "critical" and "in use" in text and "nothing was changed" in text

    # Still running on the same data: the window is open and the database answers.
    assert window.isVisible() and dialog.isVisible()
    assert dialog.restore_button.isEnabled() and dialog.backup_list.isEnabled()
    assert "BranchDesk keeps running" in dialog.status.text()
    assert row_counts(window.db) == changed
    assert counts_in(paths.db_path()) == changed


def test_what_another_program_writes_after_the_preview_is_not_restored_away(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    """The preview said the backup lacked 3 complaints; the command line then imported
    more, and 恢复 › 是 dropped them too, with no fresh list (hostile tester)."""
    assert window.db is not None
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    dialog = open_restore(qtbot, window)
    assert "lacks no rows" in dialog.preview.toPlainText()
    with closing(sqlite3.connect(paths.db_path())) as other:  # an import elsewhere, done
        other.execute(
            "INSERT INTO courier (name, active, updated_at) VALUES ('导入的人', 1, '2026-12-06')"
        )
        other.commit()
    changed = counts_in(paths.db_path())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(boxes.shown) == 2, timeout=WAIT_MS)
    (question, _asked), (kind, text) = boxes.shown
    assert question == "question" and kind == "critical" and "More was written" in text
    assert counts_in(paths.db_path()) == changed  # nothing changed
    assert "fewer" in dialog.preview.toPlainText()  # what it lacks now
    assert window.isVisible() and dialog.isVisible()


def test_only_the_owner_may_restore(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, owner_only_policy: None
) -> None:
    backup_to(paths.db_path(), paths.backups_dir(), kind="daily")
    before = paths.db_path().read_bytes()
    set_policy(lambda action: action != Action.RESTORE)

    dialog = open_restore(qtbot, window)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(boxes.shown) == 1
    kind, text = boxes.shown[0]
    assert kind == "warning" and "Only the branch owner" in text  # not even asked to confirm
    assert paths.db_path().read_bytes() == before
    assert dialog.isVisible() and window.isVisible()


def test_an_edited_backup_is_refused_in_the_preview(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = backup_to(paths.db_path(), tmp_path / "usb-stick")
    with closing(sqlite3.connect(chosen)) as con, con:
        con.execute(
            "CREATE TRIGGER wipe AFTER INSERT ON complaint BEGIN DELETE FROM audit_entry; END"
        )
    dialog = open_restore(qtbot, window)
    choose_file(qtbot, dialog, monkeypatch, chosen)
    assert "Schema: NOT AS BRANCHDESK MAKES IT" in dialog.preview.toPlainText()
    assert dialog.refusal.isVisibleTo(dialog)
    assert "an extra trigger “wipe” on complaint" in dialog.refusal.text()
    assert not dialog.restore_button.isEnabled()
