"""Complaint services: categories and scripts, logging, workflow, duplicates, the due queue.

Functions take a Session and return plain dataclasses. Every change to a complaint writes a
ComplaintEvent (who, when, what), so the history is complete whatever screen made it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, Select, delete, event, func, literal, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session, selectinload

from branchdesk.complaints import workflow
from branchdesk.complaints.defaults import DEFAULT_CATEGORIES
from branchdesk.complaints.glance import walk_categories
from branchdesk.complaints.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ReplyTemplate,
)
from branchdesk.complaints.scripts import (
    PLACEHOLDERS,
    FilledScript,
    customer_address,
    fill_script,
    normalise_braces,
)
from branchdesk.complaints.workflow import CLOSED, NEW, OPEN_STATUSES, WorkflowError
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import joined, labelled, tr
from branchdesk.lookup import couriers
from branchdesk.permissions import Action, require_owner


class ComplaintError(BranchDeskError):
    """A complaint change was refused; the message says why and what to do."""


class ComplaintGone(ComplaintError):
    """The complaint is not there any more (another program deleted it: an undone import)."""


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


# --- categories and scripts -------------------------------------------------------------


@dataclass(frozen=True)
class ScriptInfo:
    id: int
    title: str
    body: str


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    parent_id: int | None
    sla_hours: int
    path: str  # 延误 › 派送延误
    depth: int
    scripts: tuple[ScriptInfo, ...] = ()


def ensure_default_categories(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(ComplaintCategory)):
        return
    for n, (name, sla, scripts, children) in enumerate(DEFAULT_CATEGORIES):
        parent = ComplaintCategory(name=name, sla_hours=sla, position=n)
        parent.scripts = [
            ReplyTemplate(title=t, body=b, position=i) for i, (t, b) in enumerate(scripts)
        ]
        session.add(parent)
        session.flush()
        for m, (child, child_sla, child_scripts) in enumerate(children):
            node = ComplaintCategory(
                name=child, sla_hours=child_sla, position=m, parent_id=parent.id
            )
            node.scripts = [
                ReplyTemplate(title=t, body=b, position=i) for i, (t, b) in enumerate(child_scripts)
            ]
            session.add(node)
    session.flush()


def category_tree(session: Session) -> list[CategoryInfo]:
    """Every category, parents before their children, in the owner's order."""
    rows = list(
        session.scalars(
            select(ComplaintCategory)
            .options(selectinload(ComplaintCategory.scripts))  # one query, not one a category
            .order_by(ComplaintCategory.position, ComplaintCategory.id)
        )
    )
    by_id = {row.id: row for row in rows}
    out: list[CategoryInfo] = []
    for id_, path, depth in walk_categories([(r.id, r.parent_id, r.name) for r in rows]):
        row = by_id[id_]
        out.append(
            CategoryInfo(
                row.id,
                row.name,
                row.parent_id,
                row.sla_hours,
                path,
                depth,
                tuple(ScriptInfo(s.id, s.title, s.body) for s in row.scripts),
            )
        )
    return out


def _category(session: Session, category_id: int) -> ComplaintCategory:
    category = session.get(ComplaintCategory, category_id)
    if category is None:
        raise ComplaintError(tr("This complaint category no longer exists."))
    return category


def _channel(text: str) -> str:
    channel = workflow.channel_named(text)
    if channel is None:
        raise ComplaintError(
            tr("Choose a channel: {channels}", channels="、".join(workflow.CHANNELS))
        )
    return channel


def _clean(text: str | None, limit: int, what: str) -> str:
    text = (text or "").strip()
    if len(text) > limit:
        raise ComplaintError(tr("{what} is at most {n} characters.", what=what, n=limit))
    return text


def add_category(
    session: Session, name: str, sla_hours: int = 24, parent_id: int | None = None
) -> CategoryInfo:
    name = _clean(name, 40, tr("A category name"))
    require_owner(
        Action.CHANGE_SETTINGS, session, tr("Complaint category “{name}” added", name=name)
    )
    if not name:
        raise ComplaintError(tr("A category needs a name."))
    _check_sla(sla_hours)
    if parent_id is not None:
        _category(session, parent_id)
    last = session.scalar(
        select(func.max(ComplaintCategory.position)).where(
            ComplaintCategory.parent_id.is_(None)
            if parent_id is None
            else ComplaintCategory.parent_id == parent_id
        )
    )
    row = ComplaintCategory(
        name=name, sla_hours=sla_hours, parent_id=parent_id, position=(last or 0) + 1
    )
    session.add(row)
    session.flush()
    return next(c for c in category_tree(session) if c.id == row.id)


def _check_sla(hours: int) -> None:
    if not 1 <= hours <= 24 * 30:
        raise ComplaintError(tr("A deadline is between 1 hour and 30 days (720 hours)."))


def update_category(
    session: Session, category_id: int, *, name: str | None = None, sla_hours: int | None = None
) -> CategoryInfo:
    row = _category(session, category_id)
    require_owner(
        Action.CHANGE_SETTINGS, session, tr("Complaint category “{name}” changed", name=row.name)
    )
    if name is not None:
        name = _clean(name, 40, tr("A category name"))
        if not name:
            raise ComplaintError(tr("A category needs a name."))
        row.name = name
    if sla_hours is not None:
        _check_sla(sla_hours)
        row.sla_hours = sla_hours
    session.flush()
    return next(c for c in category_tree(session) if c.id == row.id)


