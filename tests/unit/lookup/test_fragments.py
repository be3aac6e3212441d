"""Area fragments in the forms branches write (issue 12 "Fragment forms beyond DESIGN.md")."""

from __future__ import annotations

import pytest

from branchdesk.lookup.fragments import Fragment, FragmentError, describe, parse_area_cell


def read(cell: str, range_text: object = None) -> list[tuple[object, ...]]:
    """(keyword, kind, lo, hi, parity, detail) of each fragment."""
    return [
        (f.keyword, f.kind, f.lo, f.hi, f.parity, f.detail() or {})
        for f in parse_area_cell(cell, range_text)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # parity in brackets or as a suffix
        ("花港路1~60号（单）", [("花港路", "road-range", 1, 60, "odd", {})]),
        (
            "花港路1~60号（单）、2-60号(双号)",
            [
                ("花港路", "road-range", 1, 60, "odd", {}),
                ("花港路", "road-range", 2, 60, "even", {}),
            ],
        ),
        ("建设路单号侧", [("建设路", "road-range", None, None, "odd", {})]),
        # lettered and Chinese-numeral blocks, # as a building marker
        (
            "万达广场A-C座",
            [("万达广场", "building-range", 1, 3, "all", {"on": "building", "letters": True})],
        ),
        (
            "万达广场Ａ－Ｃ座",
            [("万达广场", "building-range", 1, 3, "all", {"on": "building", "letters": True})],
        ),
        ("晓风苑一至三幢", [("晓风苑", "building-range", 1, 3, "all", {"on": "building"})]),
        ("晓风苑三幢", [("晓风苑3幢", "community", None, None, "all", {})]),
        ("晓风苑七号楼", [("晓风苑7幢", "community", None, None, "all", {})]),
        ("华府17#", [("华府17幢", "community", None, None, "all", {})]),
        ("华府8＃楼", [("华府8幢", "community", None, None, "all", {})]),
        # road series
        (
            "东园一路至东园四路",
            [(f"东园{n}路", "road", None, None, "all", {}) for n in "一二三四"],
        ),
        # exclusions, sides, conditions
        ("新华街（除12号）", [("新华街", "road", None, None, "all", {"exclude": [[12, 12]]})]),
        (
            "长乐街1-99号不含5号",
            [("长乐街", "road-range", 1, 99, "all", {"exclude": [[5, 5]]})],
        ),
        ("建设路（西侧）", [("建设路", "road", None, None, "all", {"side": "W"})]),
        (
            "中山路（与解放路交叉口以北）",
            [
                (
                    "中山路",
                    "road",
                    None,
                    None,
                    "all",
                    {"side": "N", "condition": "与解放路交叉口以北"},
                )
            ],
        ),
        (
            "建设路以东",
            [("建设路", "road", None, None, "all", {"side": "E", "condition": "建设路以东"})],
        ),
        # open, closed and several ranges
        ("长乐街12号以内", [("长乐街", "road-range", 1, 12, "all", {})]),
        ("长乐街1号至30号（含）", [("长乐街", "road-range", 1, 30, "all", {})]),
        (
            "长乐街1-17号；61号以后",
            [
                ("长乐街", "road-range", 1, 17, "all", {}),
                ("长乐街", "road-range", 61, None, "all", {}),
            ],
        ),
        # lanes are not house numbers
        ("长乐街16弄", [("长乐街", "road-range", 16, 16, "all", {"on": "lane"})]),
        ("文化路3号巷", [("文化路", "road-range", 3, 3, "all", {"on": "lane"})]),
        # 号院 is reached by the road and its number
        ("人民路20号院", [("人民路", "road-range", 20, 20, "all", {})]),
        # phases, 栋 with 单元 ranges, floors, village groups
        ("幸福小区二期", [("幸福小区2期", "community", None, None, "all", {"phase": 2})]),
        (
            "幸福小区二期、三期13-30号楼",
            [  # the buildings belong to both phases written before them
                ("幸福小区", "building-range", 13, 30, "all", {"on": "building", "phase": 2}),
                ("幸福小区", "building-range", 13, 30, "all", {"on": "building", "phase": 3}),
            ],
        ),
        (
            "和平苑3栋1-2单元",
            [("和平苑", "building-range", 1, 2, "all", {"on": "unit", "building": "3"})],
        ),
        ("和平苑4-6栋", [("和平苑", "building-range", 4, 6, "all", {"on": "building"})]),
        ("国贸大厦11-30层", [("国贸大厦", "building-range", 11, 30, "all", {"on": "floor"})]),
        (
            "李家村1组至5组、6-10组",
            [
                ("李家村", "building-range", 1, 5, "all", {"on": "group"}),
                ("李家村", "building-range", 6, 10, "all", {"on": "group"}),
            ],
        ),
    ],
)
def test_fragment_forms(cell: str, expected: list[tuple[object, ...]]) -> None:
    assert read(cell) == expected


