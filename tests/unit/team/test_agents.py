"""The team list and attendance on a temporary database."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from branchdesk import permissions
from branchdesk.db.engine import Database
from branchdesk.owner.audit import entries
from branchdesk.permissions import OwnerLock, PermissionDenied
from branchdesk.team.agents import (
    Attendance,
    TeamError,
    add_agent,
    attendance,
    get_agent,
    list_agents,
    sign_in,
    sign_out,
    update_agent,
)
from branchdesk.team.contacts import log_contact


def test_adding_and_changing_an_agent_is_audited(db: Database) -> None:
    with db.session() as s:
        fang = add_agent(s, " 王  芳 ", employee_no="KF01", started_on=date(2026, 1, 5))
        li = add_agent(s, "李明", role="lead")
        update_agent(s, fang.id, standin_id=li.id, employee_no="KF02")
        update_agent(s, li.id, name="李明明")
    with db.read_session() as s:
        got = get_agent(s, fang.id)
        assert (got.name, got.employee_no, got.standin_id) == ("王 芳", "KF02", li.id)
        assert [a.name for a in list_agents(s)] == ["李明明", "王 芳"]
        details = [e.detail for e in entries(s)]
    assert details == [
        "Agent “李明” renamed to “李明明”",
        "Agent “王 芳” changed",
        "Agent “李明” added",
        "Agent “王 芳” added",
    ]


def test_deactivated_agents_leave_the_active_list(db: Database) -> None:
    with db.session() as s:
        a = add_agent(s, "王芳")
        update_agent(s, a.id, active=False)
        assert list_agents(s) == []
        assert [x.name for x in list_agents(s, active_only=False)] == ["王芳"]


def test_refusals_say_what_to_do(db: Database) -> None:
    with db.session() as s:
        a = add_agent(s, "王芳")
        b = add_agent(s, "李明")
        with pytest.raises(TeamError, match="There is already an agent named “王芳”"):
            update_agent(s, b.id, name="王芳")
        with pytest.raises(TeamError, match="cannot stand in for themselves"):
            update_agent(s, a.id, standin_id=a.id)
        with pytest.raises(TeamError, match="the agent"):
            add_agent(s, "   ")


def test_with_a_locked_pin_the_team_cannot_be_changed(db: Database) -> None:
    permissions.set_policy(OwnerLock(True))
    with db.session() as s, pytest.raises(PermissionDenied):
        add_agent(s, "王芳")


def test_attendance_counts_days_and_hours_and_flags_open_shifts(db: Database) -> None:
    with db.session() as s:
        fang = add_agent(s, "王芳")
        li = add_agent(s, "李明")
        zhao = add_agent(s, "赵敏")
        # Two closed days for 王芳: 8 h and 4.5 h.
        sign_in(s, fang.id, datetime(2026, 11, 2, 9, 0))
        sign_out(s, fang.id, datetime(2026, 11, 2, 17, 0))
        sign_in(s, fang.id, datetime(2026, 11, 3, 8, 30))
        sign_out(s, fang.id, datetime(2026, 11, 3, 13, 0))
        # 李明 forgot to sign out, but logged a contact at 15:30: counted until then.
        sign_in(s, li.id, datetime(2026, 11, 2, 9, 0))
        log_contact(
            s,
            agent_id=li.id,
            channel="phone",
            question="件到哪了",
            at=datetime(2026, 11, 2, 15, 30),
        )
        # …and on the 4th did nothing after signing in: no hours, flagged.
        sign_in(s, li.id, datetime(2026, 11, 4, 9, 0))
        # A shift in another month does not count.
        sign_in(s, zhao.id, datetime(2026, 10, 31, 9, 0))
        sign_out(s, zhao.id, datetime(2026, 10, 31, 18, 0))
    with db.read_session() as s:
        rows = attendance(s, "2026-11", at=datetime(2026, 12, 1, 10, 0))
    assert rows == [
        Attendance(li.id, "李明", 2, 6.5, 1),
        Attendance(fang.id, "王芳", 2, 12.5, 0),
        Attendance(zhao.id, "赵敏", 0, 0.0, 0),
    ]


def test_todays_open_shift_counts_until_now(db: Database) -> None:
    with db.session() as s:
        fang = add_agent(s, "王芳")
        sign_in(s, fang.id, datetime(2026, 11, 20, 9, 0))
    with db.read_session() as s:
        (row,) = attendance(s, date(2026, 11, 20), at=datetime(2026, 11, 20, 11, 15))
    assert (row.days, row.hours, row.open_shifts) == (1, 2.2, 0)


def test_a_month_must_be_a_month(db: Database) -> None:
    with db.read_session() as s, pytest.raises(TeamError, match="write it like 2026-11"):
        attendance(s, "2026-13")


def test_a_sign_out_forgotten_overnight_is_not_paid_through_the_night(db: Database) -> None:
    """Signed in at 09:00, no sign-out; the next evening's sign-out closes that day only."""
    with db.session() as s:
        agent = add_agent(s, "周敏", started_on=date(2026, 1, 1))
        sign_in(s, agent.id, datetime(2026, 11, 10, 9))
        log_contact(
            s, agent_id=agent.id, channel="phone", question="查件", at=datetime(2026, 11, 10, 15)
        )
        sign_in(s, agent.id, datetime(2026, 11, 11, 9))
        assert sign_out(s, agent.id, datetime(2026, 11, 11, 18))
        (row,) = [a for a in attendance(s, "2026-11") if a.name == "周敏"]
    # Day one counts to its last contact (15:00), day two to its sign-out: 6 h + 9 h, not 33 h.
    assert (row.days, row.hours) == (2, 15.0)


