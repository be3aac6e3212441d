"""New-hire exam papers (新人考卷) as A4 PDF: the questions, then the answer key on its own page;
or either of them alone (the key kept by the marker, the paper copied for the room)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from branchdesk.errors import BranchDeskError
from branchdesk.handbook.entries import Exam, Question, QuestionKind
from branchdesk.i18n import tr
from branchdesk.io.documents import DocumentKind, register_document
from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.layout import (
    FRAME_WIDTH,
    INK,
    MUTED,
    PageSetup,
    Progress,
    centered,
    counted,
    data_table,
    grid_style,
    para,
    style,
    table_font,
    tagged,
    write_pdf,
)
from branchdesk.io.pdf.linebreak import NBSP

BODY = 11.0
INDENT = 7 * mm  # questions hang from their number
LETTERS = "ABCDEFGH"
PARTS = ("both", "paper", "key")  # what of the exam is printed
TRUE_MARK, FALSE_MARK = "√", "×"


class _AnswerLine(Flowable):
    """A label and a line to write on, like a hand-ruled blank on a paper form."""

    def __init__(self, label: str, size: float, indent: float, length: float) -> None:
        super().__init__()
        self.label, self.size, self.indent, self.length = label, size, indent, length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.size * 2.2

    def draw(self) -> None:
        canv, font = self.canv, cjk_font()
        baseline = self.size * 0.7
        canv.setFont(font, self.size)
        canv.setFillColor(MUTED)
        canv.drawString(self.indent, baseline, self.label)
        start = self.indent + stringWidth(self.label, font, self.size) + 4
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.6)
        canv.line(start, baseline - 2, start + self.length, baseline - 2)


def _sections() -> dict[QuestionKind, tuple[str, str]]:
    return {
        "fine": (tr("Fill in the fine"), tr("Write the fine for each violation.")),
        "choice": (tr("Multiple choice"), tr("Choose the correct operating standard.")),
        "judge": (
            tr("True or false"),
            tr(
                "Mark {true} if the statement is true, {false} if it is false.",
                true=TRUE_MARK,
                false=FALSE_MARK,
            ),
        ),
    }


def _numerals() -> tuple[str, ...]:
    return (tr("I"), tr("II"), tr("III"))


def _question(q: Question, points: int) -> Flowable:
    text = style("ex-q", BODY, leading=BODY * 1.55, indent=INDENT, first_indent=-INDENT)
    prompt = f"{q.number}.\u2002{q.prompt}"
    if q.kind == "judge":
        prompt += "（" + NBSP * 10 + "）"  # room for √ or ×; NBSP, as Paragraph keeps it
    prompt += tr("({points} pt)", points=points)
    parts: list[Flowable] = [counted(para(prompt, text))]
    if q.kind == "fine":
        parts.append(_AnswerLine(tr("Fine:"), BODY, INDENT, 60 * mm))
    elif q.kind == "choice":
        option = style(
            "ex-opt", BODY, leading=BODY * 1.5, indent=INDENT + 5 * mm, first_indent=-5 * mm
        )
        for letter, text_ in zip(LETTERS, q.options, strict=False):
            parts.append(para(f"{letter}.\u2002{text_}", option))
    parts.append(Spacer(0, 3.5 * mm))
    return KeepTogether(parts)


def _title_block(exam: Exam, branch: str, printed: date) -> list[Flowable]:
    small = style("ex-small", 8.5, color=MUTED, align=TA_RIGHT)
    sub = centered("ex-sub", 10.5, color=MUTED, after=4 * mm)
    scope = (
        tr("Categories: {names}", names="、".join(exam.categories))
        if exam.categories
        else tr("All categories")
    )
    facts = [
        branch,
        printed.isoformat(),
        scope,
        tr("{count} questions, {total} points", count=len(exam.questions), total=exam.total),
    ]
    label = style("ex-label", 12)
    blank = ""
    info = Table(
        [
            [
                para(tr("Name"), label),
                blank,
                para(tr("Date"), label),
                blank,
                para(tr("Score"), label),
                blank,
                para(f"/ {exam.total}", style("ex-total", 12, color=MUTED)),
            ]
        ],
        # Label columns fit "Name"/"Score" in English as well as 姓名/得分 (no wrapping).
        colWidths=[48, 124, 44, 104, 48, 56, 46],
        hAlign="CENTER",
        style=[
            table_font(),
            ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
            ("LINEBELOW", (3, 0), (3, 0), 0.8, INK),
            ("LINEBELOW", (5, 0), (5, 0), 0.8, INK),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ],
    )
    return [
        para(tr("Paper no. {seed}", seed=exam.seed), small),
        para(exam.title or tr("New-hire exam"), centered("ex-title", 20, after=2 * mm), bold=True),
        para(" · ".join(f for f in facts if f), sub),
        info,
        Spacer(0, 7 * mm),
    ]


def _answer_key(exam: Exam, *, alone: bool = False) -> list[Flowable]:
    heading = para(tr("Answer key"), style("ex-h1", 16, after=1.5 * mm), bold=True)
    note = para(
        tr(
            "Paper no. {seed} — for the marker only; do not hand out with the paper.",
            seed=exam.seed,
        ),
        style("ex-key-note", 9, color=MUTED, after=4 * mm),
    )
    head = style("ex-key-h", 10, align=TA_CENTER)
    cell = style("ex-key", 10)
    rows: list[list[Any]] = [
        [para(t, head, bold=True) for t in (tr("Question"), tr("Answer"), tr("Explanation"))]
    ]
    for q in exam.questions:
        answer = q.answer
        if q.kind == "judge":
            answer = TRUE_MARK if q.answer.strip().upper() in ("T", "TRUE", "对") else FALSE_MARK
        rows.append(
            [
                para(str(q.number), style("ex-key-no", 10, align=TA_CENTER)),
                para(answer, cell),
                para(q.explanation, style("ex-key-x", 9.5, color=MUTED)),
            ]
        )
    widths = (52, 120, FRAME_WIDTH - 172)
    return [
        *([] if alone else [PageBreak()]),
        tagged(heading, topic=tr("Answer key")),
        note,
        data_table(rows, widths, grid_style()),
    ]


def render_exam(
    exam: Exam,
    path: Path | str,
    *,
    branch: str = "",
    printed: date,
    progress: Progress | None = None,
    part: str = "both",
) -> int:
    """Write the paper and, from a new page on, its answer key to `path`; returns pages.

    `part` "paper" writes the questions only, "key" the answer key only."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}")
    if not exam.questions:
        raise BranchDeskError(tr("The exam has no questions. Choose categories with items."))
    title = exam.title or tr("New-hire exam")
    setup = PageSetup(
        title=tr("{title}: answer key", title=title) if part == "key" else title,
        branch=branch,
        printed=printed,
        footer_note=tr("Paper no. {seed}", seed=exam.seed),
    )
    sections = _sections()
    numerals = _numerals()
    worth = {q.number: m for q, m in zip(exam.questions, exam.marks, strict=True)}

    def make_story(marks: dict[str, int]) -> list[Flowable]:
        if part == "key":
            return _answer_key(exam, alone=True)
        story = _title_block(exam, branch, printed)
        present = [k for k in sections if any(q.kind == k for q in exam.questions)]
        for numeral, kind in zip(numerals, present, strict=False):
            questions = [q for q in exam.questions if q.kind == kind]
            name, instruction = sections[kind]
            heading = para(
                tr("{numeral}. {section}", numeral=numeral, section=name),
                style("ex-h2", 13.5, before=2 * mm, after=1 * mm),
                bold=True,
            )
            points = [worth[q.number] for q in questions]
            if len(set(points)) == 1:
                note = tr(
                    "{instruction} {count} questions, {points} points each, {subtotal} points.",
                    instruction=instruction,
                    count=len(questions),
                    points=points[0],
                    subtotal=sum(points),
                )
            else:
                note = tr(
                    "{instruction} {count} questions, {subtotal} points (the points of each "
                    "are beside it).",
                    instruction=instruction,
                    count=len(questions),
                    subtotal=sum(points),
                )
            note_para = para(note, style("ex-note", 9.5, color=MUTED, after=3 * mm))
            # A section heading never ends a page: it goes with its first question.
            heading.keepWithNext = note_para.keepWithNext = True
            story += [tagged(heading, topic=name), note_para]
            story += [_question(q, worth[q.number]) for q in questions]
        return story if part == "paper" else story + _answer_key(exam)

    return write_pdf(path, setup, make_story, progress=progress)


register_document(DocumentKind("exam", "handbook", render_exam))
