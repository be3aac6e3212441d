"""The sample branch brings a team: four agents (one a new hire), their customers and
ownership, a month of shifts and contacts, follow-ups in the agents' queues."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from branchdesk.db.engine import Database
from branchdesk.lookup.couriers import waybill_parties
from branchdesk.team.agents import attendance, list_agents
from branchdesk.team.assignments import my_queue
from branchdesk.team.contacts import search_contacts
from branchdesk.team.models import Contact
from branchdesk.team.ownership import list_customers, list_ownership
from branchdesk.team.routing import route
from branchdesk.team.sample import load_sample_team


def test_the_sample_team(sample_db: Database) -> None:
    today = date.today()
    with sample_db.read_session() as s:
        agents = list_agents(s)
        assert [(a.name, a.role) for a in agents] == [
            ("孙丽", "lead"),
            ("林子涵", "agent"),
            ("王芳", "agent"),
            ("郭晓燕", "agent"),
        ]
        assert [a.name for a in agents if a.is_new_hire(today)] == ["林子涵"]
        assert all(a.standin_id for a in agents)
        assert len(list_customers(s)) == 8
        assert len(list_ownership(s)) == 12
        # A month of contacts, a few with phrases QC looks for.
        first = s.scalar(select(func.min(Contact.at)))
        assert first is not None and first.date() >= today - timedelta(days=30)
        assert len(search_contacts(s, "去投诉吧")) >= 1
        # Every agent worked last month or this one.
        month = today.replace(day=1) - timedelta(days=1)
        worked = {r.name for r in attendance(s, month) + attendance(s, today) if r.days}
        assert worked == {a.name for a in agents}
        # Follow-ups wait in queues.
        assert sum(len(my_queue(s, a.id)) for a in agents) >= 1


def test_sample_waybills_route_to_the_sender_s_owner(sample_db: Database) -> None:
    with sample_db.read_session() as s:
        from branchdesk.lookup.models import Waybill

        number = s.scalar(select(Waybill.number).where(Waybill.sender_name == "春风服饰").limit(1))
        assert number is not None
        parties = waybill_parties(s, number)
        assert parties is not None and parties.sender_name == "春风服饰"
        found = route(s, waybill_no=number)
    assert found.agent_name in ("王芳", "孙丽")  # 王芳, or her stand-in on her day off
    assert found.reason.startswith("by sending customer 春风服饰")


def test_a_branch_with_a_team_keeps_it(sample_db: Database) -> None:
    with sample_db.session() as s:
        assert load_sample_team(s) == ""
