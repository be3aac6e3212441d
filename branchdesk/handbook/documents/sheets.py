"""Vehicle penalty sheets (车载处罚单): one large-type A4 per category for the e-bike box.

A courier reads the sheet at arm's length, so the body starts at 20 pt and only shrinks,
step by step, to 14 pt to keep a category on one page; a category that does not fit even
then runs onto further pages, whole rows only, each page titled "(continued)".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Table

from branchdesk.errors import BranchDeskError
from branchdesk.handbook.entries import Chapter, Entry
from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.layout import (
    ACCENT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MUTED,
    PageSetup,
    Progress,
    data_table,
    fit_row,
    grid_style,
    para,
    row_heights,
    style,
    tagged,
    write_pdf,
)

SIZES = (20.0, 18.0, 16.0, 15.0, 14.0)
FLOOR = SIZES[-1]
# Only for a single item taller than a whole page at the floor size.
TOO_TALL_SIZES = (12.0, 10.0, 9.0)
CAUSE_WIDTH = 132.0
FINE_WIDTH = 118.0
WIDTHS = (CAUSE_WIDTH, FINE_WIDTH, FRAME_WIDTH - CAUSE_WIDTH - FINE_WIDTH)


def _header_row(size: float) -> list[Any]:
    head = style("vs-head", size, align=TA_CENTER)
    return [para(t, head, bold=True) for t in (tr("Cause"), tr("Fine"), tr("How to avoid it"))]


def _entry_row(entry: Entry, size: float, cut: int | None = None) -> list[Any]:
    body = style("vs-body", size)
    fine = style("vs-fine", size + 1, color=ACCENT)
    return [
        para(entry.cause, body, limit=cut),
        para(entry.fine, fine, bold=True, limit=cut),
        para(entry.avoidance, body, limit=cut),
    ]


def _heading(
    category: str, *, continued: bool, branch: str, courier: str | None, printed: date
) -> list[Flowable]:
    title = tr("{category} (continued)", category=category) if continued else category
    facts = []
    if branch:
        facts.append(tr("Branch: {name}", name=branch))
    if courier:
        facts.append(tr("Courier: {name}", name=courier))
    facts.append(tr("Date: {date}", date=printed.isoformat()))
    # A borderless row rather than one paragraph: Paragraph collapses runs of spaces, and
    # the facts need clear gaps between them. Too long for one line (a courier's name typed
    # long): one fact a line, each wrapped within the page, not run off its edge.
    gap = 8 * mm
    if sum(stringWidth(f, cjk_font(), 14) + gap for f in facts) > FRAME_WIDTH:
        fact = style("vs-fact", 14, color=MUTED)
        rows: list[list[Any]] = [[para(f, fact)] for f in facts]
        return [
            tagged(para(title, style("vs-title", 28, after=2 * mm), bold=True), topic=category),
            Table(
                rows,
                colWidths=[FRAME_WIDTH],
                hAlign="LEFT",
                style=[
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm),
                ],
            ),
        ]
    line = Table(
        [facts],
        hAlign="LEFT",
        style=[
            ("FONT", (0, 0), (-1, -1), cjk_font(), 14),
            ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
        ],
    )
    heading = para(title, style("vs-title", 28, after=2 * mm), bold=True)
    return [tagged(heading, topic=category), line]


def _heading_height(flowables: list[Flowable]) -> float:
    return sum(f.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceAfter() for f in flowables)


def _pages(entries: tuple[Entry, ...], room: float) -> list[Table]:
    """The category's table(s): one page at the largest size that fits, else pages at
    the floor size, split between rows."""
    table_style = grid_style()
    for size in SIZES:
        rows = [_header_row(size)] + [_entry_row(e, size) for e in entries]
        heights = row_heights(rows, WIDTHS, table_style)
        if sum(heights) <= room:
            return [data_table(rows, WIDTHS, table_style)]
    limit = room - heights[0]
    for i, entry in enumerate(entries, start=1):
        if heights[i] > limit:
            longest = max(len(entry.cause), len(entry.fine), len(entry.avoidance))
            rows[i] = fit_row(
                partial(_entry_row, entry),
                WIDTHS,
                table_style,
                limit,
                TOO_TALL_SIZES,
                longest,
            )
            heights[i] = min(heights[i], limit)
    # Pack whole rows page by page; every page gets its own header row.
    pages: list[list[list[Any]]] = [[]]
    used = heights[0]
    for row, height in zip(rows[1:], heights[1:], strict=True):
        if pages[-1] and used + height > room:
            pages.append([])
            used = heights[0]
        pages[-1].append(row)
        used += height
    return [data_table([rows[0], *page], WIDTHS, table_style) for page in pages]


def render_vehicle_sheets(
    chapters: Sequence[Chapter],
    path: Path | str,
    *,
    branch: str = "",
    courier: str | None = None,
    printed: date,
    progress: Progress | None = None,
) -> int:
    """Write one large-type sheet per category to `path` (A4 PDF); returns the number of pages.

    Categories without items are left out; none with items raises BranchDeskError.
    """
    chosen = [c for c in chapters if c.entries]
    if not chosen:
        raise BranchDeskError(
            tr("There is nothing to print: the chosen categories have no items. Add items first.")
        )
    setup = PageSetup(title=tr("Vehicle penalty sheet"), branch=branch, printed=printed)

    def make_story(marks: dict[str, int]) -> list[Flowable]:
        story: list[Flowable] = []
        for chapter in chosen:
            heading = partial(
                _heading, chapter.name, branch=branch, courier=courier, printed=printed
            )
            tallest = max(_heading_height(heading(continued=c)) for c in (False, True))
            for k, table in enumerate(_pages(chapter.entries, FRAME_HEIGHT - tallest - 2)):
                if story:
                    story.append(PageBreak())
                story += heading(continued=k > 0)
                story.append(table)
        return story

    return write_pdf(path, setup, make_story, progress=progress)


register_document(DocumentKind("sheet", "handbook", render_vehicle_sheets))
