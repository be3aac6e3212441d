"""ORM models of quality control: the day's sample, scorecards, scores, coaching, good handling.

Agents are kept by their Team id (a plain number, no key across features) beside the name they
had when the row was written, so a renamed agent keeps their samples and scores. A sampled item
keeps the text that was checked (the reply, the description, the resolution), as it was when
it was drawn: a score is about what the reviewer read.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchdesk.db.base import Base, utcnow


class QcSample(Base):
    """The sample of one working day: drawn once, with its seed and rule, then kept."""

    __tablename__ = "qc_sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    seed: Mapped[int] = mapped_column(Integer)
    # The rule used, as JSON: quotas, pass mark and banned phrases at the time of drawing.
    rule: Mapped[str] = mapped_column(Text)
    drawn_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    drawn_by: Mapped[str] = mapped_column(String(40), default="")

    agents: Mapped[list[QcSampleAgent]] = relationship(
        order_by="QcSampleAgent.position", cascade="all, delete-orphan"
    )


class QcSampleAgent(Base):
    """One agent's share of a day's sample: what they handled and what the rule asked for."""

    __tablename__ = "qc_sample_agent"

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(
        ForeignKey("qc_sample.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(Integer, index=True)
    agent_name: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # base | new_hire | unstable: why the quota is what it is.
    reason: Mapped[str] = mapped_column(String(10))
    quota: Mapped[int] = mapped_column(Integer)
    handled: Mapped[int] = mapped_column(Integer)
    banned: Mapped[int] = mapped_column(Integer)


class QcSampleItem(Base):
    """One complaint or contact drawn for checking."""

    __tablename__ = "qc_sample_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(
        ForeignKey("qc_sample.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    item_kind: Mapped[str] = mapped_column(String(10))  # complaint | contact
    item_id: Mapped[int] = mapped_column(Integer)
    # banned | random: how the item came into the sample.
    reason: Mapped[str] = mapped_column(String(10))
    phrases: Mapped[str] = mapped_column(Text, default="")  # the banned phrases found, one a line
    handled_at: Mapped[datetime] = mapped_column(DateTime)
    title: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_qc_sample_item_agent", "agent_id", "sample_id"),)


class QcScorecard(Base):
    """A version of the scorecard; saving an edited card adds a version, so old scores keep
    the card they were given on."""

    __tablename__ = "qc_scorecard"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    current: Mapped[bool] = mapped_column(default=True)

    sections: Mapped[list[QcSection]] = relationship(
        order_by="QcSection.position", cascade="all, delete-orphan"
    )


class QcSection(Base):
    """A section of a scorecard with its weight in percent (the sections add up to 100)."""

    __tablename__ = "qc_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(
        ForeignKey("qc_scorecard.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(40))
    weight: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)

    criteria: Mapped[list[QcCriterion]] = relationship(
        order_by="QcCriterion.position", cascade="all, delete-orphan"
    )


class QcCriterion(Base):
    """An item of a section, with its share of the section (relative weight)."""

    __tablename__ = "qc_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("qc_section.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(40))
    weight: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)


class QcScore(Base):
    """One reviewer's score of a sampled item (two reviewers of one item: calibration)."""

    __tablename__ = "qc_score"

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_item_id: Mapped[int] = mapped_column(ForeignKey("qc_sample_item.id", ondelete="CASCADE"))
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("qc_scorecard.id", ondelete="RESTRICT"))
    reviewer: Mapped[str] = mapped_column(String(40))
    total: Mapped[float] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")
    scored_at: Mapped[datetime] = mapped_column(DateTime)
    # Copied from the item, so a month's figures per agent are one indexed query.
    agent_id: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)

    lines: Mapped[list[QcScoreLine]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_qc_score_item_reviewer", "sample_item_id", "reviewer", unique=True),
        Index("ix_qc_score_day_agent", "day", "agent_id"),
    )


class QcScoreLine(Base):
    """The points (0–100) given to one item of the scorecard, with a comment."""

    __tablename__ = "qc_score_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    score_id: Mapped[int] = mapped_column(ForeignKey("qc_score.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("qc_criterion.id", ondelete="RESTRICT"))
    points: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class QcCoaching(Base):
    """A coaching talk: what went well first, the problem, the direction agreed, the agent's
    acknowledgement, and a follow-up date that keeps it in the QC queue until it is closed."""

    __tablename__ = "qc_coaching"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(Integer, index=True)
    agent_name: Mapped[str] = mapped_column(String(40))
    sample_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("qc_sample_item.id", ondelete="SET NULL")
    )
    went_well: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str] = mapped_column(Text, default="")
    acknowledgement: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    follow_up_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(40), default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_qc_coaching_open", "closed_at", "follow_up_on"),)


class QcGoodHandling(Base):
    """An item marked as good handling (优秀处理), kept as an example for training and scripts."""

    __tablename__ = "qc_good_handling"

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("qc_sample_item.id", ondelete="SET NULL"), unique=True
    )
    agent_id: Mapped[int] = mapped_column(Integer)
    agent_name: Mapped[str] = mapped_column(String(40))
    item_kind: Mapped[str] = mapped_column(String(10))
    item_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    marked_by: Mapped[str] = mapped_column(String(40), default="")
    marked_at: Mapped[datetime] = mapped_column(DateTime)
