"""Assignment of complaints and contacts to agents: routed when the item is new, reassigned in
one action; every change is a new row (the newest is current, the older ones its history)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from branchdesk.i18n import commas, tr
from branchdesk.team.agents import TeamError, get_agent, has_team, now
from branchdesk.team.models import Agent, Assignment, Contact
from branchdesk.team.routing import Route, route

ITEM_KINDS = ("complaint", "contact")


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    item_kind: str
    item_id: int
    agent_id: int | None
    agent: str
    reason: str
    at: datetime
    by: str
    current: bool


def assign(
    session: Session,
    item_kind: str,
    item_id: int,
    agent_id: int | None,
    reason: str,
    *,
    by: str = "",
    at: datetime | None = None,
) -> None:
    """Make `agent_id` the item's owner from now on; the previous owner becomes history."""
    if item_kind not in ITEM_KINDS:
        raise TeamError(tr("Unknown kind of item “{kind}”.", kind=item_kind))
    if agent_id is not None:
        get_agent(session, agent_id)
    session.execute(
        update(Assignment)
        .where(
            Assignment.item_kind == item_kind,
            Assignment.item_id == item_id,
            Assignment.current.is_(True),
        )
        .values(current=False)
    )
    session.add(
        Assignment(
            item_kind=item_kind,
            item_id=item_id,
            agent_id=agent_id,
            reason=reason[:500],
            at=at or now(),
            by=by[:40],
            current=True,
        )
    )
    session.flush()


def assignment_note(found: Route) -> str:
    """What the user is told: "Assigned to 王芳 (by sending customer 春风服饰)."."""
    if found.agent_id is None:
        return tr("Not assigned ({reason}).", reason=found.reason)
    return tr("Assigned to {name} ({reason}).", name=found.agent_name, reason=found.reason)


def route_and_assign(
    session: Session,
    item_kind: str,
    item_id: int,
    *,
    waybill_no: str = "",
    phone: str = "",
    address: str = "",
    by: str = "",
    day: date | None = None,
) -> Route:
    """Route a new item and record the assignment (also when nobody was found: the history
    then says why it is unassigned)."""
    found = route(session, waybill_no=waybill_no, phone=phone, address=address, day=day)
    assign(session, item_kind, item_id, found.agent_id, found.reason, by=by)
    return found


def route_complaints(
    session: Session, complaint_ids: list[int], *, by: str = "", day: date | None = None
) -> dict[str, int]:
    """Route complaints that came in bulk (HQ work orders imported): how many went to whom
    ("" for those nobody owns). Nothing happens in a branch without a team."""
    from branchdesk.complaints.service import complaints_by_ids

    counts: dict[str, int] = {}
    if not complaint_ids or not has_team(session):
        return counts
    for c in complaints_by_ids(session, complaint_ids):
        if c.merged_into_id is not None:
            continue  # merged into a complaint already open: that one keeps its owner
        found = route_and_assign(
            session,
            "complaint",
            c.id,
            waybill_no=c.waybill_no or "",
            phone=c.phone or "",
            address=c.address or "",
            by=by,
            day=day,
        )
        counts[found.agent_name] = counts.get(found.agent_name, 0) + 1
    return counts


def describe_counts(counts: dict[str, int]) -> str:
    """ "Assigned: 王芳 3, 李明 2; not assigned 1." for a report line."""
    named = commas(f"{name} {n}" for name, n in sorted(counts.items()) if name)
    text = tr("Assigned: {list}.", list=named) if named else ""
    if counts.get(""):
        text = (text + " " if text else "") + tr(
            "Not assigned (no owner found): {count}.", count=counts[""]
        )
    return text


def reassign(
    session: Session, item_kind: str, item_id: int, agent_id: int, *, by: str = "", note: str = ""
) -> None:
    """One action: hand the item to another agent (kept in the history)."""
    agent = get_agent(session, agent_id)
    reason = tr("reassigned to {name}", name=agent.name)
    if note.strip():
        reason += f": {note.strip()}"
    assign(session, item_kind, item_id, agent_id, reason, by=by)


def history(session: Session, item_kind: str, item_id: int) -> list[AssignmentRow]:
    """The item's assignments, newest (current) first."""
    query = (
        select(Assignment, Agent.name)
        .outerjoin(Agent, Agent.id == Assignment.agent_id)
        .where(Assignment.item_kind == item_kind, Assignment.item_id == item_id)
        .order_by(Assignment.id.desc())
    )
    return [
        AssignmentRow(
            a.id, a.item_kind, a.item_id, a.agent_id, name or "", a.reason, a.at, a.by, a.current
        )
        for a, name in session.execute(query)
    ]


def current_owners(session: Session, item_kind: str, item_ids: list[int]) -> dict[int, str]:
    """item id → the current owner's name, for a list page (one query)."""
    if not item_ids:
        return {}
    rows = session.execute(
        select(Assignment.item_id, Agent.name)
        .join(Agent, Agent.id == Assignment.agent_id)
        .where(
            Assignment.item_kind == item_kind,
            Assignment.current.is_(True),
            Assignment.item_id.in_(item_ids),
        )
    )
    return {item_id: name for item_id, name in rows}


def assigned_ids(session: Session, agent_id: int, item_kind: str) -> list[int]:
    """The items of a kind currently assigned to the agent."""
    return list(
        session.scalars(
            select(Assignment.item_id).where(
                Assignment.agent_id == agent_id,
                Assignment.current.is_(True),
                Assignment.item_kind == item_kind,
            )
        )
    )


# --- "my" queue ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    """One open item in an agent's queue: a complaint or a contact to follow up."""

    item_kind: str
    item_id: int
    at: datetime
    title: str  # ticket no. or the contact's question
    waybill_no: str
    detail: str  # category and status, or the reply given
    due_at: datetime | None
    reason: str


def my_queue(session: Session, agent_id: int) -> list[QueueItem]:
    """The agent's open assigned complaints (soonest due first) and follow-up contacts (oldest
    first); a fixed number of queries."""
    from branchdesk.complaints.service import complaints_by_ids
    from branchdesk.complaints.workflow import status_label

    rows = session.execute(
        select(Assignment.item_kind, Assignment.item_id, Assignment.reason).where(
            Assignment.agent_id == agent_id, Assignment.current.is_(True)
        )
    ).all()
    reasons = {(kind, item): reason for kind, item, reason in rows}
    complaint_ids = [item for kind, item, _r in rows if kind == "complaint"]
    contact_ids = [item for kind, item, _r in rows if kind == "contact"]
    items: list[QueueItem] = []
    for c in complaints_by_ids(session, complaint_ids):
        if not c.is_open:
            continue
        items.append(
            QueueItem(
                "complaint",
                c.id,
                c.received_at,
                c.ticket_no,
                c.waybill_no or "",
                f"{c.category} · {status_label(c.status)}",
                c.due_at,
                reasons[("complaint", c.id)],
            )
        )
    items.sort(key=lambda q: (q.due_at or q.at, q.item_id))
    if contact_ids:
        follow = session.scalars(
            select(Contact)
            .where(Contact.id.in_(contact_ids), Contact.outcome == "follow_up")
            .order_by(Contact.at, Contact.id)
        )
        items.extend(
            QueueItem(
                "contact",
                c.id,
                c.at,
                c.question,
                c.waybill_no or "",
                c.reply,
                None,
                reasons[("contact", c.id)],
            )
            for c in follow
        )
    return items
