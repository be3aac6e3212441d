"""The app open while another program (the command line, another BranchDesk) changes the
data: the pages read it again when the agent comes back to the window or at the minute's
tick, 查件 answers its question again, and a stale list row never opens another complaint."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk import paths
from branchdesk.cli import main as cli
from branchdesk.ui.shell.main_window import COMPLAINTS, MainWindow
from tests.ui.conftest import Boxes

ADDRESS = "宁波市海曙区中山西路37号"


def _commit_elsewhere(sql: str, params: tuple[object, ...] = ()) -> None:
    """One statement committed by another program (its own connection to the file)."""
    other = sqlite3.connect(paths.db_path())
    try:
        other.execute(sql, params)
        other.commit()
    finally:
        other.close()


def _courier(window: MainWindow) -> tuple[str, str]:
    model = window.lookup_page.courier_model
    index = model.index(0, 0)
    return model.data(index, Qt.ItemDataRole.DisplayRole), model.data(
        model.index(0, 1), Qt.ItemDataRole.DisplayRole
    )


def test_lookup_answers_again_after_the_command_line_imports_an_area_table(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """An area table imported from the command line gave 中山西路 to another courier; the
    window kept showing the old one as an exact match until the query was edited."""
    page = window.lookup_page
    page.search_box.setText(ADDRESS)
    page.run_search()
    assert _courier(window)[0] == "王强"
    assert not window.reload_if_changed()  # nothing changed: nothing is read again

    table = tmp_path / "新片区表.csv"  # another branch's words, saved by Excel (GBK)
    table.write_text(
        "区县,街道,负责片区,门牌范围,业务员,工号,手机\r\n"
        "海曙区,月湖街道,中山西路1-99号,单号,赵六,574099,13805749999\r\n",
        encoding="gbk",
    )
    assert cli(["import", "areas", str(table)]) == 0

    # The agent comes back to the window (or the minute's tick comes).
    assert window.reload_if_changed()
    assert _courier(window)[0] == "赵六"
    assert page.search_box.text() == ADDRESS


def test_the_window_reads_again_when_the_agent_comes_back_to_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.lookup_page.search_box.setText(ADDRESS)
    window.lookup_page.run_search()
    # Another BranchDesk's 业务员 page renames the courier (and stamps the change).
    _commit_elsewhere(
        "UPDATE courier SET name = '王强强', updated_at = '2099-01-01 00:00:00.000000' "
        "WHERE name = '王强'"
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert _courier(window)[0] == "王强强"


def test_a_stale_row_never_opens_another_customers_complaint(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The list still showed a complaint the command line had undone, and its id had gone to
    a complaint logged since: opening the row opened the other customer's complaint."""
    window.nav.setCurrentRow(COMPLAINTS)
    page = window.complaints_page
    stale = page.model.rows[0]
    _commit_elsewhere(
        "UPDATE complaint SET ticket_no = 'TS20991231-0001', customer_name = '赵先生', "
        "phone = '13900000000' WHERE id = ?",
        (stale.id,),
    )
    page.view.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.status, timeout=3000) as said:
        page.open_selected()
    assert page.detail is None or not page.detail.isVisible()
    assert stale.ticket_no in said.args[0]
    tickets = [row.ticket_no for row in page.model.rows]
    assert stale.ticket_no not in tickets and "TS20991231-0001" in tickets


