"""Routing (分单): which agent a new complaint or contact goes to, and why.

The owner is found through the waybill's sending customer (by phone, then name), the
waybill's courier, or the address (an owned area keyword, else the courier the area table
names); an owner who has not signed in that day (or has left) hands it to their stand-in.
A handful of indexed queries and the in-memory area matcher: well under 20 ms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.lookup.couriers import waybill_parties
from branchdesk.team.agents import signed_in_on
from branchdesk.team.models import Agent, Customer, Ownership
from branchdesk.team.ownership import normalise_phone


@dataclass(frozen=True)
class Route:
    agent_id: int | None  # None: nobody found (the item stays unassigned)
    agent_name: str
    reason: str  # shown to the user: 按发件客户 …, 按业务员 …, 按区域 …, 代班


def _phone(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return normalise_phone(value)
    except BranchDeskError:
        return None


def _customer_owner(
    session: Session, phones: list[str], names: list[str]
) -> tuple[int, str] | None:
    """(owner id, customer name) of the sending customer with one of these phones, else
    one of these names."""
    if not phones and not names:
        return None
    condition = Customer.phone.in_(phones) | Customer.name.in_(names)
    rows = session.execute(
        select(Customer.owner_id, Customer.name, Customer.phone).where(
            condition, Customer.owner_id.is_not(None)
        )
    ).all()
    by_phone = next((r for r in rows if r[2] in phones), None)
    best = by_phone or next((r for r in rows if r[1] in names), None)
    if best is None or best[0] is None:
        return None
    return best[0], best[1]


def _address_match(session: Session, address: str) -> tuple[str | None, list[str]]:
    """The courier the area table names for `address` (None on a tie) and the matched
    keywords, best first."""
    from branchdesk.lookup.service import LookupResult, lookup_index, match_address

    result = LookupResult(query=address, kind="text")
    match_address(lookup_index(session), address, result)
    rules = [hit.rule for hit in result.couriers if hit.rule]
    courier = result.couriers[0].name if result.couriers and not result.ambiguous else None
    return courier, rules


def route(
    session: Session,
    *,
    waybill_no: str = "",
    phone: str = "",
    address: str = "",
    day: date | None = None,
) -> Route:
    """The agent a new item goes to, and the reason in words."""
    day = day or date.today()
    parties = waybill_parties(session, waybill_no) if waybill_no.strip() else None
    phones = [p for p in (_phone(parties.sender_phone if parties else None), _phone(phone)) if p]
    names = [parties.sender_name] if parties and parties.sender_name else []
    owner_id: int | None = None
    reason = ""
    found = _customer_owner(session, phones, names)
    if found is not None:
        owner_id, customer = found
        reason = tr("by sending customer {name}", name=customer)
    courier = parties.courier if parties else None
    address = address.strip() or (parties.address if parties and parties.address else "")
    if owner_id is None and (courier or address):
        keywords: list[str] = []
        if address:
            matched, keywords = _address_match(session, address)
            courier = courier or matched
        rows = session.execute(
            select(Ownership.kind, Ownership.value, Ownership.agent_id).where(
                (Ownership.kind == "area") | (Ownership.value == (courier or ""))
            )
        ).all()
        # An owned area keyword is the most specific (the longest one found in the address
        # or in the area-table rule that matched it); then the courier's owner.
        compact = "".join(address.split())
        areas = sorted(
            (
                (value, agent)
                for kind, value, agent in rows
                if kind == "area" and (value in compact or any(value in k for k in keywords))
            ),
            key=lambda va: -len(va[0]),
        )
        couriers = [agent for kind, value, agent in rows if kind == "courier" and value == courier]
        if areas:
            owner_id = areas[0][1]
            reason = tr("by area {keyword}", keyword=areas[0][0])
        elif couriers:
            owner_id = couriers[0]
            reason = tr("by courier {name}", name=courier)
    if owner_id is None:
        return Route(None, "", tr("no owner found"))
    owner = session.get(Agent, owner_id)
    if owner is None:
        return Route(None, "", tr("no owner found"))
    if owner.active and owner_id in signed_in_on(session, day):
        return Route(owner.id, owner.name, reason)
    standin = session.get(Agent, owner.standin_id) if owner.standin_id else None
    if standin is None or not standin.active:
        if not owner.active:  # gone, and nobody named to take over: nobody's yet
            return Route(None, "", tr("{owner} has left and has no stand-in", owner=owner.name))
        return Route(owner.id, owner.name, reason)
    why = (
        tr("{owner} has not signed in today", owner=owner.name)
        if owner.active
        else tr("{owner} has left", owner=owner.name)
    )
    return Route(
        standin.id,
        standin.name,
        tr("{reason}; {why}: stand-in {standin}", reason=reason, why=why, standin=standin.name),
    )
