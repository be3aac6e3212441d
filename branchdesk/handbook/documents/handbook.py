"""The full penalty handbook (处罚手册) as an A4 PDF: cover, contents, a table per category."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

from branchdesk.handbook.entries import Entry, Handbook
from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.layout import (
    ACCENT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LIGHT_RULE,
    MUTED,
    NOTICE_FILL,
    NOTICE_RULE,
    PageSetup,
    Progress,
    centered,
    data_table,
    grid_style,
    para,
    row_heights,
    style,
    table_font,
    tagged,
    write_pdf,
)

BODY = 9.5
# Only for a single item too long for a page: set smaller until it fits (else it runs on).
TOO_TALL_SIZES = (8.5, 7.5, 6.5, 6.0)
NUMBER_WIDTH = 30.0
CAUSE_WIDTH = 92.0
FINE_WIDTH = 70.0
TEXT_WIDTH = (FRAME_WIDTH - NUMBER_WIDTH - CAUSE_WIDTH - FINE_WIDTH) / 2
WIDTHS = (NUMBER_WIDTH, CAUSE_WIDTH, FINE_WIDTH, TEXT_WIDTH, TEXT_WIDTH)
FLAG = "※"


def _header_row() -> list[Any]:
    head = style("hb-head", BODY, align=TA_CENTER)
    labels = (tr("#"), tr("Cause"), tr("Fine"), tr("Operating standard"), tr("How to avoid it"))
    return [para(label, head, bold=True) for label in labels]


def _entry_row(number: int, entry: Entry, size: float = BODY) -> list[Any]:
    body = style("hb-body", size)
    cause: list[Flowable] = [para(entry.cause, body)]
    if entry.hq_code:
        code = style("hb-code", max(5.5, size - 2), color=MUTED, before=1)
        cause.append(para(tr("HQ code {code}", code=entry.hq_code), code))
    fine = f"{entry.fine} {FLAG}" if entry.fine_flagged else entry.fine
    return [
        para(str(number), style("hb-number", size, align=TA_CENTER, color=MUTED)),
        cause,
        para(fine, style("hb-fine", size, color=ACCENT)),
        para(entry.standard, body),
        para(entry.avoidance, body),
    ]


def _chapter_heading(index: int, name: str) -> Flowable:
    heading = para(f"{index}  {name}", style("hb-h2", 15, after=2 * mm), bold=True)
    return tagged(heading, mark=f"chapter-{index}", topic=name)


# An item too long for a page runs on in pieces of about this many characters (a third of a
# page in a text column): each piece a row of its own, laid out once, so a 30,000-character
# standard takes seconds, not the minutes of one row split again at every page.
PIECE_CHARS = 300
PIECE_LINES = 25
_SENTENCE_ENDS = "\n。；;！？!?"


def _pieces(text: str) -> list[str]:
    """`text` in pieces of at most PIECE_CHARS characters and PIECE_LINES lines, each cut
    after a line or a sentence where one ends in its second half."""
    rest = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    pieces: list[str] = []
    while len(rest) > PIECE_CHARS or rest.count("\n") >= PIECE_LINES:
        window = rest[:PIECE_CHARS]
        lines = window.split("\n")
        if len(lines) > PIECE_LINES:
            window = "\n".join(lines[:PIECE_LINES])
        cut = max(window.rfind(mark) for mark in _SENTENCE_ENDS) + 1
        if cut <= len(window) // 2:
            cut = len(window)
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return [*pieces, rest] if rest or not pieces else pieces


def _body_style(table_style: TableStyle) -> TableStyle:
    """The grid without its header row's fill and rule: for the rows that continue an item."""
    header = ((0, 0), (-1, 0))
    return TableStyle([c for c in table_style.getCommands() if tuple(c[1:3]) != header])


def _running_on(
    number: int, entry: Entry, header: list[Any], table_style: TableStyle
) -> list[Table]:
    """An item too long for a page even in small type, as tables of one piece each: the
    first with the header, number, cause and fine, the others carrying on its standard and
    how to avoid it. Every word is printed; a page ends between pieces."""
    body = style("hb-body", BODY)
    standard, avoidance = _pieces(entry.standard), _pieces(entry.avoidance)
    first = _entry_row(number, entry)
    first[3:] = [para(standard[0], body), para(avoidance[0], body)]
    tables = [
        Table(
            [header, first],
            colWidths=list(WIDTHS),
            style=table_style,
            repeatRows=1,
            splitByRow=1,
            splitInRow=1,  # a cause and fine of 200 characters each still fit; never fails
            hAlign="LEFT",
        )
    ]
    rest = _body_style(table_style)
    for n in range(1, max(len(standard), len(avoidance))):
        cells = [
            para(pieces[n], body) if n < len(pieces) else "" for pieces in (standard, avoidance)
        ]
        tables.append(
            Table(
                [["", "", "", *cells]],
                colWidths=list(WIDTHS),
                style=rest,
                splitInRow=1,
                hAlign="LEFT",
            )
        )
    return tables


