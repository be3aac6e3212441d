"""ORM models of the penalty handbook: categories, items, printed exam papers, results."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

import branchdesk.io.models  # noqa: F401  (import_batch, which batch_id refers to)
from branchdesk.db.base import Base, utcnow


class PenaltyCategory(Base):
    """A chapter of the handbook (派件时效节点, 取件流程, …), in the owner's order."""

    __tablename__ = "penalty_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The import that created it; undoing that import removes it again if it is empty.
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    items: Mapped[list[PenaltyItem]] = relationship(back_populates="category")


class PenaltyItem(Base):
    """One HQ rule: what is punished, the fine (structured, original text kept), how to avoid it."""

    __tablename__ = "penalty_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("penalty_category.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    cause: Mapped[str] = mapped_column(String(200))
    # The fine as written, and what fines.parse_fine read from it.
    fine_text: Mapped[str] = mapped_column(String(200))
    fine_kind: Mapped[str] = mapped_column(String(16))
    fine_fen: Mapped[int | None] = mapped_column(Integer)
    fine_max_fen: Mapped[int | None] = mapped_column(Integer)
    fine_unit: Mapped[str | None] = mapped_column(String(8))
    fine_step_fen: Mapped[int | None] = mapped_column(Integer)
    fine_step_minutes: Mapped[int | None] = mapped_column(Integer)
    fine_after_minutes: Mapped[int | None] = mapped_column(Integer)
    fine_severe_fen: Mapped[int | None] = mapped_column(Integer)
    fine_compensation: Mapped[bool] = mapped_column(Boolean, default=False)
    fine_dismissal: Mapped[bool] = mapped_column(Boolean, default=False)
    standard: Mapped[str] = mapped_column(Text, default="")
    avoidance: Mapped[str] = mapped_column(Text, default="")
    hq_code: Mapped[str | None] = mapped_column(String(40))
    effective_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The import that brought this item (None: added by hand) and the import that replaced
    # it. A replaced item is kept, inactive, so undoing the newer import brings it back.
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )
    source_row: Mapped[int | None] = mapped_column(Integer)

    category: Mapped[PenaltyCategory] = relationship(back_populates="items")


class ExamPaper(Base):
    """A printed exam: its seed and categories are enough to print the same paper again."""

    __tablename__ = "exam_paper"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    seed: Mapped[int] = mapped_column(Integer, index=True)
    question_count: Mapped[int] = mapped_column(Integer)
    categories: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    points: Mapped[int] = mapped_column(Integer, default=5)
    # The drawn questions as JSON: the same paper number reprints this paper exactly, even
    # after the handbook has changed (the answer key must match the papers handed out).
    questions: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExamResult(Base):
    """One employee's practice or exam result (练习 or 默写), kept for the owner's history."""

    __tablename__ = "exam_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee: Mapped[str] = mapped_column(String(40), index=True)
    # Local time, as the employee and the owner read it on the results sheet.
    taken_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    mode: Mapped[str] = mapped_column(String(10))  # quiz | copy
    score: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int | None] = mapped_column(Integer)
    categories: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    details: Mapped[str] = mapped_column(Text, default="[]")  # JSON: question, answer, right
