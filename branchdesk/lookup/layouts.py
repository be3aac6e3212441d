"""The ways branches lay out their 派件区域表, turned into one plain table per sheet.

- flat: one table, a header row (below any merged title rows) with area and courier columns;
- one sheet per courier: the header has area columns but no courier; the courier comes from
  a title cell (派件员：… 工号：… 手机：… 三段码：…) or the sheet name (周海涛-0232, 韩雪（站长）);
- wide: one column per courier (a 快递员/业务员 row of names, then 工号/电话/三段码 rows), the
  cells below listing roads and estates.
A notes sheet (说明, 填表说明, 备注 …) or an empty sheet is skipped with a line in the report.
"""

from __future__ import annotations

import re
from pathlib import Path

from branchdesk.i18n import tr
from branchdesk.io.reader import RawSheet, read_all_sheets, read_sheet
from branchdesk.io.tabular import (
    Field,
    HeaderNotFound,
    column_letter,
    detect_header,
    normalize_header,
)
from branchdesk.io.tabular import text as cell_text

_NOTES_SHEET = re.compile(r"说明|备注|注意|须知|目录|封面|readme|notes?$|instructions?", re.I)
_COURIER_WORDS = ("派件员", "业务员", "快递员", "派送员", "收派员", "姓名", "负责人")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")
_TITLE_FIELDS = {
    "courier": re.compile(
        r"(?:派件员|业务员|快递员|派送员|收派员|姓名)\s*[：:]\s*([\u4e00-\u9fff·]{2,6})"
    ),
    "employee_no": re.compile(r"工号\s*[：:]?\s*([A-Za-z0-9-]{2,20})"),
    "phone": re.compile(r"(?:手机|电话|联系电话|手机号)\s*[：:]?\s*(\d[\d-]{6,16}\d)"),
    "segment_code": re.compile(r"三段码\s*[：:]?\s*([A-Za-z0-9-]{1,12})"),
}
_INFO_LABELS = {
    "courier": _COURIER_WORDS,
    "employee_no": ("工号", "员工编号", "编号"),
    "phone": ("电话", "手机", "联系电话", "手机号", "联系方式"),
    "segment_code": ("三段码", "段码"),
}
_HEADERS = {"courier": "业务员", "employee_no": "工号", "phone": "手机", "segment_code": "三段码"}


def read_area_sheets(
    path: Path, sheet: str | None, fields: list[Field]
) -> tuple[list[RawSheet], list[str]]:
    """Every sheet of `path` (or the one named) as a plain area table, and report notes."""
    raws = [read_sheet(path, sheet)] if sheet else read_all_sheets(path)
    out: list[RawSheet] = []
    notes: list[str] = []
    for raw in raws:
        if not any(v is not None for row in raw.rows for v in row):
            if len(raws) > 1:
                notes.append(tr("Sheet {sheet} skipped: it is empty.", sheet=raw.name))
                continue
        elif (
            len(raws) > 1 and _NOTES_SHEET.search(raw.name.strip()) and not _has_header(raw, fields)
        ):
            notes.append(
                tr("Sheet {sheet} skipped: it holds notes, not an area table.", sheet=raw.name)
            )
            continue
        out.append(_plain(raw, fields, several=len(raws) > 1))
    if not out:
        out = raws[:1]
    if len(out) > 1:
        notes.insert(0, tr("{count} sheets read.", count=len(out)))
    return out, notes


def _has_header(raw: RawSheet, fields: list[Field]) -> bool:
    try:
        detect_header(raw.rows, [f for f in fields if f.key == "area"])
    except HeaderNotFound:
        return False
    return True


