"""Area-table fragments and address matching: which courier delivers to this address, and why.

Pure Python (no Qt widgets, no database): the importer turns each area cell into `Fragment`s
with `parse_area_cell`, the lookup service feeds stored rules to `AddressMatcher`.

Decisions (see DESIGN.md "Address matching semantics"):
- `normalise` turns the building markers 号楼/栋/座 (and 幢 itself) that follow a digit or a
  Latin letter into **幢**, so 3号楼, 3栋, 3座 and 3幢 are one thing; 座/栋 elsewhere (金座大厦)
  are left alone. Range separators - ~ ～ — – 〜 become **-**, and 至 does too between numbers.
  Latin letters are upper-cased (a座 = A座).
- A bare block label in brackets or after a name (万达广场（A座、B座）, 万达广场A座) becomes its
  own keyword together with its parent (万达广场A幢); the parent alone is not a keyword then.
  Such a label ranks with building ranges. A parent with sub-names (春江花月（晓风苑、江树苑）)
  keeps the parent as a keyword as well.
- A range rule (house numbers on a road, buildings in a community) matches only when the
  address carries a number inside the range with the right parity; an address without a
  number is still offered such a rule, ranked below the bare-road tier with the reason
  "no house number in the address", so a clerk sees which couriers share that road.
- A range or parity that stands alone after a comma (姚江路1-99号、101-199号) continues the
  name before it. A blank cell gives no fragments (the caller decides whether that is an error).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import ahocorasick_rs

from branchdesk.i18n import tr
from branchdesk.lookup.regions import Region, recognise, short_name

KINDS = ("building-range", "community", "road-range", "road", "town", "district")

BUILDING = "幢"
_MAX_DIGITS = 6  # house and building numbers longer than this are not numbers we care about

# --- normalisation -------------------------------------------------------------------------

_SPACE_RE = re.compile(r"\s+")
_MARKER_RE = re.compile(r"(?<=[0-9A-Z])(?:号楼|栋|座|幢)")
_DASH_RE = re.compile(r"[~\-—–―〜‐‑−]+")
_TO_RE = re.compile(r"(?<=[0-9号弄幢])至(?=[0-9])")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")"})


def normalise(text: str) -> str:
    """Canonical form of an address or area text; see the module docstring for the choices."""
    text = unicodedata.normalize("NFKC", text or "").translate(_BRACKETS)
    text = _SPACE_RE.sub("", text)
    text = text.upper() if text.isascii() else _upper_latin(text)
    text = _MARKER_RE.sub(BUILDING, text)
    text = _DASH_RE.sub("-", text)
    return _TO_RE.sub("-", text)


def _upper_latin(text: str) -> str:
    return "".join(c.upper() if "a" <= c <= "z" else c for c in text)


# --- fragments ---------------------------------------------------------------------------


class FragmentError(ValueError):
    """A fragment of an area cell that cannot be understood; str() says what to write instead."""


@dataclass(frozen=True)
class Fragment:
    keyword: str
    parent: str | None
    kind: str
    lo: int | None
    hi: int | None
    parity: str
    text: str


@dataclass(frozen=True)
class _Spec:
    """The range part of a fragment: house numbers or buildings, parity, whole road."""

    lo: int | None = None
    hi: int | None = None
    building: bool = False
    parity: str = "all"
    whole: bool = False

    @property
    def has_range(self) -> bool:
        return self.lo is not None

    @property
    def empty(self) -> bool:
        return not self.has_range and self.parity == "all" and not self.whole


_SEPARATORS = frozenset(";、,/\n\r；，／")
_OPENING = frozenset("(（【〔［")
_CLOSING = frozenset(")）】〕］")
_PARITY_RE = re.compile(r"\(?(单号|单数|单侧|双号|双数|双侧)\)?")
_WHOLE_RE = re.compile(r"\(?(全段|全线|全路段)\)?")
_N = rf"(\d{{1,{_MAX_DIGITS}}})"
_OPEN_RE = re.compile(rf"{_N}(?:号|弄)?(?:及以后|及以上|以后|以上|之后|往后|起|后)$")
_UPTO_RE = re.compile(rf"{_N}(?:号|弄)?(?:及以下|以下|以前|之前)$")
_BUILDING_RANGE_RE = re.compile(rf"{_N}{BUILDING}?-{_N}{BUILDING}$")
_HOUSE_RANGE_RE = re.compile(rf"{_N}(?:号|弄)?-{_N}(?:号|弄)$")
_BARE_RANGE_RE = re.compile(rf"{_N}-{_N}$")
_HOUSE_RE = re.compile(rf"{_N}(?:号|弄)$")
_LABEL_RE = re.compile(
    rf"(?:\d{{1,{_MAX_DIGITS}}}[A-Z]?|[A-Z]{{1,2}}\d{{0,3}}|[一二三四五六七八九十]{{1,3}})"
    rf"(?:{BUILDING}|区|期|单元)$"
)
_BARE_LABEL_RE = re.compile(r"(?:\d{1,4}|[A-Z]{1,2}\d{0,3})$")
_ROAD_SUFFIXES = ("大道", "路", "街", "道", "巷", "弄", "胡同")
_TOWN_SUFFIXES = ("街道", "镇", "乡")
_PLACE_区 = ("小区", "社区", "园区", "校区", "厂区", "景区", "片区", "街区", "城区", "营区", "新区")


def _classify(name: str) -> str:
    """The kind a bare name has by its ending: town, district, road or community."""
    if name.endswith(_TOWN_SUFFIXES):
        return "town"
    if name.endswith(("区", "县")) and not name.endswith(_PLACE_区) and len(name) <= 5:
        return "district"
    if name.endswith("新区") and len(name) <= 5 and recognise(name).district == name:
        return "district"
    if name.endswith(_ROAD_SUFFIXES):
        return "road"
    return "community"


def _split_top_level(text: str) -> list[str]:
    """Split at separators that are not inside brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth -= 1
        if depth == 0 and char in _SEPARATORS:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _check_brackets(text: str, shown: str) -> None:
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                break
    if depth != 0:
        raise FragmentError(
            tr(
                '"{fragment}": the brackets do not match; close every "（" with "）", '
                "e.g. 春江花月（晓风苑、江树苑）",
                fragment=shown,
            )
        )


