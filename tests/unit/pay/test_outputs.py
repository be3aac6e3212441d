"""The statement's outputs: the A4 PDF, the Excel workbook and `team statement` on the
command line."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from branchdesk.cli import main
from branchdesk.pay import service
from branchdesk.pay.documents.statement import render_statements
from branchdesk.pay.exports import HEADER_LABELS, export_statements
from branchdesk.pay.rates import QcBand, Rates
from tests.unit.pdf_samples import unembedded_fonts

from .conftest import MONTH, Team


def _statements(team: Team) -> list[service.Statement]:
    with team.db.session() as s:
        service.set_rates(s, Rates(200, 500, 50, (QcBand(90, None, 200_00),)))
        service.add_fine(s, team.wang, MONTH, 50_00, "虚假签收 总部罚款")
    with team.db.read_session() as s:
        return service.month_statements(s, MONTH, quality=None)


def _text(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_pdf_has_the_ranking_then_a_page_per_agent(team: Team, tmp_path: Path) -> None:
    statements = _statements(team)
    out = tmp_path / "s.pdf"
    pages = render_statements(
        statements, out, month=MONTH, branch="城东网点", printed=date(2026, 12, 2)
    )
    assert pages == 4
    text = _text(out)
    # What is paid out: 王芳's fine above her pay is not netted against the others' pay
    # (the total read -33.50 元); what she owes is said apart.
    assert "Team ranking 2026-11" in text[0] and "Total pay: 4.50 元" in text[0]
    assert "1 agent(s) owe 38.00 元" in text[0] and "王芳" in text[0]
    wang = text[2]
    assert "Pay statement 2026-11 — 王芳（KF01）" in wang
    assert "Draft: not approved yet" in wang
    assert "Closed on time 3 / 4 (75%)" in wang
    assert "Fine: 虚假签收 总部罚款 -50.00" in wang
    # 6.00 + 5.00 + 1.00 by volume, less the 50 元 fine: owed, not pay
    assert "Owed (fines above the pay) 6 -38.00" in wang
    assert "No QC figures for this month." in wang


def test_pdf_of_one_agent_has_no_ranking(team: Team, tmp_path: Path) -> None:
    statements = [s for s in _statements(team) if s.agent_name == "赵敏"]
    out = tmp_path / "one.pdf"
    assert render_statements(statements, out, month=MONTH, printed=date(2026, 12, 2)) == 1
    assert "Closed on time 0 / 0 (—)" in _text(out)[0]


def test_excel_has_a_row_per_agent_and_the_fines(team: Team, tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    written = export_statements(_statements(team), out, MONTH)
    assert written == 3
    wb = load_workbook(out)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == HEADER_LABELS
    assert rows[2][:8] == (2, "王芳", "KF01", 3, 1, 2, 6, "75%")
    assert rows[2][15:20] == (12, 0, 50, -38, "Draft")
    assert list(wb.worksheets[1].iter_rows(values_only=True)) == [
        ("Agent", "Amount (元)", "Reason"),
        ("王芳", 50, "虚假签收 总部罚款"),
    ]


def test_excel_headers_are_chinese_in_the_chinese_program(team: Team, tmp_path: Path) -> None:
    """Eight of the pay workbook's headers were English next to Chinese ones (按时率 was
    "On-time rate"): their table was not one the catalogue's extractor reads."""
    from branchdesk import i18n

    i18n.set_language("zh_CN")
    out = tmp_path / "s.xlsx"
    export_statements(_statements(team), out, MONTH)
    wb = load_workbook(out)
    headers = [str(h) for ws in wb.worksheets for h in next(ws.iter_rows(values_only=True))]
    assert [h for h in headers if re.search("[A-Za-z]{2,}", h)] == []
    assert "按时率" in headers and "审批人" in headers


def run(*args: str) -> int:
    return main(list(args))


def test_cli_writes_excel_and_pdf(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _statements(team)
    assert run("team", "statement", "--month", MONTH, "-o", str(tmp_path / "s.xlsx")) == 0
    assert capsys.readouterr().out == f"Wrote 3 statement(s) of 2026-11 to {tmp_path / 's.xlsx'}\n"
    out = tmp_path / "w.pdf"
    assert run("team", "statement", "--month", MONTH, "--agent", "王芳", "-o", str(out)) == 0
    assert capsys.readouterr().out == f"Wrote 1 page(s) to {out}\n"
    assert "王芳" in _text(out)[0]


def test_print_statement_takes_the_employee_number_as_its_help_says(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _statements(team)
    out = tmp_path / "li.pdf"
    args = ("print", "statement", "--month", MONTH, "-o", str(out), "--employee")
    assert run(*args, "kf02") == 0
    assert capsys.readouterr().out == f"Wrote 1 page(s) to {out}\n"
    assert "李娜" in _text(out)[0]
    assert run(*args, "李娜") == 0  # the name too


def test_cli_json(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    _statements(team)
    assert run("team", "statement", "--month", "2026-11", "--agent", "李娜", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["month"] == "2026-11"
    [li] = data["statements"]
    assert {k: li[k] for k in ("agent", "complaints_closed", "contacts", "on_time_rate")} == {
        "agent": "李娜",
        "complaints_closed": 1,
        "contacts": 5,
        "on_time_rate": 1.0,
    }
    assert (li["total_fen"], li["days"], li["hours"], li["status"]) == (450, 1, 0.0, "draft")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("--month", "2026-13", "-o", "x.xlsx"),
            2,
            "argument --month: a month like 2026-11 is expected: 2026-13",
        ),
        (
            ("--month", "2026-11", "-o", "x.csv"),
            1,
            "Write the statements to a .xlsx or .pdf file, not “x.csv”.",
        ),
        (
            ("--month", "2026-11"),
            2,
            "Say where to write the statements: team statement --month 2026-11 -o FILE.xlsx "
            "(or FILE.pdf), or --json.",
        ),
        (
            ("--month", "2026-11", "--agent", "张三", "--json"),
            1,
            "No statement for “张三” in 2026-11: check the name or the employee "
            "number in the team list.",
        ),
    ],
)
def test_cli_refusals(
    team: Team, args: tuple[str, ...], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("team", "statement", *args) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    # The message, wrapped to the console's width as a usage error is (then what to do).
    said = " ".join(captured.err.split())
    assert said.endswith(" ".join(message.split())) or (
        code == 2 and " ".join(message.split()) + " Run “branchdesk team statement" in said
    )


def test_pdf_shows_qc_figures_and_the_daily_trend(team: Team, tmp_path: Path) -> None:
    def quality(_session: object, month: str) -> dict[int, dict[str, object]]:
        if month != MONTH:
            return {team.wang: {"average": 90.0, "scored": 5}}
        daily = ((date(2026, 11, 3), 86.0), (date(2026, 11, 4), 91.0))
        return {
            team.wang: {
                "average": 88.5,
                "scored": 12,
                "daily": daily,
                "coaching_open": 1,
                "coaching_closed": 0,
            }
        }

    with team.db.read_session() as s:
        [wang] = service.month_statements(s, MONTH, quality=quality, agent="王芳")
    out = tmp_path / "qc.pdf"
    render_statements([wang], out, month=MONTH, printed=date(2026, 12, 2))
    text = _text(out)[0]
    assert "QC average 88.5 Items scored 12 Change from the month before ↓ -1.5" in text
    assert "Coaching open / closed 1 / 0 QC average per day" in text
    assert unembedded_fonts(out) == []  # the daily chart started in Helvetica, unembedded
