"""BranchDesk's window and its command line on one data dir at the same time: nothing lost.

A real BranchDesk process (the window, offscreen, with its start-up integrity check and daily
backup) logs complaints while real `branchdesk` commands import waybills and work orders, list
what is due and check the database. Every write of both sides must be seen by the other side
while the window is open, and must all be there after it closes (sqlite.org, "How To Corrupt
An SQLite Database File" §2.2: a process that opens the live file with anything but SQLite
and closes it drops its locks, and the next command then deletes the WAL under it).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from branchdesk import paths
from branchdesk.complaints.models import Complaint
from branchdesk.db.engine import open_database
from branchdesk.lookup.models import Waybill
from branchdesk.sample import waybill_rows
from branchdesk.settings import SettingsStore
from tests.unit.db.processes import START_TIMEOUT, Spawned, run_cli

APP_WORKER = Path(__file__).with_name("app_worker.py")
HEADER = ["运单号", "快递公司", "收件人", "收件电话", "收件地址", "状态", "日期", "派件员"]
DATA = Path(__file__).parents[2] / "data"


def waybill_csv(path: Path, tag: int, count: int) -> set[str]:
    """`count` waybills whose numbers no other file of the test has; returns the numbers."""
    numbers = set()
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i, row in enumerate(waybill_rows(count, seed=tag)):
            number = f"7731{tag:02d}{i:08d}"
            numbers.add(number)
            out.writerow([number, "中通", *row[2:]])
    return numbers


def deleted_database_files(pid: int, db_path: Path) -> list[str]:
    """Files of the database that process `pid` still has open although they were deleted."""
    fds = Path(f"/proc/{pid}/fd")
    found = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(db_path)) and target.endswith("(deleted)"):
            found.append(target)
    return found


def due_tickets(data_dir: Path) -> set[str]:
    done = run_cli(data_dir, "complaints", "due", "--within", "8760", "--json")
    assert done.returncode == 0, done.stderr
    return {item["ticket_no"] for item in json.loads(done.stdout)}


@pytest.mark.timeout(600)
def test_window_and_commands_side_by_side_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    db = open_database()
    db.dispose()
    SettingsStore().set("first_run_done", True)  # no sample-branch question at the start
    first = waybill_csv(tmp_path / "运单一.csv", 1, 60)
    second = waybill_csv(tmp_path / "运单二.csv", 2, 40)
    control = tmp_path / "control"
    app = Spawned(control, APP_WORKER, str(data_dir), str(control))
    try:
        pid = app.wait_for_file("ready", START_TIMEOUT)["pid"]
        tickets = {app.ask("log-1")["ticket"]}
        # A command that only reads, then one that writes, while the window holds the DB open.
        due_tickets(data_dir)
        done = run_cli(data_dir, "import", "waybills", str(tmp_path / "运单一.csv"))
        assert done.returncode == 0, done.stderr
        tickets.add(app.ask("log-2")["ticket"])
        done = run_cli(data_dir, "import", "complaints", str(DATA / "work_orders.xlsx"))
        assert done.returncode == 0, done.stderr
        tickets.add(app.ask("log-3")["ticket"])
        # The command line sees every complaint the window logged …
        listed = due_tickets(data_dir)
        assert tickets <= listed, f"logged in the window but not listed: {tickets - listed}"
        # … and the window sees what the commands wrote.
        seen = app.ask("count-1")
        assert seen["waybills"] == len(first)
        assert set(seen["tickets"]) >= listed | tickets
        check = run_cli(data_dir, "check")
        assert check.returncode == 0, check.stdout + check.stderr
        done = run_cli(data_dir, "import", "waybills", str(tmp_path / "运单二.csv"))
        assert done.returncode == 0, done.stderr
        tickets.add(app.ask("log-4")["ticket"])
        seen = app.ask("count-2")
        assert seen["waybills"] == len(first) + len(second)
        if sys.platform.startswith("linux"):
            db_path = data_dir / paths.DB_FILE_NAME
            assert deleted_database_files(pid, db_path) == []
        all_tickets = set(seen["tickets"])
        assert tickets <= all_tickets
        (control / "quit").write_text("{}")  # the window closes; BranchDesk exits
        assert app.wait() == 0, app.output()
    finally:
        app.kill()
    assert not (control / "boxes.txt").exists(), (control / "boxes.txt").read_text()
    # After the window closed: every write of both sides is in the database.
    db = open_database()
    try:
        with db.session() as session:
            numbers = set(session.scalars(select(Waybill.number)))
            saved = set(session.scalars(select(Complaint.ticket_no)))
            complaints = session.scalar(select(func.count()).select_from(Complaint))
    finally:
        db.dispose()
    assert first | second <= numbers
    assert all_tickets <= saved and tickets <= saved
    assert complaints == len(all_tickets)
    check = run_cli(data_dir, "check")
    assert check.returncode == 0, check.stdout + check.stderr
