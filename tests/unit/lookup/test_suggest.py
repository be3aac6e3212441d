"""Did-you-mean suggestions: typos, pinyin initials, full pinyin, short substrings."""

from __future__ import annotations

import pytest

from branchdesk.lookup.suggest import Suggester

NAMES = ["春江花月", "晓风苑", "江树苑", "姚江路", "张三", "万达广场A幢", "鼓楼街道", "重庆路"]


@pytest.fixture
def suggester() -> Suggester:
    return Suggester(NAMES)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("晓风园", "晓风苑"),  # one character wrong
        ("晓风", "晓风苑"),  # prefix
        ("春江花园", "春江花月"),
        ("姚江", "姚江路"),
        ("cjhy", "春江花月"),  # pinyin initials
        ("CJHY", "春江花月"),
        ("xfy", "晓风苑"),
        ("chunjiang", "春江花月"),  # full pinyin prefix
        ("chunjianghuayue", "春江花月"),
        ("yaojinglu", "姚江路"),  # pinyin with a typo
        ("zhangsan", "张三"),
        ("chongqing", "重庆路"),
        ("万达", "万达广场A幢"),
    ],
)
def test_finds(suggester: Suggester, query: str, expected: str) -> None:
    assert suggester.suggest(query)[0] == expected


def test_short_substring(suggester: Suggester) -> None:
    assert set(suggester.suggest("苑")) == {"晓风苑", "江树苑"}
    assert set(suggester.suggest("江")) == {"春江花月", "江树苑", "姚江路"}


def test_exact_first_and_limit(suggester: Suggester) -> None:
    assert suggester.suggest("江树苑")[0] == "江树苑"
    assert len(suggester.suggest("江", limit=2)) == 2
    assert suggester.suggest("江", limit=0) == []


def test_nothing_similar(suggester: Suggester) -> None:
    assert suggester.suggest("完全无关的文字") == []


@pytest.mark.parametrize(
    "query", ["", "   ", "😀", "'\"", "*", "x" * 10_000, "路" * 10_000, "\x00", "((", "%s{}"]
)
def test_never_raises(suggester: Suggester, query: str) -> None:
    assert isinstance(suggester.suggest(query), list)


def test_odd_names_and_empty_list() -> None:
    assert Suggester([]).suggest("晓风苑") == []
    odd = Suggester(["", " ", "😀", "A座", "晓风苑", "晓风苑"])
    assert odd.suggest("晓风苑") == ["晓风苑"]
    assert odd.suggest("😀") == ["😀"]
