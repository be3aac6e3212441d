"""Waybill numbers: normalisation and carrier recognition (patterns in domain/FACTS.md)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Carrier names as the branch writes them; the key is what we store.
CARRIERS = ("中通", "圆通", "申通", "韵达", "极兔", "顺丰", "京东", "邮政", "未知")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (carrier, re.compile(pattern))
    for carrier, pattern in (
        ("中通", r"7[3-68]\d{12}|[2-9]\d{11}"),
        ("圆通", r"YT\d{13}"),
        ("申通", r"(?:77|43)\d{12,15}|(?:268|888)\d{9,12}"),
        ("韵达", r"[34]\d{14}|5\d{12}"),
        ("极兔", r"JT\d{13}"),
        ("顺丰", r"SF[0-9A-Z]\d{12}"),
        ("京东", r"JD[0-9A-Z]{2}\d{11}"),
        ("邮政", r"[981]\d{12}|[A-Z]{2}\d{9}CN"),
    )
)

# 子母件 suffixes such as -1-2 or -001 after the main number.
_SUFFIX = re.compile(r"(?:-\d{1,3})+$")
_SPACES = re.compile(r"\s+")
_SHAPE = re.compile(r"[A-Z]{0,4}\d{8,18}[A-Z]{0,2}")


def normalise_number(text: str) -> str:
    """Trim, NFKC (full-width digits), upper-case, drop spaces and 子母件 suffixes."""
    value = unicodedata.normalize("NFKC", text)
    value = _SPACES.sub("", value).upper()
    return _SUFFIX.sub("", value)


def carriers_for(number: str) -> list[str]:
    """Every carrier whose number format fits `number` (normalised); bare digits may fit several."""
    return [carrier for carrier, pattern in _PATTERNS if pattern.fullmatch(number)]


def detect_carrier(number: str) -> str:
    """The one carrier whose format fits, or 未知 when none or several do."""
    found = carriers_for(number)
    return found[0] if len(found) == 1 else "未知"


def looks_like_waybill(text: str) -> bool:
    """True for text shaped like a waybill number of any carrier (after normalisation)."""
    number = normalise_number(text)
    return bool(carriers_for(number)) or bool(_SHAPE.fullmatch(number))


@lru_cache(maxsize=256)
def canonical_carrier(text: str | None) -> str | None:
    """Map a carrier cell (中通快递, ZTO, 顺丰速运, EMS …) to one of CARRIERS; None if empty."""
    if not text:
        return None
    value = unicodedata.normalize("NFKC", text).strip().upper()
    aliases = {
        "中通": ("中通", "ZTO"),
        "圆通": ("圆通", "YTO"),
        "申通": ("申通", "STO"),
        "韵达": ("韵达", "YUNDA", "YD"),
        "极兔": ("极兔", "J&T", "JT", "百世"),
        "顺丰": ("顺丰", "SF"),
        "京东": ("京东", "JD"),
        "邮政": ("邮政", "EMS", "中国邮政"),
    }
    for carrier, names in aliases.items():
        if any(value.startswith(name) for name in names):
            return carrier
    return value[:10]
