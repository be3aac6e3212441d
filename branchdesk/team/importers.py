"""Import of the sending-customer list (发件客户: name, phone, daily volume, owner) through the
import framework: all or nothing (or --skip-invalid), undone with its batch."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.io.importing import ImportKind, Options, Progress, Rows, register, repeated_rows
from branchdesk.io.models import ImportBatch
from branchdesk.io.tabular import CellError, Field, ParsedRow, integer
from branchdesk.permissions import Action
from branchdesk.team.models import Agent, Customer
from branchdesk.team.ownership import customer_phone


def _name(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    if len(text) > 60:
        raise CellError(tr("the name is longer than 60 characters; shorten it"))
    return text or None


def _volume(value: object) -> int | None:
    number = integer(value)
    if number is not None and not 0 <= number <= 1_000_000:
        raise CellError(tr("a daily volume between 0 and 1,000,000 parcels is expected"))
    return number


CUSTOMER_FIELDS = (
    Field(
        "name",
        "Customer",
        (
            "客户名称",
            "客户",
            "客户名",
            "发件客户",
            "寄件客户",
            "商家",
            "商家名称",
            "店铺",
            "店铺名称",
            "客户姓名",
            "名称",
        ),
        required=True,
        parse=_name,
    ),
    Field(
        "phone",
        "Phone",
        ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "客户电话", "发件电话"),
        parse=customer_phone,
    ),
    Field("shop", "Shop", ("店铺地址", "地址", "门店", "商铺", "网店")),
    Field(
        "daily_volume",
        "Daily volume",
        ("日均件量", "日均单量", "日均", "件量", "日均票数", "日发件量", "单量"),
        parse=_volume,
    ),
    Field(
        "owner",
        "Owner",
        ("负责客服", "客服", "对接客服", "负责人", "专属客服", "归属客服"),
        parse=_name,
    ),
)


def _duplicates(rows: Iterable[ParsedRow]) -> list[tuple[ParsedRow, str | None, str]]:
    return repeated_rows(
        rows,
        (
            lambda row: str(row.values["name"]),
            "name",
            lambda first: tr("the same customer already appears in row {row}", row=first),
        ),
        (
            lambda row: str(row.values.get("phone") or ""),
            "phone",
            lambda first: tr("the same phone already appears in row {row}", row=first),
        ),
    )


def _check_against_team(
    session: Session, rows: list[ParsedRow], _options: Options
) -> list[tuple[ParsedRow, str | None, str]]:
    """Owners must be agents of the team; customers already in the list are not added twice."""
    agents = {name: agent_id for agent_id, name in session.execute(select(Agent.id, Agent.name))}
    known_names = set(session.scalars(select(Customer.name)))
    known_phones = set(session.scalars(select(Customer.phone).where(Customer.phone.is_not(None))))
    found: list[tuple[ParsedRow, str | None, str]] = []
    for row in rows:
        owner = row.values.get("owner")
        if owner and owner not in agents:
            found.append(
                (
                    row,
                    "owner",
                    tr(
                        "“{name}” is not in the team; add the agent under 团队 first, or correct "
                        "the name",
                        name=owner,
                    ),
                )
            )
        elif row.values["name"] in known_names:
            found.append((row, "name", tr("this customer is already in the customer list")))
        elif row.values.get("phone") and row.values["phone"] in known_phones:
            found.append((row, "phone", tr("a customer with this phone is already in the list")))
    return found


def _write(session: Session, batch: ImportBatch, rows: Rows, progress: Progress | None) -> int:
    agents = {name: agent_id for agent_id, name in session.execute(select(Agent.id, Agent.name))}
    params = [
        {
            "name": row.values["name"],
            "phone": row.values.get("phone"),
            "shop": row.values.get("shop"),
            "daily_volume": row.values.get("daily_volume"),
            "owner_id": agents.get(str(row.values.get("owner")))
            if row.values.get("owner")
            else None,
            "batch_id": batch.id,
        }
        for row in rows
    ]
    if params:
        session.execute(insert(Customer), params)
    return len(params)


def _undo(session: Session, batch: ImportBatch) -> None:
    session.execute(delete(Customer).where(Customer.batch_id == batch.id))


register(
    ImportKind(
        name="customers",
        label="Sending customers",
        fields=CUSTOMER_FIELDS,
        write=_write,
        undo=_undo,
        rows_check=_duplicates,
        context_check=_check_against_team,
        required=Action.MANAGE_TEAM,
    )
)
