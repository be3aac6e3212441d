"""Exports of the lookup tables and of batch lookups (批量分单) to Excel."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.io.export import ExportKind, register_export, write_table
from branchdesk.lookup.fragments import Fragment, FragmentError, cell_text, parse_area_cell
from branchdesk.lookup.levels import level_text
from branchdesk.lookup.models import AreaRule, ArrivalTime, Courier, Route, Waybill
from branchdesk.lookup.service import LookupResult, only_active
from branchdesk.lookup.tables import stored_fragment
from branchdesk.privacy import mask_phone, mask_phones_in, require_full_phones

EXPORT_KINDS = ("areas", "routes", "times", "waybills", "couriers")


def export_kind(session: Session, kind: str, path: Path, *, mask: bool = True) -> int:
    """Write table `kind` to `path` in a layout that imports back unchanged.

    Customers' phones are masked (138****5678): the waybills' phone column, and any phone
    typed into an address, a name or a note of any table. The couriers' own work phones stay
    whole (the branch's directory, and the area table imports back). `mask=False` is an
    owner action, audited.
    """
    if not mask:
        require_full_phones(
            session,
            tr("{table} exported with full phone numbers to {file}", table=kind, file=path.name),
        )
    shown = mask_phones_in if mask else _as_is
    if kind == "areas":
        rows: list[list[object]] = []
        seen: set[tuple[object, ...]] = set()
        query = only_active(
            select(AreaRule, Courier).join(Courier, AreaRule.courier_id == Courier.id), AreaRule
        ).order_by(AreaRule.batch_id, AreaRule.source_row, AreaRule.id)
        grouped: dict[tuple[object, ...], list[object]] = {}
        for rule, courier in session.execute(query):
            key = (rule.batch_id, rule.source_row, courier.id)
            if key not in grouped:
                grouped[key] = [
                    rule.district,
                    rule.town,
                    [],
                    courier.name,
                    courier.employee_no,
                    courier.phone,
                    rule.segment_code,
                    shown(rule.station),
                    shown(rule.note),
                ]
            fragments = grouped[key][2]
            assert isinstance(fragments, list)
            written = _written(rule)
            if (key, written) not in seen:
                seen.add((key, written))
                fragments.append(written)
        for values in grouped.values():
            values[2] = "；".join(values[2])  # type: ignore[arg-type]
            rows.append(values)
        headers = ["区县", "街道", "负责片区", "业务员", "工号", "手机", "三段码", "驿站", "备注"]
        return write_table(path, headers, rows, sheet="派件区域表")
    if kind == "routes":
        query_r = only_active(select(Route), Route)
        return write_table(
            path,
            ["目的省", "目的市", "目的区县", "一段码", "目的分拨中心", "中转中心", "截单时间"],
            (
                [
                    r.province,
                    r.city,
                    r.district,
                    r.route_code,
                    r.hub,
                    r.transit_center,
                    r.cutoff_time,
                ]
                for r in session.scalars(query_r)
            ),
            sheet="发件路由表",
        )
    if kind == "times":
        query_t = only_active(select(ArrivalTime), ArrivalTime)
        return write_table(
            path,
            ["省份", "城市", "标准时效", "特快时效"],
            (
                [
                    t.province,
                    t.city,
                    str(t.days_min) if t.days_min == t.days_max else f"{t.days_min}-{t.days_max}",
                    t.express_days,
                ]
                for t in session.scalars(query_t)
            ),
            sheet="到达时效表",
        )
    if kind == "waybills":
        query_w = select(Waybill).order_by(Waybill.id)
        return write_table(
            path,
            [
                "运单号",
                "快递公司",
                "收件人",
                "收件电话",
                "收件地址",
                "状态",
                "日期",
                "派件员",
                "寄件人",
                "寄件人电话",
            ],
            (
                [
                    w.number,
                    w.carrier,
                    shown(w.recipient),
                    mask_phone(w.phone) if mask else w.phone,
                    shown(w.address),
                    shown(w.status),
                    w.event_date.isoformat() if w.event_date else None,
                    w.courier_name,
                    shown(w.sender_name),
                    mask_phone(w.sender_phone) if mask else w.sender_phone,
                ]
                for w in session.execute(query_w.execution_options(yield_per=2000)).scalars()
            ),
            sheet="运单",
        )
    if kind == "couriers":
        return write_table(
            path,
            ["业务员", "工号", "手机", "在岗", "备注"],
            (
                [c.name, c.employee_no, c.phone, "是" if c.active else "否", shown(c.notes)]
                for c in session.scalars(select(Courier).order_by(Courier.name))
            ),
            sheet="业务员",
        )
    raise ValueError(kind)


def _as_is(text: str | None) -> str | None:
    return text


def _same(a: Fragment, b: Fragment) -> bool:
    fields = ("keyword", "kind", "lo", "hi", "parity", "on", "building", "phase", "side", "lane")
    return all(getattr(a, f) == getattr(b, f) for f in (*fields, "condition", "exclude"))


def _reads_as(text: str, fragment: Fragment) -> bool:
    return any(_same(f, fragment) for f in _read(text))


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[Fragment, ...]:
    """A cell's fragments, read once per text: every rule of a cell of 100 names asks."""
    try:
        return tuple(parse_area_cell(text))
    except FragmentError:
        return ()


def _written(rule: AreaRule) -> str:
    """The area text of `rule` in the export: as the table wrote it where that text alone
    reads back as the rule; else the rule written out (中山西路 with 单号 from the 单双号
    column: 中山西路单号; 五巷 after 夏北大街三巷: 夏北大街5弄), where that reads back."""
    text = rule.source_text or ""
    try:
        stored = stored_fragment(rule)
    except (TypeError, ValueError, KeyError):
        return text  # a detail that cannot be read: the text as the table wrote it
    if _reads_as(text, stored):
        return text
    spelled = cell_text(stored)
    return spelled if _reads_as(spelled, stored) else text


def export_batch_lookup(results: list[LookupResult], path: Path) -> int:
    """批量分单: one row per address with the best courier and how sure the match is.
    A phone typed into an address is masked."""
    rows = []
    for r in results:
        best = r.couriers[0] if r.couriers else None
        note = ""
        if r.ambiguous:
            note = tr("tie between couriers — check")
            tied = [c.name for c in r.couriers if c.score == best.score] if best else []
            if len(tied) > 1:
                note += "：" + "、".join(dict.fromkeys(tied))
        elif best is None:
            note = tr("no match")
        if r.caution:  # a district no table knows: said too, beside a tie
            note = "；".join(filter(None, [note, r.caution]))
        level = best.match.level if best is not None and best.match else "none"
        rows.append(
            [
                mask_phones_in(r.query),
                best.name if best else None,
                best.employee_no if best else None,
                best.phone if best else None,
                best.segment_code if best else None,
                best.rule if best else None,
                r.route.hub if r.route else None,
                r.arrival_days,
                note,
                level_text(level, r.ambiguous, r.caution is not None),
                (best.match.reason if best.match else best.reason) if best else None,
            ]
        )
    headers = [
        "地址",
        "业务员",
        "工号",
        "手机",
        "三段码",
        "匹配规则",
        "分拨中心",
        "时效(天)",
        "备注",
        "匹配程度",
        "匹配说明",
    ]
    return write_table(path, headers, rows, sheet="批量分单")


def _exporter(kind: str) -> Callable[[Session, Path, bool], int]:
    def write(session: Session, path: Path, mask: bool) -> int:
        return export_kind(session, kind, path, mask=mask)

    return write


for _kind in EXPORT_KINDS:
    register_export(ExportKind(_kind, _exporter(_kind)))
