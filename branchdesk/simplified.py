"""Traditional characters typed into a search read as simplified (長沙市嶽麓區 → 长沙市岳麓区).

Customers in 香港 and 台湾, and some input methods, write an address in traditional
characters; the branch's tables and lists are in simplified ones. OpenCC's t2s conversion
(Apache-2.0) does it, phrase by phrase.

Decisions:
- Only a text with a character outside GB2312 (the simplified standard set) is converted, and
  then whole, phrase by phrase: t2s also maps characters that are simplified names of their
  own (乾县 → 干县), so a text in GB2312's characters comes back unchanged, while in 後宅鎮
  the 後 (in GB2312 too) becomes 后 with the 鎮, and 乾縣 is 乾县 (OpenCC's phrases). A rare
  simplified character outside GB2312 (昇) still becomes 升.
- OpenCC is imported on the first such text (15 ms), never at start-up.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


log = logging.getLogger(__name__)
_lock = threading.Lock()
_converter: _Converter | None = None


def _t2s() -> _Converter:
    global _converter
    with _lock:
        if _converter is None:
            import opencc

            _converter = opencc.OpenCC("t2s")
        return _converter


def _outside_gb2312(char: str) -> bool:
    if char < "\u3400":  # ASCII, punctuation, kana: nothing to convert
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """`text` with its traditional characters simplified; else `text` itself."""
    try:
        text.encode("gb2312")  # the common case, in C: nothing outside the simplified set
        return text
    except UnicodeEncodeError:
        pass
    if not any(_outside_gb2312(c) for c in text):
        return text
    try:
        return _t2s().convert(text)
    except Exception:  # a missing dictionary: search as typed, never fail a search for it
        log.warning("traditional characters not converted", exc_info=True)
        return text


# The characters of GB2312 that t2s changes: traditional forms in the simplified set (後, 夥,
# 徵 …). In the form both an area table and a typed address are compared in, they fold either
# way: a table writing 後街 and a query 後街3號 (to_simplified: 后街3号) meet at 后街. Not 乾
# and 於, names of their own in simplified text (乾县, 於潜镇), which t2s would also change.
_IN_GB2312 = str.maketrans(
    {
        "菸": "烟", "薹": "苔", "拚": "拼", "捱": "挨", "摺": "折", "吒": "咤", "後": "后",
        "徵": "征", "夥": "伙", "榘": "矩", "袷": "夹", "麴": "曲", "醣": "糖", "麽": "么",
    }
)  # fmt: skip


def folded(text: str) -> str:
    """`text` in the form compared on both sides of a match (never shown): simplified, and
    GB2312's traditional forms folded too."""
    return to_simplified(text).translate(_IN_GB2312)


__all__ = ["folded", "to_simplified"]