def _check_order(lo: int, hi: int, shown: str) -> None:
    if lo > hi:
        raise FragmentError(
            tr(
                '"{fragment}": the range starts at {lo}, after its end {hi}; '
                "write the smaller number first, e.g. 1-99号",
                fragment=shown,
                lo=lo,
                hi=hi,
            )
        )


def _take_spec(text: str, shown: str, road_like: Callable[[str], bool]) -> tuple[str, _Spec]:
    """Split `text` (normalised, no brackets) into the name and the range written after it."""
    parity = "all"
    found = _PARITY_RE.search(text)
    if found:
        parity = "odd" if found.group(1).startswith("单") else "even"
        text = text[: found.start()] + text[found.end() :]
    whole = False
    found = _WHOLE_RE.search(text)
    if found:
        whole = True
        text = text[: found.start()] + text[found.end() :]
    text = text.rstrip("-")
    spec: _Spec | None = None
    name = text
    for pattern, kind in (
        (_OPEN_RE, "open"),
        (_UPTO_RE, "upto"),
        (_BUILDING_RANGE_RE, "buildings"),
        (_HOUSE_RANGE_RE, "houses"),
        (_BARE_RANGE_RE, "bare"),
        (_HOUSE_RE, "house"),
    ):
        m = pattern.search(text)
        if m is None:
            continue
        name = text[: m.start()]
        if kind == "bare" and name.endswith(("-", "号")):
            continue
        first = int(m.group(1))
        if kind == "open":
            spec = _Spec(first, None, parity=parity)
        elif kind == "upto":
            spec = _Spec(1 if first >= 1 else 0, first, parity=parity)
        elif kind == "house":
            spec = _Spec(first, first, parity=parity)
        else:
            last = int(m.group(2))
            _check_order(first, last, shown)
            building = kind == "buildings" or (kind == "bare" and not road_like(name))
            spec = _Spec(first, last, building=building, parity=parity)
        break
    if spec is None:
        spec = _Spec(parity=parity, whole=whole)
    return name, spec


