"""The team on the command line: list, sign in and out, the day's contacts."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest

from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.team.agents import add_agent, signed_in_on
from branchdesk.team.contacts import log_contact


def run(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def team(db: Database) -> Database:
    with db.session() as s:
        add_agent(s, "王芳", employee_no="KF01", started_on=date(2025, 3, 1))
        add_agent(s, "李明", role="lead", started_on=date(2024, 1, 2))
    return db


def test_list_as_json(team: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("team", "sign-in", "王芳") == 0
    capsys.readouterr()
    assert run("team", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["employee_no"], r["role"], r["signed_in_today"]) for r in rows] == [
        ("李明", None, "lead", False),
        ("王芳", "KF01", "agent", True),
    ]


def test_sign_in_and_out(team: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("team", "sign-in", "李明") == 0
    assert capsys.readouterr().out == "李明 signed in.\n"
    with team.read_session() as s:
        assert len(signed_in_on(s, date.today())) == 1
    assert run("team", "sign-out", "李明") == 0
    assert run("team", "sign-out", "李明") == 0
    assert capsys.readouterr().out == (
        "李明 signed out.\n李明 was not signed in: nothing to sign out.\n"
    )


def test_an_unknown_name_is_bad_input(team: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("team", "sign-in", "张三") == 1
    assert capsys.readouterr().err == (
        "There is no agent named “张三”: see “branchdesk team list” for the names.\n"
    )


def test_contacts_of_a_day(team: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with team.session() as s:
        fang = add_agent(s, "赵敏")
        day = date(2026, 11, 30)
        log_contact(
            s,
            agent_id=fang.id,
            channel="phone",
            question="件到哪了",
            reply="明天到",
            waybill_no="YT1234567890123",
            at=datetime.combine(day, time(9, 5)),
        )
        log_contact(
            s, agent_id=None, channel="visit", question="寄件", at=datetime(2026, 12, 1, 9, 0)
        )
    assert run("team", "contacts", "--date", "2026-11-30") == 0
    assert capsys.readouterr().out == (
        "09:05  赵敏  Phone  YT1234567890123  件到哪了  → Resolved\n1 contact(s).\n"
    )
    assert run("team", "contacts", "--date", "2026-11-30", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["agent"], row["reply"], row["at"]) == ("赵敏", "明天到", "2026-11-30T09:05:00")


def test_the_signed_in_agent_is_the_cli_actor(team: Database) -> None:
    from branchdesk import permissions

    SettingsStore().set("current_agent", "王芳")
    assert run("team", "list") == 0
    assert permissions.actor() == "王芳 (command line)"


def test_imported_work_orders_are_assigned_to_their_owners(
    db: Database, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from branchdesk.team.agents import sign_in
    from branchdesk.team.assignments import my_queue
    from branchdesk.team.ownership import add_customer

    with db.session() as s:
        fang = add_agent(s, "王芳")
        add_customer(s, "张三百货", phone="13812341234", owner_id=fang.id)
        sign_in(s, fang.id)
    assert run("import", "complaints", str(fixtures / "work_orders.xlsx")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Assigned: 王芳 1. Not assigned (no owner found): 4."
    with db.read_session() as s:
        assert [(q.title, q.reason) for q in my_queue(s, fang.id)] == [
            ("TS20261102-0001", "by sending customer 张三百货")
        ]
