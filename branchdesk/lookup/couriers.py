"""Couriers (业务员): list and edit name, phone and active state."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.lookup.models import AreaRule, Courier, Waybill
from branchdesk.lookup.waybills import normalise_number


@dataclass(frozen=True)
class CourierRow:
    id: int
    name: str
    employee_no: str | None
    phone: str | None
    active: bool
    rules: int
    notes: str | None


def list_couriers(session: Session) -> list[CourierRow]:
    counts = dict(
        session.execute(
            select(AreaRule.courier_id, func.count()).group_by(AreaRule.courier_id)
        ).all()
    )
    return [
        CourierRow(c.id, c.name, c.employee_no, c.phone, c.active, counts.get(c.id, 0), c.notes)
        for c in session.scalars(select(Courier).order_by(Courier.active.desc(), Courier.name))
    ]


def active_courier_names(session: Session) -> list[str]:
    """The names of the branch's active couriers (for name choosers in other features)."""
    return list(
        session.scalars(select(Courier.name).where(Courier.active.is_(True)).order_by(Courier.name))
    )


def courier_phone(session: Session, name: str) -> str | None:
    """The phone of the courier named `name`, if the branch knows one."""
    return session.scalar(select(Courier.phone).where(Courier.name == name).limit(1))


def courier_for_waybill(session: Session, waybill_no: str) -> str | None:
    """The courier the newest imported waybill list names for this waybill, if any (one
    indexed query; matching the address is `lookup.service.lookup`'s job)."""
    number = normalise_number(waybill_no) if waybill_no.strip() else ""
    if not number:
        return None
    return session.scalar(
        select(Waybill.courier_name)
        .where(Waybill.number == number, Waybill.courier_name.is_not(None))
        .order_by(Waybill.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class WaybillParties:
    """Who sent a waybill, who delivers it and where (for routing it to an agent)."""

    number: str
    sender_name: str | None
    sender_phone: str | None
    courier: str | None
    address: str | None


def waybill_parties(session: Session, waybill_no: str) -> WaybillParties | None:
    """The newest imported record of the waybill: sender, courier and address (one indexed
    query); None when the number is not in the waybill list."""
    number = normalise_number(waybill_no) if waybill_no.strip() else ""
    if not number:
        return None
    row = session.execute(
        select(
            Waybill.number,
            Waybill.sender_name,
            Waybill.sender_phone,
            Waybill.courier_name,
            Waybill.address,
        )
        .where(Waybill.number == number)
        .order_by(Waybill.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return WaybillParties(row[0], row[1], row[2], row[3], row[4])


def update_courier(
    session: Session,
    courier_id: int,
    *,
    name: str | None = None,
    phone: str | None = None,
    active: bool | None = None,
    notes: str | None = None,
) -> CourierRow:
    """Change a courier; raises BranchDeskError with a message for the user on bad values."""
    courier = session.get(Courier, courier_id)
    if courier is None:
        raise BranchDeskError(tr("This courier no longer exists."))
    if name is not None:
        name = name.strip()
        if not name:
            raise BranchDeskError(tr("The courier's name cannot be empty."))
        if len(name) > 40:
            raise BranchDeskError(tr("The courier's name is at most 40 characters."))
        courier.name = name
    if phone is not None:
        phone = re.sub(r"[\s-]", "", phone)
        if phone and not re.fullmatch(r"\d{5,15}", phone):
            raise BranchDeskError(tr("The phone number takes digits only, e.g. 13812345678."))
        courier.phone = phone or None
    if active is not None:
        courier.active = active
    if notes is not None:
        courier.notes = notes.strip() or None
    session.flush()
    rules = session.scalar(
        select(func.count()).select_from(AreaRule).where(AreaRule.courier_id == courier.id)
    )
    return CourierRow(
        courier.id,
        courier.name,
        courier.employee_no,
        courier.phone,
        courier.active,
        rules or 0,
        courier.notes,
    )
