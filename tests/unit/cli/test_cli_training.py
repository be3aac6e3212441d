"""`training status` and `print drill-sheet` on the sample branch (its new hire on the plan)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from branchdesk.cli import main
from branchdesk.db.engine import Database


def run(*args: str) -> int:
    return main(list(args))


def test_status_as_json_shows_the_hire_the_mentor_and_the_tables(
    sample_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("training", "status", "--json") == 0
    agents = {a["name"]: a for a in json.loads(capsys.readouterr().out)["agents"]}
    hire = agents["林子涵"]
    assert hire["plan"]["mentor"] == "孙丽"
    assert hire["plan"]["steps"][0]["status"] == "passed"  # the sample's guide step
    assert {t["table"] for t in hire["drill"]["tables"]} >= {"areas", "handbook"}
    assert all(0 <= t["percent"] <= 100 for t in hire["drill"]["tables"])
    assert hire["ready"] == {"lookup": False, "phone": False, "complaints": False}
    assert agents["孙丽"]["plan"] is None and all(agents["孙丽"]["ready"].values())
    assert agents["孙丽"]["trainees"] == [
        {"name": "林子涵", "passed": hire["plan"]["passed"], "steps": 10}
    ]


def test_status_of_one_agent_and_of_an_unknown_one(
    sample_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("training", "status", "--agent", "林子涵") == 0
    out = capsys.readouterr().out
    assert out.startswith("林子涵") and "孙丽" in out and "Delivery-area table mastered" in out
    assert run("training", "status", "--agent", "没有这人") == 1
    assert "林子涵" in capsys.readouterr().err  # the team is listed to choose from


def test_print_drill_sheet(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet.pdf"
    assert run("print", "drill-sheet", "--employee", "林子涵", "-o", str(out)) == 0
    assert len(PdfReader(out).pages) == 2
    assert "2 page(s)" in capsys.readouterr().out
