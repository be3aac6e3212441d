"""The monthly statement per agent: work by kind, on-time rate, QC, coaching, attendance,
fines and pay by volume; the owner's rates and fines; approval, locking and reissue.

A statement not yet approved is computed from the data each time it is asked for (a draft).
Approving it (an owner action) stores its figures as a snapshot: later changes to complaints,
contacts, shifts, QC, fines or rates do not alter it. An approved statement is never changed;
it can only be reissued with a reason, which stores a new snapshot and marks the old one
superseded (both kept).

Team, Complaints and QC are used through their public functions only. QC's figures come
through a `QualitySource` (default: `branchdesk.qc.service.monthly_quality` when that module
exists), so the statement works with or without QC.
"""

from __future__ import annotations

import importlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.complaints.service import agent_work
from branchdesk.i18n import joined, tr
from branchdesk.pay.models import APPROVED, SUPERSEDED, PayFine, PayRates, PayStatement
from branchdesk.pay.rates import PayError, Rates, bands_from_json, bands_to_json, check_rates, yuan
from branchdesk.permissions import Action, actor, require_owner
from branchdesk.team.agents import get_agent, list_agents, shifts_between
from branchdesk.team.contacts import contact_counts

DRAFT = "draft"
MAX_FINE_FEN = 10_000_00  # 10,000 元: more is a typing slip
REASON_MAX = 200

# (session, "YYYY-MM") -> {agent id: summary}; a summary has (as attributes or keys) an
# average score, the count scored, daily averages and coaching open/closed.
QualitySource = Callable[[Session, str], Mapping[int, Any]]


class _Default:
    """Marks "look QC up": distinct from None, which means "no QC figures"."""


DEFAULT_QUALITY: Any = _Default()


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


# --- months ---------------------------------------------------------------------------------


