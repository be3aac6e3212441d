"""Address matching: which courier delivers to this address, how sure that is, and why.

Pure Python (no Qt widgets, no database): the importer turns each area cell into `Fragment`s
with `parse_area_cell` (lookup/fragments.py), the lookup service feeds stored rules to
`AddressMatcher`. Both sides are read into the same parts (lookup/address.py).

How an address is matched (DESIGN.md "Address matching semantics", issue 12):
1. Normalise it, drop pasted phone numbers, recognise the province/city/district prefix and
   fold the common aliases (菜场/菜市场, 四中/第四中学).
2. Find every rule name in it (one automaton over the names, built once per table change).
   A road name that is the start of a 街道/社区 name (中山路街道) is not the road.
3. Read the parts written after each name (house number, lane, phase, building, unit, floor,
   room, village group, side) and check them against the rule: range, parity, exclusions,
   lettered blocks, the building a unit range belongs to. A lane is not a house number.
4. Names written with one wrong, missing or extra character (桂花圆 for 桂花园) or shortened
   (浙大玉泉校区) are found on the parsed name parts: "did you mean", labelled fuzzy.
5. The 备注 of the table is searched as a weaker hint ("备注提到"); the district's
   catch-all courier (or, with no district written, the branch's own district's) comes last,
   labelled as a district fallback.

Every candidate carries a confidence level (`LEVELS`): exact — the rule is fully met;
inferred — a part the rule needs is missing (no house number …) or was read indirectly
(floor 18 from room 1801); fuzzy; note; district. `ambiguous` flags a tie: two couriers
equally good, a side or condition the address does not settle, or a narrower rule of
another courier on the same name that the address does not settle.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import ahocorasick_rs

from branchdesk.i18n import joined, tr
from branchdesk.lookup.address import (
    BUILDING,
    Parts,
    Segment,
    canonical_name,
    label_number,
    name_segments,
    normalise,
    read_parts,
    strip_region_prefix,
)
from branchdesk.lookup.fragments import (
    KINDS,
    Fragment,
    FragmentError,
    describe,
    is_label_keyword,
    parse_area_cell,
)
from branchdesk.lookup.regions import (
    Region,
    city_written,
    looks_like_address,
    recognise,
    region_district_short_names,
    region_short_names,
    shared_district,
    short_name,
    unknown_district,
)
from branchdesk.simplified import folded

LEVELS = ("exact", "inferred", "fuzzy", "note", "district", "none")

# Ranking ladder: each tier is worth 1000; within a tier the kind of rule (sub-tier, worth
# 100) and then the length of the name break ties.
TIER_BUILDING = 9
TIER_COMMUNITY = 8
TIER_ROAD_RANGE = 7
TIER_ROAD = 6
TIER_UNCONFIRMED = 5  # a rule whose name matched; a part it needs is not in the address
TIER_TOWN = 4
TIER_FUZZY = 3
TIER_NOTE = 2
TIER_DISTRICT = 1

_MAX_QUERY = 500  # an address longer than this is cut; nothing useful sits past it
_PHONE_RE = re.compile(
    r"(?<![0-9０-９])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![0-9０-９])"
    r"|(?<![0-9０-９])0\d{2,3}-\d{7,8}(?![0-9０-９])"
)
# A road name followed by one of these is part of a 街道/社区 name, not the road.
_NOT_THE_ROAD = ("街道", "社区", "居委", "村委", "办事处", "片区")
_BOUND_AFTER = re.compile(r"以[东西南北]|(?:交叉口|交叉路口|路口|交口|交汇|交界)")
_FILLER_WORDS = frozenset(
    {"小区", "花园", "新村", "家园", "公寓", "苑", "社区", "大厦", "广场", "东门", "西门"}
)
_NAME_END = frozenset("路街巷道园苑城村区场厦院府庭湾居")
_GENERIC_ENDINGS = frozenset(
    {"广场", "小区", "花园", "大厦", "写字楼", "中心", "商场", "公寓", "家园", "新村", "社区"}
)
_BARE_LABEL = re.compile(r"\d{1,4}[A-Z]?|[A-Z]{1,2}\d{0,3}")
_NUMERAL_OR_SIDE = frozenset("零〇一二两三四五六七八九十百东西南北中上下前后左右0123456789")


# --- rules as stored -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaRuleSpec:
    rule_id: int
    courier_id: int
    courier_name: str
    keyword: str
    parent_keyword: str | None
    kind: str
    number_lo: int | None
    number_hi: int | None
    parity: str
    district: str | None
    town: str | None
    source_text: str
    segment_code: str | None = None
    detail: Mapping[str, Any] | None = None  # Fragment.detail() as stored
    note: str | None = None  # the row's 备注

    def fragment_described(self) -> str:
        """The rule as it was read (for the owner and the `match` of a lookup)."""
        try:
            return describe(self.fragment())
        except (TypeError, ValueError, KeyError):
            return self.source_text

    def fragment(self) -> Fragment:
        return Fragment(
            self.keyword,
            self.parent_keyword,
            self.kind,
            self.number_lo,
            self.number_hi,
            self.parity,
            self.source_text,
        ).with_detail(dict(self.detail) if self.detail else None)


@dataclass(frozen=True)
class Candidate:
    rule: AreaRuleSpec
    score: float
    reason: str
    level: str = "exact"
    described: str = ""  # the rule as it was read: 花港路 1-60号 单号
    undecided: bool = False  # a side or condition the address does not settle
    missing: bool = False  # a part the rule needs is not in the address
    name: str = ""  # the name that was found (canonical)


@dataclass(frozen=True)
class AddressMatch:
    query: str
    normalised: str
    region: Region | None
    candidates: list[Candidate]
    ambiguous: bool
    level: str = "none"  # the level of the best candidate
    tie_reason: str | None = None
    caution: str | None = None  # why the best answer, sure as its rule matched, is to check


def describe_range(lo: int | None, hi: int | None, parity: str) -> str:
    """A range as the user reads it: 1-99, 151 and above, odd numbers …"""
    if lo is None:
        text = tr("any number")
    elif hi is None:
        text = tr("{lo} and above", lo=lo)
    elif lo == hi:
        text = str(lo)
    else:
        text = f"{lo}-{hi}"
    if parity == "odd":
        return tr("{range}, odd numbers only", range=text)
    if parity == "even":
        return tr("{range}, even numbers only", range=text)
    return text


def _place_key(name: str | None) -> str:
    """A district as compared between rule and address: 海曙区, 海曙 and 宁波市海曙区 agree."""
    if not name:
        return ""
    text = normalise(name)
    return short_name(recognise(text).district or text)


_TOWN_WORDS = ("街道", "镇", "乡")


def _town_key(town: str | None) -> str:
    """A town as compared between rule and address: 白马镇 and 白马 agree."""
    text = normalise(town or "")
    for word in _TOWN_WORDS:
        if text.endswith(word) and len(text) > len(word) + 1:
            return text[: -len(word)]
    return text


def _city_key(district: str | None) -> str:
    """The city of a rule's district (海曙区 → 宁波); "" where the name does not say which
    (朝阳区 is in 北京 and 长春) or there is none."""
    if not district:
        return ""
    return short_name(recognise(normalise(district)).city or "")


@dataclass(frozen=True)
class _Scope:
    """Where the address says it is, as far as it rules out rules of the branch's table: the
    district written, and the city written (with the branch's own city, for rules whose
    district does not say theirs: a branch's table is of its own city)."""

    district: str = ""
    city: str = ""
    home_city: str = ""
    town: str = ""  # the key of a town of the table's written in the address (白马镇: 白马)
    # name → the towns the table has rules of that name in: the town written rules out a
    # rule only where the table has that name in the town written too (新民村 of 白马镇, not
    # 石桥镇's); a shop's address with its 街道 (鼓楼街道中山西路) keeps the road's rules.
    towns_of: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def excludes(self, rule: _Rule) -> bool:
        if self.district and rule.district_key and rule.district_key != self.district:
            return True
        if (
            self.town
            and rule.town_key
            and rule.town_key != self.town
            and self.town in self.towns_of.get(rule.name, ())
        ):
            return True
        rule_city = rule.city_key or self.home_city
        return bool(self.city and rule_city and rule_city != self.city)


@cache
def _region_prefixes() -> frozenset[str]:
    return region_short_names()


def canonical(text: str) -> str:
    """The name as the automaton holds it: normalised, region prefix and aliases folded."""
    return canonical_name(strip_region_prefix(normalise(text), _region_prefixes()))


# --- rules as the matcher reads them --------------------------------------------------------------


@dataclass
class _Rule:
    spec: AreaRuleSpec
    name: str  # what is searched for (canonical)
    shown: str  # the name as the table writes it
    cls: str  # place | road | town | district
    need: str | None  # the part the range counts: house lane lane_house building unit floor group
    lo: int | None
    hi: int | None
    letters: bool
    parity: str
    building: str | None  # a fixed building: 万达广场A座, 3栋1-2单元
    phase: int | None
    exclude: tuple[tuple[int, int | None], ...]
    side: str | None
    condition: str | None
    lane: int | None  # the lane a lane_house range is inside
    district_key: str
    city_key: str  # the city of its district, where the district's name says it ("" if not)
    town: str  # its town or street (镇, 乡, 街道) as the table writes it, normalised ("" if none)
    town_key: str  # …without 镇/乡/街道: 望春 and 望春街道 agree
    described: str
    specific: bool = field(default=False)  # narrower than the bare name


def _compile(spec: AreaRuleSpec) -> _Rule | None:
    if spec.kind not in KINDS:
        return None
    fragment = spec.fragment()
    keyword = normalise(fragment.keyword)
    parent = normalise(fragment.parent or "")
    if not keyword:
        return None
    # compared folded (後街 and 后街 meet; 乾陵路 as 干陵路), shown as the table writes it
    name, shown = folded(keyword), keyword
    building = fragment.building
    phase = fragment.phase
    need: str | None = None
    lo, hi = fragment.lo, fragment.hi
    if is_label_keyword(keyword, parent, fragment.kind):
        label = keyword[len(parent) :]
        if label.endswith(BUILDING) or _BARE_LABEL.fullmatch(label):
            building = label.removesuffix(BUILDING)
            name, shown = folded(parent), parent
        elif label.endswith("期") and label[:-1].isdigit():
            phase = int(label[:-1])
            name, shown = folded(parent), parent
        elif label.endswith("单元") and label[:-2].isdigit():
            need, lo, hi = "unit", int(label[:-2]), int(label[:-2])
            name, shown = folded(parent), parent
    kind = fragment.kind
    if kind == "building-range":
        cls = "place"
        need = fragment.on if fragment.on not in ("house", "lane") else "building"
    elif kind == "road-range":
        cls = "road"
        need = fragment.on if lo is not None else ("house" if fragment.parity != "all" else None)
        if fragment.lane is not None and need == "house":
            need = "lane_house"  # 富民路88弄1-30号: the house inside lane 88
    elif kind == "road":
        cls = "road"
    elif kind == "town":
        cls = "town"
    elif kind == "district":
        cls = "district"
    else:
        cls = "place"
    specific = need is not None or building is not None or phase is not None
    return _Rule(
        spec=spec,
        name=canonical(name),
        shown=shown,
        cls=cls,
        need=need,
        lo=lo,
        hi=hi,
        letters=fragment.letters,
        parity=fragment.parity,
        building=building,
        phase=phase,
        exclude=fragment.exclude,
        side=fragment.side,
        condition=fragment.condition,
        lane=fragment.lane,
        district_key=_place_key(spec.district),
        city_key=_city_key(spec.district),
        town=normalise(spec.town or ""),
        town_key=_town_key(spec.town),
        described=describe(fragment),
        specific=specific or bool(fragment.side or fragment.condition or fragment.exclude),
    )


@dataclass
class _Scored:
    tier: int
    level: str
    reason: str
    undecided: bool = False
    missing: bool = False


def _in_range(value: int, lo: int | None, hi: int | None, parity: str) -> bool:
    if lo is not None and value < lo:
        return False
    if hi is not None and value > hi:
        return False
    if parity == "odd":
        return value % 2 == 1
    if parity == "even":
        return value % 2 == 0
    return True


def _excluded(value: int | None, exclude: tuple[tuple[int, int | None], ...]) -> bool:
    if value is None:
        return False
    return any(lo <= value and (hi is None or value <= hi) for lo, hi in exclude)


def _same_building(rule_label: str, written: str | None) -> bool | None:
    """None when the address gives no building."""
    if written is None:
        return None
    if rule_label == written:
        return True
    a, b = label_number(rule_label), label_number(written)
    return a is not None and a == b and rule_label.isdigit() == written.isdigit()


def _side_words(side: str) -> str:
    return {
        "E": tr("east"),
        "W": tr("west"),
        "S": tr("south"),
        "N": tr("north"),
    }[side]


def _range_text(rule: _Rule) -> str:
    if rule.letters and rule.lo is not None:
        hi = chr(64 + rule.hi) if rule.hi else "…"
        return f"{chr(64 + rule.lo)}-{hi}"
    if rule.lo is None and rule.parity == "odd":
        return tr("odd numbers")
    if rule.lo is None and rule.parity == "even":
        return tr("even numbers")
    return describe_range(rule.lo, rule.hi, rule.parity)


def _evaluate(rule: _Rule, parts: Parts, text: str) -> _Scored | None:
    """How `rule` fits the parts written after its name; None when the address is outside it."""
    missing: list[str] = []
    inferred: list[str] = []
    keyword = rule.shown
    if rule.phase is not None:
        if parts.phase is None:
            missing.append(
                tr(
                    'The address does not say which phase; "{keyword}" covers phase {phase}',
                    keyword=keyword,
                    phase=rule.phase,
                )
            )
        elif parts.phase != rule.phase:
            return None
    if rule.building is not None:
        same = _same_building(rule.building, parts.building)
        if same is None:
            missing.append(
                tr(
                    'No building in the address; "{keyword}" covers building {building}',
                    keyword=keyword,
                    building=rule.building,
                )
            )
        elif not same:
            return None
    exact_tier = {"place": TIER_COMMUNITY, "road": TIER_ROAD, "town": TIER_TOWN}.get(
        rule.cls, TIER_DISTRICT
    )
    reason = ""
    if rule.need is not None:
        value, shown_value = _value(rule, parts)
        if value is None:
            if rule.need == "house" and parts.building is not None and rule.cls == "road":
                missing.append(
                    tr(
                        "The address gives building {building}, not a house number; "
                        '"{keyword}" covers house numbers {range}',
                        building=parts.building,
                        keyword=keyword,
                        range=_range_text(rule),
                    )
                )
            elif rule.need == "house" and parts.lane is not None:
                missing.append(
                    tr(
                        'The address gives lane {lane}, not a house number; "{keyword}" '
                        "covers house numbers {range}",
                        lane=parts.lane,
                        keyword=keyword,
                        range=_range_text(rule),
                    )
                )
            else:
                missing.append(_missing_reason(rule, keyword))
        else:
            if not _in_range(value, rule.lo, rule.hi, rule.parity):
                return None
            if rule.need == "floor" and parts.floor_from_room:
                inferred.append(
                    tr(
                        'Floor {floor} read from room {room}; "{keyword}" covers floors {range}',
                        floor=parts.floor,
                        room=parts.room,
                        keyword=keyword,
                        range=_range_text(rule),
                    )
                )
            if rule.need == "lane_house":
                exact_tier = TIER_ROAD_RANGE
                reason = tr(
                    'House number {number} in lane {lane} of "{keyword}" is in {range}',
                    number=shown_value,
                    lane=rule.lane,
                    keyword=keyword,
                    range=_range_text(rule),
                )
            elif rule.need in ("house", "lane"):
                exact_tier = TIER_ROAD_RANGE
                reason = tr(
                    'House number {number} on "{keyword}" is in {range}',
                    number=shown_value,
                    keyword=keyword,
                    range=_range_text(rule),
                )
            else:
                exact_tier = TIER_BUILDING
                reason = _building_reason(rule, shown_value, keyword)
    elif rule.building is not None or rule.phase is not None:
        exact_tier = TIER_BUILDING
        reason = tr('Block "{keyword}" matched', keyword=rule.spec.keyword)
    if _excluded(parts.house, rule.exclude):
        return None
    undecided = ""
    if rule.side is not None:
        side = parts.side if parts.side is not None else _side_written(text, parts.end)
        if side is not None:
            if side != rule.side:
                return None
        elif not (rule.parity != "all" and parts.house is not None):
            undecided = tr(
                'Only the {side} side of "{keyword}"{condition}; the address does not say '
                "which side — check",
                side=_side_words(rule.side),
                keyword=keyword,
                condition=f"（{rule.condition}）" if rule.condition else "",
            )
    elif rule.condition and rule.condition not in text:
        undecided = tr(
            'Only where "{condition}"; the address does not say — check',
            condition=rule.condition,
        )
    if missing or undecided:
        reasons = [*missing, *([undecided] if undecided else [])]
        return _Scored(
            TIER_UNCONFIRMED,
            "inferred",
            joined(reasons),
            undecided=bool(undecided),
            missing=bool(missing),
        )
    if not reason:
        reason = {
            "place": tr('Community or place "{keyword}" matched', keyword=keyword),
            "road": tr('Road "{keyword}" matched (whole road)', keyword=keyword),
            "town": tr('Town or street "{keyword}" matched', keyword=keyword),
        }.get(rule.cls, tr('District "{keyword}" matched', keyword=keyword))
    if rule.exclude and parts.house is None and rule.cls == "road":
        inferred.append(
            tr(
                'No house number in the address; "{keyword}" is covered except {numbers}',
                keyword=keyword,
                numbers="、".join(str(lo) if lo == hi else f"{lo}-{hi}" for lo, hi in rule.exclude),
            )
        )
        return _Scored(TIER_UNCONFIRMED, "inferred", joined(inferred), missing=True)
    if inferred:
        return _Scored(exact_tier, "inferred", joined(inferred))
    level = "district" if rule.cls == "district" else "exact"
    return _Scored(exact_tier, level, reason)


_SIDE_WRITTEN_RE = re.compile(r"以([东西南北])|([东西南北])侧")
_SIDE_LETTER = {"东": "E", "西": "W", "南": "S", "北": "N"}


def _side_written(text: str, start: int) -> str | None:
    """A side the address states further on (…解放路交叉口以北5号 → N)."""
    m = _SIDE_WRITTEN_RE.search(text, start)
    if m is None:
        return None
    return _SIDE_LETTER[m.group(1) or m.group(2)]


def _value(rule: _Rule, parts: Parts) -> tuple[int | None, str]:
    need = rule.need
    if need == "house":
        return parts.house, str(parts.house)
    if need == "lane":
        return parts.lane, str(parts.lane)
    if need == "lane_house":
        if parts.lane is None:
            return None, ""
        if parts.lane != rule.lane:
            return -1, str(parts.lane)  # another lane: outside the rule
        return parts.lane_house, str(parts.lane_house)
    if need == "building":
        written = parts.building
        if written is None:
            return None, ""
        if rule.letters != (not written.isdigit()):
            if rule.letters and len(written) == 1:
                pass
            else:
                return -1, written
        number = label_number(written)
        return (number if number is not None else -1), written
    if need == "unit":
        if rule.building is not None and parts.building is None:
            return None, ""
        return parts.unit, str(parts.unit)
    if need == "floor":
        return parts.floor, str(parts.floor)
    if need == "group":
        return parts.group, str(parts.group)
    return None, ""


def _missing_reason(rule: _Rule, keyword: str) -> str:
    rng = _range_text(rule)
    if rule.need == "lane_house":
        return tr(
            'No house number in lane {lane}; "{keyword}" covers numbers {range} of lane {lane}',
            keyword=keyword,
            range=rng,
            lane=rule.lane,
        )
    if rule.need in ("house", "lane"):
        return tr(
            'No house number in the address; "{keyword}" covers numbers {range}',
            keyword=keyword,
            range=rng,
        )
    if rule.need == "unit":
        return tr(
            'No unit in the address; "{keyword}" covers units {range}', keyword=keyword, range=rng
        )
    if rule.need == "floor":
        return tr(
            'No floor in the address; "{keyword}" covers floors {range}',
            keyword=keyword,
            range=rng,
        )
    if rule.need == "group":
        return tr(
            'No village group in the address; "{keyword}" covers groups {range}',
            keyword=keyword,
            range=rng,
        )
    return tr(
        'No building number in the address; "{keyword}" covers buildings {range}',
        keyword=keyword,
        range=rng,
    )


def _building_reason(rule: _Rule, value: str, keyword: str) -> str:
    rng = _range_text(rule)
    if rule.need == "unit":
        return tr(
            'Unit {number} of "{keyword}" is in units {range}',
            number=value,
            keyword=keyword,
            range=rng,
        )
    if rule.need == "floor":
        return tr(
            'Floor {number} of "{keyword}" is in floors {range}',
            number=value,
            keyword=keyword,
            range=rng,
        )
    if rule.need == "group":
        return tr(
            'Group {number} of "{keyword}" is in groups {range}',
            number=value,
            keyword=keyword,
            range=rng,
        )
    return tr(
        'Building {number} of "{keyword}" is in buildings {range}',
        number=value,
        keyword=keyword,
        range=rng,
    )


def _score(tier: int, sub: int, length: int) -> float:
    return float(tier * 1000 + sub * 100 + min(length, 99))


# --- the matcher ---------------------------------------------------------------------------------


class AddressMatcher:
    """All area rules of the branch, ready to match addresses (build once, match many).

    Why one class of this size: the index (names, numbers, buildings, notes) is built once and
    every match level (exact, inferred, fuzzy, note, district) reads all of it; reading an
    address (address.py), fragments (fragments.py) and regions (regions.py) live apart.
    """

    def __init__(self, rules: Iterable[AreaRuleSpec]) -> None:
        by_name: dict[str, list[_Rule]] = {}
        self._notes: list[tuple[str, _Rule]] = []
        seen_notes: set[tuple[int, str]] = set()
        for spec in rules:
            try:
                rule = _compile(spec)
            except (FragmentError, ValueError, TypeError, KeyError):
                rule = None
            if rule is None or not rule.name:
                continue
            by_name.setdefault(rule.name, []).append(rule)
            note = normalise(spec.note or "")
            if note and (spec.courier_id, note) not in seen_notes:
                seen_notes.add((spec.courier_id, note))
                self._notes.append((canonical_name(note), rule))
        # Names of one character are qualifiers, never names a customer types (单, 东).
        names = [n for n in by_name if len(n) >= 2]
        # 春江花月小区 is also found when written 春江花月
        aliases: dict[str, str] = {}
        for n in names:
            if n.endswith("小区") and len(n) >= 5:
                stem = n[:-2]
                if stem not in by_name and stem not in aliases:
                    aliases[stem] = n
        # 南海万达广场 is also found when written 万达广场 (a place named with its region)
        prefixes = _region_prefixes() | region_district_short_names()
        for n in names:
            rules_ = by_name[n]
            if rules_[0].cls != "place":
                continue
            for length in (3, 2):
                rest = n[length:]
                if n[:length] in prefixes and len(rest) >= 4 and rest not in by_name:
                    aliases.setdefault(rest, n)
                    break
        # The towns of the table (白马镇, 望春街道): one written in an address keeps the match
        # to that town's rules (two villages named 新民村 in two towns).
        # Searched for as written with 镇/乡/街道 only: 望春 alone is the start of 望春桥路.
        self._towns = sorted(
            {
                (r.town, r.town_key)
                for rs in by_name.values()
                for r in rs
                if r.town.endswith(_TOWN_WORDS) and r.town_key
            }
        )
        self._town_keys = frozenset(key for _town, key in self._towns)
        towns_of: dict[str, set[str]] = {}
        for rs in by_name.values():
            for r in rs:
                if r.town_key:
                    towns_of.setdefault(r.name, set()).add(r.town_key)
        self._towns_of = {n: frozenset(t) for n, t in towns_of.items() if len(t) > 1}
        # town → a rule of each courier with rules there (粤海街道 written alone: its couriers)
        self._in_town: dict[str, dict[int, _Rule]] = {}
        for rs in by_name.values():
            for r in rs:
                if r.town_key:
                    self._in_town.setdefault(r.town_key, {}).setdefault(r.spec.courier_id, r)
        self._names = names + list(aliases)
        self._rules = [by_name[n] for n in names] + [by_name[aliases[a]] for a in aliases]
        self._shown = [rules_[0].shown for rules_ in self._rules]
        self._index_of = {n: i for i, n in enumerate(self._names)}
        self._by_district: dict[str, list[int]] = {}
        for index, rules_ in enumerate(self._rules):
            if any(r.cls == "district" for r in rules_):
                self._by_district.setdefault(_place_key(self._names[index]), []).append(index)
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self._names, store_patterns=False) if self._names else None
        )
        # Character pairs → names, for typo-tolerant look-ups (built on first need).
        self._pairs: dict[str, list[int]] | None = None
        self._similar: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._note_text = "\x00".join(n for n, _ in self._notes)
        self._note_starts: list[int] = []
        offset = 0
        for note, _rule in self._notes:
            self._note_starts.append(offset)
            offset += len(note) + 1

    def _crossing(
        self,
        text: str,
        prefix: int,
        found: list[tuple[int, int, int]],
        ranked: list[Candidate],
    ) -> str | None:
        """Why the answer is a tie when the address is an intersection of two roads
        (广州路与上海路交叉口, 东大街与南大街十字): either road's courier may deliver;
        None where one courier has both roads."""
        at = _CROSSING_WORDS.search(text, prefix)
        if at is None or re.match(r"[以往向][东西南北]", text[at.end() :]):
            return None  # 交叉口以北50米: a side of one road, which its rule may say
        # Two roads written together right before the word (广州路与上海路交叉口, 东大街南大街
        # 十字): not a road anywhere in the address and a 路口 of a place (三路口村, 公园路口
        # 公交站 after 中山西路88号).
        roads_found = [
            (i, s, e) for i, s, e in found if s >= prefix and self._names[i][-1] in "路街道巷"
        ]
        end = at.start() + (at.group() == "路口" and text[at.start()] == "路")  # 解放路口
        second = [h for h in roads_found if h[2] in (at.start(), end)]
        pair = next(
            (
                (first, last)
                for last in second
                for first in roads_found
                if first[2] <= last[1] and text[first[2] : last[1]] in _BETWEEN_ROADS
            ),
            None,
        )
        if pair is None:
            return None
        roads = [self._shown[pair[0][0]], self._shown[pair[1][0]]]
        if roads[0] == roads[1]:
            return None
        names = {self._names[i] for i, s, _e in found if self._shown[i] in roads[:2]}
        if len({c.rule.courier_id for c in ranked if c.name in names}) < 2 and all(
            self._one_courier(name) for name in names
        ):
            return None  # 东风路与文化路交叉口, both roads 杨帆's
        return tr(
            "An intersection of {a} and {b}: either road's courier may deliver — check",
            a=roads[0],
            b=roads[1],
        )

    def _two_places(self, ranked: list[Candidate], hits: list[tuple[int, int, int]]) -> str | None:
        """Why the answer is a tie when the address names two places of two couriers, neither
        inside the other (德加公寓 嘉绿苑): the address does not say which it is."""
        top = ranked[0]
        if top.level != "exact" or _tier(top) != TIER_COMMUNITY:
            return None
        for other in ranked[1:]:
            if (
                other.rule.courier_id == top.rule.courier_id
                or other.level != "exact"
                or _tier(other) != TIER_COMMUNITY
                or other.name == top.name
                or normalise(other.rule.parent_keyword or "") == top.name
                or normalise(top.rule.parent_keyword or "") == other.name
            ):
                continue
            spans = {self._names[i]: (s, e) for i, s, e in hits}
            a, b = spans.get(top.name), spans.get(other.name)
            if a is None or b is None or (a[0] < b[1] and b[0] < a[1]):
                continue
            return tr(
                "The address names two places, {a} and {b}, of two couriers: it does not say "
                "which — check",
                a=top.rule.keyword,
                b=other.rule.keyword,
            )
        return None

    def _other_town(self, town: str, ranked: list[Candidate]) -> str | None:
        """Why the best answer is to be checked when the address names a town of the table
        and the rule that matched is another town's (大堰镇溪口村, the table's 溪口村 being
        溪口镇's): a village's name repeats across towns; None otherwise."""
        if not town or not ranked or ranked[0].level not in ("exact", "inferred"):
            return None
        rule_town = ranked[0].rule.town
        if not rule_town or _town_key(rule_town) == town:
            return None
        written = next((form for form, key in self._towns if key == town), town)
        return tr(
            "The address names {town}, and the rule that matched is {rule_town}'s: check the "
            "town before telling the customer.",
            town=written,
            rule_town=normalise(rule_town),
        )

    def _town_written(self, text: str, prefix: int, found: list[tuple[int, int, int]]) -> str:
        """The first of the table's towns written in `text` after the region, not as part of
        a longer name found there (江南古镇小区 is an estate); "" for none."""
        first: tuple[int, str] | None = None
        for town, key in self._towns:
            at = text.find(town, prefix)
            if at < 0 or (first is not None and at >= first[0]):
                continue
            end = at + len(town)
            if any(s <= at and end <= e and e - s > len(town) for _i, s, e in found):
                continue
            first = (at, key)
        return first[1] if first is not None else ""

    def keywords(self) -> list[str]:
        """Every distinct (normalised) name of the rules, as the table writes it."""
        return list(dict.fromkeys(self._shown))

    def _one_courier(self, name: str) -> bool:
        """Whether every rule of `name` is one courier's."""
        index = self._index_of.get(name)
        return index is not None and len({r.spec.courier_id for r in self._rules[index]}) == 1

    def _every_number(self, name: str) -> bool:
        """Whether one courier has every house of `name`, so an address on it with no number
        needs none (果戈里大街: 1-300号 and 301号以上, both 赵松's)."""
        if not self._one_courier(name):
            return False
        rules = self._rules[self._index_of[name]]
        if any(r.side or r.condition or r.building or r.exclude for r in rules):
            return False
        if any(r.need is None and r.lo is None and r.hi is None for r in rules):
            return True  # the whole road
        if any(r.need != "house" for r in rules):
            return False
        return all(
            _covers(
                sorted(
                    ((r.lo or 1, r.hi) for r in rules if r.parity != other),
                    key=lambda lo_hi: (lo_hi[0], lo_hi[1] is None, lo_hi[1] or 0),
                ),
                odd,
            )
            for odd, other in ((True, "even"), (False, "odd"))
        )

    def rules_named(self, name: str) -> list[AreaRuleSpec]:
        index = self._index_of.get(canonical(name))
        return [] if index is None else [r.spec for r in self._rules[index]]

    # --- matching ------------------------------------------------------------------------------

    def match(self, address: str, limit: int = 10, home: Region | None = None) -> AddressMatch:
        """The candidate couriers for `address`, best first (one per courier).

        `home` is the branch's own city and district: with no district written (and no other
        city), its catch-all courier is the district fallback.
        """
        raw = (address or "")[:_MAX_QUERY]
        normalised = folded(normalise(_PHONE_RE.sub(" ", raw)))  # as the rules' names are
        region = recognise(normalised)
        prefix = len(normalised) - len(region.rest) if normalised.endswith(region.rest) else 0
        text = canonical_name(normalised[:prefix]) + canonical_name(normalised[prefix:])
        prefix = len(text) - len(canonical_name(normalised[prefix:]))
        found = (
            self._automaton.find_matches_as_indexes(text, overlapping=True)
            if self._automaton is not None and text
            else []
        )
        crossing = [start for _index, start, end in found if start < prefix < end]
        if crossing:
            # A name that the region prefix cuts through (宁波市中心医院 read as 宁波市 +
            # 中心医院) is a misreading: the region ends where the name begins.
            cut = min(crossing)
            region = recognise(text[:cut])
            region = Region(region.province, region.city, region.district, text[cut:])
            prefix = cut
        query_district = _place_key(region.district)
        if not query_district:
            # 朝阳区 (北京 and 长春): no city to settle it, but a district all the same
            shared = shared_district(text[prefix:])
            if shared is not None:
                query_district = short_name(shared)
        # A city rules rules out only where it is written in full (杭州市…), with its district
        # or after its province: 长春藤小区, 台州银行 and 北京华联 start with a city's short
        # name and are no city (杭州中山西路 only gets a caution, below).
        written = city_written(region, text[:prefix])
        scope = _Scope(
            query_district,
            short_name(region.city or "") if written else "",
            short_name(home.city or "") if home is not None else "",
            self._town_written(text, prefix, found),
            self._towns_of,
        )
        best: dict[int, Candidate] = {}
        parts_cache: dict[tuple[int, bool], Parts] = {}
        hits: list[tuple[int, int, int]] = []
        for index, start, end in found:
            if end <= prefix:
                continue
            name = self._names[index]
            if name[-1] in "路街道巷" and (
                text.startswith(_NOT_THE_ROAD, end)
                or (name[-1] == "街" and text.startswith("道", end))
                or (
                    start > prefix
                    and name[0] in "一二三四五六七八九十"
                    and text[start - 1] in "一二三四五六七八九十百"
                )
                or _BOUND_AFTER.match(text, end)
                or _inside_a_longer_road(text, prefix, start, found)
            ):
                # 中山路街道 and 北山街道: towns, not the roads; 十一纬路: not 一纬路; 南京南街
                # 以西: a landmark; 新湖南路: not 湖南路
                continue
            if (
                name[-1] not in "路街道巷村约坊里社屯寨围庄营堡"
                and self._rules[index][0].cls != "town"
                and _ROAD_AFTER_PLACE.match(text, end)
            ):
                # 温泉公园路12号: a road named after the place, not the place (a village's
                # streets are its own: 夏北西约大街, 石牌村东一巷)
                continue
            hits.append((index, start, end))
        hits = _outermost(hits)
        landmarks = [
            h
            for h in hits
            if _landmark(text, h[1], h[2])
            or (self._names[h[0]][-1] not in "路街道巷" and _SIDE_AFTER.match(text, h[2]))
        ]
        passed_by = []  # landmarks set aside: not offered again as a near miss either
        if landmarks and len(landmarks) < len(hits):
            # 江汉路150号（近江汉里）, 翠苑一区对面嘉绿苑: the place named as a landmark is not
            # where the parcel goes; the rest of the address is
            hits = [h for h in hits if h not in landmarks]
            passed_by, landmarks = landmarks, []
        # Alone, a place's side (春江花月东侧) is that part of the place, not a landmark.
        landmarks = [h for h in landmarks if _landmark(text, h[1], h[2])]
        if not scope.district and hits:
            # 汉阳解放路5号, 武昌江汉路50号: a district's short name right before a road (not
            # 泰和花园, where the region reader leaves a bare county name alone)
            first = min(hits, key=lambda h: h[1])
            lead = text[prefix : first[1]]
            if (
                self._names[first[0]][-1] in "路街道巷"
                and lead in region_district_short_names()
                and lead not in self._town_keys  # 鼓楼药行街: the table's 鼓楼街道 (宁波)
            ):
                scope = replace(scope, district=lead)
                query_district = lead
        explained = self._offer_hits(hits, text, scope, best, parts_cache)
        self._places_before_roads(hits, best)
        top_tier = max((int(c.score) // 1000 for c in best.values()), default=0)
        self._offer_fuzzy(text, prefix, hits + passed_by, explained, scope, best, top_tier)
        unscoped = _Scope(home_city=scope.home_city)
        if (
            not best
            and prefix > 0
            and self._offer_fuzzy(text, 0, hits, explained, unscoped, best, 0)
        ):
            # 玉林南璐 read as 玉林市 + 南璐: a name one character off runs through the region
            # prefix, so the prefix was a misreading, as with a name written exactly
            region = Region(None, None, None, text)
            query_district = ""
            scope = unscoped
        if self._notes:
            self._offer_notes(text, prefix, hits, scope, best)
        district = query_district
        if (
            not district
            and home is not None
            and home.district
            and (region.city is None or short_name(region.city) == short_name(home.city or ""))
            and looks_like_address(text[prefix:])
            and unknown_district(text[prefix:]) is None
        ):
            # No district written: the branch's own. Not for what is no address (你好, cjhy:
            # suggestions, not a courier), nor for a district no table knows (江东区…).
            district = _place_key(home.district)
        if scope.town and not best:
            self._offer_town(scope, _place_key(home.district) if home else "", best)
        if district:
            self._offer_district(district, best, home=not query_district)
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.rule.rule_id))
        ambiguous, why = _tie(ranked, self._every_number)
        caution = (
            self._other_town(scope.town, ranked)
            or _short_city(text, region, written, prefix, hits, ranked, scope.home_city)
            or _other_district(query_district, ranked, home)
        )
        at_crossing = (
            self._crossing(text, prefix, found, ranked) if ranked and not ambiguous else None
        )
        if at_crossing is not None:
            ambiguous, why = True, at_crossing
        if not ambiguous and ranked:
            apart = self._two_places(ranked, hits)
            if apart is not None:
                ambiguous, why = True, apart
        if landmarks and ranked and not ambiguous:
            # only a landmark is in the table (江汉里对面): near it, not in it
            ambiguous = True
            why = tr(
                "“{name}” is written as a landmark (近, 对面, 旁边…): the address itself is "
                "not in the table — check",
                name=self._names[landmarks[0][0]],
            )
        if not ambiguous and not scope.town:
            why = _towns_apart(ranked)
            ambiguous = why is not None
        return AddressMatch(
            query=address,
            normalised=normalised,
            region=region,
            candidates=ranked[: max(limit, 0)],
            ambiguous=ambiguous,
            level=ranked[0].level if ranked else "none",
            tie_reason=why,
            caution=caution,
        )

    def _offer(self, best: dict[int, Candidate], candidate: Candidate) -> None:
        held = best.get(candidate.rule.courier_id)
        if held is None or _better(candidate, held):
            best[candidate.rule.courier_id] = candidate

    def _parts(
        self, cache_: dict[tuple[int, bool], Parts], text: str, end: int, road: bool
    ) -> Parts:
        key = (end, road)
        parts = cache_.get(key)
        if parts is None:
            parts = cache_[key] = read_parts(text, end, road=road)
        return parts

    def _offer_hits(
        self,
        hits: list[tuple[int, int, int]],
        text: str,
        scope: _Scope,
        best: dict[int, Candidate],
        parts_cache: dict[tuple[int, bool], Parts],
    ) -> list[tuple[int, int, int]]:
        """Candidates from the names found as written; returns the spans that were explained."""
        explained = []
        for index, start, end in hits:
            name = self._names[index]
            any_fit = False
            for rule in self._rules[index]:
                if scope.excludes(rule):
                    continue
                parts = self._parts(parts_cache, text, end, rule.cls == "road")
                scored = _evaluate(rule, parts, text)
                if scored is None:
                    continue  # this rule is for other numbers (another name may fit: 倪家乔路)
                any_fit = True
                sub = TIER_DISTRICT if scored.tier == TIER_UNCONFIRMED else 0
                self._offer(
                    best,
                    Candidate(
                        rule.spec,
                        _score(scored.tier, sub, len(name)),
                        scored.reason,
                        scored.level,
                        rule.described,
                        scored.undecided,
                        scored.missing,
                        rule.name,
                    ),
                )
            if any_fit:
                explained.append((index, start, end))
        return explained

    def _places_before_roads(
        self, hits: list[tuple[int, int, int]], best: dict[int, Candidate]
    ) -> None:
        """夏北村夏北大街三巷8号: a place written before a road is the area the road is in;
        the road (with its number) is the narrower answer."""
        road_starts = [s for i, s, _e in hits if any(r.cls == "road" for r in self._rules[i])]
        if not road_starts:
            return
        for courier, held in list(best.items()):
            if held.level != "exact" or _tier(held) != TIER_COMMUNITY:
                continue
            index = self._index_of.get(held.name)
            spans = [(s, e) for i, s, e in hits if i == index]
            if spans and all(any(rs >= e for rs in road_starts) for _s, e in spans):
                best[courier] = Candidate(
                    held.rule,
                    _score(TIER_TOWN, 1, len(held.name)),
                    held.reason,
                    held.level,
                    held.described,
                    held.undecided,
                    held.missing,
                    held.name,
                )

    def _offer_town(self, scope: _Scope, home_district: str, best: dict[int, Candidate]) -> None:
        """The couriers with rules in the town written, where the address names it and
        nothing closer that the table has (粤海街道, 西丽街道大磡社区), and not another
        district or city (杭州市上城区鼓楼街道 is not 海曙's 鼓楼街道): never sure, the rest of
        the address decides."""
        town = scope.town
        written = next((form for form, key in self._towns if key == town), town)
        for rule in self._in_town.get(town, {}).values():
            if scope.excludes(rule) or (
                scope.district
                and not rule.district_key
                and home_district
                and scope.district != home_district
            ):
                continue
            self._offer(
                best,
                Candidate(
                    rule.spec,
                    _score(TIER_DISTRICT, 1, len(town)),
                    tr(
                        "The address names only {town}, where this courier delivers part of "
                        "it: check the rest of the address",
                        town=written,
                    ),
                    "inferred",
                    rule.described,
                    undecided=True,
                    name=rule.name,
                ),
            )

    def _offer_district(self, district: str, best: dict[int, Candidate], home: bool) -> None:
        for index in self._by_district.get(district, ()):
            for rule in self._rules[index]:
                if rule.cls != "district":
                    continue
                reason = (
                    tr(
                        'No closer rule; the address names no district, and "{keyword}" is '
                        "the branch's own district's catch-all courier",
                        keyword=rule.shown,
                    )
                    if home
                    else tr(
                        'No closer rule; "{keyword}" is the district\'s catch-all courier',
                        keyword=rule.shown,
                    )
                )
                self._offer(
                    best,
                    Candidate(
                        rule.spec,
                        _score(TIER_DISTRICT, 0, len(rule.name)),
                        reason,
                        "district",
                        rule.described,
                        name=rule.name,
                    ),
                )

    # --- typos and shortened names ---------------------------------------------------------------

    def _pair_index(self) -> dict[str, list[int]]:
        """Each character → the names holding it (for candidates one character off)."""
        if self._pairs is None:
            chars: dict[str, list[int]] = {}
            for index, name in enumerate(self._names):
                for char in set(name):
                    chars.setdefault(char, []).append(index)
            self._pairs = chars
        return self._pairs

    def similar_names(self, written: str, limit: int = 5) -> list[tuple[int, int]]:
        """(name index, characters of `written` it stands for) for names one character off,
        or shortened (浙大玉泉校区 for 浙江大学玉泉校区)."""
        if len(written) < 3:
            return []
        cached = self._similar.get((written, limit))
        if cached is not None:
            return cached
        found = self._similar_names(written, limit)
        if len(self._similar) > 4096:
            self._similar.clear()
        self._similar[(written, limit)] = found
        return found

    def _similar_names(self, written: str, limit: int) -> list[tuple[int, int]]:
        chars = self._pair_index()
        counts: dict[int, int] = {}
        for char in set(written):
            postings = chars.get(char)
            if postings is None or len(postings) > 300:
                continue
            for index in postings:
                counts[index] = counts.get(index, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:40]
        out: list[tuple[int, int, int]] = []
        for index, _shared in ranked:
            name = self._names[index]
            used = _near(written, name)
            if used:
                out.append((index, used, -len(name)))
        out.sort(key=lambda x: (x[2], x[0]))
        return [(index, used) for index, used, _len in out[:limit]]

    def _offer_fuzzy(
        self,
        text: str,
        prefix: int,
        hits: list[tuple[int, int, int]],
        explained: list[tuple[int, int, int]],
        scope: _Scope,
        best: dict[int, Candidate],
        top_tier: int,
    ) -> bool:
        """Offer names one character off or shortened; True when any was offered."""
        offered_any = False
        segments = name_segments(text, prefix)
        if not segments:
            return False
        # a road running into a place name (太原街万达) is also tried as one name
        merged = [
            Segment(a.text + b.text, a.start, b.end)
            for a, b in itertools.pairwise(segments)
            if a.end == b.start
            and not a.text.endswith(("街道", "镇", "乡"))
            and not any(h[1] < b.end and h[2] > b.start for h in explained)
        ]
        for segment in [*segments, *merged]:
            written = segment.text
            if len(written) < 3 or written.endswith(("街道", "镇", "乡")):
                continue
            inside = [h for h in explained if h[1] < segment.end and h[2] > segment.start]
            if any(h[1] <= segment.start and h[2] >= segment.end for h in inside):
                continue
            uncovered = _uncovered(written, segment.start, inside)
            if inside and (not uncovered or uncovered in _FILLER_WORDS):
                continue
            for index, used in self.similar_names(written):
                name = self._names[index]
                if any(h[0] == index for h in hits):
                    continue
                end = min(segment.start + used, segment.end)
                shorter = [
                    h
                    for h in inside
                    if len(self._names[h[0]]) < len(name) and h[1] >= segment.start and h[2] <= end
                ]
                if any(h[1] < end < h[2] for h in inside):
                    continue  # the name would cut through a name written exactly
                offered = False
                for rule in self._rules[index]:
                    if scope.excludes(rule):
                        continue
                    if rule.cls == "district":
                        continue
                    parts = read_parts(text, segment.end, road=rule.cls == "road")
                    scored = _evaluate(rule, parts, text)
                    if scored is None:
                        continue
                    offered = True
                    reason = tr(
                        "Did you mean “{keyword}”? The address has “{written}”",
                        keyword=rule.shown,
                        written=text[segment.start : end],
                    )
                    self._offer(
                        best,
                        Candidate(
                            rule.spec,
                            _score(TIER_FUZZY, scored.tier, len(name)),
                            joined((reason, scored.reason)),
                            "fuzzy",
                            rule.described,
                            scored.undecided,
                            scored.missing,
                            rule.name,
                        ),
                    )
                offered_any = offered_any or offered
                if offered and shorter:
                    # 桂花 found inside 桂花圆 (a typo of 桂花园) is no answer of its own
                    self._demote(best, {h[0] for h in shorter}, written)
        return offered_any

    def _demote(self, best: dict[int, Candidate], indexes: set[int], written: str) -> None:
        names = {self._names[i] for i in indexes}
        for courier, held in list(best.items()):
            if held.level == "fuzzy" or held.name not in names:
                continue
            best[courier] = Candidate(
                held.rule,
                _score(TIER_FUZZY, 0, len(held.name)),
                tr(
                    "“{keyword}” is only part of the name “{written}”",
                    keyword=held.rule.keyword,
                    written=written,
                ),
                "fuzzy",
                held.described,
                held.undecided,
                held.missing,
                held.name,
            )

    # --- the 备注 column ---------------------------------------------------------------------

    def _offer_notes(
        self,
        text: str,
        prefix: int,
        hits: list[tuple[int, int, int]],
        scope: _Scope,
        best: dict[int, Candidate],
    ) -> None:
        words = {self._names[index] for index, _s, _e in hits if len(self._names[index]) >= 3}
        words.update(
            s.text for s in name_segments(text, prefix) if len(s.text) >= 3 and s.text[-1] != "区"
        )
        for word in words:
            pos = self._note_text.find(word)
            while pos >= 0:
                which = bisect.bisect_right(self._note_starts, pos) - 1
                note, rule = self._notes[which]
                if not scope.excludes(rule):
                    self._offer(
                        best,
                        Candidate(
                            rule.spec,
                            _score(TIER_NOTE, 0, len(word)),
                            tr(
                                "The note mentions “{word}”: {note}", word=word, note=rule.spec.note
                            ),
                            "note",
                            rule.described,
                            name=rule.name,
                        ),
                    )
                pos = self._note_text.find(word, self._note_starts[which] + len(note) + 1)


