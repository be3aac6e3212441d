"""Area-cell fragments, normalisation and the address matcher (DESIGN.md "Address matching")."""

from __future__ import annotations

import pytest

from branchdesk import i18n
from branchdesk.lookup.matching import (
    KINDS,
    AddressMatcher,
    AreaRuleSpec,
    Fragment,
    FragmentError,
    normalise,
    parse_area_cell,
)


def frags(cell: str, range_text: str | None = None) -> list[tuple[object, ...]]:
    return [
        (f.keyword, f.parent, f.kind, f.lo, f.hi, f.parity)
        for f in parse_area_cell(cell, range_text)
    ]


# --- normalise -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("姚江路１２号", "姚江路12号"),
        ("春江花月（晓风苑）", "春江花月(晓风苑)"),
        (" 姚 江\u3000路\t12号\n", "姚江路12号"),
        ("晓风苑3号楼", "晓风苑3幢"),
        ("晓风苑3栋", "晓风苑3幢"),
        ("万达广场A座", "万达广场A幢"),
        ("万达广场ａ座", "万达广场A幢"),
        ("晓风苑３幢", "晓风苑3幢"),
        ("金座大厦", "金座大厦"),  # 座 not after a number or letter stays
        ("1~99号", "1-99号"),
        ("1～99号", "1-99号"),
        ("1—99号", "1-99号"),
        ("1至99号", "1-99号"),
        ("1号至99号", "1号-99号"),
        ("至善路", "至善路"),
        ("1－99号", "1-99号"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalise_any_text() -> None:
    assert normalise("") == ""
    assert normalise("😀*'\"") == "😀*'\""
    assert len(normalise("路" * 10_000)) == 10_000


# --- parse_area_cell: names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("晓风苑", "community"),
        ("阳光小区", "community"),
        ("万达广场", "community"),
        ("姚江路", "road"),
        ("中山大街", "road"),
        ("世纪大道", "road"),
        ("百岁巷", "road"),
        ("鼓楼街道", "town"),
        ("高桥镇", "town"),
        ("龙观乡", "town"),
        ("海曙区", "district"),
        ("象山县", "district"),
        ("浦东新区", "district"),
    ],
)
def test_name_kinds(cell: str, kind: str) -> None:
    assert frags(cell) == [(cell, None, kind, None, None, "all")]


def test_kinds_constant() -> None:
    assert KINDS == ("building-range", "community", "road-range", "road", "town", "district")


@pytest.mark.parametrize("sep", ["；", ";", "、", "，", ",", "/", "\n", "\r\n", "／"])
def test_separators(sep: str) -> None:
    assert [f[0] for f in frags(f"晓风苑{sep}姚江路{sep}鼓楼街道")] == [
        "晓风苑",
        "姚江路",
        "鼓楼街道",
    ]


def test_blank_cell_and_trailing_separators() -> None:
    assert parse_area_cell("") == []
    assert parse_area_cell("  ") == []
    assert [f.keyword for f in parse_area_cell("晓风苑；；")] == ["晓风苑"]


# --- parent with sub-names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "春江花月（晓风苑、江树苑）",
        "春江花月(晓风苑,江树苑)",
        "春江花月【晓风苑；江树苑】",
        "春江花月（晓风苑，江树苑）",
    ],
)
def test_parent_with_sub_names(cell: str) -> None:
    assert frags(cell) == [
        ("春江花月", None, "community", None, None, "all"),
        ("晓风苑", "春江花月", "community", None, None, "all"),
        ("江树苑", "春江花月", "community", None, None, "all"),
    ]


def test_separators_inside_brackets_do_not_split() -> None:
    fragments = parse_area_cell("春江花月（晓风苑、江树苑）；姚江路3号-5号")
    assert [f.keyword for f in fragments] == ["春江花月", "晓风苑", "江树苑", "姚江路"]
    assert fragments[0].text == "春江花月（晓风苑、江树苑）"
    assert fragments[3].text == "姚江路3号-5号"
    assert (fragments[3].lo, fragments[3].hi) == (3, 5)


