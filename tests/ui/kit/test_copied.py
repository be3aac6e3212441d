"""Every copy shows "Copied": Ctrl+C and the right-click menu of the tables."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from branchdesk.ui.kit import copied
from branchdesk.ui.lookup.batch_dialog import BatchLookupDialog
from branchdesk.ui.shell.main_window import LOOKUP, MainWindow
from tests.ui.conftest import type_text


@pytest.fixture(autouse=True)
def no_recent_sign(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's copy is its own: no sign of an earlier test's copy a moment ago."""
    monkeypatch.setattr(copied, "_last_sign", 0.0)


def _menu_action(view: object, text: str) -> QAction:
    return next(a for a in view.actions() if a.text() == text)  # type: ignore[attr-defined]


def test_ctrl_c_in_a_table_of_the_window_says_copied_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.nav.setCurrentRow(LOOKUP)
    page = window.lookup_page
    with qtbot.waitSignal(page.searched, timeout=3000):
        type_text(qtbot, page.search_box, "中山西路37号")
    qtbot.waitUntil(lambda: page.courier_model.rowCount() > 0)
    view = page.courier_view
    view.setFocus()
    view.setCurrentIndex(page.courier_model.index(0, 0))
    window.statusBar().clearMessage()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "王强"
    assert window.statusBar().currentMessage() == "Copied"


def test_copying_rows_in_a_dialog_shows_copied_beside_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = BatchLookupDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.input.setPlainText("中山西路37号\n中山西路38号")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    dialog.view.selectAll()
    assert dialog.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    _menu_action(dialog.view, "Copy the selected rows").trigger()
    lines = QApplication.clipboard().text().split("\n")
    assert [line.split("\t")[:2] for line in lines] == [
        ["中山西路37号", "王强"],
        ["中山西路38号", "陈静"],
    ]
    sign = dialog.findChild(QLabel, "copiedSign")
    assert sign is not None and sign.isVisible() and sign.text() == "Copied 2 row(s)"
    dialog.view.clearSelection()
    dialog.view.setCurrentIndex(dialog.model.index(1, 1))
    _menu_action(dialog.view, "Copy").trigger()
    assert QApplication.clipboard().text() == "陈静"
    assert sign.isVisible() and sign.text() == "Copied"
    qtbot.waitUntil(lambda: not sign.isVisible(), timeout=5000)  # gone after a moment
    dialog.reject()


def test_copying_from_a_text_field_says_copied_too(qtbot: QtBot, window: MainWindow) -> None:
    window.nav.setCurrentRow(LOOKUP)
    box = window.lookup_page.search_box
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    type_text(qtbot, box, "中山西路37号")
    box.selectAll()
    window.statusBar().clearMessage()
    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "中山西路37号"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Copied", timeout=2000)


def test_ctrl_c_in_a_list_says_copied(qtbot: QtBot, window: MainWindow) -> None:
    """今天's due list (a list, not a table): Qt copies the current line itself."""
    from PySide6.QtWidgets import QListWidget

    from branchdesk.ui.kit.copied import watch_text_copies

    watch_text_copies()  # as the main window does
    listing = QListWidget(window)
    listing.addItems(["12-05 13:42 · TS20261205-0001 · 破损/短少"])
    listing.show()
    listing.setFocus()
    listing.setCurrentRow(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is listing)
    window.statusBar().clearMessage()
    qtbot.keyClick(listing, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().startswith("12-05 13:42")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Copied", timeout=2000)


def test_the_copy_button_of_a_knowledge_hit_says_copied(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QPushButton

    from branchdesk.knowledge.search import Hit
    from branchdesk.ui.knowledge.hit_dialog import HitDialog

    assert window.db is not None
    hit = Hit("faq", 0, "催件", "常见问题", "您好，您的快件正在派送中。", 1.0, 0, "text")
    dialog = HitDialog(window.db, hit, window)
    qtbot.addWidget(dialog)
    dialog.show()
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "您好，您的快件正在派送中。"
    sign = dialog.findChild(QLabel, "copiedSign")
    assert sign is not None and sign.isVisible() and sign.text() == "Copied"
    dialog.reject()


def test_the_clipboards_late_change_does_not_replace_a_tables_own_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    """On Windows the clipboard's change arrives after the copy: "Copied 2 rows" stays, the
    watcher's plain "Copied" does not replace it."""
    from branchdesk.ui.kit.copied import _clipboard_changed, show_copied, watch_text_copies

    watch_text_copies()
    window.nav.setCurrentRow(LOOKUP)
    view = window.lookup_page.courier_view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    show_copied(view, "Copied 2 rows")
    _clipboard_changed()  # the late notice
    assert window.statusBar().currentMessage() == "Copied 2 rows"
