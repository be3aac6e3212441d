"""Coaching records: praise first, the problem, the direction agreed, the agent's
acknowledgement, and a follow-up date that keeps the record in the QC queue until closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.permissions import actor
from branchdesk.qc.models import QcCoaching
from branchdesk.qc.sampling import QcError, sample_item
from branchdesk.team import agents as team


@dataclass(frozen=True)
class CoachingRow:
    id: int
    agent_id: int
    agent_name: str
    sample_item_id: int | None
    went_well: str
    problem: str
    direction: str
    acknowledgement: str
    acknowledged_at: datetime | None
    follow_up_on: date
    created_at: datetime
    created_by: str
    closed_at: datetime | None
    outcome: str

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def due(self, today: date) -> bool:
        """Open and its follow-up day has come."""
        return self.is_open and self.follow_up_on <= today


def _row(c: QcCoaching, names: dict[int, str]) -> CoachingRow:
    return CoachingRow(
        c.id,
        c.agent_id,
        names.get(c.agent_id, c.agent_name),
        c.sample_item_id,
        c.went_well,
        c.problem,
        c.direction,
        c.acknowledgement,
        c.acknowledged_at,
        c.follow_up_on,
        c.created_at,
        c.created_by,
        c.closed_at,
        c.outcome,
    )


def _names(session: Session) -> dict[int, str]:
    return {a.id: a.name for a in team.list_agents(session, active_only=False)}


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def open_coaching(
    session: Session,
    agent_id: int,
    *,
    went_well: str,
    problem: str,
    direction: str,
    follow_up_on: date,
    sample_item_id: int | None = None,
    who: str | None = None,
    today: date | None = None,
    at: datetime | None = None,
) -> CoachingRow:
    """Record a coaching talk. Praise comes first: what went well is asked for as much as the
    problem and the direction agreed."""
    agent = team.get_agent(session, agent_id)
    if not went_well.strip():
        raise QcError(
            tr("Write what went well first: coaching starts with what the agent does right.")
        )
    if not problem.strip():
        raise QcError(tr("Write the problem the talk is about."))
    if not direction.strip():
        raise QcError(tr("Write the direction you agreed on with the agent."))
    at = at or _now()
    today = today or at.date()
    if follow_up_on < today:
        raise QcError(
            tr(
                "The follow-up date {day} is in the past: choose today or a later day.",
                day=follow_up_on.isoformat(),
            )
        )
    if sample_item_id is not None and sample_item(session, sample_item_id).agent_id != agent_id:
        raise QcError(tr("That item was handled by another agent: open the coaching from it."))
    row = QcCoaching(
        agent_id=agent.id,
        agent_name=agent.name,
        sample_item_id=sample_item_id,
        went_well=went_well.strip(),
        problem=problem.strip(),
        direction=direction.strip(),
        follow_up_on=follow_up_on,
        created_at=at,
        created_by=(actor() if who is None else who)[:40],
    )
    session.add(row)
    session.flush()
    return _row(row, {agent.id: agent.name})


def _coaching(session: Session, coaching_id: int) -> QcCoaching:
    row = session.get(QcCoaching, coaching_id)
    if row is None:
        raise QcError(tr("That coaching record no longer exists: reopen the list."))
    return row


def acknowledge(session: Session, coaching_id: int, words: str = "") -> CoachingRow:
    """The agent has read and agreed the record (with their own words, if any)."""
    row = _coaching(session, coaching_id)
    if row.closed_at is not None:
        raise QcError(tr("This coaching record is closed."))
    row.acknowledgement = words.strip()
    row.acknowledged_at = _now()
    session.flush()
    return _row(row, _names(session))


def close_coaching(
    session: Session, coaching_id: int, outcome: str, at: datetime | None = None
) -> CoachingRow:
    """Close the loop after the follow-up check: what came of it."""
    row = _coaching(session, coaching_id)
    if row.closed_at is not None:
        raise QcError(tr("This coaching record is already closed."))
    if not outcome.strip():
        raise QcError(tr("Write what the follow-up check found before closing the record."))
    row.outcome = outcome.strip()
    row.closed_at = at or _now()
    session.flush()
    return _row(row, _names(session))


def coaching_list(
    session: Session, *, agent_id: int | None = None, open_only: bool = False
) -> list[CoachingRow]:
    """Coaching records, open ones by follow-up date first, then closed ones newest first."""
    query = select(QcCoaching)
    if agent_id is not None:
        query = query.where(QcCoaching.agent_id == agent_id)
    if open_only:
        query = query.where(QcCoaching.closed_at.is_(None))
    names = _names(session)
    rows = [_row(c, names) for c in session.scalars(query)]
    rows.sort(
        key=lambda r: (
            not r.is_open,
            r.follow_up_on if r.is_open else date.min,
            -(r.closed_at or r.created_at).timestamp(),
        )
    )
    return rows


def follow_ups(session: Session, today: date | None = None) -> list[CoachingRow]:
    """The open records whose follow-up day has come (the QC queue shows them)."""
    today = today or date.today()
    return [r for r in coaching_list(session, open_only=True) if r.follow_up_on <= today]
