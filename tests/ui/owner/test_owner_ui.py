"""The owner PIN in the GUI: asked for before owner actions, wrong PINs slow down, the audit log."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from branchdesk import permissions
from branchdesk.db.engine import Database
from branchdesk.handbook.models import PenaltyItem
from branchdesk.owner import audit, pin
from branchdesk.settings import SettingsStore
from branchdesk.ui.kit.owner_action import PinDialog
from branchdesk.ui.owner import audit_dialog, pin_dialog
from branchdesk.ui.owner.audit_dialog import AuditDialog
from branchdesk.ui.owner.pin_dialog import SetPinDialog
from branchdesk.ui.owner.settings_dialog import SettingsDialog
from branchdesk.ui.shell.main_window import DATA, MainWindow
from tests.ui.conftest import Boxes, type_text

PIN = "2580"


@pytest.fixture
def pinned(sample_db: Database) -> Database:
    with sample_db.session() as s:
        pin.set_pin(s, PIN)
    return sample_db


@pytest.fixture
def owned_window(qtbot: QtBot, pinned: Database, boxes: Boxes) -> MainWindow:
    win = MainWindow(pinned)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def when_asked(*answers: str | None) -> list[str]:
    """Answer the next PIN dialogs in turn: a PIN to type, or None to cancel. Returns the
    messages each dialog showed after its answer."""
    seen: list[str] = []
    queue = list(answers)
    deadline = time.monotonic() + 5  # a dialog that never comes must not haunt later tests

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PinDialog):
            if time.monotonic() < deadline:
                QTimer.singleShot(20, answer)
            return
        text = queue.pop(0)
        if text is None:
            dialog.reject()
        else:
            dialog.pin.setText(text)
            dialog.ok_button.click()
            seen.append(dialog.message.text())
            if dialog.isVisible() and queue:
                QTimer.singleShot(0, answer)
                return
        if queue:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    return seen


def _item(db: Database) -> PenaltyItem:
    with db.session() as s:
        item = s.scalars(
            select(PenaltyItem).where(PenaltyItem.replaced_by_id.is_(None)).order_by(PenaltyItem.id)
        ).first()
        assert item is not None
        return item


def _edit_fine(win: MainWindow, fine: str) -> None:
    item = _item(win.db)  # type: ignore[arg-type]
    win.handbook_page.request_edit(item.id, "fine", fine)


def test_a_window_on_a_database_with_a_pin_starts_locked(owned_window: MainWindow) -> None:
    lock = permissions.current_lock()
    assert lock is not None and lock.pin_set and not lock.unlocked


def test_editing_the_handbook_asks_for_the_pin_and_a_wrong_one_is_refused(
    owned_window: MainWindow, boxes: Boxes
) -> None:
    seen = when_asked("1111", PIN)
    _edit_fine(owned_window, "15元/票")
    assert seen[0].startswith("Wrong PIN")
    assert _item(owned_window.db).fine_text == "15元/票"  # type: ignore[arg-type]
    assert not boxes.shown  # no error box: the PIN dialog said it
    with owned_window.db.session() as s:  # type: ignore[union-attr]
        actions = [e.action for e in audit.entries(s, limit=3)]
    assert actions[:2] == ["edit_handbook", "pin_failed"]
    # Unlocked now: the next edit within five minutes asks nothing.
    _edit_fine(owned_window, "20元/票")
    assert _item(owned_window.db).fine_text == "20元/票"  # type: ignore[arg-type]


def test_cancelling_the_pin_saves_nothing_and_shows_no_error(
    owned_window: MainWindow, boxes: Boxes
) -> None:
    before = _item(owned_window.db).fine_text  # type: ignore[arg-type]
    when_asked(None)
    _edit_fine(owned_window, "99元/票")
    assert _item(owned_window.db).fine_text == before  # type: ignore[arg-type]
    assert not boxes.shown


def test_three_wrong_pins_make_the_dialog_wait(qtbot: QtBot, owned_window: MainWindow) -> None:
    dialog = PinDialog(owned_window.db, permissions.Action.EDIT_HANDBOOK, owned_window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    for _ in range(3):
        dialog.pin.setText("1111")
        dialog.ok_button.click()
    assert not dialog.ok_button.isEnabled()
    assert "30 s" in dialog.message.text()
    dialog.pin.setText(PIN)
    dialog.try_pin()  # Enter while waiting: not even checked
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.remaining = 1
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=3000)
    assert "try again" in dialog.message.text()


def test_the_pin_field_takes_digits_only(qtbot: QtBot, owned_window: MainWindow) -> None:
    dialog = PinDialog(owned_window.db, None, owned_window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.pin, "12ab34五")
    assert dialog.pin.text() == "1234"


def test_setting_a_pin_in_settings_then_saving_settings_asks_for_it(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    settings = SettingsStore()
    dialog = SettingsDialog(settings, window, db=window.db)
    qtbot.addWidget(dialog)
    assert dialog.pin_state.text() == "not set: everyone may do everything"

    def set_pin() -> None:
        pin_dialog = QApplication.activeModalWidget()
        assert isinstance(pin_dialog, SetPinDialog)
        pin_dialog.new_pin.setText("1357")
        pin_dialog.repeat.setText("1375")
        pin_dialog.save()
        assert pin_dialog.message.text() == "The two PINs differ. Type the same PIN twice."
        pin_dialog.repeat.setText("1357")
        pin_dialog.save()

    QTimer.singleShot(0, set_pin)
    dialog.pin_button.click()
    assert "set:" in dialog.pin_state.text()
    permissions.current_lock().lock()  # type: ignore[union-attr]  # five minutes later
    dialog.keep_waybills.setValue(90)
    when_asked(None)
    dialog.save()
    assert settings.get("waybill_keep_days") == 180  # not saved without the PIN
    when_asked("1357")
    dialog.save()
    assert SettingsStore().get("waybill_keep_days") == 90
    with window.db.session() as s:  # type: ignore[union-attr]
        entry = audit.entries(s, action="change_settings")[0]
    assert "Offer to remove waybills" in entry.detail and entry.with_pin


def test_saving_unchanged_settings_asks_nothing(qtbot: QtBot, owned_window: MainWindow) -> None:
    dialog = SettingsDialog(SettingsStore(), owned_window, db=owned_window.db)
    qtbot.addWidget(dialog)
    dialog.save()  # a PIN dialog here would block the test
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_removing_the_pin_opens_everything(
    qtbot: QtBot, owned_window: MainWindow, boxes: Boxes
) -> None:
    def remove() -> None:
        pin_dialog = QApplication.activeModalWidget()
        assert isinstance(pin_dialog, SetPinDialog)
        pin_dialog.remove_button.click()

    when_asked(PIN)
    QTimer.singleShot(300, remove)
    assert pin_dialog.change_pin(owned_window, owned_window.db)  # type: ignore[arg-type]
    assert not permissions.pin_guarded()
    _edit_fine(owned_window, "12元/票")  # no dialog: nothing asks
    assert _item(owned_window.db).fine_text == "12元/票"  # type: ignore[arg-type]


def test_the_audit_log_is_for_the_owner_and_exports(
    qtbot: QtBot, owned_window: MainWindow, tmp_path: Path
) -> None:
    when_asked(PIN)
    _edit_fine(owned_window, "15元/票")
    permissions.current_lock().lock()  # type: ignore[union-attr]
    when_asked(None)
    audit_dialog.show_audit(owned_window, owned_window.db)  # type: ignore[arg-type]  # cancelled: nothing opens
    dialog = AuditDialog(owned_window.db, owned_window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    model = dialog.model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "Handbook changed",
        "Owner PIN set",
        "Knowledge base changed",  # the sample's FAQ entries, an owner's import
        "Team changed",  # the sample's customer list, an owner's import
        "Handbook changed",
        "Area table replaced",
    ]
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[1] == "Handbook changed" and "Fine" in first[2] and first[4] == "✓"
    dialog.action.setCurrentIndex(dialog.action.findData("pin_set"))
    assert model.rowCount() == 1 and "1 entries" in dialog.count.text()
    out = tmp_path / "audit.xlsx"
    dialog.export_to(out)
    assert "Wrote" in dialog.count.text()
    values = [r[1] for r in load_workbook(out).active.iter_rows(values_only=True)]  # type: ignore[union-attr]
    assert "Handbook changed" in values and "Owner PIN set" in values


def test_undo_of_an_import_asks_for_the_pin_before_the_question(
    owned_window: MainWindow, boxes: Boxes
) -> None:
    page = owned_window.data_page
    owned_window.nav.setCurrentRow(DATA)
    page.ensure_loaded()
    page.history_view.selectRow(0)
    assert page.selected_batch() is not None
    when_asked(None)
    page.undo_selected()
    assert not boxes.shown  # not even asked whether to undo
    with owned_window.db.session() as s:  # type: ignore[union-attr]
        assert audit.count(s, "undo_import") == 0


def test_removing_old_waybills_asks_for_the_pin_first(
    owned_window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog, "getInt", lambda *a, **k: (asked.append("days"), (0, False))[1]
    )
    when_asked(None)
    owned_window.remove_old_waybills()
    assert asked == []  # cancelled at the PIN: not even asked how many days
    when_asked(PIN)
    owned_window.remove_old_waybills()
    assert asked == ["days"]


def _open_owner_menu(window: MainWindow) -> None:
    """What opening the Owner menu does: its actions are enabled for the lock's state."""
    (menu,) = [m for m in window.unlock_action.associatedObjects() if isinstance(m, QMenu)]
    menu.aboutToShow.emit()


