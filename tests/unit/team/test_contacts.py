"""The contact log: logging, the list's text search (trigram index and short queries)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from branchdesk.db.engine import Database
from branchdesk.team.agents import TeamError, add_agent
from branchdesk.team.contacts import log_contact, search_contacts, set_outcome

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def logged(db: Database) -> Database:
    with db.session() as s:
        fang = add_agent(s, "王芳")
        li = add_agent(s, "李明")
        log_contact(
            s,
            agent_id=fang.id,
            channel="phone",
            question="快递三天没动了",
            reply="已联系业务员，明天派送",
            waybill_no="YT1234567890123",
            customer_name="刘女士",
            phone="13905741234",
            at=T0,
        )
        log_contact(
            s,
            agent_id=li.id,
            channel="online",
            question="改地址",
            reply="已改为望京路88号",
            outcome="follow_up",
            at=T0 + timedelta(minutes=5),
        )
        log_contact(
            s,
            agent_id=None,
            channel="visit",
            question="寄件到上海多久",
            reply="一般两天",
            customer_name="赵先生",
            at=T0 + timedelta(minutes=9),
        )
    return db


def _questions(db: Database, words: str = "", **kw: object) -> list[str]:
    with db.read_session() as s:
        return [r.question for r in search_contacts(s, words, **kw)]  # type: ignore[arg-type]


def test_the_list_is_newest_first_with_the_agent(logged: Database) -> None:
    with logged.read_session() as s:
        rows = search_contacts(s)
    assert [(r.question, r.agent) for r in rows] == [
        ("寄件到上海多久", ""),
        ("改地址", "李明"),
        ("快递三天没动了", "王芳"),
    ]


def test_text_search_over_question_reply_customer_phone_and_waybill(logged: Database) -> None:
    assert _questions(logged, "望京路") == ["改地址"]  # the reply
    assert _questions(logged, "1234567890") == ["快递三天没动了"]  # the waybill
    assert _questions(logged, "0574123") == ["快递三天没动了"]  # the phone
    assert _questions(logged, "赵先生") == ["寄件到上海多久"]  # the customer
    assert _questions(logged, "没有这句话") == []


def test_one_and_two_character_queries_are_found_too(logged: Database) -> None:
    assert _questions(logged, "地址") == ["改地址"]
    assert _questions(logged, "刘") == ["快递三天没动了"]
    assert _questions(logged, "%") == []  # a LIKE wildcard is a character, not "anything"


def test_filters_by_agent_outcome_and_time(logged: Database) -> None:
    with logged.read_session() as s:
        li = next(r for r in search_contacts(s) if r.agent == "李明")
    assert _questions(logged, outcome="follow_up") == ["改地址"]
    assert _questions(logged, start=T0 + timedelta(minutes=1)) == ["寄件到上海多久", "改地址"]
    with logged.session() as s:
        set_outcome(s, li.id, "resolved")
    assert _questions(logged, outcome="follow_up") == []


def test_an_edited_contact_is_found_by_its_new_text(logged: Database) -> None:
    with logged.session() as s:
        row = search_contacts(s, "改地址")[0]
        from branchdesk.team.models import Contact

        contact = s.get(Contact, row.id)
        assert contact is not None
        contact.reply = "已转到中山西路"
    assert _questions(logged, "中山西路") == ["改地址"]
    assert _questions(logged, "望京路") == []


def test_a_page_is_one_query(logged: Database) -> None:
    statements: list[str] = []
    engine = logged.reader
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with logged.read_session() as s:
            search_contacts(s, "快递三天")
            search_contacts(s)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 2


def test_a_contact_needs_a_question(db: Database) -> None:
    with db.session() as s, pytest.raises(TeamError, match="Write what the customer asked"):
        log_contact(s, agent_id=None, channel="phone", question="  ")


def test_a_short_query_reads_only_the_newest_contacts(
    logged: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.team import contacts

    monkeypatch.setattr(contacts, "SHORT_QUERY_DEPTH", 2)
    assert _questions(logged, "刘") == []  # the oldest of three: beyond the newest two
    assert _questions(logged, "改地") == ["改地址"]
    assert _questions(logged, "刘女士") == ["快递三天没动了"]  # 3 characters: all of them
