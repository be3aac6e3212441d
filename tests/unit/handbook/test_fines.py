"""Fines as HQ writes them: parsed into a structure, kept as flagged text when not understood."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from branchdesk import i18n
from branchdesk.handbook.fines import Fine, FineKind, parse_fine, same_fine

K = FineKind


def shape(text: str, kind: FineKind, **fields: object) -> tuple[str, dict[str, object]]:
    """A table row: the text and the fields of its Fine that differ from the defaults."""
    return text, {"kind": kind, **fields}


SHAPES = [
    # fixed per unit
    shape("10元/票", K.FIXED, amount_fen=1000, unit="票"),
    shape("50元/次", K.FIXED, amount_fen=5000, unit="次"),
    shape("5元/单", K.FIXED, amount_fen=500, unit="单"),
    shape("10元每票", K.FIXED, amount_fen=1000, unit="票"),
    shape("10元/每票", K.FIXED, amount_fen=1000, unit="票"),
    shape("每票10元", K.FIXED, amount_fen=1000, unit="票"),
    shape("罚款50元", K.FIXED, amount_fen=5000),
    shape("50元", K.FIXED, amount_fen=5000),
    shape("50", K.FIXED, amount_fen=5000),  # a number cell from Excel
    shape("0.5元/票", K.FIXED, amount_fen=50, unit="票"),
    shape("12.34元/件", K.FIXED, amount_fen=1234, unit="件"),
    shape("￥10/票", K.FIXED, amount_fen=1000, unit="票"),
    shape("¥10元/票", K.FIXED, amount_fen=1000, unit="票"),
    shape("10块/票", K.FIXED, amount_fen=1000, unit="票"),
    shape(" 10 元 / 票 ", K.FIXED, amount_fen=1000, unit="票"),
    shape("1,000元", K.FIXED, amount_fen=100000),
    # range
    shape("100-200元", K.RANGE, amount_fen=10000, max_fen=20000),
    shape("50–200元/票", K.RANGE, amount_fen=5000, max_fen=20000, unit="票"),
    shape("50—200元/票", K.RANGE, amount_fen=5000, max_fen=20000, unit="票"),
    shape("100~200元", K.RANGE, amount_fen=10000, max_fen=20000),
    shape("100至200元/次", K.RANGE, amount_fen=10000, max_fen=20000, unit="次"),
    shape("100到200元", K.RANGE, amount_fen=10000, max_fen=20000),
    shape("0.5-3元/票", K.RANGE, amount_fen=50, max_fen=300, unit="票"),
    shape("5元-20元", K.RANGE, amount_fen=500, max_fen=2000),
    shape("5-50元/单", K.RANGE, amount_fen=500, max_fen=5000, unit="单"),
    # compensation plus a fine
    shape("赔偿+10元", K.COMPENSATION, amount_fen=1000, compensation=True),
    shape("赔偿+10-50元", K.COMPENSATION, amount_fen=1000, max_fen=5000, compensation=True),
    shape("照价赔偿并罚款10元/票", K.COMPENSATION, amount_fen=1000, unit="票", compensation=True),
    shape("10元/票，丢失全额赔偿", K.COMPENSATION, amount_fen=1000, unit="票", compensation=True),
    shape("10元/票+全额赔偿", K.COMPENSATION, amount_fen=1000, unit="票", compensation=True),
    shape("10元/票 + 补运费", K.COMPENSATION, amount_fen=1000, unit="票", compensation=True),
    shape("照价赔偿", K.COMPENSATION, compensation=True),
    # escalating by time
    shape(
        "10元，超1小时后每30分钟加10元",
        K.ESCALATING,
        amount_fen=1000,
        step_fen=1000,
        step_minutes=30,
        after_minutes=60,
    ),
    shape(
        "首小时10元，之后每30分钟加10元",
        K.ESCALATING,
        amount_fen=1000,
        step_fen=1000,
        step_minutes=30,
        after_minutes=60,
    ),
    shape(
        "10元/票，超时每半小时加收10元",
        K.ESCALATING,
        amount_fen=1000,
        unit="票",
        step_fen=1000,
        step_minutes=30,
    ),
    shape("10元每半小时加10元", K.ESCALATING, amount_fen=1000, step_fen=1000, step_minutes=30),
    shape(
        "20元，超两小时后每小时加5元",
        K.ESCALATING,
        amount_fen=2000,
        step_fen=500,
        step_minutes=60,
        after_minutes=120,
    ),
    shape(
        "10元，超过1小时，每30分钟加10元",
        K.ESCALATING,
        amount_fen=1000,
        step_fen=1000,
        step_minutes=30,
        after_minutes=60,
    ),
    # dismissal; a severe case goes to severe_fen and never sets the kind
    shape("500元并辞退", K.DISMISSAL, amount_fen=50000, dismissal=True),
    shape("严重者500元并辞退", K.DISMISSAL, dismissal=True, severe_fen=50000),
    shape("辞退", K.DISMISSAL, dismissal=True),
    shape(
        "100-200元；严重者500元并辞退",
        K.RANGE,
        amount_fen=10000,
        max_fen=20000,
        dismissal=True,
        severe_fen=50000,
    ),
    shape("100-200元，情节严重的辞退", K.RANGE, amount_fen=10000, max_fen=20000, dismissal=True),
    shape("10元/票，严重者50元/票", K.FIXED, amount_fen=1000, unit="票", severe_fen=5000),
    # KPI only
    shape("计入KPI考核", K.KPI),
    shape("不罚款，计入考核", K.KPI),
    shape("纳入考核，无固定罚款", K.KPI),
    shape("KPI", K.KPI),
    shape("kpi", K.KPI),
]


@pytest.mark.parametrize(("text", "fields"), SHAPES)
def test_shapes(text: str, fields: dict[str, object]) -> None:
    fine = parse_fine(text)
    assert fine == Fine(text=text.strip(), **fields)  # type: ignore[arg-type]
    assert not fine.flagged


@pytest.mark.parametrize(
    ("full_width", "half_width"),
    [
        ("１０元／票", "10元/票"),
        ("１００－２００元", "100-200元"),
        ("１００～２００元／次", "100~200元/次"),
        ("０．５元／票", "0.5元/票"),
        ("赔偿＋１０元", "赔偿+10元"),
        ("１００－２００元；严重者５００元并辞退", "100-200元;严重者500元并辞退"),
        ("１０元，超１小时后每３０分钟加１０元", "10元,超1小时后每30分钟加10元"),
        ("计入ＫＰＩ考核", "计入KPI考核"),
        ("１０元\u3000/\u3000票", "10元/票"),
    ],
)
def test_full_width_reads_like_half_width(full_width: str, half_width: str) -> None:
    wide, narrow = parse_fine(full_width), parse_fine(half_width)
    assert wide.text == full_width.strip()  # the original is kept as written
    assert (wide.kind, wide.money(), wide.unit, wide.dismissal) == (
        narrow.kind,
        narrow.money(),
        narrow.unit,
        narrow.dismissal,
    )
    assert not wide.flagged


@pytest.mark.parametrize(
    "text",
    [
        "按总部通知执行",
        "不罚款",
        "严重者",
        "超1小时",  # the step that should follow is missing
        "首小时10元",
        "每30分钟加10元",  # no first amount
        "10元/票，20元/次",  # two fines: which one?
        "不罚款，10元",  # contradicts itself
        "200-100元",  # reversed range
        "0.125元/票",  # below a fen
        "10元/票次",
        "100000000元",  # beyond any plausible fine
        "不辞退",
        "罚款",
    ],
)
def test_unknown_shapes_are_kept_as_flagged_text(text: str) -> None:
    fine = parse_fine(text)
    assert fine.kind is FineKind.TEXT and fine.flagged
    assert fine.text == text
    assert fine.money() == ()
    assert fine.describe() == text


def test_text_is_stripped_but_otherwise_kept() -> None:
    assert parse_fine("  １０元／票\n").text == "１０元／票"
    assert parse_fine("\t按总部通知执行 ").text == "按总部通知执行"


@pytest.mark.parametrize("text", ["", "   ", "\u3000\n\t"])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        parse_fine(text)


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("10元/票", "10 yuan per 票"),
        ("罚款50元", "50 yuan"),
        ("0.5-3元/票", "0.5–3 yuan per 票"),
        ("赔偿+10元", "compensation plus 10 yuan"),
        ("照价赔偿", "compensation"),
        (
            "10元，超1小时后每30分钟加10元",
            "10 yuan, then 10 yuan more every 30 minutes after the first 60 minutes",
        ),
        ("10元/票，超时每半小时加收10元", "10 yuan per 票, then 10 yuan more every 30 minutes"),
        ("500元并辞退", "500 yuan and dismissal"),
        ("辞退", "dismissal"),
        ("严重者500元并辞退", "severe cases: 500 yuan and dismissal"),
        ("100-200元；严重者500元并辞退", "100–200 yuan; severe cases: 500 yuan and dismissal"),
        ("100-200元，严重者辞退", "100–200 yuan; severe cases: dismissal"),
        ("10元/票，严重者50元", "10 yuan per 票; severe cases: 50 yuan"),
        ("500元并辞退，赔偿", "500 yuan and dismissal, plus compensation"),
        ("计入KPI考核", "counted in KPI, no fixed fine"),
        ("按总部通知执行", "按总部通知执行"),
    ],
)
def test_describe(text: str, description: str) -> None:
    assert parse_fine(text).describe() == description


def test_describe_goes_through_the_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        i18n, "_catalog", lambda _language: {"{amount} yuan per {unit}": "{amount}元/{unit}"}
    )
    try:
        i18n.set_language("zh_CN")
        assert parse_fine("10元每票").describe() == "10元/票"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    ("expected", "given"),
    [
        ("50元/票", "50"),
        ("50元/票", "50元"),
        ("50元/票", "５０元/票"),
        ("50元/票", "罚款50元每票"),
        ("50元/票", " 50 块 "),
        ("0.5元/票", "0.50"),
        ("50元", "50元/票"),  # the handbook gives no unit, so none is wrong
        ("100-200元", "100-200"),
        ("100-200元", "100~200元"),
        ("50–200元/票", "50至200元/票"),
        ("10元，超1小时后每30分钟加10元", "10元，超1小时后每30分钟加10元"),
        ("10元，超1小时后每30分钟加10元", "10元，每30分钟加10元"),
        ("10元，超1小时后每30分钟加10元", "10元 超一小时 每半小时加10元"),
        ("10元，超1小时后每30分钟加10元", "先罚10元，过了一小时每30分钟再加10元"),
        ("计入KPI考核", "计入考核"),
        ("计入KPI考核", "kpi"),
        ("不罚款，计入考核", "扣绩效考核分"),
        ("500元并辞退", "500元辞退"),
        ("500元并辞退", "罚500，开除"),
        ("辞退", "辞退"),
        ("严重者500元并辞退", "500元并辞退"),
        ("100-200元；严重者500元并辞退", "100-200元，严重的500元辞退"),
        ("赔偿+10元", "10元+赔偿"),
        ("赔偿+10元", "赔10元"),
        ("照价赔偿并罚款10元/票", "赔偿加10元"),
        ("10元/票 + 补运费", "10元+补运费"),
        ("10元/票，丢失全额赔偿", "10元/票，赔偿"),
        ("按总部通知执行", "按总部通知执行。"),
        ("按总部通知执行", " 按总部通知执行 "),
    ],
)
def test_same_fine_accepts(expected: str, given: str) -> None:
    assert same_fine(expected, given)


@pytest.mark.parametrize(
    ("expected", "given"),
    [
        ("50元/票", ""),
        ("50元/票", "  "),
        ("50元/票", "60元"),
        ("50元/票", "50元/次"),  # wrong unit
        ("50元/票", "5元"),
        ("50元/票", "50-100元"),
        ("50元/票", "赔偿+50元"),
        ("50元/票", "50元并辞退"),
        ("50元/票", "罚款吧"),
        ("100-200元", "100"),
        ("100-200元", "200"),
        ("100-200元", "150元"),
        ("100-200元", "100-300元"),
        ("10元，超1小时后每30分钟加10元", "10元"),
        ("10元，超1小时后每30分钟加10元", "10元，每30分钟加20元"),
        ("10元，超1小时后每30分钟加10元", "10元，每小时加10元"),
        ("10元，超1小时后每30分钟加10元", "10元，超2小时后每30分钟加10元"),
        ("计入KPI考核", "10元"),
        ("计入KPI考核", "不罚"),
        ("500元并辞退", "500元"),
        ("500元并辞退", "辞退"),
        ("500元并辞退", "400元并辞退"),
        ("辞退", "500元并辞退"),
        ("赔偿+10元", "10元"),
        ("赔偿+10元", "赔偿"),
        ("赔偿+10元", "赔偿+20元"),
        ("100-200元；严重者500元并辞退", "100-200元"),
        ("100-200元；严重者500元并辞退", "100-200元，严重者辞退"),
        ("按总部通知执行", "按总部执行"),
        # Making up the freight is not paying for the loss, either way round.
        ("10元/票+补运费", "10元/票，全额赔偿"),
        ("10元/票+补运费", "10元/票，丢失全额赔偿"),
        ("10元/票，丢失全额赔偿", "10元/票+补运费"),
        ("赔偿+10元", "补差价+10元"),
        ("10元/票+补运费", "10元/票+补运费+赔偿"),
    ],
)
def test_same_fine_rejects(expected: str, given: str) -> None:
    assert not same_fine(expected, given)


@pytest.mark.parametrize("text", [row[0] for row in SHAPES])
def test_every_known_shape_matches_itself(text: str) -> None:
    assert same_fine(text, text)


FINE_ALPHABET = (
    "0123456789.元块/票次单件每-~至–，,；;+ 超过小时分钟半首之后加收罚款赔偿全额补运费"
    "严重者情节并辞退KPI考核不无固定￥１２（）:"
)


@settings(max_examples=300, database=None, deadline=None)
@given(st.one_of(st.text(min_size=1), st.text(alphabet=FINE_ALPHABET, min_size=1, max_size=40)))
def test_parse_fine_never_raises_for_non_empty_text(text: str) -> None:
    if not text.strip():
        with pytest.raises(ValueError):
            parse_fine(text)
        return
    fine = parse_fine(text)
    assert fine.text == text.strip()
    assert fine.flagged == (fine.kind is FineKind.TEXT)
    assert isinstance(fine.describe(), str)
    if not fine.flagged:
        assert same_fine(text, text)
