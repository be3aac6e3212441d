"""Keys a dialog answers: what Enter presses.

A QDialog with no default button makes the first of its buttons in the tab order the default
when it is shown, so Enter typed in a search box or a field pressed 改派给, 跟进完成 or 抽样
(a change nobody asked for), and a default set before the button was in the dialog was not
seen at all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget


class _EnterPresses(QObject):
    def __init__(self, dialog: QWidget, button: QPushButton | None) -> None:
        super().__init__(dialog)
        self._button = button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # At each show, before the dialog looks for a default among its buttons (buttons of
        # a page built since are covered too).
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            for each in watched.findChildren(QPushButton):
                chosen = each is self._button
                each.setAutoDefault(chosen)
                each.setDefault(chosen)
        # Enter on a button the user tabbed to presses that button, as everywhere on Windows
        # (a button that is not auto-default passes Enter on to the dialog).
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            focused = QApplication.focusWidget()
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and isinstance(focused, QPushButton)
                and focused.isEnabled()
                and focused.window() is watched
            ):
                focused.click()
                return True
        return False


def enter_presses(dialog: QWidget, button: QPushButton | None = None) -> None:
    """Enter in `dialog` presses `button` alone (None: no button), or the button the user
    tabbed to. A list or table still answers Enter itself (opening its item)."""
    dialog.installEventFilter(_EnterPresses(dialog, button))


def enter_in_fields_presses(button: QPushButton, *fields: QLineEdit) -> None:
    """Enter typed in one of `fields` presses `button` (the form's own Save, not the dialog's
    default: a dialog of several tabs has no one button for every tab)."""
    for field in fields:
        field.returnPressed.connect(button.click)