@pytest.mark.parametrize(
    ("cell", "keywords"),
    [
        ("万达广场（A座、B座）", ["万达广场A幢", "万达广场B幢"]),
        ("万达广场(A座,B座)", ["万达广场A幢", "万达广场B幢"]),
        ("万达广场（3号楼、2幢、1栋）", ["万达广场3幢", "万达广场2幢", "万达广场1幢"]),
        ("万达广场（B区）", ["万达广场B区"]),
    ],
)
def test_bare_block_labels_count_only_with_parent(cell: str, keywords: list[str]) -> None:
    fragments = parse_area_cell(cell)
    assert [f.keyword for f in fragments] == keywords
    assert all(f.parent == "万达广场" and f.kind == "community" for f in fragments)


def test_sub_names_and_labels_mixed() -> None:
    assert frags("银泰城（A座、银泰公寓）") == [
        ("银泰城", None, "community", None, None, "all"),
        ("银泰城A幢", "银泰城", "community", None, None, "all"),
        ("银泰公寓", "银泰城", "community", None, None, "all"),
    ]


def test_label_after_name_without_brackets() -> None:
    assert frags("万达广场A座") == [("万达广场A幢", "万达广场", "community", None, None, "all")]


def test_range_inside_brackets_applies_to_parent() -> None:
    assert frags("姚江路（1-99号）") == [("姚江路", None, "road-range", 1, 99, "all")]
    assert frags("姚江路(单号)") == [("姚江路", None, "road-range", None, None, "odd")]
    assert frags("晓风苑（1-6栋）") == [("晓风苑", None, "building-range", 1, 6, "all")]


# --- house numbers on a road ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "lo", "hi"),
    [
        ("姚江路12号", 12, 12),
        ("姚江路１２号", 12, 12),
        ("姚江路1-99号", 1, 99),
        ("姚江路1号-99号", 1, 99),
        ("姚江路1~99号", 1, 99),
        ("姚江路1～99号", 1, 99),
        ("姚江路1至99号", 1, 99),
        ("姚江路1—99号", 1, 99),
        ("姚江路 1 - 99 号", 1, 99),
        ("姚江路1-99", 1, 99),
        ("姚江路151号以后", 151, None),
        ("姚江路151号以上", 151, None),
        ("姚江路151号及以后", 151, None),
        ("姚江路100弄", 100, 100),
    ],
)
def test_house_number_ranges(cell: str, lo: int, hi: int | None) -> None:
    assert frags(cell) == [("姚江路", None, "road-range", lo, hi, "all")]


@pytest.mark.parametrize("word", ["全段", "全线", "（全段）"])
def test_whole_road(word: str) -> None:
    assert frags(f"中山路{word}") == [("中山路", None, "road", None, None, "all")]


@pytest.mark.parametrize(
    ("cell", "parity"),
    [("姚江路1-99号单号", "odd"), ("姚江路2-98号双号", "even"), ("姚江路单号1-99号", "odd")],
)
def test_parity_in_fragment(cell: str, parity: str) -> None:
    fragment = parse_area_cell(cell)[0]
    assert (fragment.kind, fragment.parity) == ("road-range", parity)


def test_bare_range_continues_previous_name() -> None:
    assert frags("姚江路1-99号、101-199号") == [
        ("姚江路", None, "road-range", 1, 99, "all"),
        ("姚江路", None, "road-range", 101, 199, "all"),
    ]


# --- building ranges ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "晓风苑1-12幢",
        "晓风苑1-12栋",
        "晓风苑1号楼-12号楼",
        "晓风苑1幢-12幢",
        "晓风苑1-12座",
        "晓风苑1至12幢",
    ],
)
def test_building_ranges(cell: str) -> None:
    assert frags(cell) == [("晓风苑", None, "building-range", 1, 12, "all")]


