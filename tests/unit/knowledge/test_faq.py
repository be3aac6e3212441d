"""The FAQ: entries with placeholders, versions with restore, readers' flags, gaps from failed
searches turned into entries, the suggestion box, and the FAQ import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.io.batches import undo_batch
from branchdesk.io.importing import ImportRejected, run_import
from branchdesk.knowledge import faq, suggestions
from branchdesk.knowledge.search import search
from branchdesk.knowledge.text import normalise_query


def test_an_answer_with_an_unknown_placeholder_is_refused(db: Database) -> None:
    with db.session() as s, pytest.raises(faq.FaqError, match=r"\{运单编号\}"):
        faq.save_entry(s, faq.FaqFields("快件破损怎么办", "请提供{运单编号}"))


def test_an_answer_is_filled_like_a_reply_script(db: Database) -> None:
    answer = "<p>您好，快件 {运单号} 由{业务员}派送。</p>"
    text = faq.fill_answer(answer, {"运单号": "YT123", "业务员": None})
    assert text == "您好，快件 YT123 由【业务员】派送。"


def test_restoring_a_version_brings_the_old_answer_back(db: Database) -> None:
    with db.session() as s:
        entry = faq.save_entry(s, faq.FaqFields("到付件客户拒付怎么办", "联系寄件人改为寄付。"))
        faq.save_entry(s, faq.FaqFields(entry.question, "直接退回。"), entry.id)
        assert [v.answer for v in faq.versions(s, entry.id)] == ["联系寄件人改为寄付。"]
        restored = faq.restore_version(s, entry.id, 1)
    assert restored.answer == "联系寄件人改为寄付。"
    assert restored.version == 3  # the restore is a new version: nothing is lost
    with db.session() as s:
        assert [v.answer for v in faq.versions(s, entry.id)] == [
            "直接退回。",
            "联系寄件人改为寄付。",
        ]


def test_the_same_question_twice_is_refused(db: Database) -> None:
    with db.session() as s:
        faq.save_entry(s, faq.FaqFields("改地址怎么操作", "在系统里提交改址。"))
        with pytest.raises(faq.FaqError, match="already has the question"):
            faq.save_entry(s, faq.FaqFields("改地址 怎么操作", "另一个答案"))


def test_a_reader_flags_an_entry_and_review_resolves_it(db: Database) -> None:
    with db.session() as s:
        entry = faq.save_entry(s, faq.FaqFields("签收未收到怎么办", "先联系业务员核实。"))
        faq.flag_entry(s, entry.id, "总部新规：要先查签收底单", agent="王芳")
        [flag] = faq.open_flags(s)
        assert (flag.agent, flag.question) == ("王芳", "签收未收到怎么办")
        assert faq.list_entries(s)[0].open_flags == 1
        faq.mark_reviewed(s, entry.id, date(2027, 6, 1))
        assert faq.open_flags(s) == []


def test_a_no_hit_search_becomes_a_gap_and_the_gap_an_entry(sample_db: Database) -> None:
    with sample_db.session() as s:
        for query, agent in (
            ("月球件怎么寄？", "王芳"),
            ("月球件 怎么寄", "李明"),
            ("月球件", "王芳"),
        ):
            assert search(s, query) == []
            faq.log_miss(s, query, agent)
        faq.log_miss(s, "冷链件", "王芳")
    with sample_db.session() as s:
        mine = {g.key: g for g in faq.gaps(s) if g.key.startswith(("月球", "冷链件"))}
        top = mine["月球件寄"]
        assert (top.count, top.agents, top.query) == (2, 2, "月球件 怎么寄")
        assert [g.key for g in faq.gaps(s)].index("月球件寄") < [g.key for g in faq.gaps(s)].index(
            "冷链件"
        )  # asked more often, shown first
        entry = faq.answer_gap(s, top.key, faq.FaqFields("月球件怎么寄", "本网点不收月球件。"))
        left = [g.key for g in faq.gaps(s)]
        assert "月球件寄" not in left and {"冷链件", "月球件"} <= set(left)
    with sample_db.session() as s:
        hits = search(s, "月球件怎么寄")
    assert (hits[0].kind, hits[0].id) == ("faq", entry.id)


def test_the_same_question_asked_differently_groups() -> None:
    assert normalise_query("快件破损怎么办？") == normalise_query("快件 破损") == "快件破损"


def test_suggestions_are_decided_by_the_owner_and_credit_their_author(db: Database) -> None:
    with db.session() as s:
        one = suggestions.propose(
            s,
            "罚款已改为 50 元",
            item_kind="handbook",
            item_id=3,
            item_title="虚假签收",
            author="王芳",
        )
        two = suggestions.propose(s, "加一句安抚话术", kind=suggestions.BETTER, author="王芳")
        with pytest.raises(suggestions.SuggestionError, match="Say why"):
            suggestions.decide(s, two.id, accept=False, reason=" ")
        suggestions.decide(s, one.id, accept=True, reason="")
        suggestions.decide(s, two.id, accept=False, reason="话术已有")
        [credit] = suggestions.credits(s)
    assert (credit.author, credit.accepted, credit.proposed) == ("王芳", 1, 2)


def faq_file(tmp_path: Path, rows: list[tuple[object, ...]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "常见问题"
    ws.append(("问题", "答案", "分类", "标签"))
    for row in rows:
        ws.append(row)
    path = tmp_path / "faq.xlsx"
    wb.save(path)
    return path


def test_a_bad_faq_import_writes_nothing_and_names_each_row(db: Database, tmp_path: Path) -> None:
    path = faq_file(
        tmp_path,
        [
            ("快件破损怎么办", "先拍照留证。", "破损", "破损 理赔"),
            ("快件破损怎么办", "重复的问题", "", ""),
            ("到付拒付怎么办", "", "到付", ""),
            ("改地址怎么办", "请报{运单编号}", "", ""),
        ],
    )
    with db.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, path, "faq")
    problems = [str(p) for p in rejected.value.prepared.problems]
    assert len(problems) == 3
    assert problems[0].startswith("faq.xlsx, sheet 常见问题, row 3, column A（问题）")
    assert "the same question already appears in row 2" in problems[0]
    assert "row 4, column B（答案）" in problems[1]
    assert "row 5, column B（答案）" in problems[2] and "{运单编号}" in problems[2]
    with db.session() as s:
        assert faq.list_entries(s) == []
        report = run_import(s, path, "faq", skip_invalid=True)
    assert report.rows_ok == 1
    with db.session() as s:
        assert [e.question for e in faq.list_entries(s)] == ["快件破损怎么办"]
        undo_batch(s, report.batch_id)
    with db.session() as s:
        assert faq.list_entries(s) == []


def test_faq_import_and_export_from_the_command_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = faq_file(tmp_path, [("快件破损怎么办", "先拍照留证。", "破损", "")])
    assert main(["faq", "import", str(path)]) == 0
    out = tmp_path / "out.xlsx"
    assert main(["faq", "export", "-o", str(out)]) == 0
    ws = load_workbook(out).active
    assert ws is not None
    assert [c.value for c in ws[2]][:3] == ["快件破损怎么办", "先拍照留证。", "破损"]
    capsys.readouterr()
    assert main(["search", "快件破损", "--json"]) == 0
    import json

    found = json.loads(capsys.readouterr().out)
    assert found["hits"][0]["kind"] == "faq" and found["hits"][0]["title"] == "快件破损怎么办"


WEIGHT = "重量<1kg按首重计费，>1kg按续重，每公斤加2元。"


def test_a_plain_answer_with_angle_brackets_keeps_every_word(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "<1kg…，>" is two comparisons, not a tag: export, search and the filled answer keep it.
    path = faq_file(tmp_path, [("重量怎么计费", WEIGHT, "计费", "")])
    assert main(["faq", "import", str(path)]) == 0
    out = tmp_path / "out.xlsx"
    assert main(["faq", "export", "-o", str(out)]) == 0
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["B2"].value == WEIGHT
    with db.session() as s:
        assert [h.title for h in search(s, "首重")] == ["重量怎么计费"]
        [entry] = faq.list_entries(s, "按首重")
        assert faq.fill_answer(entry.answer, {}) == WEIGHT


def test_rich_answers_are_still_read_as_html() -> None:
    from branchdesk.knowledge.text import is_rich_text, plain_text

    assert not is_rich_text(WEIGHT) and plain_text(WEIGHT) == WEIGHT
    assert not is_rich_text("a<b且c>d")
    assert plain_text("<p>超过 <b>1kg</b> 按续重</p><p>x&lt;2</p>") == "超过 1kg 按续重\nx<2"
    assert is_rich_text('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><body></body>')
