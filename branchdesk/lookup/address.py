"""The address model both sides share: a typed address and an area-table fragment are read into
the same parts (region, road, house number, lane, place, phase, building, unit, floor, room,
village group, side), so matching compares parts instead of loose substrings.

Pure Python. `normalise` gives the canonical text both sides are read from; `read_parts` reads
the structured parts that follow a name (路名 → 12号附1, 小区 → 3幢2单元502室); `name_segments`
cuts a typed address into the names a customer wrote (for typo-tolerant matching);
`canonical_name` folds the common aliases (菜场/菜市场/农贸市场, 一中/第一中学, 省/市 prefixes).

Decisions:
- Chinese numerals become digits where they count something: before a building, unit, floor,
  phase, group, lane or house marker (三幢, 七号楼, 二期, 一单元, 十八层, 六组) and in a range of
  them (一至三幢). Elsewhere (八一路, 十里铺) they stay part of the name.
- 号楼/栋/座/幢/# after a digit or a Latin letter are one building marker, **幢** (17# and 8#楼
  too). 楼 alone after a number is a floor (18楼 = 18层), 号楼 a building.
- 弄 and a 巷 after a number are lanes, never house numbers (长乐街16弄 ≠ 长乐街16号).
- 12号附1, 12之1号 and 12-1号 are house 12 (the rest is kept as `house_sub`); so are #12,
  No.12, 12# and 甲12号 right after a road.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

BUILDING = "幢"
MAX_DIGITS = 6  # house and building numbers longer than this are not numbers we care about

# --- numerals -----------------------------------------------------------------------------

_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_NUMERALS = "零〇一二两三四五六七八九十百"


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 三五 → 35 (digit by digit); else None."""
    if not text or any(c not in CN_NUMERALS for c in text):
        return None
    if "十" not in text and "百" not in text:
        value = 0
        for c in text:
            value = value * 10 + _CN_DIGIT[c]
        return value
    total = 0
    current = 0
    for c in text:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGIT[c]
    return total + current


# --- normalisation -------------------------------------------------------------------------

_SPACE_RE = re.compile(r"\s+")
_BRACKETS = str.maketrans(
    {"【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")", "〈": "(", "〉": ")"}
)
_COUNTED = r"(?:号楼|号院|栋|幢|座|期|单元|层|组|弄|巷|#|号(?![路街道巷桥]))"
_NUM = f"[{CN_NUMERALS}]{{1,5}}"
# 一至三幢 / 一到三号楼: both ends are numerals of the same counted thing
_CN_RANGE_RE = re.compile(rf"(?<![{CN_NUMERALS}])({_NUM})([至到\-~])({_NUM})(?={_COUNTED})")
_CN_COUNT_RE = re.compile(rf"(?<![{CN_NUMERALS}第])({_NUM})(?={_COUNTED})")
_CN_ORDINAL_RE = re.compile(rf"第({_NUM})(?={_COUNTED})")
_MARKER_RE = re.compile(r"(?<=[0-9A-Z])(?:号楼|#楼|栋|座|幢|#)")
# A number sign right after a road's name, before the number (中山西路#37, No.37, NO37; NFKC
# reads № as No) or after it (麓山南路50#), is a house number; elsewhere (天一家园#10-1-101,
# 17#) a building.
_ROAD_NUMBER_SIGN_RE = re.compile(r"(?<=[路街道巷])(\d{1,6})#(?![楼\d#])")
_NUMBER_SIGN_RE = re.compile(r"(?<=[路街道巷同])(?:#|NO\.?)(\d{1,6})(?![0-9#幢栋座楼号])")
# 甲25号, 乙25号 (北京): a house beside 25号, on its side of the road.
_HOUSE_PREFIX_RE = re.compile(r"(?<=[路街道巷同])[甲乙丙丁](?=\d{1,6}号)")
_DASH_RE = re.compile(r"[~\-—–―〜‐‑−]+")
_TO_RE = re.compile(r"(?<=[0-9A-Z号弄幢组层元期])[至到](?=[0-9A-Z])")


# A numbered part of a road's name (建新北路二支路, 人民南路二段, 三横路): written with digits
# (2支路, 2段) it is folded to numerals on both sides, and it is never a house number.
_ROAD_PART = r"(?:支路|支巷|支街|横路|横街|横巷|纵路|段|环路)"
_ROAD_PART_DIGITS_RE = re.compile(rf"(?<![0-9])([0-9]{{1,2}})(?={_ROAD_PART})")
ROAD_PART_RE = re.compile(rf"[{CN_NUMERALS}]{{1,3}}{_ROAD_PART}")
_CN_ONES = "零一二三四五六七八九"