# What may stand between the region (or a name) and a road's name without making it part
# of a longer name: 送到湖南路, 广州路与上海路, 近江汉路.
_BEFORE_A_NAME = (
    "送到", "寄到", "地址", "住址", "收货地址", "在", "到", "近", "靠近", "临近", "旁", "旁边",
    "对面", "隔壁", "附近", "是", "往", "去", "至", "从", "与", "和", "及", "交", "接",
)  # fmt: skip
_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
# How a road's name begins when it is another road's name made longer: 新湖南路, 老中山路,
# 东长安中路, 大中华路.
_ROAD_NAME_STARTS = frozenset("新老东西南北大小中上下前后内外")


# A road's marker right after a place's name: the road named after it (温泉公园路), not a
# crossing at it (晓风苑路口) nor the place's own road (春江花月路段?).
_ROAD_AFTER_PLACE = re.compile(r"[东西南北中]?(?:路(?!口)|街(?!道)|大道|大街)")
_BETWEEN_ROADS = frozenset({"", "与", "和", "及", "、", "跟", "同", "/", "交", "至"})
_CROSSING_WORDS = re.compile(r"交叉口|交叉路口|交汇处|交汇|交界|交口|十字路口|十字|路口")
_NEAR_BEFORE = ("近", "靠近", "临近", "邻近")
# After a place's name (not a road's, where it is the side a rule may cover): 翠苑一区东侧…,
# 翠苑一区往东100米…: the place is a landmark.
_SIDE_AFTER = re.compile(r"[东西南北]侧|[往向以][东西南北]")
_NEAR_AFTER = ("对面", "斜对面", "旁边", "旁", "隔壁", "附近", "边上", "周边", "一带")


