"""The team dialog and the agent picker, driven through their real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk import permissions
from branchdesk.db.engine import Database
from branchdesk.permissions import OwnerLock
from branchdesk.settings import SettingsStore
from branchdesk.team.agents import add_agent, get_agent, list_agents, sign_in, signed_in_on
from branchdesk.ui.shell.main_window import MainWindow
from branchdesk.ui.team.agent_picker import AgentPicker
from branchdesk.ui.team.team_dialog import TeamDialog
from tests.ui.conftest import Boxes, type_text


def _cells(view, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_owner_adds_an_agent_with_a_stand_in(qtbot: QtBot, db: Database) -> None:
    with db.session() as s:
        add_agent(s, "李明", role="lead", started_on=date(2024, 5, 1))
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.name, "王芳")
    qtbot.keyClicks(dialog.employee_no, "KF07")
    dialog.started_on.setDate(QDate(2026, 10, 8))
    dialog.standin.setCurrentIndex(dialog.standin.findText("李明"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Saved: 王芳."
    assert _cells(dialog.agents_view, 0) == ["李明", "王芳"]
    assert _cells(dialog.agents_view, 4) == ["", "李明"]
    with db.read_session() as s:
        fang = next(a for a in list_agents(s) if a.name == "王芳")
    assert (fang.employee_no, fang.started_on, fang.role) == ("KF07", date(2026, 10, 8), "agent")


def test_deactivating_hides_the_agent(qtbot: QtBot, db: Database) -> None:
    with db.session() as s:
        a = add_agent(s, "王芳")
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    dialog.agents_view.selectRow(0)
    dialog.active.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _cells(dialog.agents_view, 0) == []
    dialog.show_inactive.setChecked(True)
    assert _cells(dialog.agents_view, 5) == ["inactive"]
    with db.read_session() as s:
        assert not get_agent(s, a.id).active


def test_a_locked_pin_refuses_and_changes_nothing(
    qtbot: QtBot, db: Database, boxes: Boxes, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from branchdesk.ui.kit import owner_action

    permissions.set_policy(OwnerLock(True))
    monkeypatch.setattr(owner_action, "unlock", lambda *a, **k: False)  # PIN not given
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name, "王芳")
    assert not dialog.save()
    with db.read_session() as s:
        assert list_agents(s) == []


def test_a_name_taken_is_shown(qtbot: QtBot, db: Database, boxes: Boxes) -> None:
    with db.session() as s:
        add_agent(s, "王芳")
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    dialog.new_agent()
    type_text(qtbot, dialog.name, "王芳")
    assert not dialog.save()
    assert boxes.shown == [
        ("warning", "Team: There is already an agent named “王芳”: add a distinguishing mark.")
    ]


def test_picking_a_name_signs_in_and_records_who(qtbot: QtBot, db: Database) -> None:
    with db.session() as s:
        add_agent(s, "王芳")
        li = add_agent(s, "李明")
    settings = SettingsStore()
    picker = AgentPicker(db, settings)
    qtbot.addWidget(picker)
    assert [picker.list.item(n).text() for n in range(picker.list.count())] == ["李明", "王芳"]
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    assert picker.picked is not None and picker.picked.name == "李明"
    assert settings.get("current_agent") == "李明"
    assert permissions.actor() == "李明"
    with db.read_session() as s:
        assert signed_in_on(s, date.today()) == {li.id}


def test_a_picker_that_came_by_itself_takes_no_enter_typed_ahead(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At start the picker comes without being asked for: an Enter the agent typed for a
    search just before it came signed in the first name. It takes a pick a moment later."""
    import time

    from branchdesk.ui.team import agent_picker

    with db.session() as s:
        add_agent(s, "王芳")
    settings = SettingsStore()
    now = time.monotonic()
    monkeypatch.setattr(agent_picker.time, "monotonic", lambda: now)
    picker = AgentPicker(db, settings, unasked=True)
    qtbot.addWidget(picker)
    picker.show()  # (the time counts from when it is on screen)
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)  # typed ahead, for the search
    assert picker.picked is None and settings.get("current_agent") == ""
    monkeypatch.setattr(
        agent_picker.time, "monotonic", lambda: now + agent_picker.TYPED_AHEAD_S + 0.1
    )
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)  # the agent's own pick
    assert picker.picked is not None and settings.get("current_agent") == "王芳"


def test_the_window_shows_the_agent_and_switches(
    qtbot: QtBot, no_team: Database, window: MainWindow
) -> None:
    with no_team.session() as s:
        add_agent(s, "王芳")
        add_agent(s, "李明")
    window.refresh_agent()
    assert window.agent_label.text() == "Working: nobody picked"

    def pick_wang() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, AgentPicker)
        picker.list.setCurrentRow(1)
        picker.accept()

    QTimer.singleShot(0, pick_wang)
    window.switch_agent_action.trigger()
    assert window.agent_label.text() == "Working: 王芳"
    assert window.statusBar().currentMessage() == (
        "王芳 signed in: what you log is recorded under this name."
    )
    window.sign_out_action.trigger()
    assert window.agent_label.text() == "Working: nobody picked"
    assert window.settings.get("current_agent") == ""


def test_the_picked_agent_is_who_complaints_and_guides_record(qtbot: QtBot, db: Database) -> None:
    from branchdesk.ui.complaints.common import who_am_i

    with db.session() as s:
        add_agent(s, "王芳")
    settings = SettingsStore()
    settings.set("agent_name", "前台电脑")
    assert who_am_i(settings) == "前台电脑"
    picker = AgentPicker(db, settings)
    qtbot.addWidget(picker)
    picker.accept()
    assert who_am_i(settings) == "王芳"
    assert permissions.actor() == "王芳"
    picker = AgentPicker(db, settings)
    qtbot.addWidget(picker)
    qtbot.mouseClick(picker.sign_out_button, Qt.MouseButton.LeftButton)
    assert picker.signed_out == "王芳"
    assert who_am_i(settings) == "前台电脑"


def test_the_import_dialog_offers_the_customer_list(qtbot: QtBot, db: Database) -> None:
    from branchdesk.ui.data.import_dialog import ImportDialog

    dialog = ImportDialog(db, kind="customers")
    qtbot.addWidget(dialog)
    assert dialog.kind.name == "customers"
    assert dialog.kind_combo.currentText() == "Sending customers"


def test_the_attendance_tab_shows_the_month_and_flags_open_shifts(
    qtbot: QtBot, db: Database
) -> None:
    from datetime import datetime

    from branchdesk.team.agents import sign_out

    with db.session() as s:
        fang = add_agent(s, "王芳")
        sign_in(s, fang.id, datetime(2026, 10, 5, 9, 0))
        sign_out(s, fang.id, datetime(2026, 10, 5, 17, 30))
        sign_in(s, fang.id, datetime(2026, 10, 6, 9, 0))  # never signed out, nothing logged
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.month.setDate(QDate(2026, 10, 1))
    model = dialog.attendance_model
    assert [[model.index(0, c).data() for c in range(4)]] == [["王芳", "2", "8.5", "1"]]
    assert dialog.attendance_note.text() == (
        "1 shift(s) were never signed out and had no later contact: they count no hours. "
        "Remind the agents to sign out (签退)."
    )


def test_at_start_a_team_member_picks_their_name(
    qtbot: QtBot, no_team: Database, window: MainWindow
) -> None:
    with no_team.session() as s:
        add_agent(s, "王芳")

    def pick() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, AgentPicker)
        picker.accept()

    QTimer.singleShot(0, pick)
    window.ask_agent()
    assert window.agent_label.text() == "Working: 王芳"
