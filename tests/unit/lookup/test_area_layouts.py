"""Area tables as branches keep them (issue 12 "Table realities"), built here in tmp_path."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from branchdesk.db.engine import Database
from branchdesk.io.importing import ImportRejected, run_import
from branchdesk.lookup.models import Courier
from branchdesk.lookup.service import lookup


def _book(path: Path, sheets: dict[str, list[list[object]]], merges: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in merges:
            sheet.merge_cells(merges[name])
    book.save(path)
    return path


def _import(db: Database, path: Path) -> str:
    with db.session() as session:
        return run_import(session, path, "areas").summary()


def _courier(db: Database, address: str) -> str:
    with db.session() as session:
        result = lookup(session, address)
    return result.couriers[0].name if result.couriers else ""


def test_one_sheet_per_courier_with_a_notes_sheet(db: Database, tmp_path: Path) -> None:
    title = "派件员：王　芳 工号：0231 手机：13904001231 三段码：A12"
    path = _book(
        tmp_path / "per_courier.xlsx",
        {
            "说明": [["填表说明"], ["每人一页"]],
            "王芳": [
                [title, title, title],
                [None],
                ["片区", "道路/小区", "门牌号"],
                ["一片", "花港路", "1-60号"],
            ],
            "李强-0232": [
                ["太原街网点 派件范围表"] * 3,
                [None],
                ["片区", "道路/小区", "门牌号"],
                ["二片", "花港路", "61号以后"],
            ],
        },
        {"王芳": "A1:C1"},
    )
    summary = _import(db, path)
    assert summary == (
        "per_courier.xlsx: imported 2 row(s), skipped 0 invalid row(s).\n"
        "2 sheets read.\n"
        "Sheet 说明 skipped: it holds notes, not an area table."
    )
    assert _courier(db, "花港路12号") == "王芳"
    assert _courier(db, "花港路70号") == "李强"
    with db.session() as session:
        wang = session.scalars(select(Courier).where(Courier.name == "王芳")).one()
        li = session.scalars(select(Courier).where(Courier.name == "李强")).one()
    assert (wang.employee_no, wang.phone) == ("0231", "13904001231")
    assert li.employee_no == "0232"


def test_a_wide_table_with_one_column_per_courier(db: Database, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "wide.xlsx",
        {
            "派送范围": [
                ["平洲网点 派送范围"] * 3,
                ["快递员", "陈志强", "林晓燕"],
                ["联系电话", 13702881001, 13702881002],
                ["派送范围", "南海大道北1~99号（单）", "南海大道北2~100号（双）"],
                ["派送范围", "桂花园1-6幢", "桂花园7-12幢\n平洲广场"],
                ["注：节假日互相代班", None, None],
            ]
        },
        {},
    )
    _import(db, path)
    assert _courier(db, "南海大道北13号") == "陈志强"
    assert _courier(db, "桂花园8幢") == "林晓燕"
    assert _courier(db, "平洲广场") == "林晓燕"


def test_a_bad_cell_of_a_wide_table_names_the_cell_where_the_text_is(
    db: Database, tmp_path: Path
) -> None:
    path = _book(
        tmp_path / "wide.xlsx",
        {
            "派送范围": [
                ["快递员", "陈志强", "林晓燕"],
                ["派送范围", "南海大道北1~99号", "99-1号"],
            ]
        },
        {},
    )
    with pytest.raises(ImportRejected) as caught:
        _import(db, path)
    assert str(caught.value) == (
        "wide.xlsx: 1 problem(s) found, nothing was imported. Correct the file and import again, "
        "or choose to skip the invalid rows.\n"
        "wide.xlsx, sheet 派送范围, row 2, column C2: '99-1号' — "
        '"99-1号": the range starts at 99, after its end 1; write the smaller number first, '
        "e.g. 1-99号"
    )


def test_an_excel_saved_csv_of_merged_cells_is_filled_down(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "areas.csv"
    path.write_bytes(
        "派件区域划分表,,,\r\n"
        "街道,小区/道路,业务员,联系电话\r\n"
        "玉林街道,玉林北路,王芳,13980011201\r\n"
        ",芳邻路,,\r\n"
        ",玉林小区,李建国,13880012202\r\n"
        ",,,\r\n"
        ",棕北小区,,\r\n".encode("gbk")
    )
    summary = _import(db, path)
    assert summary == (  # 街道 ×3, 业务员 ×2, 联系电话 ×2
        "areas.csv: imported 4 row(s), skipped 0 invalid row(s).\n"
        "7 blank cell(s) in a grouping column taken as “same as above” (as merged cells leave them)"
    )
    assert _courier(db, "芳邻路5号") == "王芳"
    assert _courier(db, "棕北小区") == "李建国"
    with db.session() as session:
        li = session.scalars(select(Courier).where(Courier.name == "李建国")).one()
    assert li.phone == "13880012202"


def test_names_that_differ_only_in_spacing_are_one_courier(db: Database, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "flat.xlsx",
        {
            "Sheet1": [
                ["负责片区", "业务员", "手机"],
                ["花港路", "王　芳", "139 0400 1231"],
                ["玉林小区", "王 芳", "13904001231"],
                ["芳邻路", "王芳", "13904001231"],
            ]
        },
        {},
    )
    _import(db, path)
    with db.session() as session:
        assert session.scalars(select(Courier.name)).all() == ["王芳"]


def test_the_area_column_is_chosen_by_what_its_cells_hold(db: Database, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "zones.xlsx",
        {
            "Sheet1": [
                ["片区", "派送范围", "业务员"],
                ["城东二片", "花港路1-60号", "王芳"],
                ["城东二片", "玉林小区", "王芳"],
                ["城西一片", "芳邻路", "李强"],
            ]
        },
        {},
    )
    _import(db, path)
    assert _courier(db, "花港路12号") == "王芳"
    assert _courier(db, "城东二片") == ""  # a zone label is no address


def test_a_column_of_district_names_headed_区域_is_not_taken_for_the_area(
    db: Database, tmp_path: Path
) -> None:
    """区域 (东城区, blank below as merged cells leave it) beat 派送范围 and the import refused
    every row but two: any cell counted as an area name."""
    path = tmp_path / "北新桥.csv"
    path.write_bytes(
        "区域,街道,派送范围,业务员姓名\r\n"
        "东城区,交道口街道,南锣鼓巷；帽儿胡同1-45号,王建国\r\n"
        ",,帽儿胡同46号以后；雨儿胡同,李红\r\n"
        "朝阳区,三里屯街道,三里屯路1-29号单号,李红\r\n".encode("gbk")
    )
    _import(db, path)
    assert _courier(db, "帽儿胡同50号") == "李红"
    assert _courier(db, "南锣鼓巷3号") == "王建国"


def test_a_cell_of_30000_digits_does_not_hold_the_import_up(tmp_path: Path) -> None:
    # Found by the bad-input campaign: telling zone labels (城东二片) from addresses tried a
    # pattern at every position of the cell, each trying every length of its digits: one such
    # cell held the import dialog's check of this table up for about nine seconds.
    import time

    from branchdesk.io.importing import kinds, validate
    from branchdesk.io.reader import read_sheet

    path = tmp_path / "片区.csv"
    # Two columns named as areas: what their cells hold decides which one is the area.
    rows = [["业务员", "派送范围", "地址"], ["张伟", "药行街1-99号", "1-" + "9" * 30_000]]
    path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    started = time.perf_counter()
    prepared = validate(read_sheet(path), kinds()["areas"], None)
    assert time.perf_counter() - started < 2.0
    assert prepared.valid == 1


def test_a_range_excel_turned_into_a_date_is_named_in_its_own_column(
    db: Database, tmp_path: Path
) -> None:
    """门牌号 1-12 saved by Excel as 2024-01-12 was refused as "range starts at 2024, after its
    end 1", at the 道路 column."""
    from datetime import datetime

    path = _book(
        tmp_path / "dates.xlsx",
        {"Sheet1": [["道路", "门牌号", "业务员"], ["富民路", datetime(2024, 1, 12), "吴静"]]},
        {},
    )
    with pytest.raises(ImportRejected) as rejected:
        _import(db, path)
    message = str(rejected.value)
    assert "column B（门牌号）" in message and "2024-01-12 is a date" in message
    assert "1-12" in message and "2024, after" not in message


