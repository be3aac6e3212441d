"""ORM models of the complaint log: categories (a tree), reply scripts, complaints, history.

Times of complaints (received, due, closed, events) are local wall-clock times: deadlines are
promises to customers in the branch's own time, and the agent reads them as such.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

import branchdesk.io.models  # noqa: F401  (import_batch, which batch_id refers to)
from branchdesk.db.base import Base


class ComplaintCategory(Base):
    """A kind of complaint (延误 › 派送延误 …) with its default deadline in hours."""

    __tablename__ = "complaint_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaint_category.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(40))
    sla_hours: Mapped[int] = mapped_column(Integer, default=24)
    position: Mapped[int] = mapped_column(Integer, default=0)

    scripts: Mapped[list[ReplyTemplate]] = relationship(
        back_populates="category", order_by="ReplyTemplate.position", cascade="all, delete-orphan"
    )


class ReplyTemplate(Base):
    """A reply script with placeholders such as {运单号} {业务员} {业务员电话} {预计到达}."""

    __tablename__ = "reply_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("complaint_category.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(60))
    body: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    category: Mapped[ComplaintCategory] = relationship(back_populates="scripts")


class Complaint(Base):
    """One complaint or HQ work order (工单), followed from 新建 to 已结案."""

    __tablename__ = "complaint"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_no: Mapped[str] = mapped_column(String(30), unique=True)
    hq_order_no: Mapped[str | None] = mapped_column(String(40), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    waybill_no: Mapped[str | None] = mapped_column(String(40), index=True)
    customer_name: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(30), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    category_id: Mapped[int] = mapped_column(
        ForeignKey("complaint_category.id", ondelete="RESTRICT"), index=True
    )
    courier_name: Mapped[str | None] = mapped_column(String(40), index=True)
    courier_phone: Mapped[str | None] = mapped_column(String(30))
    agent: Mapped[str | None] = mapped_column(String(40))
    # new | processing | escalated | callback | closed (workflow.STATUSES)
    status: Mapped[str] = mapped_column(String(12), default="new")
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    description: Mapped[str] = mapped_column(Text, default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str | None] = mapped_column(Text)
    compensation_fen: Mapped[int | None] = mapped_column(Integer)
    # A duplicate merged into another complaint: kept, with its history, but not followed.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaint.id", ondelete="SET NULL")
    )
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # One of the sample branch's complaints: 移除示例数据 removes it.
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    events: Mapped[list[ComplaintEvent]] = relationship(
        back_populates="complaint",
        order_by="ComplaintEvent.id",
        cascade="all, delete-orphan",
        foreign_keys="ComplaintEvent.complaint_id",
    )

    __table_args__ = (
        # The due queue asks for open complaints by deadline: one index answers it.
        Index("ix_complaint_status_due", "status", "due_at"),
        # The monthly pay statement counts complaints closed in a month per agent.
        Index("ix_complaint_closed_at", "closed_at"),
        # Only merged complaints are indexed: an index holding every NULL would tempt SQLite
        # to answer "merged_into_id IS NULL" with it, scanning the whole table.
        Index(
            "ix_complaint_merged_into_id",
            "merged_into_id",
            sqlite_where=text("merged_into_id IS NOT NULL"),
        ),
        # "Is anything of the sample left?" is asked at every start, before the first paint
        # too (sample_glance): the sample's few complaints alone, not a scan of the year's.
        # Asked as "is_sample = 1" (an "IS 1" would not use it).
        Index("ix_complaint_is_sample", "is_sample", sqlite_where=text("is_sample = 1")),
    )


class ComplaintEvent(Base):
    """One line of a complaint's history: who did what, when."""

    __tablename__ = "complaint_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(20))  # created | status | edit | merged | …
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str | None] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
    # A merge that brought the deadline forward keeps the deadline it replaced (for undo).
    due_before: Mapped[datetime | None] = mapped_column(DateTime)

    complaint: Mapped[Complaint] = relationship(
        back_populates="events", foreign_keys=[complaint_id]
    )

    # Quality control asks who handled which complaint on a day: one index answers it.
    __table_args__ = (Index("ix_complaint_event_at", "at"),)