def delete_category(session: Session, category_id: int) -> None:
    row = _category(session, category_id)
    require_owner(
        Action.CHANGE_SETTINGS, session, tr("Complaint category “{name}” deleted", name=row.name)
    )
    used = session.scalar(
        select(func.count()).select_from(Complaint).where(Complaint.category_id == category_id)
    )
    if used:
        raise ComplaintError(
            tr(
                "“{name}” is used by {count} complaint(s) and cannot be deleted; rename it "
                "instead.",
                name=row.name,
                count=used,
            )
        )
    if session.scalar(
        select(func.count())
        .select_from(ComplaintCategory)
        .where(ComplaintCategory.parent_id == category_id)
    ):
        raise ComplaintError(
            tr("Delete or move the sub-categories of “{name}” first.", name=row.name)
        )
    session.delete(row)
    session.flush()


def save_script(
    session: Session, category_id: int, title: str, body: str, script_id: int | None = None
) -> ScriptInfo:
    """Add a script to a category, or change script `script_id`."""
    category = _category(session, category_id)
    title = _clean(title, 60, tr("A script title")) or tr("Reply")
    require_owner(
        Action.CHANGE_SETTINGS,
        session,
        tr("Reply script “{title}” of “{category}” saved", title=title, category=category.name),
    )
    body = normalise_braces((body or "").strip())
    if not body:
        raise ComplaintError(tr("A reply script cannot be empty."))
    unknown = fill_script(body, {}).unknown
    if unknown:
        raise ComplaintError(
            tr(
                "The script uses {names}, which BranchDesk cannot fill. Use one of: {known}",
                names="、".join("{" + n + "}" for n in unknown),
                known=" ".join("{" + n + "}" for n in PLACEHOLDERS),
            )
        )
    if script_id is None:
        script = ReplyTemplate(
            category_id=category.id, title=title, body=body, position=len(category.scripts)
        )
        session.add(script)
    else:
        found = session.get(ReplyTemplate, script_id)
        if found is None:
            raise ComplaintError(tr("This reply script no longer exists."))
        script = found
        script.title, script.body = title, body
    session.flush()
    return ScriptInfo(script.id, script.title, script.body)


def delete_script(session: Session, script_id: int) -> None:
    script = session.get(ReplyTemplate, script_id)
    require_owner(
        Action.CHANGE_SETTINGS,
        session,
        tr("Reply script “{title}” deleted", title=script.title if script else script_id),
    )
    session.execute(delete(ReplyTemplate).where(ReplyTemplate.id == script_id))


# --- facts for scripts: what the branch knows about a waybill ----------------------------


@dataclass
class Facts:
    """What a new complaint's form can fill in from the waybill list and the area table."""

    waybill_no: str | None = None
    courier: str | None = None
    courier_phone: str | None = None
    address: str | None = None
    customer: str | None = None
    phone: str | None = None
    eta: str | None = None  # 预计到达, as words
    station: str | None = None
    source: str = ""  # waybill | address | ambiguous | "" (how the courier was found)
    candidates: tuple[str, ...] = ()  # couriers tied for the address: the agent chooses


def facts_for(session: Session, waybill_no: str = "", address: str = "") -> Facts:
    """Courier, customer and address for a waybill number (from the waybill list), else the
    courier for an address (from the area table)."""
    from branchdesk.lookup.service import lookup
    from branchdesk.lookup.waybills import normalise_number

    facts = Facts()
    number = normalise_number(waybill_no) if waybill_no.strip() else ""
    if number:
        facts.waybill_no = number
        result = lookup(session, number, limit=1)
        hit = next((w for w in result.waybills if w.number == number), None)
        if hit is not None:
            facts.customer = hit.recipient or None
            facts.phone = hit.phone or None
            facts.address = hit.address or None
            if hit.courier:
                facts.courier, facts.source = hit.courier, "waybill"
    address = address.strip() or (facts.address or "")
    if address:
        facts.address = facts.address or address
        result = lookup(session, address, limit=1)
        if result.couriers and result.ambiguous and facts.courier is None:
            # Two couriers tie for this address: naming one would tell the customer the wrong
            # courier's phone; the form shows both and the agent chooses.
            top = result.couriers[0].score
            facts.candidates = tuple(
                dict.fromkeys(c.name for c in result.couriers if c.score == top)
            )
            facts.source = "ambiguous"
        elif result.couriers:
            best = result.couriers[0]
            if facts.courier is None or facts.courier == best.name:
                facts.courier = best.name
                facts.courier_phone = best.phone
                facts.station = best.station
                facts.source = facts.source or "address"
        if result.arrival_days:
            facts.eta = tr("within {days} day(s)", days=result.arrival_days)
    if facts.courier and not facts.courier_phone:
        facts.courier_phone = couriers.courier_phone(session, facts.courier)
    return facts


def script_facts(
    complaint: ComplaintRow | None = None,
    *,
    waybill_no: str | None = None,
    courier: str | None = None,
    courier_phone: str | None = None,
    customer: str | None = None,
    eta: str | None = None,
    station: str | None = None,
    address: str | None = None,
    ticket_no: str | None = None,
    due: datetime | None = None,
    branch: str | None = None,
) -> dict[str, str | None]:
    """The placeholder values for a script, from a complaint row or the form's fields."""
    if complaint is not None:
        waybill_no = waybill_no or complaint.waybill_no
        courier = courier or complaint.courier_name
        courier_phone = courier_phone or complaint.courier_phone
        customer = customer or complaint.customer_name
        address = address or complaint.address
        ticket_no = ticket_no or complaint.ticket_no
        due = due or complaint.due_at
    return {
        "运单号": waybill_no,
        "业务员": courier,
        "业务员电话": courier_phone,
        "预计到达": eta,
        "客户称呼": customer_address(customer),
        "网点": branch,
        "驿站": station,
        "收件地址": address,
        "工单号": ticket_no,
        "处理时限": due.strftime("%m月%d日%H:%M") if due else None,
    }


