"""Page setup shared by every BranchDesk PDF: A4, header line, "Page N of M" footer, styles,
row fitting, atomic writing and progress reporting.

Every document goes through `write_pdf`, so they all look alike, are byte-identical for the
same input (reportlab's invariant mode plus a fixed creation date) and never leave a half
written file behind.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError
from reportlab.platypus.flowables import NullDraw

from branchdesk.db import live
from branchdesk.errors import BranchDeskError, disk_full, is_disk_full, os_reason
from branchdesk.i18n import tr
from branchdesk.io.pdf.fonts import cjk_font, noting_missing
from branchdesk.io.pdf.linebreak import break_lines
from branchdesk.io.pdf.pages import PageCount

Progress = Callable[[int, int], object]
"""progress(done, total): called as the document is laid out; raise from it to cancel."""

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5c5c5c")
RULE = colors.HexColor("#7a7a7a")
LIGHT_RULE = colors.HexColor("#c8c8c8")
HEADER_FILL = colors.HexColor("#e3e3e3")
# Dark red for fines: it stands out on a colour print and stays near-black on a mono laser.
ACCENT = colors.HexColor("#9a1515")
NOTICE_FILL = colors.HexColor("#fff3dc")
NOTICE_RULE = colors.HexColor("#c77700")

CELL_PAD_X = 4
CELL_PAD_Y = 3

# mkstemp creates the file readable by its owner only; give the PDF the usual permissions.
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK


# ---------------------------------------------------------------- text and styles


def markup(text: str, limit: int | None = None) -> str:
    """Paragraph markup for plain text: escaped, its own line breaks kept.

    `limit` cuts the text to that many characters (with "…"), for a cell too tall to print.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if limit is not None and len(text) > limit:
        text = text[: max(1, limit)].rstrip() + "…"
    return "<br/>".join(escape(line) for line in text.split("\n"))


@cache
def style(
    name: str,
    size: float,
    *,
    leading: float | None = None,
    color: Any = INK,
    align: int = TA_LEFT,
    indent: float = 0,
    first_indent: float = 0,
    before: float = 0,
    after: float = 0,
) -> ParagraphStyle:
    """A paragraph style in the CJK font; cached, so equal arguments give the same object.

    Every style wraps CJK-style: a line may break between any two Chinese characters.
    """
    return ParagraphStyle(
        name,
        fontName=cjk_font(),
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.38, 2),
        textColor=color,
        alignment=align,
        leftIndent=indent,
        firstLineIndent=first_indent,
        spaceBefore=before,
        spaceAfter=after,
        wordWrap="CJK",
    )


def centered(name: str, size: float, **kwargs: Any) -> ParagraphStyle:
    return style(name, size, align=TA_CENTER, **kwargs)


@cache
def _advance(font: str, char: str) -> float:
    """Width of `char` at 1 pt (widths scale with the size; cached per character)."""
    return float(stringWidth(char, font, 1.0))


def _style_key(frag: Any) -> tuple[Any, ...]:
    return (frag.fontName, frag.fontSize, frag.textColor, frag.rise, bool(frag.link))


class CJKParagraph(Paragraph):
    """A Paragraph broken into lines by the Chinese rules of `linebreak.break_lines`.

    Text in one style (plain text with line breaks, as `para` makes) gets the Chinese
    rules; anything else (mixed fonts or sizes) falls back to reportlab's wrapping.
    """

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        frags = self.frags
        texts = [f for f in frags if not getattr(f, "lineBreak", False)]
        plain = (
            texts
            and not (getattr(self, "_splitpara", 0) and hasattr(self, "blPara"))
            and not self.bulletText
            and not self.style.endDots
            and all(
                not hasattr(f, "cbDefn")
                # The tail of a paragraph split across pages holds fragments without text.
                and hasattr(f, "text")
                and _style_key(f) == _style_key(texts[0])
                for f in texts
            )
        )
        if not plain:
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        first = texts[0]
        font, size = first.fontName, first.fontSize

        def advance(char: str) -> float:
            return _advance(font, char) * size

        segments: list[str] = []
        current: list[str] = []
        for f in frags:
            if getattr(f, "lineBreak", False):
                segments.append("".join(current))
                current = []
            else:
                current.append(f.text)
        segments.append("".join(current))
        lines: list[tuple[float, list[str]]] = []
        for segment in segments:
            for line in break_lines(segment, widths[len(lines) :] or widths[-1:], advance):
                width = widths[min(len(lines), len(widths) - 1)]
                lines.append((width - sum(advance(c) for c in line), [line]))
        return first.clone(kind=0, lines=lines, ascent=size, descent=-0.2 * size)


