"""Problem-parcel slips (问题件提醒单) as an A4 PDF: one section per courier, each starting
on a new page so a courier takes away only his own sheets.

A section is a heading (courier, phone, parcels per problem, date, source list), a table
with a box to tick per parcel, the waybill number in large type, the problem, address,
recipient and phone (masked by default), a blank "result" column to write in, and a
signature line. Rows are never split; a section running onto more sheets repeats its
heading as "(continued)" and its table header, and the signature never stands alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from branchdesk.complaints.slip_entries import AMBIGUOUS, CourierSlip, SlipLine, kind_label
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.layout import (
    ACCENT,
    CELL_PAD_X,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    INK,
    MUTED,
    NOTICE_FILL,
    NOTICE_RULE,
    PageSetup,
    Progress,
    data_table,
    fit_row,
    grid_style,
    para,
    row_heights,
    style,
    table_font,
    tagged,
    write_pdf,
)
from branchdesk.privacy import mask_name, mask_phone, mask_phones_in

BODY = 10.0
NUMBER_SIZE = 13.5  # the waybill number: read at arm's length, typed into the handheld
NUMBER_MIN = 9.0
# Only for a row taller than a page (an address pasted with a whole note): smaller, then cut.
TOO_TALL_SIZES = (8.5, 7.5)
BOX = 5.2 * mm
ROW_MIN = 11 * mm  # room to write a word or two in the result column
BOX_WIDTH = 10 * mm
NUMBER_WIDTH = 45 * mm
PROBLEM_WIDTH = 24 * mm
PERSON_WIDTH = 26 * mm
RESULT_WIDTH = 30 * mm
ADDRESS_WIDTH = FRAME_WIDTH - BOX_WIDTH - NUMBER_WIDTH - PROBLEM_WIDTH - PERSON_WIDTH - RESULT_WIDTH
WIDTHS = (BOX_WIDTH, NUMBER_WIDTH, PROBLEM_WIDTH, ADDRESS_WIDTH, PERSON_WIDTH, RESULT_WIDTH)
CHECK_MARK = "✓"  # in the embedded font; ☐ (U+2610) is not, so boxes are drawn


class CheckBox(Flowable):
    """An empty square to tick, drawn as a line (the font has no ☐), at least a row high."""

    def __init__(self, size: float = BOX, height: float = ROW_MIN) -> None:
        super().__init__()
        self.size = size
        self.min_height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.size
        self.height = max(self.size, self.min_height - 8)  # the cell's padding adds the rest
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.1)
        canv.rect(0, (self.height - self.size) / 2, self.size, self.size, stroke=1, fill=0)
        canv.restoreState()


def _header_row() -> list[Any]:
    head = style("sl-head", BODY, align=TA_CENTER)
    labels = (
        CHECK_MARK,
        tr("Waybill no."),
        tr("Problem"),
        tr("Address"),
        tr("Recipient / phone"),
        tr("Result"),
    )
    return [para(label, head, bold=True) for label in labels]


def _number_size(number: str) -> float:
    """The largest size up to NUMBER_SIZE at which the number fits its column on one line."""
    room = NUMBER_WIDTH - 2 * CELL_PAD_X - 1
    width = stringWidth(number, cjk_font(), 1.0)
    if width <= 0:
        return NUMBER_SIZE
    return max(NUMBER_MIN, min(NUMBER_SIZE, room / width))


def _line_row(line: SlipLine, mask: bool, size: float = BODY, cut: int | None = None) -> list[Any]:
    body = style("sl-body", size)
    small = style("sl-small", max(6.0, size - 1.5), color=MUTED, before=1)
    number_size = _number_size(line.waybill) if size == BODY else size + 1
    number = para(line.waybill, style("sl-number", number_size), bold=True)
    problem: list[Flowable] = [para(line.problem or "—", body, limit=cut)]
    if line.date is not None:
        problem.append(para(line.date.isoformat(), small))
    shown_address = mask_phones_in(line.address) if mask else (line.address or "")
    address: list[Flowable] = [para(shown_address, body, limit=cut)]
    if line.how == AMBIGUOUS and line.candidates:
        note = style("sl-check", max(6.0, size - 0.5), color=ACCENT, before=1)
        names = " / ".join(line.candidates)
        address.append(para(tr("To check: {names}", names=names), note, bold=True))
    recipient = mask_name(line.recipient) if mask else (line.recipient or "")
    phone = mask_phone(line.phone) if mask else (line.phone or "")
    person = para("\n".join(p for p in (recipient, phone) if p), body, limit=cut)
    return [CheckBox(), number, problem, address, person, ""]


def _table_style() -> Any:
    table_style = grid_style()
    table_style.add("VALIGN", (0, 1), (-1, -1), "MIDDLE")
    table_style.add("ALIGN", (0, 0), (0, -1), "CENTER")
    return table_style


def _facts(slip: CourierSlip, printed: date, source: str) -> str:
    parts = []
    if slip.phone:
        parts.append(tr("Phone: {phone}", phone=slip.phone))
    counts = slip.counts()
    kinds = "、".join(f"{kind_label(k)} {n}" for k, n in counts.items())
    parts.append(tr("{count} parcel(s) ({kinds})", count=len(slip.lines), kinds=kinds))
    parts.append(tr("Date: {date}", date=printed.isoformat()))
    if source:
        parts.append(tr("List: {file}", file=source))
    return "  ·  ".join(parts)


def _title(slip: CourierSlip) -> str:
    return slip.courier if slip.courier is not None else tr("Unmatched parcels")


def _heading(
    slip: CourierSlip, *, sheet: int, sheets: int, printed: date, source: str
) -> list[Flowable]:
    title = _title(slip)
    if sheet > 1:
        title = tr("{category} (continued)", category=title)
    name = para(title, style("sl-title", 24), bold=True)
    count = (
        para(
            tr("Sheet {sheet} of {sheets}", sheet=sheet, sheets=sheets),
            style("sl-sheet", 11, color=MUTED, align=TA_RIGHT),
        )
        if sheets > 1
        else ""
    )
    top = Table(
        [[name, count]],
        colWidths=[FRAME_WIDTH - 45 * mm, 45 * mm],
        style=[
            table_font(),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ],
        hAlign="LEFT",
    )
    flowables: list[Flowable] = [
        tagged(top, topic=_title(slip)),
        para(_facts(slip, printed, source), style("sl-facts", 11, color=MUTED, after=2 * mm)),
    ]
    if sheet == 1:
        if slip.courier is None:
            note = tr(
                "No courier was found for these parcels. Check each address, write the "
                "courier's name under Result and pass the parcel on."
            )
        else:
            note = tr(
                "Handle each parcel today: tick its box, write what was done under Result, "
                "then sign below and hand this slip back to the office."
            )
        box = Table(
            [[para(note, style("sl-note", 10.5))]],
            colWidths=[FRAME_WIDTH],
            style=[
                table_font(),
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, NOTICE_RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ],
            hAlign="LEFT",
        )
        flowables += [box, Spacer(1, 3 * mm)]
    return flowables


def _signature(slip: CourierSlip) -> Table:
    who = tr("Courier's signature") if slip.courier is not None else tr("Checked by")
    label = style("sl-sign", 11)
    cells = [
        para(who, label),
        "",
        para(tr("Handed back on"), label),
        "",
    ]
    return Table(
        [cells],
        colWidths=[40 * mm, 60 * mm, 42 * mm, FRAME_WIDTH - 142 * mm],
        rowHeights=[12 * mm],
        style=[
            table_font(),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
            ("LINEBELOW", (3, 0), (3, 0), 0.8, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (2, 0), (2, 0), 6 * mm),  # apart from the signature's line
            ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
        hAlign="LEFT",
    )


def _height(flowables: Sequence[Flowable]) -> float:
    return sum(
        f.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        for f in flowables
    )


def _section(
    slip: CourierSlip, *, printed: date, source: str, mask: bool, gap: float
) -> list[Flowable]:
    """One courier's sheets: whole rows packed page by page, the signature on the last."""
    table_style = _table_style()
    header = _header_row()
    rows = [_line_row(line, mask) for line in slip.lines]
    heights = row_heights([header, *rows], WIDTHS, table_style)
    head_h, heights = heights[0], heights[1:]
    heading = partial(_heading, slip, printed=printed, source=source)
    first_room = FRAME_HEIGHT - _height(heading(sheet=1, sheets=2)) - gap
    next_room = FRAME_HEIGHT - _height(heading(sheet=2, sheets=2)) - gap
    signature = _signature(slip)
    sign_h = _height([Spacer(1, 4 * mm), signature])
    limit = min(first_room, next_room) - head_h - sign_h
    for i, line in enumerate(slip.lines):
        if heights[i] > limit:
            longest = max(len(line.address or ""), len(line.problem), len(line.recipient or ""))
            rows[i] = fit_row(
                partial(_line_row, line, mask),
                WIDTHS,
                table_style,
                limit,
                TOO_TALL_SIZES,
                longest,
            )
            heights[i] = row_heights([rows[i]], WIDTHS, table_style)[0]
    pages: list[list[int]] = [[]]
    used = head_h
    room = first_room
    for i, height in enumerate(heights):
        if pages[-1] and used + height > room:
            pages.append([])
            used = head_h
            room = next_room
        pages[-1].append(i)
        used += height
    if used + sign_h > room and len(pages[-1]) > 1:
        # The signature would stand alone: take the last row over with it.
        pages.append([pages[-1].pop()])
    elif used + sign_h > room:
        pages.append([])
    story: list[Flowable] = []
    for n, page in enumerate(pages, start=1):
        if n > 1:
            story.append(PageBreak())
        story += heading(sheet=n, sheets=len(pages))
        if page:
            story.append(data_table([header, *(rows[i] for i in page)], WIDTHS, table_style))
    story += [Spacer(1, 4 * mm), signature]
    return story


def render_slips(
    slips: Sequence[CourierSlip],
    path: Path | str,
    *,
    branch: str = "",
    printed: date,
    source: str = "",
    mask: bool = True,
    progress: Progress | None = None,
) -> int:
    """Write one section per courier (unmatched last, as given) to `path`; returns pages.

    `mask` prints recipients' names and phones masked (张**, 138****1234); raises
    BranchDeskError when there is no parcel to print.
    """
    chosen = [s for s in slips if s.lines]
    if not chosen:
        raise BranchDeskError(tr("There are no problem parcels to print."))
    setup = PageSetup(
        title=tr("Problem-parcel slips"), branch=branch, printed=printed, footer_note=source
    )

    def make_story(marks: dict[str, int]) -> list[Flowable]:
        story: list[Flowable] = []
        for slip in chosen:
            if story:
                story.append(PageBreak())
            story += _section(slip, printed=printed, source=source, mask=mask, gap=2)
        return story

    return write_pdf(path, setup, make_story, progress=progress)


register_document(DocumentKind("slips", "complaints", render_slips))
