"""The window's status bar: a message that does not fit says so, and is whole on hover."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from branchdesk.ui.kit.status_bar import MessageBar
from branchdesk.ui.shell.main_window import MainWindow

# An import's summary with its team routing, as long as they come.
SUMMARY = (
    "已导入 投诉工单.xlsx：新增 37 条，更新 4 条，跳过 2 条重复（第 5、9 行），"
    "已按寄件人、业务员或区域分给 3 名客服：小王 12 条，小李 11 条，小张 14 条。"
)


def test_a_message_cut_at_1024_pixels_ends_in_an_ellipsis_and_is_whole_on_hover(
    qtbot: QtBot, window: MainWindow
) -> None:
    """At 1024 pixels the due counts and who is on duty left an import's summary half its
    room, and Qt cut it off mid-sentence with no sign that more was there."""
    window.resize(1024, 700)
    bar = window.statusBar()
    assert isinstance(bar, MessageBar)
    window.due_indicator.setText("已超时 1 · 2 小时内到期 0")
    window.due_indicator.setVisible(True)
    bar.showMessage(SUMMARY)
    qtbot.waitUntil(lambda: bar.shown_message().endswith("…"))
    shown = bar.shown_message()
    assert SUMMARY.startswith(shown[:-1])
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.room()
    assert bar.toolTip() == SUMMARY
    assert bar.currentMessage() == SUMMARY  # what the code asked to show

    window.resize(2400, 700)  # room enough: the whole message, no tooltip needed
    qtbot.waitUntil(lambda: bar.shown_message() == SUMMARY)
    assert bar.toolTip() == ""


def test_a_timed_message_still_goes_and_takes_its_tooltip_with_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 700)
    bar = window.statusBar()
    bar.showMessage(SUMMARY * 2, 300)
    assert bar.toolTip() == SUMMARY * 2
    window.resize(1000, 700)  # fitted again, for the time it has left
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)
    assert bar.toolTip() == ""
    bar.showMessage("就绪")
    assert bar.shown_message() == "就绪" and bar.toolTip() == ""


def test_no_room_at_all_leaves_an_ellipsis_not_a_cleared_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    """With no room for even "…", the elided text was empty: the message was taken for
    cleared and never came back when the room did."""
    bar = window.statusBar()
    assert isinstance(bar, MessageBar)
    window.resize(1024, 700)
    wide = window.due_indicator
    wide.setText("已超时 1 · 2 小时内到期 0" * 20)
    wide.setVisible(True)
    bar.showMessage(SUMMARY)
    qtbot.waitUntil(lambda: bar.shown_message() == "…")
    assert bar.currentMessage() == SUMMARY
    wide.setVisible(False)
    qtbot.waitUntil(lambda: bar.shown_message().startswith("已导入"))


def test_a_status_tip_is_not_covered_by_the_message_it_replaced(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtGui import QStatusTipEvent
    from PySide6.QtWidgets import QApplication

    bar = window.statusBar()
    window.resize(1024, 700)
    bar.showMessage(SUMMARY)
    QApplication.sendEvent(window, QStatusTipEvent("打开投诉到期提醒"))  # Qt's own path
    assert bar.currentMessage() == "打开投诉到期提醒"
    window.resize(1000, 700)
    QApplication.processEvents()
    assert bar.shown_message() == "打开投诉到期提醒"
