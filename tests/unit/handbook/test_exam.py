"""Exam papers from the handbook: reproducible draws, sound questions, marking and copy-out."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from branchdesk.handbook.entries import Entry, Question
from branchdesk.handbook.exam import (
    CopyResult,
    Segment,
    check_answer,
    compare_copy,
    make_exam,
)
from branchdesk.handbook.fines import same_fine

# (category, cause, fine, standard)
ROWS = [
    ("派件", "虚假签收", "50–200元/票", "签收前必须与收件人当面核实或电话确认"),
    ("派件", "未经同意放驿站/快递柜", "10元/票，丢失全额赔偿", "放驿站或快递柜前须征得收件人同意"),
    ("派件", "无故拒收派件", "50元/票", "到件当天全部领取并按路线派送"),
    ("派件时效节点", "派送超时", "0.5-3元/票", "按T0至T3节点完成派送"),
    ("派件时效节点", "收派件延迟", "10元，超1小时后每30分钟加10元", "按约定时间上门收派件"),
    ("取件流程", "揽收不及时", "1-5元/票", "接单后2小时内上门揽收"),
    ("数据", "漏扫", "10元/票", "每个环节逐票扫描并上传"),
    ("数据", "签收照片不合格", "5-20元", "照片须清楚显示面单和门牌"),
    ("客服", "虚报问题件", "50元/次", "问题件如实登记并附照片"),
    ("客服", "查件1小时内未回电", "10元/次", "接到查件后1小时内回电"),
    ("客服", "工单超时未回复", "计入KPI考核", "工单在时限内回复并留痕"),
    ("操作", "遗失", "500元/票", "快件交接当面点清数量并签字"),
    ("操作", "破损", "赔偿+10-50元", "易碎品加固包装并贴警示标签"),
    ("中转", "分错件未上报", "10元/票", "分错件当班上报并及时改发"),
    ("财务", "重量不符", "10元/票 + 补运费", "收件时当面称重并如实录入"),
    ("投诉", "与客户争执", "100-200元；严重者500元并辞退", "文明用语，不与客户争执"),
    ("投诉", "升级投诉", "按总部通知执行", ""),
]


def entries(rows: list[tuple[str, str, str, str]] = ROWS) -> list[Entry]:
    return [
        Entry(
            id=10 * (n + 1),
            category=category,
            cause=cause,
            fine=fine,
            standard=standard,
            avoidance="",
        )
        for n, (category, cause, fine, standard) in enumerate(rows)
    ]


def by_id() -> dict[int, Entry]:
    return {e.id: e for e in entries()}


# --- drawing ------------------------------------------------------------------------------


def test_same_seed_same_exam_whatever_the_order() -> None:
    items = entries()
    first = make_exam(items, 12, seed=7)
    assert make_exam(items, 12, seed=7) == first
    shuffled = list(items)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert make_exam(shuffled, 12, seed=7) == first
        assert make_exam(tuple(reversed(shuffled)), 12, seed=7) == first


def test_different_seeds_give_different_exams() -> None:
    items = entries()
    papers = {make_exam(items, 10, seed=seed).questions for seed in range(10)}
    assert len(papers) == 10


def test_count_numbering_title_and_points() -> None:
    exam = make_exam(entries(), 10, seed=1)
    assert len(exam.questions) == 10
    assert [q.number for q in exam.questions] == list(range(1, 11))
    assert exam.title == "Penalty handbook exam"
    assert exam.seed == 1 and exam.categories == ()
    assert exam.points == 10 and exam.total == 100
    custom = make_exam(entries(), 7, seed=1, title="十一月考试", points=5)
    assert (custom.title, custom.points, custom.total) == ("十一月考试", 5, 35)
    assert make_exam(entries(), 3, seed=1).points == 33


def test_kinds_are_mixed_evenly_and_grouped_in_order() -> None:
    exam = make_exam(entries(), 9, seed=3)
    kinds = [q.kind for q in exam.questions]
    assert Counter(kinds) == {"fine": 3, "choice": 3, "judge": 3}
    assert kinds == sorted(kinds, key=["fine", "choice", "judge"].index)
    uneven = Counter(q.kind for q in make_exam(entries(), 10, seed=3).questions)
    assert sorted(uneven.values()) == [3, 3, 4]


def test_kinds_can_be_restricted() -> None:
    exam = make_exam(entries(), 6, seed=2, kinds=("judge",))
    assert {q.kind for q in exam.questions} == {"judge"}
    assert len(exam.questions) == 6


def test_items_are_not_reused_while_unused_ones_remain() -> None:
    exam = make_exam(entries(), len(ROWS), seed=4)
    ids = [q.entry_id for q in exam.questions]
    assert len(ids) == len(set(ids))


def test_categories_filter() -> None:
    exam = make_exam(entries(), 6, seed=5, categories=("客服", "数据"))
    assert exam.categories == ("客服", "数据")
    assert {q.category for q in exam.questions} <= {"客服", "数据"}
    assert len(exam.questions) == 6
    items = by_id()
    assert all(items[q.entry_id].category == q.category for q in exam.questions)


def test_no_items_in_the_chosen_categories() -> None:
    with pytest.raises(ValueError, match="no handbook items"):
        make_exam(entries(), 5, seed=1, categories=("不存在的分类",))
    with pytest.raises(ValueError, match="no handbook items"):
        make_exam([], 5, seed=1)


def test_more_questions_than_items_reuses_items_with_other_kinds() -> None:
    # 数据 has two items: each can be asked as fill-in, choice (distractors come from the other
    # categories) and judge, so at most six questions — never the same item and kind twice.
    exam = make_exam(entries(), 20, seed=6, categories=("数据",))
    pairs = [(q.entry_id, q.kind) for q in exam.questions]
    assert len(pairs) == len(set(pairs)) == 6
    assert Counter(q.entry_id for q in exam.questions) == {70: 3, 80: 3}
    assert [q.number for q in exam.questions] == list(range(1, 7))
    assert exam.points == 16  # 100 // 6: the shorter paper still totals about 100


def test_no_entry_and_kind_twice_across_seeds() -> None:
    for seed in range(20):
        exam = make_exam(entries(), 40, seed=seed)
        pairs = [(q.entry_id, q.kind) for q in exam.questions]
        assert len(pairs) == len(set(pairs))


def test_fill_in_skips_kpi_and_unknown_fines() -> None:
    for seed in range(20):
        exam = make_exam(entries(), 40, seed=seed, kinds=("fine",))
        fill_ins = {q.entry_id for q in exam.questions}
        assert not fill_ins & {110, 170}  # 计入KPI考核, 按总部通知执行
        assert len(fill_ins) == len(ROWS) - 2


def test_flagged_items_are_not_asked_as_fill_in() -> None:
    flagged = [Entry(1, "数据", "漏扫", "10元/票", "逐票扫描", "", fine_flagged=True)]
    exam = make_exam(flagged + entries(), 40, seed=1, categories=("数据",))
    assert (1, "fine") not in {(q.entry_id, q.kind) for q in exam.questions}


def test_fine_questions() -> None:
    items = by_id()
    exam = make_exam(entries(), 40, seed=8, kinds=("fine",))
    for q in exam.questions:
        entry = items[q.entry_id]
        assert q.prompt == f"What is the fine for “{entry.cause}”?"
        assert q.answer == q.explanation == entry.fine
        assert q.options == ()


def test_choice_has_four_distinct_options_and_one_correct() -> None:
    items = by_id()
    positions: Counter[str] = Counter()
    for seed in range(10):
        exam = make_exam(entries(), 40, seed=seed, kinds=("choice",))
        assert exam.questions
        for q in exam.questions:
            entry = items[q.entry_id]
            assert q.prompt == f"Which is the correct operating standard for “{entry.cause}”?"
            assert len(q.options) == 4 and len(set(q.options)) == 4
            standards = [o for o in q.options if o == entry.standard]
            assert standards == [entry.standard]
            assert q.options["ABCD".index(q.answer)] == entry.standard
            assert q.explanation == entry.standard
            assert all(o in {e.standard for e in items.values()} for o in q.options)
            positions[q.answer] += 1
    assert set(positions) == set("ABCD")  # the correct answer is not always in one place


def test_choice_prefers_distractors_from_the_same_category() -> None:
    items = by_id()
    exam = make_exam(entries(), 40, seed=9, kinds=("choice",), categories=("派件",))
    for q in exam.questions:
        others = {e.standard for e in items.values() if e.category == "派件"}
        # 派件 has three items: both other standards are always among the distractors
        assert others <= set(q.options)


def test_choice_needs_a_standard_and_enough_distractors() -> None:
    exam = make_exam(entries(), 40, seed=1, kinds=("choice",))
    assert 170 not in {q.entry_id for q in exam.questions}  # no standard
    two = entries(ROWS[:2])
    assert make_exam(two, 5, seed=1, kinds=("choice",)).questions == ()
    three = make_exam(entries(ROWS[:3]), 5, seed=1, kinds=("choice",))
    assert len(three.questions) == 3
    assert all(len(q.options) == 3 for q in three.questions)


def test_duplicate_standards_are_not_offered_twice() -> None:
    rows = [*ROWS[:4], ("派件", "重复", "20元/票", ROWS[0][3])]
    for seed in range(10):
        for q in make_exam(entries(rows), 20, seed=seed, kinds=("choice",)).questions:
            assert len(set(q.options)) == len(q.options)


def test_judge_truth_matches_answer() -> None:
    items = by_id()
    answers: Counter[str] = Counter()
    for seed in range(10):
        for q in make_exam(entries(), 40, seed=seed, kinds=("judge",)).questions:
            entry = items[q.entry_id]
            prefix = f"The fine for “{entry.cause}” is "
            assert q.prompt.startswith(prefix) and q.prompt.endswith(".")
            stated = q.prompt[len(prefix) : -1]
            assert q.explanation == entry.fine
            if q.answer == "T":
                assert stated == entry.fine
            else:
                assert q.answer == "F"
                assert stated != entry.fine
                assert stated in {e.fine for e in items.values()}
                assert not same_fine(entry.fine, stated)
            answers[q.answer] += 1
    assert answers["T"] > 20 and answers["F"] > 20


def test_judge_never_states_an_equivalent_fine_as_false() -> None:
    rows = [("数据", "漏扫", "10元/票", "a"), ("数据", "上传不及时", "10元每票", "b")]
    for seed in range(20):
        exam = make_exam(entries(rows), 2, seed=seed, kinds=("judge",))
        assert {q.answer for q in exam.questions} == {"T"}


# --- marking ------------------------------------------------------------------------------


def question(kind: str, answer: str, options: tuple[str, ...] = ()) -> Question:
    return Question(1, kind, "?", options, answer, entry_id=1, category="数据")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("answer", "given", "right"),
    [
        ("50元/票", "50", True),
        ("50元/票", "５０元/票", True),
        ("50元/票", "50元/次", False),
        ("100-200元", "100-200", True),
        ("100-200元", "100", False),
        ("赔偿+10元", "赔偿10元", True),
        ("500元并辞退", "500元", False),
        ("50元/票", "", False),
    ],
)
def test_check_fine(answer: str, given: str, right: bool) -> None:
    assert check_answer(question("fine", answer), given) is right


OPTIONS = ("逐票扫描", "当面核实", "照片清楚", "及时回电")


@pytest.mark.parametrize(
    ("given", "right"),
    [
        ("B", True),
        ("b", True),
        (" B ", True),
        ("Ｂ", True),
        ("B.", True),
        ("(B)", True),
        ("当面核实", True),
        (" 当面 核实 ", True),
        ("A", False),
        ("d", False),
        ("E", False),
        ("逐票扫描", False),
        ("", False),
        ("BC", False),
    ],
)
def test_check_choice(given: str, right: bool) -> None:
    assert check_answer(question("choice", "B", OPTIONS), given) is right


@pytest.mark.parametrize(
    "given", ["T", "t", "true", "True", "对", "正确", "√", "✓", "是", "y", "Y", "yes"]
)
def test_check_judge_true(given: str) -> None:
    assert check_answer(question("judge", "T"), given)
    assert not check_answer(question("judge", "F"), given)


@pytest.mark.parametrize("given", ["F", "f", "false", "错", "错误", "×", "✗", "否", "n", "no"])
def test_check_judge_false(given: str) -> None:
    assert check_answer(question("judge", "F"), given)
    assert not check_answer(question("judge", "T"), given)


@pytest.mark.parametrize("given", ["", "  ", "maybe", "不知道", "TF"])
def test_check_judge_other_answers_are_wrong(given: str) -> None:
    assert not check_answer(question("judge", "T"), given)
    assert not check_answer(question("judge", "F"), given)


def test_every_drawn_question_accepts_its_own_answer() -> None:
    for seed in range(5):
        for q in make_exam(entries(), 40, seed=seed).questions:
            assert check_answer(q, q.answer)
            if q.kind == "choice":
                assert check_answer(q, q.options["ABCD".index(q.answer)])
                wrong = "ABCD"[("ABCD".index(q.answer) + 1) % 4]
                assert not check_answer(q, wrong)
            if q.kind == "judge":
                assert not check_answer(q, "F" if q.answer == "T" else "T")


# --- copy-out -----------------------------------------------------------------------------

STANDARD = "签收前，必须与收件人当面核实。"


def expected_text(result: CopyResult) -> str:
    return "".join(s.text for s in result.segments if s.kind != "extra")


def typed_text(result: CopyResult) -> str:
    return "".join(s.text for s in result.segments if s.kind != "missing")


def test_identical_copy_scores_100() -> None:
    result = compare_copy(STANDARD, STANDARD)
    assert result == CopyResult((Segment("same", STANDARD),), 100)


def test_width_whitespace_and_punctuation_forms_are_ignored() -> None:
    typed = " 签收前, 必须与收件人当面核实. "
    result = compare_copy(STANDARD, typed)
    assert result.score == 100
    assert [s.kind for s in result.segments] == ["same"]
    assert expected_text(result) == STANDARD
    assert compare_copy("ＡＢＣ；１２３", "abc;123").score == 100


def test_missing_characters() -> None:
    result = compare_copy(STANDARD, "签收前，与收件人核实。")
    assert result.segments == (
        Segment("same", "签收前，"),
        Segment("missing", "必须"),
        Segment("same", "与收件人"),
        Segment("missing", "当面"),
        Segment("same", "核实。"),
    )
    assert expected_text(result) == STANDARD
    # 11 of 15 characters typed, none extra: 2 × 11 / (15 + 11)
    assert result.score == round(100 * 22 / 26)


def test_extra_characters() -> None:
    result = compare_copy("当面核实", "当面仔细核实")
    assert result.segments == (
        Segment("same", "当面"),
        Segment("extra", "仔细"),
        Segment("same", "核实"),
    )
    assert expected_text(result) == "当面核实"
    assert typed_text(result) == "当面仔细核实"
    assert result.score == round(100 * 8 / 10)


def test_replaced_characters_are_missing_then_extra() -> None:
    result = compare_copy("当面核实", "电话核实")
    assert result.segments == (
        Segment("missing", "当面"),
        Segment("extra", "电话"),
        Segment("same", "核实"),
    )
    assert result.score == 50


def test_garbage_and_padding_score_low() -> None:
    assert compare_copy(STANDARD, "").score == 0
    assert compare_copy(STANDARD, "").segments == (Segment("missing", STANDARD),)
    assert compare_copy(STANDARD, "abcdefghijklmnop").score == 0
    assert compare_copy(STANDARD, STANDARD * 3).score == 50  # pasting it thrice is not a copy
    assert compare_copy("", "").score == 100
    assert compare_copy("", "多余").segments == (Segment("extra", "多余"),)


def test_segments_rebuild_the_expected_text_with_its_whitespace() -> None:
    expected = "  第一步：核实身份\n第二步：签收  "
    for typed in ("第一步核实身份第二步签收", "第一步：核实", "完全不同的文字", "", expected):
        assert expected_text(compare_copy(expected, typed)) == expected


@pytest.mark.parametrize("count", [3, 7, 30, 98])
def test_a_paper_totals_100_points_however_many_questions(count: int) -> None:
    rows = [("操作", f"违规{n}", f"{n}元/票", f"标准{n}") for n in range(1, 60)]
    exam = make_exam(entries(rows), count, seed=3)
    assert len(exam.questions) == count
    assert exam.total == sum(exam.marks) == 100  # 30 questions were 90 in all, 7 were 98
    assert max(exam.marks) - min(exam.marks) <= 1
    assert list(exam.marks) == sorted(exam.marks, reverse=True)  # the fill-ins first


def test_a_paper_of_more_than_100_questions_is_a_point_each() -> None:
    rows = [("操作", f"违规{n}", f"{n}元/票", f"标准{n}") for n in range(1, 60)]
    exam = make_exam(entries(rows), 120, seed=3)
    assert set(exam.marks) == {1} and exam.total == len(exam.questions) == 120