def _is_road(name: str) -> bool:
    return _classify(name) == "road"


def _range_only(text: str) -> _Spec | None:
    """The spec when `text` is nothing but a range/parity (no name), else None."""
    name, spec = _take_spec(text, text, lambda _name: False)
    if name or spec.empty:
        return None
    return spec


def _fragment(name: str, spec: _Spec, parent: str | None, shown: str) -> Fragment:
    if spec.lo is not None:
        kind = "building-range" if spec.building else "road-range"
    elif spec.whole:
        kind = "road"
    elif spec.parity != "all":
        kind = "road-range"
    else:
        kind = _classify(name)
    return Fragment(name, parent, kind, spec.lo, spec.hi, spec.parity, shown)


def _plain(text: str, shown: str, parent: str | None, previous: Fragment | None) -> list[Fragment]:
    """One fragment without brackets: 名称, 路名1-99号单号, 小区1-12幢, 万达广场A幢 …"""
    name, spec = _take_spec(text, shown, _is_road)
    if not name:
        if previous is not None and not spec.empty:
            # 姚江路1-99号、101-199号: the second part continues the road before it
            base = previous.parent if previous.kind == "community" and previous.parent else None
            return [_fragment(base or previous.keyword, spec, previous.parent, shown)]
        raise FragmentError(
            tr(
                '"{fragment}" has no community or road name; write the name before the range, '
                "e.g. 姚江路1-99号 or 晓风苑1-12幢",
                fragment=shown,
            )
        )
    label = _LABEL_RE.search(name) if spec.empty else None
    if label is not None and label.start() > 0:
        # 万达广场A幢: a block label counts only together with its estate
        return [Fragment(name, name[: label.start()], "community", None, None, "all", shown)]
    return [_fragment(name, spec, parent, shown)]


def _bracketed(text: str, shown: str) -> list[Fragment]:
    """名称（甲、乙）, 名称(A座,B座), 姚江路(1-99号), 晓风苑(1-12幢) …"""
    open_at = text.index("(")
    close_at = text.rindex(")")
    parent = text[:open_at]
    inner = text[open_at + 1 : close_at]
    tail = text[close_at + 1 :]
    parent_name, parent_spec = _take_spec(parent + tail, shown, _is_road)
    if not parent_name:
        raise FragmentError(
            tr(
                '"{fragment}" has no name before the brackets; write the estate or road first, '
                "e.g. 春江花月（晓风苑、江树苑）",
                fragment=shown,
            )
        )
    items = [item for item in _split_top_level(inner) if item.strip("()")]
    if not items:
        raise FragmentError(
            tr(
                '"{fragment}": nothing inside the brackets; list the sub-names, '
                "e.g. 春江花月（晓风苑、江树苑）",
                fragment=shown,
            )
        )
    fragments: list[Fragment] = []
    with_parent_alone = False
    for item in items:
        spec = _range_only(item)
        if spec is not None:
            # 姚江路(1-99号), 晓风苑(1-12幢), 姚江路(单号)
            merged = _merge(parent_spec, spec)
            fragments.append(_fragment(parent_name, merged, None, shown))
        elif _LABEL_RE.fullmatch(item) or _BARE_LABEL_RE.fullmatch(item):
            fragments.append(
                Fragment(parent_name + item, parent_name, "community", None, None, "all", shown)
            )
        elif "(" in item:
            for sub in _bracketed(item, shown):
                fragments.append(sub if sub.parent else replace(sub, parent=parent_name))
            with_parent_alone = True
        else:
            previous = fragments[-1] if fragments else None
            fragments.extend(_plain(item, shown, parent_name, previous))
            with_parent_alone = True
    if with_parent_alone:
        fragments.insert(0, _fragment(parent_name, parent_spec, None, shown))
    return fragments


