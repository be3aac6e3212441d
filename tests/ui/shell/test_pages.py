"""业务员 and 数据 pages, the main window's first start and its language."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from branchdesk.app import install_translator
from branchdesk.db.engine import Database
from branchdesk.lookup.couriers import list_couriers
from branchdesk.lookup.models import Waybill
from branchdesk.lookup.service import lookup
from branchdesk.settings import SettingsStore
from branchdesk.ui.lookup.couriers_page import COL_ACTIVE, COL_NAME, COL_PHONE
from branchdesk.ui.shell import main_window as mw
from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Boxes, english_again, type_text


def _row_of(window: MainWindow, name: str) -> int:
    rows = window.couriers_page.model.rows
    return next(i for i, r in enumerate(rows) if r.name == name)


def _edit(qtbot: QtBot, window: MainWindow, row: int, col: int, text: str) -> None:
    view = window.couriers_page.view
    index = view.model().index(row, col)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call, then closes the editor.
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def test_rename_a_courier_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    window.nav.setCurrentRow(mw.COURIERS)
    row = _row_of(window, "王强")
    _edit(qtbot, window, row, COL_NAME, "王大强")
    with window.db.session() as s:
        assert lookup(s, "中山西路37号").couriers[0].name == "王大强"
    assert window.couriers_page.undo_button.isEnabled()
    qtbot.keyClick(window.couriers_page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with window.db.session() as s:
        assert lookup(s, "中山西路37号").couriers[0].name == "王强"


def test_bad_phone_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    window.nav.setCurrentRow(mw.COURIERS)
    row = _row_of(window, "李娜")
    _edit(qtbot, window, row, COL_PHONE, "call me")
    assert boxes.shown and boxes.shown[-1][0] == "warning"
    assert boxes.shown[-1][1] == (
        "Cannot save: The phone number takes digits only, e.g. 13812345678."
    )
    with window.db.session() as s:
        assert next(c for c in list_couriers(s) if c.name == "李娜").phone == "13805740002"
    assert not window.couriers_page.undo_stack.canUndo()


def test_untick_active_when_a_courier_leaves(qtbot: QtBot, window: MainWindow) -> None:
    model = window.couriers_page.model
    row = _row_of(window, "王强")
    model.setData(
        model.index(row, COL_ACTIVE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    with window.db.session() as s:
        assert not next(c for c in list_couriers(s) if c.name == "王强").active


def test_undo_an_import_from_the_history(qtbot: QtBot, window: MainWindow, boxes: Boxes) -> None:
    window.nav.setCurrentRow(mw.DATA)
    page = window.data_page
    page.tabs.setCurrentIndex(4)
    model = page.history_model
    row = next(i for i, b in enumerate(model.rows) if b.kind == "waybills")
    page.history_view.selectRow(row)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert boxes.shown[-1][0] == "question"
    with window.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Waybill)) == 0
    assert page.waybill_model.rowCount() == 0
    assert page.counts.text() == "37 area rules · 35 routes · 35 arrival times · 0 waybills"
    # The banner stays while other sample tables are active.
    assert window.sample_banner.isVisible()


def test_first_start_offers_the_sample_branch(qtbot: QtBot, db: Database, boxes: Boxes) -> None:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    assert not win.sample_banner.isVisible()
    win.nav.setCurrentRow(mw.DATA)  # open while the sample comes in: it shows the new rows
    assert win.data_page.area_model.rowCount() == 0
    win.offer_sample()
    assert [kind for kind, _text in boxes.shown[-2:]] == ["wizard", "information"]
    assert win.sample_banner.isVisible()
    assert win.data_page.area_model.rowCount() == 37  # the sample branch's area rows
    assert SettingsStore().get("first_run_done")
    boxes.shown.clear()
    win.offer_sample()  # asked once only
    assert boxes.shown == []


def test_a_welcome_closed_before_the_end_comes_back_at_the_next_start(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    """取消 (or Esc) on the welcome: nothing is set up, so it is not marked done; the status
    bar says where it is meanwhile."""
    boxes.answer = boxes.answer.No  # the wizard is closed before its end
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.offer_sample()
    assert boxes.shown[-1][0] == "wizard"
    assert not SettingsStore().get("first_run_done")
    assert "Setup wizard" in win.statusBar().currentMessage()
    boxes.answer = boxes.answer.Yes
    win.first_run_setup()  # finished from 帮助 › 初始设置向导, as the status bar says
    assert SettingsStore().get("first_run_done")
    win.offer_sample()  # the next start: not asked again
    assert [kind for kind, _ in boxes.shown].count("wizard") == 2


def test_keyboard_navigation_between_pages(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.data_page
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.couriers_page
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.today_page


def test_chinese_interface(
    qtbot: QtBot, sample_db: Database, boxes: Boxes, chinese_ui: QApplication
) -> None:
    win = MainWindow(sample_db)
    qtbot.addWidget(win)
    assert win.nav.item(0).text() == "今天"
    assert win.nav.item(1).text().startswith("查件")
    assert win.menuBar().actions()[0].text() == "文件(&F)"
    header = win.lookup_page.courier_model.headerData(
        0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header == "业务员"
    assert "示例" in win.sample_banner.text()
    assert QCoreApplication.translate("x", "Import") == "导入"


def test_qts_own_dialogs_and_calendars_speak_chinese_on_an_english_pc(qtbot: QtBot) -> None:
    """The file dialog a Linux desktop gets said "Look in:" and "Files of type:" (Qt 6's
    words are not in its own Chinese catalogue), its Name column read 姓名 (our catalogue's
    person's name) and the date pickers' calendars were English where the PC's locale is."""
    from PySide6.QtCore import QDir, QLocale
    from PySide6.QtWidgets import (
        QCalendarWidget,
        QFileDialog,
        QFileSystemModel,
        QLabel,
        QTreeView,
    )

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    install_translator(app, "zh_CN")  # after the English locale was set
    try:
        calendar = QCalendarWidget()
        qtbot.addWidget(calendar)
        assert calendar.locale().monthName(12) == "十二月"
        dialog = QFileDialog(None, "导入", str(Path.home()), "表格 (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
        assert not [t for t in labels if "Look" in t or "type" in t]
        model = dialog.findChild(QTreeView).model()
        header = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert header == "名称"
        files = QFileSystemModel()
        files.setRootPath("")
        drive = files.index(QDir.rootPath())
        assert files.type(drive) == "驱动器"  # Qt's catalogue leaves it "Drive"
    finally:
        english_again(app, before)


def test_settings_change_the_complaint_lead_time_and_banned_phrases(
    qtbot: QtBot, window: MainWindow
) -> None:
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    dialog.lead_hours.setValue(4)
    dialog.banned.setPlainText("不知道\n\n  懂吗  \n不知道")
    type_text(qtbot, dialog.agent_name, "小王")
    dialog.save()
    store = SettingsStore()
    assert store.get("complaint_lead_hours") == 4
    assert store.get("banned_phrases") == ["不知道", "懂吗"]
    assert store.get("agent_name") == "小王"


def test_the_courier_company_the_welcome_asked_is_changed_in_settings(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The welcome says every answer can be changed under 文件 › 设置: the company too."""
    from branchdesk.settings import branch_value
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    dialog.company.setCurrentText("极兔")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert branch_value("courier_company") == "极兔"
    window.refresh_title()
    assert "极兔" in window.windowTitle()
    again = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(again)
    assert again.company.currentText() == "极兔"


def test_settings_keep_in_the_tray_and_start_with_the_computer(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    """本机: both are this PC's, saved without the owner's PIN; starting with the computer is
    the autostart entry itself (read back when the dialog opens again)."""
    from branchdesk import autostart
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    assert dialog.keep_in_tray.isChecked() and not dialog.start_with_computer.isChecked()
    dialog.keep_in_tray.click()
    dialog.start_with_computer.click()
    dialog.save()
    assert SettingsStore().get("keep_in_tray") is False
    assert autostart.is_enabled() and "--tray" in autostart.command_line()
    again = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(again)
    assert again.start_with_computer.isChecked() and not again.keep_in_tray.isChecked()
    again.start_with_computer.click()
    again.save()
    assert not autostart.is_enabled()
    assert boxes.shown == []  # nothing was asked: no PIN for this PC's own settings


def test_another_copys_start_with_the_computer_is_shown_and_only_replaced_when_ticked(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The entry starts another command (the installer's plain one for the default data dir,
    or a practice copy's): unticked here, with a note; saving other settings leaves it alone,
    ticking makes this BranchDesk the one that starts."""
    from branchdesk import autostart
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    ours = autostart.command
    autostart.command = lambda: [ours()[0], "--tray"]  # type: ignore[method-assign]
    try:
        autostart.set_enabled(True)  # as the installer wrote it: no --data-dir
        theirs = autostart.command_line()
    finally:
        autostart.command = ours  # type: ignore[method-assign]
    assert autostart.is_enabled() and not autostart.is_current()
    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    assert not dialog.start_with_computer.isChecked() and dialog.other_start.isVisibleTo(dialog)
    dialog.lead_hours.setValue(5)
    dialog.save()  # another setting only: the other copy still starts
    assert autostart.is_enabled() and not autostart.is_current()
    again = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(again)
    again.start_with_computer.click()
    again.save()
    assert autostart.is_current() and autostart.command_line() != theirs
    third = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(third)
    assert third.start_with_computer.isChecked() and not third.other_start.isVisibleTo(third)


@pytest.mark.skipif(sys.platform == "win32", reason="the XDG entry is Linux's")
def test_start_with_the_computer_that_cannot_be_written_says_so_and_keeps_the_rest(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A config folder that is a file (or read-only): the message says what failed; the
    dialog stays open, the other settings are saved, nothing is half-written."""
    from branchdesk import autostart
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    dialog.keep_in_tray.click()
    dialog.start_with_computer.click()
    dialog.save()
    kind, text = boxes.shown[-1]
    assert kind == "warning" and "could not be changed" in text
    assert dialog.result() != dialog.DialogCode.Accepted and not autostart.is_enabled()
    assert SettingsStore().get("keep_in_tray") is False


def test_your_name_says_it_is_not_used_while_someone_is_on_duty(
    qtbot: QtBot, window: MainWindow
) -> None:
    """设置 › 您的姓名 stood empty while 林子涵 was on duty, as if nobody were recorded."""
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    window.settings.set("agent_name", "小王")
    window.settings.set("current_agent", "林子涵")
    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.on_duty_note.isVisible() and "林子涵" in dialog.on_duty_note.text()
    assert dialog.agent_name.text() == "小王"  # still this PC's own fallback, not changed
    window.settings.set("current_agent", "")
    nobody = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(nobody)
    nobody.show()
    assert not nobody.on_duty_note.isVisible()


def test_the_branch_region_is_set_in_settings_and_used_by_lookup(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.branch_region, "火星")
    dialog.save()
    assert boxes.shown[-1][0] == "warning" and "火星" in boxes.shown[-1][1]
    assert SettingsStore().get("branch_region") == ""
    dialog.branch_region.clear()
    type_text(qtbot, dialog.branch_region, "北京市浦东新区")  # 浦东 is Shanghai's
    dialog.save()
    assert boxes.shown[-1][0] == "warning" and "“浦东新区” is not in it" in boxes.shown[-1][1]
    assert SettingsStore().get("branch_region") == ""
    dialog.branch_region.clear()
    type_text(qtbot, dialog.branch_region, "浙江省宁波市海曙区")
    dialog.save()
    assert SettingsStore().get("branch_region") == "浙江省宁波市海曙区"
    with window.db.session() as s:
        result = lookup(s, "某某路1号")  # names no region: the branch's own district
    assert result.couriers[0].name == "张伟"
    assert result.couriers[0].match is not None and result.couriers[0].match.level == "district"
    assert result.route is not None and result.route.hub == "宁波分拨中心"


def test_the_area_table_shows_how_each_row_was_read(
    qtbot: QtBot, window: MainWindow, tmp_path: object
) -> None:
    from pathlib import Path

    from branchdesk.io.export import write_table
    from branchdesk.io.importing import run_import

    path = Path(str(tmp_path)) / "areas.xlsx"
    write_table(
        path,
        ["负责片区", "单双号", "业务员"],
        [["花港路1~60号", "单", "王芳"], ["金星路88号大厦后门", None, "李强"]],
    )
    with window.db.session() as s:
        report = run_import(s, path, "areas")
    assert "read only in part" in report.summary()
    page = window.data_page
    page.refresh()
    model = page.area_model
    rows = {model.data(model.index(r, 3)): r for r in range(model.rowCount())}
    first, partial = rows["花港路1~60号"], rows["金星路88号大厦后门"]
    assert model.data(model.index(first, 4)) == "花港路 1-60号 单号"
    assert model.data(model.index(partial, 4)).startswith("⚠ 金星路 88号")
    assert "大厦后门" in model.data(model.index(partial, model.columnCount() - 1))
    assert model.data(model.index(partial, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(first, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_old_waybills_are_removed_behind_a_progress_dialog(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File › remove old waybills: asked for the days, confirmed, removed off the UI thread,
    then the status bar says how many went."""
    from PySide6.QtWidgets import QInputDialog
    from sqlalchemy import func, select, text

    from branchdesk.lookup.models import Waybill

    assert window.db is not None
    with window.db.session() as s:
        old = s.execute(text("UPDATE waybill SET event_date = '2020-01-01' WHERE id % 2 = 0"))
        moved = old.rowcount
        total = s.scalar(select(func.count()).select_from(Waybill))
    assert moved > 0
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (30, True))
    window.remove_old_waybills()
    qtbot.waitUntil(lambda: window._purge is None, timeout=20000)
    with window.db.session() as s:
        left = s.scalar(select(func.count()).select_from(Waybill))
    assert left == total - moved
    assert f"Removed {moved} waybill(s)" in window.statusBar().currentMessage()


def test_the_banner_removes_the_sample_in_one_step(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    from branchdesk import paths
    from branchdesk.ui.team.agent_picker import current_agent, work_as

    assert window.db is not None
    with window.db.read_session() as s:
        from branchdesk.team.agents import list_agents

        work_as(window.db, window.settings, list_agents(s)[0])  # a sample agent at the PC
    window.refresh_agent()
    assert window.sample_banner.isVisible() and window.remove_sample_action.isEnabled()
    # "No" keeps everything.
    boxes.answer = boxes.answer.No
    qtbot.mouseClick(window.remove_sample_button, Qt.MouseButton.LeftButton)
    assert boxes.shown[-1][0] == "question"
    assert window.sample_banner.isVisible()
    assert list(paths.backups_dir().glob("*.sqlite3")) == []

    boxes.answer = boxes.answer.Yes
    qtbot.mouseClick(window.remove_sample_button, Qt.MouseButton.LeftButton)
    assert not window.sample_banner.isVisible()
    assert not window.remove_sample_action.isEnabled()
    assert window.sample_action.isEnabled()  # the sample can be loaded again
    assert window.data_page.area_model.rowCount() == 0
    assert window.complaints_page.model.rowCount() == 0
    from branchdesk.ui.complaints.complaints_page import COL_OWNER

    assert window.complaints_page.view.isColumnHidden(COL_OWNER)  # no team, no owners left
    assert current_agent(window.db, window.settings) is None
    assert "nobody" in window.agent_label.text()
    assert "Removed the sample branch" in window.statusBar().currentMessage()
    (backup,) = paths.backups_dir().glob("*.sqlite3")  # taken before removing
    # Its name whole, in a box (the status bar cut it off).
    assert boxes.shown[-1][0] == "information" and backup.name in boxes.shown[-1][1]


def test_a_page_that_fails_to_build_leaves_the_navigation_on_the_page_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(window, "_build_handbook", broken)
    with qtbot.captureExceptions() as raised:
        window.nav.setCurrentRow(mw.HANDBOOK)
    assert [type(e[1]) for e in raised] == [OSError]
    assert window.nav.currentRow() == mw.TODAY == window.pages.currentIndex()
    assert window.built(mw.HANDBOOK) is None
    monkeypatch.undo()  # the disk is back: the same click builds the page
    window.nav.setCurrentRow(mw.HANDBOOK)
    assert window.pages.currentWidget() is window.built(mw.HANDBOOK) is window.handbook_page