class BoldParagraph(CJKParagraph):
    """A Paragraph drawn filled and thinly outlined: the CJK font has no bold face.

    Text render mode 2 (fill + stroke) keeps the text real text, so it stays searchable.
    """

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(self.style.textColor)
        canv.setLineWidth(self.style.fontSize * 0.035)
        canv.addLiteral("2 Tr")
        super().draw()
        canv.restoreState()


def para(
    text: str, st: ParagraphStyle, *, bold: bool = False, limit: int | None = None
) -> Paragraph:
    """A paragraph of plain text (escaped, line breaks kept)."""
    cls = BoldParagraph if bold else CJKParagraph
    return cls(markup(text, limit), st)


def tagged(flowable: Flowable, *, mark: str | None = None, topic: str | None = None) -> Flowable:
    """Tag a flowable: `mark` records the page it lands on (contents), `topic` sets the
    running head from this point on (the category a handbook page is about)."""
    if mark is not None:
        flowable.bd_mark = mark
    if topic is not None:
        flowable.bd_topic = topic
    return flowable


def counted(flowable: Flowable, units: int = 1) -> Flowable:
    """Count a flowable that is not a table as `units` of progress when it is drawn."""
    flowable.bd_units = units
    return flowable


# ---------------------------------------------------------------- tables


def table_font() -> tuple[Any, ...]:
    """A table command setting the CJK font: tables otherwise select Helvetica on every
    page, which then shows up (not embedded) in the PDF's font list."""
    return ("FONT", (0, 0), (-1, -1), cjk_font(), 10)