def test_an_evening_shift_is_signed_out_after_midnight_and_counted(db: Database) -> None:
    with db.session() as s:
        agent = add_agent(s, "夜班小张", started_on=date(2026, 1, 1))
        sign_in(s, agent.id, datetime(2026, 10, 31, 22))
        sign_in(s, agent.id, datetime(2026, 11, 1, 0, 10))  # back at the PC: the same shift
        assert sign_out(s, agent.id, datetime(2026, 11, 1, 0, 30))
        (october,) = [a for a in attendance(s, "2026-10") if a.name == "夜班小张"]
        (november,) = [a for a in attendance(s, "2026-11") if a.name == "夜班小张"]
    # Paid to midnight (the rule for a sign-out after midnight), not flagged as left open.
    assert (october.days, october.hours, october.open_shifts) == (1, 2.0, 0)
    assert (november.days, november.hours) == (0, 0.0)


def test_a_shift_never_signed_out_counts_to_the_last_complaint_step_too(db: Database) -> None:
    """An agent who only worked complaints that day (no contact logged) is not paid 0 h."""
    from branchdesk.complaints import service as complaints
    from branchdesk.complaints.workflow import PROCESSING

    with db.session() as s:
        agent = add_agent(s, "钱多多", started_on=date(2026, 1, 1))
        sign_in(s, agent.id, datetime(2026, 11, 12, 9))
        complaints.ensure_default_categories(s)
        category = complaints.category_tree(s)[0].id
        row = complaints.create_complaint(
            s,
            complaints.NewComplaint(
                channel="电话",
                category_id=category,
                description="三天没动",
                received_at=datetime(2026, 11, 12, 10),
            ),
            "钱多多",
        )
        complaints.transition(s, row.id, PROCESSING, "钱多多", at=datetime(2026, 11, 12, 16, 30))
        # Someone else's later step that day does not stretch her shift.
        complaints.transition(s, row.id, "escalated", "别人", at=datetime(2026, 11, 12, 19))
        (found,) = [a for a in attendance(s, "2026-11") if a.name == "钱多多"]
    assert (found.days, found.hours, found.open_shifts) == (1, 7.5, 0)


def test_a_morning_sign_in_after_an_evening_shift_left_open_starts_the_day_s_shift(
    db: Database,
) -> None:
    """Review of the evening-shift fix: a 09:00 sign-in took a 22:00 shift never signed out
    as its own, so the day's hours went to that shift, paid to midnight only."""
    with db.session() as s:
        agent = add_agent(s, "早班小李", started_on=date(2026, 1, 1))
        sign_in(s, agent.id, datetime(2026, 11, 2, 22, 30))
        sign_in(s, agent.id, datetime(2026, 11, 3, 8))
        assert sign_out(s, agent.id, datetime(2026, 11, 3, 10))
        (row,) = [a for a in attendance(s, "2026-11") if a.name == "早班小李"]
    # The day's 2 hours, and last night's shift still flagged as never signed out (review: a
    # morning sign-out closed it too, and paid it to midnight).
    assert row.hours >= 2.0 and row.open_shifts == 1