def test_the_owner_menu_unlocks_and_locks(owned_window: MainWindow) -> None:
    lock = permissions.current_lock()
    assert lock is not None
    _open_owner_menu(owned_window)
    assert owned_window.unlock_action.isEnabled() and not owned_window.lock_action.isEnabled()
    when_asked(PIN)
    owned_window.unlock_action.trigger()
    assert lock.unlocked
    _open_owner_menu(owned_window)
    assert owned_window.lock_action.isEnabled()
    owned_window.lock_action.trigger()
    assert not lock.unlocked


def test_changing_the_pin_asks_for_it_even_when_unlocked(
    owned_window: MainWindow, boxes: Boxes
) -> None:
    lock = permissions.current_lock()
    assert lock is not None
    lock.unlock()  # the owner edited something and walked away
    seen = when_asked("1111", None)
    assert not pin_dialog.change_pin(owned_window, owned_window.db)  # type: ignore[arg-type]
    assert seen and seen[0].startswith("Wrong PIN")
    with owned_window.db.session() as s:  # type: ignore[union-attr]
        assert pin.check(s, PIN).ok  # unchanged


def test_undo_in_the_handbook_asks_first_and_a_cancel_keeps_the_history_in_step(
    qtbot: QtBot, owned_window: MainWindow
) -> None:
    page = owned_window.handbook_page
    when_asked(PIN)
    _edit_fine(owned_window, "15元/票")
    assert page.undo_stack.canUndo()
    permissions.current_lock().lock()  # type: ignore[union-attr]
    when_asked(None)
    page.undo()
    assert page.undo_stack.canUndo() and not page.undo_stack.canRedo()
    assert _item(owned_window.db).fine_text == "15元/票"  # type: ignore[arg-type]
    when_asked(PIN)
    page.undo()
    assert _item(owned_window.db).fine_text != "15元/票"  # type: ignore[arg-type]
    page.redo()  # unlocked now: nothing asked
    assert _item(owned_window.db).fine_text == "15元/票"  # type: ignore[arg-type]


def test_the_pin_dialog_shows_a_running_wait_when_it_opens(
    qtbot: QtBot, owned_window: MainWindow
) -> None:
    with owned_window.db.session() as s:  # type: ignore[union-attr]
        for _ in range(3):
            pin.check(s, "1111")
    dialog = PinDialog(owned_window.db, None, owned_window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "Try again in" in dialog.message.text()


def test_a_new_pin_is_typed_twice_with_enter_between(
    qtbot: QtBot, sample_db: Database, boxes: Boxes
) -> None:
    """Enter in 新密码 said the two PINs differed (it pressed Save); 取消密码 showed with no PIN
    to remove."""
    dialog = SetPinDialog(sample_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert not dialog.remove_button.isVisible()
    dialog.new_pin.setFocus()
    qtbot.keyClicks(dialog.new_pin, "2468")
    qtbot.keyClick(dialog.new_pin, Qt.Key.Key_Return)
    assert dialog.message.text() == ""  # not saved with the second box empty
    with sample_db.read_session() as s:
        assert not pin.is_set(s)
    qtbot.keyClicks(dialog.repeat, "2468")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    with sample_db.read_session() as s:
        assert pin.is_set(s)
