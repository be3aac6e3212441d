"""Copying to the clipboard, with a visible "已复制" every time.

The sign goes to the status bar when the widget is in the main window, else it shows for a
moment as a small label over the widget (a dialog has no status bar), so a copy is never
silent.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

SHOWN_MS = 3000
SIGN_NAME = "copiedSign"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Copied", text)


_last_sign = 0.0  # when show_copied last spoke (time.monotonic)
# The watcher's plain "Copied" does not follow a sign of our own this soon: on Windows the
# clipboard's change arrives later, and would replace "Copied 3 rows" with "Copied".
OWN_SIGN_S = 1.0


def show_copied(widget: QWidget, text: str | None = None) -> str:
    """Show `text` (default "Copied") where the user is looking; returns what was shown."""
    global _last_sign
    _last_sign = time.monotonic()
    return _show(widget, text)


def _show(widget: QWidget, text: str | None = None) -> str:
    sign = text or _tr("Copied")
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(sign, SHOWN_MS)
    else:
        _flash(window, widget, sign)
    return sign


def _flash(window: QWidget, widget: QWidget, sign: str) -> None:
    """A label inside the window, centred over `widget`, gone after SHOWN_MS."""
    label = window.findChild(QLabel, SIGN_NAME)
    if label is None:
        label = QLabel(window)
        label.setObjectName(SIGN_NAME)
        label.setStyleSheet(
            "QLabel#copiedSign { background: #323232; color: white; padding: 6px 12px; "
            "border-radius: 4px; }"
        )
        hide = QTimer(label)
        hide.setObjectName("copiedSignTimer")
        hide.setSingleShot(True)
        hide.setInterval(SHOWN_MS)
        hide.timeout.connect(label.hide)
    label.setText(sign)
    label.adjustSize()
    centre = widget.mapTo(window, QPoint(widget.width() // 2, widget.height() // 2))
    label.move(
        max(0, min(centre.x() - label.width() // 2, window.width() - label.width())),
        max(0, min(centre.y() - label.height() // 2, window.height() - label.height())),
    )
    label.show()
    label.raise_()
    timer = label.findChild(QTimer, "copiedSignTimer")
    if timer is not None:
        timer.start()


def copy_text(widget: QWidget, text: str, sign: str | None = None) -> bool:
    """Put `text` on the clipboard and show the sign; False (and "Nothing to copy") when
    there is no text."""
    if not text:
        show_copied(widget, _tr("Nothing to copy"))
        return False
    QApplication.clipboard().setText(text)
    show_copied(widget, sign)
    return True


_watching = False


def watch_text_copies() -> None:
    """Say "Copied" after a copy from any text field, selectable text or list too (Ctrl+C or
    its right-click menu, which Qt handles itself): the clipboard changed while one of our
    text widgets or lists has the focus. Installed once per process."""
    global _watching
    if _watching:
        return
    _watching = True
    QApplication.clipboard().dataChanged.connect(_clipboard_changed)


def _clipboard_changed() -> None:
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    focus = QApplication.focusWidget()
    if focus is None or QApplication.activeWindow() is None:
        return  # another program copied: not ours to announce
    if time.monotonic() - _last_sign < OWN_SIGN_S:
        return  # our own copy, already announced in its own words
    # A list's or table's Ctrl+C (Qt copies the current item's text itself) counts too.
    text_widget = isinstance(
        focus,
        QLineEdit
        | QPlainTextEdit
        | QTextEdit
        | QLabel
        | QComboBox
        | QAbstractSpinBox
        | QAbstractItemView,
    )
    if text_widget or isinstance(focus.parentWidget(), QComboBox | QAbstractSpinBox):
        _show(focus)
