"""Excel exports of the complaint log: every complaint of a month (or all), and the month's
analysis as a workbook of sheets. Customers' phones are masked (138****1234) by default.

The files are read by the branch and HQ in Chinese, like the other exports, whatever language
the program is shown in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from branchdesk.complaints.analysis import (
    FAST_HOURS,
    SLOW_HOURS,
    Count,
    MonthReport,
    month_bounds,
)
from branchdesk.complaints.models import Complaint
from branchdesk.complaints.service import category_tree
from branchdesk.complaints.service import now as local_now
from branchdesk.complaints.workflow import (
    CALLBACK,
    CLOSED,
    ESCALATED,
    NEW,
    OPEN_STATUSES,
    PROCESSING,
    status_label,
)
from branchdesk.i18n import tr
from branchdesk.io.export import ExportKind, Written, register_export, write_sheets, write_table
from branchdesk.privacy import mask_phone, mask_phones_in, require_full_phones

COMPLAINT_HEADERS = [
    "工单号",
    "总部工单号",
    "接收时间",
    "渠道",
    "分类",
    "运单号",
    "客户",
    "电话",
    "地址",
    "业务员",
    "状态",
    "处理时限",
    "结案时间",
    "是否超时",
    "处理结果",
    "赔偿金额(元)",
    "合并到",
]

# The workflow's names as the branch and HQ use them (the 新建 → … → 已结案).
STATUS_ZH = {
    NEW: "新建",
    PROCESSING: "处理中",
    ESCALATED: "已升级",
    CALLBACK: "待回访",
    CLOSED: "已结案",
}


def status_zh(status: str) -> str:
    return STATUS_ZH.get(status) or status_label(status)


def _as_is(text: str | None) -> str:
    return text or ""


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def export_complaints(
    session: Session,
    path: Path,
    *,
    year: int | None = None,
    month: int | None = None,
    mask: bool = True,
    at: datetime | None = None,
) -> int:
    """One row per complaint received in `year`-`month` (every complaint when both are None),
    oldest first, merged duplicates included with the ticket they were merged into.
    Returns the number of complaints written."""
    if (year is None) != (month is None):
        raise ValueError("give both year and month, or neither")
    if not mask:
        require_full_phones(
            session, tr("Complaints exported with full phone numbers to {file}", file=path.name)
        )
    shown = mask_phones_in if mask else _as_is
    at = at or local_now()
    paths = {c.id: c.path for c in category_tree(session)}
    target = aliased(Complaint)
    query = select(Complaint, target.ticket_no).outerjoin(
        target, Complaint.merged_into_id == target.id
    )
    if year is not None and month is not None:
        start, end = month_bounds(year, month)
        query = query.where(Complaint.received_at >= start, Complaint.received_at < end)
    query = query.order_by(Complaint.received_at, Complaint.id).execution_options(yield_per=2000)

    def rows() -> Iterator[list[object]]:
        for c, merged_into in session.execute(query):
            if c.merged_into_id is not None:
                late = ""  # not followed any more: its deadline went to the one it joined
            elif c.closed_at is not None:
                late = "是" if c.closed_at > c.due_at else "否"
            else:
                late = "是" if c.status in OPEN_STATUSES and c.due_at < at else "否"
            yield [
                c.ticket_no,
                c.hq_order_no,
                c.received_at,
                c.channel,
                paths.get(c.category_id, ""),
                c.waybill_no,
                shown(c.customer_name),
                mask_phone(c.phone) if mask else c.phone,
                shown(c.address),
                c.courier_name,
                status_zh(c.status),
                c.due_at,
                c.closed_at,
                late,
                shown(c.resolution),
                _yuan(c.compensation_fen),
                merged_into,
            ]

    return write_table(path, COMPLAINT_HEADERS, rows(), sheet="投诉明细")


def _share(n: int, total: int) -> str:
    return f"{n / total:.1%}" if total else ""


def _counts(counts: Sequence[Count]) -> list[list[object]]:
    total = sum(c.count for c in counts)
    return [[c.label, c.count, _share(c.count, total)] for c in counts]


def _hours(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)


def export_month_report(report: MonthReport, path: Path) -> Written:
    """The month's analysis as one workbook: 概览 / 按分类 / 按业务员 / 按渠道 / 重复投诉 /
    12个月趋势. Phones are always masked: the file is passed around."""
    times = report.close_times
    rate = report.overdue_rate
    overview: list[list[object]] = [
        ["月份", report.label],
        ["接收投诉（件）", report.received],
        ["其中仍未结案（件）", report.still_open],
        ["本月结案（件）", times.closed],
        ["超时（件）", report.overdue],
        ["超时率", "" if rate is None else f"{rate:.1%}"],
        ["结案时长中位数（小时）", _hours(times.median_hours)],
        ["结案时长平均（小时）", _hours(times.mean_hours)],
        [f"{FAST_HOURS}小时内结案（件）", times.within_day],
        [f"{FAST_HOURS}–{SLOW_HOURS}小时结案（件）", times.within_three_days],
        [f"超过{SLOW_HOURS}小时结案（件）", times.longer],
        ["赔偿合计（元）", float(report.compensation_yuan)],
        ["重复投诉人（个）", len(report.repeat_complainants)],
        ["重复投诉运单（个）", len(report.repeat_waybills)],
    ]
    overview += [[f"状态：{status_zh(c.label)}", c.count] for c in report.by_status]
    overview.append(["统计时间", report.as_of.strftime("%Y-%m-%d %H:%M")])

    total = report.received
    categories = [
        [c.top, c.sub or "", c.count, _share(c.count, total)] for c in report.by_subcategory
    ]
    repeats: list[list[object]] = [
        ["投诉人", mask_phone(r.phone), r.customer_name, r.count, "、".join(r.tickets)]
        for r in report.repeat_complainants
    ]
    repeats += [
        [
            "运单",
            w.waybill_no,
            w.courier_name,
            w.count,
            "、".join(w.tickets) + (f"（其中合并 {w.merged} 件）" if w.merged else ""),
        ]
        for w in report.repeat_waybills
    ]
    trend = [[p.label, p.count] for p in report.trend]
    return write_sheets(
        path,
        [
            ("概览", ["项目", "数值"], overview),
            ("按分类", ["大类", "小类", "件数", "占比"], categories),
            ("按业务员", ["业务员", "件数", "占比"], _counts(report.by_courier)),
            ("按渠道", ["渠道", "件数", "占比"], _counts(report.by_channel)),
            ("重复投诉", ["类型", "电话/运单号", "客户/业务员", "次数", "工单号"], repeats),
            ("12个月趋势", ["月份", "件数"], trend),
        ],
    )


# Customers' phones are masked (138****1234) unless the owner asks: an export leaves the office.
register_export(
    ExportKind(
        "complaints", lambda session, path, mask: export_complaints(session, path, mask=mask)
    )
)
