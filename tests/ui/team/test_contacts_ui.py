"""Logging a contact from the keyboard, and the contact list's search."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from branchdesk.complaints.service import ensure_default_categories
from branchdesk.db.engine import Database
from branchdesk.lookup.models import Waybill
from branchdesk.team.agents import add_agent, sign_in
from branchdesk.team.assignments import my_queue
from branchdesk.team.contacts import log_contact, search_contacts
from branchdesk.team.ownership import set_ownership
from branchdesk.ui.shell.main_window import MainWindow
from branchdesk.ui.team.contact_dialog import ContactDialog
from branchdesk.ui.team.contacts_dialog import ContactsDialog
from tests.ui.conftest import Boxes, type_text


def test_a_contact_is_logged_from_the_keyboard_with_a_filled_script(
    qtbot: QtBot, no_team: Database
) -> None:
    with no_team.session() as s:
        ensure_default_categories(s)
        fang = add_agent(s, "王芳")
        set_ownership(s, fang.id, "courier", "李娜")
        sign_in(s, fang.id)
        waybill = s.query(Waybill).filter(Waybill.courier_name == "李娜").first()
        assert waybill is not None
        number, recipient, address = waybill.number, waybill.recipient, waybill.address
    dialog = ContactDialog(no_team, fang.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.waybill, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # &2 在线
    assert dialog.channel() == "online"
    qtbot.keyClicks(dialog.waybill, number)
    qtbot.keyClick(dialog.waybill, Qt.Key.Key_Return)  # Enter moves on and looks it up
    assert dialog.customer.text() == recipient
    assert dialog.facts_line.text() == f"Courier: 李娜  13805740002  {address}"
    type_text(qtbot, dialog.question, "什么时候到")
    dialog.script.setCurrentIndex(dialog.script.findText("延误 › 派送延误 › 标准回复"))
    assert f"您的快件 {number} 目前在我们网点" in dialog.reply.toPlainText()
    assert "业务员李娜（电话 13805740002）" in dialog.reply.toPlainText()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("follow_up"))
    with qtbot.waitSignal(dialog.logged) as logged:
        qtbot.keyClick(dialog.question, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    row, note = logged.args
    assert (row.question, row.channel, row.waybill_no, row.script_title, row.outcome) == (
        "什么时候到",
        "online",
        number,
        "标准回复",
        "follow_up",
    )
    assert row.agent_id == fang.id
    assert note == "Contact logged. Assigned to 王芳 (by courier 李娜)."
    with no_team.read_session() as s:
        assert [q.title for q in my_queue(s, fang.id)] == ["什么时候到"]


def test_a_contact_without_a_question_is_refused_in_the_dialog(qtbot: QtBot, db: Database) -> None:
    dialog = ContactDialog(db, None)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.result() == 0
    assert dialog.message.text() == "Write what the customer asked (a few words are enough)."
    with db.read_session() as s:
        assert search_contacts(s) == []


def test_the_list_searches_as_you_type_and_marks_follow_ups_done(
    qtbot: QtBot, db: Database
) -> None:
    t0 = datetime(2026, 11, 2, 9, 0)
    with db.session() as s:
        fang = add_agent(s, "王芳")
        for n, (q, outcome) in enumerate(
            [("改地址到望京路", "follow_up"), ("快递三天没动", "resolved"), ("改电话", "resolved")]
        ):
            log_contact(
                s,
                agent_id=fang.id,
                channel="phone",
                question=q,
                outcome=outcome,
                at=t0 + timedelta(minutes=n),
            )
    dialog = ContactsDialog(db)
    qtbot.addWidget(dialog)

    def questions() -> list[str]:
        model = dialog.model
        return [model.index(r, 5).data() for r in range(model.rowCount())]

    assert questions() == ["改电话", "快递三天没动", "改地址到望京路"]
    assert dialog.count.text() == "3 contact(s)"
    type_text(qtbot, dialog.search, "改")
    qtbot.waitUntil(lambda: questions() == ["改电话", "改地址到望京路"])
    dialog.search.clear()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("follow_up"))
    assert questions() == ["改地址到望京路"]
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert questions() == []


def test_the_window_logs_a_contact_for_the_working_agent(
    qtbot: QtBot, no_team: Database, window: MainWindow
) -> None:
    with no_team.session() as s:
        fang = add_agent(s, "王芳")
    window.settings.set("current_agent", "王芳")

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ContactDialog)
        dialog.question.setText("寄件到上海多久")
        dialog.save()

    QTimer.singleShot(0, fill_in)
    window.log_contact_action.trigger()
    assert window.statusBar().currentMessage() == ("Contact logged. Not assigned (no owner found).")
    with no_team.read_session() as s:
        (row,) = [r for r in search_contacts(s) if r.question == "寄件到上海多久"]
    assert row.agent == "王芳" and fang.name == "王芳"


def test_escape_asks_before_dropping_a_contact_half_typed(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    dialog = ContactDialog(db, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.question, "问什么时候到")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and boxes.shown[-1][0] == "question"
    assert dialog.question.text() == "问什么时候到"
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    with db.read_session() as s:
        assert search_contacts(s) == []


def test_escape_asks_before_dropping_a_reply_typed(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    dialog = ContactDialog(db, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reply.setPlainText("您好，快件今天下午送到")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and boxes.shown[-1][0] == "question"