def fill(body: str, facts: dict[str, str | None]) -> FilledScript:
    return fill_script(body, facts)


# --- complaints -------------------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    ticket_no: str
    hq_order_no: str | None
    channel: str
    waybill_no: str | None
    customer_name: str | None
    phone: str | None
    address: str | None
    category_id: int
    category: str  # path
    courier_name: str | None
    courier_phone: str | None
    agent: str | None
    status: str
    received_at: datetime
    due_at: datetime
    closed_at: datetime | None
    description: str
    reply: str
    resolution: str | None
    compensation_fen: int | None
    merged_into_id: int | None
    # Who answers for it (the team's routing); filled by the list pages, not by this service.
    owner: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES and self.merged_into_id is None

    def overdue(self, at: datetime) -> bool:
        return self.is_open and self.due_at < at

    def due_state(self, at: datetime, lead_hours: float) -> str | None:
        """ "overdue", "soon" (within the lead time) or None, for an open complaint."""
        if not self.is_open:
            return None
        if self.due_at < at:
            return "overdue"
        if self.due_at <= at + timedelta(hours=lead_hours):
            return "soon"
        return None


@dataclass
class NewComplaint:
    channel: str
    category_id: int
    waybill_no: str = ""
    customer_name: str = ""
    phone: str = ""
    address: str = ""
    courier_name: str = ""
    courier_phone: str = ""
    description: str = ""
    reply: str = ""
    hq_order_no: str = ""
    received_at: datetime | None = None
    due_at: datetime | None = None  # None: received + the category's deadline
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EventRow:
    at: datetime
    who: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str


_PATHS = "complaint_category_paths"


def _paths(session: Session) -> dict[int, str]:
    """Category id → "延误 › 派送延误", kept for the session (an import of 1,000 work orders
    would otherwise build the tree 2,000 times) until a flush touches a category."""
    paths = session.info.get(_PATHS)
    if paths is None:
        paths = session.info[_PATHS] = {c.id: c.path for c in category_tree(session)}
    return paths


@event.listens_for(Session, "after_flush")
def _forget_paths(session: Session, _context: object) -> None:
    if _PATHS in session.info and any(
        isinstance(obj, ComplaintCategory)
        for obj in (*session.new, *session.dirty, *session.deleted)
    ):
        del session.info[_PATHS]


def _row(c: Complaint, paths: dict[int, str]) -> ComplaintRow:
    return ComplaintRow(
        id=c.id,
        ticket_no=c.ticket_no,
        hq_order_no=c.hq_order_no,
        channel=c.channel,
        waybill_no=c.waybill_no,
        customer_name=c.customer_name,
        phone=c.phone,
        address=c.address,
        category_id=c.category_id,
        category=paths.get(c.category_id, ""),
        courier_name=c.courier_name,
        courier_phone=c.courier_phone,
        agent=c.agent,
        status=c.status,
        received_at=c.received_at,
        due_at=c.due_at,
        closed_at=c.closed_at,
        description=c.description or "",
        reply=c.reply or "",
        resolution=c.resolution,
        compensation_fen=c.compensation_fen,
        merged_into_id=c.merged_into_id,
    )


def get(session: Session, complaint_id: int) -> ComplaintRow:
    return _row(_complaint(session, complaint_id), _paths(session))


def is_same_complaint(session: Session, row: ComplaintRow) -> bool:
    """`row` (read earlier, for a list) is still the complaint under its id: not deleted by
    another program (an import undone from the command line), nor its id since given to a
    complaint logged after that."""
    c = session.get(Complaint, row.id)
    return c is not None and (c.ticket_no, c.received_at, c.phone, c.customer_name) == (
        row.ticket_no,
        row.received_at,
        row.phone,
        row.customer_name,
    )


def complaints_by_ids(session: Session, complaint_ids: Sequence[int]) -> list[ComplaintRow]:
    """The complaints with these ids, newest first (for another feature's queue; two
    queries whatever the number)."""
    if not complaint_ids:
        return []
    paths = _paths(session)
    query = (
        select(Complaint)
        .where(Complaint.id.in_(list(complaint_ids)))
        .order_by(Complaint.received_at.desc(), Complaint.id.desc())
    )
    return [_row(c, paths) for c in session.scalars(query)]


def batch_complaint_ids(session: Session, batch_id: int) -> list[int]:
    """The complaints an import batch brought (HQ work orders), oldest first."""
    return list(
        session.scalars(
            select(Complaint.id).where(Complaint.batch_id == batch_id).order_by(Complaint.id)
        )
    )


def _complaint(session: Session, complaint_id: int) -> Complaint:
    c = session.get(Complaint, complaint_id)
    if c is None:
        raise ComplaintGone(tr("This complaint no longer exists."))
    return c


