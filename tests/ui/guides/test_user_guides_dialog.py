"""帮助 › 使用指南: BranchDesk's own guides open read-only, apart from the branch's guides."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk.guides import service
from branchdesk.ui.guides.user_guides_dialog import UserGuidesDialog
from branchdesk.ui.shell.main_window import MainWindow


def test_help_user_guides_opens_the_guides_read_only(qtbot: QtBot, window: MainWindow) -> None:
    assert window.db is not None
    with window.db.session() as s:
        before = [g.title for g in service.search_guides(s, "")]
    action = window.user_guides_action
    assert action in window.menuBar().actions()[-1].menu().actions()  # under 帮助
    seen: list[UserGuidesDialog] = []

    def use_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UserGuidesDialog):
            QTimer.singleShot(20, use_it)
            return
        seen.append(dialog)
        titles = [dialog.list.item(i).text().split("\n")[0] for i in range(dialog.list.count())]
        assert titles[:3] == ["查地址", "登记投诉", "打印车载单"] and "备份与换电脑" in titles
        dialog.list.setCurrentRow(1)  # 登记投诉: steps with screenshots
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        viewer = dialog.viewer
        assert viewer is not None and viewer.isVisible()
        assert viewer.windowTitle() == "登记投诉"
        assert not viewer.report_button.isVisible()  # nobody to report to
        assert not viewer.picture.image.isNull()  # the screenshot, marks burnt in
        viewer.next()
        assert "运单号" in viewer.instruction.text()
        viewer.reject()
        dialog.list.setCurrentRow(0)  # 查地址: words only
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        assert dialog.viewer is not None and not dialog.viewer.picture.isVisible()
        assert "Ctrl+2" in dialog.viewer.instruction.text()
        dialog.viewer.reject()
        dialog.reject()

    QTimer.singleShot(0, use_it)
    action.trigger()
    assert seen
    with window.db.session() as s:
        assert [g.title for g in service.search_guides(s, "")] == before  # nothing added


def test_enter_on_a_guide_opens_it_once(qtbot: QtBot) -> None:
    """The list opens its guide on Enter; the 打开 button, made the default, opened a second
    viewer of the same guide beside it."""
    from branchdesk.ui.guides.guide_viewer import GuideViewer

    dialog = UserGuidesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.list.setFocus()
    dialog.list.setCurrentRow(1)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    viewers = [w for w in dialog.findChildren(GuideViewer) if w.isVisible()]
    assert [v.windowTitle() for v in viewers] == ["登记投诉"]
    viewers[0].reject()
