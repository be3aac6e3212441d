"""The lookup tables' import kinds: areas, routes, times (replace the table) and waybills (add)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.io.importing import ImportKind, Progress, Rows, register, repeated_rows
from branchdesk.io.models import ImportBatch
from branchdesk.io.reader import RawSheet
from branchdesk.io.tabular import (
    CellError,
    Field,
    ParsedRow,
    date_value,
    phone,
    required_text,
    time_text,
    waybill_no,
)
from branchdesk.io.tabular import text as text_cell
from branchdesk.lookup import search
from branchdesk.lookup.fragments import Fragment, FragmentError, parse_area_cell
from branchdesk.lookup.layouts import AREA_HEADERS, read_area_sheets
from branchdesk.lookup.models import AreaRule, ArrivalTime, Courier, Route, Waybill
from branchdesk.lookup.regions import recognise
from branchdesk.lookup.waybills import canonical_carrier, detect_carrier, normalise_number
from branchdesk.permissions import Action

COURIER = ("业务员", "派件员", "快递员", "姓名", "派送员", "负责人")
PHONE = ("手机", "电话", "联系电话", "手机号", "手机号码", "联系方式")


_CHINA_MOBILE = re.compile(r"\+?86(1\d{10})")


def parse_phone(value: object) -> str | None:
    """A phone as plain ASCII digits, without +86, hyphens or spaces, so search is exact."""
    if value.__class__ is int and 9999 < value < 10**15:
        number: str | None = str(value)
    elif value.__class__ is str and value.isascii() and value.isdigit():
        number = value
    else:
        if value.__class__ is str and not value.isascii():
            value = unicodedata.normalize("NFKC", value)  # １３９…
        number = phone(value)
        if number is None:
            return None
        number = re.sub(r"\D", "", number.split("转")[0])  # drop an extension (转801)
    assert number is not None
    mobile = _CHINA_MOBILE.fullmatch(number)
    if mobile:
        return mobile.group(1)
    if not 5 <= len(number) <= 15:
        raise CellError(
            tr("a phone number is expected (digits only, e.g. 13805741234 or 0574-87654321)")
        )
    return number


def whole_phone(number: str) -> bool:
    """Whether `number` (digits, as parse_phone gives them) can be dialled: a mobile of 11
    digits, a landline with its area code (10–12 digits) or a local landline (7–8)."""
    if number.startswith("1"):
        return len(number) == 11
    if number.startswith("0"):
        return 10 <= len(number) <= 12
    return 7 <= len(number) <= 8


def parse_waybill_number(value: object) -> str:
    if value.__class__ is str and value.isascii() and value.isalnum() and len(value) >= 6:
        return value.upper()  # the common case
    if value.__class__ is int and value > 99999:
        return str(value)
    if value.__class__ is str and not value.isascii():
        value = unicodedata.normalize("NFKC", value)  # ７７３…
    number = waybill_no(value)
    if number is None:
        raise CellError(tr("a waybill number is required"))
    return normalise_number(number)


# --- areas ------------------------------------------------------------------------------


def _courier_name(value: object) -> str:
    """A courier's name without spaces: 王　芳 and 王 芳 are 王芳."""
    return "".join(required_text(value).split())


# Zone labels: 城东二片, 3片区, A3区, 第二组. Searched, not matched: what comes before 片 does not
# change the answer, and a pattern for it ([一二…\d]+) tried every length of a run of digits
# at every position (seconds for a cell of 20,000 digits).
_ZONE_LABEL = re.compile(r"片区?$|^[A-Z]\d*区?$|组$")
_ADDRESS_END = re.compile(
    r"(?:路|街|巷|弄|道|号|幢|栋|座|楼|层|组|村|苑|园|府|城|湾|居|庭|里|坊|厦|场|院|校区|"
    r"小区|公寓|新村|家园|市场|中学|小学|医院|公园|段|线|侧|以[东西南北]|\))$"
)