def next_ticket_no(session: Session, at: datetime) -> str:
    """TS20261122-0001: the day's running number.

    Read and used in one writing transaction (Database.session() begins IMMEDIATE, holding
    the write lock): another window or command logging a complaint at the same moment waits
    and then counts this one, so no number is given twice."""
    prefix = at.strftime("TS%Y%m%d-")
    # The longest, then the greatest: past 9999 in a day (an HQ import of 10,000 work orders)
    # -10000 sorts before -9999 as text, and the next number was given twice.
    last = session.scalar(
        select(Complaint.ticket_no)
        .where(Complaint.ticket_no.like(prefix + "%"))
        .order_by(func.length(Complaint.ticket_no).desc(), Complaint.ticket_no.desc())
        .limit(1)
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _event(
    c: Complaint,
    who: str,
    action: str,
    note: str = "",
    from_status: str | None = None,
    to_status: str | None = None,
    at: datetime | None = None,
) -> None:
    c.events.append(
        ComplaintEvent(
            at=at or now(),
            who=who or "",
            action=action,
            note=note,
            from_status=from_status,
            to_status=to_status,
        )
    )


def open_duplicates(
    session: Session, waybill_no: str | None, exclude: int | None = None
) -> list[ComplaintRow]:
    """Open complaints on the same waybill (a new one would be handled twice)."""
    from branchdesk.lookup.waybills import normalise_number

    if not waybill_no or not waybill_no.strip():
        return []
    number = normalise_number(waybill_no)
    query = select(Complaint).where(
        Complaint.waybill_no == number,
        Complaint.status.in_(OPEN_STATUSES),
        Complaint.merged_into_id.is_(None),
    )
    if exclude is not None:
        query = query.where(Complaint.id != exclude)
    paths = _paths(session)
    return [_row(c, paths) for c in session.scalars(query.order_by(Complaint.id))]


_PHONE_TYPED = re.compile(r"\+?[\d\s\-()]{7,}")


def customer_phone(text: str | None) -> str | None:
    """A customer's phone as stored and compared: a whole Chinese number as plain digits,
    without +86, spaces or hyphens (+86 138-1234-1234 and 138 1234 1234 are 13812341234), so a
    customer who complains again is recognised; anything else as typed (138****1234 from a
    masked order, two numbers, 12345, +852 9123 4567): the complaint is logged all the same,
    and the agent sees what the customer gave."""
    from branchdesk.io.tabular import CellError
    from branchdesk.lookup.importers import parse_phone, whole_phone

    text = " ".join((text or "").split())
    if not text:
        return None
    try:
        number = parse_phone(text)
    except CellError:
        number = None
    if number and whole_phone(number):
        return number
    return text[:30]


def normalise_order_no(number: str) -> str:
    """An HQ work-order number as stored and compared: the same order written 'GD100 (Excel's
    text mark), gd100 or ＧＤ100 (full-width) is GD100."""
    number = unicodedata.normalize("NFKC", number)
    number = "".join(number.split()).lstrip("'‘’`")
    return number.upper()


def complaints_by_order_no(session: Session, numbers: Sequence[str]) -> dict[str, str]:
    """Normalised HQ order number → ticket number of the complaint that has it, for the given
    (normalised) numbers; a number stored in an older form ('GD100, gd100) matches too."""
    wanted = set(numbers)
    found: dict[str, str] = {}
    listed = sorted(wanted)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        query = select(Complaint.hq_order_no, Complaint.ticket_no).where(
            Complaint.hq_order_no.in_(chunk)
        )
        found.update((number or "", ticket) for number, ticket in session.execute(query))
    # Numbers stored before they were normalised: only those with something besides capital
    # letters and digits can differ from their normal form; few, and read once.
    older = select(Complaint.hq_order_no, Complaint.ticket_no).where(
        Complaint.hq_order_no.op("GLOB")("*[^A-Z0-9]*")
    )
    for stored, ticket in session.execute(older):
        number = normalise_order_no(stored or "")
        if number in wanted:
            found.setdefault(number, ticket)
    return found


def create_complaint(
    session: Session, new: NewComplaint, who: str = "", *, batch_id: int | None = None
) -> ComplaintRow:
    """Log a complaint; raises ComplaintError with a message when a field is wrong."""
    from branchdesk.lookup.waybills import normalise_number

    channel = _channel(new.channel)
    category = _category(session, new.category_id)
    received = (new.received_at or now()).replace(microsecond=0)
    due = new.due_at or workflow.due_at(received, category.sla_hours)
    if due < received:
        raise ComplaintError(tr("The deadline cannot be before the time it was received."))
    waybill = normalise_number(new.waybill_no) if new.waybill_no.strip() else None
    description = (new.description or "").strip()
    if not (description or waybill):
        raise ComplaintError(tr("Enter the waybill number or describe the complaint."))
    phone = customer_phone(new.phone)
    c = Complaint(
        ticket_no=next_ticket_no(session, received),
        hq_order_no=_clean(normalise_order_no(new.hq_order_no), 40, tr("The HQ order number"))
        or None,
        channel=channel,
        waybill_no=waybill,
        customer_name=_clean(new.customer_name, 40, tr("The customer's name")) or None,
        phone=phone,
        address=_clean(new.address, 200, tr("The address")) or None,
        category_id=category.id,
        courier_name=_clean(new.courier_name, 40, tr("The courier's name")) or None,
        courier_phone=_clean(new.courier_phone, 30, tr("The courier's phone")) or None,
        agent=who or None,
        status=NEW,
        received_at=received,
        due_at=due,
        description=description,
        reply=(new.reply or "").strip(),
        batch_id=batch_id,
        updated_at=now(),
    )
    session.add(c)
    _event(c, who, "created", note=channel, to_status=NEW, at=received)
    session.flush()
    return _row(c, _paths(session))


EDITABLE = (
    "channel",
    "waybill_no",
    "customer_name",
    "phone",
    "address",
    "category_id",
    "courier_name",
    "courier_phone",
    "description",
    "reply",
    "due_at",
    "hq_order_no",
)


def update_complaint(
    session: Session, complaint_id: int, who: str = "", **changes: Any
) -> ComplaintRow:
    """Change fields of a complaint; each change goes into its history."""
    from branchdesk.lookup.waybills import normalise_number

    c = _complaint(session, complaint_id)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if c.merged_into_id is not None:
        raise ComplaintError(
            tr("This complaint was merged into another one; change that one instead.")
        )
    if "due_at" in changes and c.status == CLOSED:
        raise ComplaintError(
            tr("The deadline of a closed complaint stays as it was; reopen it to change it.")
        )
    if isinstance(changes.get("waybill_no"), str):
        number = changes["waybill_no"].strip()
        changes["waybill_no"] = normalise_number(number) if number else None
    if isinstance(changes.get("hq_order_no"), str):
        changes["hq_order_no"] = normalise_order_no(changes["hq_order_no"])
    if isinstance(changes.get("phone"), str):
        changes["phone"] = customer_phone(changes["phone"])
    changed: list[tuple[str, object, object]] = []
    for key, value in changes.items():
        if key == "category_id":
            category = _category(session, int(value))
            if category.id != c.category_id:
                paths = _paths(session)
                changed.append(("category_id", paths.get(c.category_id), paths.get(category.id)))
                c.category_id = category.id
            continue
        if key == "due_at":
            if not isinstance(value, datetime) or value < c.received_at:
                raise ComplaintError(tr("The deadline cannot be before the time it was received."))
        elif key == "channel":
            value = _channel(str(value))
        elif isinstance(value, str):
            value = value.strip() or (None if key not in ("description", "reply") else "")
        if getattr(c, key) != value:
            changed.append((key, getattr(c, key), value))
            setattr(c, key, value)
    if changed:
        c.updated_at = now()
        _event(c, who, "edit", note=edit_note(changed))
    session.flush()
    return _row(c, _paths(session))


def transition(
    session: Session,
    complaint_id: int,
    target: str,
    who: str = "",
    *,
    note: str = "",
    resolution: str | None = None,
    compensation_fen: int | None = None,
    at: datetime | None = None,
) -> ComplaintRow:
    """Move a complaint to `target`; an illegal step raises WorkflowError with a message."""
    c = _complaint(session, complaint_id)
    if c.merged_into_id is not None:
        raise WorkflowError(
            tr("This complaint was merged into another one; follow that one instead.")
        )
    workflow.check_transition(
        c.status, target, resolution=resolution, compensation_fen=compensation_fen
    )
    when = at or now()
    before = c.status
    said: list[tuple[str, dict[str, str]]] = []
    if target == CLOSED:
        assert compensation_fen is not None
        c.resolution = (resolution or "").strip()
        # A reopened complaint closed again: what was paid the first time stays counted.
        c.compensation_fen = (c.compensation_fen or 0) + compensation_fen
        c.closed_at = when
        said.append(
            ("resolution", {"resolution": c.resolution, "yuan": f"{compensation_fen / 100:.2f}"})
        )
    elif before == CLOSED:
        # Reopened (重开): the customer is owed a new answer within the category's deadline.
        c.closed_at = None
        c.due_at = workflow.due_at(when, _category(session, c.category_id).sla_hours)
        said.append(("deadline", {"due": f"{c.due_at:%Y-%m-%d %H:%M}"}))
    c.status = target
    c.updated_at = when
    action = "reopened" if before == CLOSED else "status"
    _event(
        c,
        who,
        action,
        note=said_note(note.strip(), said),
        from_status=before,
        to_status=target,
        at=when,
    )
    session.flush()
    return _row(c, _paths(session))


def merge(session: Session, duplicate_id: int, into_id: int, who: str = "") -> ComplaintRow:
    """Merge a duplicate into the complaint that is followed; both histories are kept."""
    if duplicate_id == into_id:
        raise ComplaintError(tr("A complaint cannot be merged into itself."))
    dup = _complaint(session, duplicate_id)
    target = _complaint(session, into_id)
    if target.merged_into_id is not None:
        raise ComplaintError(
            tr("Merge into the complaint that is followed, not into a merged one.")
        )
    if target.status == CLOSED:
        raise ComplaintError(
            tr(
                "{ticket} is closed: reopen it first, or follow this complaint on its own.",
                ticket=target.ticket_no,
            )
        )
    if dup.merged_into_id is not None:
        raise ComplaintError(tr("This complaint has already been merged."))
    # Complaints merged into the duplicate follow it to the target: no chains.
    for child in session.scalars(select(Complaint).where(Complaint.merged_into_id == dup.id)):
        child.merged_into_id = target.id
    dup.merged_into_id = target.id
    dup.updated_at = now()
    _event(dup, who, "merged", note=said_note("", [("merged_into", {"ticket": target.ticket_no})]))
    extra = dup.description.strip()  # what the duplicate said, after what became of it
    _event(target, who, "merged", note=said_note(extra, [("merged_in", {"ticket": dup.ticket_no})]))
    # The earlier deadline wins: the customer was promised that one. The event keeps the
    # target's own deadline, so undoing the import that brought the duplicate restores it.
    if dup.status in OPEN_STATUSES and dup.due_at < target.due_at:
        target.events[-1].due_before = target.due_at
        target.due_at = dup.due_at
    target.updated_at = now()
    session.flush()
    return _row(target, _paths(session))


# What a changed field is called in the history: the complaint form's own words, put into the
# language of whoever reads it (the stored change names the field, not a label).
FIELD_LABELS = {
    "channel": "Channel",
    "waybill_no": "Waybill no.",
    "customer_name": "Customer",
    "phone": "Customer's phone",
    "address": "Address",
    "category_id": "Category",
    "courier_name": "Courier",
    "courier_phone": "Courier's phone",
    "description": "Description",
    "reply": "Reply",
    "due_at": "Due",
    "hq_order_no": "HQ order no.",
}
# What BranchDesk itself says in a status change's or a merge's note: stored as a key and its
# values, and worded in the reader's language when shown (a close made from an English
# command line read "resolution: …" on a Chinese PC ever after).
NOTE_LABELS = {
    "resolution": "resolution: {resolution}; compensation {yuan} 元",
    "deadline": "new deadline {due}",
    "merged_into": "merged into {ticket}",
    "merged_in": "{ticket} merged in",
}
_SAID_MARK = "said"


def said_note(note: str, said: Sequence[tuple[str, dict[str, str]]]) -> str:
    """An event's note as stored: what the agent typed, and what BranchDesk says (keys of
    NOTE_LABELS with their values; JSON, no words) where it says anything."""
    if not said:
        return note
    return json.dumps(
        {"note": note, _SAID_MARK: [[key, values] for key, values in said]}, ensure_ascii=False
    )


def _said(note: str, action: str) -> str | None:
    """A note stored by said_note in the reader's words; None for a note typed as it is."""
    try:
        stored = json.loads(note) if note.startswith("{") else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or not isinstance(stored.get(_SAID_MARK), list):
        return None
    parts = []
    for item in stored[_SAID_MARK]:
        key, values = [*item, None, None][:2] if isinstance(item, list) else (item, None)
        template = NOTE_LABELS.get(str(key))
        values = values if isinstance(values, dict) else {}
        try:
            parts.append(
                tr(template, **{k: str(v) for k, v in values.items()}) if template else str(key)
            )
        except (KeyError, IndexError, ValueError):
            parts.append(template or str(key))
    typed = str(stored.get("note") or "")
    if action == "merged" and typed:  # "TS… merged in: what the duplicate said"
        return labelled(joined(parts), typed)
    return joined([typed, *parts] if typed else parts)


# A change as older versions stored it: "courier_name: 张三 → 李四", "category → 延误".
_OLD_CHANGE = re.compile(rf"(?:^|(?<=；)|(?<=; ))({'|'.join(FIELD_LABELS)}|category)(?:: | →)")
_EDIT_MARK = "changes"


def edit_note(changed: Sequence[tuple[str, object, object]]) -> str:
    """An edit as stored in its event: which fields, from what, to what (JSON, no labels)."""
    plain = [[key, _plain(before), _plain(after)] for key, before, after in changed]
    return json.dumps({_EDIT_MARK: plain}, ensure_ascii=False)


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return str(value)


def _old_change(found: re.Match[str]) -> str:
    label = tr(FIELD_LABELS.get(found.group(1), "Category"))
    return f"{label} →" if found.group(0).endswith("→") else labelled(label, "")


def event_note(event_row: EventRow) -> str:
    """An event's note as its reader says it: an edit names the fields in their language
    ("业务员：张三 → 李四；处理时限：…"); the other notes are shown as written."""
    note = event_row.note
    if event_row.action != "edit":
        said = _said(note, event_row.action)
        return note if said is None else said
    try:
        changes = json.loads(note)[_EDIT_MARK] if note.startswith("{") else None
    except (ValueError, KeyError, TypeError, RecursionError):
        changes = None
    if not isinstance(changes, list):  # written by an older version: name its fields
        return _OLD_CHANGE.sub(_old_change, note)
    parts = []
    for change in changes:
        key, before, after = [*(change if isinstance(change, list) else [change]), "", ""][:3]
        label = tr(FIELD_LABELS.get(str(key), str(key)))
        parts.append(labelled(label, f"{_short(before)} → {_short(after)}"))
    return joined(parts)


def _short(value: object, most: int = 200) -> str:
    """A changed value as the history shows it: — for nothing, a long text cut with …"""
    text = "" if value is None else str(value)
    if not text:
        return "—"
    return text if len(text) <= most else text[:most] + "…"


def history(session: Session, complaint_id: int) -> list[EventRow]:
    """The complaint's events, and those of the complaints merged into it, oldest first."""
    ids = [
        complaint_id,
        *session.scalars(select(Complaint.id).where(Complaint.merged_into_id == complaint_id)),
    ]
    return [
        EventRow(e.at, e.who, e.action, e.from_status, e.to_status, e.note)
        for e in session.scalars(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_id.in_(ids))
            .order_by(ComplaintEvent.at, ComplaintEvent.id)
        )
    ]


