"""The team, QC and pay with the window open and the command line beside it.

An agent picks their name in a real BranchDesk window; meanwhile a colleague signs in from the
command line, the window logs a contact, and the owner draws the QC sample and writes the
month's statements from the command line. Each side sees what the other wrote, nothing is
locked out, and everything is there after the window closes.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from branchdesk.db.engine import Database
from tests.unit.db.processes import START_TIMEOUT, Spawned, run_cli

APP_WORKER = Path(__file__).with_name("app_worker.py")


def _cli_json(data_dir: Path, *args: str) -> object:
    done = run_cli(data_dir, *args, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


@pytest.mark.timeout(600)
def test_team_qc_and_pay_with_the_window_open(
    sample_db: Database, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_db.dispose()  # the window and the commands open the file themselves
    monkeypatch.setenv("BRANCHDESK_TEST_AGENT", "王芳")
    control = tmp_path / "control"
    app = Spawned(control, APP_WORKER, str(data_dir), str(control))
    try:
        app.wait_for_file("ready", START_TIMEOUT)
        seen = app.ask("team-1")
        assert "王芳" in seen["working"]
        assert seen["signed_in"] == ["王芳"]

        # A colleague signs in from the command line: the window's team sees her at once.
        done = run_cli(data_dir, "team", "sign-in", "郭晓燕")
        assert done.returncode == 0, done.stdout + done.stderr
        assert app.ask("team-2")["signed_in"] == ["王芳", "郭晓燕"]
        listed = _cli_json(data_dir, "team", "list")
        assert {a["name"] for a in listed if a["signed_in_today"]} == {"王芳", "郭晓燕"}  # type: ignore[union-attr,index]

        # The window logs a contact as 王芳; the command line lists it under her name.
        logged = app.ask("contact-1")
        assert logged["agent"] == "王芳"
        contacts = _cli_json(data_dir, "team", "contacts")
        assert {"id": logged["id"], "agent": "王芳"}.items() <= next(
            c
            for c in contacts
            if c["id"] == logged["id"]  # type: ignore[union-attr,index]
        ).items()

        # QC's sample of yesterday, drawn from the command line, is kept: drawn again the same.
        first = _cli_json(data_dir, "qc", "sample")
        again = _cli_json(data_dir, "qc", "sample")
        assert first == again
        assert first["agents"], first  # type: ignore[index]

        # The month's statements while the window holds the database open.
        out = tmp_path / "月度结算.xlsx"
        month = date.today().strftime("%Y-%m")
        done = run_cli(data_dir, "team", "statement", "--month", month, "-o", str(out))
        assert done.returncode == 0, done.stdout + done.stderr
        book = load_workbook(out, read_only=True)
        try:
            rows = book.worksheets[0].iter_rows(values_only=True)
            text = " ".join(str(c) for row in rows for c in row if c)
        finally:
            book.close()
        assert "王芳" in text and "郭晓燕" in text

        assert app.ask("team-3")["contacts_today"] >= 1
        (control / "quit").write_text("{}")
        assert app.wait() == 0, app.output()
    finally:
        app.kill()
    assert not (control / "boxes.txt").exists(), (control / "boxes.txt").read_text()
    # After the window closed: the window's contact and both sign-ins are kept.
    contacts = _cli_json(data_dir, "team", "contacts")
    assert any(c["id"] == logged["id"] for c in contacts)  # type: ignore[union-attr,index]
    listed = _cli_json(data_dir, "team", "list")
    assert {a["name"] for a in listed if a["signed_in_today"]} == {"王芳", "郭晓燕"}  # type: ignore[union-attr,index]
    check = run_cli(data_dir, "check")
    assert check.returncode == 0, check.stdout + check.stderr