def _reads_as_area(cells: object) -> float:
    """How many of a column's cells read as roads and places (not zone labels such as 城东二片)."""
    values = [text_cell(v) for v in cells]  # type: ignore[attr-defined]
    filled = [v for v in values if v]
    if not filled:
        return 0.0
    good = 0
    for value in filled:
        compact = "".join(value.split()).rstrip(")）")
        if _ZONE_LABEL.search(compact):
            continue
        if _ADDRESS_END.search(compact):  # (its closing bracket was taken off above)
            good += 1
    return good / len(filled)


def _range_cell(value: object) -> str | None:
    """A 门牌范围 / 单双号 cell as text; a date is refused: 1-12 typed into a cell Excel formats
    as a date became 2024-01-12, and was read as a range from 2024 to 1."""
    if isinstance(value, date):
        raise CellError(
            tr(
                "{value} is a date: Excel turned a range such as {guess} into one. Format the "
                "column as text, type the range again and import again.",
                value=value.isoformat()[:10],
                guess=f"{value.month}-{value.day}",
            )
        )
    return text_cell(value)


AREA_FIELDS = (
    Field("district", "District", ("区县", "区", "县区", "所属区县", "行政区"), fill_down=True),
    Field(
        "town",
        "Town / street",
        (
            "街道",
            "乡镇",
            "镇街",
            "街道乡镇",
            "所属街道",
            "镇",
            "乡",
            "镇/街道",
            "街道/镇",
            "所属乡镇",
        ),
        fill_down=True,
    ),
    Field(
        "community",
        "Community",
        ("社区", "居委会", "村社区", "社区/村", "所属社区", "村委会", "村委", "行政村", "村/社区"),
        fill_down=True,
    ),
    Field(
        "area",
        "Area",
        (
            *AREA_HEADERS,
            "路名",  # 南宁: 片区 | 路名 (the 片区 a zone's label)
            "道路名称",
            "街路巷",
            "区域",
            "片区",
            "道路",
            "小区",
            "路段",
            "地址",
            "派送地址",
            "小区/楼盘",
            "自然村",  # 宜良: 村委会 | 自然村/小组 (hostile tester)
            "自然村/小组",
            "村组",
            "村民小组",
        ),
        required=True,
        parse=required_text,
        content=_reads_as_area,
    ),
    Field(
        "range",
        "House-number range",
        ("门牌范围", "门牌号", "门牌", "范围", "详细地址范围", "地址范围", "号段"),
        parse=_range_cell,
    ),
    Field("parity", "Odd / even", ("单双号", "单双", "单/双", "单双号侧"), parse=_range_cell),
    Field("courier", "Courier", COURIER, required=True, parse=_courier_name, fill_down=True),
    Field(
        "employee_no",
        "Employee no.",
        ("工号", "员工编号", "员工号", "编号"),
        fill_down=True,
        fill_follows="courier",
    ),
    Field("phone", "Phone", PHONE, parse=parse_phone, fill_down=True, fill_follows="courier"),
    Field(
        "segment_code",
        "Segment code",
        ("三段码", "段码", "三段编码"),
        fill_down=True,
        fill_follows="courier",
    ),
    Field("station", "Station", ("驿站", "代收点", "站点")),
    Field("note", "Note", ("备注", "说明")),
)


def _range_text(values: dict[str, object]) -> str | None:
    written = [str(values[k]) for k in ("range", "parity") if values.get(k)]
    return (
        "；".join(written) if len(written) == 2 and "；" in written[0] else "".join(written) or None
    )


# A village committee's name (新村村委会): the village (新村) its groups belong to.
_COMMITTEE = re.compile(r"(?:村民委员会|村委会|村委|居委会|社区居委会)$")