# --- lists and the due queue ------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintFilter:
    text: str = ""  # ticket, HQ order, waybill, phone, customer, courier
    statuses: tuple[str, ...] = ()  # empty: all
    category_id: int | None = None
    courier: str | None = None
    include_merged: bool = False
    received_from: datetime | None = None
    received_to: datetime | None = None


def _with_children(session: Session, category_id: int) -> list[int]:
    """A category and every category below it (延误 takes in 派送延误 …)."""
    tree = category_tree(session)
    chosen = {category_id}
    for c in tree:  # parents come before their children
        if c.parent_id in chosen:
            chosen.add(c.id)
    return sorted(chosen)


MAX_SEARCH_CHARS = 64


def _filtered(query: Select[Any], flt: ComplaintFilter, session: Session) -> Select[Any]:
    if not flt.include_merged:
        query = query.where(Complaint.merged_into_id.is_(None))
    if flt.statuses:
        query = query.where(Complaint.status.in_(flt.statuses))
    if flt.category_id is not None:
        query = query.where(Complaint.category_id.in_(_with_children(session, flt.category_id)))
    if flt.courier:
        query = query.where(Complaint.courier_name == flt.courier)
    if flt.received_from is not None:
        query = query.where(Complaint.received_at >= flt.received_from)
    if flt.received_to is not None:
        query = query.where(Complaint.received_at < flt.received_to)
    text = flt.text.strip()[:MAX_SEARCH_CHARS]
    if len(text) >= 3 and session.get_bind().dialect.name == "sqlite":
        # The trigram index (migration 0012) answers 3+ characters in any of the six columns.
        phrase = '"' + text.replace('"', '""') + '"'
        if _PHONE_TYPED.fullmatch(text):
            # 138-1234-1234 typed: phones are stored as digits now (as typed before)
            digits = "".join(c for c in text if c.isdigit())
            digits = digits[2:] if len(digits) == 13 and digits.startswith("861") else digits
            phrase += f' OR "{digits}"'
        found = sql_text("SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH :q")
        query = query.where(Complaint.id.in_(found.bindparams(q=phrase)))
    elif text:
        like = f"%{text.replace('%', '').replace('_', '')}%"
        query = query.where(
            or_(
                Complaint.ticket_no.like(like),
                Complaint.hq_order_no.like(like),
                Complaint.waybill_no.like(like.upper()),
                Complaint.phone.like(like),
                Complaint.customer_name.like(like),
                Complaint.courier_name.like(like),
            )
        )
    return query