def test_the_import_history_names_every_table_in_words(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """数据's history showed "faq" and "customers" where the command line's says 常见问题条目
    and 寄件客户: the page knew five of the seven tables."""
    from branchdesk.ui.shell.main_window import DATA

    faq = tmp_path / "常见问题.csv"
    faq.write_text(
        "问题,回答\r\n到付件客户拒付怎么办？,先电联收件人确认。\r\n", encoding="utf-8-sig"
    )
    assert cli(["faq", "import", str(faq)]) == 0
    window.reload_if_changed()
    window.nav.setCurrentRow(DATA)
    model = window.data_page.history_model
    tables = [
        model.data(model.index(r, 2), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())
    ]
    assert "FAQ entries" in tables
    assert not {"faq", "customers", "complaints"} & set(tables)


def test_what_this_window_wrote_itself_is_not_read_again(qtbot: QtBot, window: MainWindow) -> None:
    """The window's own commits (a complaint saved, a lookup noted) moved SQLite's version
    too: every minute after one, the pages were read again as if another program wrote."""
    from branchdesk.complaints import service

    assert window.db is not None
    window.reload_if_changed()
    with window.db.session() as session:
        first = service.list_complaints(session, service.ComplaintFilter())[0]
        service.update_complaint(session, first.id, "林子涵", reply=first.reply + " 已回电。")
    assert not window.reload_if_changed()


def test_another_program_s_change_is_read_even_when_this_window_writes_after_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The command line imported an area table; then the window wrote (an agent signed in, a
    complaint saved) before its next look: that write was taken as the only news, and the
    pages showed the old data for good (hostile tester: 3,000 waybills shown, 23,000 there)."""
    from branchdesk.complaints import service

    assert window.db is not None
    window.lookup_page.search_box.setText(ADDRESS)
    window.lookup_page.run_search()
    window.reload_if_changed()
    table = tmp_path / "新片区表.csv"
    table.write_text(
        "区县,街道,负责片区,门牌范围,业务员,工号,手机\r\n"
        "海曙区,月湖街道,中山西路1-99号,单号,赵六,574099,13805749999\r\n",
        encoding="gbk",
    )
    assert cli(["import", "areas", str(table)]) == 0
    with window.db.session() as session:  # the window's own write, before it looks again
        first = service.list_complaints(session, service.ComplaintFilter())[0]
        service.update_complaint(session, first.id, "林子涵", reply=first.reply + " 已回电。")
    assert window.reload_if_changed()
    assert _courier(window)[0] == "赵六"
    assert not window.reload_if_changed()  # and once read, not again


def test_the_window_says_another_program_changed_the_data_and_drops_a_removed_agent(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Pages were read again silently; and after `demo --remove` elsewhere, 林子涵 (gone from
    the team) stayed on duty and a new complaint was saved under her name (hostile tester)."""
    window.settings.set("current_agent", "林子涵")
    window.refresh_agent()
    assert "林子涵" in window.agent_label.text()
    window.reload_if_changed()
    _commit_elsewhere("UPDATE agent SET active = 0 WHERE name = ?", ("林子涵",))
    assert window.reload_if_changed()
    assert window.settings.get("current_agent") == ""
    assert "林子涵" not in window.agent_label.text()
    assert "林子涵 is no longer in the team" in window.statusBar().currentMessage()
    _commit_elsewhere("UPDATE courier SET phone = '13800000000' WHERE id = 1")
    assert window.reload_if_changed()
    assert "Another program" in window.statusBar().currentMessage()


def test_reading_again_keeps_the_agent_on_the_due_queue(qtbot: QtBot, window: MainWindow) -> None:
    window.nav.setCurrentRow(COMPLAINTS)
    page = window.complaints_page
    page.show_due()
    assert page.tabs.currentIndex() == page.DUE
    _commit_elsewhere(
        "UPDATE complaint SET reply = reply || '。' WHERE id = (SELECT min(id) FROM complaint)"
    )
    assert window.reload_if_changed()
    assert page.tabs.currentIndex() == page.DUE  # not pulled over to the list


def test_nothing_is_read_while_the_data_is_being_restored(qtbot: QtBot, window: MainWindow) -> None:
    window.reminder_timer.stop()  # as 从备份恢复 does while it replaces the file
    _commit_elsewhere("UPDATE courier SET phone = phone")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert not window.reload_if_changed()


def test_a_complaint_deleted_while_its_window_is_open_closes_the_window(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    """开始处理 on a complaint the command line had undone said "该投诉已不存在。" and left
    the window open, every button still there."""
    from branchdesk.complaints.workflow import NEW, PROCESSING

    window.nav.setCurrentRow(COMPLAINTS)
    page = window.complaints_page
    row = next(r for r in page.model.rows if r.status == NEW)
    dialog = page.open_complaint(row.id)
    _commit_elsewhere("DELETE FROM complaint WHERE id = ?", (row.id,))
    assert not dialog.move_to(PROCESSING)
    assert not dialog.isVisible()
    assert boxes.shown and row.ticket_no in boxes.shown[-1][1]
    assert row.id not in [r.id for r in page.model.rows]


def test_reading_again_keeps_the_chosen_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from branchdesk.ui.shell.main_window import DATA

    window.nav.setCurrentRow(DATA)
    page = window.data_page
    page.history_view.selectRow(1)
    chosen = page.selected_batch()
    assert chosen is not None
    faq = tmp_path / "常见问题.csv"
    faq.write_text("问题,回答\r\n到付件拒付怎么办？,先电联收件人。\r\n", encoding="utf-8-sig")
    assert cli(["faq", "import", str(faq)]) == 0
    assert window.reload_if_changed()
    again = page.selected_batch()
    assert again is not None and again.id == chosen.id