def _check_area(row: ParsedRow) -> list[tuple[str | None, str]]:
    area = str(row.values["area"])
    try:
        fragments = parse_area_cell(area, _range_text(row.values))
    except FragmentError as exc:
        village = _COMMITTEE.sub("", str(row.values.get("community") or ""))
        if len(village) < 2 or village == str(row.values.get("community")):
            return [("area", str(exc))]
        try:
            # 新村村委会 | 一组、二组、三组 (修文县): the groups of that committee's village
            fragments = parse_area_cell(village + area, _range_text(row.values))
        except FragmentError:
            return [("area", str(exc))]
    if not fragments:
        return [("area", tr("at least one area name (community, road or building)"))]
    row.values["_fragments"] = fragments
    warnings = list(dict.fromkeys(f.warning for f in fragments if f.warning))
    row.warnings.extend(("area", w) for w in warnings)
    row.values["_warnings"] = warnings
    return []


def _find_or_create_courier(
    session: Session,
    batch: ImportBatch,
    cache: dict[tuple[str, str | None], Courier],
    values: dict[str, object],
) -> Courier:
    name = str(values["courier"])
    number = values.get("employee_no")
    employee_no = str(number) if number else None
    key = (name, employee_no)
    courier = cache.get(key)
    if courier is not None:
        return courier
    query = select(Courier).where(Courier.name == name)
    if employee_no:
        query = query.where(Courier.employee_no == employee_no)
    courier = session.scalars(query.order_by(Courier.id)).first()
    if courier is None:
        courier = Courier(name=name, employee_no=employee_no, batch_id=batch.id, active=True)
        session.add(courier)
    if values.get("phone") and not courier.phone:
        courier.phone = str(values["phone"])
    session.flush()
    cache[key] = courier
    return courier


def _detail(fragment: Fragment, values: dict[str, object]) -> str | None:
    detail = dict(fragment.detail() or {})
    for key in ("_sheet", "community", "zone"):
        if values.get(key):
            detail[key.lstrip("_")] = values[key]
    warnings = values.get("_warnings")
    if warnings:
        detail["row_warnings"] = warnings
    return json.dumps(detail, ensure_ascii=False) if detail else None


def _write_areas(
    session: Session, batch: ImportBatch, rows: Rows, progress: Progress | None
) -> int:
    cache: dict[tuple[str, str | None], Courier] = {}
    params = []
    several = len({row.sheet for row in rows}) > 1
    for n, row in enumerate(rows):
        v = row.values
        if several:
            v["_sheet"] = row.sheet  # one sheet per courier: say which sheet a rule is from
        courier = _find_or_create_courier(session, batch, cache, v)
        fragments = v.get("_fragments") or parse_area_cell(str(v["area"]), _range_text(v))
        for frag in fragments:  # type: ignore[attr-defined]
            params.append(
                {
                    "courier_id": courier.id,
                    "batch_id": batch.id,
                    "district": v.get("district"),
                    "town": v.get("town"),
                    "keyword": frag.keyword,
                    "parent_keyword": frag.parent,
                    "kind": frag.kind,
                    "number_lo": frag.lo,
                    "number_hi": frag.hi,
                    "parity": frag.parity,
                    "segment_code": v.get("segment_code"),
                    "station": v.get("station"),
                    "source_text": frag.text,
                    "source_row": row.row_no,
                    "note": v.get("note"),
                    "detail": _detail(frag, v),
                }
            )
        if progress is not None and n % 200 == 0:
            progress(n, len(rows))
    if params:
        session.execute(insert(AreaRule), params)
    return len(params)


def _undo_areas(session: Session, batch: ImportBatch) -> None:
    session.execute(delete(AreaRule).where(AreaRule.batch_id == batch.id))
    # Couriers this import created and that no rule refers to any more.
    session.execute(delete(Courier).where(Courier.batch_id == batch.id, ~Courier.rules.any()))


def _undo_rows(model: type[Route] | type[ArrivalTime]) -> Callable[[Session, ImportBatch], None]:
    def undo(session: Session, batch: ImportBatch) -> None:
        session.execute(delete(model).where(model.batch_id == batch.id))

    return undo


def _read_areas(path: Path, sheet: str | None) -> tuple[list[RawSheet], list[str]]:
    return read_area_sheets(path, sheet, list(AREA_FIELDS))


