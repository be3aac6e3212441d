"""Qt's bindings keep Python's reference counts: PySide6 6.12.0 gave up a reference to None
it never took for every empty QVariant turned into None and for every plain tr() served by
our translator. Before Python 3.12 None is counted like any object, so after some 50,000 of
them it was freed and BranchDesk aborted ("Fatal Python error: none_dealloc"): about 70
rounds of clicking through the pages, or a day of use. pyproject.toml keeps such a release
out; these tests fail on one."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QListWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.app import install_translator
from branchdesk.db.engine import Database
from branchdesk.ui.shell.main_window import MainWindow

CALLS = 5_000


class _Page(QWidget):
    """A widget of ours: its tr() is served by our catalogue (Qt's own classes by Qt's)."""


def _lost(call: Callable[[], object]) -> int:
    """How many references to None `CALLS` calls of `call` gave up (0 when counts are kept;
    on Python 3.12 and later None is not counted and this is always 0)."""
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(None)


def test_an_empty_value_read_from_qt_keeps_none_alive(qtbot: QtBot) -> None:
    item = QListWidgetItem("网点")
    action = QAction("查件")
    assert item.data(Qt.ItemDataRole.UserRole) is None and action.data() is None
    assert _lost(lambda: item.data(Qt.ItemDataRole.UserRole)) < CALLS // 10
    assert _lost(action.data) < CALLS // 10
    assert _lost(lambda: QModelIndex().data()) < CALLS // 10


def test_translated_text_keeps_none_alive(qtbot: QtBot, chinese_ui: QApplication) -> None:
    widget = _Page()
    qtbot.addWidget(widget)
    assert widget.tr("Cancel") == "取消"
    assert _lost(lambda: widget.tr("Cancel")) < CALLS // 10
    assert _lost(lambda: QCoreApplication.translate("x", "not in the catalogue")) < CALLS // 10


@pytest.mark.timeout(120)
def test_clicking_through_every_page_keeps_none_alive(
    qtbot: QtBot, sample_db: Database, chinese_ui: QApplication
) -> None:
    """What the app does all day, in Chinese: 6.12.0 lost about 800 references a round."""
    window = MainWindow(sample_db)
    qtbot.addWidget(window)
    window.show()
    pages = window.nav.count()
    for row in range(pages):  # each page built once
        window.nav.setCurrentRow(row)
        chinese_ui.processEvents()
    before = sys.getrefcount(None)
    for _ in range(5):
        for row in range(pages):
            window.nav.setCurrentRow(row)
            chinese_ui.processEvents()
    assert before - sys.getrefcount(None) < 500


def test_the_chinese_interface_can_be_taken_out_again(qtbot: QtBot) -> None:
    """The tests' Chinese set-up left Qt's own Chinese buttons behind for the next tests."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.ui.conftest import english_again

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    install_translator(app, "zh_CN")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "取消"
    english_again(app, before)
    again = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(again)
    assert again.buttons()[0].text() == "Cancel"
