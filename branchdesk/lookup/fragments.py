"""Area-table cells → fragments: the names a courier covers, each with the part of it he covers.

Pure Python. `parse_area_cell(cell, range_text)` reads one cell of the area column (and the
separate 门牌范围 column) into `Fragment`s; the importer stores them, the matcher reads them.
A fragment is a name a customer would type (a road, estate, market, building, village, town)
plus what narrows it down: a number range on the right counter (house 号, lane 弄, building 幢,
unit 单元, floor 层, village group 组), parity, phase (期), a fixed building for unit/floor
ranges, exclusions (除12号), a side (西侧, 以东) and a condition the text cannot decide
(与XX路交叉口以北). A qualifier (单, 双, 东侧, 除, a bare E座) is never a name of its own.

Forms (DESIGN.md "Address matching semantics", issue 12): 名称; 名称（甲、乙）; 名称(A座,B座);
路名12号 / 1-99号 / 1号-99号 / 1~99号 / 1至99号 / 151号以后 / 12号以内 / 全段; 单号/双号 and
（单）/(双号)/单号侧; 小区1-12幢 / 1号楼-8号楼 / A-C座 / Ａ－Ｃ座 / 一至三幢 / 三幢 / 七号楼 / 17# /
8＃楼; 3栋1-2单元; 1-10层; 二期、三期13-30号楼; X村1组至5组、6-10组; 人民路20号院;
东园一路至东园六路; 新华街（除12号）/ 不含5号; 建设路（西侧）; 与XX路交叉口以北; XX路以东.
A range or parity standing alone after a separator continues the name before it.

Errors (FragmentError) are for text that contradicts itself (a range written backwards,
brackets that do not close, a range with no name, digits that mean nothing); text that is
understood only in part is kept as a condition and the fragment carries a `warning`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from branchdesk.i18n import tr
from branchdesk.lookup.address import BUILDING, CN_NUMERALS, MAX_DIGITS, cn_number, normalise
from branchdesk.lookup.regions import recognise

KINDS = ("building-range", "community", "road-range", "road", "town", "district")
ONS = ("house", "lane", "building", "unit", "floor", "group")


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
    on: str = "house"  # what lo/hi count: house | lane | building | unit | floor | group
    letters: bool = False  # lo/hi are letters A=1 … (A-C座)
    building: str | None = None  # the building a unit or floor range is in (3栋1-2单元)
    phase: int | None = None  # 二期 → 2
    exclude: tuple[tuple[int, int | None], ...] = ()  # (lo, hi) ranges not covered
    side: str | None = None  # E W S N: 西侧, 以东
    condition: str | None = None  # kept as written, not decidable from an address alone
    warning: str | None = None  # what was read only in part
    lane: int | None = None  # the lane a house range is inside (富民路88弄1-30号)

    def detail(self) -> dict[str, Any] | None:
        """The parts beyond the table columns, for storing (None when there are none)."""
        out: dict[str, Any] = {}
        if self.on != "house":
            out["on"] = self.on
        if self.letters:
            out["letters"] = True
        for key in ("building", "phase", "side", "condition", "warning", "lane"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.exclude:
            out["exclude"] = [list(x) for x in self.exclude]
        return out or None

    def with_detail(self, detail: dict[str, Any] | None) -> Fragment:
        """This fragment with the stored parts applied (the inverse of `detail`)."""
        if not detail:
            return self
        return replace(
            self,
            on=str(detail.get("on", "house")),
            letters=bool(detail.get("letters", False)),
            building=detail.get("building"),
            phase=detail.get("phase"),
            exclude=tuple(
                (int(x[0]), None if x[1] is None else int(x[1])) for x in detail.get("exclude", ())
            ),
            side=detail.get("side"),
            condition=detail.get("condition"),
            warning=detail.get("warning"),
            lane=None if detail.get("lane") is None else int(detail["lane"]),
        )


# --- what narrows a name down -----------------------------------------------------------------


@dataclass
class _Range:
    on: str
    lo: int | None
    hi: int | None
    letters: bool = False
    marked: bool = True  # written with 号/幢/层…; a bare 1-12 takes its meaning from the name


@dataclass
class _Spec:
    ranges: list[_Range] = field(default_factory=list)
    parity: str = "all"
    whole: bool = False
    phase: int | None = None
    building: str | None = None  # a single building (3幢), or the one a unit range is in
    exclude: list[tuple[int, int | None]] = field(default_factory=list)
    side: str | None = None
    condition: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.ranges
            or self.parity != "all"
            or self.whole
            or self.phase is not None
            or self.building is not None
            or self.exclude
            or self.side
            or self.condition
            or self.unknown
        )

    def merge(self, other: _Spec) -> _Spec:
        """`other` (written inside brackets or in the 门牌范围 column) on top of this one."""
        return _Spec(
            ranges=other.ranges or list(self.ranges),
            parity=other.parity if other.parity != "all" else self.parity,
            whole=(self.whole or other.whole) and not (other.ranges or self.ranges),
            phase=other.phase if other.phase is not None else self.phase,
            building=other.building if other.building is not None else self.building,
            exclude=[*self.exclude, *other.exclude],
            side=other.side or self.side,
            condition=[*self.condition, *other.condition],
            unknown=[*self.unknown, *other.unknown],
        )


_N = rf"(\d{{1,{MAX_DIGITS}}})"
_ON_MARK = {
    "号院": "house",
    "号巷": "lane",
    "号弄": "lane",
    "号": "house",
    "弄": "lane",
    "巷": "lane",
    BUILDING: "building",
    "单元": "unit",
    "层": "floor",
    "楼": "floor",
    "F": "floor",
    "组": "group",
}
_MARK = r"(号院|号巷|号弄|号|弄|巷|幢|单元|层|楼|F|组)"
_PARITY_WORDS = {
    "单号侧": "odd",
    "双号侧": "even",
    "单号": "odd",
    "双号": "even",
    "单数": "odd",
    "双数": "even",
    "单侧": "odd",
    "双侧": "even",
    "单": "odd",
    "双": "even",
}
_SIDE = {"东": "E", "西": "W", "南": "S", "北": "N"}
# The whole of a town or village (马街镇全镇, 新村全村): the town's or village's own name.
_WHOLE_PLACE = "全镇|全乡|全村|全街道|全域|全辖区|整镇|整村|整个镇|全境|全部"
_SPEC_TOKENS: list[tuple[str, re.Pattern[str]]] = [
    ("skip", re.compile(r"[()\-,，、;；:：]|(?:\(?含\)?)(?![\d])|的")),
    ("parity", re.compile(r"(单号侧|双号侧|单号|双号|单数|双数|单侧|双侧|单(?!元)|双)(?:门牌)?")),
    ("whole", re.compile(rf"(全段|全线|全路段|整条路|整条|全部|全境|{_WHOLE_PLACE})")),
    (
        "exclude",
        re.compile(
            rf"(?:除|不含|不包括)(?:去)?{_N}(?:号|弄|{BUILDING})?(?:-{_N}(?:号|弄|{BUILDING})?)?(?:外|以外|除外)?"
        ),
    ),
    ("side", re.compile(r"(?:靠)?([东西南北])(?:侧|面|边)")),
    (
        "cross",
        re.compile(
            r"与?([^()]{2,12}?)(?:交叉口|交叉路口|路口|交界处?)(?:以|往)?([东西南北])?(?:侧|面)?"
        ),
    ),
    ("bound", re.compile(r"([^()\d]{0,12}?)(?:以|往)([东西南北])(?:侧|面|方向)?")),
    ("phase", re.compile(rf"{_N}期")),
    ("open", re.compile(rf"{_N}{_MARK}?(?:及以后|及以上|以后|以上|之后|往后|开始|起|后)")),
    ("upto", re.compile(rf"{_N}{_MARK}?(?:以内|及以下|以下|以前|之前|止)")),
    ("letters", re.compile(rf"([A-Z]){BUILDING}?-([A-Z]){BUILDING}")),
    ("range", re.compile(rf"{_N}{_MARK}?-{_N}{_MARK}?")),
    ("one", re.compile(rf"{_N}{_MARK}")),
    ("label", re.compile(rf"([A-Z]{{1,2}}\d{{0,3}}|\d{{1,4}}[A-Z]){BUILDING}")),
    ("bare", re.compile(rf"{_N}(?![\d])")),
]
_CJK_RE = re.compile(r"[\u3400-\u9fff]")


def _mark_on(mark: str | None) -> str | None:
    return _ON_MARK.get(mark) if mark else None


def _read_spec(text: str, shown: str, road_like: bool) -> _Spec:
    """Everything written after a name: ranges, parity, phase, exclusions, side, conditions.

    Text not understood goes to `unknown`; digits that mean nothing raise FragmentError.
    """
    spec = _Spec()
    pos = 0
    unknown_from = -1
    while pos < len(text):
        for name, pattern in _SPEC_TOKENS:
            m = pattern.match(text, pos)
            if m is None or m.end() == pos:
                continue
            if not _apply_token(spec, name, m, shown, road_like):
                continue
            if unknown_from >= 0:
                spec.unknown.append(text[unknown_from:pos])
                unknown_from = -1
            pos = m.end()
            break
        else:
            if unknown_from < 0:
                unknown_from = pos
            pos += 1
    if unknown_from >= 0:
        spec.unknown.append(text[unknown_from:])
    return spec


def _apply_token(spec: _Spec, name: str, m: re.Match[str], shown: str, road_like: bool) -> bool:
    g = m.groups()
    if name == "skip":
        return True
    if name == "parity":
        spec.parity = _PARITY_WORDS[g[0]]
        return True
    if name == "whole":
        spec.whole = True
        return True
    if name == "exclude":
        lo = int(g[0])
        hi = int(g[1]) if g[1] else lo
        _check_order(lo, hi, shown)
        spec.exclude.append((lo, hi))
        return True
    if name == "side":
        spec.side = _SIDE[g[0]]
        return True
    if name == "cross":
        if not _CJK_RE.search(g[0]):
            return False
        spec.condition.append(m.group(0).strip("()"))
        if g[1]:
            spec.side = _SIDE[g[1]]
        return True
    if name == "bound":
        spec.side = _SIDE[g[1]]
        spec.condition.append(m.group(0).strip("()"))
        return True
    if name == "phase":
        spec.phase = int(g[0])
        return True
    if name == "open":
        on = _mark_on(g[1]) or ("house" if road_like else "building")
        spec.ranges.append(_Range(on, int(g[0]), None, marked=bool(g[1])))
        return True
    if name == "upto":
        on = _mark_on(g[1]) or ("house" if road_like else "building")
        spec.ranges.append(_Range(on, 1, int(g[0]), marked=bool(g[1])))
        return True
    if name == "letters":
        lo, hi = ord(g[0]) - 64, ord(g[1]) - 64
        if lo > hi:
            _check_order(lo, hi, shown)
        spec.ranges.append(_Range("building", lo, hi, letters=True))
        return True
    if name == "range":
        lo, hi = int(g[0]), int(g[2])
        on = _mark_on(g[3]) or _mark_on(g[1]) or ("house" if road_like else "building")
        _check_order(lo, hi, shown)
        if on in ("unit", "floor") and spec.ranges and spec.ranges[-1].lo == spec.ranges[-1].hi:
            # 3栋1-2单元: the single building before is where the units are
            last = spec.ranges.pop()
            spec.building = str(last.lo)
        spec.ranges.append(_Range(on, lo, hi, marked=bool(g[1] or g[3])))
        return True
    if name == "one":
        on = _mark_on(g[1]) or "house"
        value = int(g[0])
        if on == "building":
            spec.building = str(value)
            return True
        if on in ("unit", "floor") and spec.building is None and spec.ranges:
            last = spec.ranges[-1]
            if last.on == "building" and last.lo == last.hi:
                spec.ranges.pop()
                spec.building = str(last.lo)
        spec.ranges.append(_Range(on, value, value))
        return True
    if name == "label":
        spec.building = g[0]
        return True
    if name == "bare":
        value = int(g[0])
        on = "house" if road_like else "building"
        spec.ranges.append(_Range(on, value, value, marked=False))
        return True
    return False


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


# --- names -------------------------------------------------------------------------------------

_ROAD_SUFFIXES = ("大道", "大街", "路", "街", "道", "巷", "弄", "胡同", "里弄")
_TOWN_SUFFIXES = ("街道", "镇", "乡")
_PLACE_区 = (
    "小区",
    "社区",
    "园区",
    "校区",
    "厂区",
    "景区",
    "片区",
    "街区",
    "城区",
    "营区",
    "新区",
    "商区",
    "住宅区",
    "生活区",
    "宿舍区",
    # zones (新安工业区 was a district, answered by the district's catch-all courier)
    "工业区",
    "开发区",
    "保税区",
    "商务区",
    "商业区",
    "物流区",
    "产业区",
    "度假区",
    "风景区",
    "旅游区",
    "港区",
    "矿区",
)


# An estate's name, then a part of it: 和平里一区, 翠苑2区, 嘉绿苑北区.
_ESTATE_PART = re.compile(
    r"[里苑园府城庭居湾村坊厦场院](?:[一二三四五六七八九十\dA-Z]+|[东西南北中])区$"
)


def classify(name: str) -> str:
    """The kind a bare name has by its ending: town, district, road or community."""
    if name.endswith(_TOWN_SUFFIXES):
        return "town"
    if _ESTATE_PART.search(name) and recognise(name).district != name:
        return "community"  # 和平里一区, 翠苑二区, 嘉绿苑北区: parts of an estate
    if name.endswith(("区", "县")) and not name.endswith(_PLACE_区) and len(name) <= 5:
        return "district"
    if name.endswith("新区") and len(name) <= 5 and recognise(name).district == name:
        return "district"
    if name.endswith(_ROAD_SUFFIXES):
        return "road"
    return "community"


def is_road(name: str) -> bool:
    return classify(name) == "road"


# Where the written range starts: the first digit after the name, a parity or whole-road word,
# an exclusion, a side or bound, a lettered block.
_SPEC_START_RE = re.compile(
    r"\d|单号|双号|单数|双数|单侧|双侧|全段|全线|全路段|整条|除|不含|不包括"
    + f"|(?<=[镇乡村道])(?:{_WHOLE_PLACE})$"  # 马街镇全镇, not 万全村 or 大全镇
    + r"|以[东西南北]|[东西南北]侧|与.{2,12}?(?:交叉|路口)|[A-Z]{1,2}\d{0,3}(?:幢|-[A-Z])"
)
_LABEL_TAIL_RE = re.compile(
    rf"(?:\d{{1,{MAX_DIGITS}}}[A-Z]?|[A-Z]{{1,2}}\d{{0,3}}|[{CN_NUMERALS}]{{1,3}})(?:{BUILDING}|区|期|单元)$"
)
_BARE_LABEL_RE = re.compile(r"(?:\d{1,4}|[A-Z]{1,2}\d{0,3})$")
_LABEL_RE = re.compile(
    rf"(?:\d{{1,{MAX_DIGITS}}}[A-Z]?|[A-Z]{{1,2}}\d{{0,3}}|[{CN_NUMERALS}]{{1,3}})"
    rf"(?:{BUILDING}|区|期|单元)"
)


_NUMBER_MARK_RE = re.compile(
    r"号|弄|巷|幢|单元|层|楼|组|期|至|到|以|及|之|起|后|止|单|双|室|户|开始|往"
)


def _split_name(text: str) -> tuple[str, str]:
    """(name, what is written after it) of a bracket-free piece; name "" for a bare range."""
    if text in _PARITY_WORDS:
        return "", text  # 单 / 双 standing alone
    start = 0
    while True:
        m = _SPEC_START_RE.search(text, start)
        if m is None:
            return text, ""
        p = m.start()
        if text[p].isdigit():
            # 1912街区, 8号公馆: digits running into a name are part of it
            end = p
            while end < len(text) and text[end].isdigit():
                end += 1
            after = text[end : end + 2]
            if after and _CJK_RE.match(after[0]) and not _NUMBER_MARK_RE.match(after):
                start = end
                continue
            if (
                p == 0
                and after.startswith("号")
                and len(after) == 2
                and _CJK_RE.match(after[1])
                and not _NUMBER_MARK_RE.match(text, end + 1)
                and text[end + 1] not in "院("
            ):
                start = end + 1  # 8号公馆: a name that starts with a number
                continue
        return text[:p], text[p:]


_SERIES_RE = re.compile(
    rf"^(.+)([{CN_NUMERALS}]+|\d+)(.{{0,2}}?(?:路|街|巷|弄|大道|条|胡同|坊))-?(?:至|到|-)(?:\1)?"
    rf"([{CN_NUMERALS}]+|\d+)\3$"
)


def _road_series(text: str) -> list[str] | None:
    """东园一路至东园六路 → 东园一路 … 东园六路 (written as the cell writes them); 大磡村一坊至
    十坊 → 大磡村一坊 … 大磡村十坊."""
    if len(text) > 40 or not ("至" in text or "到" in text or "-" in text):
        return None
    m = _SERIES_RE.match(text)
    if m is None:
        return None
    stem, first, suffix, last = m.group(1), m.group(2), m.group(3), m.group(4)
    lo = int(first) if first.isdigit() else cn_number(first)
    hi = int(last) if last.isdigit() else cn_number(last)
    if lo is None or hi is None or not 0 < hi - lo < 50:
        return None
    chinese = not first.isdigit()
    return [f"{stem}{_cn(n) if chinese else n}{suffix}" for n in range(lo, hi + 1)]


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


# --- fragments from a name and its spec ---------------------------------------------------------


def _fragments(name: str, spec: _Spec, parent: str | None, shown: str) -> list[Fragment]:
    """The fragments of `name` narrowed by `spec` (one per range written)."""
    if not name:
        raise FragmentError(
            tr(
                '"{fragment}" has an empty name; write the community or road name',
                fragment=shown,
            )
        )
    condition, warning = _condition_text(spec, shown)
    if condition and condition[:1] in ("以", "往"):
        condition = name + condition  # 建设路以东
    exclude = tuple(spec.exclude)
    common: dict[str, Any] = {
        "phase": spec.phase,
        "exclude": exclude,
        "side": spec.side,
        "condition": condition,
        "warning": warning,
    }
    kind_of_name = classify(name)
    if kind_of_name in ("town", "district") and not spec.ranges:
        return [Fragment(name, parent, kind_of_name, None, None, "all", shown, **common)]
    if not spec.ranges:
        if spec.building is not None:
            # 万达广场A座, 晓风苑3号楼: a single block counts only together with its estate
            keyword = name + spec.building + BUILDING
            return [Fragment(keyword, name, "community", None, None, "all", shown, **common)]
        if spec.phase is not None and not spec.whole and spec.parity == "all":
            keyword = f"{name}{spec.phase}期"
            return [Fragment(keyword, name, "community", None, None, "all", shown, **common)]
        if spec.whole:
            kind = "road"
        elif spec.parity != "all":
            kind = "road-range"
        else:
            kind = kind_of_name
        return [Fragment(name, parent, kind, None, None, spec.parity, shown, **common)]
    out = []
    ranges = spec.ranges
    lanes = [r for r in ranges if r.on == "lane" and r.lo is not None and r.lo == r.hi]
    lane = None
    if len(lanes) == 1 and any(r.on == "house" for r in ranges):
        # 富民路88弄1-30号: houses 1-30 inside lane 88, not lane 88 and houses of the road
        lane = lanes[0].lo
        ranges = [r for r in ranges if r is not lanes[0]]
    for r in ranges:
        kind = "road-range" if r.on in ("house", "lane") else "building-range"
        out.append(
            Fragment(
                name,
                parent,
                kind,
                r.lo,
                r.hi,
                spec.parity,
                shown,
                on=r.on,
                letters=r.letters,
                building=spec.building if r.on in ("unit", "floor") else None,
                lane=lane if r.on == "house" else None,
                **common,
            )
        )
    return out


def _condition_text(spec: _Spec, shown: str) -> tuple[str | None, str | None]:
    """The kept condition and the warning for text read only in part."""
    unknown = [u for u in (x.strip("()（）、，, ") for x in spec.unknown) if u]
    for text in unknown:
        if not _CJK_RE.search(text):
            raise FragmentError(
                tr(
                    '"{fragment}": "{text}" is not understood; write a range such as 1-99号, '
                    "151号以后, 单号, 双号, 全段 or 1-12幢",
                    fragment=shown,
                    text=text,
                )
            )
    parts = [*spec.condition, *unknown]
    condition = "；".join(parts) if parts else None
    warning = None
    if unknown:
        warning = tr(
            'Read in part: "{text}" is kept as a condition and not checked',
            text="；".join(unknown),
        )
    return condition, warning


# --- cells ------------------------------------------------------------------------------------

_SEPARATORS = frozenset(";、,/\n\r；，／|｜")
# Names written apart by a space, a dot or a plus (雨儿胡同 福祥胡同, 菊儿胡同.寿比胡同): split
# where the text before ends as a name does and the text after is a name of 3+ characters
# (not 帽儿胡同 1-45号, nor 春江花月小区 东区, nor 万达 广场). A middle dot is no separator:
# 碧桂园·天玺湾 is one estate (a developer's name and the estate's).
_APART_RE = re.compile(r"(?:[\s\u3000]*[.+＋][\s\u3000]*|[\s\u3000]+)")
_NAME_ENDS = tuple("路街巷道弄同村园苑城场厦院府庭湾居里坊条号楼幢栋座期段")
_CJK_START_RE = re.compile(r"[\u4e00-\u9fff]{3}")
_OPENING = frozenset("(（【〔［")
_CLOSING = frozenset(")）】〕］")


# What a name written after a gap ends with: a road, an estate, a village (not 三号楼, 十二幢,
# 南侧段, 一号至九十九号, which narrow the name before it).
_AFTER_NAME_ENDS = tuple("路街巷道弄同村园苑城场厦院府庭湾居里坊条")


def _looks_like_a_name(text: str) -> bool:
    """`text` (after a gap in a cell) is a name of its own: 福祥胡同, 甲十路; not a range,
    a side or a generic part (写字楼, 步行街)."""
    compact = normalise(text)
    if not compact.endswith(_AFTER_NAME_ENDS) or compact in _GENERIC_PARTS:
        return False
    if any(word in compact for word in ("侧", "以东", "以西", "以南", "以北", "路口", "部分")):
        return False
    return _spec_only(compact, text, True) is None


def _names_apart(cell: str) -> str:
    """`cell` with names written apart by spaces, dots or pluses separated by 、."""
    if not _APART_RE.search(cell):
        return cell
    pieces = _APART_RE.split(cell)
    gaps = _APART_RE.findall(cell)
    out = [pieces[0]]
    for gap, piece in zip(gaps, pieces[1:], strict=True):
        before = out[-1].rstrip()
        after = re.split(f"[{re.escape(''.join(_SEPARATORS))}(（]", piece, maxsplit=1)[0]
        apart = (
            before.endswith(_NAME_ENDS)
            and _CJK_START_RE.match(after) is not None
            and _looks_like_a_name(after)
        )
        out.append("、" if apart else gap)
        out.append(piece)
    return "".join(out)


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


_FILLER_ITEMS = frozenset({"含", "含本号", "包含", "包括", "均含", "全部", "等"})
_INCLUDED_RE = re.compile(r"(?:含有|包含|包括|均含|含)(?![单双])")
# What an estate is made of, not a place of its own: 星河传奇（商铺、底商） is 星河传奇's shops,
# and 商铺 alone (雅宝路18号商铺) is no estate's. Such a part counts only with its estate.
_GENERIC_PARTS = frozenset(
    {
        "商铺", "底商", "门面", "门面房", "店面", "沿街", "沿街商铺", "商业", "商业街", "住宅",
        "公寓", "写字楼", "办公楼", "车库", "地下室", "地下车库", "别墅", "洋房", "高层",
        "多层", "小高层", "排屋", "叠墅", "裙楼", "主楼", "会所", "物业", "幼儿园", "步行街",
        "购物中心", "商场", "美食街",
    }
)  # fmt: skip


def _spec_only(text: str, shown: str, road_like: bool) -> _Spec | None:
    """The spec when `text` is nothing but ranges, parity, sides, conditions; else None."""
    spec = _read_spec(text, shown, road_like)
    if spec.empty or spec.unknown:
        return None
    return spec


def _groups(text: str) -> tuple[str, list[str], str]:
    """(text before the first bracket, the inner texts of the top-level groups, text after)."""
    head_end = text.index("(")
    groups: list[str] = []
    rest: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text[head_end:]:
        if char == "(":
            if depth > 0:
                current.append(char)
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                groups.append("".join(current))
                current = []
            else:
                current.append(char)
        elif depth > 0:
            current.append(char)
        else:
            rest.append(char)
    return text[:head_end], groups, "".join(rest)


def _piece(text: str, shown: str, previous: Fragment | None) -> list[Fragment]:
    """One fragment of a cell (no top-level separators), brackets included."""
    if "(" not in text:
        return _plain(text, shown, None, previous)
    head, groups, tail = _groups(text)
    name, written = _split_name(head)
    if name and written.isdigit() and not tail:
        name, written = head, ""  # 阳光100（一期、二期）: the number is the estate's name
    if not name and not written and previous is None:
        raise FragmentError(
            tr(
                '"{fragment}" has no name before the brackets; write the estate or road first, '
                "e.g. 春江花月（晓风苑、江树苑）",
                fragment=shown,
            )
        )
    base_name = name
    if not name and previous is not None:
        base_name = _continued_name(previous)
    road_like = is_road(base_name)
    spec = _read_spec(written + tail, shown, road_like) if (written or tail) else _Spec()
    items = [item for group in groups for item in _split_top_level(group) if item.strip("()")]
    if not items and not groups:
        return _fragments(base_name, spec, None, shown)
    if not items:
        raise FragmentError(
            tr(
                '"{fragment}": nothing inside the brackets; list the sub-names, '
                "e.g. 春江花月（晓风苑、江树苑）",
                fragment=shown,
            )
        )
    if not base_name:
        raise FragmentError(
            tr(
                '"{fragment}" has no name before the brackets; write the estate or road first, '
                "e.g. 春江花月（晓风苑、江树苑）",
                fragment=shown,
            )
        )
    out: list[Fragment] = []
    subs = False
    merged = spec
    specs_inside: list[_Spec] = []
    for item in items:
        if item in _FILLER_ITEMS:
            continue
        included = _INCLUDED_RE.match(item)
        if included is not None:
            rest = item[included.end() :]
            if rest[:1].isdigit() and road_like:
                extra = _spec_only(rest, shown, road_like)
                if extra is not None:
                    # 姚江路1-99号（含101号）: 101 as well; on a whole road, nothing more
                    if not spec.empty:
                        out.extend(_fragments(base_name, extra, None, shown))
                        subs = True
                    continue
            if len(rest) >= (2 if len(included.group()) > 1 else 4) or _LABEL_RE.fullmatch(rest):
                # 台东一路（含台东步行街）, 万达广场（含A座、B座）; not 含光路 or 含光北路 (西安),
                # names of their own
                item = rest

        inner = _spec_only(item, shown, road_like)
        if inner is not None and not (inner.building is not None and not inner.ranges):
            specs_inside.append(inner)
            continue
        if _LABEL_RE.fullmatch(item) or _BARE_LABEL_RE.fullmatch(item) or item in _GENERIC_PARTS:
            # 万达广场（A座、B座）, 星河传奇（商铺）: a block label or a generic part counts
            # only with its estate; the estate itself is a name too where the part is generic
            # (星河传奇（住宅、别墅）: 星河传奇5幢301 is one of them, as no address says 住宅)
            out.append(Fragment(base_name + item, base_name, "community", None, None, "all", shown))
            subs = subs or item in _GENERIC_PARTS
            continue
        if "(" in item:
            for sub in _piece(item, shown, None):
                out.append(sub if sub.parent else replace(sub, parent=base_name))
            subs = True
            continue
        sub_name, sub_written = _split_name(item)
        if not sub_name:
            specs_inside.append(_read_spec(item, shown, road_like))
            continue
        sub_spec = _read_spec(sub_written, shown, is_road(sub_name)) if sub_written else _Spec()
        out.extend(_fragments(sub_name, sub_spec, base_name, shown))
        subs = True
    if specs_inside:
        # 姚江路(1-99号), 花港路1~60号（单）, 新华街（除12号）, 建设路（西侧）
        combined: list[Fragment] = []
        range_specs = [s for s in specs_inside if s.ranges]
        others = [s for s in specs_inside if not s.ranges]
        phases = [s for s in others if s.phase is not None]
        if len(phases) > 1:
            # 龙湖天街（一期、二期）: each phase is the estate's, not the last one alone (and
            # with 1-5幢 beside them, buildings 1-5 of each)
            others = [s for s in others if s not in phases]
            range_specs = [p.merge(r) for p in phases for r in range_specs] or phases
        for extra in others:
            merged = merged.merge(extra)
        if range_specs:
            for s in range_specs:
                combined.extend(_fragments(base_name, merged.merge(s), None, shown))
        else:
            combined.extend(_fragments(base_name, merged, None, shown))
        return combined + out
    if subs or not out:
        # 春江花月（晓风苑、江树苑）: the estate is a name of its own as well
        out = _fragments(base_name, spec, None, shown) + out
    return out


def _continued_name(previous: Fragment) -> str:
    """The name a range standing alone continues: the estate of a block, else the name."""
    if (
        previous.parent
        and (previous.kind == "community" or previous.kind == "building-range")
        and previous.keyword.startswith(previous.parent)
        and previous.keyword != previous.parent
    ):
        return previous.parent
    if previous.kind == "community" and previous.parent:
        return previous.parent
    return previous.keyword


def _plain(text: str, shown: str, parent: str | None, previous: Fragment | None) -> list[Fragment]:
    """One fragment without brackets: 名称, 路名1-99号单号, 小区1-12幢, 万达广场A幢 …"""
    series = _road_series(text)
    if series is not None:
        return [Fragment(n, parent, "road", None, None, "all", shown) for n in series]
    name, written = _split_name(text)
    if not name:
        if previous is not None:
            base = _continued_name(previous)
            spec = _read_spec(written, shown, is_road(base))
            if spec.empty:
                return []
            # 姚江路1-99号、101-199号 / 二期、三期13-30号楼 / 1组至5组、6-10组
            return _fragments(
                base, spec, previous.parent if previous.parent != base else None, shown
            )
        if written and _read_spec(written, shown, False).empty:
            return []
        raise FragmentError(
            tr(
                '"{fragment}" has no community or road name; write the name before the range, '
                "e.g. 姚江路1-99号 or 晓风苑1-12幢",
                fragment=shown,
            )
        )
    spec = _read_spec(written, shown, is_road(name)) if written else _Spec()
    if spec.empty and not written:
        label = _LABEL_TAIL_RE.search(name)
        if label is not None and label.start() > 0:
            # 万达广场B区: a labelled part counts together with its estate
            return [Fragment(name, name[: label.start()], "community", None, None, "all", shown)]
    return _fragments(name, spec, parent, shown)


def _spread_phase_range(before: list[Fragment], new: list[Fragment]) -> None:
    """二期、三期13-30号楼: the buildings written after the last phase belong to each phase
    listed just before it (二期 alone is then 二期13-30号楼 too)."""
    if len(new) != 1 or new[0].phase is None or new[0].lo is None:
        return
    ranged = new[0]
    index = len(before) - 1
    while index >= 0:
        f = before[index]
        if not (
            f.kind == "community"
            and f.phase is not None
            and f.parent == ranged.keyword
            and f.keyword == f"{ranged.keyword}{f.phase}期"
        ):
            break
        before[index] = replace(ranged, phase=f.phase, text=f.text)
        index -= 1


def _modifier(text: str, shown: str) -> _Spec | None:
    """The spec of a piece that is only a qualifier (单, 双号, 西侧, 除12号), else None."""
    if "(" in text.strip("()"):
        return None
    name, written = _split_name(text.strip("()"))
    if name or not written:
        return None
    spec = _read_spec(written, shown, True)
    if spec.empty or spec.unknown or spec.ranges or spec.phase is not None:
        return None
    if spec.building is not None:
        return None
    return spec


def _range_column(range_text: str, shown_cell: str) -> list[_Spec] | None:
    """The specs written in the 门牌范围 column: 1-99号, 单号, 16 (a number), 1-17号；61号以后."""
    text = normalise(range_text)
    if not text:
        return None
    specs = []
    for piece in _split_top_level(text):
        piece = piece.strip()
        if not piece.strip("()"):
            continue
        spec = _read_spec(piece.strip("()") if piece.startswith("(") else piece, range_text, True)
        if spec.unknown and not any(_CJK_RE.search(u) for u in spec.unknown):
            raise FragmentError(
                tr(
                    'The house-number range "{text}" is not understood; write e.g. 1-99号, '
                    "151号以后, 单号, 双号, 全段 or 1-12幢",
                    text=range_text.strip(),
                )
            )
        if not spec.empty:
            specs.append(spec)
    return specs or None


def _apply_range(fragment: Fragment, spec: _Spec) -> list[Fragment]:
    if (
        fragment.phase is not None
        and fragment.parent
        and fragment.keyword == f"{fragment.parent}{fragment.phase}期"
        and spec.ranges
    ):
        # 蓝光锦绣城二期 with 1-12号楼 in the range column: buildings of that phase
        fragment = replace(fragment, keyword=fragment.parent, parent=None)
        base = _Spec(phase=fragment.phase)
        return _fragments(fragment.keyword, base.merge(spec), None, fragment.text)
    if fragment.kind in ("town", "district") or _is_label_keyword(
        fragment.keyword, fragment.parent, fragment.kind
    ):
        return [fragment]
    if (
        fragment.on == "lane"
        and fragment.lo is not None
        and fragment.lo == fragment.hi
        and any(r.on == "house" for r in spec.ranges)
    ):
        # 富民路88弄 with 1-30号 in the 门牌范围 column: houses 1-30 inside the lane
        lane = _Range("lane", fragment.lo, fragment.hi)
        inside = _Spec(
            ranges=[lane, *spec.ranges],
            parity=fragment.parity if fragment.parity != "all" else spec.parity,
            exclude=[*fragment.exclude, *spec.exclude],
            side=fragment.side or spec.side,
            condition=[c for c in (fragment.condition, *spec.condition) if c],
        )
        return _fragments(fragment.keyword, inside, fragment.parent, fragment.text)
    if fragment.lo is not None:
        parity = fragment.parity if fragment.parity != "all" else spec.parity
        condition = "；".join(x for x in (fragment.condition, *spec.condition) if x) or None
        return [
            replace(
                fragment,
                parity=parity,
                side=fragment.side or spec.side,
                exclude=(*fragment.exclude, *spec.exclude),
                condition=condition,
            )
        ]
    road_like = fragment.kind in ("road", "road-range") or is_road(fragment.keyword)
    base = _Spec(
        parity=fragment.parity,
        whole=False,
        phase=fragment.phase,
        exclude=list(fragment.exclude),
        side=fragment.side,
        condition=[fragment.condition] if fragment.condition else [],
    )
    merged = base.merge(spec)
    if not road_like:
        # 晓风苑 with 1-12 in the range column: buildings, not house numbers
        merged.ranges = [
            replace(r, on="building") if r.on == "house" and not r.marked else r
            for r in merged.ranges
        ]
    out = _fragments(fragment.keyword, merged, fragment.parent, fragment.text)
    if fragment.warning:
        out = [replace(f, warning=fragment.warning) for f in out]
    return out


def _is_label_keyword(keyword: str, parent: str | None, kind: str) -> bool:
    """True for 万达广场A幢 with parent 万达广场: a block label that counts with its estate."""
    if not parent or kind != "community" or not keyword.startswith(parent):
        return False
    label = keyword[len(parent) :]
    return bool(label) and bool(_LABEL_RE.fullmatch(label) or _BARE_LABEL_RE.fullmatch(label))


def parse_area_cell(cell: str, range_text: str | None = None) -> list[Fragment]:
    """The fragments of one area cell, with the separate 门牌范围 column applied.

    Raises FragmentError (a message for the user) for a fragment that makes no sense.
    """
    _check_brackets(normalise(cell), (cell or "").strip())
    fragments: list[Fragment] = []
    last: list[Fragment] = []  # the fragments of the piece before
    for piece in _split_top_level(_names_apart(cell or "")):
        shown = piece.strip()
        text = normalise(piece)
        if not text.strip("()"):
            continue
        _check_brackets(text, shown)
        previous = fragments[-1] if fragments else None
        modifier = _modifier(text, shown) if previous is not None else None
        if modifier is not None:
            # 花港路1-60号、单 / 建设路、西侧: a qualifier standing alone narrows the name before
            changed = [f for g in last for f in _apply_range(g, modifier)]
            fragments[len(fragments) - len(last) :] = changed
            last = changed
            continue
        piece_fragments = _piece(text, shown, previous)
        _spread_phase_range(fragments, piece_fragments)
        last = piece_fragments
        fragments.extend(last)
    if range_text is not None and not isinstance(range_text, str):
        range_text = str(range_text)  # 16 typed as a number in the 门牌号 column: 16号
    specs = _range_column(range_text, cell) if range_text else None
    if specs is not None:
        applied: list[Fragment] = []
        for fragment in fragments:
            for spec in specs:
                applied.extend(_apply_range(fragment, spec))
        fragments = applied
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
        key = (f.keyword, f.parent, f.kind, f.lo, f.hi, f.parity, f.on, f.building, f.phase, f.lane)
        if key not in seen:
            seen.add(key)
            result.append(f)
    return result


def is_label_keyword(keyword: str, parent: str | None, kind: str) -> bool:
    return _is_label_keyword(keyword, parent, kind)


__all__ = [
    "KINDS",
    "ONS",
    "Fragment",
    "FragmentError",
    "cell_text",
    "classify",
    "is_label_keyword",
    "is_road",
    "parse_area_cell",
]


# --- how a fragment was read, for the owner -----------------------------------------------------

_ON_WORD = {
    "house": "号",
    "lane": "弄",
    "building": "幢",
    "unit": "单元",
    "floor": "层",
    "group": "组",
}
_SIDE_WORD = {"E": "东侧", "W": "西侧", "S": "南侧", "N": "北侧"}


def cell_text(fragment: Fragment) -> str:
    """`fragment` written as one area cell (中山西路单号, 夏北大街5弄, 清水河畔3幢1-2单元,
    洗面桥街（除12号）): what an export writes where the text it was read from does not give
    the rule by itself (a range from the 门牌范围 column, a piece continuing the one before)."""
    text = fragment.keyword
    if fragment.phase is not None and not text.endswith(f"{fragment.phase}期"):
        text += f"{fragment.phase}期"
    if fragment.building is not None and fragment.on != "building":
        text += f"{fragment.building}{BUILDING}"
    if fragment.lane is not None:
        text += f"{fragment.lane}弄"
    text += _range_words(fragment)
    if fragment.condition:
        text += f"（{fragment.condition}）"  # 中山路（中山广场以东）: the side with it
    elif fragment.side is not None:
        text += _SIDE_WORD[fragment.side]
    if fragment.exclude:
        numbers = "、".join(
            f"{lo}号" if hi == lo else f"{lo}-{hi}号" if hi is not None else f"{lo}号以后"
            for lo, hi in fragment.exclude
        )
        text += f"（除{numbers}）"
    return text


def _range_words(fragment: Fragment) -> str:
    """A fragment's range and side of the road: 1-200号, 151号以后, 单号, 1-6幢双号; "" for
    none."""
    word = _ON_WORD.get(fragment.on, "号")
    lo, hi = fragment.lo, fragment.hi
    if lo is not None and hi is not None:
        first = _number(fragment.on, lo, fragment.letters)
        last = _number(fragment.on, hi, fragment.letters)
        text = f"{first}{word}" if lo == hi else f"{first}{word}-{last}{word}"
    elif lo is not None:
        text = f"{_number(fragment.on, lo, fragment.letters)}{word}以后"
    elif hi is not None:
        text = f"{_number(fragment.on, hi, fragment.letters)}{word}以内"
    else:
        text = ""
    return text + {"odd": "单号", "even": "双号"}.get(fragment.parity, "")


def _number(on: str, value: int, letters: bool) -> str:
    if letters:
        return chr(64 + value) if 1 <= value <= 26 else str(value)
    return str(value)


def describe(fragment: Fragment) -> str:
    """The fragment as it was read, in the table's own words: 花港路 1-60号 单号 · 除12号 · 西侧."""
    name = fragment.keyword
    words: list[str] = []
    if fragment.parent and is_label_keyword(fragment.keyword, fragment.parent, fragment.kind):
        name = fragment.parent
        words.append(fragment.keyword[len(fragment.parent) :])
    if fragment.phase is not None and not any(w.endswith("期") for w in words):
        words.append(f"{fragment.phase}期")
    if fragment.building is not None and fragment.on in ("unit", "floor"):
        words.append(f"{fragment.building}幢")
    if fragment.lane is not None:
        words.append(f"{fragment.lane}弄")
    lo, hi, on = fragment.lo, fragment.hi, fragment.on
    mark = "座" if fragment.letters else _ON_WORD.get(on, "号")
    if lo is not None:
        first = _number(on, lo, fragment.letters)
        if hi is None:
            words.append(f"{first}{mark}以后")
        elif lo == hi:
            words.append(f"{first}{mark}")
        else:
            words.append(f"{first}-{_number(on, hi, fragment.letters)}{mark}")
    elif fragment.kind == "road":
        words.append("全段")
    if fragment.parity == "odd":
        words.append("单号")
    elif fragment.parity == "even":
        words.append("双号")
    for ex_lo, ex_hi in fragment.exclude:
        words.append(f"除{ex_lo}号" if ex_lo == ex_hi else f"除{ex_lo}-{ex_hi}号")
    if fragment.side and not fragment.condition:
        words.append(_SIDE_WORD[fragment.side])
    if fragment.condition:
        words.append(f"（{fragment.condition}）")
    return " ".join([name, *words])