def parse_month(text: str) -> str:
    """ "2026-11" / "2026-1" → "2026-11" / "2026-01"; a PayError for anything else."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", (text or "").strip())
    if not m or not 1 <= int(m[2]) <= 12 or int(m[1]) < 2000:
        raise PayError(tr("“{text}” is not a month: write it as YYYY-MM, e.g. 2026-11.", text=text))
    return f"{int(m[1]):04d}-{int(m[2]):02d}"


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """[first day 00:00, first day of the next month 00:00) of a "YYYY-MM" month."""
    month = parse_month(month)
    year, number = int(month[:4]), int(month[5:])
    start = datetime(year, number, 1)
    end = datetime(year + number // 12, number % 12 + 1, 1)
    return start, end


def previous_month(month: str) -> str:
    start, _ = month_bounds(month)
    last = start - timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


# --- rates ----------------------------------------------------------------------------------


def current_rates(session: Session) -> Rates:
    """The rates in force: the newest row, or all zero before the owner has set any."""
    row = session.scalar(select(PayRates).order_by(PayRates.id.desc()).limit(1))
    if row is None:
        return Rates()
    return Rates(
        row.per_complaint_fen,
        row.per_work_order_fen,
        row.per_contact_fen,
        bands_from_json(row.bands),
        row.set_at,
        row.set_by,
        is_set=True,
    )


def set_rates(session: Session, rates: Rates) -> Rates:
    """Set the pay rates: an owner action, audited with the old and new rates. Statements
    already approved keep the rates they were approved with."""
    check_rates(rates)
    old = current_rates(session)
    require_owner(
        Action.SET_PAY_RATES,
        session,
        tr("{old} → {new}", old=old.describe() if old.is_set else "—", new=rates.describe()),
    )
    at = now()
    session.add(
        PayRates(
            per_complaint_fen=rates.per_complaint_fen,
            per_work_order_fen=rates.per_work_order_fen,
            per_contact_fen=rates.per_contact_fen,
            bands=json.dumps(bands_to_json(rates.bands)),
            set_at=at,
            set_by=actor(),
        )
    )
    session.flush()
    return current_rates(session)


# --- fines ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fine:
    id: int
    agent_id: int
    month: str
    amount_fen: int
    reason: str
    added_at: datetime
    added_by: str


def _fine(f: PayFine) -> Fine:
    return Fine(f.id, f.agent_id, f.month, f.amount_fen, f.reason, f.added_at, f.added_by)


def fines_in(session: Session, month: str, agent_id: int | None = None) -> list[Fine]:
    query = select(PayFine).where(PayFine.month == parse_month(month))
    if agent_id is not None:
        query = query.where(PayFine.agent_id == agent_id)
    return [_fine(f) for f in session.scalars(query.order_by(PayFine.id))]


def add_fine(session: Session, agent_id: int, month: str, amount_fen: int, reason: str) -> Fine:
    """Charge a fine to an agent for a month: an owner action, audited. A month whose
    statement is already approved keeps it as approved; the fine counts once it is reissued."""
    month = parse_month(month)
    agent = get_agent(session, agent_id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise PayError(tr("Write the reason for the fine (the agent sees it on the statement)."))
    if len(reason) > REASON_MAX:
        raise PayError(tr("The reason is longer than {count} characters.", count=REASON_MAX))
    if amount_fen <= 0:
        raise PayError(
            tr("A fine must be more than 0 元 (it was {amount} 元).", amount=yuan(amount_fen))
        )
    if amount_fen > MAX_FINE_FEN:
        raise PayError(
            tr(
                "A fine of {amount} 元 is more than {limit} 元; check the amount.",
                amount=yuan(amount_fen),
                limit=yuan(MAX_FINE_FEN),
            )
        )
    require_owner(
        Action.CHARGE_FINE,
        session,
        tr(
            "{agent}, {month}: fine {amount} 元 ({reason})",
            agent=agent.name,
            month=month,
            amount=yuan(amount_fen),
            reason=reason,
        ),
    )
    fine = PayFine(
        agent_id=agent.id,
        month=month,
        amount_fen=amount_fen,
        reason=reason,
        added_at=now(),
        added_by=actor(),
    )
    session.add(fine)
    session.flush()
    return _fine(fine)


def remove_fine(session: Session, fine_id: int) -> None:
    """Remove a fine entered by mistake (owner action); refused once an approved statement
    counts it: reissue the statement instead."""
    fine = session.get(PayFine, fine_id)
    if fine is None:
        raise PayError(tr("That fine no longer exists: reopen the statement."))
    counted = _approved(session, fine.month).get(fine.agent_id)
    if counted is not None and fine.id in {f["id"] for f in counted.fines}:
        raise PayError(
            tr(
                "This fine is on {agent}'s approved statement for {month}, which cannot be "
                "changed. Reissue the statement with a reason instead.",
                agent=counted.agent_name,
                month=fine.month,
            )
        )
    require_owner(
        Action.CHARGE_FINE,
        session,
        tr(
            "Removed: {month} fine {amount} 元 ({reason})",
            month=fine.month,
            amount=yuan(fine.amount_fen),
            reason=fine.reason,
        ),
    )
    session.delete(fine)
    session.flush()


# --- the statement --------------------------------------------------------------------------


@dataclass
class Statement:
    """One agent's month: the figures a statement shows, plain data (stored as JSON once
    approved). Money in fen."""

    month: str
    agent_id: int
    agent_name: str
    employee_no: str = ""
    complaints_closed: int = 0
    work_orders_closed: int = 0
    contacts: int = 0
    on_time: int = 0
    qc_available: bool = False
    qc_average: float | None = None
    qc_scored: int = 0
    qc_previous: float | None = None
    qc_daily: list[tuple[str, float]] = field(default_factory=list)
    coaching_open: int = 0
    coaching_closed: int = 0
    days: int = 0
    hours: float = 0.0
    fines: list[dict[str, Any]] = field(default_factory=list)  # id, amount_fen, reason
    rates: dict[str, Any] = field(default_factory=dict)
    rates_set: bool = False
    pay_complaints_fen: int = 0
    pay_work_orders_fen: int = 0
    pay_contacts_fen: int = 0
    qc_band: str = ""
    qc_band_fen: int = 0
    fines_fen: int = 0
    total_fen: int = 0
    status: str = DRAFT
    statement_id: int | None = None
    approved_at: datetime | None = None
    approved_by: str = ""
    reissue_reason: str = ""
    # Fines added after the approval (not on the approved figures): shown as a reminder.
    fines_pending: int = 0

    @property
    def items(self) -> int:
        return self.complaints_closed + self.work_orders_closed + self.contacts

    @property
    def closed(self) -> int:
        return self.complaints_closed + self.work_orders_closed

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.closed if self.closed else None

    @property
    def qc_trend(self) -> float | None:
        """The change of the QC average from the month before (None when either is missing)."""
        if self.qc_average is None or self.qc_previous is None:
            return None
        return self.qc_average - self.qc_previous

    @property
    def volume_fen(self) -> int:
        return self.pay_complaints_fen + self.pay_work_orders_fen + self.pay_contacts_fen

    @property
    def approved(self) -> bool:
        return self.status == APPROVED

    def to_json(self) -> str:
        data = asdict(self)
        for key in ("status", "statement_id", "approved_at", "approved_by", "reissue_reason"):
            data.pop(key)
        data.pop("fines_pending")
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_row(cls, row: PayStatement) -> Statement:
        data = json.loads(row.figures)
        data["qc_daily"] = [tuple(d) for d in data.get("qc_daily", [])]
        known = set(cls.__dataclass_fields__)
        statement = cls(**{k: v for k, v in data.items() if k in known})
        statement.status = row.status
        statement.statement_id = row.id
        statement.approved_at = row.approved_at
        statement.approved_by = row.approved_by
        statement.reissue_reason = row.reissue_reason or ""
        return statement


def _read(summary: Any, *names: str) -> Any:
    for name in names:
        if isinstance(summary, Mapping) and name in summary:
            return summary[name]
        if hasattr(summary, name):
            return getattr(summary, name)
    return None


def _quality_source(quality: Any) -> QualitySource | None:
    if not isinstance(quality, _Default):
        return quality
    try:
        module = importlib.import_module("branchdesk.qc.service")
    except ImportError:
        return None
    source = getattr(module, "monthly_quality", None)
    return source if callable(source) else None


def _apply_quality(s: Statement, summary: Any, previous: Any) -> None:
    s.qc_available = True
    if summary is None:
        return
    average = _read(summary, "average", "average_score", "avg")
    s.qc_average = None if average is None else round(float(average), 1)
    s.qc_scored = int(_read(summary, "scored", "scored_count", "count") or 0)
    daily = _read(summary, "daily", "daily_averages") or {}
    pairs = daily.items() if isinstance(daily, Mapping) else daily
    s.qc_daily = sorted((str(d), round(float(v), 1)) for d, v in pairs)
    s.coaching_open = int(_read(summary, "coaching_open", "open_coaching") or 0)
    s.coaching_closed = int(_read(summary, "coaching_closed", "closed_coaching") or 0)
    if previous is not None:
        before = _read(previous, "average", "average_score", "avg")
        s.qc_previous = None if before is None else round(float(before), 1)


def _attendance(session: Session, month: str) -> dict[int, tuple[int, float]]:
    """Days signed in and hours worked per agent: Team's `attendance(session, month)` when
    Team has it (one rule for the team page and the statement), else from the shifts."""
    from branchdesk.team import agents as team_agents

    team_attendance = getattr(team_agents, "attendance", None)
    if callable(team_attendance):
        return {
            int(a.agent_id): (int(a.days), round(float(a.hours), 1))
            for a in team_attendance(session, month)
            if a.days or a.hours
        }
    start, end = month_bounds(month)
    return _attendance_from_shifts(session, start, end)


def _attendance_from_shifts(
    session: Session, start: datetime, end: datetime
) -> dict[int, tuple[int, float]]:
    """A shift counts to the sign-in day's midnight at most (a sign-out forgotten overnight is
    not a 30-hour day); a shift still open counts its day and no hours."""
    days: dict[int, set[date]] = defaultdict(set)
    hours: dict[int, float] = defaultdict(float)
    for shift in shifts_between(session, start, end):
        day = shift.signed_in_at.date()
        days[shift.agent_id].add(day)
        if shift.signed_out_at is not None:
            until = min(shift.signed_out_at, datetime.combine(day + timedelta(days=1), time()))
            hours[shift.agent_id] += max(0.0, (until - shift.signed_in_at).total_seconds() / 3600)
    return {a: (len(d), round(hours[a], 1)) for a, d in days.items()}


def _price(s: Statement, rates: Rates) -> None:
    s.rates = rates.to_json()
    s.rates_set = rates.is_set
    s.pay_complaints_fen = s.complaints_closed * rates.per_complaint_fen
    s.pay_work_orders_fen = s.work_orders_closed * rates.per_work_order_fen
    s.pay_contacts_fen = s.contacts * rates.per_contact_fen
    band = rates.band_for(s.qc_average)
    s.qc_band = band.label() if band else ""
    s.qc_band_fen = band.amount_fen if band else 0
    s.fines_fen = sum(int(f["amount_fen"]) for f in s.fines)
    s.total_fen = s.volume_fen + s.qc_band_fen - s.fines_fen


def _approved(session: Session, month: str) -> dict[int, Statement]:
    rows = session.scalars(
        select(PayStatement).where(PayStatement.month == month, PayStatement.status == APPROVED)
    )
    return {row.agent_id: Statement.from_row(row) for row in rows}


def compute_drafts(
    session: Session,
    month: str,
    *,
    quality: QualitySource | _Default | None = DEFAULT_QUALITY,
    agent_ids: Iterable[int] | None = None,
) -> list[Statement]:
    """Every agent's month computed from today's data (approved or not), in team-list order.

    An agent is listed when active, or when the month holds any work, attendance or fine of
    theirs. A fixed number of queries, whatever the number of agents."""
    month = parse_month(month)
    start, end = month_bounds(month)
    agents = list_agents(session, active_only=False)
    by_name = {a.name: a for a in agents}
    work = {by_name[n].id: w for n, w in agent_work(session, start, end).items() if n in by_name}
    contacts = contact_counts(session, start, end)
    attendance = _attendance(session, month)
    fines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for f in fines_in(session, month):
        fines[f.agent_id].append({"id": f.id, "amount_fen": f.amount_fen, "reason": f.reason})
    source = _quality_source(quality)
    qc = dict(source(session, month)) if source else {}
    qc_before = dict(source(session, previous_month(month))) if source else {}
    rates = current_rates(session)
    wanted = set(agent_ids) if agent_ids is not None else None
    out = []
    for agent in agents:
        if wanted is not None and agent.id not in wanted:
            continue
        busy = agent.id in work or agent.id in contacts or agent.id in attendance
        if not (agent.active or busy or agent.id in fines or agent.id in qc):
            continue
        s = Statement(month, agent.id, agent.name, agent.employee_no)
        w = work.get(agent.id)
        if w is not None:
            s.complaints_closed, s.work_orders_closed = w.complaints_closed, w.work_orders_closed
            s.on_time = w.on_time
        s.contacts = contacts.get(agent.id, 0)
        s.days, s.hours = attendance.get(agent.id, (0, 0.0))
        s.fines = fines.get(agent.id, [])
        if source is not None:
            _apply_quality(s, qc.get(agent.id), qc_before.get(agent.id))
        _price(s, rates)
        out.append(s)
    return out


def rank(statements: Iterable[Statement]) -> list[Statement]:
    """The month's ranking: most items handled first, then QC average, then name."""
    return sorted(
        statements,
        key=lambda s: (-s.items, -(s.qc_average if s.qc_average is not None else -1), s.agent_name),
    )


