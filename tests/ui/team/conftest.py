"""The sample branch without its sample team, for GUI tests that build their own team."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from branchdesk.complaints import service as complaints
from branchdesk.complaints.service import ComplaintRow
from branchdesk.db.engine import Database
from branchdesk.team.agents import add_agent, sign_in
from branchdesk.team.assignments import route_and_assign
from branchdesk.team.ownership import set_ownership
from branchdesk.ui.team.queue_dialog import QueueDialog
from tests.unit.team.conftest import clear_team


@pytest.fixture
def no_team(sample_db: Database) -> Database:
    return clear_team(sample_db)


def fangs_queue(qtbot: QtBot, db: Database) -> tuple[QueueDialog, ComplaintRow]:
    """王芳's queue (she owns the area 药行街; 李明 is the other agent), holding one complaint
    on 海曙区药行街31号 routed to her by its area."""
    with db.session() as s:
        fang = add_agent(s, "王芳")
        add_agent(s, "李明")
        set_ownership(s, fang.id, "area", "药行街")
        sign_in(s, fang.id)
        complaints.ensure_default_categories(s)
        row = complaints.create_complaint(
            s,
            complaints.NewComplaint(
                channel="电话",
                category_id=complaints.category_tree(s)[0].id,
                address="海曙区药行街31号",
                description="三天没派送",
            ),
        )
        route_and_assign(s, "complaint", row.id, address="海曙区药行街31号", by="王芳")
    dialog = QueueDialog(db, fang.id, who="王芳")
    qtbot.addWidget(dialog)
    return dialog, row
