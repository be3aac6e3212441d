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
from branchdesk.team.models import ROLES, Agent, Shift


class TeamError(BranchDeskError):
    """A change to the team was refused; the message says why and what to do."""


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def role_label(role: str) -> str:
    return {
        "agent": tr("Agent"),
        "lead": tr("Team lead"),
        "qc": tr("Quality checker"),
        "owner": tr("Owner"),
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


def add_agent(
    session: Session,
    name: str,
    *,
    employee_no: str = "",
    role: str = "agent",
    started_on: date | None = None,
) -> AgentInfo:
    name = " ".join(name.split())
    if not name:
        raise TeamError(tr("Enter the agent's name."))
    if len(name) > 40:
        raise TeamError(tr("The name is longer than 40 characters: shorten it."))
    if role not in ROLES:
        raise TeamError(tr("Unknown role “{role}”.").format(role=role))
    if session.scalar(select(Agent.id).where(Agent.name == name)) is not None:
        raise TeamError(
            tr("There is already an agent named “{name}”: add a distinguishing mark.").format(
                name=name
            )
        )
    agent = Agent(
        name=name,
        employee_no=employee_no.strip() or None,
        role=role,
        started_on=started_on or date.today(),
        active=True,
    )
    session.add(agent)
    session.flush()
    return _info(agent)


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


def sign_in(session: Session, agent_id: int, at: datetime | None = None) -> None:
    """Open a shift for the agent, unless one is already open today (a switch back at the PC)."""
    at = at or now()
    get_agent(session, agent_id)
    start = datetime.combine(at.date(), time())
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
    result = session.execute(
        update(Shift)
        .where(Shift.agent_id == agent_id, Shift.signed_out_at.is_(None))
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
