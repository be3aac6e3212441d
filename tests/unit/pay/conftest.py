"""A small team with a month of work, built through the services (shared by the pay tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from branchdesk.complaints import service as complaints
from branchdesk.complaints.service import NewComplaint
from branchdesk.db.engine import Database
from branchdesk.team import agents, contacts

MONTH = "2026-11"
DAY = datetime(2026, 11, 3, 9, 0)


@dataclass
class Team:
    db: Database
    wang: int  # 王芳
    li: int  # 李娜
    idle: int  # 赵敏: no work in the month


def close(
    db: Database,
    who: str,
    *,
    received: datetime,
    closed: datetime,
    order: str = "",
    creator: str = "",
) -> int:
    with db.session() as s:
        category = next(c for c in complaints.category_tree(s) if c.path == "催件")
        row = complaints.create_complaint(
            s,
            NewComplaint(
                channel="电话",
                category_id=category.id,
                description="客户催件",
                received_at=received,
                hq_order_no=order,
            ),
            creator or who,
        )
        complaints.transition(s, row.id, "processing", who, at=received + timedelta(minutes=5))
        complaints.transition(
            s, row.id, "closed", who, resolution="已派送", compensation_fen=0, at=closed
        )
        return row.id


@pytest.fixture
def team(db: Database) -> Team:
    with db.session() as s:
        complaints.ensure_default_categories(s)
        wang = agents.add_agent(s, "王芳", employee_no="KF01").id
        li = agents.add_agent(s, "李娜", employee_no="KF02").id
        idle = agents.add_agent(s, "赵敏", employee_no="KF03").id
    # 王芳: 3 complaints closed (one late), 1 work order, 2 contacts, 2 days' shifts.
    for n in range(3):
        received = DAY + timedelta(days=n)
        late = n == 2  # the 催件 deadline is 24 h
        close(db, "王芳", received=received, closed=received + timedelta(hours=30 if late else 2))
    close(db, "王芳", received=DAY, closed=DAY + timedelta(hours=3), order="GD0001")
    # 李娜: 1 complaint created by 王芳 but closed by 李娜; 5 contacts.
    close(db, "李娜", received=DAY, closed=DAY + timedelta(hours=1), creator="王芳")
    # Outside the month: closed in October and in December.
    close(db, "王芳", received=datetime(2026, 10, 30, 9), closed=datetime(2026, 10, 31, 9))
    close(db, "王芳", received=datetime(2026, 11, 30, 20), closed=datetime(2026, 12, 1, 8))
    with db.session() as s:
        for _ in range(2):
            contacts.log_contact(s, agent_id=wang, channel="phone", question="催件", at=DAY)
        for _ in range(5):
            contacts.log_contact(s, agent_id=li, channel="online", question="查件", at=DAY)
        contacts.log_contact(
            s, agent_id=li, channel="online", question="查件", at=datetime(2026, 12, 1, 9)
        )
        agents.sign_in(s, wang, DAY.replace(hour=8))
        agents.sign_out(s, wang, DAY.replace(hour=17, minute=30))
        agents.sign_in(s, wang, datetime(2026, 11, 4, 8))
        agents.sign_out(s, wang, datetime(2026, 11, 4, 12))
        # A sign-out forgotten overnight: the next day's sign-out does not close it, so it
        # counts to that evening's last activity (none here: no hours, flagged).
        agents.sign_in(s, li, datetime(2026, 11, 5, 20))
        agents.sign_out(s, li, datetime(2026, 11, 6, 10))
    return Team(db, wang, li, idle)