def test_single_building_is_a_label_of_its_estate() -> None:
    assert frags("晓风苑3号楼") == [("晓风苑3幢", "晓风苑", "community", None, None, "all")]


# --- the separate 门牌范围 column ---------------------------------------------------------


@pytest.mark.parametrize(
    ("range_text", "kind", "lo", "hi", "parity"),
    [
        ("1-99号", "road-range", 1, 99, "all"),
        ("单号", "road-range", None, None, "odd"),
        ("双号", "road-range", None, None, "even"),
        ("151号以后", "road-range", 151, None, "all"),
        ("1-99号双号", "road-range", 1, 99, "even"),
        ("1-12幢", "building-range", 1, 12, "all"),
        ("全段", "road", None, None, "all"),
        ("", "road", None, None, "all"),
    ],
)
def test_range_column(range_text: str, kind: str, lo: int, hi: int, parity: str) -> None:
    assert frags("姚江路", range_text) == [("姚江路", None, kind, lo, hi, parity)]


def test_range_column_only_where_no_own_range() -> None:
    assert frags("姚江路1-50号；中山路；鼓楼街道", "单号") == [
        ("姚江路", None, "road-range", 1, 50, "odd"),
        ("中山路", None, "road-range", None, None, "odd"),
        ("鼓楼街道", None, "town", None, None, "all"),
    ]
    assert frags("姚江路1-50号；中山路", "100-200号") == [
        ("姚江路", None, "road-range", 1, 50, "all"),
        ("中山路", None, "road-range", 100, 200, "all"),
    ]


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "range_text", "words"),
    [
        ("1-99号", None, "no community or road name"),
        ("（晓风苑）", None, "no name before the brackets"),
        ("姚江路99-1号", None, "smaller number first"),
        ("晓风苑12-1幢", None, "smaller number first"),
        ("春江花月（晓风苑、江树苑", None, "brackets do not match"),
        ("春江花月晓风苑）", None, "brackets do not match"),
        ("万达广场（）", None, "nothing inside the brackets"),
        ("姚江路", "abc", "not understood"),
        ("姚江路", "99-1号", "smaller number first"),
    ],
)
def test_fragment_errors(cell: str, range_text: str | None, words: str) -> None:
    with pytest.raises(FragmentError, match=words):
        parse_area_cell(cell, range_text)


def test_error_message_is_translated() -> None:
    i18n.set_language("zh_CN")
    try:
        with pytest.raises(FragmentError) as caught:
            parse_area_cell("1-99号")
    finally:
        i18n.set_language("en")
    assert str(caught.value) == (
        "“1-99号”缺少小区或道路名称；请在范围前写上名称，例如 姚江路1-99号 或 晓风苑1-12幢"
    )


def test_fragment_is_frozen() -> None:
    fragment = parse_area_cell("晓风苑")[0]
    assert isinstance(fragment, Fragment)
    with pytest.raises(AttributeError):
        fragment.keyword = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "cell",
    [
        "😀",
        "'\"*",
        "*",
        "(((",
        ")",
        "路" * 10_000,
        "1" * 10_000 + "号",
        "姚江路" + "9" * 5000 + "号",
        "（、）",
        "、、、",
        "A(B(C、D))",
        "\x00\x07",
        "号-号",
        "至至",
        "单号双号",
    ],
)
def test_any_text_parses_or_raises_fragment_error(cell: str) -> None:
    try:
        result = parse_area_cell(cell, cell)
    except FragmentError as exc:
        assert str(exc)
    else:
        assert all(f.keyword and f.kind in KINDS for f in result)


# --- matching -----------------------------------------------------------------------------------


