"""ORM models of the service team.

Agents are referred to by id inside the team; other features record an agent by name (the
complaint's `agent`, a history line's `who`), as they did before the team existed, so a
renamed or removed agent never breaks another feature's rows.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

import branchdesk.io.models  # noqa: F401  (import_batch, which batch_id refers to)
from branchdesk.db.base import Base, utcnow

# Roles, stored in English; the UI shows 客服 / 组长 / 质检 / 店主.
ROLES = ("agent", "lead", "qc", "owner")
# Channels of a contact, stored in English; the UI shows 电话 / 在线 / 留言 / 上门.
CHANNELS = ("phone", "online", "message", "visit")


class Agent(Base):
    """One member of the service team (客服, 组长, 质检 or 店主)."""

    __tablename__ = "agent"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    employee_no: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(10), default="agent")
    started_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Who takes this agent's new items on a day the agent has not signed in.
    standin_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # One of the sample branch's agents: 移除示例数据 removes it with its work.
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Shift(Base):
    """One sign-in at the branch PC, closed by the sign-out (考勤: days and hours).

    Local wall-clock times, like the complaint log's: attendance is read in the branch's hours.
    """

    __tablename__ = "shift"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="CASCADE"))
    signed_in_at: Mapped[datetime] = mapped_column(DateTime)
    signed_out_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_shift_agent_in", "agent_id", "signed_in_at"),)


class Customer(Base):
    """A sending customer (发件客户): a shop or company that ships through the branch."""

    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), index=True)
    phone: Mapped[str | None] = mapped_column(String(30), index=True)
    shop: Mapped[str | None] = mapped_column(String(60))
    daily_volume: Mapped[int | None] = mapped_column(Integer)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), index=True
    )
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )


class Ownership(Base):
    """An agent owns a courier's customers (kind "courier") or an area (kind "area").

    The value is the courier's name or the area-table keyword, as Lookup reports them, so a
    re-imported area table keeps its owners."""

    __tablename__ = "ownership"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(String(60))

    __table_args__ = (Index("ix_ownership_kind_value", "kind", "value", unique=True),)


class Contact(Base):
    """One customer contact, logged in seconds: channel, waybill, question, reply, outcome."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    # Who handled it (the agent signed in at the PC).
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(10))
    waybill_no: Mapped[str | None] = mapped_column(String(40), index=True)
    customer_name: Mapped[str | None] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(30))
    question: Mapped[str] = mapped_column(Text, default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    # The reply script the answer came from (Complaints' script title; no key across features).
    script_title: Mapped[str | None] = mapped_column(String(60))
    # resolved | follow_up | complaint | no_answer
    outcome: Mapped[str] = mapped_column(String(12), default="resolved")

    __table_args__ = (Index("ix_contact_agent_at", "agent_id", "at"),)


class Assignment(Base):
    """Who a complaint or contact is assigned to, and why; every reassignment is a new row, so
    the newest row of an item is its owner and the older ones its history."""

    __tablename__ = "assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_kind: Mapped[str] = mapped_column(String(10))  # complaint | contact
    item_id: Mapped[int] = mapped_column(Integer)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(40), default="")
    # Only the newest row of an item is current; kept as a flag so "my queue" is one index.
    current: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        Index("ix_assignment_item", "item_kind", "item_id"),
        Index("ix_assignment_agent_current", "agent_id", "current"),
    )
