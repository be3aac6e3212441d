"""知识搜索 on the sample branch: one box finds penalty items, area rows, guide steps, FAQ
entries and reply scripts, by text, by pinyin initials and with a typo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from branchdesk.complaints.service import category_tree, ensure_default_categories, save_script
from branchdesk.db.engine import Database
from branchdesk.handbook.service import entries, update_item
from branchdesk.knowledge import faq
from branchdesk.knowledge.search import did_you_mean, doc_count, search, useful


def kinds_titles(hits: list) -> list[tuple[str, str]]:
    return [(h.kind, h.title) for h in hits]


def test_a_penalty_item_is_found_by_its_cause(sample_db: Database) -> None:
    with sample_db.session() as s:
        hits = search(s, "虚假签收")
    assert hits[0].kind == "handbook" and hits[0].title == "虚假签收"
    assert useful(hits)


def test_pinyin_initials_find_an_area_row_and_a_penalty_item(sample_db: Database) -> None:
    with sample_db.session() as s:
        area = search(s, "cjhy")
        handbook = search(s, "xjqs")
    assert kinds_titles(area)[0] == ("area", "春江花月")
    assert area[0].context.startswith("张伟")  # the courier who delivers there
    assert kinds_titles(handbook)[0] == ("handbook", "虚假签收")


def test_a_query_in_traditional_characters_finds_the_item(sample_db: Database) -> None:
    """虛假簽收 found nothing (the handbook is in simplified characters)."""
    with sample_db.session() as s:
        hits = search(s, "虛假簽收")
    assert hits[0].kind == "handbook" and hits[0].title == "虚假签收"


def test_a_one_character_typo_still_finds_the_item(sample_db: Database) -> None:
    with sample_db.session() as s:
        hits = search(s, "晓风园")
    assert kinds_titles(hits)[0] == ("area", "晓风苑")
    assert hits[0].how == "typo"


def test_a_two_character_query_finds_items_through_the_short_path(sample_db: Database) -> None:
    with sample_db.session() as s:
        hits = search(s, "超时")
    assert hits and all("超时" in h.title for h in hits[:3])


def test_nothing_useful_is_said_and_near_titles_are_offered(sample_db: Database) -> None:
    with sample_db.session() as s:
        assert search(s, "月球快递怎么寄") == []
        assert "虚假签收" in did_you_mean(s, "虚假前收")


def test_an_edit_elsewhere_is_searchable_at_the_next_search(sample_db: Database) -> None:
    with sample_db.session() as s:
        assert search(s, "虚假签收")  # the index is built
        item = next(e for e in entries(s) if e.cause == "虚假签收")
        update_item(s, item.id, cause="虚假签收（系统自动判定）")
    with sample_db.session() as s:
        hits = search(s, "系统自动判定")
    assert kinds_titles(hits)[0] == ("handbook", "虚假签收（系统自动判定）")
    assert hits[0].id == item.id


def test_faq_entries_and_reply_scripts_are_found_together(sample_db: Database) -> None:
    with sample_db.session() as s:
        ensure_default_categories(s)
        category = category_tree(s)[0]
        save_script(s, category.id, "外包装破损安抚", "您好{客户称呼}，快件{运单号}外包装破损……")
        before = len(faq.list_entries(s))
        faq.save_entry(
            s, faq.FaqFields("外包装破损客户拒收怎么办", "先拍照留证，再登记{运单号}。", "破损")
        )
    with sample_db.session() as s:
        hits = search(s, "外包装破损")
        assert doc_count(s, "faq") == before + 1
    kinds = {h.kind for h in hits}
    assert {"faq", "script"} <= kinds
    script = next(h for h in hits if h.kind == "script")
    assert script.position == category.id  # opens the script in its category


def test_guide_steps_open_at_their_step(sample_db: Database) -> None:
    from branchdesk.guides.service import steps_for_search

    with sample_db.session() as s:
        step = steps_for_search(s)[2]
        hits = search(s, step.instruction[:8])
    hit = next(h for h in hits if h.kind == "guide")
    assert (hit.id, hit.position) == (step.guide_id, step.number)


def test_a_deleted_faq_entry_is_no_longer_found(sample_db: Database) -> None:
    with sample_db.session() as s:
        entry = faq.save_entry(s, faq.FaqFields("冷链生鲜能不能寄", "本网点暂不收冷链件。"))
        assert search(s, "冷链生鲜")[0].id == entry.id
    with sample_db.session() as s:
        faq.delete_entry(s, entry.id)
    with sample_db.session() as s:
        assert all(h.kind != "faq" or h.id != entry.id for h in search(s, "冷链生鲜"))


def test_a_search_from_the_command_line_that_finds_nothing_is_a_gap(
    sample_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from branchdesk.cli import main

    assert main(["search", "月球件怎么寄"]) == 0
    assert "noted as an FAQ gap" in capsys.readouterr().out
    with sample_db.session() as s:
        assert "月球件寄" in [g.key for g in faq.gaps(s)]


def test_the_command_line_says_when_it_updates_the_index_first(
    sample_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from branchdesk.cli import main

    with sample_db.session() as s:  # a change to the data: the next search reindexes first
        faq.save_entry(s, faq.FaqFields("冷链生鲜能不能寄", "本网点暂不收冷链件。"))
    assert main(["search", "冷链生鲜", "--json"]) == 0
    first = capsys.readouterr()
    assert first.err.startswith("Updating the search index first")  # not silence meanwhile
    assert json.loads(first.out)["hits"][0]["title"] == "冷链生鲜能不能寄"  # stdout stays JSON
    assert main(["search", "冷链生鲜"]) == 0
    assert capsys.readouterr().err == ""  # nothing to update the second time


def test_a_question_typed_as_a_sentence_finds_the_faq_entry(sample_db: Database) -> None:
    with sample_db.session() as s:
        hits = search(s, "客户说快件破损了要求赔偿怎么办？")
        # Short, as an agent types it: no run of three characters in common with the title.
        short = search(s, "破损怎么赔")
        nothing = search(s, "今天天气怎么样")
    assert hits[0].kind == "faq" and hits[0].title == "快件破损客户要求赔偿怎么办"
    assert useful(hits)
    assert short[0].title == "快件破损客户要求赔偿怎么办" and useful(short)
    assert nothing == []  # 怎么 alone is no answer


@pytest.fixture
def writer_elsewhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another program holds the write lock (a long import in another window)."""
    import sqlite3

    from branchdesk import paths
    from branchdesk.db import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)  # the wait, not the point, kept short
    other = sqlite3.connect(paths.db_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE penalty_item SET cause = cause")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_search_answers_from_its_index_while_another_program_writes(
    sample_db: Database, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    from branchdesk.cli import main

    with sample_db.session() as s:
        faq.save_entry(s, faq.FaqFields("冷链生鲜能不能寄", "本网点暂不收冷链件。"))
    assert main(["search", "虚假签收"]) == 0  # the index is up to date
    capsys.readouterr()
    request.getfixturevalue("writer_elsewhere")
    assert main(["search", "虚假签收", "--limit", "1"]) == 0
    found = capsys.readouterr()
    assert "虚假签收" in found.out and found.err == ""  # nothing was skipped: nothing to say
    assert main(["search", "月球件怎么寄"]) == 0
    missed = capsys.readouterr()
    assert "Nothing useful found for “月球件怎么寄”." in missed.out
    assert "noted as an FAQ gap" not in missed.out
    assert missed.err.startswith("The database is busy")
    assert "Nothing is lost" in missed.err


def test_a_stale_index_is_searched_as_it_stands_while_another_program_writes(
    sample_db: Database, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    from branchdesk.cli import main

    assert main(["search", "虚假签收"]) == 0
    with sample_db.session() as s:  # a change the index has not seen yet
        faq.save_entry(s, faq.FaqFields("冷链生鲜能不能寄", "本网点暂不收冷链件。"))
    capsys.readouterr()
    request.getfixturevalue("writer_elsewhere")
    assert main(["search", "虚假签收"]) == 0
    out = capsys.readouterr()
    assert "虚假签收" in out.out and "The database is busy" in out.err


def test_an_amount_is_found_however_it_is_written(sample_db: Database) -> None:
    with sample_db.session() as s:
        written = [(h.kind, h.id) for h in search(s, "50元", limit=10)]
        assert written and all(k == "handbook" for k, _ in written[:3])
        # In Chinese numerals, with a space before 元 (which made "50" a word of its own and
        # ranked 500元 items first), or in 块: the same items in the same order.
        for query in ("五十元", "50 元", "50块", "５０ 元"):
            assert [(h.kind, h.id) for h in search(s, query, limit=10)] == written, query


def test_chinese_numeral_amounts_read_as_digits() -> None:
    from branchdesk.knowledge.search import amount_forms

    assert amount_forms("五十元") == "50元"
    assert amount_forms("一百五元/票") == "150元/票"
    assert amount_forms("三千零五元") == "3005元"
    assert amount_forms("两万五元") == "25000元"
    assert amount_forms("虚假签收 十块钱") == "虚假签收 10元"
    assert amount_forms("元旦放假") == "元旦放假"  # no amount: left as it is


def test_an_amount_written_in_chinese_numerals_in_the_text_is_still_found(
    sample_db: Database,
) -> None:
    with sample_db.session() as s:
        faq.save_entry(s, faq.FaqFields("月结客户少付怎么办", "差额在五十元以内由网点垫付。"))
        assert "月结客户少付怎么办" in [h.title for h in search(s, "五十元")]
