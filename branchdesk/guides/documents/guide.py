"""An operation guide (操作指南) as an A4 PDF a new agent can follow at the desk: a title
block, then every step with its number, instruction, tip or warning and its screenshot with
the annotations burned in (blur boxes really blurred).

A step is never split across pages. The screenshots are prepared (annotations burned in,
scaled to about 150 dpi at their printed size, JPEG) on worker threads while the pages are
laid out, so a 50-step guide prints in a few seconds and progress moves step by step.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from branchdesk.guides.annotations import ImageTooLarge, burn_in, check_pixels, image_size
from branchdesk.guides.entries import GuideDoc, StepDoc
from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.layout import (
    ACCENT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LIGHT_RULE,
    MUTED,
    NOTICE_FILL,
    NOTICE_RULE,
    PAGE_HEIGHT,
    PageSetup,
    Progress,
    counted,
    para,
    style,
    table_font,
    tagged,
    write_pdf,
)

NUMBER_COLUMN = 12 * mm  # the step number sits left of the step's text and image
CONTENT_WIDTH = FRAME_WIDTH - NUMBER_COLUMN
NUMBER_SIZE = 24.0  # diameter of the step number's disc, pt
STEP_BLUE = colors.HexColor("#1f4e8c")  # dark enough to print as near-black in mono
TIP_FILL, TIP_RULE = colors.HexColor("#e8f1fb"), colors.HexColor("#1e6bb8")
WARNING_FILL, WARNING_RULE = colors.HexColor("#fdecea"), colors.HexColor("#c62828")
IMAGE_BORDER = colors.HexColor("#9e9e9e")

MAX_IMAGE_HEIGHT = 0.55 * PAGE_HEIGHT
MIN_IMAGE_HEIGHT = 60 * mm  # below this a screenshot is useless: the step flows on instead
# A small region capture is printed no larger than 1.25× its size on a 96-dpi screen, so it
# is not blown up to a blurry page width.
MAX_PT_PER_PX = 72 / 96 * 1.25
DPI = 150  # of the embedded images at their printed size: sharp on paper, small file
JPEG_QUALITY = 85
STEP_GAP = 7 * mm
TIP_SIZE = 10.5
WORKERS = max(1, min(4, os.cpu_count() or 1))


# ---------------------------------------------------------------- the screenshot of a step


def _prepared(step: StepDoc, max_width: int) -> bytes:
    """The step's image with its annotations burned in, as JPEG at `max_width` pixels."""
    image = burn_in(step.image or b"", step.annotations, max_width=max_width)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
    return out.getvalue()


class _StepImage(Flowable):
    """The screenshot, its width and height in points fixed when the story is made.

    The pixels come from `job` (started on a worker thread) only when the image is drawn;
    an image that turns out to be damaged prints as a framed note instead of failing the
    whole guide.
    """

    def __init__(self, width: float, height: float, job: Callable[[], bytes]) -> None:
        super().__init__()
        self.width, self.height = width, height
        self._job = job

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return NUMBER_COLUMN + self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        x = NUMBER_COLUMN
        try:
            jpeg = self._job()
        except ValueError:
            _damaged_note(canv, x, self.width, self.height)
            return
        # reportlab would wrap the JPEG in ASCII85 (a quarter larger, and without its
        # optional C accelerator the slowest part of the whole export); a binary stream is
        # just as valid PDF. The setting is read while the image object is made, so it is
        # switched off for this call only.
        a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            canv.drawImage(ImageReader(io.BytesIO(jpeg)), x, 0, self.width, self.height)
        finally:
            rl_config.useA85 = a85
        canv.saveState()
        canv.setStrokeColor(IMAGE_BORDER)
        canv.setLineWidth(0.6)
        canv.rect(x, 0, self.width, self.height, stroke=1, fill=0)
        canv.restoreState()


def _damaged_note(canv: Canvas, x: float, width: float, height: float) -> None:
    canv.saveState()
    canv.setStrokeColor(WARNING_RULE)
    canv.setDash(4, 3)
    canv.rect(x, 0, width, height, stroke=1, fill=0)
    canv.setFillColor(WARNING_RULE)
    canv.setFont(cjk_font(), 10)
    canv.drawCentredString(x + width / 2, height / 2, _damaged_text())
    canv.restoreState()