def list_complaints(
    session: Session, flt: ComplaintFilter, offset: int = 0, limit: int = 500
) -> list[ComplaintRow]:
    """One page of complaints, newest first (the list pulls pages as it scrolls)."""
    newest = Complaint.received_at.desc()
    if flt.text.strip():
        # A text search visits every row: a sequential scan plus a sort of the matches is
        # several times faster than walking the received_at index and fetching each row at
        # random (which SQLite picks for ORDER BY … LIMIT). `|| ''` keeps the ISO text order
        # but hides the index from the planner.
        newest = Complaint.received_at.op("||")(literal("")).desc()
    query = _filtered(select(Complaint), flt, session).order_by(newest, Complaint.id.desc())
    paths = _paths(session)
    return [_row(c, paths) for c in session.scalars(query.offset(offset).limit(limit))]


def count_complaints(session: Session, flt: ComplaintFilter) -> int:
    return session.scalar(_filtered(select(func.count(Complaint.id)), flt, session)) or 0


DUE_LIST_LIMIT = 1000


def due_soon(
    session: Session,
    within_hours: float = 2,
    at: datetime | None = None,
    limit: int | None = DUE_LIST_LIMIT,
) -> list[ComplaintRow]:
    """Open complaints due within `within_hours`, and those already overdue, soonest first
    (at most `limit`, None for all: the queue is for working through, `due_counts` gives the
    totals, and whoever shows a cut list says so)."""
    at = at or now()
    until = at + timedelta(hours=within_hours)
    query = (
        select(Complaint)
        .where(
            Complaint.status.in_(OPEN_STATUSES),
            Complaint.due_at <= until,
            Complaint.merged_into_id.is_(None),
        )
        .order_by(Complaint.due_at, Complaint.id)
    )
    if limit is not None:
        query = query.limit(limit)
    paths = _paths(session)
    return [_row(c, paths) for c in session.scalars(query)]