def _merge(outer: _Spec, inner: _Spec) -> _Spec:
    base = inner if inner.has_range else outer
    parity = inner.parity if inner.parity != "all" else outer.parity
    return replace(base, parity=parity, whole=base.whole and not base.has_range)


def _parse_range_text(range_text: str) -> _Spec | None:
    text = normalise(range_text)
    if not text:
        return None
    spec = _range_only(text.strip("()"))
    if spec is None:
        raise FragmentError(
            tr(
                'The house-number range "{text}" is not understood; write e.g. 1-99号, '
                "151号以后, 单号, 双号, 全段 or 1-12幢",
                text=range_text.strip(),
            )
        )
    return spec


def _apply_range(fragment: Fragment, spec: _Spec) -> Fragment:
    if fragment.kind in ("town", "district") or _is_label_keyword(
        fragment.keyword, fragment.parent, fragment.kind
    ):
        return fragment
    lo, hi, kind = fragment.lo, fragment.hi, fragment.kind
    if lo is None and spec.has_range:
        lo, hi = spec.lo, spec.hi
        kind = "building-range" if spec.building else "road-range"
    elif lo is None and spec.whole:
        kind = "road"
    parity = fragment.parity if fragment.parity != "all" else spec.parity
    if parity != "all" and kind in ("road", "community"):
        kind = "road-range"
    return replace(fragment, lo=lo, hi=hi, kind=kind, parity=parity)


def parse_area_cell(cell: str, range_text: str | None = None) -> list[Fragment]:
    """The fragments of one area cell, with the separate 门牌范围 column applied.

    Raises FragmentError (a message for the user) for a fragment that makes no sense.
    """
    _check_brackets(normalise(cell), (cell or "").strip())
    fragments: list[Fragment] = []
    for piece in _split_top_level(cell or ""):
        shown = piece.strip()
        text = normalise(piece)
        if not text.strip("()"):
            continue
        _check_brackets(text, shown)
        previous = fragments[-1] if fragments else None
        if "(" in text:
            fragments.extend(_bracketed(text, shown))
        else:
            fragments.extend(_plain(text, shown, None, previous))
    spec = _parse_range_text(range_text) if range_text else None
    if spec is not None:
        fragments = [_apply_range(f, spec) for f in fragments]
    for fragment in fragments:
        if not fragment.keyword:
            raise FragmentError(
                tr(
                    '"{fragment}" has an empty name; write the community or road name',
                    fragment=fragment.text,
                )
            )
        if fragment.lo is not None and fragment.hi is not None:
            _check_order(fragment.lo, fragment.hi, fragment.text)
    return _unique(fragments)


def _unique(fragments: list[Fragment]) -> list[Fragment]:
    seen: set[tuple[object, ...]] = set()
    result = []
    for f in fragments:
        key = (f.keyword, f.parent, f.kind, f.lo, f.hi, f.parity)
        if key not in seen:
            seen.add(key)
            result.append(f)
    return result


# --- matching ------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Candidate:
    rule: AreaRuleSpec
    score: float
    reason: str


@dataclass(frozen=True)
class AddressMatch:
    query: str
    normalised: str
    region: Region | None
    candidates: list[Candidate]
    ambiguous: bool


# Ranking ladder (DESIGN.md): each tier is worth 1000, the keyword length breaks ties within it.
TIER_BUILDING = 7
TIER_COMMUNITY = 6
TIER_ROAD_RANGE = 5
TIER_ROAD = 4
TIER_UNCONFIRMED = 3  # a range rule whose keyword matched but the address has no number
TIER_TOWN = 2
TIER_DISTRICT = 1

