"""Customers and ownership in the team dialog; the queue and reassigning; a new complaint
routed from the complaint dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from branchdesk.db.engine import Database
from branchdesk.team.agents import add_agent, sign_in
from branchdesk.team.assignments import history, my_queue
from branchdesk.team.ownership import list_customers, list_ownership
from branchdesk.ui.shell.main_window import MainWindow
from branchdesk.ui.team.team_dialog import TeamDialog
from tests.ui.conftest import Boxes, type_text
from tests.ui.team.conftest import fangs_queue


def test_the_owner_adds_a_customer_and_gives_a_courier_to_an_agent(
    qtbot: QtBot, no_team: Database, boxes: Boxes
) -> None:
    with no_team.session() as s:
        add_agent(s, "王芳")
        add_agent(s, "李明")
    dialog = TeamDialog(no_team)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(2)
    type_text(qtbot, dialog.ownership.new_customer_name, "春风服饰")
    qtbot.keyClicks(dialog.ownership.new_customer_phone, "+86 139 0574 0001")
    dialog.ownership.new_customer_owner.setCurrentIndex(
        dialog.ownership.new_customer_owner.findText("王芳")
    )
    qtbot.keyClick(dialog.ownership.new_customer_phone, Qt.Key.Key_Return)  # adds it
    assert dialog.ownership.customers_model.rowCount() == 1
    dialog.ownership.ownership_agent.setCurrentIndex(
        dialog.ownership.ownership_agent.findText("李明")
    )
    listed = dialog.ownership.ownership_value.count()
    dialog.ownership.ownership_value.setCurrentText("药行街")  # an area, not a courier
    value = dialog.ownership.ownership_value.lineEdit()
    assert value is not None
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert dialog.ownership.ownership_value.count() == listed  # Enter lists nothing new
    dialog.ownership.ownership_value.setCurrentText("李娜")
    assert dialog.ownership.add_ownership()
    with no_team.read_session() as s:
        assert [(c.name, c.phone, c.owner) for c in list_customers(s)] == [
            ("春风服饰", "13905740001", "王芳")
        ]
        assert [(o.agent, o.kind, o.value) for o in list_ownership(s)] == [
            ("李明", "courier", "李娜")
        ]
    # The customer goes to 李明 in one action.
    dialog.ownership.customers_view.selectRow(0)
    dialog.ownership.owner_choice.setCurrentIndex(dialog.ownership.owner_choice.findText("李明"))
    assert dialog.ownership.set_owner_of_selected()
    assert dialog.ownership.customers_model.index(0, 3).data() == "李明"
    assert boxes.shown == []


def test_a_bad_phone_is_refused_with_a_message(qtbot: QtBot, db: Database, boxes: Boxes) -> None:
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.ownership.new_customer_name, "春风服饰")
    qtbot.keyClicks(dialog.ownership.new_customer_phone, "1390574")
    assert not dialog.ownership.add_customer()
    assert boxes.shown == [
        (
            "warning",
            "Team: 1390574 is not a whole phone number: a mobile has 11 digits, a landline its "
            "area code (0574-87654321)",
        )
    ]


def test_the_queue_shows_why_and_reassigns_in_one_action(qtbot: QtBot, no_team: Database) -> None:
    dialog, row = fangs_queue(qtbot, no_team)
    assert dialog.count.text() == "1 open item(s)"
    assert dialog.model.index(0, 2).data() == row.ticket_no
    assert dialog.model.index(0, 5).data() == "by area 药行街"
    dialog.view.selectRow(0)
    dialog.target.setCurrentIndex(dialog.target.findText("李明"))
    with qtbot.waitSignal(dialog.reassigned) as said:
        qtbot.mouseClick(dialog.reassign_button, Qt.MouseButton.LeftButton)
    assert said.args == [f"{row.ticket_no} reassigned to 李明."]
    assert dialog.count.text() == "0 open item(s)"
    with no_team.read_session() as s:
        assert [h.agent for h in history(s, "complaint", row.id)] == ["李明", "王芳"]


def test_a_complaint_logged_in_the_window_is_assigned(
    qtbot: QtBot, no_team: Database, window: MainWindow, boxes: Boxes
) -> None:
    with no_team.session() as s:
        fang = add_agent(s, "王芳")
        from branchdesk.team.ownership import set_ownership

        set_ownership(s, fang.id, "courier", "李娜")
        sign_in(s, fang.id)
    window.nav.setCurrentRow(5)
    dialog = window.complaints_page.new_complaint()
    dialog.form.address.setText("海曙区药行街31号")
    dialog.form.lookup_address()
    assert dialog.form.courier.text() == "李娜"
    dialog.form.description.setPlainText("三天没派送")
    dialog.form.category.setCurrentIndex(2)
    row = dialog.save()
    assert boxes.shown == []
    assert row is not None
    assert dialog.assignment_note == "Assigned to 王芳 (by courier 李娜)."
    assert window.statusBar().currentMessage().endswith(" Assigned to 王芳 (by courier 李娜).")
    with no_team.read_session() as s:
        assert [q.title for q in my_queue(s, fang.id)] == [row.ticket_no]


def test_work_orders_imported_in_the_window_go_to_their_owners(
    qtbot: QtBot, db: Database, fixtures: Path
) -> None:
    """As `branchdesk import complaints` does: the import dialog's work orders are routed."""
    from branchdesk.io.importing import run_import
    from branchdesk.team.ownership import add_customer

    with db.session() as s:
        fang = add_agent(s, "王芳")
        add_customer(s, "张三百货", phone="13812341234", owner_id=fang.id)
        sign_in(s, fang.id)
    window = MainWindow(db)
    qtbot.addWidget(window)
    with db.session() as s:
        report = run_import(s, fixtures / "work_orders.xlsx", "complaints")
    window._imported(report)  # what the import dialog's `imported` signal calls
    assert (
        window.statusBar()
        .currentMessage()
        .endswith("Assigned: 王芳 1. Not assigned (no owner found): 4.")
    )
    with db.read_session() as s:
        assert [q.title for q in my_queue(s, fang.id)] == ["TS20261102-0001"]