@pytest.mark.parametrize(
    ("range_text", "expected"),
    [
        (16, ("长乐街", "road-range", 16, 16, "all", {})),  # a number typed as a number
        ("16", ("长乐街", "road-range", 16, 16, "all", {})),
        ("西侧", ("长乐街", "road", None, None, "all", {"side": "W"})),
        ("（单）", ("长乐街", "road-range", None, None, "odd", {})),
    ],
)
def test_range_column_forms(range_text: object, expected: tuple[object, ...]) -> None:
    assert read("长乐街", range_text) == [expected]


def test_range_column_with_several_ranges() -> None:
    assert read("长乐街", "1-17号；61号以后") == [
        ("长乐街", "road-range", 1, 17, "all", {}),
        ("长乐街", "road-range", 61, None, "all", {}),
    ]


def test_side_with_a_parity_column() -> None:
    assert read("建设路（西侧）", "单号") == [
        ("建设路", "road-range", None, None, "odd", {"side": "W"})
    ]


def test_a_bare_range_in_the_range_column_counts_buildings_of_an_estate() -> None:
    assert read("晓风苑", "1-12") == [
        ("晓风苑", "building-range", 1, 12, "all", {"on": "building"})
    ]


@pytest.mark.parametrize("qualifier", ["单", "双", "东侧", "除", "E座", "（单）"])
def test_a_qualifier_is_never_a_keyword_of_its_own(qualifier: str) -> None:
    try:
        fragments = parse_area_cell(f"花港路1-60号；{qualifier}")
    except FragmentError:
        return
    assert all(f.keyword.startswith("花港路") for f in fragments)


def test_a_qualifier_standing_alone_narrows_the_name_before() -> None:
    assert read("花港路1-60号、单") == [("花港路", "road-range", 1, 60, "odd", {})]
    assert read("建设路；西侧") == [("建设路", "road", None, None, "all", {"side": "W"})]


def test_text_read_only_in_part_is_kept_with_a_warning() -> None:
    (fragment,) = parse_area_cell("金星路88号大厦后门")
    assert fragment.keyword == "金星路" and (fragment.lo, fragment.hi) == (88, 88)
    assert fragment.condition == "大厦后门"
    assert fragment.warning and "大厦后门" in fragment.warning


@pytest.mark.parametrize(
    ("cell", "words"),
    [("Ａ－Ｃ座", "no community or road name"), ("单号双号", "no community or road name")],
)
def test_fragments_without_a_name_are_errors(cell: str, words: str) -> None:
    with pytest.raises(FragmentError, match=words):
        parse_area_cell(cell)


def test_detail_round_trip() -> None:
    for cell in (
        "万达广场A-C座",
        "和平苑3栋1-2单元",
        "中山路（与解放路交叉口以北）",
        "新华街（除12号）",
    ):
        (fragment,) = parse_area_cell(cell)
        plain = Fragment(
            fragment.keyword,
            fragment.parent,
            fragment.kind,
            fragment.lo,
            fragment.hi,
            fragment.parity,
            fragment.text,
        )
        assert plain.with_detail(fragment.detail()) == fragment


