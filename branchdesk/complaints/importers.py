"""HQ work-order lists (工单) imported as complaints, with their deadlines.

A work order already in the DB, or twice in the file, is a row problem (nothing is written
unless the user skips those rows). A work order on a waybill that already has an open
complaint is imported and merged into it, so the branch follows one case, with both
histories; the import report says how many were merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk.complaints import service
from branchdesk.complaints.models import Complaint
from branchdesk.i18n import tr
from branchdesk.io.importing import ImportKind, Progress, Rows, register, repeated_rows
from branchdesk.io.models import ImportBatch
from branchdesk.io.tabular import CellError, Field, ParsedRow, digits, required_text, text
from branchdesk.lookup import couriers
from branchdesk.lookup.importers import parse_phone, parse_waybill_number, whole_phone

_EXCEL_EPOCH = datetime(1899, 12, 30)
_DATETIME_TEXT = re.compile(
    r"(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(上午|下午|晚上|中午)?\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?"
    r"(?:\s*[:：]?\s*(\d{1,2})(?:\.\d+)?\s*秒?)?)?"
)

# HQ work-order types (FACTS.md) → the branch's categories, when the names differ.
TYPE_SYNONYMS = {
    "催件派送": "催件",
    "催派": "催件",
    "修改地址": "改地址",
    "更改地址": "改地址",
    "客户拒签": "拒收",
    "拒签": "拒收",
    "丢件": "遗失",
    "丢失": "遗失",
    "丢失短少": "遗失",
    "丢件破损": "破损/短少",
    "破损": "破损/短少",
    "损毁": "破损/短少",
    "短少": "破损/短少",
    "少件": "破损/短少",
    "无人收货": "派送延误",
    "延误": "延误",
    "派送超时": "派送延误",
    "代收点": "委托签收/代收点",
    "驿站": "委托签收/代收点",
    "投递服务": "服务态度",
    "收寄服务": "服务态度",
    "其他异常": "其他",
    "截单退回": "其他",
}


def datetime_value(value: object) -> datetime | None:
    """A date and time from a real datetime, an Excel serial, or text like 2026-11-22 09:30.

    Years outside 2000–2100 are refused: a work order from year 9999 is a typing mistake,
    and its deadline arithmetic would overflow."""
    found = _datetime_value(value)
    if found is not None and not 2000 <= found.year <= 2100:
        raise CellError(tr("a date and time is expected here, e.g. 2026-11-22 09:30"))
    return found


def _datetime_value(value: object) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 <= value <= 80000:
            return (_EXCEL_EPOCH + timedelta(days=float(value))).replace(microsecond=0)
        raise CellError(tr("a date and time is expected here, e.g. 2026-11-22 09:30"))
    if isinstance(value, str):
        s = unicodedata.normalize("NFKC", value).strip()
        m = _DATETIME_TEXT.fullmatch(s)
        if m:
            if not s[m.end(2) : m.start(3)] and len(m[2] + m[3]) < 4:
                # 2026115: November 5th or January 15th? Nothing tells.
                raise CellError(
                    tr(
                        "the month and day can be read two ways: write them with separators, "
                        "e.g. 2026-11-05 09:30"
                    )
                )
            hour = _hour(int(m[5] or 0), m[4])
            try:
                return datetime(
                    int(m[1]), int(m[2]), int(m[3]), hour, int(m[6] or 0), int(m[7] or 0)
                )
            except ValueError:
                pass
    raise CellError(tr("a date and time is expected here, e.g. 2026-11-22 09:30"))


def _hour(hour: int, part_of_day: str | None) -> int:
    """The hour on a 24-hour clock: 上午12点 is half past midnight's hour (0), 下午3点 is 15,
    中午1点 is 13; 晚上12点 (the start or the end of the day?) and 上午13点 are refused."""
    if part_of_day is None or hour > 23:
        return hour
    if part_of_day == "上午" and hour <= 12:
        return hour % 12
    if part_of_day == "中午" and (hour <= 3 or 11 <= hour <= 14):
        return hour + 12 if hour <= 3 else hour
    if part_of_day == "下午":  # 下午0:30 is 12:30
        return hour + 12 if hour < 12 else hour
    if part_of_day == "晚上" and (5 <= hour <= 11 or 18 <= hour <= 23):  # 晚上5点 is 17:00
        return hour + 12 if hour < 12 else hour
    raise CellError(
        tr(
            "the time can be read two ways: write it on a 24-hour clock, e.g. "
            "2026-12-05 00:30 for half past midnight"
        )
    )


def _order_no(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A long number Excel stored as a number may already be rounded: refuse it.
        number = digits(value)
        if number is None:
            raise CellError(tr("a value is required here"))
        return number
    number = service.normalise_order_no(required_text(value))
    if not number:
        raise CellError(tr("a value is required here"))
    if len(number) > 40:
        raise CellError(tr("at most {n} characters", n=40))
    return number


def _at_most(limit: int) -> Callable[[object], str | None]:
    """A text cell of at most `limit` characters (the complaint's column width)."""

    def parse(value: object) -> str | None:
        found = text(value)
        if found is not None and len(found) > limit:
            raise CellError(tr("at most {n} characters", n=limit))
        return found

    return parse


def _waybill(value: object) -> str | None:
    if text(value) is None:
        return None
    return parse_waybill_number(value)


FIELDS = (
    Field(
        "hq_order_no",
        "HQ work order no.",
        ("工单号", "工单编号", "投诉单号", "工单号码", "单据编号"),
        required=True,
        parse=_order_no,
    ),
    Field(
        "waybill_no",
        "Waybill no.",
        ("运单号", "单号", "快递单号", "运单编号", "面单号"),
        parse=_waybill,
    ),
    Field(
        "type",
        "Work-order type",
        ("工单类型", "问题类型", "投诉类型", "类型", "投诉分类", "工单分类", "问题分类"),
        required=True,
        parse=required_text,
    ),
    Field(
        "description",
        "Description",
        ("工单内容", "投诉内容", "问题描述", "内容", "描述", "诉求", "备注"),
    ),
    Field(
        "customer_name",
        "Customer",
        ("客户姓名", "投诉人", "联系人", "客户", "收件人"),
        parse=_at_most(40),
    ),
    Field("phone", "Phone", ("联系电话", "客户电话", "电话", "手机", "手机号"), parse=parse_phone),
    Field("address", "Address", ("收件地址", "地址", "详细地址", "客户地址"), parse=_at_most(200)),
    Field("courier_name", "Courier", ("派件员", "业务员", "快递员", "责任人"), parse=_at_most(40)),
    Field(
        "received_at",
        "Created",
        ("创建时间", "工单创建时间", "下发时间", "接收时间", "投诉时间", "登记时间"),
        parse=datetime_value,
    ),
    Field(
        "due_at",
        "Deadline",
        ("截止时间", "处理时限", "回复时限", "超时时间", "要求完成时间", "最晚处理时间"),
        parse=datetime_value,
    ),
)


# A creation time this far ahead of the PC's clock is a typing mistake (2062 for 2026): its
# deadline would lie as far ahead, and the work order would never come due. Less is a clock
# a little off between HQ and the branch.
AHEAD = timedelta(days=1)


def _check_row(row: ParsedRow) -> list[tuple[str | None, str]]:
    received, due = row.values.get("received_at"), row.values.get("due_at")
    if isinstance(received, datetime) and received > service.now() + AHEAD:
        return [
            (
                "received_at",
                tr(
                    "the creation time is more than a day ahead of today's date: check the "
                    "year, month and day"
                ),
            )
        ]
    if isinstance(received, datetime) and isinstance(due, datetime) and due < received:
        return [("due_at", tr("the deadline is before the time the work order was created"))]
    phone = row.values.get("phone")
    if isinstance(phone, str) and not whole_phone(phone):
        # The work order still has to be answered: it is imported, the number kept in its
        # description for whoever reads it, but not as a phone nobody can call back.
        row.values["phone"] = None
        row.values["incomplete_phone"] = phone
        row.warnings.append(
            (
                "phone",
                tr(
                    "not a whole phone number (a mobile has 11 digits, a landline its area "
                    "code): kept in the description, not as the customer's phone"
                ),
            )
        )
    return []


def _duplicates_in_file(rows: Iterable[ParsedRow]) -> list[tuple[ParsedRow, str | None, str]]:
    return repeated_rows(
        rows,
        (
            lambda row: row.values["hq_order_no"],
            "hq_order_no",
            lambda first: tr("the same work order already appears in row {row}", row=first),
        ),
    )


def _already_imported(
    session: Session, rows: list[ParsedRow], options: Mapping[str, bool]
) -> list[tuple[ParsedRow, str | None, str]]:
    known = service.complaints_by_order_no(session, [str(r.values["hq_order_no"]) for r in rows])
    return [
        (
            row,
            "hq_order_no",
            tr(
                "this work order was imported before (complaint {ticket})",
                ticket=known[str(row.values["hq_order_no"])],
            ),
        )
        for row in rows
        if str(row.values["hq_order_no"]) in known
    ]


def _category_for(type_name: str, by_name: dict[str, int]) -> tuple[int, bool]:
    """The category id for an HQ type, and whether it was recognised (else 其他)."""
    name = type_name.strip()
    for candidate in (name, TYPE_SYNONYMS.get(name, "")):
        if candidate and candidate in by_name:
            return by_name[candidate], True
    return by_name.get("其他") or next(iter(by_name.values())), False


def _write(
    session: Session, batch: ImportBatch, rows: Rows, progress: Progress | None
) -> tuple[int, list[str]]:
    service.ensure_default_categories(session)
    tree = service.category_tree(session)
    by_name = {c.name: c.id for c in tree} | {c.path: c.id for c in tree}
    sla = {c.id: c.sla_hours for c in tree}
    imported_at = service.now()
    merged = 0
    unrecognised: set[str] = set()
    phones: dict[str, str] = {}
    for n, row in enumerate(rows):
        v = row.values
        category_id, known = _category_for(str(v["type"]), by_name)
        description = str(v.get("description") or "")
        if (not known or category_id == by_name.get("其他")) and v["type"] != "其他":
            unrecognised.add(str(v["type"]))
            description = f"[{v['type']}] {description}".strip()
        if v.get("incomplete_phone"):
            given = tr("Phone as given (incomplete): {phone}", phone=v["incomplete_phone"])
            description = f"{description}\n{given}".strip()
        given_due = v.get("due_at")
        received = v.get("received_at")
        if received is None:
            # No creation time: now, or the deadline itself when that has already passed.
            received = (
                min(imported_at, given_due) if isinstance(given_due, datetime) else imported_at
            )
        assert isinstance(received, datetime)
        due = given_due or received + timedelta(hours=sla[category_id])
        assert isinstance(due, datetime)
        waybill = v.get("waybill_no")
        courier = str(v.get("courier_name") or "")
        courier_phone = ""
        if waybill and not courier:
            # The waybill list's courier in one query; the address matching only without it.
            named = couriers.courier_for_waybill(session, str(waybill))
            if named:
                if named not in phones:
                    phones[named] = couriers.courier_phone(session, named) or ""
                courier, courier_phone = named, phones[named]
            else:
                facts = service.facts_for(session, str(waybill), str(v.get("address") or ""))
                courier, courier_phone = facts.courier or "", facts.courier_phone or ""
        duplicates = service.open_duplicates(session, str(waybill) if waybill else None)
        row_new = service.create_complaint(
            session,
            service.NewComplaint(
                channel="总部工单",
                category_id=category_id,
                waybill_no=str(waybill or ""),
                customer_name=str(v.get("customer_name") or ""),
                phone=str(v.get("phone") or ""),
                address=str(v.get("address") or ""),
                courier_name=courier,
                courier_phone=courier_phone,
                description=description or str(v["type"]),
                hq_order_no=str(v["hq_order_no"]),
                received_at=received,
                due_at=due,
            ),
            batch.created_by or "",
            batch_id=batch.id,
        )
        if duplicates:
            service.merge(session, row_new.id, duplicates[0].id, batch.created_by or "")
            merged += 1
        if progress is not None and n % 100 == 0:
            progress(n, len(rows))
    notes = []
    if merged:
        notes.append(
            tr(
                "{count} work order(s) were on a waybill that already had an open complaint "
                "and were merged into it.",
                count=merged,
            )
        )
    if unrecognised:
        notes.append(
            tr(
                "Types not among the categories were filed under 其他 (the HQ type is kept in "
                "the description): {types}",
                types="、".join(sorted(unrecognised)),
            )
        )
    return len(rows), notes


def _undo(session: Session, batch: ImportBatch) -> None:
    """Undo of a work-order import: its complaints go (their history with them), and the
    complaints they were merged into get their own deadline back and lose the merge note."""
    from sqlalchemy import delete

    from branchdesk.complaints.models import ComplaintEvent

    imported = list(session.scalars(select(Complaint).where(Complaint.batch_id == batch.id)))
    ours = {c.id for c in imported}
    worked = session.scalar(
        select(func.count(func.distinct(ComplaintEvent.complaint_id))).where(
            ComplaintEvent.complaint_id.in_(ours),
            ComplaintEvent.action.not_in(("created", "merged")),
        )
    )
    if worked:
        # Undo would throw away what agents did (status changes, replies, closings).
        raise service.ComplaintError(
            tr(
                "{count} complaint(s) of this import have been worked on since; undoing it "
                "would lose that work. Close them (or merge them) instead.",
                count=worked,
            )
        )
    for c in imported:
        if c.merged_into_id is None or c.merged_into_id in ours:
            continue
        target = session.get(Complaint, c.merged_into_id)
        if target is None:
            continue
        for event in list(target.events):
            if event.action == "merged" and c.ticket_no in event.note:
                if event.due_before is not None and target.due_at == c.due_at:
                    target.due_at = event.due_before
                session.delete(event)
    session.flush()
    session.execute(delete(ComplaintEvent).where(ComplaintEvent.complaint_id.in_(ours)))
    session.execute(delete(Complaint).where(Complaint.batch_id == batch.id))


register(
    ImportKind(
        name="complaints",
        label="HQ work orders",
        fields=FIELDS,
        write=_write,
        row_check=_check_row,
        rows_check=_duplicates_in_file,
        context_check=_already_imported,
        undo=_undo,
    )
)
