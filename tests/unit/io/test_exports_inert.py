"""Exports are inert: hostile values imported into every table come out of every Excel
export as readable text, never as a formula (no <f> element in the sheet XML)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.io.export import write_table
from branchdesk.io.importing import run_import

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "＝1+1",
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def assert_inert(path: Path, expected: list[str]) -> None:
    """No formula anywhere in the workbook, and every hostile text readable as typed."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                xml = zf.read(name).decode("utf-8")
                assert not re.search(r"<(\w+:)?f[\s>/]", xml), f"formula in {path.name}:{name}"
    workbook = openpyxl.load_workbook(path)
    texts = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
                    if cell.value.startswith(("=", "+", "-", "@", "＝")):
                        assert cell.quotePrefix, (path.name, cell.coordinate, cell.value)
    found = "\n".join(texts)
    for value in expected:
        assert value in found, (path.name, value)


@pytest.fixture
def hostile_branch(db: Database, tmp_path: Path) -> Database:
    """Every table holds the hostile values."""
    n = len(HOSTILE)
    areas = [["负责片区", "业务员", "工号", "手机", "驿站", "备注"]]
    areas += [
        [f"药行街{i}号", value, f"57400{i}", f"1380574123{i}", value, value]
        for i, value in enumerate(HOSTILE)
    ]
    waybills = [["运单号", "收件人", "收件电话", "收件地址", "状态", "派件员"]]
    waybills += [
        [f"YT123456789012{i}", value, "13805741234", value, value, value]
        for i, value in enumerate(HOSTILE)
    ]
    handbook = [["分类", "违规致因", "处罚金额", "操作标准", "避责方法"]]
    handbook += [
        ["派件", f"{value}原因{i}", "10元/票", value, value] for i, value in enumerate(HOSTILE)
    ]
    orders = [["工单号", "工单类型", "工单内容", "客户姓名", "收件地址", "派件员", "创建时间"]]
    orders += [
        [f"GD2026110{i}", "催件", value, value, value, value, "2026-11-02 09:00"]
        for i, value in enumerate(HOSTILE)
    ]
    with db.session() as s:
        run_import(s, write_csv(tmp_path / "areas.csv", areas), "areas")
        run_import(s, write_csv(tmp_path / "waybills.csv", waybills), "waybills")
        run_import(
            s,
            write_csv(tmp_path / "=1+1.csv", handbook),
            "handbook",
            options={"create_categories": True},
        )
        run_import(s, write_csv(tmp_path / "orders.csv", orders), "complaints")
    assert n
    return db


@pytest.mark.parametrize("kind", ["areas", "waybills", "couriers", "handbook", "complaints"])
def test_table_exports_hold_no_formula(
    hostile_branch: Database, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{kind}.xlsx"
    assert main(["export", kind, "-o", str(out)]) == 0
    # A courier's name is kept without its spaces (王　芳 is 王芳: issue 12).
    expected = ["".join(v.split()) for v in HOSTILE] if kind == "couriers" else HOSTILE
    assert_inert(out, expected)


def test_audit_export_holds_no_formula(db: Database, tmp_path: Path) -> None:
    from branchdesk.settings import SettingsStore

    # The agent's name is recorded as who did each owner action.
    SettingsStore().set("agent_name", HOSTILE[1])
    handbook = [["分类", "违规致因", "处罚金额"], ["派件", "原因", "10元/票"]]
    file = write_csv(tmp_path / "h.csv", handbook)
    assert main(["import", "handbook", str(file), "--create-categories"]) == 0
    out = tmp_path / "audit.xlsx"
    assert main(["export", "audit", "-o", str(out)]) == 0
    assert_inert(out, [HOSTILE[1]])


def test_batch_lookup_and_analysis_exports_hold_no_formula(
    hostile_branch: Database, tmp_path: Path
) -> None:
    from branchdesk.complaints.analysis import month_report
    from branchdesk.complaints.exports import export_month_report
    from branchdesk.lookup.exports import export_batch_lookup
    from branchdesk.lookup.service import lookup

    with hostile_branch.session() as s:
        results = [lookup(s, value) for value in HOSTILE]
        report = month_report(s, 2026, 11, at=datetime(2026, 11, 30, 12))
    export_batch_lookup(results, tmp_path / "batch.xlsx")
    assert_inert(tmp_path / "batch.xlsx", HOSTILE[:5])  # the query is NFKC-normalised
    export_month_report(report, tmp_path / "analysis.xlsx")
    assert_inert(tmp_path / "analysis.xlsx", [HOSTILE[0]])


def test_writer_keeps_text_and_marks_cells_cut_at_excels_limit(tmp_path: Path) -> None:
    long = "长" * 40_000
    written = write_table(
        tmp_path / "t.xlsx",
        ["地址", "备注"],
        [["\t=1", long], ["\x1b[31m红\x00", "ok"]],
        sheet="运单",
    )
    assert written == 2
    assert len(written.notes) == 1 and "40,000" in written.notes[0] and "备注" in written.notes[0]
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert sheet is not None
    assert sheet["A2"].value == "\t=1" and sheet["A2"].data_type == "s"
    assert len(sheet["B2"].value) == 32_767 and sheet["B2"].value.endswith("characters in all]")
    assert sheet["A3"].value == "\\x1b[31m红\\x00"


def test_an_export_does_not_scan_its_sheet_again_for_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worksheet.max_row scans every cell; asked after each row written, an export of 23,000
    waybills took four minutes and one of 203,000 never ended (hostile tester)."""
    from openpyxl.worksheet.worksheet import Worksheet

    from branchdesk.io.export import write_table

    asked = 0
    original = Worksheet.max_row

    def counted(self: Worksheet) -> int:
        nonlocal asked
        asked += 1
        return original.fget(self)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setattr(Worksheet, "max_row", property(counted))
    write_table(
        tmp_path / "many.xlsx", ["运单号", "地址"], [[str(n), "中山西路"] for n in range(2000)]
    )
    assert asked < 20
    sheet = openpyxl.load_workbook(tmp_path / "many.xlsx").active
    assert sheet is not None and sheet.max_row == 2001 and sheet["A2001"].number_format == "@"