register(
    ImportKind(
        name="areas",
        label="Delivery areas",
        fields=AREA_FIELDS,
        write=_write_areas,
        undo=_undo_areas,
        row_check=_check_area,
        replaces_table=True,
        read=_read_areas,
        # It replaces the whole table every lookup answers from: the owner's, audited.
        required=Action.REPLACE_AREAS,
    )
)

# --- routes -----------------------------------------------------------------------------

PROVINCE = ("目的省", "目的省份", "省份", "省", "到达省", "目的地省份")
CITY = ("目的市", "目的城市", "城市", "市", "到达市", "地市")


def _province(value: object) -> str:
    name = required_text(value)
    region = recognise(name)
    if region.province is None:
        raise CellError(tr("a province name such as 浙江 or 浙江省"))
    return region.province


def _days(value: object) -> tuple[int, int]:
    raw = text_cell(value)
    if raw is None:
        raise CellError(tr("a number of days such as 2 or a range such as 1-2"))
    # At most 3 digits: a cell of thousands of digits is a mistake, not a number of days.
    m = re.fullmatch(r"(\d{1,3})(?:\s*[-~～至到]\s*(\d{1,3}))?\s*(?:天|日)?", raw)
    if not m:
        raise CellError(tr("a number of days such as 2 or a range such as 1-2"))
    lo = int(m.group(1))
    hi = int(m.group(2) or lo)
    if hi < lo or hi > 30:
        raise CellError(tr("a number of days such as 2 or a range such as 1-2"))
    return lo, hi


def _optional_days(value: object) -> int | None:
    if text_cell(value) is None:
        return None
    return _days(value)[1]


ROUTE_FIELDS = (
    Field("province", "Province", PROVINCE, required=True, parse=_province),
    Field("city", "City", CITY),
    Field("district", "District", ("目的区县", "区县", "目的区")),
    Field("route_code", "Route code", ("一段码", "路由码", "路由编码", "一段")),
    Field("hub", "Hub", ("目的分拨中心", "分拨中心", "目的分拨", "分拨")),
    Field("transit_center", "Transit centre", ("中转中心", "中转场", "中转")),
    Field("cutoff_time", "Cut-off time", ("截单时间", "截单", "截件时间"), parse=time_text),
)


def _write_rows(
    model: type,
) -> Callable[[Session, ImportBatch, Rows, Progress | None], int]:
    def write(session: Session, batch: ImportBatch, rows: Rows, progress: Progress | None) -> int:
        params = []
        for row in rows:
            values = {k: v for k, v in row.values.items() if not k.startswith("_")}
            if "days" in values:
                values["days_min"], values["days_max"] = values.pop("days")  # type: ignore[misc]
            params.append({**values, "batch_id": batch.id, "source_row": row.row_no})
        if params:
            session.execute(insert(model), params)
        return len(params)

    return write


register(
    ImportKind(
        name="routes",
        label="Routes",
        fields=ROUTE_FIELDS,
        write=_write_rows(Route),
        undo=_undo_rows(Route),
        replaces_table=True,
    )
)

TIME_FIELDS = (
    Field("province", "Province", PROVINCE, required=True, parse=_province),
    Field("city", "City", CITY),
    Field(
        "days",
        "Days (standard)",
        ("标准时效", "时效", "天数", "到达时效", "标准时效(天)", "时效(天)", "普通时效"),
        required=True,
        parse=_days,
    ),
    Field(
        "express_days",
        "Days (express)",
        ("特快时效", "加急时效", "特快", "快件时效"),
        parse=_optional_days,
    ),
)

register(
    ImportKind(
        name="times",
        label="Arrival times",
        fields=TIME_FIELDS,
        write=_write_rows(ArrivalTime),
        undo=_undo_rows(ArrivalTime),
        replaces_table=True,
    )
)

# --- waybills ---------------------------------------------------------------------------

