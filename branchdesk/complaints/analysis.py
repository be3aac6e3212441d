"""The month's complaint analysis: counts by category, courier, channel and status, time to
close, overdue rate, compensation, repeat complainants and waybills, a 12-month trend.

Everything is counted in SQL (GROUP BY over the received_at index), so a month report stays
well under a second with 100,000 complaints in the database. A duplicate merged into another
complaint counts once — through the complaint it was merged into — except in the repeat
waybills, where the duplicates are the point.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from branchdesk.complaints.models import Complaint, ComplaintCategory
from branchdesk.complaints.service import now as local_now
from branchdesk.complaints.workflow import OPEN_STATUSES, STATUSES

UNASSIGNED = "未分配"  # complaints without a courier, as the branch says it
TREND_MONTHS = 12
# Time-to-close buckets (hours): within a day, within three days, longer.
FAST_HOURS, SLOW_HOURS = 24, 72


@dataclass(frozen=True)
class Count:
    label: str  # category, courier, channel — or a status code in `by_status`
    count: int


@dataclass(frozen=True)
class CategoryCount:
    """Complaints of one category, under its top-level category (延误 › 派送延误)."""

    top: str
    sub: str | None  # None: filed under the top-level category itself
    count: int

    @property
    def path(self) -> str:
        return f"{self.top} › {self.sub}" if self.sub else self.top


@dataclass(frozen=True)
class CloseTimes:
    """Complaints closed in the month and how long they took (received → closed)."""

    closed: int
    median_hours: float | None
    mean_hours: float | None
    within_day: int  # ≤ 24 h
    within_three_days: int  # 24–72 h
    longer: int  # > 72 h


@dataclass(frozen=True)
class RepeatComplainant:
    phone: str  # as stored; mask it before showing or exporting
    customer_name: str | None
    count: int
    tickets: tuple[str, ...]


@dataclass(frozen=True)
class RepeatWaybill:
    waybill_no: str
    count: int  # merged duplicates included
    merged: int
    courier_name: str | None
    tickets: tuple[str, ...]


@dataclass(frozen=True)
class TrendPoint:
    year: int
    month: int
    count: int

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class MonthReport:
    year: int
    month: int
    as_of: datetime  # "still open past due" is judged at this time
    received: int
    still_open: int
    overdue: int  # received in the month and closed late or open past due
    by_category: tuple[Count, ...]  # top-level categories, most first
    by_subcategory: tuple[CategoryCount, ...]  # grouped by top-level, most first
    by_courier: tuple[Count, ...]
    by_channel: tuple[Count, ...]
    by_status: tuple[Count, ...]  # label: status code, in workflow order
    close_times: CloseTimes
    compensation_fen: int  # paid on complaints closed in the month
    repeat_complainants: tuple[RepeatComplainant, ...]
    repeat_waybills: tuple[RepeatWaybill, ...]
    trend: tuple[TrendPoint, ...]  # TREND_MONTHS months, oldest first, ending at this month

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def overdue_rate(self) -> float | None:
        """Share (0–1) of the month's complaints that missed their deadline; None if none."""
        return self.overdue / self.received if self.received else None

    @property
    def compensation_yuan(self) -> Decimal:
        return Decimal(self.compensation_fen) / 100

    @property
    def is_empty(self) -> bool:
        return self.received == 0 and self.close_times.closed == 0


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """[first moment of the month, first moment of the next month)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not 1–12")
    start = datetime(year, month, 1)
    return start, add_months(start, 1)


def add_months(day: datetime, months: int) -> datetime:
    """The first of the month `months` after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime(index // 12, index % 12 + 1, 1)


# Not merged into another complaint. Written so that the planner cannot pick the
# merged_into_id index for it: nearly every row is NULL there, and without table statistics
# SQLite would walk the whole table through that index instead of the received_at range.
_NOT_MERGED = func.coalesce(Complaint.merged_into_id, 0) == 0


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _month_key(session: Session, column: Any) -> ColumnElement[str]:
    """'2026-03' for a timestamp column, in the database's own dialect."""
    if _dialect(session) == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def _hours(session: Session, start: Any, end: Any) -> ColumnElement[Any]:
    if _dialect(session) == "postgresql":
        return func.extract("epoch", end - start) / 3600.0
    return (func.julianday(end) - func.julianday(start)) * 24.0


def month_report(
    session: Session, year: int, month: int, *, at: datetime | None = None
) -> MonthReport:
    """The analysis of complaints received (and closed) in `year`-`month`."""
    start, end = month_bounds(year, month)
    at = at or local_now()
    received_in_month = and_(
        Complaint.received_at >= start,
        Complaint.received_at < end,
        _NOT_MERGED,
    )

    is_open = Complaint.status.in_(OPEN_STATUSES)
    late = or_(
        and_(Complaint.closed_at.is_not(None), Complaint.closed_at > Complaint.due_at),
        and_(is_open, Complaint.due_at < at),
    )
    totals = session.execute(
        select(
            func.count(Complaint.id),
            func.coalesce(func.sum(case((is_open, 1), else_=0)), 0),
            func.coalesce(func.sum(case((late, 1), else_=0)), 0),
        ).where(received_in_month)
    ).one()
    received, still_open, overdue = (int(v or 0) for v in totals)

    by_category, by_subcategory = _categories(session, received_in_month)
    by_courier = _grouped(session, Complaint.courier_name, received_in_month, empty=UNASSIGNED)
    by_channel = _grouped(session, Complaint.channel, received_in_month, empty="—")
    status_counts = {
        c.label: c.count for c in _grouped(session, Complaint.status, received_in_month, empty="—")
    }
    by_status = tuple(Count(s, status_counts.pop(s)) for s in STATUSES if s in status_counts)
    by_status += tuple(Count(s, n) for s, n in status_counts.items())

    close_times, compensation = _close_times(session, start, end)
    return MonthReport(
        year=year,
        month=month,
        as_of=at,
        received=received,
        still_open=still_open,
        overdue=overdue,
        by_category=by_category,
        by_subcategory=by_subcategory,
        by_courier=by_courier,
        by_channel=by_channel,
        by_status=by_status,
        close_times=close_times,
        compensation_fen=compensation,
        repeat_complainants=_repeat_complainants(session, received_in_month),
        repeat_waybills=_repeat_waybills(session, start, end),
        trend=trend(session, year, month),
    )


def _grouped(
    session: Session, column: Any, where: ColumnElement[bool], *, empty: str
) -> tuple[Count, ...]:
    """Counts per value of `column`, most first, a tie by name with `empty` (no value: NULL
    or blank) last."""
    counts: dict[str, int] = {}
    for value, n in session.execute(
        select(column, func.count(Complaint.id)).where(where).group_by(column)
    ):
        label = (value or "").strip() or empty
        counts[label] = counts.get(label, 0) + int(n)
    return tuple(
        Count(label, n)
        for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == empty, kv[0]))
    )