def _damaged_text() -> str:
    return tr("This step's image is damaged and cannot be printed. Replace it in the editor.")


def _image_box(width_px: int, height_px: int, room: float) -> tuple[float, float]:
    """Printed width and height (pt): the content width at most, and at most `room` high."""
    scale = min(CONTENT_WIDTH / width_px, room / height_px, MAX_PT_PER_PX)
    return width_px * scale, height_px * scale


# ---------------------------------------------------------------- a step


class _StepNumber(Flowable):
    """The step number in a filled disc: what an agent's eye finds first on the page."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return NUMBER_SIZE, NUMBER_SIZE

    def draw(self) -> None:
        canv = self.canv
        text = str(self.number)
        size = 14.0 if len(text) < 3 else 11.0
        radius = NUMBER_SIZE / 2
        canv.saveState()
        canv.setFillColor(STEP_BLUE)
        canv.circle(radius, radius, radius, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(cjk_font(), size)
        canv.drawCentredString(radius, radius - size * 0.36, text)
        canv.restoreState()


def _heading(step: StepDoc) -> Table:
    instruction = para(step.instruction, style("gd-step", 12.5, leading=17.5))
    return Table(
        [[_StepNumber(step.number), instruction]],
        colWidths=[NUMBER_COLUMN, CONTENT_WIDTH],
        hAlign="LEFT",
        splitInRow=1,  # an instruction longer than a page still prints, over two pages
        style=[
            table_font(),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            # The first line of the instruction sits level with the middle of the disc.
            ("TOPPADDING", (1, 0), (1, 0), (NUMBER_SIZE - 17.5) / 2 + 1),
        ],
    )


def _tip(step: StepDoc) -> Table:
    warning = step.tip_kind == "warning"
    fill, rule = (WARNING_FILL, WARNING_RULE) if warning else (TIP_FILL, TIP_RULE)
    label = tr("Warning") if warning else tr("Tip")
    # As wide as the label in this language ("Warning" / "注意"), plus its padding.
    label_width = max(12 * mm, stringWidth(label, cjk_font(), TIP_SIZE) * 1.06 + 13)
    return Table(
        [
            [
                para(
                    label, style(f"gd-tip-label-{step.tip_kind}", TIP_SIZE, color=rule), bold=True
                ),
                para(step.tip, style("gd-tip", TIP_SIZE, leading=14.5)),
            ]
        ],
        colWidths=[label_width, CONTENT_WIDTH - label_width],
        hAlign="RIGHT",  # under the instruction, right of the step number
        splitInRow=1,
        style=[
            table_font(),
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("LINEBEFORE", (0, 0), (0, -1), 3, rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, -1), 7),
            ("LEFTPADDING", (1, 0), (1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )


def _height(flowables: list[Flowable]) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _step(step: StepDoc, start: Callable[[StepDoc, int], Callable[[], bytes]]) -> Flowable:
    parts: list[Flowable] = [_heading(step)]
    if step.tip.strip():
        parts += [Spacer(0, 2.5 * mm), _tip(step)]
    if step.image:
        try:
            width_px, height_px = image_size(step.image)
            check_pixels(width_px, height_px)
        except ImageTooLarge as exc:
            parts += [Spacer(0, 2.5 * mm), _damaged_paragraph(str(exc))]
        except ValueError:
            parts += [Spacer(0, 2.5 * mm), _damaged_paragraph()]
        else:
            # Room for the image so the whole step fits on one page; a step whose text
            # alone fills most of a page gets a smaller image, and below a useful size the
            # step is allowed to run on (KeepTogether then lets it split).
            room = FRAME_HEIGHT - _height(parts) - 3 * mm - 1
            room = min(MAX_IMAGE_HEIGHT, max(MIN_IMAGE_HEIGHT, room))
            width, height = _image_box(width_px, height_px, room)
            pixels = min(width_px, math.ceil(width / 72 * DPI))
            image = counted(_StepImage(width, height, start(step, pixels)))
            parts += [Spacer(0, 3 * mm), image]
    # Progress counts the parts of each step as they reach the page: the instruction and
    # the tip (tables count their row) and the screenshot.
    return KeepTogether(parts)


def _damaged_paragraph(reason: str = "") -> Flowable:
    """The note printed instead of an image that cannot be printed (damaged, or too large
    to decode: `reason` then says so)."""
    return para(reason or _damaged_text(), style("gd-damaged", 10.5, color=WARNING_RULE), bold=True)


# ---------------------------------------------------------------- title block


def _title_block(guide: GuideDoc, printed: date) -> list[Flowable]:
    story: list[Flowable] = [
        tagged(para(guide.title, style("gd-title", 22, after=2 * mm), bold=True), topic="")
    ]
    if guide.summary.strip():
        story.append(para(guide.summary, style("gd-summary", 11.5, color=MUTED, after=1 * mm)))
    label = style("gd-meta-label", 9.5, color=MUTED)
    value = style("gd-meta", 10.5)
    overdue = style("gd-meta-overdue", 10.5, color=ACCENT)

    def day(d: date | None) -> str:
        return d.isoformat() if d else "—"

    review_by = day(guide.review_by)
    late = guide.review_by is not None and guide.review_by < printed
    if late:
        review_by = tr("{date} (overdue)", date=review_by)
    cells = [
        (tr("Category"), para(guide.category or "—", value)),
        (tr("Owner"), para(guide.owner or "—", value)),
        (tr("Version"), para(str(guide.version), value)),
        (tr("Last reviewed"), para(day(guide.reviewed), value)),
        (tr("Review by"), para(review_by, overdue if late else value)),
        (tr("Steps"), para(str(len(guide.steps)), value)),
    ]
    rows = [
        [part for name, v in cells[i : i + 3] for part in (para(name, label), v)] for i in (0, 3)
    ]
    label_width, value_width = 25 * mm, FRAME_WIDTH / 3 - 25 * mm
    story.append(
        Table(
            rows,
            colWidths=[label_width, value_width] * 3,
            hAlign="LEFT",
            style=[
                table_font(),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, LIGHT_RULE),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, LIGHT_RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
    )
    if guide.is_sample:
        notice = Table(
            [
                [
                    para(
                        tr("Sample guide"), style("gd-notice-h", 11.5, color=NOTICE_RULE), bold=True
                    )
                ],
                [
                    para(
                        tr(
                            "This guide is an example made from BranchDesk's own screens. "
                            "Write your branch's own guides the same way: one action per "
                            "step, each with a screenshot."
                        ),
                        style("gd-notice", 10),
                    )
                ],
            ],
            colWidths=[FRAME_WIDTH],
            hAlign="LEFT",
            style=[
                table_font(),
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                ("BOX", (0, 0), (-1, -1), 1, NOTICE_RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (0, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ],
        )
        story += [Spacer(0, 4 * mm), notice]
    story.append(Spacer(0, 8 * mm))
    if not guide.steps:
        story.append(
            counted(para(tr("This guide has no steps yet."), style("gd-empty", 11, color=MUTED)))
        )
    return story


# ---------------------------------------------------------------- the document


def render_guide(
    guide: GuideDoc,
    path: Path | str,
    *,
    branch: str = "",
    printed: date,
    progress: Progress | None = None,
) -> int:
    """Write the guide to `path` (A4 PDF); returns the number of pages.

    `progress(done, total)` moves on with every step's instruction, tip and screenshot;
    raising from it cancels and leaves no file (nor touches an older one).
    """
    setup = PageSetup(
        title=guide.title,
        branch=branch,
        printed=printed,
        footer_note=tr("Version {version}", version=guide.version),
    )
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="guide-pdf") as pool:
        jobs: list[Future[bytes]] = []

        def start(step: StepDoc, max_width: int) -> Callable[[], bytes]:
            job = pool.submit(_prepared, step, max_width)
            jobs.append(job)
            return job.result

        def make_story(marks: dict[str, int]) -> list[Flowable]:
            story = _title_block(guide, printed)
            for step in guide.steps:
                story.append(_step(step, start))
                story.append(Spacer(0, STEP_GAP))
            return story

        try:
            return write_pdf(path, setup, make_story, progress=progress)
        finally:
            # A cancel or an error stops the images not yet started.
            for job in jobs:
                job.cancel()


register_document(DocumentKind("guide", "guides", render_guide))
