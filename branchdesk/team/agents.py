"""The team list and attendance: agents, who is signed in, shifts and who worked on a day.

Functions take a Session and return plain dataclasses; times are local wall-clock times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.permissions import Action, require_owner
from branchdesk.team.models import ROLES, Agent, Contact, Shift


class TeamError(BranchDeskError):
    """A change to the team was refused; the message says why and what to do."""


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def role_label(role: str) -> str:
    return {
        "agent": tr("Agent"),
        "lead": tr("Team lead"),
        "qc": tr("Quality checker"),
        "owner": tr("Branch owner"),
    }.get(role, role)


@dataclass(frozen=True)
class AgentInfo:
    id: int
    name: str
    employee_no: str
    role: str
    started_on: date
    active: bool
    standin_id: int | None

    def is_new_hire(self, on: date, months: int = 3) -> bool:
        """In the first `months` months after the start date (more QC samples)."""
        return on < _add_months(self.started_on, months)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _info(a: Agent) -> AgentInfo:
    return AgentInfo(
        a.id, a.name, a.employee_no or "", a.role, a.started_on, a.active, a.standin_id
    )


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise TeamError(tr("Enter the agent's name."))
    if len(name) > 40:
        raise TeamError(tr("The name is longer than 40 characters: shorten it."))
    return name


def _check_free(session: Session, name: str, other_than: int | None = None) -> None:
    query = select(Agent.id).where(Agent.name == name)
    if other_than is not None:
        query = query.where(Agent.id != other_than)
    if session.scalar(query) is not None:
        raise TeamError(
            tr("There is already an agent named “{name}”: add a distinguishing mark.").format(
                name=name
            )
        )


def _check_employee_no(employee_no: str) -> str | None:
    employee_no = employee_no.strip()
    if len(employee_no) > 20:
        raise TeamError(tr("The employee number is longer than 20 characters: shorten it."))
    return employee_no or None


def add_agent(
    session: Session,
    name: str,
    *,
    employee_no: str = "",
    role: str = "agent",
    started_on: date | None = None,
    audit: bool = True,
    sample: bool = False,
) -> AgentInfo:
    """Add a team member (an owner action, audited; the sample branch passes audit=False and
    sample=True, which marks the agent for 移除示例数据)."""
    name = _clean_name(name)
    if role not in ROLES:
        raise TeamError(tr("Unknown role “{role}”.").format(role=role))
    _check_free(session, name)
    if audit:
        require_owner(Action.MANAGE_TEAM, session, tr("Agent “{name}” added", name=name))
    agent = Agent(
        name=name,
        employee_no=_check_employee_no(employee_no),
        role=role,
        started_on=started_on or date.today(),
        active=True,
        is_sample=sample,
    )
    session.add(agent)
    session.flush()
    return _info(agent)


# update_agent(standin_id=KEEP): leave the stand-in as it is (None removes it).
KEEP = -1


def update_agent(
    session: Session,
    agent_id: int,
    *,
    name: str | None = None,
    employee_no: str | None = None,
    role: str | None = None,
    started_on: date | None = None,
    active: bool | None = None,
    standin_id: int | None = KEEP,
    audit: bool = True,
) -> AgentInfo:
    """Change a team member (an owner action, audited; the sample branch passes audit=False).
    Only what is given changes; `standin_id=None` removes the stand-in."""
    agent = session.get(Agent, agent_id)
    if agent is None:
        raise TeamError(tr("That agent no longer exists: reopen the team list."))
    if audit:
        # The owner made this agent their own (renamed, a real 工号…): 移除示例数据 keeps it.
        agent.is_sample = False
    old_name = agent.name
    if name is not None:
        name = _clean_name(name)
        _check_free(session, name, other_than=agent_id)
        if name != agent.name:
            from branchdesk.complaints.service import rename_person

            # The history names her: it follows, or her closed complaints leave her pay.
            rename_person(session, agent.name, name)
        agent.name = name
    if employee_no is not None:
        agent.employee_no = _check_employee_no(employee_no)
    if role is not None:
        if role not in ROLES:
            raise TeamError(tr("Unknown role “{role}”.").format(role=role))
        agent.role = role
    if started_on is not None:
        agent.started_on = started_on
    if active is not None:
        agent.active = active
    if standin_id != KEEP:
        if standin_id is not None:
            if standin_id == agent_id:
                raise TeamError(tr("An agent cannot stand in for themselves: pick someone else."))
            if session.get(Agent, standin_id) is None:
                raise TeamError(tr("That agent no longer exists: reopen the team list."))
        agent.standin_id = standin_id
    if not session.is_modified(agent):
        return _info(agent)
    detail = (
        tr("Agent “{name}” changed", name=agent.name)
        if old_name == agent.name
        else tr("Agent “{old}” renamed to “{name}”", old=old_name, name=agent.name)
    )
    if audit:
        require_owner(Action.MANAGE_TEAM, session, detail)
    session.flush()
    return _info(agent)


def has_team(session: Session) -> bool:
    """Whether the branch works as a team (any active agent)."""
    return session.scalar(select(Agent.id).where(Agent.active.is_(True)).limit(1)) is not None


def list_agents(session: Session, *, active_only: bool = True) -> list[AgentInfo]:
    query = select(Agent).order_by(Agent.name)
    if active_only:
        query = query.where(Agent.active.is_(True))
    return [_info(a) for a in session.scalars(query)]


def agent_by_name(session: Session, name: str) -> AgentInfo | None:
    agent = session.scalar(select(Agent).where(Agent.name == " ".join(name.split())))
    return _info(agent) if agent else None


def get_agent(session: Session, agent_id: int) -> AgentInfo:
    agent = session.get(Agent, agent_id)
    if agent is None:
        raise TeamError(tr("That agent no longer exists: reopen the team list."))
    return _info(agent)


# --- shifts ---------------------------------------------------------------------------------


# The shift going on at a moment is today's, or one signed in this long before it across
# midnight: a switch back at the PC at 00:10, or a sign-out at 00:30, during a 22:00 shift is
# that shift's; at 09:00, a 22:00 shift left open last night is a forgotten one (it stays
# open, flagged, and counts to that day's last activity) and the day's own shift starts.
EVENING = timedelta(hours=6)


def _current_shift_start(at: datetime) -> datetime:
    """The earliest sign-in that belongs to the shift going on at `at`."""
    return min(datetime.combine(at.date(), time()), at - EVENING)


def sign_in(session: Session, agent_id: int, at: datetime | None = None) -> None:
    """Open a shift for the agent, unless one is already open (a switch back at the PC)."""
    at = at or now()
    get_agent(session, agent_id)
    start = _current_shift_start(at)
    open_today = session.scalar(
        select(Shift.id).where(
            Shift.agent_id == agent_id,
            Shift.signed_out_at.is_(None),
            Shift.signed_in_at >= start,
        )
    )
    if open_today is None:
        session.add(Shift(agent_id=agent_id, signed_in_at=at))
        session.flush()


def sign_out(session: Session, agent_id: int, at: datetime | None = None) -> bool:
    """Close the agent's open shifts; False when none was open."""
    at = at or now()
    # Only the day's shift (or last evening's, signed out after midnight): one left open on an
    # earlier day (a forgotten sign-out) stays open and counts to that day's last activity,
    # not through the night to now.
    start = _current_shift_start(at)
    result = session.execute(
        update(Shift)
        .where(
            Shift.agent_id == agent_id,
            Shift.signed_out_at.is_(None),
            Shift.signed_in_at >= start,
        )
        .values(signed_out_at=at)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def signed_in_on(session: Session, day: date) -> set[int]:
    """Ids of the agents who signed in on `day`."""
    start = datetime.combine(day, time())
    return set(
        session.scalars(
            select(Shift.agent_id).where(
                Shift.signed_in_at >= start, Shift.signed_in_at < start + timedelta(days=1)
            )
        )
    )


@dataclass(frozen=True)
class ShiftRow:
    agent_id: int
    signed_in_at: datetime
    signed_out_at: datetime | None


def shifts_between(session: Session, start: datetime, end: datetime) -> list[ShiftRow]:
    """Shifts signed in within [start, end), oldest first (attendance for the pay statement)."""
    rows = session.execute(
        select(Shift.agent_id, Shift.signed_in_at, Shift.signed_out_at)
        .where(Shift.signed_in_at >= start, Shift.signed_in_at < end)
        .order_by(Shift.signed_in_at, Shift.id)
    )
    return [ShiftRow(a, i, o) for a, i, o in rows]


def open_shift(session: Session, agent_id: int, on: date) -> bool:
    """Whether the agent has a shift opened on `on` and not yet signed out."""
    start = datetime.combine(on, time())
    return (
        session.scalar(
            select(Shift.id).where(
                Shift.agent_id == agent_id,
                Shift.signed_out_at.is_(None),
                Shift.signed_in_at >= start,
                Shift.signed_in_at < start + timedelta(days=1),
            )
        )
        is not None
    )


# --- attendance (考勤) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Attendance:
    """One agent's month: days signed in, hours worked, and shifts never signed out."""

    agent_id: int
    name: str
    days: int
    hours: float
    # Shifts left open with no later activity that day: counted as no hours, shown to the owner.
    open_shifts: int = 0


def month_bounds(month: date | tuple[int, int] | str) -> tuple[datetime, datetime]:
    """[first day 00:00, next month's first day 00:00) of `month`: a date in it, (year,
    month) or "YYYY-MM"."""
    if isinstance(month, str):
        try:
            year_text, month_text = month.strip().split("-")
            month = (int(year_text), int(month_text))
        except ValueError:
            raise TeamError(
                tr("“{month}” is not a month: write it like 2026-11.").format(month=month)
            ) from None
    if isinstance(month, tuple):
        year, number = month
        if not 1 <= number <= 12:
            raise TeamError(
                tr("“{month}” is not a month: write it like 2026-11.").format(
                    month=f"{year}-{number}"
                )
            )
        first = date(year, number, 1)
    else:
        first = month.replace(day=1)
    return datetime.combine(first, time()), datetime.combine(_add_months(first, 1), time())


def attendance(
    session: Session, month: date | tuple[int, int] | str, *, at: datetime | None = None
) -> list[Attendance]:
    """Days and hours per agent in the month (every active agent, and anyone who worked then),
    by name; five queries whatever the size of the team.

    A shift never signed out counts until the agent's last activity that day (a contact logged
    or a step on a complaint); with none after the sign-in it counts no hours and is flagged in
    `open_shifts`. Today's open shift counts until `at` (now)."""
    from branchdesk.complaints.service import last_steps_by_day

    start, end = month_bounds(month)
    at = at or now()
    shifts = session.execute(
        select(Shift.agent_id, Shift.signed_in_at, Shift.signed_out_at).where(
            Shift.signed_in_at >= start, Shift.signed_in_at < end
        )
    ).all()
    last_activity: dict[tuple[int, date], datetime] = {}
    for agent_id, when in session.execute(
        select(Contact.agent_id, Contact.at).where(
            Contact.at >= start, Contact.at < end, Contact.agent_id.is_not(None)
        )
    ):
        if agent_id is None:
            continue
        key = (agent_id, when.date())
        if key not in last_activity or when > last_activity[key]:
            last_activity[key] = when
    ids = {name: agent_id for agent_id, name in session.execute(select(Agent.id, Agent.name))}
    for (who, on), when in last_steps_by_day(session, start, end).items():
        agent_id = ids.get(who)
        if agent_id is None:
            continue
        key = (agent_id, date.fromisoformat(on))
        if key not in last_activity or when > last_activity[key]:
            last_activity[key] = when
    days: dict[int, set[date]] = {}
    seconds: dict[int, float] = {}
    flagged: dict[int, int] = {}
    for agent_id, signed_in, signed_out in shifts:
        days.setdefault(agent_id, set()).add(signed_in.date())
        if signed_out is None:
            if signed_in.date() == at.date():
                signed_out = max(at, signed_in)
            else:
                last = last_activity.get((agent_id, signed_in.date()))
                if last is not None and last > signed_in:
                    signed_out = last
                else:
                    flagged[agent_id] = flagged.get(agent_id, 0) + 1
                    signed_out = signed_in
        # A sign-out after midnight (one forgotten overnight) counts to midnight only: the
        # statement pays these hours, and a night at the branch is not a shift.
        midnight = datetime.combine(signed_in.date() + timedelta(days=1), time())
        signed_out = min(signed_out, midnight)
        seconds[agent_id] = seconds.get(agent_id, 0.0) + max(
            0.0, (signed_out - signed_in).total_seconds()
        )
    agents = session.execute(select(Agent.id, Agent.name, Agent.active).order_by(Agent.name)).all()
    return [
        Attendance(
            agent_id,
            name,
            len(days.get(agent_id, ())),
            round(seconds.get(agent_id, 0.0) / 3600, 1),
            flagged.get(agent_id, 0),
        )
        for agent_id, name, active in agents
        if active or agent_id in days
    ]