def _ranked(counts: dict[str, int]) -> tuple[Count, ...]:
    """Most first; a tie keeps the order the labels came in."""
    order = {label: i for i, label in enumerate(counts)}
    return tuple(
        Count(label, n)
        for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    )


def category_tops(session: Session) -> dict[int, tuple[str, str | None]]:
    """Category id → (its top-level category, the rest of its path or None), parents first
    in the owner's order (延误 › 派送延误 → ("延误", "派送延误"))."""
    rows = session.execute(
        select(ComplaintCategory.id, ComplaintCategory.parent_id, ComplaintCategory.name).order_by(
            ComplaintCategory.position, ComplaintCategory.id
        )
    ).all()
    children: dict[int | None, list[tuple[int, str]]] = {}
    for cid, parent, name in rows:
        children.setdefault(parent, []).append((cid, name))
    out: dict[int, tuple[str, str | None]] = {}

    def walk(parent: int, top: str, prefix: str | None) -> None:
        for cid, name in children.get(parent, []):
            if cid not in out:  # a cycle in hand-edited data never loops
                sub = f"{prefix} › {name}" if prefix else name
                out[cid] = (top, sub)
                walk(cid, top, sub)

    for cid, name in children.get(None, []):
        out[cid] = (name, None)
        walk(cid, name, None)
    return out


def _categories(
    session: Session, where: ColumnElement[bool]
) -> tuple[tuple[Count, ...], tuple[CategoryCount, ...]]:
    tops_of = category_tops(session)
    per_category = dict(
        session.execute(
            select(Complaint.category_id, func.count(Complaint.id))
            .where(where)
            .group_by(Complaint.category_id)
        ).all()
    )
    tops: dict[str, int] = {}
    subs: dict[tuple[str, str | None], int] = {}
    # The tree's order first, so a tie keeps the owner's order of categories.
    position = {c: i for i, c in enumerate(tops_of)}
    for category_id in sorted(per_category, key=lambda c: position.get(c, len(position) + c)):
        n = int(per_category[category_id])
        # A category out of reach of the top level (hand-edited data) is still counted.
        top, sub = tops_of.get(category_id, ("—", None))
        tops[top] = tops.get(top, 0) + n
        subs[top, sub] = subs.get((top, sub), 0) + n
    by_top = _ranked(tops)
    rank = {c.label: i for i, c in enumerate(by_top)}
    order = {key: i for i, key in enumerate(subs)}
    by_sub = tuple(
        CategoryCount(top, sub, n)
        for (top, sub), n in sorted(
            subs.items(), key=lambda kv: (rank[kv[0][0]], -kv[1], order[kv[0]])
        )
    )
    return by_top, by_sub