def _chapter_tables(
    first_number: int, entries: tuple[Entry, ...], room: float
) -> tuple[list[Table], float]:
    """The category's table(s) and the height of the header and the first row.

    An item taller than `room` (a page minus the heading and the header row) is set smaller
    so that it fits on a page; one too long even at the smallest size runs on over the pages
    in pieces (see _running_on), so no row is cut short and the others are never split."""
    table_style = grid_style()
    rows = [_header_row()]
    rows += [_entry_row(first_number + i, e) for i, e in enumerate(entries)]
    heights = row_heights(rows, WIDTHS, table_style)
    limit = room - heights[0]
    flowing: set[int] = set()
    for i, entry in enumerate(entries, start=1):
        if heights[i] > limit:
            for size in TOO_TALL_SIZES:
                smaller = _entry_row(first_number + i - 1, entry, size)
                if row_heights([smaller], WIDTHS, table_style)[0] <= limit:
                    rows[i] = smaller
                    break
            else:
                flowing.add(i)  # in the body size: it takes pages anyway
        heights[i] = min(heights[i], limit)
    tables: list[Table] = []
    plain: list[list[Any]] = []
    for i in range(1, len(rows)):
        if i not in flowing:
            plain.append(rows[i])
            continue
        if plain:
            tables.append(data_table([rows[0], *plain], WIDTHS, table_style))
            plain = []
        tables += _running_on(first_number + i - 1, entries[i - 1], rows[0], table_style)
    if plain:
        tables.append(data_table([rows[0], *plain], WIDTHS, table_style))
    return tables, heights[0] + heights[1]


def _cover(book: Handbook) -> list[Flowable]:
    entries = [e for c in book.chapters for e in c.entries]
    story: list[Flowable] = [Spacer(0, 40 * mm)]
    story.append(para(tr("Penalty handbook"), centered("hb-title", 34, after=5 * mm), bold=True))
    if book.branch:
        story.append(para(book.branch, centered("hb-branch", 18, color=MUTED)))
    story.append(Spacer(0, 16 * mm))
    label = style("hb-label", 11, color=MUTED, align=TA_RIGHT)
    value = style("hb-value", 11)
    info = [
        (tr("Branch"), book.branch or "—"),
        (tr("Version"), book.version or "—"),
        (tr("Printed"), book.printed.isoformat()),
        (tr("Categories"), str(len(book.chapters))),
        (tr("Items"), str(len(entries))),
    ]
    table = Table(
        [[para(k, label), para(v, value)] for k, v in info],
        colWidths=[70, 170],
        hAlign="CENTER",
        style=[
            table_font(),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, LIGHT_RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (1, 0), (1, -1), 10),
        ],
    )
    story.append(table)
    if book.is_sample:
        notice = Table(
            [
                [
                    para(
                        tr("Sample handbook"),
                        style("hb-notice-h", 13, color=NOTICE_RULE),
                        bold=True,
                    )
                ],
                [
                    para(
                        tr(
                            "Every item in this handbook is an example. Replace them with your "
                            "branch's own HQ rules and fines before you print it for staff."
                        ),
                        style("hb-notice", 11),
                    )
                ],
            ],
            colWidths=[120 * mm],
            hAlign="CENTER",
            style=[
                table_font(),
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                ("BOX", (0, 0), (-1, -1), 1.2, NOTICE_RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (0, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
            ],
        )
        story += [Spacer(0, 14 * mm), notice]
    if any(e.fine_flagged for e in entries):
        story += [
            Spacer(0, 10 * mm),
            para(
                tr(
                    "{flag} The fine of a marked item is printed as written in the source; "
                    "check it against HQ's current rules.",
                    flag=FLAG,
                ),
                centered("hb-flag-note", 9, color=MUTED),
            ),
        ]
    story.append(PageBreak())
    return story


def _contents(book: Handbook, marks: dict[str, int]) -> list[Flowable]:
    heading = tagged(para(tr("Contents"), style("hb-h1", 18, after=5 * mm), bold=True), topic="")
    cell = style("hb-toc", 11)
    right = style("hb-toc-r", 11, align=TA_RIGHT)
    muted = style("hb-toc-n", 11, color=MUTED, align=TA_RIGHT)
    rows = []
    for i, chapter in enumerate(book.chapters, start=1):
        page = marks.get(f"chapter-{i}")
        rows.append(
            [
                para(str(i), muted),
                para(chapter.name, cell),
                para(tr("{count} items", count=len(chapter.entries)), muted),
                para("" if page is None else str(page), right),
            ]
        )
    if not rows:
        return [heading, para(tr("The handbook has no items yet."), cell), PageBreak()]
    table = Table(
        rows,
        colWidths=[28, FRAME_WIDTH - 28 - 90 - 50, 90, 50],
        hAlign="LEFT",
        style=[
            table_font(),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, LIGHT_RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )
    return [heading, table, PageBreak()]


def render_handbook(book: Handbook, path: Path | str, *, progress: Progress | None = None) -> int:
    """Write the whole handbook to `path` (A4 PDF); returns the number of pages."""
    title = tr("Penalty handbook (sample)") if book.is_sample else tr("Penalty handbook")
    setup = PageSetup(
        title=title,
        branch=book.branch,
        printed=book.printed,
        footer_note=tr("Version {version}", version=book.version) if book.version else "",
        cover=True,
    )

    def make_story(marks: dict[str, int]) -> list[Flowable]:
        story = _cover(book) + _contents(book, marks)
        number = 1
        for index, chapter in enumerate(book.chapters, start=1):
            heading = _chapter_heading(index, chapter.name)
            _, heading_height = heading.wrap(FRAME_WIDTH, FRAME_HEIGHT)
            heading_height += heading.getSpaceAfter()
            if not chapter.entries:
                empty = para(tr("No items in this category."), style("hb-empty", BODY, color=MUTED))
                story += [
                    CondPageBreak(heading_height + 20 * mm),
                    heading,
                    empty,
                    Spacer(0, 8 * mm),
                ]
                continue
            room = FRAME_HEIGHT - heading_height - 4
            tables, first_rows = _chapter_tables(number, chapter.entries, room)
            # The heading never ends a page alone: it moves on with the header and first row.
            story += [CondPageBreak(heading_height + first_rows + 2), heading, *tables]
            story.append(Spacer(0, 8 * mm))
            number += len(chapter.entries)
        return story

    return write_pdf(path, setup, make_story, progress=progress, passes=2)


register_document(DocumentKind("handbook", "handbook", render_handbook))
