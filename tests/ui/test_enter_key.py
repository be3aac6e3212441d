"""What Enter presses in each dialog: the dialog's own answer (OK, Save, Close, Import…), never
an action that changes something the user was not at (a QDialog makes its first button the
default: Enter in a field drew a QC sample, reassigned a queue item, marked a follow-up done,
made a new exam paper, went to last month's pay)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.test_small_screens import ALL

# The buttons Enter may press: a dialog's answer, or the one thing the dialog is for (a
# restore asks before it changes anything).
ANSWERS = {
    "OK",
    "Save",
    "Save (Ctrl+Enter)",
    "Close",
    "Import",
    "Send",
    "Find couriers",
    "Restore…",
}


@pytest.mark.parametrize("name", list(ALL))
def test_enter_presses_only_the_dialogs_answer(qtbot: QtBot, window: MainWindow, name: str) -> None:
    dialog = ALL[name](window)
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    pressed = [
        b.text()
        for b in dialog.findChildren(QPushButton)
        if b.isVisible() and (b.isDefault() or (b.autoDefault() and b.hasFocus()))
    ]
    assert set(pressed) <= ANSWERS, f"Enter in the {name} dialog presses {pressed}"
    dialog.reject()
