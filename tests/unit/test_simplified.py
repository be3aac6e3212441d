"""Traditional characters typed into a search read as simplified (branchdesk/simplified.py)."""

from __future__ import annotations

import pytest

from branchdesk.simplified import to_simplified


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("長沙市嶽麓區麓山南路932號", "长沙市岳麓区麓山南路932号"),
        ("東城區雨兒胡同3號", "东城区雨儿胡同3号"),
        ("華聯大廈B座", "华联大厦B座"),
        ("乾縣乾陵路5號", "乾县乾陵路5号"),
        ("後宅鎮後街3號", "后宅镇后街3号"),  # 後 is in GB2312 as well (review)
    ],
)
def test_traditional_characters_read_as_simplified(typed: str, read: str) -> None:
    assert to_simplified(typed) == read


@pytest.mark.parametrize(
    "typed", ["乾县乾陵路5号", "中山西路37号", "SF1234567890", "13805740003", ""]
)
def test_a_simplified_text_comes_back_unchanged(typed: str) -> None:
    """t2s maps 乾 to 干 and 昇 to 升: names of their own in simplified text."""
    assert to_simplified(typed) == typed


def test_the_matching_form_folds_gb2312_s_traditional_forms_on_both_sides() -> None:
    from branchdesk.simplified import folded

    assert folded("後街") == folded("后街") == folded("後街3號")[:2] == "后街"
