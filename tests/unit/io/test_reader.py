"""Reading every spreadsheet format the branch meets into rows, merged cells filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchdesk.io.reader import (
    SUPPORTED_SUFFIXES,
    FileReadError,
    read_all_sheets,
    read_sheet,
    sheet_names,
)

HEADER = ["区县", "街道", "负责片区", "门牌范围", "业务员", "工号", "手机", "三段码", "驿站"]
FIRST_AREA = "春江花月（晓风苑、江树苑）；姚江路3号-5号"


@pytest.mark.parametrize("name", ["areas_title_merged.xlsx", "areas.ods", "areas.xls"])
def test_workbook_formats_read_with_merged_cells_filled(fixtures: Path, name: str) -> None:
    sheet = read_sheet(fixtures / name)
    assert sheet.name == "派件区域"
    assert sheet.encoding is None
    rows = sheet.rows
    assert rows[2] == HEADER
    assert rows[3][2] == FIRST_AREA
    # 业务员/工号/手机 merged over rows 4-6 and 7-9: the value is in every row it spans.
    assert [r[4] for r in rows[3:9]] == ["张伟"] * 3 + ["李娜"] * 3
    assert {r[5] for r in rows[3:6]} == {"574001"}
    assert [r[6] for r in rows[3:6]] == [13805741234] * 3  # a number stored as a number
    # 街道 merged over rows 4-8; row 9 has its own value.
    assert [r[1] for r in rows[3:9]] == ["月湖街道"] * 5 + ["西门街道"]
    assert rows[9] == [None] * 9  # the blank row stays, so row numbers match the sheet
    assert [r[4] for r in rows[10:12]] == ["王芳", "王芳"]
    assert rows[12][0].startswith("注：本表为示例")
    assert all(len(r) == 9 for r in rows)  # rectangular, no trailing empty columns
    assert rows[3][3] is None  # empty cells are None, never ""


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("areas_utf8.csv", "utf-8"),
        ("areas_utf8_bom.csv", "utf-8-sig"),
        ("areas_gbk.csv", "gbk"),
        ("areas_gb18030.csv", "gb18030"),
    ],
)
def test_csv_encodings_and_delimiters(fixtures: Path, name: str, encoding: str) -> None:
    sheet = read_sheet(fixtures / name)
    assert sheet.encoding == encoding
    assert sheet.name == Path(name).stem
    assert sheet.rows[0] == HEADER
    assert sheet.rows[1][2] == FIRST_AREA
    assert sheet.rows[2][2] == "万达广场(A座,B座)"  # a quoted comma stays inside the cell
    assert sheet.rows[1][6] == "13805741234"
    assert len(sheet.rows) == 9
    assert all(len(r) == 9 for r in sheet.rows)


def test_gb18030_keeps_characters_outside_gbk(fixtures: Path) -> None:
    rows = read_sheet(fixtures / "areas_gb18030.csv").rows
    assert rows[7][4] == "刘䶮"
    assert rows[7][8] == "𠀾村驿站"


def test_sheet_names(fixtures: Path) -> None:
    assert sheet_names(fixtures / "areas_title_merged.xlsx") == ["派件区域"]
    assert sheet_names(fixtures / "areas_gbk.csv") == ["areas_gbk"]


def test_a_hidden_first_sheet_is_not_read_unless_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["内部说明"])
    notes.sheet_state = "hidden"
    data = wb.create_sheet("工单")
    data.append(["工单号", "工单类型"])
    data.append(["GD1", "催件"])
    wb.create_sheet("旧表").sheet_state = "hidden"
    wb.create_sheet("备用")
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    assert sheet_names(path) == ["工单", "备用", "说明", "旧表"]
    assert sheet_names(path, visible_only=True) == ["工单", "备用"]
    # every sheet of an area table: not its hidden old one (review)
    assert [sheet.name for sheet in read_all_sheets(path)] == ["工单", "备用"]
    sheet = read_sheet(path)
    assert (sheet.name, sheet.rows) == ("工单", [["工单号", "工单类型"], ["GD1", "催件"]])
    assert read_sheet(path, "说明").rows == [["内部说明"]]  # named: read as asked


def test_named_sheet_and_missing_sheet(fixtures: Path) -> None:
    assert read_sheet(fixtures / "routes.xlsx", "发件路由").rows[0][0] == "目的省"
    with pytest.raises(FileReadError, match=r"no sheet named “Sheet9”.*发件路由"):
        read_sheet(fixtures / "routes.xlsx", "Sheet9")


def test_values_keep_their_types(fixtures: Path) -> None:
    rows = read_sheet(fixtures / "waybills_rounded.xlsx").rows
    assert rows[1][0] == 77312345678901
    assert rows[2][0] == pytest.approx(7.73123e13)
    assert rows[3][0] == "7.73123E+13"
    assert rows[1][6].isoformat().startswith("2026-11-20")


def test_empty_workbook_has_no_rows(fixtures: Path) -> None:
    assert read_sheet(fixtures / "empty.xlsx").rows == []


def test_damaged_file(fixtures: Path) -> None:
    with pytest.raises(FileReadError) as info:
        read_sheet(fixtures / "damaged.xlsx")
    assert str(info.value) == (
        "damaged.xlsx cannot be read: it is damaged or not really a xlsx file. "
        "Open it in Excel or WPS, save it again as .xlsx, and choose the saved file."
    )


def test_binary_data_in_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    with pytest.raises(FileReadError, match=r"export\.csv is not a text file"):
        read_sheet(path)


@pytest.mark.parametrize("name", ["areas.pdf", "areas.docx", "areas"])
def test_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    with pytest.raises(FileReadError, match="is not a file BranchDesk can read"):
        read_sheet(path)
    assert ".xlsx" in SUPPORTED_SUFFIXES


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match=r"nowhere\.xlsx cannot be found"):
        read_sheet(tmp_path / "nowhere.xlsx")


def test_html_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>运单号</td></tr></table></body></html>")
    with pytest.raises(FileReadError, match="web page"):
        read_sheet(path)


def test_tab_separated_text_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes("运单号\t派件员\r\nYT1234567890123\t张伟\r\n".encode("gbk"))
    sheet = read_sheet(path)
    assert sheet.rows == [["运单号", "派件员"], ["YT1234567890123", "张伟"]]
    assert sheet.encoding == "gbk"


def test_not_a_table_reads_as_one_column(fixtures: Path) -> None:
    rows = read_sheet(fixtures / "not_a_table.txt").rows
    assert rows[0] == ["各位同事："]
    assert all(len(r) == 1 for r in rows)


def test_semicolon_delimiter_and_trailing_empty_columns(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a;b;;\n1;2;;\n\n", encoding="utf-8")
    assert read_sheet(path).rows == [["a", "b"], ["1", "2"]]
