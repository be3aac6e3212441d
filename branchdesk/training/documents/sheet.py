"""The copy-out sheet (默写) as A4 PDF: one page of prompts with lines to write the answers on,
then the answer key on a page of its own (kept by the mentor)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.layout import (
    FRAME_WIDTH,
    MUTED,
    PageSetup,
    Progress,
    centered,
    data_table,
    grid_style,
    para,
    style,
    tagged,
    write_pdf,
)
from branchdesk.training.drills import CopySheet

BODY = 10.5
NO_WIDTH = 12 * mm
PROMPT_WIDTH = 70 * mm


def _table(sheet: CopySheet, *, key: bool) -> Flowable:
    head = style("dr-h", BODY, align=TA_CENTER)
    cell = style("dr-c", BODY, leading=BODY * 1.35)
    number = style("dr-n", BODY, align=TA_CENTER)
    rows: list[list[Any]] = [[para(t, head, bold=True) for t in ("#", tr("Prompt"), tr("Answer"))]]
    for n, (prompt, answer) in enumerate(sheet.rows, 1):
        rows.append([para(str(n), number), para(prompt, cell), para(answer if key else "", cell)])
    widths = [NO_WIDTH, PROMPT_WIDTH, FRAME_WIDTH - NO_WIDTH - PROMPT_WIDTH]
    if key:
        return data_table(rows, widths, grid_style())
    # The sheet: every row tall enough to write the answer by hand.
    return Table(
        rows,
        colWidths=widths,
        style=grid_style(),
        repeatRows=1,
        splitByRow=1,
        splitInRow=0,
        hAlign="LEFT",
        minRowHeights=[0] + [9 * mm] * len(sheet.rows),
    )


def render_drill_sheet(
    sheet: CopySheet,
    path: Path | str,
    *,
    branch: str = "",
    printed: date,
    progress: Progress | None = None,
) -> int:
    """Write the sheet and, from a new page on, its answer key to `path`; returns pages."""
    setup = PageSetup(title=sheet.title, branch=branch, printed=printed)
    title = centered("dr-t", 16, after=1.5 * mm)
    sub = centered("dr-s", 10, color=MUTED, after=3 * mm)
    name = sheet.employee or "＿＿＿＿＿＿"

    def make_story(_marks: dict[str, int]) -> list[Flowable]:
        return [
            tagged(para(sheet.title, title, bold=True), topic=sheet.title),
            para(
                tr(
                    "Name: {name}    Date: ＿＿＿＿    Score: ＿＿ / {count}",
                    name=name,
                    count=len(sheet.rows),
                ),
                sub,
            ),
            para(
                tr(
                    "{question} Write from memory; check against the key afterwards.",
                    question=sheet.question,
                ),
                style("dr-q", 10, color=MUTED, after=3 * mm),
            ),
            _table(sheet, key=False),
            PageBreak(),
            tagged(para(tr("Answer key"), title, bold=True), topic=tr("Answer key")),
            para(tr("For the mentor: do not hand out with the sheet."), sub),
            Spacer(0, 2 * mm),
            _table(sheet, key=True),
        ]

    return write_pdf(path, setup, make_story, progress=progress)


register_document(DocumentKind("drill-sheet", "training", render_drill_sheet))