@pytest.mark.parametrize(
    ("cell", "range_text", "shown"),
    [
        ("花港路1~60号（单）", None, "花港路 1-60号 单号"),
        ("万达广场A-C座", None, "万达广场 A-C座"),
        ("和平苑3栋1-2单元", None, "和平苑 3幢 1-2单元"),
        ("新华街（除12号）", None, "新华街 全段 除12号"),
        ("建设路（西侧）", "单号", "建设路 单号 西侧"),
        ("万达广场（A座）", None, "万达广场 A幢"),
        ("国贸大厦11-30层", None, "国贸大厦 11-30层"),
        ("长乐街61号以后", None, "长乐街 61号以后"),
    ],
)
def test_describe_says_how_the_fragment_was_read(
    cell: str, range_text: str | None, shown: str
) -> None:
    assert describe(parse_area_cell(cell, range_text)[0]) == shown


@pytest.mark.parametrize(
    "cell", ["龙湖天街（一期、二期）", "龙湖天街(1期,2期)", "龙湖天街（一期，二期）"]
)
def test_every_phase_in_brackets_is_kept(cell: str) -> None:
    """龙湖天街（一期、二期） kept only 二期: 龙湖天街一期5栋 found nothing."""
    phases = [(f.keyword, f.phase) for f in parse_area_cell(cell)]
    assert phases == [("龙湖天街1期", 1), ("龙湖天街2期", 2)]


@pytest.mark.parametrize("kind", ["商铺", "底商", "门面", "住宅", "车库", "写字楼"])
def test_a_generic_part_in_brackets_counts_only_with_its_estate(kind: str) -> None:
    """星河传奇（商铺、底商）: 商铺 became a name of its own, and 雅宝路18号商铺 was answered
    by 星河传奇's courier, sure."""
    names = {(f.keyword, f.parent) for f in parse_area_cell(f"星河传奇（{kind}、A座）")}
    assert (kind, "星河传奇") not in names
    assert (f"星河传奇{kind}", "星河传奇") in names
    assert ("星河传奇", None) in names  # the estate is a name too (星河传奇5幢301, review)


def test_phases_in_brackets_with_a_building_range_keep_every_phase() -> None:
    got = [(f.phase, f.lo, f.hi) for f in parse_area_cell("龙湖天街（一期、二期、1-5幢）")]
    assert got == [(1, 1, 5), (2, 1, 5)]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("雨儿胡同 福祥胡同 东棉花胡同", ["雨儿胡同", "福祥胡同", "东棉花胡同"]),
        ("北兵马司胡同|秦老胡同｜前鼓楼苑胡同", ["北兵马司胡同", "秦老胡同", "前鼓楼苑胡同"]),
        ("黑芝麻胡同\u3000板厂胡同", ["黑芝麻胡同", "板厂胡同"]),
        ("菊儿胡同.寿比胡同", ["菊儿胡同", "寿比胡同"]),
        ("后圆恩寺胡同 + 前圆恩寺胡同", ["后圆恩寺胡同", "前圆恩寺胡同"]),
        ("甲九路1-45号 甲十路", ["甲九路", "甲十路"]),
        ("东四五条至东四八条", ["东四五条", "东四六条", "东四七条", "东四八条"]),
        # not names apart: a range, a side, a part too short to be a name
        ("帽儿胡同 1-45号", ["帽儿胡同"]),
        ("中山西路 单号", ["中山西路"]),
        ("春江花月小区 东区", ["春江花月小区东区"]),
        ("万达 广场", ["万达广场"]),
    ],
)
def test_names_written_apart_by_spaces_dots_and_pluses_are_names_of_their_own(
    cell: str, names: list[str]
) -> None:
    """雨儿胡同 福祥胡同 东棉花胡同 was one name of 14 characters: 雨儿胡同5号 found nothing."""
    assert list(dict.fromkeys(f.keyword for f in parse_area_cell(cell))) == names


def test_a_lane_s_house_range_is_one_fragment_and_reads_back() -> None:
    from dataclasses import replace

    from branchdesk.lookup.fragments import cell_text

    (inside,) = parse_area_cell("富民路88弄1-30号")
    assert (inside.keyword, inside.lane, inside.lo, inside.hi, inside.on) == (
        "富民路",
        88,
        1,
        30,
        "house",
    )
    assert describe(inside) == "富民路 88弄 1-30号"
    (again,) = parse_area_cell(cell_text(inside))
    assert replace(again, text=inside.text) == inside
    assert (
        Fragment("x", None, "road", None, None, "all", "x").with_detail(inside.detail()).lane == 88
    )


