"""The contact log: any customer contact, logged in seconds, so QC and workload see all work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.team.agents import TeamError, now
from branchdesk.team.models import CHANNELS, Agent, Contact

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


# --- the contact list and its search ---------------------------------------------------------


@dataclass(frozen=True)
class ContactListRow:
    """A contact as the list shows it: with the agent's name."""

    id: int
    at: datetime
    agent: str
    channel: str
    waybill_no: str
    customer_name: str
    phone: str
    question: str
    reply: str
    script_title: str
    outcome: str


MAX_QUERY_CHARS = 64
# A 1-2 character query cannot use the trigram index: it reads the newest contacts this many
# deep (a rare pair over all 500,000 took half a second; the list says so and 3 characters
# search everything).
SHORT_QUERY_DEPTH = 100_000
Listing = Select[Contact, str]


def _fts_phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _text_filter(session: Session, query: Listing, words: str) -> Listing:
    """Narrow to contacts whose question, reply, customer, phone or waybill hold `words`.

    3+ characters go through the trigram index (contact_fts); 1-2 characters, which trigrams
    cannot answer, are a LIKE over the same columns of the newest SHORT_QUERY_DEPTH contacts:
    the list reads newest first and stops at its page, so a common pair is found at once and
    a rare one reads no further than that."""
    words = words.strip()[:MAX_QUERY_CHARS]
    if not words:
        return query
    if len(words) >= 3 and session.get_bind().dialect.name == "sqlite":
        fts = text("SELECT rowid FROM contact_fts WHERE contact_fts MATCH :q").bindparams(
            q=_fts_phrase(words)
        )
        return query.where(Contact.id.in_(fts))
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    columns = (
        Contact.question,
        Contact.reply,
        Contact.customer_name,
        Contact.phone,
        Contact.waybill_no,
    )
    newest = select(func.max(Contact.id)).scalar_subquery()
    return query.where(
        Contact.id > newest - SHORT_QUERY_DEPTH,
        or_(*(c.like(pattern, escape="\\") for c in columns)),
    )


def search_contacts(
    session: Session,
    words: str = "",
    *,
    agent_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    outcome: str | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[ContactListRow]:
    """One page of the contact list, newest first, in one query: text search over question,
    reply, customer, phone and waybill; optionally one agent's, a time span, one outcome."""
    query = select(Contact, Agent.name).outerjoin(Agent, Agent.id == Contact.agent_id)
    query = _text_filter(session, query, words)
    if agent_id is not None:
        query = query.where(Contact.agent_id == agent_id)
    if start is not None:
        query = query.where(Contact.at >= start)
    if end is not None:
        query = query.where(Contact.at < end)
    if outcome is not None:
        query = query.where(Contact.outcome == outcome)
    query = query.order_by(Contact.id.desc()).offset(offset).limit(limit)
    return [
        ContactListRow(
            c.id,
            c.at,
            name or "",
            c.channel,
            c.waybill_no or "",
            c.customer_name or "",
            c.phone or "",
            c.question,
            c.reply,
            c.script_title or "",
            c.outcome,
        )
        for c, name in session.execute(query)
    ]


def set_outcome(session: Session, contact_id: int, outcome: str) -> None:
    """Change a contact's outcome (a follow-up done is "resolved")."""
    if outcome not in OUTCOMES:
        raise TeamError(tr("Unknown outcome “{outcome}”.").format(outcome=outcome))
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise TeamError(tr("That contact no longer exists: refresh the list."))
    contact.outcome = outcome
    session.flush()