def cn_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (0-99)."""
    tens, ones = divmod(value, 10)
    if not tens:
        return _CN_ONES[ones]
    return ("" if tens == 1 else _CN_ONES[tens]) + "十" + (_CN_ONES[ones] if ones else "")


def _road_part(match: re.Match[str]) -> str:
    return cn_numeral(int(match.group(1)))


def _cn_digits(match: re.Match[str]) -> str:
    value = cn_number(match.group(1))
    return match.group(0) if value is None else str(value)


def _cn_range(match: re.Match[str]) -> str:
    lo, hi = cn_number(match.group(1)), cn_number(match.group(3))
    if lo is None or hi is None:
        return match.group(0)
    return f"{lo}-{hi}"


# Building the area index normalises each rule's name, parent, district and note, most of
# them many times over (5,000 rules: 27,000 calls); a lookup normalises the same few again.
@lru_cache(maxsize=16_384)
def normalise(text: str) -> str:
    """Canonical form of an address or area text; see the module docstring for the choices."""
    text = unicodedata.normalize("NFKC", text or "").translate(_BRACKETS)
    text = _SPACE_RE.sub("", text)
    text = text.upper() if text.isascii() else _upper_latin(text)
    if "#" in text or "NO" in text:
        text = _NUMBER_SIGN_RE.sub(r"\1号", text)
        text = _ROAD_NUMBER_SIGN_RE.sub(r"\1号", text)
    if "甲" in text or "乙" in text or "丙" in text or "丁" in text:
        text = _HOUSE_PREFIX_RE.sub("", text)
    if any(c in CN_NUMERALS for c in text):
        text = _CN_RANGE_RE.sub(_cn_range, text)
        text = _CN_ORDINAL_RE.sub(_cn_digits, text)
        text = _CN_COUNT_RE.sub(_cn_digits, text)
    text = _MARKER_RE.sub(BUILDING, text)
    text = _DASH_RE.sub("-", text)
    if "段" in text or "支" in text or "横" in text or "纵" in text or "环" in text:
        text = _ROAD_PART_DIGITS_RE.sub(_road_part, text)
    return _TO_RE.sub("-", text)


def _upper_latin(text: str) -> str:
    return "".join(c.upper() if "a" <= c <= "z" else c for c in text)


# --- aliases -------------------------------------------------------------------------------

# Names a customer writes in several ways; each is folded to one form on both sides.
_MARKET_RE = re.compile(r"(?:农贸市场|菜市场|菜场)")
_SCHOOL_RE = re.compile(r"第?(\d{1,3})(?:中学|中(?![心学国华山]))")
_PRIMARY_RE = re.compile(r"第?(\d{1,3})(?:小学|小(?![区学]))")
_HOSPITAL_RE = re.compile(r"第(\d{1,3})(?=人民医院|医院)")
_CN_ORDINAL_NAME_RE = re.compile(
    rf"第?([{CN_NUMERALS}]{{1,3}})(?=中学|小学|医院|人民医院|中(?![心学国华山])|小(?![区学]))"
)


def _ordinal(match: re.Match[str]) -> str:
    value = cn_number(match.group(1))
    return match.group(0) if value is None else str(value)


def canonical_name(text: str) -> str:
    """The alias-folded form of a normalised name or address.

    菜场/菜市场/农贸市场 → 菜场; 第四中学/四中/4中 → 4中; 第一医院 → 1医院.
    """
    if "菜" in text or "农贸" in text:
        text = _MARKET_RE.sub("菜场", text)
    if "中" in text or "小" in text or "医院" in text:
        text = _CN_ORDINAL_NAME_RE.sub(_ordinal, text)
        text = _SCHOOL_RE.sub(r"\1中", text)
        text = _PRIMARY_RE.sub(r"\1小", text)
        text = _HOSPITAL_RE.sub(r"\1", text)
    return text


def strip_region_prefix(name: str, cities: frozenset[str]) -> str:
    """宁波市第一中学 → 第一中学; 浙江省人民医院 → 省人民医院; 宁波市中心医院 → 市中心医院.

    `cities` are short names of provinces and cities (宁波, 浙江 …). A name that is only the
    prefix is left alone.
    """
    for length in (3, 2):
        head = name[:length]
        if head in cities and len(name) > length + 2:
            rest = name[length:]
            if rest.startswith(("市第", "省第")):
                return rest[1:]
            if rest.startswith(("市", "省")):
                return rest
            return name
    return name


# --- the parts after a name ------------------------------------------------------------------

SIDES = {"东": "E", "西": "W", "南": "S", "北": "N"}


@dataclass
class Parts:
    """What follows a name in an address: numbers and labels, each None when not written."""

    house: int | None = None
    house_sub: str | None = None
    courtyard: bool = False  # 20号院
    lane: int | None = None
    lane_house: int | None = None  # 12弄3号: house 3 inside lane 12, not on the road
    phase: int | None = None
    building: str | None = None  # "3", "A", "A1"
    unit: int | None = None
    floor: int | None = None
    floor_from_room: bool = False  # the floor was read from the room number (1801 → 18)
    room: int | None = None
    group: int | None = None  # village group (村3组)
    side: str | None = None  # E W S N (西侧)
    end: int = 0  # where reading stopped


_D = rf"(\d{{1,{MAX_DIGITS}}})"
_L = r"([A-Z]{1,2}\d{0,2}|\d{1,4}[A-Z]?)"
_FILLER_RE = re.compile(
    r"(?:小区|花园|新村|家园|公寓|苑|社区|大院|院内|院|村民委员会|村委会|村委|居委会|村(?=\d))"
)
_TOKENS: list[tuple[str, re.Pattern[str]]] = [
    ("skip", re.compile(r"[()\-,.、，。:：]|第")),
    ("side", re.compile(r"(?:([东西南北])侧|路([东西南北])|以([东西南北]))")),
    ("phase", re.compile(rf"{_D}期")),
    ("courtyard", re.compile(rf"{_D}号?院")),
    ("compact3", re.compile(rf"{_L}{BUILDING}?-{_D}-{_D}(?:室|号)?")),
    ("lane", re.compile(rf"{_D}号?(?:弄|巷)")),
    ("house_sub", re.compile(rf"{_D}(?:号?(?:附|之)|-){_D}号")),
    ("house_sub2", re.compile(rf"{_D}号(?:附|之)-?{_D}(?:号)?")),
    ("house", re.compile(rf"{_D}号(?!院)")),
    ("building", re.compile(rf"{_L}{BUILDING}")),
    ("unit", re.compile(rf"{_D}单元")),
    ("floor", re.compile(rf"{_D}(?:层|楼|F)")),
    ("room", re.compile(rf"{_D}(?:室|房|户)")),
    ("group", re.compile(rf"{_D}组")),
    ("compact2", re.compile(rf"{_D}-{_D}")),
    # not a date or a time (湖南路 12月7日送, 12.8送, 2026年): no house number
    ("number", re.compile(rf"{_D}(?![\d月年日点时分]|[.:]\d)")),
    ("letter", re.compile(r"([A-Z]{1,2})(?=\d|$)")),
]


def read_parts(text: str, start: int = 0, *, road: bool) -> Parts:
    """The parts written in normalised `text` from `start` until the next name begins.

    `road` says whether the name before was a road (a bare number is then a house number)
    or a place (a bare short number is a building, a long one a room).
    """
    parts = Parts()
    pos = start
    length = len(text)
    first = True
    while pos < length:
        if first:
            filler = _FILLER_RE.match(text, pos)
            if filler is not None:
                pos = filler.end()
                first = False
                continue
        first = False
        if ROAD_PART_RE.match(text, pos):
            break  # 建新北路二支路: the name goes on, the 2 is no house number
        for name, pattern in _TOKENS:
            m = pattern.match(text, pos)
            if m is None:
                continue
            if not _take(parts, name, m, road):
                continue
            pos = m.end()
            break
        else:
            break
    parts.end = pos
    if parts.floor is None and parts.room is not None and parts.room >= 101:
        digits = str(parts.room)
        if len(digits) in (3, 4):
            parts.floor = int(digits[:-2])
            parts.floor_from_room = True
    return parts


def _take(parts: Parts, name: str, m: re.Match[str], road: bool) -> bool:
    """Store token `name`; False when it does not fit (the next token is tried)."""
    g = m.groups()
    if name == "skip":
        return True
    if name == "side":
        letter = next(x for x in g if x)
        parts.side = SIDES[letter]
        return True
    if name == "phase":
        parts.phase = int(g[0])
        return True
    if name == "courtyard":
        if parts.house is not None:
            return False
        parts.house, parts.courtyard = int(g[0]), True
        return True
    if name == "compact3":
        if road and parts.house is None and g[0].isdigit():
            # 人民路12-3-401: house 12, then building/unit/room in it
            parts.house = int(g[0])
            parts.unit, parts.room = int(g[1]), int(g[2])
            return True
        if parts.building is None:
            parts.building = g[0]
        parts.unit, parts.room = int(g[1]), int(g[2])
        return True
    if name in ("house_sub", "house_sub2"):
        if parts.house is not None:
            return False
        parts.house, parts.house_sub = int(g[0]), g[1]
        return True
    if name == "house":
        if parts.lane is not None and parts.house is None and parts.lane_house is None:
            parts.lane_house = int(g[0])
            return True
        if parts.house is not None:
            # 姚江路12号3号: the second is inside the first (a courtyard house)
            parts.room = parts.room or int(g[0])
            return True
        parts.house = int(g[0])
        return True
    if name == "lane":
        if parts.lane is not None:
            return False
        parts.lane = int(g[0])
        return True
    if name == "building":
        # 姚江路12号楼 is building 12 (of a compound on the road), not house number 12: a
        # rule of the road's house numbers cannot be sure of it (as with 12弄)
        if parts.building is not None:
            return False
        parts.building = g[0]
        return True
    if name == "unit":
        parts.unit = int(g[0])
        return True
    if name == "floor":
        parts.floor = int(g[0])
        return True
    if name == "room":
        parts.room = int(g[0])
        return True
    if name == "group":
        parts.group = int(g[0])
        return True
    if name == "compact2":
        a, b = int(g[0]), int(g[1])
        if road and parts.house is None and parts.lane is None:
            parts.house, parts.house_sub = a, g[1]
        elif parts.building is None:
            parts.building, parts.room = g[0], b
        elif parts.unit is None:
            parts.unit, parts.room = a, b
        else:
            return False
        return True
    if name == "number":
        value = int(g[0])
        if road and len(g[0]) >= 5 and parts.house is None:
            return False  # 帽儿胡同 100009: a postcode (or a phone's part), no house number
        if road and parts.house is None and parts.lane is None and parts.building is None:
            parts.house = value
        elif parts.lane is not None and parts.house is None and parts.lane_house is None:
            parts.lane_house = value  # 12弄3: the house inside the lane
        elif (
            parts.building is None and parts.unit is None and len(g[0]) <= 3 and parts.room is None
        ):
            parts.building = g[0]  # after 3单元, 501 is the room, not building 501
        elif parts.room is None:
            parts.room = value
        else:
            return False
        return True
    if name == "letter":
        if parts.building is None and not road:
            parts.building = g[0]
            return True
        return False
    return False


def label_number(label: str | None) -> int | None:
    """A building label as a number: "3" → 3, "A" → 1, "C" → 3; others None."""
    if not label:
        return None
    if label.isdigit():
        return int(label)
    if len(label) == 1 and "A" <= label <= "Z":
        return ord(label) - 64
    return None


# --- name segments of a typed address --------------------------------------------------------

_STRUCTURE_RE = re.compile(
    rf"(?:{_D}(?:号院|号|弄|巷|{BUILDING}|单元|层|楼|室|组|期|F)?|[A-Z]{{1,2}}\d*{BUILDING}?"
    r"|[()\-,.、，。:：;；/#]|东侧|西侧|南侧|北侧)+"
)
_TOWN_END_RE = re.compile(r"(?:街道|镇|乡|开发区|工业区)")
_ROAD_END_RE = re.compile(
    r"(?:大道|大街|路|街(?!道)|巷|胡同)(?!街道|社区|居委|村委)"
    r"(?=[^\d号弄巷东西南北中一二三四五六七八九十段侧口])"
)


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    end: int


def name_segments(text: str, start: int = 0) -> list[Segment]:
    """The runs of name text in normalised `text` from `start`: what is left between numbers,
    building/room markers and punctuation, cut after a town (街道/镇) and after a road name
    that runs straight into a place name (姚江路桂花园 → 姚江路, 桂花园)."""
    segments: list[Segment] = []
    pos = start
    for m in _STRUCTURE_RE.finditer(text, start):
        if m.start() > pos:
            _cut(text, pos, m.start(), segments)
        pos = m.end()
    if pos < len(text):
        _cut(text, pos, len(text), segments)
    return segments


def _cut(text: str, start: int, end: int, out: list[Segment]) -> None:
    pos = start
    while pos < end:
        cut = end
        for pattern in (_TOWN_END_RE, _ROAD_END_RE):
            m = pattern.search(text, pos, end)
            if m is not None and m.end() < end and m.end() - pos >= 2:
                cut = min(cut, m.end())
        if cut - pos >= 1:
            out.append(Segment(text[pos:cut], pos, cut))
        pos = cut


__all__ = [
    "BUILDING",
    "CN_NUMERALS",
    "MAX_DIGITS",
    "Parts",
    "Segment",
    "canonical_name",
    "cn_number",
    "label_number",
    "name_segments",
    "normalise",
    "read_parts",
    "strip_region_prefix",
]