def _close_times(session: Session, start: datetime, end: datetime) -> tuple[CloseTimes, int]:
    # closed_at is set only while a complaint is closed (reopening clears it).
    closed_in_month = and_(Complaint.closed_at >= start, Complaint.closed_at < end, _NOT_MERGED)
    hours_expr = _hours(session, Complaint.received_at, Complaint.closed_at)
    hours: list[float] = []
    compensation = 0
    for h, fen in session.execute(
        select(hours_expr, Complaint.compensation_fen).where(closed_in_month)
    ):
        # Day fractions carry float noise (48.99999999 h): a tenth of a second is enough.
        hours.append(round(float(h), 4))
        compensation += fen or 0
    times = CloseTimes(
        closed=len(hours),
        median_hours=statistics.median(hours) if hours else None,
        mean_hours=statistics.fmean(hours) if hours else None,
        within_day=sum(1 for h in hours if h <= FAST_HOURS),
        within_three_days=sum(1 for h in hours if FAST_HOURS < h <= SLOW_HOURS),
        longer=sum(1 for h in hours if h > SLOW_HOURS),
    )
    return times, compensation


def _repeat_complainants(
    session: Session, where: ColumnElement[bool]
) -> tuple[RepeatComplainant, ...]:
    # Phones are stored as digits; older versions kept them as typed (digits, dashes, spaces,
    # 86 in front): 86138-1234-1234 and 138 1234 1234 are 13812341234.
    typed = func.replace(func.replace(func.replace(Complaint.phone, "-", ""), " ", ""), "+", "")
    phone = case(
        (and_(func.length(typed) == 13, typed.like("861%")), func.substr(typed, 3)), else_=typed
    )
    has_phone = and_(where, Complaint.phone.is_not(None), phone != "")
    repeats = session.execute(
        select(phone, func.count(Complaint.id))
        .where(has_phone)
        .group_by(phone)
        .having(func.count(Complaint.id) >= 2)
        .order_by(func.count(Complaint.id).desc(), phone)
    ).all()
    counts = {str(number): int(n) for number, n in repeats}
    if not counts:
        return ()
    tickets: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for number, ticket, name in _in_chunks(
        session,
        select(phone, Complaint.ticket_no, Complaint.customer_name)
        .where(has_phone)
        .order_by(Complaint.received_at, Complaint.id),
        phone,
        list(counts),
    ):
        tickets.setdefault(number, []).append(ticket)
        if name:
            names[number] = name  # the latest name given
    return tuple(
        RepeatComplainant(number, names.get(number), n, tuple(tickets.get(number, ())))
        for number, n in counts.items()
    )


def _repeat_waybills(session: Session, start: datetime, end: datetime) -> tuple[RepeatWaybill, ...]:
    in_month = and_(
        Complaint.received_at >= start,
        Complaint.received_at < end,
        Complaint.waybill_no.is_not(None),
        Complaint.waybill_no != "",
    )
    merged = func.sum(case((Complaint.merged_into_id.is_not(None), 1), else_=0))
    repeats = session.execute(
        select(Complaint.waybill_no, func.count(Complaint.id), merged)
        .where(in_month)
        .group_by(Complaint.waybill_no)
        .having(func.count(Complaint.id) >= 2)
        .order_by(func.count(Complaint.id).desc(), Complaint.waybill_no)
    ).all()
    if not repeats:
        return ()
    tickets: dict[str, list[str]] = {}
    couriers: dict[str, str] = {}
    for number, ticket, courier in _in_chunks(
        session,
        select(Complaint.waybill_no, Complaint.ticket_no, Complaint.courier_name)
        .where(in_month)
        .order_by(Complaint.received_at, Complaint.id),
        Complaint.waybill_no,
        [w for w, _n, _m in repeats],
    ):
        tickets.setdefault(number, []).append(ticket)
        if courier:
            couriers[number] = courier
    return tuple(
        RepeatWaybill(number, int(n), int(m or 0), couriers.get(number), tuple(tickets[number]))
        for number, n, m in repeats
    )


def _in_chunks(session: Session, query: Any, column: Any, values: Sequence[str]) -> list[Any]:
    """Rows of `query` whose `column` is one of `values` (SQLite limits bound parameters)."""
    rows: list[Any] = []
    for i in range(0, len(values), 500):
        rows.extend(session.execute(query.where(column.in_(values[i : i + 500]))).all())
    return rows


def trend(
    session: Session, year: int, month: int, months: int = TREND_MONTHS
) -> tuple[TrendPoint, ...]:
    """Complaints received per month, `months` months ending at `year`-`month`, oldest first."""
    _start, end = month_bounds(year, month)
    first = add_months(end, -months)
    key = _month_key(session, Complaint.received_at)
    # Every complaint of the range (read from the received_at index alone), less the merged
    # duplicates (read through the merged_into_id index): both stay fast on a large log.
    everything = session.execute(
        select(key, func.count())
        .where(Complaint.received_at >= first, Complaint.received_at < end)
        .group_by(key)
    ).all()
    first_key, last_key = first.strftime("%Y-%m"), add_months(end, -1).strftime("%Y-%m")
    merged = dict(
        session.execute(
            select(key, func.count())
            .where(Complaint.merged_into_id > 0, key >= first_key, key <= last_key)
            .group_by(key)
        ).all()
    )
    counts = {k: int(n) - int(merged.get(k, 0)) for k, n in everything}
    points = []
    for i in range(months):
        day = add_months(first, i)
        points.append(TrendPoint(day.year, day.month, counts.get(day.strftime("%Y-%m"), 0)))
    return tuple(points)