def due_counts(
    session: Session, within_hours: float = 2, at: datetime | None = None
) -> tuple[int, int]:
    """(due soon, overdue) among open complaints: the status bar's figures."""
    at = at or now()
    limit = at + timedelta(hours=within_hours)
    base = select(func.count(Complaint.id)).where(
        Complaint.status.in_(OPEN_STATUSES), Complaint.merged_into_id.is_(None)
    )
    overdue = session.scalar(base.where(Complaint.due_at < at)) or 0
    soon = session.scalar(base.where(Complaint.due_at >= at, Complaint.due_at <= limit)) or 0
    return soon, overdue


def couriers_in_complaints(session: Session) -> list[str]:
    return [
        n
        for n in session.scalars(
            select(Complaint.courier_name).distinct().order_by(Complaint.courier_name)
        )
        if n
    ]


def categories_for_choice(session: Session) -> Sequence[CategoryInfo]:
    ensure_default_categories(session)
    return category_tree(session)


@dataclass(frozen=True)
class AgentWork:
    """One agent's closed complaints in a period (by the name the history records)."""

    agent: str
    complaints_closed: int  # without an HQ order number
    work_orders_closed: int  # with one (HQ 工单)
    on_time: int  # closed no later than their deadline (both kinds)

    @property
    def closed(self) -> int:
        return self.complaints_closed + self.work_orders_closed


def agent_work(session: Session, start: datetime, end: datetime) -> dict[str, AgentWork]:
    """Per agent name, the complaints and work orders closed in [start, end) and still closed
    (a reopened one counts when it is closed again), credited to whoever closed them (the
    closing history line's `who`, else the complaint's agent); merged duplicates are left
    out. One aggregate query over the month's range of the closed_at index."""
    closer = (
        select(ComplaintEvent.who)
        .where(ComplaintEvent.complaint_id == Complaint.id, ComplaintEvent.to_status == CLOSED)
        .order_by(ComplaintEvent.id.desc())
        .limit(1)
        .correlate(Complaint)
        .scalar_subquery()
    )
    closed = (
        select(
            func.coalesce(func.nullif(closer, ""), Complaint.agent, "").label("name"),
            Complaint.hq_order_no.is_not(None).label("order"),
            (Complaint.closed_at <= Complaint.due_at).label("in_time"),
        )
        .where(
            Complaint.closed_at >= start,
            Complaint.closed_at < end,
            # `status || ''`: nearly every complaint is closed, so the (status, due_at) index
            # would make SQLite walk all of them; this keeps it on the month's closed_at range.
            func.coalesce(Complaint.status, "").op("||")("") == CLOSED,
            Complaint.merged_into_id.is_(None),
        )
        .subquery()
    )
    # Typed as integers: a sum of booleans would otherwise come back as True/False.
    orders = func.sum(closed.c.order, type_=Integer)
    in_time = func.sum(closed.c.in_time, type_=Integer)
    rows = session.execute(
        select(closed.c.name, func.count(), orders, in_time).group_by(closed.c.name)
    )
    return {
        name: AgentWork(name, int(total) - int(wo or 0), int(wo or 0), int(ok or 0))
        for name, total, wo, ok in rows
        if name
    }