def payable_fen(statements: Iterable[Statement]) -> int:
    """What is paid out for `statements`: an agent whose fines exceed the month's pay is paid
    nothing; what they owe is not netted against the others' pay."""
    return sum(max(0, s.total_fen) for s in statements)


def owed_note(statements: Iterable[Statement]) -> str:
    """Who owes this month (fines above the pay) and how much, left out of payable_fen; ""
    when nobody does."""
    owing = [s for s in statements if s.total_fen < 0]
    if not owing:
        return ""
    return tr(
        "Not in the total: {count} agent(s) owe {amount} 元 (fines above the month's pay): "
        "{names}.",
        count=len(owing),
        amount=yuan(-sum(s.total_fen for s in owing)),
        names="、".join(s.agent_name for s in owing),
    )


def month_statements(
    session: Session,
    month: str,
    *,
    quality: QualitySource | _Default | None = DEFAULT_QUALITY,
    agent: str | None = None,
) -> list[Statement]:
    """The month's statements, ranked: the approved snapshot where there is one, else the
    draft from today's data. `agent` (a name or an employee number, 工号) keeps that agent's
    only (PayError if unknown)."""
    month = parse_month(month)
    approved = _approved(session, month)
    drafts = compute_drafts(session, month, quality=quality)
    out = []
    seen = set()
    for draft in drafts:
        kept = approved.get(draft.agent_id)
        if kept is not None:
            counted = {f["id"] for f in kept.fines}
            kept.fines_pending = sum(1 for f in draft.fines if f["id"] not in counted)
            out.append(kept)
        else:
            out.append(draft)
        seen.add(draft.agent_id)
    out += [s for a, s in approved.items() if a not in seen]
    if agent is not None:
        name = " ".join(agent.split())
        by_name = [s for s in out if s.agent_name == name]
        out = by_name or [
            s for s in out if s.employee_no and s.employee_no.casefold() == name.casefold()
        ]
        if not out:
            raise PayError(
                tr(
                    "No statement for “{agent}” in {month}: check the name or the employee "
                    "number in the team list.",
                    agent=agent,
                    month=month,
                )
            )
    return rank(out)


