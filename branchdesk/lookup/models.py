"""ORM models of the lookup tables: couriers, area rules, routes, arrival times, waybills."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchdesk.db.base import Base, utcnow


class Courier(Base):
    """业务员: a courier of the branch."""

    __tablename__ = "courier"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    employee_no: Mapped[str | None] = mapped_column(String(30))
    phone: Mapped[str | None] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # The import that created this courier; undoing it removes the courier if no rule is left.
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    rules: Mapped[list[AreaRule]] = relationship(back_populates="courier")

    __table_args__ = (UniqueConstraint("name", "employee_no", name="uq_courier_name_no"),)


class AreaRule(Base):
    """One fragment of the 派件区域表: a keyword (with range/parity) delivered by a courier."""

    __tablename__ = "area_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    courier_id: Mapped[int] = mapped_column(
        ForeignKey("courier.id", ondelete="CASCADE"), index=True
    )
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    district: Mapped[str | None] = mapped_column(String(40))
    town: Mapped[str | None] = mapped_column(String(40))
    keyword: Mapped[str] = mapped_column(String(100))
    parent_keyword: Mapped[str | None] = mapped_column(String(100))
    # community | road | building-range | road-range | town | district
    kind: Mapped[str] = mapped_column(String(20))
    number_lo: Mapped[int | None] = mapped_column(Integer)
    number_hi: Mapped[int | None] = mapped_column(Integer)  # None with lo set: open range
    parity: Mapped[str] = mapped_column(String(4), default="all")  # all | odd | even
    segment_code: Mapped[str | None] = mapped_column(String(30))  # 三段码
    station: Mapped[str | None] = mapped_column(String(60))  # 驿站
    source_text: Mapped[str] = mapped_column(Text)  # the fragment as written in the sheet
    source_row: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)  # the row's 备注, searched as a weak hint
    # JSON: the parts of the fragment beyond the columns above (lane, lettered blocks, phase,
    # exclusions, side, condition, sheet, warning of a row read in part); see Fragment.detail
    detail: Mapped[str | None] = mapped_column(Text)

    courier: Mapped[Courier] = relationship(back_populates="rules")


class Route(Base):
    """发件路由表: destination → hub and route code."""

    __tablename__ = "route"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    province: Mapped[str] = mapped_column(String(20), index=True)
    city: Mapped[str | None] = mapped_column(String(30))
    district: Mapped[str | None] = mapped_column(String(30))
    hub: Mapped[str | None] = mapped_column(String(60))  # 目的分拨中心
    transit_center: Mapped[str | None] = mapped_column(String(60))  # 中转中心
    route_code: Mapped[str | None] = mapped_column(String(20))  # 一段码
    cutoff_time: Mapped[str | None] = mapped_column(String(10))  # 截单时间 HH:MM
    source_row: Mapped[int | None] = mapped_column(Integer)


class ArrivalTime(Base):
    """省市到达时效表: destination → days (standard and express)."""

    __tablename__ = "arrival_time"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    province: Mapped[str] = mapped_column(String(20), index=True)
    city: Mapped[str | None] = mapped_column(String(30))
    days_min: Mapped[int] = mapped_column(Integer)
    days_max: Mapped[int] = mapped_column(Integer)
    express_days: Mapped[int | None] = mapped_column(Integer)
    source_row: Mapped[int | None] = mapped_column(Integer)


class Waybill(Base):
    """A waybill from an HQ list; the newest import of a (carrier, number) wins in lookup."""

    __tablename__ = "waybill"

    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT, not CASCADE: waybills leave only through undo_batch, which also removes them
    # from the short-query index (a cascade would bypass it).
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="RESTRICT"), index=True
    )
    number: Mapped[str] = mapped_column(String(40))
    carrier: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str | None] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(30))
    phone_tail: Mapped[str | None] = mapped_column(String(4))
    address: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(30))
    event_date: Mapped[date | None] = mapped_column(Date)
    courier_name: Mapped[str | None] = mapped_column(String(40))
    # The sending customer (寄件人 / 发件客户) where the HQ export has it: the team routes an
    # item to the agent who owns that customer.
    sender_name: Mapped[str | None] = mapped_column(String(60))
    sender_phone: Mapped[str | None] = mapped_column(String(30))
    source_row: Mapped[int | None] = mapped_column(Integer)

    # Few indexes on purpose: each index on a random key costs an import about a second per
    # 100k rows. A full phone is found through its tail; names and addresses through FTS.
    __table_args__ = (
        Index("ix_waybill_number", "number"),
        Index("ix_waybill_phone_tail", "phone_tail"),
        # Ids never reused: the search indexes refer to waybills by id.
        {"sqlite_autoincrement": True},
    )