_HOUSE_NO_RE = re.compile(rf"\(?(\d{{1,{_MAX_DIGITS}}})(?!\d)")
# What may stand between an estate's name and the building number: 小区/花园…, a phase
# (三期, 2期) and 第 — 天一家园小区5号楼, 泰和花园三期2栋, 月湖小区第3幢.
_ESTATE_FILLER = r"(?:小区|花园|新村|家园|公寓|苑)?(?:[一二三四五六七八九十\d]{1,3}期)?第?"
_BUILDING_NO_RE = re.compile(rf"\(?{_ESTATE_FILLER}(\d{{1,{_MAX_DIGITS}}})(?:{BUILDING}|号|-\d|$)")
_MAX_QUERY = 500  # an address longer than this is cut; nothing useful sits past it


def _place_key(name: str | None) -> str:
    """A district as compared between rule and address: 海曙区, 海曙 and 宁波市海曙区 agree."""
    if not name:
        return ""
    text = normalise(name)
    return short_name(recognise(text).district or text)


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


def _in_range(number: int, rule: AreaRuleSpec) -> bool:
    if rule.number_lo is not None and number < rule.number_lo:
        return False
    if rule.number_hi is not None and number > rule.number_hi:
        return False
    if rule.parity == "odd":
        return number % 2 == 1
    if rule.parity == "even":
        return number % 2 == 0
    return True


def _is_label_keyword(keyword: str, parent: str | None, kind: str) -> bool:
    """True for 万达广场A幢 with parent 万达广场: a block label that counts with its estate."""
    if not parent or kind != "community" or not keyword.startswith(parent):
        return False
    label = keyword[len(parent) :]
    return bool(label) and bool(_LABEL_RE.fullmatch(label) or _BARE_LABEL_RE.fullmatch(label))