def _check_month_over(month: str, today: date | None) -> None:
    _, end = month_bounds(month)
    today = today or date.today()
    if today < end.date():
        raise PayError(
            tr(
                "{month} is not over yet: its statements can be approved from {day} on.",
                month=month,
                day=end.date().isoformat(),
            )
        )


def _store(
    session: Session,
    s: Statement,
    at: datetime,
    reason: str | None = None,
    replaces: int | None = None,
) -> PayStatement:
    row = PayStatement(
        month=s.month,
        agent_id=s.agent_id,
        agent_name=s.agent_name,
        status=APPROVED,
        figures=s.to_json(),
        total_fen=s.total_fen,
        approved_at=at,
        approved_by=actor(),
        reissue_reason=reason,
        replaces_id=replaces,
    )
    session.add(row)
    return row


def approve(
    session: Session,
    month: str,
    agent_ids: Iterable[int] | None = None,
    *,
    quality: QualitySource | _Default | None = DEFAULT_QUALITY,
    today: date | None = None,
) -> list[Statement]:
    """Approve the month's statements (every agent's not yet approved, or those of
    `agent_ids`): an owner action, audited. Their figures are stored and locked."""
    month = parse_month(month)
    _check_month_over(month, today)
    approved = _approved(session, month)
    wanted = list(agent_ids) if agent_ids is not None else None
    if wanted is not None:
        for agent_id in wanted:
            if agent_id in approved:
                raise PayError(
                    tr(
                        "{agent}'s statement for {month} is already approved and cannot be "
                        "changed. Reissue it with a reason if it is wrong.",
                        agent=approved[agent_id].agent_name,
                        month=month,
                    )
                )
    drafts = [
        s
        for s in compute_drafts(session, month, quality=quality, agent_ids=wanted)
        if s.agent_id not in approved
    ]
    if not drafts and not approved:
        raise PayError(tr("No agents in the team list: add them before approving a month."))
    if not drafts:
        raise PayError(tr("Every statement of {month} is already approved.", month=month))
    require_owner(
        Action.APPROVE_STATEMENT,
        session,
        tr(
            "Approved {month}: {who}",
            month=month,
            who=joined(f"{s.agent_name} {yuan(s.total_fen)} 元" for s in drafts),
        ),
    )
    at = now()
    rows = [_store(session, s, at) for s in drafts]
    session.flush()
    return [Statement.from_row(r) for r in rows]