def _landmark(text: str, start: int, end: int) -> bool:
    """Whether the name at start:end is written as a landmark near the address: 近江汉里,
    江汉里对面, 德加公寓旁边."""
    return text.endswith(_NEAR_BEFORE, 0, start) or text.startswith(_NEAR_AFTER, end)


def _inside_a_longer_road(
    text: str, prefix: int, start: int, found: list[tuple[int, int, int]]
) -> bool:
    """Whether the road's name found at `start` is only the end of a longer name the table
    does not have: 新湖南路 (not 湖南路), 东长安中路, 老中山路. Not where a region (汉阳解放路),
    a name the table has (夏北村夏北大街) or a word such as 送到 or 与 stands before it."""
    if start <= prefix:
        return False
    before = max((e for _i, s, e in found if e <= start and s >= prefix), default=prefix)
    tail = _CJK_TAIL.search(text[before:start])
    if tail is None:
        return False
    written = tail.group(0)
    if written.endswith(_BEFORE_A_NAME) or written[-1] not in _ROAD_NAME_STARTS:
        return False  # 黄丽玉林北路 (a name pasted before it), 平洲夏北大街: the road itself
    short = _region_words()
    return not any(written[-n:] in short for n in range(2, min(len(written), 8) + 1))


@cache
def _region_words() -> frozenset[str]:
    """Short names of provinces, cities and districts (宁波, 海曙, 汉阳), built once."""
    return region_short_names() | region_district_short_names()