WAYBILL_FIELDS = (
    Field(
        "number",
        "Waybill no.",
        ("运单号", "单号", "快递单号", "运单编号", "面单号", "运单号码", "快件单号"),
        required=True,
        parse=parse_waybill_number,
    ),
    Field("carrier", "Carrier", ("快递公司", "承运商", "快递", "物流公司", "承运公司")),
    Field(
        "recipient",
        "Recipient",
        ("收件人", "收件人姓名", "收货人", "客户姓名", "客户", "收方姓名"),
    ),
    Field(
        "phone",
        "Phone",
        ("收件电话", "收件人电话", "收件人手机", "收货人电话", *PHONE),
        parse=parse_phone,
    ),
    Field("address", "Address", ("收件地址", "收货地址", "地址", "详细地址", "收件人地址")),
    Field("status", "Status", ("状态", "运单状态", "物流状态", "当前状态", "件状态")),
    Field(
        "event_date",
        "Date",
        ("日期", "统计日期", "签收时间", "揽收时间", "时间", "扫描时间", "更新时间"),
        parse=date_value,
    ),
    Field("courier_name", "Courier", ("派件员", "业务员", "快递员", "派送员")),
    # The sending customer (寄件人 / 发件客户) where the HQ export has it: the team routes a
    # waybill's complaints and contacts to the agent who owns that customer.
    Field(
        "sender_name",
        "Sender",
        (
            "寄件人",
            "发件客户",
            "寄件客户",
            "发件人",
            "寄件人姓名",
            "发件人姓名",
            "寄件客户名称",
            "发件客户名称",
        ),
    ),
    Field(
        "sender_phone",
        "Sender phone",
        (
            "寄件人电话",
            "寄件人手机",
            "发件人电话",
            "发件人手机",
            "寄件电话",
            "发件电话",
            "寄件客户电话",
            "发件客户电话",
            "寄件人联系电话",
            "发件人联系电话",
        ),
        parse=parse_phone,
    ),
)


def _check_waybill(row: ParsedRow) -> list[tuple[str | None, str]]:
    number = str(row.values["number"])
    carrier = canonical_carrier(row.values.get("carrier"))
    row.values["carrier"] = carrier or detect_carrier(number)
    return []


def _duplicates(rows: Iterable[ParsedRow]) -> list[tuple[ParsedRow, str | None, str]]:
    return repeated_rows(
        rows,
        (
            lambda row: (row.values["carrier"], row.values["number"]),
            "number",
            lambda first: tr("the same waybill number already appears in row {row}", row=first),
        ),
    )


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


_WRITE_CHUNK = 50_000


def _write_waybills(
    session: Session, batch: ImportBatch, rows: Rows, progress: Progress | None
) -> int:
    total = len(rows)
    done = 0

    def insert(params: list[tuple[object, ...]]) -> None:
        offset = done
        search.insert_waybills(
            session,
            params,
            None if progress is None else lambda n, _t: progress(offset + n, total),
        )

    params: list[tuple[object, ...]] = []
    for row in rows:
        v = row.values
        phone = v.get("phone")
        params.append(
            (
                batch.id,
                v["number"],
                v["carrier"],
                v.get("recipient"),
                phone,
                str(phone)[-4:] if phone else None,
                v.get("address"),
                v.get("status"),
                _iso(v.get("event_date")),
                v.get("courier_name"),
                row.row_no,
                v.get("sender_name"),
                v.get("sender_phone"),
            )
        )
        if len(params) == _WRITE_CHUNK:  # a million rows are never held at once
            insert(params)
            done += len(params)
            params = []
    if params:
        insert(params)
        done += len(params)
    return done


def _undo_waybills(session: Session, batch: ImportBatch) -> None:
    rows = session.execute(
        text("SELECT id, recipient, address FROM waybill WHERE batch_id = :b"), {"b": batch.id}
    ).all()
    search.unindex_waybills(session, [(r[0], r[1], r[2]) for r in rows])
    session.execute(delete(Waybill).where(Waybill.batch_id == batch.id))


register(
    ImportKind(
        name="waybills",
        label="Waybills",
        fields=WAYBILL_FIELDS,
        write=_write_waybills,
        undo=_undo_waybills,
        row_check=_check_waybill,
        rows_check=_duplicates,
    )
)
