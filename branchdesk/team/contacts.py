"""The contact log: any customer contact, logged in seconds, so QC and workload see all work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.team.agents import TeamError, now
from branchdesk.team.models import CHANNELS, Contact

OUTCOMES = ("resolved", "follow_up", "complaint", "no_answer")


def channel_label(channel: str) -> str:
    return {
        "phone": tr("Phone"),
        "online": tr("Online"),
        "message": tr("Message"),
        "visit": tr("Walk-in"),
    }.get(channel, channel)


def outcome_label(outcome: str) -> str:
    return {
        "resolved": tr("Resolved"),
        "follow_up": tr("Follow up"),
        "complaint": tr("Became a complaint"),
        "no_answer": tr("No answer"),
    }.get(outcome, outcome)


@dataclass(frozen=True)
class ContactRow:
    id: int
    at: datetime
    agent_id: int | None
    channel: str
    waybill_no: str
    customer_name: str
    phone: str
    question: str
    reply: str
    script_title: str
    outcome: str


def _row(c: Contact) -> ContactRow:
    return ContactRow(
        c.id,
        c.at,
        c.agent_id,
        c.channel,
        c.waybill_no or "",
        c.customer_name or "",
        c.phone or "",
        c.question,
        c.reply,
        c.script_title or "",
        c.outcome,
    )


def log_contact(
    session: Session,
    *,
    agent_id: int | None,
    channel: str,
    question: str,
    reply: str = "",
    waybill_no: str = "",
    customer_name: str = "",
    phone: str = "",
    script_title: str = "",
    outcome: str = "resolved",
    at: datetime | None = None,
) -> ContactRow:
    if channel not in CHANNELS:
        raise TeamError(tr("Unknown channel “{channel}”.").format(channel=channel))
    if outcome not in OUTCOMES:
        raise TeamError(tr("Unknown outcome “{outcome}”.").format(outcome=outcome))
    if not question.strip():
        raise TeamError(tr("Write what the customer asked (a few words are enough)."))
    contact = Contact(
        at=at or now(),
        agent_id=agent_id,
        channel=channel,
        waybill_no=waybill_no.strip() or None,
        customer_name=customer_name.strip() or None,
        phone=phone.strip() or None,
        question=question.strip(),
        reply=reply.strip(),
        script_title=script_title.strip() or None,
        outcome=outcome,
    )
    session.add(contact)
    session.flush()
    return _row(contact)


def contacts_between(
    session: Session, start: datetime, end: datetime, agent_id: int | None = None
) -> list[ContactRow]:
    """Contacts logged in [start, end), oldest first; one agent's when `agent_id` is given."""
    query = select(Contact).where(Contact.at >= start, Contact.at < end)
    if agent_id is not None:
        query = query.where(Contact.agent_id == agent_id)
    return [_row(c) for c in session.scalars(query.order_by(Contact.at, Contact.id))]


def contact_counts(session: Session, start: datetime, end: datetime) -> dict[int, int]:
    """Contacts logged in [start, end) per agent id (one aggregate query; unassigned left out)."""
    from sqlalchemy import func

    rows = session.execute(
        select(Contact.agent_id, func.count())
        .where(Contact.at >= start, Contact.at < end, Contact.agent_id.is_not(None))
        .group_by(Contact.agent_id)
    )
    return {int(agent): int(n) for agent, n in rows if agent is not None}
