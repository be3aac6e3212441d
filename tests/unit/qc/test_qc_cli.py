"""`branchdesk qc sample` and `qc report` on the command line."""

from __future__ import annotations

import json

import pytest

from branchdesk.cli import main
from branchdesk.qc import scorecard
from branchdesk.qc.sampling import day_sample
from tests.unit.qc.conftest import DAY, Team


def test_sample_draws_once_and_prints_the_same_sample_again(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qc", "sample", "--date", DAY.isoformat(), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["qc", "sample", "--date", DAY.isoformat(), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert first == again and first["stored"] is True
    wang = next(a for a in first["agents"] if a["name"] == "王芳")
    assert (wang["quota"], wang["drawn"], wang["banned"]) == (5, 5, 2)
    assert [i["reason"] for i in wang["items"]][:2] == ["banned", "banned"]
    assert "去投诉吧" in wang["items"][0]["banned_phrases"] + wang["items"][1]["banned_phrases"]
    assert main(["qc", "sample", "--date", DAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "王芳: 5 of 14 item(s)" in out and "[去投诉吧]" in out
    assert "李强: 10 of 15 item(s) (quota 10, New hire" in out


def test_sample_of_a_day_without_work_and_bad_dates(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qc", "sample", "--date", "2026-11-01"]) == 0
    assert "Nobody worked on 2026-11-01" in capsys.readouterr().out
    assert main(["qc", "sample", "--date", "2026-13-01"]) == 2
    assert main(["qc", "sample", "--date", "2999-01-01"]) == 1
    assert "not over yet" in capsys.readouterr().err


def test_report_shows_each_agents_month(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qc", "report", "--month", "2026-11"]) == 0
    assert "No item was scored in 2026-11" in capsys.readouterr().out
    assert main(["qc", "sample", "--date", DAY.isoformat(), "--json"]) == 0
    capsys.readouterr()
    with team.db.session() as s:
        sample = day_sample(s, DAY)
        assert sample is not None
        card = scorecard.current_scorecard(s)
        for item, points in zip(sample.items_of(team.ids["李强"])[:2], (95, 85), strict=True):
            scorecard.score_item(
                s, item.id, "质检员", {c.id: points for c in card.criteria() if c.id}
            )
    assert main(["qc", "report", "--month", "2026-11", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            "agent_id": team.ids["李强"],
            "name": "李强",
            "average": 90.0,
            "scored": 2,
            "bad_days": 0,
            "daily": [{"date": DAY.isoformat(), "average": 90.0}],
            "coaching_open": 0,
            "coaching_closed": 0,
        }
    ]
    assert main(["qc", "report", "--month", "2026-11"]) == 0
    assert "李强: average 90.0 over 2 item(s)" in capsys.readouterr().out
    assert main(["qc", "report"]) == 2
