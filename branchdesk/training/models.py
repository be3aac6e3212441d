"""ORM models of training: drill cards made from the branch's tables, each employee's memory of
them, the reviews, what they looked up, and the new hire's plan.

Employees are kept by their Team id (a plain number, no key across features), as in QC. A card
is keyed by its source row's content (its question side), so it survives a re-import; the
answer side has a fingerprint, and an employee whose memory was built on another fingerprint
learns the card again.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from branchdesk.db.base import Base, utcnow


class TrainingCard(Base):
    """One question on one of the branch's tables (a removed row's card is retired, kept)."""

    __tablename__ = "training_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    # areas | routes | times | handbook | scripts: the table the card is made from.
    deck: Mapped[str] = mapped_column(String(12))
    # area_courier | courier_areas | route | days | fine | avoid | script_category
    kind: Mapped[str] = mapped_column(String(20))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    # JSON list of the answers that count as right (two couriers that tie: both).
    answers: Mapped[str] = mapped_column(Text, default="[]")
    # The area keyword an address lookup is matched on (looked-up addresses come first).
    focus: Mapped[str | None] = mapped_column(String(200), index=True)
    fingerprint: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_training_card_deck", "deck", "retired_at", "position"),)


class TrainingMemory(Base):
    """One employee's memory of one card: the FSRS card, when it is due."""

    __tablename__ = "training_memory"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("training_card.id", ondelete="CASCADE"))
    agent_id: Mapped[int] = mapped_column(Integer)
    fsrs: Mapped[str] = mapped_column(Text)  # fsrs.Card.to_dict() as JSON
    due: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[int] = mapped_column(Integer)  # fsrs.State: 1 learning, 2 review, 3 relearning
    stability: Mapped[float] = mapped_column(Float, default=0.0)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    fingerprint: Mapped[str] = mapped_column(String(40))  # the answer it was learned on
    last_review: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("card_id", "agent_id", name="uq_training_memory"),
        Index("ix_training_memory_due", "agent_id", "due"),
    )


class TrainingReview(Base):
    """One grade given in a drill (kept when the card is re-learned or retired)."""

    __tablename__ = "training_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("training_card.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(Integer, index=True)
    rating: Mapped[int] = mapped_column(Integer)  # 1 again, 2 hard, 3 good, 4 easy
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    seconds: Mapped[int] = mapped_column(Integer, default=0)


class TrainingLookup(Base):
    """An area keyword an employee looked up (or got wrong): drilled first."""

    __tablename__ = "training_lookup"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(Integer)
    keyword: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    wrong: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_training_lookup_agent", "agent_id", "at"),)


class PlanItem(Base):
    """One step of the new-hire plan template, tied to BranchDesk content by a pass rule."""

    __tablename__ = "training_plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    # overview | rules | shadowing: 业务概览 → 规则与态度 → 跟岗
    stage: Mapped[str] = mapped_column(String(12))
    week: Mapped[int] = mapped_column(Integer)  # due at the end of this week after the start
    title: Mapped[str] = mapped_column(String(120))
    # drill | exam | guide | complaints | signoff
    rule: Mapped[str] = mapped_column(String(12))
    target: Mapped[str] = mapped_column(String(120), default="")  # deck, guide title …
    threshold: Mapped[int] = mapped_column(Integer, default=0)  # %, points or a count
    # The jobs this step prepares for (comma-separated: lookup, complaints, phone).
    jobs: Mapped[str] = mapped_column(String(60), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Trainee(Base):
    """A new hire on the plan, with their mentor (带教师傅)."""

    __tablename__ = "training_trainee"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(Integer, unique=True)
    mentor_id: Mapped[int | None] = mapped_column(Integer)
    started_on: Mapped[date] = mapped_column(Date)


class PlanProgress(Base):
    """A trainee's pass of one plan step: when, on which version of the source, signed by whom."""

    __tablename__ = "training_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[int] = mapped_column(ForeignKey("training_plan_item.id", ondelete="CASCADE"))
    passed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The content fingerprint of the source (handbook, table, guide) when it was passed.
    fingerprint: Mapped[str] = mapped_column(String(40), default="")
    signed_by: Mapped[str] = mapped_column(String(40), default="")
    signed_at: Mapped[datetime | None] = mapped_column(DateTime)
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("agent_id", "item_id", name="uq_training_progress"),)