def build(*cells: tuple[str, str, str | None]) -> AddressMatcher:
    """Couriers numbered from 1; each cell is (courier name, area cell, district)."""
    rules: list[AreaRuleSpec] = []
    for courier_id, (name, cell, district) in enumerate(cells, start=1):
        for fragment in parse_area_cell(cell):
            rules.append(
                AreaRuleSpec(
                    rule_id=len(rules) + 1,
                    courier_id=courier_id,
                    courier_name=name,
                    keyword=fragment.keyword,
                    parent_keyword=fragment.parent,
                    kind=fragment.kind,
                    number_lo=fragment.lo,
                    number_hi=fragment.hi,
                    parity=fragment.parity,
                    district=district,
                    town=None,
                    source_text=fragment.text,
                )
            )
    return AddressMatcher(rules)


def names(matcher: AddressMatcher, address: str) -> list[str]:
    return [c.rule.courier_name for c in matcher.match(address).candidates]


def test_building_range_beats_community() -> None:
    m = build(("甲", "晓风苑", None), ("乙", "晓风苑1-6幢", None))
    assert names(m, "晓风苑3幢201室") == ["乙", "甲"]
    assert names(m, "晓风苑3号楼201室") == ["乙", "甲"]
    assert names(m, "晓风苑3栋") == ["乙", "甲"]
    assert names(m, "晓风苑3-2-201") == ["乙", "甲"]
    assert names(m, "晓风苑9幢") == ["甲"]  # out of range: the range rule drops out


def test_community_beats_road_range() -> None:
    m = build(("甲", "姚江路1-99号", None), ("乙", "阳光小区", None))
    assert names(m, "姚江路12号阳光小区5幢") == ["乙", "甲"]


def test_road_range_beats_bare_road() -> None:
    m = build(("甲", "姚江路", None), ("乙", "姚江路1-99号", None))
    assert names(m, "姚江路12号") == ["乙", "甲"]
    assert names(m, "姚江路120号") == ["甲"]


def test_bare_road_beats_unconfirmed_range_beats_town() -> None:
    m = build(("甲", "鼓楼街道", None), ("乙", "姚江路1-99号", None), ("丙", "姚江路", None))
    match = m.match("鼓楼街道姚江路")
    assert [c.rule.courier_name for c in match.candidates] == ["丙", "乙", "甲"]
    assert "No house number" in match.candidates[1].reason


def test_town_beats_district() -> None:
    m = build(("甲", "海曙区", None), ("乙", "鼓楼街道", None))
    assert names(m, "宁波市海曙区鼓楼街道某某弄") == ["乙", "甲"]
    assert names(m, "海曙区") == ["甲"]


def test_label_ranks_with_buildings() -> None:
    m = build(("甲", "万达广场", None), ("乙", "万达广场（A座、B座）", None))
    assert names(m, "万达广场A座1201") == ["乙", "甲"]
    assert names(m, "万达广场ａ座") == ["乙", "甲"]
    assert names(m, "万达广场C座") == ["甲"]
    only_labels = build(("乙", "万达广场（A座、B座）", None))
    assert names(only_labels, "万达广场C座") == []


def test_longer_keyword_wins_a_tie() -> None:
    m = build(("甲", "阳光", None), ("乙", "阳光花园", None))
    match = m.match("阳光花园3幢")
    # 阳光 is only the start of the name written: not offered beside it (三里屯 / 三里屯路)
    assert [c.rule.courier_name for c in match.candidates] == ["乙"]
    assert not match.ambiguous


def test_house_number_parity_and_open_range() -> None:
    m = build(
        ("单", "姚江路1-99号单号", None),
        ("双", "姚江路2-98号双号", None),
        ("远", "姚江路151号以后", None),
    )
    assert names(m, "姚江路13号") == ["单"]
    assert names(m, "姚江路12号") == ["双"]
    # a lane is not a house number (长乐街16弄 ≠ 长乐街16号): no courier is sure
    lane = m.match("姚江路12弄3号")
    assert lane.ambiguous and lane.level == "inferred"
    assert "lane 12" in lane.candidates[0].reason
    # 12号楼 is a building (of a compound on the road), not house number 12: not sure
    block = m.match("姚江路12号楼")
    assert block.ambiguous and block.level == "inferred"
    assert "building 12" in block.candidates[0].reason
    assert names(m, "姚江路９９号") == ["单"]
    assert names(m, "姚江路100号") == []
    assert names(m, "姚江路151号") == ["远"]
    assert names(m, "姚江路9999号") == ["远"]


