"""The complaint log on the command line: the due list and the work-order import."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pdfplumber
import pytest

from branchdesk.cli import main
from branchdesk.complaints import service
from branchdesk.db.engine import open_database
from tests.unit.pdf_samples import unembedded_fonts


def run(*args: str) -> int:
    return main(list(args))


def _log(hours_left: float, waybill: str, hours_ago: float = 1) -> None:
    db = open_database()
    with db.session() as s:
        service.ensure_default_categories(s)
        category = next(c for c in service.category_tree(s) if c.name == "催件")
        at = service.now()
        service.create_complaint(
            s,
            service.NewComplaint(
                channel="电话",
                category_id=category.id,
                waybill_no=waybill,
                phone="13812341234",
                received_at=at - timedelta(hours=hours_ago),
                due_at=at + timedelta(hours=hours_left),
            ),
            "小王",
        )
    db.dispose()


def test_due_lists_overdue_and_due_soon_complaints_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _log(-0.5, "YT1000000000001")  # overdue
    _log(1, "YT1000000000002")  # due within the default 2 h
    _log(5, "YT1000000000003")  # later
    assert run("complaints", "due", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["waybill_no"] for i in items] == ["YT1000000000001", "YT1000000000002"]
    assert [i["overdue"] for i in items] == [True, False]
    assert items[0]["customer_phone"] == "138****1234"  # masked
    assert run("complaints", "due", "--within", "6", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
    assert run("complaints", "due") == 0
    out = capsys.readouterr().out
    assert "OVERDUE" in out and "1 overdue, 1 due soon" in out
    assert run("complaints", "due", "--within", "-1") == 2
    assert run("complaints", "due", "--within", "nan") == 2
    assert run("complaints") == 2


def test_a_cut_due_list_gives_the_real_totals_and_says_it_is_cut(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "DUE_LIST_LIMIT", 2)
    for n in range(3):
        _log(-0.5 - n / 10, f"YT100000000000{n}")
    _log(1, "YT1000000000009")
    assert run("complaints", "due") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len([line for line in lines if "OVERDUE" in line]) == 2
    assert lines[-2:] == [
        "Only the first 2 of 4 are listed; use --json for all of them.",
        "3 overdue, 1 due soon.",
    ]
    assert run("complaints", "due", "--json") == 0  # a script gets every one
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_a_deadline_of_another_year_is_shown_with_its_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _log(-0.5, "YT1000000000001")
    _log(-24 * 400, "YT1000000000002", hours_ago=24 * 401)  # forgotten for over a year
    assert run("complaints", "due") == 0
    lines = capsys.readouterr().out.splitlines()
    old = service.now() - timedelta(hours=24 * 400)
    assert f"OVERDUE {old:%Y-%m-%d %H:%M}" in lines[0] and "YT1000000000002" in lines[0]
    recent = service.now() - timedelta(hours=0.5)
    assert f"OVERDUE {recent:%m-%d %H:%M}  " in lines[1] and f"{recent:%Y-}" not in lines[1]


def test_work_orders_import_from_the_command_line(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", "complaints", str(fixtures / "work_orders.xlsx")) == 0
    assert "merged" in capsys.readouterr().out
    assert run("import", "complaints", str(fixtures / "work_orders.xlsx")) == 1
    assert capsys.readouterr().err == (
        "work_orders.xlsx: 6 problem(s) found, nothing was imported. Correct the file and "
        "import again, or choose to skip the invalid rows.\n"
        + "".join(
            f"work_orders.xlsx, sheet 工单, row {n + 2}, column A（工单号）: 'GD20261102000{n}' — "
            f"this work order was imported before (complaint TS20261102-000{n})\n"
            for n in range(1, 7)
        )
    )


def test_print_the_month_s_analysis(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    assert run("import", "complaints", str(fixtures / "work_orders.xlsx")) == 0
    # 张三 (13812341234) complains again about another parcel: a repeat complainant.
    db = open_database()
    with db.session() as s:
        category = next(c for c in service.category_tree(s) if c.name == "催件")
        service.create_complaint(
            s,
            service.NewComplaint(
                channel="电话",
                category_id=category.id,
                waybill_no="YT1000000000099",
                phone="13812341234",
                received_at=datetime(2026, 11, 5, 9, 0),
            ),
        )
    db.dispose()
    out = tmp_path / "analysis.pdf"
    assert run("print", "analysis", "--month", "2026-11", "-o", str(out)) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "2026-11" in text and "改地址" in text and "总部工单" in text
    assert "138****1234" in text and "13812341234" not in text
    assert re.search(r"\d+\.\d%", text)  # shares to one decimal: whole ones summed to 103%
    assert run("print", "analysis", "--month", "2026-13", "-o", str(out)) == 2
    assert unembedded_fonts(out) == []  # reportlab's Helvetica went in unembedded
    # The value axis' numbers stand above the table under each chart, not under it.
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            for table in page.find_tables():
                top = table.bbox[1]
                hidden = [c for c in page.chars if c["top"] < top < c["bottom"]]  # cut by it
                assert hidden == [], [c["text"] for c in hidden]


def test_the_analysis_of_a_month_to_come_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "analysis.pdf"
    assert run("print", "analysis", "--month", "2099-03", "-o", str(out)) == 1
    assert "2099-03 has not begun yet" in capsys.readouterr().err
    assert not out.exists()


def test_export_complaints_masks_phones(fixtures: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    assert run("import", "complaints", str(fixtures / "work_orders.xlsx")) == 0
    out = tmp_path / "complaints.xlsx"
    assert run("export", "complaints", "-o", str(out)) == 0
    ws = load_workbook(out).active
    assert ws is not None
    values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "138****1234" in values and "13812341234" not in values
