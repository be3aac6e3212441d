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