def rename_person(session: Session, old: str, new: str) -> int:
    """An agent was renamed: the history and the complaints she logged name her by her new
    name, so what she closed and handled stays credited to her (pay, attendance, quality
    control read the names). Called in the rename's own transaction; the number of history
    lines changed."""
    if not old or old == new:
        return 0
    session.flush()
    result = session.execute(
        sql_update(ComplaintEvent).where(ComplaintEvent.who == old).values(who=new)
    )
    session.execute(sql_update(Complaint).where(Complaint.agent == old).values(agent=new))
    return int(result.rowcount)  # type: ignore[attr-defined]


# --- who handled what (for quality control) ---------------------------------------------


def last_steps_by_day(
    session: Session, start: datetime, end: datetime
) -> dict[tuple[str, str], datetime]:
    """(who, "YYYY-MM-DD") → the time of the last step anyone of that name took on a complaint
    that day (logged, moved on, edited): the team's attendance counts a shift never signed out
    until then. One grouped query."""
    day = func.date(ComplaintEvent.at)
    rows = session.execute(
        select(ComplaintEvent.who, day, func.max(ComplaintEvent.at))
        .where(ComplaintEvent.at >= start, ComplaintEvent.at < end, ComplaintEvent.who != "")
        .group_by(ComplaintEvent.who, day)
    )
    return {(who, str(on)): last for who, on, last in rows if who and last is not None}


@dataclass(frozen=True)
class HandledComplaint:
    """A complaint one agent worked on (logged it, changed it, moved it on) in a period."""

    id: int
    ticket_no: str
    agent: str  # the name the history records (ComplaintEvent.who)
    first_at: datetime  # the agent's first action on it in the period
    waybill_no: str | None
    category: str
    description: str
    reply: str
    resolution: str


def handled_between(session: Session, start: datetime, end: datetime) -> list[HandledComplaint]:
    """Every (complaint, agent) pair with an action by that agent in [start, end), in
    complaint then agent order; actions without a name are left out (nobody to check)."""
    first = func.min(ComplaintEvent.at).label("first_at")
    query = (
        select(Complaint, ComplaintEvent.who, first)
        .join(ComplaintEvent, ComplaintEvent.complaint_id == Complaint.id)
        .where(ComplaintEvent.at >= start, ComplaintEvent.at < end, ComplaintEvent.who != "")
        .group_by(Complaint.id, ComplaintEvent.who)
        .order_by(Complaint.id, ComplaintEvent.who)
    )
    paths = _paths(session)
    return [
        HandledComplaint(
            id=c.id,
            ticket_no=c.ticket_no,
            agent=who,
            first_at=at,
            waybill_no=c.waybill_no,
            category=paths.get(c.category_id, ""),
            description=c.description or "",
            reply=c.reply or "",
            resolution=c.resolution or "",
        )
        for c, who, at in session.execute(query)
    ]


@dataclass(frozen=True)
class ComplaintText:
    """What an agent wrote on a complaint, for the banned-phrase sweep."""

    id: int
    ticket_no: str
    agent: str
    received_at: datetime
    description: str
    reply: str
    resolution: str


def complaint_texts(
    session: Session, start: datetime | None = None, end: datetime | None = None
) -> Iterator[ComplaintText]:
    """Every complaint's written texts (received in [start, end) when given), oldest first,
    streamed so two years of complaints never sit in memory at once."""
    query = select(
        Complaint.id,
        Complaint.ticket_no,
        Complaint.agent,
        Complaint.received_at,
        Complaint.description,
        Complaint.reply,
        Complaint.resolution,
    ).order_by(Complaint.received_at, Complaint.id)
    if start is not None:
        query = query.where(Complaint.received_at >= start)
    if end is not None:
        query = query.where(Complaint.received_at < end)
    for row in session.execute(query.execution_options(yield_per=2000)):
        yield ComplaintText(
            row.id,
            row.ticket_no,
            row.agent or "",
            row.received_at,
            row.description or "",
            row.reply or "",
            row.resolution or "",
        )


@dataclass(frozen=True)
class ScriptForSearch:
    id: int
    category_id: int
    category: str  # 延误 › 派送延误
    title: str
    body: str


def scripts_for_search(session: Session) -> list[ScriptForSearch]:
    """Every reply script with its category's path (for the knowledge search)."""
    return [
        ScriptForSearch(s.id, c.id, c.path, s.title, s.body)
        for c in category_tree(session)
        for s in c.scripts
    ]


def scripts_stamp(session: Session) -> str:
    """Changes whenever a reply script or a category is added, edited or removed."""
    length = func.length(ReplyTemplate.title) + func.length(ReplyTemplate.body)
    row = session.execute(
        select(
            select(func.count()).select_from(ReplyTemplate).scalar_subquery(),
            select(func.max(ReplyTemplate.id)).scalar_subquery(),
            select(
                func.total(length * (ReplyTemplate.id + ReplyTemplate.category_id))
            ).scalar_subquery(),
            select(
                func.total(func.length(ComplaintCategory.name) * ComplaintCategory.id)
            ).scalar_subquery(),
        )
    ).one()
    return repr(tuple(row))