def test_a_phone_in_a_courier_s_sheet_name_is_the_phone_not_the_employee_number(
    db: Database, tmp_path: Path
) -> None:
    """王建国-13911110001 stored 13911110001 as the employee number and no phone; 李红
    （13911110002） lost the number."""
    path = _book(
        tmp_path / "per-courier.xlsx",
        {
            "王建国-13911110001": [["道路/小区", "门牌号"], ["帽儿胡同", "1-45号"]],
            "李红（13911110002）": [["道路/小区", "门牌号"], ["雨儿胡同", None]],
            "周明-BJ05": [["道路/小区", "门牌号"], ["福祥胡同", None]],
        },
        {},
    )
    _import(db, path)
    with db.session() as session:
        couriers = {c.name: (c.employee_no, c.phone) for c in session.scalars(select(Courier))}
    assert couriers == {
        "王建国": (None, "13911110001"),
        "李红": (None, "13911110002"),
        "周明": ("BJ05", None),
    }


def test_a_road_column_beside_an_estate_column_reads_both(db: Database, tmp_path: Path) -> None:
    """道路 | 小区: rows with only an estate were refused, and 兰园 beside 望海路 was dropped."""
    path = _book(
        tmp_path / "蛇口.xlsx",
        {
            "派件": [
                ["南山区蛇口网点派件表", None, None, None, None],
                ["序号", "片区", "道路", "小区", "快递员"],
                [1, "A1区", "工业八路", None, "吴涛"],
                [2, "A1区", None, "海湾花园", "吴涛"],
                [3, "B1区", "望海路", "兰园", "郑雪"],
            ]
        },
        {},
    )
    _import(db, path)
    assert [_courier(db, a) for a in ("工业八路5号", "海湾花园3栋", "望海路10号", "兰园2栋")] == [
        "吴涛",
        "吴涛",
        "郑雪",
        "郑雪",
    ]


