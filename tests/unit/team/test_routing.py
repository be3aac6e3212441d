"""Routing a new item to its owner: by sending customer, courier or area; the stand-in when
the owner has not signed in; assignments and their history; "my" queue."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from branchdesk.complaints import service as complaints
from branchdesk.db.engine import Database
from branchdesk.io.importing import get_kind, run_import, validate
from branchdesk.io.reader import RawSheet
from branchdesk.team.agents import add_agent, sign_in, update_agent
from branchdesk.team.assignments import history, my_queue, reassign, route_and_assign
from branchdesk.team.contacts import log_contact
from branchdesk.team.ownership import add_customer, set_ownership
from branchdesk.team.routing import Route, route

TODAY = date(2026, 11, 30)
MORNING = datetime(2026, 11, 30, 8, 30)


def _waybills(db: Database) -> None:
    from pathlib import Path

    raw = RawSheet(
        file=Path("运单.xlsx"),
        name="运单",
        rows=[
            ["运单号", "收件地址", "派件员", "寄件人", "寄件人电话"],
            ["YT1000000000001", "宁波市海曙区药行街31号", "李娜", "春风服饰", "139 0574 0001"],
            ["YT1000000000002", "宁波市海曙区药行街33号", "李娜", "无名小店", ""],
            ["YT1000000000003", "宁波市海曙区月湖小区3幢502室", "赵敏", "", ""],
        ],
    )
    with db.session() as s:
        run_import(s, raw.file, "waybills", prepared=validate(raw, get_kind("waybills")))


@pytest.fixture
def team(no_team: Database) -> dict[str, int]:
    _waybills(no_team)
    with no_team.session() as s:
        fang = add_agent(s, "王芳")
        li = add_agent(s, "李明")
        zhao = add_agent(s, "赵敏敏")
        update_agent(s, fang.id, standin_id=li.id)
        add_customer(s, "春风服饰", phone="+86 13905740001", owner_id=fang.id)
        add_customer(s, "无名小店", owner_id=zhao.id)
        set_ownership(s, li.id, "courier", "李娜")
        set_ownership(s, zhao.id, "area", "月湖小区")
        for agent in (fang, li, zhao):
            sign_in(s, agent.id, MORNING)
    return {"王芳": fang.id, "李明": li.id, "赵敏敏": zhao.id}


def _route(db: Database, **kw: str) -> Route:
    with db.read_session() as s:
        return route(s, day=TODAY, **kw)


def test_the_sending_customer_by_phone_comes_first(no_team: Database, team: dict) -> None:  # type: ignore[type-arg]
    assert _route(no_team, waybill_no="YT1000000000001") == Route(
        team["王芳"], "王芳", "by sending customer 春风服饰"
    )
    # A customer who calls from their own phone, no waybill.
    assert _route(no_team, phone="13905740001").agent_name == "王芳"


def test_then_the_sender_by_name(no_team: Database, team: dict) -> None:  # type: ignore[type-arg]
    assert _route(no_team, waybill_no="yt1000000000002") == Route(
        team["赵敏敏"], "赵敏敏", "by sending customer 无名小店"
    )


def test_then_the_area_then_the_courier(no_team: Database, team: dict) -> None:  # type: ignore[type-arg]
    assert _route(no_team, waybill_no="YT1000000000003") == Route(
        team["赵敏敏"], "赵敏敏", "by area 月湖小区"
    )
    assert _route(no_team, address="海曙区药行街45号") == Route(
        team["李明"], "李明", "by courier 李娜"
    )


def test_nobody_found(no_team: Database, team: dict) -> None:  # type: ignore[type-arg]
    assert _route(no_team, address="海曙区中山西路7号") == Route(None, "", "no owner found")


def test_the_stand_in_takes_it_when_the_owner_has_not_signed_in(
    no_team: Database,
    team: dict,  # type: ignore[type-arg]
) -> None:
    with no_team.read_session() as s:
        found = route(s, waybill_no="YT1000000000001", day=date(2026, 12, 1))
    assert found == Route(
        team["李明"],
        "李明",
        "by sending customer 春风服饰; 王芳 has not signed in today: stand-in 李明",
    )


def test_assignment_history_and_my_queue(no_team: Database, team: dict) -> None:  # type: ignore[type-arg]
    with no_team.session() as s:
        complaints.ensure_default_categories(s)
        category = complaints.category_tree(s)[0].id
        row = complaints.create_complaint(
            s,
            complaints.NewComplaint(
                channel="电话", category_id=category, waybill_no="YT1000000000001"
            ),
            who="王芳",
        )
        found = route_and_assign(
            s, "complaint", row.id, waybill_no="YT1000000000001", by="王芳", day=TODAY
        )
        contact = log_contact(
            s, agent_id=team["王芳"], channel="phone", question="改地址", outcome="follow_up"
        )
        route_and_assign(s, "contact", contact.id, phone="13905740001", by="王芳", day=TODAY)
    assert found.agent_name == "王芳"
    with no_team.read_session() as s:
        queue = my_queue(s, team["王芳"])
    assert [(q.item_kind, q.title, q.reason) for q in queue] == [
        ("complaint", row.ticket_no, "by sending customer 春风服饰"),
        ("contact", "改地址", "by sending customer 春风服饰"),
    ]
    with no_team.session() as s:
        reassign(s, "complaint", row.id, team["李明"], by="店主", note="王芳休假")
    with no_team.read_session() as s:
        assert [q.item_kind for q in my_queue(s, team["王芳"])] == ["contact"]
        assert [q.title for q in my_queue(s, team["李明"])] == [row.ticket_no]
        steps = history(s, "complaint", row.id)
    assert [(h.agent, h.reason, h.by, h.current) for h in steps] == [
        ("李明", "reassigned to 李明: 王芳休假", "店主", True),
        ("王芳", "by sending customer 春风服饰", "王芳", False),
    ]


def test_the_waybill_export_has_the_sender_with_the_phone_masked(
    no_team: Database, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from branchdesk.cli import main

    _waybills(no_team)
    out = tmp_path / "运单.xlsx"
    assert main(["export", "waybills", "-o", str(out)]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0][-2:] == ("寄件人", "寄件人电话")
    senders = {r[0]: r[-2:] for r in rows[1:]}
    assert senders["YT1000000000001"] == ("春风服饰", "139****0001")


@pytest.mark.parametrize(
    ("name_header", "phone_header"),
    [("发件客户", "发件人手机"), ("寄件客户", "寄件人电话"), ("发件人", "发件电话")],
)
def test_the_waybill_importer_reads_the_sender_under_its_hq_names(
    db: Database, name_header: str, phone_header: str
) -> None:
    from pathlib import Path

    from branchdesk.lookup.couriers import waybill_parties

    raw = RawSheet(
        file=Path("总部导出.xlsx"),
        name="Sheet1",
        rows=[
            ["运单号", "收件人", "收件电话", name_header, phone_header],
            ["YT2000000000001", "刘女士", "13800000001", "鼓楼鞋业", "+86 139-0574-0108"],
        ],
    )
    with db.session() as s:
        run_import(s, raw.file, "waybills", prepared=validate(raw, get_kind("waybills")))
    with db.read_session() as s:
        parties = waybill_parties(s, "YT2000000000001")
    assert parties is not None
    assert (parties.sender_name, parties.sender_phone) == ("鼓楼鞋业", "13905740108")


def test_an_owner_who_left_hands_over_to_the_stand_in_or_to_nobody(
    no_team: Database,
    team: dict,  # type: ignore[type-arg]
) -> None:
    with no_team.session() as s:
        update_agent(s, team["王芳"], active=False)
    assert _route(no_team, waybill_no="YT1000000000001") == Route(
        team["李明"], "李明", "by sending customer 春风服饰; 王芳 has left: stand-in 李明"
    )
    with no_team.session() as s:
        update_agent(s, team["王芳"], standin_id=None)
    assert _route(no_team, waybill_no="YT1000000000001") == Route(
        None, "", "王芳 has left and has no stand-in"
    )
