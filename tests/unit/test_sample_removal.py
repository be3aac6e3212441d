"""移除示例数据: the sample branch goes in one step, the branch's own data stays."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from branchdesk import permissions
from branchdesk.complaints import service as complaints
from branchdesk.complaints.service import ComplaintFilter, NewComplaint
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.guides.service import search_guides
from branchdesk.lookup.tables import waybill_page
from branchdesk.pay.service import current_rates
from branchdesk.permissions import OwnerLock, PermissionDenied
from branchdesk.qc.models import QcSampleItem
from branchdesk.sample import has_sample_content, remove_sample_branch
from branchdesk.team.agents import add_agent, attendance, list_agents, sign_in
from branchdesk.team.assignments import assign, current_owners
from branchdesk.team.contacts import contacts_between, log_contact
from branchdesk.team.ownership import set_ownership


def _counts(db: Database) -> dict[str, int]:
    with db.read_session() as s:
        return {
            table: s.scalar(text(f"SELECT count(*) FROM {table}"))
            for table in ("agent", "complaint", "contact", "shift", "area_rule", "waybill")
        }


def test_the_sample_goes_and_the_branchs_own_work_stays(sample_db: Database) -> None:
    with sample_db.session() as s:
        assert has_sample_content(s)
        wang = next(a for a in list_agents(s) if a.name == "王芳")
        # The branch's own agent, whose stand-in is a sample agent, and her day's work.
        own = add_agent(s, "陈晨", employee_no="A7")
        from branchdesk.team.agents import update_agent

        update_agent(s, own.id, standin_id=wang.id)
        sign_in(s, own.id, datetime.now() - timedelta(hours=2))
        contact = log_contact(s, agent_id=own.id, channel="phone", question="件到哪了")
        set_ownership(s, own.id, "courier", "张伟")
        category = complaints.category_tree(s)[0].id
        # About a parcel of 张伟's, whom 陈晨 now answers for.
        waybill = next(w for w in waybill_page(s, 0, 400) if w.courier == "张伟").number
        new = NewComplaint(
            channel="电话", category_id=category, waybill_no=waybill, description="本网点的投诉"
        )
        mine = complaints.create_complaint(s, new, "陈晨")
        # One of the branch's own complaints, routed to a sample agent for now.
        assign(s, "complaint", mine.id, wang.id, "按业务员 张伟 分配", by="陈晨")
    before = _counts(sample_db)
    with sample_db.read_session() as s:  # the sample's new hire is on the training plan
        assert s.scalar(text("SELECT count(*) FROM training_trainee")) == 1

    with sample_db.session() as s:
        summary = remove_sample_branch(s)
    assert "Your own data is kept" in summary
    assert "1 of your open complaint(s) had a sample agent as owner: routed again" in summary

    after = _counts(sample_db)
    assert after["agent"] == 1 and after["complaint"] == 1
    assert after["area_rule"] == 0 and after["waybill"] == 0
    assert after["shift"] == 1 and after["contact"] == 1
    assert before["contact"] > 100  # the sample's month of contacts went
    with sample_db.read_session() as s:
        assert not has_sample_content(s)
        (agent,) = list_agents(s, active_only=False)
        assert (agent.name, agent.standin_id) == ("陈晨", None)
        (left,) = complaints.list_complaints(s, ComplaintFilter())
        assert left.id == mine.id and left.description == "本网点的投诉"
        # Its sample owner went; routed again, it is 陈晨's (she answers for 张伟's parcels).
        assert current_owners(s, "complaint", [mine.id]) == {mine.id: "陈晨"}
        day = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        assert [c.id for c in contacts_between(s, day, day + timedelta(days=1))] == [contact.id]
        assert [a.name for a in attendance(s, day.date()) if a.days] == ["陈晨"]
        assert s.scalar(select(func.count()).select_from(QcSampleItem)) == 0
        assert not current_rates(s).is_set
        assert search_guides(s) == []
        for table in (
            "training_trainee",
            "training_memory",
            "training_review",
            "qc_coaching",
            "faq_entry",
            "search_miss",
            "knowledge_suggestion",
            "guide_reading",
        ):
            assert s.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    with sample_db.session() as s, pytest.raises(BranchDeskError, match="no sample data"):
        remove_sample_branch(s)


def test_with_a_pin_only_the_owner_removes_the_sample(sample_db: Database) -> None:
    before = _counts(sample_db)
    permissions.set_policy(OwnerLock(True))  # a PIN is set and the owner has not unlocked
    try:
        with sample_db.session() as s, pytest.raises(PermissionDenied):
            remove_sample_branch(s)
    finally:
        permissions.set_policy(None)
    assert _counts(sample_db) == before
    with sample_db.read_session() as s:
        assert has_sample_content(s)


def test_the_command_line_removes_the_sample_after_a_backup(
    sample_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from branchdesk import paths
    from branchdesk.cli import main

    sample_db.dispose()
    assert main(["demo", "--remove"]) == 2  # no terminal, no --yes: asks for --yes
    assert "--yes" in capsys.readouterr().err
    assert main(["demo", "--remove", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Removed the sample branch" in out and "Backup taken before" in out
    assert len(list(paths.backups_dir().glob("*.sqlite3"))) == 1
    assert main(["team", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    # Nothing left to remove: refused, and no second backup.
    assert main(["demo", "--remove", "--yes"]) == 1
    assert "no sample data" in capsys.readouterr().err
    assert len(list(paths.backups_dir().glob("*.sqlite3"))) == 1
    # The sample can be loaded again afterwards.
    assert main(["demo"]) == 0
    assert "Sample team: 4 agents" in capsys.readouterr().out


def test_an_agent_the_owner_made_their_own_stays_with_her_work(sample_db: Database) -> None:
    """The owner renamed the sample's 王芳 to a real agent and worked with her: she is theirs."""
    from branchdesk.team.agents import update_agent

    with sample_db.session() as s:
        wang = next(a for a in list_agents(s) if a.name == "王芳")
        update_agent(s, wang.id, name="李梅", employee_no="HS-07")
        contact = log_contact(s, agent_id=wang.id, channel="phone", question="到付多少钱")
    with sample_db.session() as s:
        remove_sample_branch(s)
    with sample_db.read_session() as s:
        assert [a.name for a in list_agents(s, active_only=False)] == ["李梅"]
        day = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        assert contact.id in [c.id for c in contacts_between(s, day, day + timedelta(days=1))]


