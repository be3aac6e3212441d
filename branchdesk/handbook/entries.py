"""Plain handbook data handed from the services to printing, practice and the UI.

Services turn ORM rows into these frozen dataclasses, so a PDF renderer or a Qt model never
holds a live Session object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal


@dataclass(frozen=True)
class Entry:
    """One handbook item as it is shown and printed."""

    id: int
    category: str
    cause: str  # 违规致因
    fine: str  # 处罚金额, as written: "10元/票", "赔偿+10元", "计入KPI考核"
    standard: str  # 操作标准
    avoidance: str  # 避责方法
    hq_code: str | None = None
    effective: date | None = None
    updated: datetime | None = None
    fine_flagged: bool = False  # the fine's shape is not known; it is kept as text


@dataclass(frozen=True)
class Chapter:
    """A category with its items, in the handbook's order."""

    name: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Handbook:
    branch: str  # branch name for the cover; may be empty
    version: str  # e.g. "2026-11-22" — the date of the last change
    printed: date
    chapters: tuple[Chapter, ...]
    is_sample: bool = False  # the built-in example handbook: printed with a notice


QuestionKind = Literal["fine", "choice", "judge"]


@dataclass(frozen=True)
class Question:
    """One exam question drawn from a handbook item.

    fine:   fill in the fine for the cause; `answer` is the fine as written.
    choice: choose the correct operating standard among `options`; `answer` is "A"…"D".
    judge:  a statement about the item; `answer` is "T" (true) or "F" (false).
    """

    number: int  # 1-based, as printed
    kind: QuestionKind
    prompt: str
    options: tuple[str, ...]
    answer: str
    entry_id: int
    category: str
    # The true fine or standard, shown in the answer key and after a wrong answer.
    explanation: str = ""


@dataclass(frozen=True)
class Exam:
    title: str
    seed: int
    categories: tuple[str, ...]  # empty: every category
    questions: tuple[Question, ...]
    points: int  # per question (see marks): the fewest points a question is worth

    @property
    def marks(self) -> tuple[int, ...]:
        """Each question's points, in order. A paper drawn with the default points
        (100 // questions) totals 100, as it is marked: where 100 does not divide evenly the
        first questions (the fill-ins come first) are worth a point more — 30 questions are
        10 of 4 points and 20 of 3, not 90 in all. Other points are the same for each."""
        n = len(self.questions)
        extra = 100 - self.points * n if self.points == max(1, 100 // max(1, n)) else 0
        return tuple(self.points + (1 if i < extra else 0) for i in range(n))

    @property
    def total(self) -> int:
        return sum(self.marks)


@dataclass(frozen=True)
class ResultRow:
    """One saved practice or exam result, for the history an owner prints."""

    employee: str
    taken_at: datetime
    mode: str  # "quiz" or "copy" (默写)
    score: int
    total: int
    seed: int | None = None
    categories: tuple[str, ...] = ()

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0
