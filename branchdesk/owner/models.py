"""OwnerPin (at most one row) and AuditEntry (one row per owner-level action or wrong PIN)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branchdesk.db.base import Base, utcnow


class OwnerPin(Base):
    """The owner's PIN as an scrypt hash, and the wrong attempts that slow the next try.

    Kept in the database, not in settings.json, so deleting the settings file does not remove
    the PIN, and a restored backup brings back the PIN that guarded it.
    """

    __tablename__ = "owner_pin"

    id: Mapped[int] = mapped_column(primary_key=True)
    salt: Mapped[bytes] = mapped_column(LargeBinary(32))
    digest: Mapped[bytes] = mapped_column(LargeBinary(64))
    # scrypt cost parameters, stored so they can be raised later without locking anyone out.
    cost_n: Mapped[int] = mapped_column(Integer)
    cost_r: Mapped[int] = mapped_column(Integer)
    cost_p: Mapped[int] = mapped_column(Integer)
    set_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    retry_after: Mapped[datetime | None] = mapped_column(DateTime)


class BranchSetting(Base):
    """One of the branch's settings (settings.SETTINGS with scope "branch"), as JSON.

    In the database, not in settings.json: only an audited owner action changes them, and
    editing a file cannot (a retention of 0 there once deleted every daily backup)."""

    __tablename__ = "branch_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(30), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(String(60), default="")
    # True when the owner's PIN was entered for it; False when no PIN was set.
    with_pin: Mapped[bool] = mapped_column(default=False)