def grid_style() -> TableStyle:
    """Bordered table, grey header row, top-aligned cells."""
    return TableStyle(
        [
            table_font(),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BOX", (0, 0), (-1, -1), 0.9, INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y + 1),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ]
    )


def data_table(rows: list[list[Any]], widths: Sequence[float], table_style: TableStyle) -> Table:
    """A table whose rows are never cut in two: reportlab splits between rows only
    (splitInRow=0), and the header row (the first) repeats on every page it runs onto."""
    return Table(
        rows,
        colWidths=list(widths),
        style=table_style,
        repeatRows=1,
        splitByRow=1,
        splitInRow=0,
        hAlign="LEFT",
    )


def row_heights(
    rows: list[list[Any]], widths: Sequence[float], table_style: TableStyle
) -> list[float]:
    """The height each row takes when laid out in `widths` (as the real table lays it out)."""
    table = Table(rows, colWidths=list(widths), style=table_style)
    table.wrap(sum(widths), PAGE_HEIGHT * 100)
    return [float(h) for h in table._rowHeights]


def fit_row(
    make_row: Callable[[float, int | None], list[Any]],
    widths: Sequence[float],
    table_style: TableStyle,
    limit: float,
    sizes: Sequence[float],
    longest: int,
) -> list[Any]:
    """A row no taller than `limit`: the first of `sizes` (font sizes, largest first) at
    which `make_row(size, None)` fits, else the smallest size with every text cut to as
    many characters as fit (`make_row(size, max_chars)`).

    A table row taller than a page cannot be printed without cutting it; rather than fail
    the whole document, such a row is set smaller and, as the last resort, shortened.
    """
    for size in sizes:
        row = make_row(size, None)
        if row_heights([row], widths, table_style)[0] <= limit:
            return row
    size = sizes[-1]
    lo, hi = 1, max(1, longest)
    while lo < hi:  # the largest character limit that still fits
        mid = (lo + hi + 1) // 2
        if row_heights([make_row(size, mid)], widths, table_style)[0] <= limit:
            lo = mid
        else:
            hi = mid - 1
    return make_row(size, lo)


# ---------------------------------------------------------------- progress units


def units_of(flowable: Flowable) -> int:
    """Progress units of a flowable: a table's data rows, or what `counted` set.

    A split table is drawn as several pieces, each with the header row repeated, so counting
    each piece's rows minus its header adds up to the whole table's data rows.
    """
    if isinstance(flowable, Table):
        return max(0, len(flowable._cellvalues) - flowable.repeatRows)
    if isinstance(flowable, KeepTogether):
        return sum(units_of(f) for f in flowable._content)
    return int(getattr(flowable, "bd_units", 0))


# ---------------------------------------------------------------- document


@dataclass(frozen=True)
class PageSetup:
    """What the header and footer of every page show."""

    title: str  # the document's name: header line and PDF metadata
    branch: str
    printed: date  # footer, and the PDF's creation date (so the bytes depend on the input only)
    footer_note: str = ""  # left of the footer: version, paper number…
    cover: bool = False  # the first page is a cover: no header line on it


def drawing(width: float, height: float) -> Drawing:
    """A chart's canvas that starts in the embedded CJK font (reportlab's own start,
    Helvetica, went into the file unembedded)."""
    canvas = Drawing(width, height)
    canvas.initialFontName = cjk_font()
    return canvas


def _fitted(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with "…" at its end to fit `width` points (a binary search: a long
    text is measured a few times, not once per character)."""
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


def _draw_header(canv: Canvas, setup: PageSetup, topic: str) -> None:
    font = cjk_font()
    y = PAGE_HEIGHT - MARGIN_TOP + 6 * mm
    canv.saveState()
    canv.setFont(font, 8.5)
    canv.setFillColor(MUTED)
    left = " · ".join(part for part in (setup.branch, setup.title) if part)
    room = PAGE_WIDTH - 2 * MARGIN_X - 6 * mm  # a gap between the two
    # A long title (a guide's may have 120 characters) is shortened within the margins; the
    # topic takes what the title leaves, at least half the line.
    left_width = stringWidth(left, font, 8.5)
    topic = _fitted(topic, font, 8.5, max(room / 2, room - left_width)) if topic else ""
    right = stringWidth(topic, font, 8.5) if topic else 0.0
    canv.drawString(MARGIN_X, y, _fitted(left, font, 8.5, room - right))
    if topic:
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, topic)
    canv.setStrokeColor(LIGHT_RULE)
    canv.setLineWidth(0.6)
    canv.line(MARGIN_X, y - 2.2 * mm, PAGE_WIDTH - MARGIN_X, y - 2.2 * mm)
    canv.restoreState()


def _draw_footer(canv: Canvas, setup: PageSetup, page: int, pages: int) -> None:
    font = cjk_font()
    y = MARGIN_BOTTOM - 9 * mm
    canv.saveState()
    canv.setFont(font, 8.5)
    canv.setFillColor(MUTED)
    canv.drawCentredString(PAGE_WIDTH / 2, y, tr("Page {page} of {pages}", page=page, pages=pages))
    if setup.footer_note:
        canv.drawString(MARGIN_X, y, setup.footer_note)
    canv.drawRightString(
        PAGE_WIDTH - MARGIN_X, y, tr("Printed {date}", date=setup.printed.isoformat())
    )
    canv.restoreState()


class _NumberedCanvas(Canvas):
    """Holds every page until the end so the footer can say "Page N of M"."""

    def __init__(self, *args: Any, setup: PageSetup, **kwargs: Any) -> None:
        # Every page starts in the embedded CJK font: reportlab's default (Helvetica) went
        # into the file unembedded, which a print shop's or PDF/A's check refuses.
        kwargs.setdefault("initialFontName", cjk_font())
        super().__init__(*args, **kwargs)
        self._setup = setup
        self._page_states: list[dict[str, Any]] = []
        stamp = f"D:{setup.printed:%Y%m%d}000000+00'00'"
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            _draw_footer(self, self._setup, self._pageNumber, pages)
            super().showPage()
        super().save()


class _Document(BaseDocTemplate):
    def __init__(self, target: BinaryIO, setup: PageSetup, advance: Callable[[int], None]) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=setup.title,
            author=setup.branch,
            creator="BranchDesk",
            invariant=1,
            initialFontName=cjk_font(),
        )
        self.setup = setup
        self._advance = advance
        self.marks: dict[str, int] = {}
        self._topic = ""  # the running head carried over from earlier pages
        self._page_topic: str | None = None

        def frame() -> Frame:
            return Frame(
                MARGIN_X,
                MARGIN_BOTTOM,
                FRAME_WIDTH,
                FRAME_HEIGHT,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )

        body = PageTemplate("body", [frame()], onPage=self._begin_page, onPageEnd=self._end_page)
        cover = PageTemplate(
            "cover", [frame()], onPage=self._begin_page, autoNextPageTemplate="body"
        )
        self.addPageTemplates([cover, body] if setup.cover else [body, cover])

    def _begin_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._page_topic = None

    def _end_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        # The head names what the page starts with: a category that runs on from the page
        # before, or the one whose heading opens the page.
        topic = self._page_topic if self._page_topic is not None else self._topic
        _draw_header(canv, self.setup, topic)

    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "bd_mark", None)
        if mark is not None:
            self.marks[mark] = self.page
        topic = getattr(flowable, "bd_topic", None)
        if self._page_topic is None and not isinstance(flowable, (ActionFlowable, NullDraw)):
            self._page_topic = topic if topic is not None else self._topic
        if topic is not None:
            self._topic = topic
        units = units_of(flowable)
        if units:
            self._advance(units)


StoryMaker = Callable[[dict[str, int]], list[Flowable]]


def _lay_out(
    target: BinaryIO, setup: PageSetup, story: list[Flowable], advance: Callable[[int], None]
) -> _Document:
    doc = _Document(target, setup, advance)
    try:
        doc.build(story, canvasmaker=partial(_NumberedCanvas, setup=setup))
    except LayoutError as exc:
        raise BranchDeskError(
            tr(
                "Part of “{title}” is too large for an A4 page. Shorten the longest text "
                "and print again.",
                title=setup.title,
            )
        ) from exc
    return doc


def write_pdf(
    path: Path | str,
    setup: PageSetup,
    make_story: StoryMaker,
    *,
    progress: Progress | None = None,
    passes: int = 1,
) -> PageCount:
    """Lay out `make_story(marks)` and write it to `path`; returns the number of pages, with
    the characters the font could not set (printed as □, see fonts.py).

    With `passes=2` the story is laid out once in memory first and made again with
    `marks` (mark → page number, see `tagged`), for a table of contents. The file is
    written under a temporary name in the target's folder and renamed, so a failure or a
    cancel (an exception from `progress`) leaves no file and an older file untouched.
    """
    target = Path(path)
    live.refuse(target)  # never replace the open database (or its WAL) with a PDF
    cjk_font()  # fail before any work when no font is usable
    with noting_missing() as missing:
        pages = _write(target, setup, make_story, progress, passes)
    return PageCount(pages, "".join(missing))


def _write(
    target: Path, setup: PageSetup, make_story: StoryMaker, progress: Progress | None, passes: int
) -> int:
    story = make_story({})
    per_pass = sum(units_of(f) for f in story)
    total = max(1, per_pass * passes)
    done = 0

    def advance(units: int) -> None:
        nonlocal done
        done = min(total, done + units)
        if progress is not None:
            progress(done, total)

    for finished in range(1, passes):
        draft = _lay_out(io.BytesIO(), setup, story, advance)
        story = make_story(draft.marks)
        done = per_pass * finished

    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent)
        with os.fdopen(fd, "wb") as out:
            doc = _lay_out(out, setup, story, advance)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full(target) from exc
        raise BranchDeskError(
            tr(
                "Cannot write {path}: {error}. Check that the folder exists and that the file "
                "is not open in a PDF viewer, then print again.",
                path=target,
                error=os_reason(exc),
            )
        ) from exc
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.remove(tmp)
    if progress is not None:
        progress(total, total)
    return int(doc.page)