def test_the_sample_loaded_again_puts_nothing_on_the_branchs_own_agents(
    sample_db: Database,
) -> None:
    from branchdesk.qc.models import QcScore
    from branchdesk.sample import load_sample_branch

    with sample_db.session() as s:
        own = add_agent(s, "陈晨", employee_no="A7")
        for back in (1, 2):
            at = datetime.now().replace(hour=10, minute=0, second=0, microsecond=0)
            sign_in(s, own.id, at - timedelta(days=back))
            log_contact(
                s,
                agent_id=own.id,
                channel="phone",
                question="件到哪了",
                at=at - timedelta(days=back, minutes=-5),
            )
    with sample_db.session() as s:
        remove_sample_branch(s)
    with sample_db.session() as s:
        summary = load_sample_branch(s, waybills=50)
    assert "Quality control" not in summary and "Sample training" not in summary
    with sample_db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(QcScore)) == 0
        assert s.scalar(text("SELECT count(*) FROM training_trainee")) == 0


def test_the_sample_shows_a_month_of_complaints_and_pay(sample_db: Database) -> None:
    """What the sample promises on first start: 24 complaints, 4 open and 1 of them overdue,
    and statements that pay more than 0 元."""
    from branchdesk.complaints.workflow import OPEN_STATUSES
    from branchdesk.pay.service import month_statements

    with sample_db.read_session() as s:
        rows = complaints.list_complaints(s, ComplaintFilter(), limit=100)
        assert len(rows) == 24
        still = [r for r in rows if r.status in OPEN_STATUSES]
        assert len(still) == 4
        assert sum(r.overdue(datetime.now()) for r in still) == 1
        month = datetime.now().strftime("%Y-%m")
        assert all(st.total_fen > 0 for st in month_statements(s, month))
