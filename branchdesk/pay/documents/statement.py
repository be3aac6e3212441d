"""The month's statements as an A4 PDF: the team ranking first (when there are several), then
one page per agent with work, quality, attendance, fines, pay and room for signatures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, TableStyle

from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.layout import (
    FRAME_WIDTH,
    MUTED,
    RULE,
    PageSetup,
    Progress,
    counted,
    data_table,
    grid_style,
    para,
    style,
    tagged,
    write_pdf,
)
from branchdesk.io.pdf.layout import drawing as chart_drawing
from branchdesk.pay.rates import Rates, yuan
from branchdesk.pay.service import Statement, owed_note, payable_fen

LINE = colors.HexColor("#3b6ea5")


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{100 * rate:.0f}%"


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def trend(value: float | None) -> str:
    if value is None:
        return "—"
    arrow = "↑" if value > 0 else "↓" if value < 0 else "→"
    return f"{arrow} {value:+.1f}"


def status_text(s: Statement) -> str:
    if s.status == "draft":
        return tr("Draft: not approved yet")
    when = f"{s.approved_at:%Y-%m-%d %H:%M}" if s.approved_at else ""
    text = tr("Approved {when} by {who}", when=when, who=s.approved_by or "—")
    if s.status == "superseded":
        text = tr("Superseded (was: {text})", text=text)
    if s.reissue_reason:
        text += "  " + tr("Reissued: {reason}", reason=s.reissue_reason)
    return text


def _daily_chart(daily: Sequence[tuple[str, float]]) -> Drawing:
    """The month's daily QC averages as a small line (the trend within the month)."""
    font = cjk_font()
    width, height, left, bottom = FRAME_WIDTH, 70.0, 28.0, 14.0
    drawing = chart_drawing(width, height)
    low = min(60.0, min(v for _d, v in daily))
    span = max(1.0, 100.0 - low)
    step = (width - left - 10) / max(1, len(daily) - 1)

    def y(value: float) -> float:
        return bottom + (value - low) / span * (height - bottom - 8)

    for mark in (low, 100.0):
        drawing.add(Line(left, y(mark), width - 10, y(mark), strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(2, y(mark) - 3, f"{mark:g}", fontName=font, fontSize=7, fillColor=MUTED))
    points: list[float] = []
    for n, (_day, value) in enumerate(daily):
        points += [left + n * step, y(value)]
    drawing.add(PolyLine(points, strokeColor=LINE, strokeWidth=1.2))
    for n, (day, value) in enumerate(daily):
        drawing.add(Circle(left + n * step, y(value), 1.6, fillColor=LINE, strokeColor=None))
        if n in (0, len(daily) - 1):
            drawing.add(
                String(
                    left + n * step,
                    2,
                    day[5:],
                    fontName=font,
                    fontSize=7,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    return drawing


def _heading(text: str) -> Flowable:
    return para(text, style("pay-h2", 12, after=1.5 * mm), bold=True)


def _pairs(rows: Sequence[tuple[str, str]]) -> Flowable:
    label = style("pay-label", 10)
    value = style("pay-value", 10, align=TA_RIGHT)
    cells = [[para(k, label), para(v, value, bold=True)] for k, v in rows]
    # No header row here: every row is a figure, so the grid without the header's shading.
    table_style = TableStyle(
        [c for c in grid_style().getCommands() if c[0] not in ("BACKGROUND", "LINEBELOW")]
    )
    return counted(data_table(cells, (FRAME_WIDTH - 150, 150), table_style))


def _pay_table(s: Statement) -> Flowable:
    rates = Rates.from_json(s.rates) if s.rates else Rates()
    head = style("pay-head", 9, align=TA_CENTER)
    cell = style("pay-cell", 9.5)
    number = style("pay-num", 9.5, align=TA_RIGHT)
    rows = [
        [
            para(tr("Item"), head, bold=True),
            para(tr("Count"), head, bold=True),
            para(tr("Rate (元)"), head, bold=True),
            para(tr("Amount (元)"), head, bold=True),
        ]
    ]
    for label, count, rate, amount in (
        (
            tr("Complaints closed"),
            s.complaints_closed,
            rates.per_complaint_fen,
            s.pay_complaints_fen,
        ),
        (
            tr("Work orders closed"),
            s.work_orders_closed,
            rates.per_work_order_fen,
            s.pay_work_orders_fen,
        ),
        (tr("Contacts"), s.contacts, rates.per_contact_fen, s.pay_contacts_fen),
    ):
        rows.append(
            [
                para(label, cell),
                para(str(count), number),
                para(yuan(rate), number),
                para(yuan(amount), number),
            ]
        )
    if s.qc_band:
        rows.append(
            [
                para(tr("QC band {band}", band=s.qc_band), cell),
                para(score(s.qc_average), number),
                para("", number),
                para(yuan(s.qc_band_fen), number),
            ]
        )
    for fine in s.fines:
        rows.append(
            [
                para(tr("Fine: {reason}", reason=fine["reason"]), cell),
                para("", number),
                para("", number),
                para(yuan(-int(fine["amount_fen"])), number),
            ]
        )
    rows.append(
        [
            # Fines larger than the month's pay: what the agent owes, not pay (应扣).
            para(
                tr("Total") if s.total_fen >= 0 else tr("Owed (fines above the pay)"),
                cell,
                bold=True,
            ),
            para(str(s.items), number, bold=True),
            para("", number),
            para(yuan(s.total_fen), number, bold=True),
        ]
    )
    return data_table(rows, (FRAME_WIDTH - 230, 60, 70, 100), grid_style())


def _agent_page(s: Statement) -> list[Flowable]:
    name = s.agent_name + (f"（{s.employee_no}）" if s.employee_no else "")
    story: list[Flowable] = [
        tagged(
            para(
                tr("Pay statement {month} — {agent}", month=s.month, agent=name),
                style("pay-h1", 16, after=1.5 * mm),
                bold=True,
            ),
            topic=s.agent_name,
        ),
        counted(para(status_text(s), style("pay-sub", 9, color=MUTED, after=4 * mm))),
        _heading(tr("Work")),
        _pairs(
            [
                (tr("Complaints closed"), str(s.complaints_closed)),
                (tr("Work orders closed"), str(s.work_orders_closed)),
                (tr("Contacts"), str(s.contacts)),
                (tr("Items handled"), str(s.items)),
                (tr("Closed on time"), f"{s.on_time} / {s.closed}  ({percent(s.on_time_rate)})"),
            ]
        ),
        Spacer(0, 4 * mm),
        _heading(tr("Quality")),
    ]
    if s.qc_available:
        story.append(
            _pairs(
                [
                    (tr("QC average"), score(s.qc_average)),
                    (tr("Items scored"), str(s.qc_scored)),
                    (tr("Change from the month before"), trend(s.qc_trend)),
                    (tr("Coaching open / closed"), f"{s.coaching_open} / {s.coaching_closed}"),
                ]
            )
        )
        if len(s.qc_daily) >= 2:
            label = para(tr("QC average per day"), style("pay-note", 9, color=MUTED, before=2 * mm))
            story.append(counted(KeepTogether([label, _daily_chart(s.qc_daily)])))
    else:
        story.append(counted(para(tr("No QC figures for this month."), style("pay-p", 10))))
    story += [
        Spacer(0, 4 * mm),
        _heading(tr("Attendance")),
        _pairs([(tr("Days at work"), str(s.days)), (tr("Hours"), f"{s.hours:.1f}")]),
        Spacer(0, 4 * mm),
        KeepTogether([_heading(tr("Pay")), _pay_table(s)]),
    ]
    if not s.rates_set:
        story.append(
            counted(
                para(
                    tr("No pay rates were set: pay by volume is 0."),
                    style("pay-note", 9, color=MUTED),
                )
            )
        )
    if s.fines_pending:
        story.append(
            counted(
                para(
                    tr(
                        "{count} fine(s) added after the approval are not on this statement.",
                        count=s.fines_pending,
                    ),
                    style("pay-note", 9, color=MUTED),
                )
            )
        )
    sign = style("pay-sign", 10, before=14 * mm)
    story.append(
        counted(para(tr("Owner: ____________    Agent: ____________    Date: ____________"), sign))
    )
    return story


def _ranking(statements: Sequence[Statement], month: str) -> list[Flowable]:
    head = style("pay-head", 8.5, align=TA_CENTER)
    cell = style("pay-cell", 9)
    number = style("pay-num", 9, align=TA_RIGHT)
    headers = (
        tr("Rank"),
        tr("Agent"),
        tr("Items handled"),
        tr("On time"),
        tr("QC"),
        tr("Days"),
        tr("Pay (元)"),
        tr("Status"),
    )
    rows = [[para(h, head, bold=True) for h in headers]]
    for n, s in enumerate(statements, 1):
        rows.append(
            [
                para(str(n), number),
                para(s.agent_name, cell),
                para(str(s.items), number),
                para(percent(s.on_time_rate), number),
                para(score(s.qc_average), number),
                para(str(s.days), number),
                para(yuan(s.total_fen), number),
                para(status_label(s.status), cell),
            ]
        )
    # What is paid out: an agent whose fines exceed the pay is paid nothing, and what they
    # owe is said apart (netted in, it made the team's pay look smaller than what is paid).
    total = payable_fen(statements)
    note = owed_note(statements)
    owed = [para(note, style("pay-owed", 9, before=1 * mm))] if note else []
    return [
        tagged(
            para(
                tr("Team ranking {month}", month=month),
                style("pay-h1", 16, after=3 * mm),
                bold=True,
            ),
            topic="",
        ),
        data_table(rows, (30, FRAME_WIDTH - 380, 50, 50, 45, 40, 80, 85), grid_style()),
        counted(
            para(
                tr("Total pay: {amount} 元", amount=yuan(total)),
                style("pay-total", 10, before=3 * mm),
                bold=True,
            )
        ),
        *owed,
    ]


def status_label(status: str) -> str:
    return {
        "draft": tr("Draft"),
        "approved": tr("Approved"),
        "superseded": tr("Superseded"),
    }.get(status, status)


def render_statements(
    statements: Sequence[Statement],
    path: Path | str,
    *,
    month: str,
    branch: str = "",
    printed: date,
    progress: Progress | None = None,
) -> int:
    """Write the statements (ranked as given) to `path` (A4 PDF); returns the pages."""
    title = tr("Pay statements {month}", month=month)
    setup = PageSetup(title=title, branch=branch, printed=printed)

    def make_story(_marks: dict[str, int]) -> list[Flowable]:
        story: list[Flowable] = []
        if len(statements) != 1:
            story += _ranking(statements, month)
        if not statements:
            story.append(para(tr("No agents in the team list."), style("pay-p", 11)))
        for s in statements:
            if story:
                story.append(PageBreak())
            story += _agent_page(s)
        return story

    return write_pdf(path, setup, make_story, progress=progress)


register_document(DocumentKind("statement", "pay", render_statements))
