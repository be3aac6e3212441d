"""Who owns what (分工): sending customers (发件客户) with their owner, and an agent's couriers
and area keywords. Changing it is the owner's (audited); reading it is everyone's."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.lookup.importers import parse_phone, whole_phone
from branchdesk.permissions import Action, require_owner
from branchdesk.team.agents import TeamError, get_agent
from branchdesk.team.models import Agent, Customer, Ownership

KINDS = ("courier", "area")


def kind_label(kind: str) -> str:
    return {"courier": tr("Courier"), "area": tr("Area keyword")}.get(kind, kind)


def customer_phone(value: object) -> str | None:
    """A customer's phone as plain digits (spaces, +86 and hyphens gone); CellError unless it
    is a whole mobile number (11 digits), a landline with its area code, or a local landline."""
    from branchdesk.io.tabular import CellError

    number = parse_phone(value)
    if number is None:
        return None
    if not whole_phone(number):
        raise CellError(
            tr(
                "{number} is not a whole phone number: a mobile has 11 digits, a landline "
                "its area code (0574-87654321)",
                number=number,
            )
        )
    return number


def normalise_phone(value: object) -> str | None:
    """`customer_phone`, refusing with TeamError."""
    try:
        return customer_phone(value)
    except (BranchDeskError, ValueError) as exc:
        raise TeamError(str(exc)) from None


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    phone: str
    shop: str
    daily_volume: int | None
    owner_id: int | None
    owner: str


def list_customers(session: Session, words: str = "") -> list[CustomerRow]:
    """The sending customers by name, with their owner's name (one query)."""
    query = (
        select(Customer, Agent.name)
        .outerjoin(Agent, Agent.id == Customer.owner_id)
        .order_by(Customer.name, Customer.id)
    )
    words = words.strip()
    if words:
        like = "%" + words.replace("%", "").replace("_", "") + "%"
        query = query.where(Customer.name.like(like) | Customer.phone.like(like))
    return [
        CustomerRow(
            c.id, c.name, c.phone or "", c.shop or "", c.daily_volume, c.owner_id, name or ""
        )
        for c, name in session.execute(query)
    ]


def add_customer(
    session: Session,
    name: str,
    *,
    phone: str = "",
    shop: str = "",
    daily_volume: int | None = None,
    owner_id: int | None = None,
    audit: bool = True,
) -> CustomerRow:
    name = " ".join(name.split())
    if not name:
        raise TeamError(tr("Enter the customer's name."))
    if len(name) > 60:
        raise TeamError(tr("The customer's name is longer than 60 characters: shorten it."))
    number = normalise_phone(phone) if phone.strip() else None
    clash = select(Customer.id).where(Customer.name == name)
    if number:
        clash = select(Customer.id).where((Customer.name == name) | (Customer.phone == number))
    if session.scalar(clash.limit(1)) is not None:
        raise TeamError(
            tr("The customer “{name}” (or that phone) is already in the list.", name=name)
        )
    owner = get_agent(session, owner_id).name if owner_id is not None else ""
    if audit:
        require_owner(Action.MANAGE_TEAM, session, tr("Customer “{name}” added", name=name))
    customer = Customer(
        name=name,
        phone=number,
        shop=shop.strip() or None,
        daily_volume=daily_volume,
        owner_id=owner_id,
    )
    session.add(customer)
    session.flush()
    return CustomerRow(customer.id, name, number or "", shop.strip(), daily_volume, owner_id, owner)


def set_customer_owner(session: Session, customer_id: int, owner_id: int | None) -> None:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise TeamError(tr("That customer no longer exists: reopen the list."))
    owner = get_agent(session, owner_id).name if owner_id is not None else "—"
    require_owner(
        Action.MANAGE_TEAM,
        session,
        tr("Customer “{name}” now owned by {owner}", name=customer.name, owner=owner),
    )
    customer.owner_id = owner_id
    session.flush()


def delete_customer(session: Session, customer_id: int) -> None:
    customer = session.get(Customer, customer_id)
    if customer is None:
        return
    require_owner(Action.MANAGE_TEAM, session, tr("Customer “{name}” deleted", name=customer.name))
    session.delete(customer)
    session.flush()


def customer_counts(session: Session) -> dict[int, int]:
    """Customers per owner."""
    return {
        owner: count
        for owner, count in session.execute(
            select(Customer.owner_id, func.count())
            .where(Customer.owner_id.is_not(None))
            .group_by(Customer.owner_id)
        )
        if owner is not None
    }


# --- couriers and areas ------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnershipRow:
    id: int
    agent_id: int
    agent: str
    kind: str
    value: str


def list_ownership(session: Session, agent_id: int | None = None) -> list[OwnershipRow]:
    query = (
        select(Ownership, Agent.name)
        .join(Agent, Agent.id == Ownership.agent_id)
        .order_by(Agent.name, Ownership.kind, Ownership.value)
    )
    if agent_id is not None:
        query = query.where(Ownership.agent_id == agent_id)
    return [
        OwnershipRow(o.id, o.agent_id, name, o.kind, o.value) for o, name in session.execute(query)
    ]


def set_ownership(
    session: Session, agent_id: int, kind: str, value: str, *, audit: bool = True
) -> OwnershipRow:
    """The agent owns courier `value` (its customers) or area keyword `value`; an earlier owner
    of the same courier or keyword gives it up."""
    if kind not in KINDS:
        raise TeamError(tr("Unknown kind of ownership “{kind}”.", kind=kind))
    value = " ".join(value.split())
    if not value:
        raise TeamError(tr("Enter the courier's name or the area keyword."))
    if len(value) > 60:
        raise TeamError(tr("The name is longer than 60 characters: shorten it."))
    agent = get_agent(session, agent_id)
    if audit:
        require_owner(
            Action.MANAGE_TEAM,
            session,
            tr(
                "{kind} “{value}” now owned by {agent}",
                kind=kind_label(kind),
                value=value,
                agent=agent.name,
            ),
        )
    row = session.scalar(select(Ownership).where(Ownership.kind == kind, Ownership.value == value))
    if row is None:
        row = Ownership(agent_id=agent_id, kind=kind, value=value)
        session.add(row)
    else:
        row.agent_id = agent_id
    session.flush()
    return OwnershipRow(row.id, agent_id, agent.name, kind, value)


def remove_ownership(session: Session, ownership_id: int) -> None:
    row = session.get(Ownership, ownership_id)
    if row is None:
        return
    require_owner(
        Action.MANAGE_TEAM,
        session,
        tr("{kind} “{value}” no longer owned", kind=kind_label(row.kind), value=row.value),
    )
    session.execute(delete(Ownership).where(Ownership.id == ownership_id))