def test_a_range_beside_a_road_and_an_estate_goes_with_the_road(
    db: Database, tmp_path: Path
) -> None:
    """望海路 | 兰园 | 1-100号: the range was applied to 兰园 too, so 兰园3幢 never fitted
    (review)."""
    path = _book(
        tmp_path / "蛇口.xlsx",
        {
            "派件": [
                ["道路", "小区", "门牌号", "快递员"],
                ["望海路", "兰园", "1-100号", "郑雪"],
                ["望海路", None, "101号以后", "吴涛"],
                [None, "海湾花园", "1-6栋", "林峰"],
            ]
        },
        {},
    )
    _import(db, path)
    assert [_courier(db, a) for a in ("望海路10号", "望海路150号", "兰园3幢", "海湾花园5栋")] == [
        "郑雪",
        "吴涛",
        "郑雪",
        "林峰",
    ]
    with db.session() as session:
        assert lookup(session, "兰园3幢").sure  # not "house number missing"


def test_header_words_owners_write_are_read(db: Database, tmp_path: Path) -> None:
    """负责范围 (郑州, 昆山) was read as a 门牌范围 for its 范围, and 镇 | 村委会 | 自然村/小组
    (宜良) had no area column: each table was refused whole (hostile tester)."""
    per_courier = _book(
        tmp_path / "zhengzhou.xlsx",
        {"张伟-0371": [["派件员：张伟  工号：0371  手机：13703710001"], ["负责范围", "备注"],
                        ["金水路1-200号", ""], ["经三路", ""]]},
        {"张伟-0371": "A1:B1"},
    )  # fmt: skip
    _import(db, per_courier)
    assert _courier(db, "金水路150号") == "张伟"
    rural = _book(
        tmp_path / "yiliang.xlsx",
        {"宜良县": [["镇", "村委会", "自然村/小组", "业务员", "手机"],
                    ["北古城镇", "大营村委会", "大营村；小营村", "杨滇", "13708710002"]]},
        {},
    )  # fmt: skip
    _import(db, rural)
    assert _courier(db, "北古城镇小营村") == "杨滇"
    with db.session() as session:
        courier = session.scalars(select(Courier).where(Courier.name == "杨滇")).one()
        assert courier.phone == "13708710002"


def test_a_road_column_headed_路名_beside_a_zone_column_is_the_area(
    db: Database, tmp_path: Path
) -> None:
    """片区 | 路名 (南宁): the 片区 labels were taken for the area and the roads dropped, with
    no warning; a 路名 column alone was refused (hostile re-test)."""
    path = tmp_path / "nanning.csv"
    path.write_bytes(
        "片区,路名,门牌,业务员,手机\n青秀A,民族大道,1-99号,黄勇,13800000001\n".encode("gbk")
    )
    _import(db, path)
    assert _courier(db, "民族大道50号") == "黄勇"


def test_groups_listed_under_their_village_committee_are_that_village_s(
    db: Database, tmp_path: Path
) -> None:
    """乡镇 | 村委会 | 自然村/小组 with 一组、二组、三组 under 新村村委会: the table was refused
    ("一组 has no community or road name"; hostile re-test, 修文县)."""
    path = _book(
        tmp_path / "xiuwen.xlsx",
        {"修文县": [["乡镇", "村委会", "自然村/小组", "业务员", "手机"],
                    ["扎佐镇", "新村村委会", "一组、二组、三组", "杨林", "13800000001"],
                    ["扎佐镇", "新村村委会", "四组至八组", "罗刚", "13800000002"]]},
        {},
    )  # fmt: skip
    _import(db, path)
    assert _courier(db, "扎佐镇新村2组") == "杨林"
    assert _courier(db, "扎佐镇新村村委会六组") == "罗刚"