def test_reasons_say_what_matched() -> None:
    m = build(("甲", "姚江路1-99号单号", None), ("乙", "晓风苑1-6幢", None))
    reason = m.match("姚江路13号").candidates[0].reason
    assert "13" in reason and "姚江路" in reason and "1-99" in reason and "odd" in reason
    reason = m.match("晓风苑3幢").candidates[0].reason
    assert "3" in reason and "晓风苑" in reason and "1-6" in reason


def test_reason_translated() -> None:
    m = build(("甲", "姚江路", None))
    i18n.set_language("zh_CN")
    try:
        reason = m.match("姚江路").candidates[0].reason
    finally:
        i18n.set_language("en")
    assert "姚江路" in reason


def test_district_exclusion() -> None:
    m = build(("海曙", "姚江路", "海曙区"), ("江北", "姚江路", "江北区"), ("未分", "姚江路", None))
    assert names(m, "浙江省宁波市海曙区姚江路5号") == ["海曙", "未分"]
    assert names(m, "宁波江北姚江路5号") == ["江北", "未分"]
    assert sorted(names(m, "姚江路5号")) == ["未分", "江北", "海曙"]


def test_district_rule_matches_the_recognised_district() -> None:
    m = build(("甲", "海曙区", "海曙区"))
    match = m.match("浙江宁波海曙中山西路")
    assert match.region is not None and match.region.district == "海曙区"
    assert [c.rule.courier_name for c in match.candidates] == ["甲"]


def test_ambiguity_flag() -> None:
    m = build(("甲", "姚江路1-99号", None), ("乙", "姚江路1-99号", None))
    assert m.match("姚江路5号").ambiguous
    m = build(("甲", "姚江路1-99号", None), ("乙", "姚江路101-199号", None))
    assert not m.match("姚江路5号").ambiguous
    assert m.match("姚江路").ambiguous  # no number: both ranges are equally possible


def test_one_candidate_per_courier_best_kept() -> None:
    m = build(("甲", "晓风苑；晓风苑1-6幢；海曙区", None), ("乙", "姚江路", None))
    match = m.match("海曙区姚江路晓风苑3幢")
    assert [c.rule.courier_name for c in match.candidates] == ["甲", "乙"]
    assert match.candidates[0].rule.kind == "building-range"
    assert match.candidates[0].score > match.candidates[1].score


def test_limit_and_keywords() -> None:
    m = build(*[(f"c{i}", "姚江路", None) for i in range(20)])
    assert len(m.match("姚江路", limit=3).candidates) == 3
    assert len(m.match("姚江路").candidates) == 10
    assert m.keywords() == ["姚江路"]


def test_match_fields() -> None:
    m = build(("甲", "晓风苑", None))
    match = m.match("浙江省宁波市海曙区 晓风苑３幢")
    assert match.query == "浙江省宁波市海曙区 晓风苑３幢"
    assert match.normalised == "浙江省宁波市海曙区晓风苑3幢"
    assert match.region is not None and match.region.rest == "晓风苑3幢"


def test_no_rules() -> None:
    match = AddressMatcher([]).match("晓风苑")
    assert match.candidates == [] and not match.ambiguous
    assert AddressMatcher([]).keywords() == []


@pytest.mark.parametrize(
    "address",
    [
        "",
        "😀😀",
        "'\"*",
        "*",
        "晓风苑" * 4000,
        "x" * 10_000,
        "姚江路" + "9" * 10_000 + "号",
        "\x00",
        "((((",
        "海曙区",
    ],
)
def test_any_address_is_safe(address: str) -> None:
    m = build(("甲", "晓风苑1-6幢；姚江路1-99号", None), ("乙", "海曙区", None))
    result = m.match(address)
    assert isinstance(result.candidates, list)
