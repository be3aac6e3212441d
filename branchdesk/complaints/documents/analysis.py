"""The month's complaint analysis (投诉月报) as an A4 PDF: figures, bar charts, tables.

Charts are reportlab drawings set in the same CJK font, so the printed month report looks
like the analysis page and its text stays searchable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from branchdesk.complaints.analysis import Count, MonthReport
from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.layout import (
    FRAME_WIDTH,
    MUTED,
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
from branchdesk.privacy import mask_name, mask_phone

BAR = colors.HexColor("#3b6ea5")
MAX_BARS = 12


def _heading(text: str) -> Flowable:
    return para(text, style("an-h2", 13, after=2 * mm), bold=True)


def _bars(counts: Sequence[Count], *, horizontal: bool = True) -> Drawing:
    """A bar chart of the largest `MAX_BARS` counts (the rest summed as 其他)."""
    font = cjk_font()
    items = list(counts[:MAX_BARS])
    rest = sum(c.count for c in counts[MAX_BARS:])
    if rest:
        items.append(Count(tr("others"), rest))
    labels = [c.label for c in items]
    values = [c.count for c in items]
    if horizontal:
        # Room below the bars for the value axis' numbers: at y=10 they hung below the
        # drawing, under the table that follows it.
        height = 14 * len(items) + 34
        drawing = chart_drawing(FRAME_WIDTH, height)
        chart = HorizontalBarChart()
        chart.x, chart.y = 90, 20
        chart.width, chart.height = FRAME_WIDTH - 130, height - 30
        chart.data = [list(reversed(values))]
        chart.categoryAxis.categoryNames = list(reversed(labels))
        chart.categoryAxis.labels.fontName = font
        chart.categoryAxis.labels.fontSize = 8
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.valueAxis.labels.fontName = font
        chart.valueAxis.labels.fontSize = 7
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 7
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    else:
        height = 150
        drawing = chart_drawing(FRAME_WIDTH, height)
        chart = VerticalBarChart()
        chart.x, chart.y = 30, 30
        chart.width, chart.height = FRAME_WIDTH - 40, height - 45
        chart.data = [values]
        chart.categoryAxis.categoryNames = labels
        chart.categoryAxis.labels.fontName = font
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.angle = 0
        chart.valueAxis.labels.fontName = font
        chart.valueAxis.labels.fontSize = 7
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 7
        chart.barLabels.dy = 4
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    top = max(values, default=0)
    chart.valueAxis.valueMax = max(1, int(top * 1.15) + 1)
    chart.valueAxis.valueStep = max(1, (chart.valueAxis.valueMax // 5) or 1)
    drawing.add(chart)
    if not values:
        drawing.add(String(FRAME_WIDTH / 2, height / 2, tr("none"), fontName=font, fontSize=9))
    return drawing


def _shares(counts: Sequence[int], total: int) -> list[str]:
    """Percentages of `total` to one decimal: whole ones summed to 103% (28+11+11+11+6×7) and
    made a reader doubt the figures; equal counts keep equal shares."""
    return [f"{100 * c / total:.1f}%" if total else "—" for c in counts]


def _count_table(counts: Sequence[Count], label: str, total: int) -> Flowable:
    head = style("an-head", 9, align=TA_CENTER)
    cell = style("an-cell", 9)
    number = style("an-num", 9, align=TA_RIGHT)
    rows = [
        [
            para(label, head, bold=True),
            para(tr("Complaints"), head, bold=True),
            para(tr("Share"), head, bold=True),
        ]
    ]
    for c, share in zip(counts, _shares([c.count for c in counts], total), strict=True):
        rows.append([para(c.label, cell), para(str(c.count), number), para(share, number)])
    return data_table(rows, (FRAME_WIDTH - 140, 70, 70), grid_style())


def render_month_report(
    report: MonthReport,
    path: Path | str,
    *,
    branch: str = "",
    printed: date,
    progress: Progress | None = None,
) -> int:
    """Write the month's analysis to `path` (A4 PDF); returns the number of pages."""
    month = tr("{year}-{month:02d}", year=report.year, month=report.month)
    title = tr("Complaint report {month}", month=month)
    setup = PageSetup(title=title, branch=branch, printed=printed)

    def make_story(marks: dict[str, int]) -> list[Flowable]:
        story: list[Flowable] = [
            tagged(para(title, style("an-h1", 18, after=1.5 * mm), bold=True), topic=""),
            counted(
                para(
                    tr(
                        "As of {when}. Customers' phones and names are masked.",
                        when=f"{report.as_of:%Y-%m-%d %H:%M}",
                    ),
                    style("an-sub", 9, color=MUTED, after=4 * mm),
                )
            ),
        ]
        received = report.received
        rate = f"{100 * report.overdue / received:.1f}%" if received else "—"
        ct = report.close_times
        median = (
            tr("{hours} h", hours=f"{ct.median_hours:.1f}") if ct.median_hours is not None else "—"
        )
        figures = [
            (tr("Received"), str(received)),
            (tr("Still open"), str(report.still_open)),
            (tr("Overdue (closed late or open past due)"), f"{report.overdue}  ({rate})"),
            (tr("Closed in the month"), str(ct.closed)),
            (tr("Median time to close"), median),
            (
                tr("Closed within 24 h / 24–72 h / later"),
                f"{ct.within_day} / {ct.within_three_days} / {ct.longer}",
            ),
            (tr("Compensation paid"), f"{report.compensation_fen / 100:.2f} 元"),
        ]
        label = style("an-label", 10)
        value = style("an-value", 10, align=TA_RIGHT)
        rows = [[para(k, label), para(v, value, bold=True)] for k, v in figures]
        story.append(counted(data_table(rows, (FRAME_WIDTH - 150, 150), grid_style())))
        if not received:
            story.append(Spacer(0, 6 * mm))
            story.append(para(tr("No complaints were received this month."), style("an-p", 11)))
            return story
        for heading, counts, name in (
            (tr("By category"), report.by_category, tr("Category")),
            (tr("By courier"), report.by_courier, tr("Courier")),
            (tr("By channel"), report.by_channel, tr("Channel")),
        ):
            story.append(Spacer(0, 5 * mm))
            story.append(counted(KeepTogether([_heading(heading), _bars(counts)])))
            story.append(counted(_count_table(counts, name, received)))
        trend = [Count(f"{p.month}月", p.count) for p in report.trend]
        story.append(Spacer(0, 5 * mm))
        story.append(
            counted(KeepTogether([_heading(tr("Last 12 months")), _bars(trend, horizontal=False)]))
        )
        head = style("an-head", 9, align=TA_CENTER)
        cell = style("an-cell", 9)
        if report.repeat_complainants:
            story.append(Spacer(0, 5 * mm))
            story.append(_heading(tr("Repeat complainants")))
            rows = [
                [
                    para(t, head, bold=True)
                    for t in (tr("Phone"), tr("Customer"), tr("Complaints"), tr("Tickets"))
                ]
            ]
            for r in report.repeat_complainants:
                rows.append(
                    [
                        para(mask_phone(r.phone), cell),
                        para(mask_name(r.customer_name), cell),
                        para(str(r.count), cell),
                        para("、".join(r.tickets), cell),
                    ]
                )
            story.append(counted(data_table(rows, (90, 60, 50, FRAME_WIDTH - 200), grid_style())))
        if report.repeat_waybills:
            story.append(Spacer(0, 5 * mm))
            story.append(_heading(tr("Waybills complained about more than once")))
            rows = [
                [
                    para(t, head, bold=True)
                    for t in (tr("Waybill no."), tr("Courier"), tr("Complaints"), tr("Tickets"))
                ]
            ]
            for w in report.repeat_waybills:
                rows.append(
                    [
                        para(w.waybill_no, cell),
                        para(w.courier_name or "—", cell),
                        para(str(w.count), cell),
                        para("、".join(w.tickets), cell),
                    ]
                )
            story.append(counted(data_table(rows, (110, 60, 50, FRAME_WIDTH - 220), grid_style())))
        return story

    return write_pdf(path, setup, make_story, progress=progress)


register_document(DocumentKind("analysis", "complaints", render_month_report))
