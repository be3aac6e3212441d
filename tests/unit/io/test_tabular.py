"""The shared import framework: header detection, parsing and problems the user can act on."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from branchdesk.io.reader import RawSheet, read_sheet
from branchdesk.io.tabular import (
    CellError,
    Field,
    HeaderNotFound,
    ImportCancelled,
    ParsedRow,
    Problem,
    column_letter,
    date_value,
    detect_header,
    digits,
    integer,
    normalize_header,
    phone,
    prepare,
    required_text,
    text,
    time_text,
    waybill_no,
)

AREA_FIELDS = (
    Field("district", "District", ("区县", "区", "县区")),
    Field("town", "Town or street", ("街道", "镇街", "乡镇")),
    Field("area", "Area", ("负责片区", "片区", "派件区域", "区域"), required=True),
    Field("range", "House numbers", ("门牌范围", "门牌号", "号段")),
    Field("courier", "Courier", ("业务员", "派件员", "快递员", "姓名"), required=True),
    Field("employee_no", "Employee no.", ("工号", "员工编号")),
    Field("phone", "Phone", ("手机", "电话", "联系电话"), parse=phone),
    Field("segment_code", "Segment code", ("三段码",)),
    Field("station", "Station", ("驿站", "代收点")),
)
WAYBILL_FIELDS = (
    Field("number", "Waybill number", ("运单号", "单号"), required=True, parse=waybill_no),
    Field("carrier", "Carrier", ("快递公司", "承运商")),
    Field("recipient", "Recipient", ("收件人",)),
    Field("phone", "Phone", ("收件电话", "电话", "手机"), parse=digits),
    Field("address", "Address", ("收件地址", "地址")),
    Field("status", "Status", ("状态",)),
    Field("date", "Date", ("日期",), parse=date_value),
    Field("courier", "Courier", ("派件员", "业务员")),
)


def sheet(rows: list[list[object]], name: str = "派件区域") -> RawSheet:
    return RawSheet(file=Path("areas.xlsx"), name=name, rows=rows)


# --- parsers ------------------------------------------------------------------------------


def test_text() -> None:
    assert text(None) is None
    assert text("  ") is None
    assert text(" 张伟 ") == "张伟"
    assert text(12.0) == "12"
    assert text(1e3) == "1000"
    assert text(574001) == "574001"
    assert text(0.1 + 0.2) == "0.3"
    assert text(date(2026, 11, 22)) == "2026-11-22"
    assert text(datetime(2026, 11, 22, 18, 30)) == "2026-11-22 18:30"
    assert text(time(18, 30)) == "18:30"
    with pytest.raises(CellError, match="required"):
        required_text("  ")
    assert required_text(13805741234.0) == "13805741234"


def test_digits_accepts_exact_numbers_and_keeps_letters() -> None:
    assert digits(13805741234.0) == "13805741234"
    assert digits(77312345678901.0) == "77312345678901"
    assert digits(77312345678901) == "77312345678901"
    assert digits("YT1234567890123") == "YT1234567890123"
    assert digits(" 7731 2345 6789 01 ") == "77312345678901"
    assert digits("77312345678901.0") == "77312345678901"
    assert digits("0574-87654321") == "0574-87654321"
    assert digits("") is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (7.73123e13, "7.73123E+13"),
        (77312300000000, "7.73123E+13"),
        ("7.73123E+13", "7.73123E+13"),
        ("7.73123e+13", "7.73123e+13"),
        (1.23456789012345678e17, "1.23457E+17"),  # longer than Excel's 15 digits
    ],
)
def test_digits_rejects_numbers_excel_rounded(value: object, shown: str) -> None:
    with pytest.raises(CellError) as info:
        digits(value)
    assert str(info.value) == (
        f"the number was rounded by Excel (shown as {shown}); format the column as Text "
        "in Excel and export again"
    )


def test_digits_rejects_decimals_and_dates() -> None:
    with pytest.raises(CellError):
        digits(12.5)
    with pytest.raises(CellError):
        digits(date(2026, 1, 1))


def test_phone_and_waybill() -> None:
    assert phone(13805741234.0) == "13805741234"
    assert phone("0574-87654321") == "0574-87654321"
    assert phone("+86 138 0574 1234") == "+8613805741234"
    for bad in ("139O7482345", "电话待补"):
        with pytest.raises(CellError, match="a phone number is expected"):
            phone(bad)
    assert waybill_no(" yt1234567890123 ") == "YT1234567890123"
    assert waybill_no(731234567890123) == "731234567890123"
    with pytest.raises(CellError, match="waybill number"):
        waybill_no("中通快递")


def test_integer() -> None:
    assert integer(12.0) == 12
    assert integer("1,200") == 1200
    assert integer("7.0") == 7
    assert integer(None) is None
    with pytest.raises(CellError, match="whole number"):
        integer("1-2")
    with pytest.raises(CellError):
        integer(2.5)


def test_integer_takes_what_a_64_bit_column_holds_and_says_when_a_number_is_too_large() -> None:
    assert integer("-3.00") == -3  # as a spreadsheet writes a whole number
    assert integer("0" * 30 + "12") == 12  # leading zeros are no size
    assert integer("0" * 4300 + "12") == 12  # not even past int()'s 4,300 digits
    assert integer("-" + "0" * 5000 + "7.0") == -7
    assert integer("9223372036854775807") == 2**63 - 1
    for huge in ("9" * 4301, "9" * 20, "9223372036854775808", 1e20, 1e300, 2**64):
        with pytest.raises(CellError, match=r"too large \(more than 19 digits\)"):
            integer(huge)
    for not_whole in (True, float("nan"), float("inf"), "１２"):
        with pytest.raises(CellError, match="whole number"):
            integer(not_whole)


@pytest.mark.parametrize(
    "value",
    [
        date(2026, 11, 22),
        datetime(2026, 11, 22, 9, 30),
        46348,
        46348.75,
        "46348",
        "2026-11-22",
        "2026/11/22",
        "2026.11.22",
        "2026年11月22日",
        "２０２６年１１月２２日",
        "20261122",
        "2026-11-22 18:00:00",
        "2026/11/22T18:00",
    ],
)
def test_date_forms(value: object) -> None:
    assert date_value(value) == date(2026, 11, 22)


@pytest.mark.parametrize("value", ["2026-02-30", "明天", 12, "22/11/2026", True])
def test_bad_dates(value: object) -> None:
    with pytest.raises(CellError, match="a date is expected"):
        date_value(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("18:30", "18:30"),
        ("8:05", "08:05"),
        ("18：30", "18:30"),
        ("18:30:00", "18:30"),
        ("17点30分", "17:30"),
        ("18点", "18:00"),
        ("18时30分", "18:30"),
        (time(18, 30), "18:30"),
        (datetime(2026, 1, 1, 7, 0), "07:00"),
        (0.75, "18:00"),
        (0.770833333, "18:30"),
        (18, "18:00"),
    ],
)
def test_time_forms(value: object, expected: str) -> None:
    assert time_text(value) == expected


@pytest.mark.parametrize("value", ["25:00", "18:75", "傍晚", 30])
def test_bad_times(value: object) -> None:
    with pytest.raises(CellError, match="a time of day is expected"):
        time_text(value)


def test_column_letters_and_header_normalising() -> None:
    assert [column_letter(i) for i in (0, 2, 25, 26, 27, 701, 702)] == [
        "A",
        "C",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
    assert normalize_header(" 业务员（必填）* ") == "业务员"
    assert normalize_header("*手机：") == "手机"
    assert normalize_header("标准时效（天）") == "标准时效(天)"
    assert normalize_header("Phone") == "phone"


# --- header detection ---------------------------------------------------------------------


def test_header_found_below_title_rows(fixtures: Path) -> None:
    raw = read_sheet(fixtures / "areas_title_merged.xlsx")
    header_row, mapping = detect_header(raw.rows, AREA_FIELDS)
    assert header_row == 3
    assert mapping == {
        0: "district",
        1: "town",
        2: "area",
        3: "range",
        4: "courier",
        5: "employee_no",
        6: "phone",
        7: "segment_code",
        8: "station",
    }


def test_synonyms_contains_and_head_noun() -> None:
    rows: list[list[object]] = [
        ["序号", "区域名称", "派件员姓名", "业务员手机 ", "备注"],
        [1, "月湖小区", "张伟", 13805741234, None],
    ]
    header_row, mapping = detect_header(rows, AREA_FIELDS)
    assert header_row == 1
    # 业务员手机 ends with 手机: it is the phone, not the courier.
    assert mapping == {1: "area", 2: "courier", 3: "phone"}


def test_exact_match_wins_over_contains() -> None:
    rows: list[list[object]] = [["派件区域说明", "片区", "业务员"]]
    _row, mapping = detect_header(rows, AREA_FIELDS)
    assert mapping == {1: "area", 2: "courier"}


def test_manual_mapping_overrides_synonyms() -> None:
    rows: list[list[object]] = [["地盘", "负责人", "片区", "姓名"], ["月湖", "张伟", "x", "y"]]
    _row, mapping = detect_header(
        rows, AREA_FIELDS, manual={"地盘": "area", "负责人": "courier", "片区": "", "姓名": ""}
    )
    assert mapping == {0: "area", 1: "courier"}


def test_missing_required_column_names_it_and_the_accepted_headers(fixtures: Path) -> None:
    raw = read_sheet(fixtures / "areas_missing_column.xlsx")
    with pytest.raises(HeaderNotFound) as info:
        prepare(raw, AREA_FIELDS)
    message = str(info.value)
    assert message.startswith(
        "areas_missing_column.xlsx, sheet 派件区域: No column found for: Courier."
    )
    assert "业务员、派件员、快递员、姓名" in message
    assert "row 2" in message and "负责片区" in message
    assert [f.key for f in info.value.missing] == ["courier"]


def test_empty_sheet_and_text_that_is_not_a_table(fixtures: Path) -> None:
    with pytest.raises(HeaderNotFound, match=r"empty\.xlsx, sheet Sheet1: The sheet is empty"):
        prepare(read_sheet(fixtures / "empty.xlsx"), AREA_FIELDS)
    with pytest.raises(HeaderNotFound, match="No column found for: Area、Courier"):
        prepare(read_sheet(fixtures / "not_a_table.txt"), AREA_FIELDS)


# --- prepare ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "areas_title_merged.xlsx",
        "areas.ods",
        "areas.xls",
        "areas_utf8.csv",
        "areas_utf8_bom.csv",
        "areas_gbk.csv",
        "areas_gb18030.csv",
    ],
)
def test_area_table_in_every_format(fixtures: Path, name: str) -> None:
    prepared = prepare(read_sheet(fixtures / name), AREA_FIELDS)
    assert prepared.ok, [str(p) for p in prepared.problems]
    assert prepared.total == 8
    assert len(prepared.rows) == 8
    first = prepared.rows[0].values
    assert first["area"] == "春江花月（晓风苑、江树苑）；姚江路3号-5号"
    assert first["phone"] == "13805741234"  # a number stored as a number, no ".0"
    assert first["employee_no"] == "574001"
    assert first["range"] is None
    assert [r.values["courier"] for r in prepared.rows][:6] == ["张伟"] * 3 + ["李娜"] * 3


def test_blank_and_note_rows_are_skipped(fixtures: Path) -> None:
    prepared = prepare(read_sheet(fixtures / "areas_title_merged.xlsx"), AREA_FIELDS)
    assert prepared.header_row == 3
    assert prepared.skipped == 2  # row 10 blank, row 13 note
    assert [r.row_no for r in prepared.rows] == [4, 5, 6, 7, 8, 9, 11, 12]
    assert prepared.rows[4].values["town"] == "月湖街道"  # row 8, inside the merged 街道
    assert prepared.headers[4] == "业务员"


def test_note_total_and_repeated_header_rows_are_skipped() -> None:
    rows: list[list[object]] = [
        ["片区", "业务员", "手机"],
        ["月湖小区", "张伟", "13805741234"],
        ["片区", "业务员", "手机"],  # a header repeated on each printed page
        ["备注：单双号以门牌为准", None, None],
        ["合计", "3人", 3],
        ["说明", "说明", "说明"],  # a merged note row, filled into every cell
        [None, "  ", None],
        ["注意小区", "李娜", None],  # a real area that happens to start with 注
    ]
    prepared = prepare(sheet(rows), AREA_FIELDS)
    assert prepared.skipped == 5
    assert [r.row_no for r in prepared.rows] == [2, 8]
    assert prepared.total == 2
    assert prepared.ok


def test_every_problem_is_reported_with_row_and_column(fixtures: Path) -> None:
    prepared = prepare(read_sheet(fixtures / "areas_bad_cells.xlsx"), AREA_FIELDS)
    assert not prepared.ok
    assert [(p.row, p.column) for p in prepared.problems] == [
        (3, "E（业务员）"),
        (4, "G（手机）"),
        (6, "G（手机）"),
    ]
    assert [r.row_no for r in prepared.rows] == [2, 5]  # other rows were still checked
    assert prepared.total == 5
    assert str(prepared.problems[0]) == (
        "areas_bad_cells.xlsx, sheet 派件区域, row 3, column E（业务员）: a value is required here"
    )
    assert str(prepared.problems[1]).startswith(
        "areas_bad_cells.xlsx, sheet 派件区域, row 4, column G（手机）: '139O7482345' — "
        "a phone number is expected"
    )


def test_rounded_waybill_numbers_name_the_cell(fixtures: Path) -> None:
    prepared = prepare(read_sheet(fixtures / "waybills_rounded.xlsx"), WAYBILL_FIELDS)
    assert [(p.row, p.column) for p in prepared.problems] == [
        (3, "A（运单号）"),
        (4, "A（运单号）"),
    ]
    assert str(prepared.problems[0]) == (
        "waybills_rounded.xlsx, sheet 运单, row 3, column A（运单号）: '77312300000000' — "
        "the number was rounded by Excel (shown as 7.73123E+13); format the column as Text "
        "in Excel and export again"
    )
    assert "'7.73123E+13' — the number was rounded by Excel" in str(prepared.problems[1])
    assert [r.values["number"] for r in prepared.rows] == ["77312345678901", "YT1234567890123"]
    assert prepared.rows[0].values["phone"] == "13805741234"


def test_waybill_list(fixtures: Path) -> None:
    prepared = prepare(read_sheet(fixtures / "waybills_small.xlsx"), WAYBILL_FIELDS)
    assert prepared.ok, [str(p) for p in prepared.problems]
    assert len(prepared.rows) == 50
    numbers = [r.values["number"] for r in prepared.rows]
    assert all(isinstance(n, str) and "." not in n for n in numbers)
    assert any(str(n).startswith("YT") for n in numbers)
    assert all(len(str(r.values["phone"])) == 11 for r in prepared.rows)
    assert all(isinstance(r.values["date"], date) for r in prepared.rows)
    assert prepared.rows[0].values["carrier"] is None  # optional column left empty


def test_dates_in_every_form(fixtures: Path) -> None:
    fields = (
        Field("date", "Date", ("日期",), required=True, parse=date_value),
        Field("form", "Form", ("说明",)),
    )
    prepared = prepare(read_sheet(fixtures / "dates_mixed.xlsx"), fields)
    assert prepared.ok, [str(p) for p in prepared.problems]
    assert len(prepared.rows) == 11
    assert {r.values["date"] for r in prepared.rows} == {date(2026, 11, 22)}


def test_routes_and_times(fixtures: Path) -> None:
    routes = (
        Field("province", "Province", ("目的省", "省份"), required=True),
        Field("city", "City", ("目的市", "城市")),
        Field("code", "Route code", ("一段码",)),
        Field("hub", "Hub", ("目的分拨中心", "分拨中心")),
        Field("transit", "Transit centre", ("中转中心",)),
        Field("cutoff", "Cut-off time", ("截单时间",), parse=time_text),
    )
    prepared = prepare(read_sheet(fixtures / "routes.xlsx"), routes)
    assert prepared.ok, [str(p) for p in prepared.problems]
    assert [r.values["cutoff"] for r in prepared.rows] == ["18:30", "19:00", "18:00", "17:30"]
    assert prepared.rows[0].values["code"] == "300"
    times = (
        Field("province", "Province", ("省份",), required=True),
        Field("city", "City", ("城市",)),
        Field("standard", "Standard days", ("标准时效", "时效"), required=True),
        Field("express", "Express days", ("特快时效",)),
    )
    prepared = prepare(read_sheet(fixtures / "times.xlsx"), times)
    assert prepared.mapping == {0: "province", 1: "city", 2: "standard", 3: "express"}
    assert [r.values["standard"] for r in prepared.rows] == ["1-2", "2", "3-4", "5-7"]
    assert prepared.rows[0].values["express"] == "1"


def test_row_check_adds_cross_field_problems() -> None:
    rows: list[list[object]] = [
        ["片区", "业务员", "手机"],
        ["月湖小区", "张伟", "13805741234"],
        ["丽园小区", "李娜", "12345"],
    ]

    def check(row: ParsedRow) -> list[tuple[str | None, str]]:
        if len(str(row.values["phone"])) != 11:
            return [("phone", "a mobile number has 11 digits"), (None, "row is odd")]
        return []

    prepared = prepare(sheet(rows), AREA_FIELDS, row_check=check)
    assert [r.row_no for r in prepared.rows] == [2]
    assert prepared.problems == [
        Problem("areas.xlsx", "派件区域", 3, "C（手机）", "12345", "a mobile number has 11 digits"),
        Problem("areas.xlsx", "派件区域", 3, None, None, "row is odd"),
    ]
    assert str(prepared.problems[1]) == "areas.xlsx, sheet 派件区域, row 3: row is odd"


def test_short_rows_and_missing_optional_fields() -> None:
    rows: list[list[object]] = [["片区", "业务员", "驿站"], ["月湖小区", "张伟"]]
    prepared = prepare(sheet(rows), AREA_FIELDS)
    values = prepared.rows[0].values
    assert values["station"] is None and values["phone"] is None
    assert set(values) == {f.key for f in AREA_FIELDS}


def big_sheet(n: int) -> RawSheet:
    row: list[object] = [
        "海曙区",
        "月湖街道",
        "春江花月（晓风苑、江树苑）；姚江路3号-5号",
        None,
        "张伟",
        574001.0,
        13805741234.0,
        "200-15-01",
    ]
    return sheet([AREA_FIELDS_HEADER, *([*row] for _ in range(n))])


AREA_FIELDS_HEADER: list[object] = [
    "区县",
    "街道",
    "负责片区",
    "门牌范围",
    "业务员",
    "工号",
    "手机",
    "三段码",
]


def test_progress_and_cancel() -> None:
    calls: list[tuple[int, int]] = []
    prepare(big_sheet(2500), AREA_FIELDS, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]

    def cancel(done: int, total: int) -> None:
        if done >= 1000:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        prepare(big_sheet(2500), AREA_FIELDS, progress=cancel)