class AddressMatcher:
    """All area rules of the branch, ready to match addresses (build once, match many)."""

    def __init__(self, rules: Iterable[AreaRuleSpec]) -> None:
        by_keyword: dict[str, list[AreaRuleSpec]] = {}
        self._district_keys: dict[int, str] = {}
        self._labels: set[int] = set()
        for rule in rules:
            keyword = normalise(rule.keyword)
            if not keyword or rule.kind not in KINDS:
                continue
            by_keyword.setdefault(keyword, []).append(rule)
            self._district_keys[rule.rule_id] = _place_key(rule.district)
            if _is_label_keyword(keyword, normalise(rule.parent_keyword or ""), rule.kind):
                self._labels.add(rule.rule_id)
        self._keywords = list(by_keyword)
        self._rules = [by_keyword[k] for k in self._keywords]
        # district rules match the district that recognise() strips from the address
        self._by_district: dict[str, list[int]] = {}
        for index, keyword in enumerate(self._keywords):
            if any(r.kind == "district" for r in self._rules[index]):
                self._by_district.setdefault(_place_key(keyword), []).append(index)
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self._keywords, store_patterns=False)
            if self._keywords
            else None
        )

    def keywords(self) -> list[str]:
        """Every distinct (normalised) keyword of the rules."""
        return list(self._keywords)

    def match(self, address: str, limit: int = 10) -> AddressMatch:
        """The candidate couriers for `address`, best first (one per courier)."""
        normalised = normalise((address or "")[:_MAX_QUERY])
        region = recognise(normalised)
        # Keywords are searched in the whole address: a region prefix that cuts through a
        # keyword (中山西路 read as 中山市 + 西路) is a misreading, and the keyword wins.
        prefix = len(normalised) - len(region.rest) if normalised.endswith(region.rest) else 0
        found = (
            self._automaton.find_matches_as_indexes(normalised, overlapping=True)
            if self._automaton is not None and normalised
            else []
        )
        if any(start < prefix < end for _index, start, end in found):
            region = Region(None, None, None, normalised)
            prefix = 0
        rest = normalised
        query_district = _place_key(region.district)
        # (keyword index, end position); keywords inside the region prefix are the region's
        # own names, which district rules cover below.
        hits: list[tuple[int, int]] = [(index, end) for index, _start, end in found if end > prefix]
        if query_district:
            hits.extend((index, -1) for index in self._by_district.get(query_district, ()))
        best: dict[int, Candidate] = {}
        for index, end in hits:
            keyword = self._keywords[index]
            after = rest[end:] if end >= 0 else ""
            for rule in self._rules[index]:
                rule_district = self._district_keys.get(rule.rule_id, "")
                if query_district and rule_district and rule_district != query_district:
                    continue
                scored = self._score(rule, keyword, after)
                if scored is None:
                    continue
                tier, reason = scored
                candidate = Candidate(rule, float(tier * 1000 + len(keyword)), reason)
                held = best.get(rule.courier_id)
                if held is None or _better(candidate, held):
                    best[rule.courier_id] = candidate
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.rule.rule_id))
        ambiguous = (
            len(ranked) >= 2
            and ranked[0].score == ranked[1].score
            and ranked[0].rule.courier_id != ranked[1].rule.courier_id
        )
        return AddressMatch(
            query=address,
            normalised=normalised,
            region=region,
            candidates=ranked[: max(limit, 0)],
            ambiguous=ambiguous,
        )

    def _score(self, rule: AreaRuleSpec, keyword: str, after: str) -> tuple[int, str] | None:
        kind = rule.kind
        if kind == "building-range":
            found = _BUILDING_NO_RE.match(after)
            if found is None:
                return TIER_UNCONFIRMED, tr(
                    'No building number in the address; "{keyword}" covers buildings {range}',
                    keyword=keyword,
                    range=describe_range(rule.number_lo, rule.number_hi, rule.parity),
                )
            number = int(found.group(1))
            if not _in_range(number, rule):
                return None
            return TIER_BUILDING, tr(
                'Building {number} of "{keyword}" is in buildings {range}',
                number=number,
                keyword=keyword,
                range=describe_range(rule.number_lo, rule.number_hi, rule.parity),
            )
        if kind == "road-range":
            found = _HOUSE_NO_RE.match(after)
            if found is None:
                return TIER_UNCONFIRMED, tr(
                    'No house number in the address; "{keyword}" covers numbers {range}',
                    keyword=keyword,
                    range=describe_range(rule.number_lo, rule.number_hi, rule.parity),
                )
            number = int(found.group(1))
            if not _in_range(number, rule):
                return None
            return TIER_ROAD_RANGE, tr(
                'House number {number} on "{keyword}" is in {range}',
                number=number,
                keyword=keyword,
                range=describe_range(rule.number_lo, rule.number_hi, rule.parity),
            )
        if kind == "community":
            if rule.rule_id in self._labels:
                return TIER_BUILDING, tr('Block "{keyword}" matched', keyword=keyword)
            return TIER_COMMUNITY, tr('Community or place "{keyword}" matched', keyword=keyword)
        if kind == "road":
            return TIER_ROAD, tr('Road "{keyword}" matched (whole road)', keyword=keyword)
        if kind == "town":
            return TIER_TOWN, tr('Town or street "{keyword}" matched', keyword=keyword)
        return TIER_DISTRICT, tr('District "{keyword}" matched', keyword=keyword)


def _better(new: Candidate, held: Candidate) -> bool:
    if new.score != held.score:
        return new.score > held.score
    return new.rule.rule_id < held.rule.rule_id


__all__ = [
    "KINDS",
    "AddressMatch",
    "AddressMatcher",
    "AreaRuleSpec",
    "Candidate",
    "Fragment",
    "FragmentError",
    "describe_range",
    "normalise",
    "parse_area_cell",
]