def reissue(
    session: Session,
    month: str,
    agent_id: int,
    reason: str,
    *,
    quality: QualitySource | _Default | None = DEFAULT_QUALITY,
) -> Statement:
    """Replace an approved statement by one computed from today's data, with a reason: an
    owner action, audited. The old one is kept, marked superseded."""
    month = parse_month(month)
    reason = " ".join((reason or "").split())
    if not reason:
        raise PayError(
            tr("Write why the statement is reissued (kept with it and in the audit log).")
        )
    if len(reason) > REASON_MAX:
        raise PayError(tr("The reason is longer than {count} characters.", count=REASON_MAX))
    old = session.scalar(
        select(PayStatement).where(
            PayStatement.month == month,
            PayStatement.agent_id == agent_id,
            PayStatement.status == APPROVED,
        )
    )
    if old is None:
        raise PayError(
            tr(
                "This statement for {month} is not approved yet: approve it instead of "
                "reissuing it.",
                month=month,
            )
        )
    drafts = compute_drafts(session, month, quality=quality, agent_ids=[agent_id])
    if not drafts:
        raise PayError(tr("That agent no longer exists: reopen the team list."))
    new = drafts[0]
    require_owner(
        Action.APPROVE_STATEMENT,
        session,
        tr(
            "Reissued {month} for {agent}: {old} 元 → {new} 元 ({reason})",
            month=month,
            agent=new.agent_name,
            old=yuan(old.total_fen),
            new=yuan(new.total_fen),
            reason=reason,
        ),
    )
    at = now()
    old.status = SUPERSEDED
    old.superseded_at = at
    session.flush()  # the old one leaves the "one approved" index before the new one enters
    row = _store(session, new, at, reason, old.id)
    session.flush()
    return Statement.from_row(row)


def history(session: Session, month: str, agent_id: int) -> list[Statement]:
    """Every stored statement of the agent's month, newest first (approved and superseded)."""
    rows = session.scalars(
        select(PayStatement)
        .where(PayStatement.month == parse_month(month), PayStatement.agent_id == agent_id)
        .order_by(PayStatement.id.desc())
    )
    return [Statement.from_row(r) for r in rows]
