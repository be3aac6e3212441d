"""The practice and exam results history an owner prints (成绩记录), as an A4 PDF table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from branchdesk.handbook.entries import ResultRow
from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
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

BODY = 10.0
FIXED_WIDTHS = (72.0, 92.0, 58.0, 52.0, 46.0, 56.0)  # employee, time, mode, score, %, paper
WIDTHS = (*FIXED_WIDTHS[:5], FRAME_WIDTH - sum(FIXED_WIDTHS), FIXED_WIDTHS[5])


def _mode(mode: str) -> str:
    return {"quiz": tr("Quiz"), "copy": tr("Write from memory"), "paper": tr("Paper exam")}.get(
        mode, mode
    )


def render_results(
    employee: str | None,
    rows: Sequence[ResultRow],
    path: Path | str,
    *,
    branch: str = "",
    printed: date,
    progress: Progress | None = None,
) -> int:
    """Write the results table (one employee's, or everyone's when `employee` is None) to
    `path` (A4 PDF); returns the number of pages."""
    title = tr("Results of {name}", name=employee) if employee else tr("Results")
    setup = PageSetup(title=title, branch=branch, printed=printed)

    def make_story(marks: dict[str, int]) -> list[Flowable]:
        heading = para(title, style("rs-h1", 18, after=1.5 * mm), bold=True)
        if rows:
            average = round(sum(r.percent for r in rows) / len(rows))
            summary = tr(
                "{count} results, {average}% correct on average", count=len(rows), average=average
            )
        else:
            summary = tr("No results yet.")
        story: list[Flowable] = [
            tagged(heading, topic=""),
            counted(para(summary, style("rs-sum", 10, color=MUTED, after=4 * mm))),
        ]
        if not rows:
            return story
        head = style("rs-head", BODY, align=TA_CENTER)
        cell = style("rs-cell", BODY)
        number = style("rs-num", BODY, align=TA_RIGHT)
        labels = (
            tr("Employee"),
            tr("Taken at"),
            tr("Mode"),
            tr("Score"),
            tr("Correct"),
            tr("Categories"),
            tr("Paper no."),
        )
        data: list[list[Paragraph]] = [[para(t, head, bold=True) for t in labels]]
        for r in rows:
            data.append(
                [
                    para(r.employee, cell),
                    para(f"{r.taken_at:%Y-%m-%d %H:%M}", cell),
                    para(_mode(r.mode), cell),
                    para(f"{r.score} / {r.total}", number),
                    para(f"{r.percent}%", number),
                    para("、".join(r.categories) or tr("All"), cell),
                    para("" if r.seed is None else str(r.seed), number),
                ]
            )
        story.append(data_table(data, WIDTHS, grid_style()))
        return story

    return write_pdf(path, setup, make_story, progress=progress)


register_document(DocumentKind("results", "handbook", render_results))
