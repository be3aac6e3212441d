"""A small team with a day of work, for the quality-control tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from branchdesk.complaints import service as complaints
from branchdesk.complaints.service import NewComplaint
from branchdesk.db.engine import Database
from branchdesk.team import agents, contacts

DAY = date(2026, 11, 16)
TODAY = DAY + timedelta(days=1)


@dataclass
class Team:
    db: Database
    ids: dict[str, int]


def log_complaint(db: Database, who: str, at: datetime, reply: str = "已联系快递员") -> int:
    with db.session() as s:
        complaints.ensure_default_categories(s)
        category = complaints.category_tree(s)[0].id
        row = complaints.create_complaint(
            s,
            NewComplaint(
                channel="电话",
                category_id=category,
                description="客户说快递员态度差",
                reply=reply,
                received_at=at,
            ),
            who,
        )
        return row.id


def log_contacts(db: Database, agent_id: int, day: date, replies: list[str]) -> list[int]:
    with db.session() as s:
        return [
            contacts.log_contact(
                s,
                agent_id=agent_id,
                channel="phone",
                question="我的快递到哪了",
                reply=reply,
                at=datetime.combine(day, datetime.min.time()) + timedelta(hours=9, minutes=n),
            ).id
            for n, reply in enumerate(replies)
        ]


@pytest.fixture
def team(db: Database) -> Team:
    """王芳 (long-serving, 12 contacts and 2 complaints on DAY, one with a banned phrase),
    李强 (a new hire, 15 contacts), 张敏 (signed in, handled nothing), 赵磊 (off that day)."""
    with db.session() as s:
        ids = {
            name: agents.add_agent(s, name, started_on=start).id
            for name, start in (
                ("王芳", date(2024, 3, 1)),
                ("李强", date(2026, 10, 1)),
                ("张敏", date(2025, 1, 1)),
                ("赵磊", date(2025, 1, 1)),
            )
        }
        agents.sign_in(s, ids["张敏"], datetime.combine(DAY, datetime.min.time()).replace(hour=8))
    log_contacts(db, ids["王芳"], DAY, [f"已为您查询，第{n}件" for n in range(11)] + ["我不知道"])
    log_complaint(db, "王芳", datetime.combine(DAY, datetime.min.time()).replace(hour=10))
    log_complaint(
        db, "王芳", datetime.combine(DAY, datetime.min.time()).replace(hour=11), "去投诉吧"
    )
    log_contacts(db, ids["李强"], DAY, [f"好的，第{n}件" for n in range(15)])
    # The day before and after: not part of DAY's work.
    log_contacts(db, ids["赵磊"], DAY - timedelta(days=1), ["好的"])
    log_contacts(db, ids["赵磊"], DAY + timedelta(days=1), ["好的"])
    return Team(db, ids)