# A road column and an estate column side by side (道路 | 小区), with no column of both: one
# row gives a road, another an estate, some both (望海路 | 兰园).
_ROAD_HEADERS = frozenset({"道路", "路名", "道路名称", "街道路名", "街路巷"})
_ESTATE_HEADERS = frozenset({"小区", "小区名称", "楼盘", "楼盘名称", "小区/楼盘", "小区楼盘"})
# The headers of a column of both roads and estates (and so of an area column), as branches
# write them: 负责范围 (郑州, 昆山) was read as a 门牌范围 for its 范围.
AREA_HEADERS = (
    "负责片区", "派件区域", "派送范围", "派件范围", "负责区域", "道路/小区", "小区/道路", "承包区",
    "负责范围", "派送区域", "配送范围", "配送区域", "服务范围", "收派范围", "管辖范围", "派件片区",
)  # fmt: skip
_BOTH_HEADERS = frozenset(AREA_HEADERS)


def _joined_road_and_estate(raw: RawSheet, fields: list[Field]) -> RawSheet:
    """`raw` with its road and estate columns read as one 道路/小区 column (望海路；兰园); as it
    is where it has not both, or has a column of both already. Where a row has both, its
    门牌范围 / 单双号 go with the road (望海路1-100号；兰园), not with the estate too."""
    narrowing = {s for f in fields if f.key in ("range", "parity") for s in (f.key, *f.synonyms)}
    for index, row in enumerate(raw.rows[:15]):
        labels = [_label(v) for v in row]
        roads = [c for c, label in enumerate(labels) if label in _ROAD_HEADERS]
        estates = [c for c, label in enumerate(labels) if label in _ESTATE_HEADERS]
        if not roads or not estates:
            continue
        if any(label in _BOTH_HEADERS for label in labels):
            return raw
        road, estate = roads[0], estates[0]
        ranges = [c for c, label in enumerate(labels) if label in narrowing]
        rows = [list(r) for r in raw.rows]
        rows[index][road], rows[index][estate] = "道路/小区", None
        for values in rows[index + 1 :]:
            if estate >= len(values):
                continue
            while len(values) <= road:
                values.append(None)
            road_text, estate_text = (cell_text(values[c]) for c in (road, estate))
            if road_text and estate_text:
                narrowed = [cell_text(values[c]) for c in ranges if c < len(values)]
                road_text += "".join(n for n in narrowed if n)
                for c in ranges:
                    if c < len(values):
                        values[c] = None
            values[road] = "；".join(w for w in (road_text, estate_text) if w) or None
            values[estate] = None
        return RawSheet(raw.file, raw.name, rows, raw.encoding)
    return raw


def _plain(raw: RawSheet, fields: list[Field], several: bool = True) -> RawSheet:
    """`raw` laid out as a plain table: as it is, with its courier added, or unfolded."""
    wide = _unfold_wide(raw)
    if wide is not None:
        return wide
    raw = _joined_road_and_estate(raw, fields)
    try:
        header_row, mapping = detect_header(raw.rows, fields)
        return raw  # flat: area and courier columns
    except HeaderNotFound as exc:
        if not {f.key for f in exc.missing} <= {"courier"}:
            return raw  # the error names what is missing
    area_only = [f for f in fields if f.key != "courier"]
    try:
        header_row, mapping = detect_header(raw.rows, area_only)
    except HeaderNotFound:
        return raw
    info = _courier_of_sheet(raw, header_row, by_name=several)
    if not info.get("courier"):
        return raw  # no courier anywhere: the usual error names the column
    mapped = set(mapping.values())
    area_col = next(c for c, k in mapping.items() if k == "area")
    extra = [
        k
        for k in ("courier", "employee_no", "phone", "segment_code")
        if k not in mapped and info.get(k)
    ]
    rows: list[list[object]] = []
    for index, row in enumerate(raw.rows):
        if index + 1 < header_row:
            rows.append([*row, *([None] * len(extra))])
        elif index + 1 == header_row:
            rows.append([*row, *(_HEADERS[k] for k in extra)])
        elif area_col < len(row) and row[area_col] is not None:
            rows.append([*row, *(info[k] for k in extra)])
        else:
            rows.append([*row, *([None] * len(extra))])
    return RawSheet(raw.file, raw.name, rows, raw.encoding)


_MOBILE_RE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")
_NOT_A_NAME = re.compile(r"区域|范围|表|派件|片区|网点|数据|明细|汇总|清单|分工|名单")


