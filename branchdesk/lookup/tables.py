"""Read-only listings of the lookup tables for the 数据 page (plain dataclasses, paged)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk.lookup.fragments import Fragment, describe
from branchdesk.lookup.models import AreaRule, ArrivalTime, Courier, Route, Waybill
from branchdesk.lookup.service import RouteInfo, WaybillHit, _signature, only_active


@dataclass(frozen=True)
class AreaRow:
    id: int
    district: str | None
    town: str | None
    source_text: str
    keyword: str
    kind: str
    number_range: str
    parity: str
    courier: str
    segment_code: str | None
    station: str | None
    source_row: int | None
    read_as: str = ""  # the rule as it was read: 花港路 1-60号 单号 · 除12号 · 西侧
    warning: str | None = None  # the row was read only in part
    sheet: str | None = None


@dataclass(frozen=True)
class TimeRow:
    province: str
    city: str | None
    days: str
    express_days: int | None


def _range_text(lo: int | None, hi: int | None) -> str:
    if lo is None:
        return ""
    if hi is None:
        return f"{lo}+"
    return str(lo) if lo == hi else f"{lo}-{hi}"


def stored_detail(rule: AreaRule) -> dict[str, object]:
    """A stored rule's detail (what its fragment was read with, where it came from); {} for
    none or for what cannot be read."""
    try:
        detail = json.loads(rule.detail) if rule.detail else {}
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def stored_fragment(rule: AreaRule) -> Fragment:
    """The fragment a stored rule was read as, its detail applied (raises TypeError,
    ValueError or KeyError for a detail that cannot be applied)."""
    fragment = Fragment(
        rule.keyword,
        rule.parent_keyword,
        rule.kind,
        rule.number_lo,
        rule.number_hi,
        rule.parity,
        rule.source_text or "",
    )
    return fragment.with_detail(stored_detail(rule) or None)


def _how_read(rule: AreaRule) -> tuple[str, str | None, str | None]:
    """(the rule as read, the warning of a row read in part, the sheet) of a stored rule."""
    detail = stored_detail(rule)
    fragment = Fragment(
        rule.keyword, rule.parent_keyword, rule.kind, None, None, "all", rule.source_text or ""
    )
    try:
        fragment = stored_fragment(rule)
        read_as = describe(fragment)
    except (TypeError, ValueError, KeyError):
        read_as = rule.keyword
    row_warnings = detail.get("row_warnings", ())
    warnings = [fragment.warning, *(row_warnings if isinstance(row_warnings, list) else ())]
    warning = "；".join(dict.fromkeys(w for w in warnings if w)) or None
    sheet = detail.get("sheet")
    return read_as, warning, sheet if isinstance(sheet, str) else None


def area_rows(session: Session) -> list[AreaRow]:
    query = only_active(
        select(AreaRule, Courier.name).join(Courier, AreaRule.courier_id == Courier.id), AreaRule
    ).order_by(AreaRule.source_row, AreaRule.id)
    rows = []
    for r, name in session.execute(query):
        read_as, warning, sheet = _how_read(r)
        rows.append(
            AreaRow(
                r.id,
                r.district,
                r.town,
                r.source_text,
                r.keyword,
                r.kind,
                _range_text(r.number_lo, r.number_hi),
                r.parity,
                name,
                r.segment_code,
                r.station,
                r.source_row,
                read_as,
                warning,
                sheet,
            )
        )
    return rows


def route_rows(session: Session) -> list[RouteInfo]:
    query = only_active(select(Route), Route).order_by(Route.id)
    return [
        RouteInfo(
            r.province, r.city, r.district, r.route_code, r.hub, r.transit_center, r.cutoff_time
        )
        for r in session.scalars(query)
    ]


def time_rows(session: Session) -> list[TimeRow]:
    query = only_active(select(ArrivalTime), ArrivalTime).order_by(ArrivalTime.id)
    return [
        TimeRow(
            t.province,
            t.city,
            str(t.days_min) if t.days_min == t.days_max else f"{t.days_min}-{t.days_max}",
            t.express_days,
        )
        for t in session.scalars(query)
    ]


def has_area_rules(session: Session) -> bool:
    return session.scalar(select(AreaRule.id).limit(1)) is not None


def waybill_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Waybill)) or 0


def waybill_page(session: Session, offset: int, limit: int) -> list[WaybillHit]:
    """Newest first; keyset-free paging is fine here because pages are only read forward."""
    query = (
        select(
            Waybill.number,
            Waybill.carrier,
            Waybill.recipient,
            Waybill.phone,
            Waybill.address,
            Waybill.status,
            Waybill.event_date,
            Waybill.courier_name,
            Waybill.sender_name,
        )
        .order_by(Waybill.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [WaybillHit(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class AreaForSearch:
    id: int
    keyword: str
    source_text: str
    courier: str
    district: str | None
    town: str | None
    segment_code: str | None
    station: str | None
    note: str | None
    source_row: int | None


def areas_for_search(session: Session) -> list[AreaForSearch]:
    """The active area rules with their courier and note (for the knowledge search)."""
    query = only_active(
        select(
            AreaRule.id,
            AreaRule.keyword,
            AreaRule.source_text,
            Courier.name,
            AreaRule.district,
            AreaRule.town,
            AreaRule.segment_code,
            AreaRule.station,
            AreaRule.note,
            AreaRule.source_row,
        ).join(Courier, AreaRule.courier_id == Courier.id),
        AreaRule,
    ).order_by(AreaRule.source_row, AreaRule.id)
    return [AreaForSearch(*row) for row in session.execute(query).all()]  # type: ignore[call-arg]


def areas_stamp(session: Session) -> str:
    """Changes whenever area rules, couriers or the import batches behind them change."""
    return repr(_signature(session))
