"""What the GUI and the CLI print from the handbook: gather the data, then render the PDF.

Each function reads what it needs in the caller's session and renders outside any Qt code,
so the GUI runs it in a worker thread and the CLI calls it directly.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from branchdesk.handbook import service
from branchdesk.handbook.entries import Exam
from branchdesk.i18n import tr

Progress = Callable[[int, int], None]

DOCUMENTS = ("handbook", "sheet", "exam", "results")


@dataclass(frozen=True)
class PrintJob:
    """Everything a user chooses in the print dialog or on the command line."""

    document: str  # handbook | sheet | exam | results
    categories: tuple[str, ...] = ()
    ids: tuple[int, ...] = ()  # chosen items (handbook, sheet)
    courier: str | None = None  # sheet: name in the header
    seed: int | None = None  # exam: None draws a new paper
    questions: int = 20  # exam
    part: str = "both"  # exam: both | paper | key (the answer key alone)
    employee: str | None = None  # results: one employee, or everyone
    branch: str = ""
    printed: date | None = None

    def used(self) -> PrintJob:
        """This job with only the options its document uses, the others at their defaults:
        two jobs with the same `used()` print the same document (the print dialog renders its
        preview again only when this changes)."""
        keep = _USES.get(self.document, ())
        defaults = PrintJob(self.document, branch=self.branch, printed=self.printed)
        return replace(defaults, **{name: getattr(self, name) for name in keep})


# The options each document reads (see print_document); branch and date go on every page.
_USES: dict[str, tuple[str, ...]] = {
    "handbook": ("categories", "ids"),
    "sheet": ("categories", "ids", "courier"),
    "exam": ("categories", "seed", "questions", "part"),
    "results": ("employee",),
}


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int
    seed: int | None = None  # the exam's seed, to print the same paper again
    exam: Exam | None = None
    reprint_of: datetime | None = None  # an exam printed before under the same number: when


def new_seed() -> int:
    return random.SystemRandom().randint(1000, service.MAX_SEED)


def print_document(
    session: Session,
    job: PrintJob,
    path: Path,
    progress: Progress | None = None,
    *,
    record: bool = True,
) -> Printed:
    """Render `job` to `path`; raises HandbookError / BranchDeskError with a user message.

    An exam paper is recorded (seed, categories) unless `record` is False: a preview is not a
    printed paper until it is saved or printed.
    """
    from branchdesk.handbook.documents import exam as exam_document
    from branchdesk.handbook.documents import handbook as handbook_document
    from branchdesk.handbook.documents import results as results_document
    from branchdesk.handbook.documents import sheets as sheets_document

    printed = job.printed or date.today()
    if job.document == "handbook":
        book = service.handbook(
            session, branch=job.branch, categories=job.categories, ids=job.ids, printed=printed
        )
        return Printed(path, handbook_document.render_handbook(book, path, progress=progress))
    if job.document == "sheet":
        book = service.handbook(
            session, branch=job.branch, categories=job.categories, ids=job.ids, printed=printed
        )
        pages = sheets_document.render_vehicle_sheets(
            book.chapters,
            path,
            branch=job.branch,
            courier=job.courier or None,
            printed=printed,
            progress=progress,
        )
        return Printed(path, pages)
    if job.document == "exam":
        # A paper number printed before reprints that very paper (its answer key must match
        # the papers handed out), whatever the handbook holds now.
        recorded = service.recorded_paper(session, job.seed) if job.seed is not None else None
        if recorded is not None:
            exam, first_printed = recorded
        else:
            seed = job.seed if job.seed is not None else service.new_paper_seed(session)
            exam = exam_paper(session, job.questions, seed, job.categories)
            first_printed = None
        pages = exam_document.render_exam(
            exam, path, branch=job.branch, printed=printed, progress=progress, part=job.part
        )
        if record and job.part != "key":
            # A key alone hands out no paper: a mistyped number is not made a printed one.
            service.record_paper(session, exam)
        return Printed(path, pages, exam.seed, exam, reprint_of=first_printed)
    if job.document == "results":
        rows = service.results(session, job.employee)
        if not rows:
            raise service.HandbookError(
                tr("No practice results saved yet for {who}.", who=job.employee or tr("anyone"))
            )
        pages = results_document.render_results(
            job.employee, rows, path, branch=job.branch, printed=printed, progress=progress
        )
        return Printed(path, pages)
    raise ValueError(f"unknown document {job.document!r}")


def shortfall(printed: Printed, asked: int) -> str:
    """What to tell the user when a new paper has fewer questions than were asked for (the
    chosen categories hold too few items), or ""."""
    exam = printed.exam
    if exam is None or printed.reprint_of is not None or len(exam.questions) >= asked:
        return ""
    return tr(
        "The chosen categories have items for {count} questions only, not the {asked} asked "
        "for: the paper has {count} questions, {total} points in all.",
        count=len(exam.questions),
        asked=asked,
        total=exam.total,
    )


def exam_paper(session: Session, questions: int, seed: int, categories: Sequence[str]) -> Exam:
    return service.make_exam(session, questions, seed, categories=categories)