@pytest.mark.parametrize(
    "cell",
    [
        "和平里 三号楼",
        "中山路 一号至九十九号",
        "晓风苑 十二幢",
        "院士路 南侧段",
        "中山西路 以北部分",
        "中山东路 江东北路口东侧",
        "汇金大厦 写字楼",
        "万达广场 步行街",
    ],
)
def test_what_narrows_a_name_after_a_space_is_not_a_name_of_its_own(cell: str) -> None:
    """After names apart by spaces were split, 和平里 三号楼 became 和平里 (the whole estate)
    and a name 三号楼; 中山路 一号至九十九号 the whole road; 万达广场 步行街 a name 步行街
    (review)."""
    first = cell.split()[0]
    read = parse_area_cell(cell)
    assert all(f.keyword.startswith(first) for f in read), read


@pytest.mark.parametrize(
    "cell", ["马街镇全镇", "马街镇（全镇）", "马街镇全境", "马街镇全部", "马街镇整镇"]
)
def test_the_whole_of_a_town_is_the_town(cell: str) -> None:
    """马街镇全镇 was the name 马街镇全镇, so 马街镇大村 found nothing (hostile tester, 宜良)."""
    assert [(f.keyword, f.kind) for f in parse_area_cell(cell)] == [("马街镇", "town")]


def test_a_number_ending_an_estate_s_name_before_its_phases_is_the_name() -> None:
    """阳光100（一期、二期） was the estate 阳光 with building 100: 阳光100二期3栋 found nothing
    (hostile tester, 长沙)."""
    fragments = parse_area_cell("阳光100（一期、二期）")
    assert {f.parent for f in fragments} == {"阳光100"}
    assert sorted(f.detail()["phase"] for f in fragments) == [1, 2]  # type: ignore[index]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # hostile tester (青岛, 长沙): the name after 含 was kept with its 含, or lost
        ("台东一路（含台东步行街）", [("台东一路", None, None), ("台东步行街", None, None)]),
        (
            "岳麓大道300号以上（含奥克斯广场）",
            [("岳麓大道", 300, None), ("奥克斯广场", None, None)],
        ),
        # review of the same: a number after 含 was a name "含"
        ("姚江路1-99号（含101号）", [("姚江路", 1, 99), ("姚江路", 101, 101)]),
        ("姚江路（含12号）", [("姚江路", None, None)]),
    ],
)
def test_what_a_cell_says_it_includes_is_included(
    cell: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert [(f.keyword, f.lo, f.hi) for f in parse_area_cell(cell)] == expected


def test_a_village_s_blocks_written_as_a_series_are_each_a_name() -> None:
    """大磡村一坊至十坊 was one name, so 大磡村三坊12号 found nothing (hostile tester, 深圳)."""
    names = [f.keyword for f in parse_area_cell("大磡村一坊至十坊")]
    assert names[0] == "大磡村一坊" and names[2] == "大磡村三坊" and len(names) == 10


def test_an_industrial_zone_is_a_place_not_a_district() -> None:
    """新安工业区 was read as a district and answered by the district's catch-all (东莞)."""
    assert [f.kind for f in parse_area_cell("新安工业区")] == ["community"]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("万全村、安全村、双全村", ["万全村", "安全村", "双全村"]),
        ("大全镇", ["大全镇"]),
        ("雁塔片区（含光路、长安中路）", ["雁塔片区", "含光路", "长安中路"]),
        ("片区（含光北路）", ["片区", "含光北路"]),
        ("万达广场（含A座、B座）", ["万达广场A幢", "万达广场B幢"]),
    ],
)
def test_names_that_hold_whole_place_or_include_words_are_kept_whole(
    cell: str, names: list[str]
) -> None:
    """Review: 万全村 was cut to 万 (全村 read as "the whole village") and 含光路 (西安) to
    光路, which then answered 阳光路3号, sure."""
    assert [f.keyword for f in parse_area_cell(cell)] == names
