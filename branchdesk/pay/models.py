"""ORM models of the monthly pay statement: the owner's rates, fines charged to agents, and
approved statements kept as snapshots.

Agents are referred to by id and, on a statement, also by the name they had then: a statement
is a record of what was paid and must read the same after the team list changes.
Times are local wall-clock times, like the complaint log's and the shifts'. The agent table
(Team's) is found through the shared metadata: features.load() loads every feature's models.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, event, inspect, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from branchdesk.db.base import Base
from branchdesk.i18n import tr
from branchdesk.pay.rates import StatementLocked

APPROVED, SUPERSEDED = "approved", "superseded"


class PayRates(Base):
    """The owner's rates, one row per change: the newest row is in force, older ones are the
    history. Amounts in fen; `bands` is JSON: [{"low": 90, "high": null, "amount_fen": 20000},
    …], low inclusive, high exclusive, on the month's QC average."""

    __tablename__ = "pay_rates"

    id: Mapped[int] = mapped_column(primary_key=True)
    per_complaint_fen: Mapped[int] = mapped_column(Integer, default=0)
    per_work_order_fen: Mapped[int] = mapped_column(Integer, default=0)
    per_contact_fen: Mapped[int] = mapped_column(Integer, default=0)
    bands: Mapped[str] = mapped_column(Text, default="[]")
    set_at: Mapped[datetime] = mapped_column(DateTime)
    set_by: Mapped[str] = mapped_column(String(60), default="")


class PayFine(Base):
    """A fine charged to an agent in a month (an HQ penalty passed on, …), with its reason."""

    __tablename__ = "pay_fine"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    amount_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(60), default="")

    __table_args__ = (Index("ix_pay_fine_month_agent", "month", "agent_id"),)


class PayStatement(Base):
    """An approved statement: the figures as JSON, frozen. Never changed once written; a
    reissue writes a new row (with its reason) and marks this one superseded."""

    __tablename__ = "pay_statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    agent_id: Mapped[int] = mapped_column(Integer)
    agent_name: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default=APPROVED)
    figures: Mapped[str] = mapped_column(Text)
    total_fen: Mapped[int] = mapped_column(Integer)
    approved_at: Mapped[datetime] = mapped_column(DateTime)
    approved_by: Mapped[str] = mapped_column(String(60), default="")
    reissue_reason: Mapped[str | None] = mapped_column(Text)
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("pay_statement.id", ondelete="SET NULL")
    )
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_pay_statement_month_agent", "month", "agent_id"),
        # One approved statement per agent and month; the superseded ones stay beside it.
        Index(
            "ix_pay_statement_one_approved",
            "month",
            "agent_id",
            unique=True,
            sqlite_where=text("status = 'approved'"),
        ),
    )


# --- the lock -------------------------------------------------------------------------------

# What may change on a stored statement: only its passing from approved to superseded.
_MUTABLE = {"status", "superseded_at"}


@event.listens_for(Session, "before_flush")
def _keep_statements_locked(session: Session, _context: object, _instances: object) -> None:
    for obj in session.deleted:
        if isinstance(obj, PayStatement):
            raise StatementLocked(
                tr("An approved statement cannot be deleted; reissue it with a reason.")
            )
    for obj in session.dirty:
        if not isinstance(obj, PayStatement):
            continue
        state = inspect(obj)
        changed = {a.key for a in state.attrs if a.history.has_changes()}
        status = state.attrs.status.history
        illegal = changed - _MUTABLE or (
            "status" in changed and (status.deleted != [APPROVED] or obj.status != SUPERSEDED)
        )
        if illegal:
            raise StatementLocked(
                tr(
                    "{agent}'s statement for {month} is approved and cannot be changed. "
                    "Reissue it with a reason if it is wrong.",
                    agent=obj.agent_name,
                    month=obj.month,
                )
            )
