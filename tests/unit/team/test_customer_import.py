"""Importing the sending-customer list, as a branch owner's Excel saves it.

The fixture is written the way Excel (Chinese Windows) saves "CSV (逗号分隔)": GBK bytes, CRLF
line ends, a title row merged across the columns (saved as one cell and trailing commas), the
phone column typed by hand (spaces, +86), and the usual mistakes of a list kept by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.io.batches import undo_batch
from branchdesk.io.importing import ImportRejected, run_import
from branchdesk.team.agents import add_agent
from branchdesk.team.ownership import list_customers

EXCEL_GBK_CSV = (
    "宁波海曙网点 发件客户表（2026年11月）,,,\r\n"
    "客户名称,联系电话,日均件量,负责客服\r\n"
    "春风服饰,139 0574 0001,320,王芳\r\n"
    "海曙水产批发,+86 13905740002,150,李明\r\n"
    "月湖书店,0574-87650003,40,\r\n"
    '"甬上茶叶, 总店",13905740004,"1,200",王芳\r\n'
    "春风服饰,13905740009,10,李明\r\n"  # the same customer again (row 7)
    "阿强数码,13905740005,80,张三\r\n"  # 张三 is not in the team (row 8)
    "老王干货,1390574,25,李明\r\n"  # a phone with digits missing (row 9)
)


@pytest.fixture
def customer_file(tmp_path: Path) -> Path:
    path = tmp_path / "发件客户.csv"
    path.write_bytes(EXCEL_GBK_CSV.encode("gbk"))
    return path


@pytest.fixture
def team(db: Database) -> Database:
    with db.session() as s:
        add_agent(s, "王芳")
        add_agent(s, "李明")
    return db


def test_a_file_with_bad_rows_writes_nothing_and_names_each_problem(
    team: Database, customer_file: Path
) -> None:
    with team.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, customer_file, "customers")
    assert [str(p) for p in rejected.value.prepared.problems] == [
        "发件客户.csv, sheet 发件客户, row 7, column A（客户名称）: '春风服饰' — the same customer "
        "already appears in row 3",
        "发件客户.csv, sheet 发件客户, row 8, column D（负责客服）: '张三' — “张三” is not in the "
        "team; add the agent under 团队 first, or correct the name",
        "发件客户.csv, sheet 发件客户, row 9, column B（联系电话）: '1390574' — 1390574 is not a "
        "whole phone number: a mobile has 11 digits, a landline its area code (0574-87654321)",
    ]
    with team.read_session() as s:
        assert list_customers(s) == []


def test_skip_invalid_imports_the_rest_and_undo_removes_it(
    team: Database, customer_file: Path
) -> None:
    with team.session() as s:
        report = run_import(s, customer_file, "customers", skip_invalid=True)
    assert report.rows_ok == 4
    with team.read_session() as s:
        rows = [(c.name, c.phone, c.daily_volume, c.owner) for c in list_customers(s)]
    assert rows == [
        ("春风服饰", "13905740001", 320, "王芳"),
        ("月湖书店", "057487650003", 40, ""),
        ("海曙水产批发", "13905740002", 150, "李明"),
        ("甬上茶叶, 总店", "13905740004", 1200, "王芳"),
    ]
    with team.session() as s:
        undo_batch(s, report.batch_id)
    with team.read_session() as s:
        assert list_customers(s) == []


def test_a_second_import_does_not_add_a_customer_twice(team: Database, customer_file: Path) -> None:
    with team.session() as s:
        run_import(s, customer_file, "customers", skip_invalid=True)
    with team.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, customer_file, "customers")
    assert [p.message for p in rejected.value.prepared.problems][:2] == [
        "this customer is already in the customer list",
        "this customer is already in the customer list",
    ]
    with team.read_session() as s:
        assert len(list_customers(s)) == 4


def test_the_command_line_imports_customers(
    team: Database, customer_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "customers", str(customer_file)]) == 1
    out = capsys.readouterr().err
    assert out.splitlines()[0] == (
        "发件客户.csv: 3 problem(s) found, nothing was imported. Correct the file and import "
        "again, or choose to skip the invalid rows."
    )
    assert main(["import", "customers", str(customer_file), "--skip-invalid"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "发件客户.csv: imported 4 row(s), skipped 3 invalid row(s)."
    )
    with team.read_session() as s:
        assert len(list_customers(s)) == 4