def _outermost(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The names found, less those that are only part of a longer name found in the same
    characters: 三里屯路12号 writes the road 三里屯路, not the place 三里屯 (nor 和平里 in
    和平里东街, 石牌村 in 石牌村东一巷); 华泰港广场A幢 is that block, not the whole estate."""
    return [
        (index, start, end)
        for index, start, end in hits
        if not any(s <= start and end <= e and e - s > end - start for _i, s, e in hits)
    ]


def _uncovered(written: str, start: int, inside: list[tuple[int, int, int]]) -> str:
    covered = [False] * len(written)
    for _index, s, e in inside:
        for i in range(max(s, start), min(e, start + len(written))):
            covered[i - start] = True
    return "".join(c for c, k in zip(written, covered, strict=True) if not k)


def _near(written: str, name: str) -> int:
    """How many characters at the start of `written` stand for `name` (0: not near)."""
    if len(name) < 3:
        return 0
    for used in (len(name), len(name) - 1, len(name) + 1):
        if used < 3 or used > len(written):
            continue
        head = written[:used]
        if _one_edit(head, name):
            return used
    # shortened: 浙大玉泉校区 for 浙江大学玉泉校区, 川大附中 for 四川大学附属中学 (every
    # character in order, ending in the name's last two characters)
    for used in range(min(len(written), len(name) - 1), 3, -1):
        head = written[:used]
        if (
            head[-1] in name[-2:]
            and (head[0] == name[0] or head[:2] in name)
            and used >= 0.5 * len(name)
            and _subsequence(head, name)
        ):
            return used
    # a generic ending left out: 太原街万达 for 太原街万达广场, 茂业中心 for 茂业中心写字楼
    for used in range(min(len(written), len(name) - 1), 2, -1):
        if name.startswith(written[:used]) and name[used:] in _GENERIC_ENDINGS:
            return used
    # the end of a longer name: 玉器街 for 平洲玉器街, 金色家园 for 万科金色家园
    for used in range(min(len(written), len(name) - 1), 2, -1):
        if name.endswith(written[:used]) and written[used - 1] in _NAME_END:
            return used
    return 0


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


@cache
def _sound(char: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(char))


def _one_edit(a: str, b: str) -> bool:
    """One character wrong, missing or extra — never a numeral or a direction (文一路 ≠ 文二路).

    In a name of three characters only the last may differ, unless the two sound the same
    (芳林路 for 芳邻路: the commonest slip of a pinyin keyboard)."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) != 1:
            return False
        i = diff[0]
        if a[i] in _NUMERAL_OR_SIDE or b[i] in _NUMERAL_OR_SIDE:
            return False
        if _sound(a[i]) == _sound(b[i]):
            return True
        return not (lb <= 3 and i < lb - 1)
    short, long = (a, b) if la < lb else (b, a)
    for i in range(len(long)):
        if long[:i] + long[i + 1 :] == short:
            if long[i] in _NUMERAL_OR_SIDE:
                return False
            return len(short) >= 3
    return False


def _better(new: Candidate, held: Candidate) -> bool:
    if new.score != held.score:
        return new.score > held.score
    return new.rule.rule_id < held.rule.rule_id


def _tier(candidate: Candidate) -> int:
    return int(candidate.score) // 1000


def _towns_apart(ranked: list[Candidate]) -> str | None:
    """Why the answer is a tie when its name is a place in two towns of the table and the
    address names neither (新民村 of 石桥镇 and of 白马镇); None otherwise."""
    if not ranked or ranked[0].level not in ("exact", "inferred"):
        return None
    top = ranked[0]
    town = _town_key(top.rule.town)
    for other in ranked[1:]:
        other_town = _town_key(other.rule.town)
        if (
            other.rule.courier_id != top.rule.courier_id
            and other.name == top.name
            and town
            and other_town
            and other_town != town
            and other.level in ("exact", "inferred")
        ):
            return tr(
                "“{name}” is in {town} and in {other}: the address does not say which",
                name=top.rule.keyword,
                town=normalise(top.rule.town or ""),
                other=normalise(other.rule.town or ""),
            )
    return None


def _short_city(
    text: str,
    region: Region,
    written: bool,
    prefix: int,
    hits: list[tuple[int, int, int]],
    ranked: list[Candidate],
    home_city: str,
) -> str | None:
    """Why the best answer is to be checked when the address starts with another city's short
    name right before a name of the table (杭州中山西路5号 at a 宁波 branch): 杭州's road, or
    a local name that starts with a city's (北京华联)? None otherwise."""
    if written or not ranked or not hits:
        return None
    first = min(start for _index, start, _end in hits)
    if region.city is not None:
        if first != prefix:
            return None  # 台州银行对面的中山西路: the city's name is not what the road follows
        city = short_name(region.city)
    else:
        # 杭州五四路, 宁波东街: a short name the region reader leaves to the road (as it does
        # 南京 in 南京东路), before a road of the table all the same
        lead = recognise(text[:first])
        if lead.city is None or lead.rest:
            return None  # 河南省人民医院: a province's name (the 省 is the rule's)
        city = short_name(lead.city)
    rule_city = _city_key(ranked[0].rule.district) or home_city
    if not rule_city or rule_city == city:
        return None
    return tr(
        "The address starts with “{city}”: if it is in {city}, no courier of this table "
        "delivers there; if it is a local name, check before telling the customer.",
        city=city,
    )


def _other_district(written: str, ranked: list[Candidate], home: Region | None) -> str | None:
    """Why the best answer is to be checked when the address names a district other than
    the branch's and the rule that matched names none (a table with no 区县 column: 长沙县
    星沙街道金星北路 at a 岳麓区 branch got 岳麓区's 金星北路 courier, sure); None otherwise."""
    if not written or not ranked or ranked[0].level not in ("exact", "inferred"):
        return None
    if ranked[0].rule.district or home is None or not home.district:
        return None
    if _place_key(home.district) == written:
        return None
    return tr(
        "The address names {district}, the branch is in {home}, and the rule that matched "
        "names no district: check the district before telling the customer.",
        district=written,
        home=short_name(home.district),
    )


def _covers(ranges: list[tuple[int, int | None]], odd: bool) -> bool:
    """Whether sorted (lo, hi) house ranges, hi None for no end, hold every odd (else even)
    number."""
    wanted = 1 if odd else 2  # the first number not yet held
    for lo, hi in ranges:
        if lo > wanted:
            return False
        if hi is None:
            return True
        if hi >= wanted:
            wanted = hi + 1 if (hi + 1) % 2 == wanted % 2 else hi + 2
    return False


def _tie(
    ranked: list[Candidate], every_number: Callable[[str], bool] = lambda _name: False
) -> tuple[bool, str | None]:
    """Whether the answer is a tie, and why. `every_number(name)`: one courier has every
    house of that name, so a number not written settles nothing."""
    if not ranked:
        return False, None
    top = ranked[0]
    if len(ranked) >= 2 and ranked[1].score == top.score:
        return True, tr("Two couriers match equally well")
    if (top.undecided or top.missing) and not (
        top.missing and not top.undecided and every_number(top.name)
    ):
        # a side or condition not settled, or a number/building the rule needs not written
        return True, top.reason
    if top.level not in ("exact", "inferred"):
        return False, None
    for other in ranked[1:]:
        if other.rule.courier_id == top.rule.courier_id:
            continue
        if (
            _tier(top) in (TIER_COMMUNITY, TIER_ROAD, TIER_UNCONFIRMED)
            and other.name == top.name
            and (other.missing or other.undecided)
        ):
            # 某小区 for one courier, 某小区13-20幢 for another: the address must say which
            return True, other.reason
        if other.level == "fuzzy" and (int(other.score) % 1000) // 100 > _tier(top):
            # the address also names, one character off, a place narrower than the answer
            return True, other.reason
    return False, None


__all__ = [
    "KINDS",
    "LEVELS",
    "AddressMatch",
    "AddressMatcher",
    "AreaRuleSpec",
    "Candidate",
    "Fragment",
    "FragmentError",
    "canonical",
    "describe_range",
    "normalise",
    "parse_area_cell",
]
