"""Enter in the team's dialogs: it presses no button the user did not mean.

A QDialog makes its first button the default when shown: Enter in the queue reassigned the
item to the first name of 改派给, Enter in the contacts' search box marked a follow-up done,
and Enter in an agent's name pressed 新客服 and dropped the edit."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from branchdesk.db.engine import Database
from branchdesk.team.agents import add_agent, get_agent
from branchdesk.team.assignments import history
from branchdesk.team.contacts import log_contact, search_contacts
from branchdesk.ui.team.contacts_dialog import ContactsDialog
from branchdesk.ui.team.team_dialog import TeamDialog
from tests.ui.conftest import type_text
from tests.ui.team.conftest import fangs_queue


def test_enter_in_the_queue_reassigns_nothing(qtbot: QtBot, no_team: Database) -> None:
    dialog, row = fangs_queue(qtbot, no_team)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.view.setFocus()
    dialog.view.selectRow(0)
    for widget in (dialog.view, dialog.target, dialog.agent):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.count.text() == "1 open item(s)"
    with no_team.read_session() as s:
        assert [h.agent for h in history(s, "complaint", row.id)] == ["王芳"]
    assert not dialog.view.tabKeyNavigation()  # Tab leaves the table for the buttons
    # Tabbed to 改派给, Enter presses it, as a focused button is pressed on Windows.
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.target.setCurrentIndex(dialog.target.findText("李明"))
    dialog.reassign_button.setFocus()
    qtbot.waitUntil(dialog.reassign_button.hasFocus)
    qtbot.keyClick(dialog.reassign_button, Qt.Key.Key_Return)
    with no_team.read_session() as s:
        assert [h.agent for h in history(s, "complaint", row.id)] == ["李明", "王芳"]


def test_enter_in_the_contacts_marks_no_follow_up_done(qtbot: QtBot, db: Database) -> None:
    with db.session() as s:
        fang = add_agent(s, "王芳")
        log_contact(
            s,
            agent_id=fang.id,
            channel="phone",
            question="改地址到望京路",
            outcome="follow_up",
            at=datetime(2026, 11, 2, 9, 0),
        )
    dialog = ContactsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.view.selectRow(0)
    for widget in (dialog.search, dialog.view):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    with db.read_session() as s:
        assert [c.outcome for c in search_contacts(s, "")] == ["follow_up"]


def test_enter_in_an_agents_name_saves_the_agent(qtbot: QtBot, db: Database) -> None:
    with db.session() as s:
        fang = add_agent(s, "孙丽")
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.agents_view.selectRow(0)
    dialog.name.setFocus()
    dialog.name.selectAll()
    type_text(qtbot, dialog.name, "孙丽丽")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == "Saved: 孙丽丽."
    with db.read_session() as s:
        assert get_agent(s, fang.id).name == "孙丽丽"