def _courier_of_sheet(raw: RawSheet, header_row: int, by_name: bool = True) -> dict[str, str]:
    """The courier of a per-courier sheet, from its title rows and its name."""
    info: dict[str, str] = {}
    for row in raw.rows[: header_row - 1]:
        for value in [v for v in dict.fromkeys(row) if isinstance(v, str)]:
            for key, pattern in _TITLE_FIELDS.items():
                m = pattern.search(value)
                if m and key not in info:
                    info[key] = m.group(1)
    name = raw.name.strip()
    mobile = _MOBILE_RE.search(name)
    if mobile:
        # 王建国-13911110001, 李红（13911110002）: the courier's phone, not an employee number
        info.setdefault("phone", mobile.group(1))
        name = (name[: mobile.start()] + name[mobile.end() :]).strip(" -_—")
    name = re.sub(r"[（(【\[].*?[）)】\]]", "", name).strip()
    number = re.search(r"[-_—\s]+([A-Za-z0-9]{2,12})$", name)
    if number:
        info.setdefault("employee_no", number.group(1))
        name = name[: number.start()].strip()
    if (
        by_name
        and "courier" not in info
        and _NAME_RE.fullmatch(name)
        and not _NOT_A_NAME.search(name)
    ):
        info["courier"] = name
    if by_name and "courier" not in info:
        # 崔明的派件范围（…）: a name at the start of a free-text title
        for row in raw.rows[: header_row - 1]:
            for cell in row:
                if isinstance(cell, str):
                    m = re.match(r"([\u4e00-\u9fff]{2,4})的", cell.strip())
                    if m:
                        info["courier"] = m.group(1)
                        break
    return info


def _label(value: object) -> str:
    return normalize_header(value)


def _unfold_wide(raw: RawSheet) -> RawSheet | None:
    """A table with one column per courier, as one row per area cell; None if not wide."""
    rows = raw.rows
    names_row = None
    for index, row in enumerate(rows[:15]):
        if not row or _label(row[0]) not in _COURIER_WORDS:
            continue
        names = [cell_text(v) for v in row[1:]]
        if sum(1 for n in names if n and _NAME_RE.fullmatch("".join(n.split()))) >= 2:
            names_row = index
            break
    if names_row is None:
        return None
    width = len(rows[names_row])
    info_rows: dict[str, int] = {"courier": names_row}
    area_rows: list[int] = []
    for index in range(names_row + 1, len(rows)):
        row = rows[index]
        label = _label(row[0]) if row else ""
        key = next((k for k, words in _INFO_LABELS.items() if label in words), None)
        if key is not None and key not in info_rows:
            info_rows[key] = index
            continue
        if any(v is not None for v in row[1:width]):
            area_rows.append(index)
    header: list[object] = ["派送范围", "业务员", "工号", "手机", "三段码"]
    out: list[list[object]] = [header]
    origins: list[tuple[int, dict[int, str]]] = [(names_row + 1, {})]
    for col in range(1, width):
        courier = rows[names_row][col]
        if courier is None:
            continue
        values = [
            rows[info_rows[k]][col] if k in info_rows and col < len(rows[info_rows[k]]) else None
            for k in ("courier", "employee_no", "phone", "segment_code")
        ]
        for index in area_rows:
            cell = rows[index][col] if col < len(rows[index]) else None
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                continue
            out.append([cell, *values])
            letter = column_letter(col)
            origins.append(
                (
                    index + 1,
                    {
                        0: f"{letter}{index + 1}",
                        1: f"{letter}{names_row + 1}",
                        2: f"{letter}{info_rows.get('employee_no', names_row) + 1}",
                        3: f"{letter}{info_rows.get('phone', names_row) + 1}",
                        4: f"{letter}{info_rows.get('segment_code', names_row) + 1}",
                    },
                )
            )
    return RawSheet(raw.file, raw.name, out, raw.encoding, origins=origins)


__all__ = ["read_area_sheets"]
