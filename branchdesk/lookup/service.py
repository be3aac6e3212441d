"""Lookup: one query (address, waybill number, phone or its tail) → couriers, route, waybills."""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, TypeVarTuple

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from branchdesk.db.writes import WriteCounter
from branchdesk.i18n import tr
from branchdesk.io.models import ImportBatch
from branchdesk.lookup import search
from branchdesk.lookup.home import branch_region
from branchdesk.lookup.levels import SURE_LEVELS
from branchdesk.lookup.matching import AddressMatch, AddressMatcher, AreaRuleSpec, normalise
from branchdesk.lookup.models import AreaRule, ArrivalTime, Courier, Route
from branchdesk.lookup.regions import (
    Region,
    city_written,
    looks_like_address,
    recognise,
    shared_district,
    short_name,
    unknown_district,
)
from branchdesk.lookup.suggest import Suggester
from branchdesk.lookup.waybills import looks_like_waybill, normalise_number
from branchdesk.simplified import to_simplified

MAX_QUERY_CHARS = 200
# A courier who has left still shows, but below every active candidate.
INACTIVE_PENALTY = 100_000
_DIGITS = re.compile(r"\d+")
Ts = TypeVarTuple("Ts")
_PHONE = re.compile(r"(?:\+?86)?(1\d{10})")


@dataclass(frozen=True)
class MatchInfo:
    """How sure an answer is: `level` (LEVELS), the rule as it was read, and why it fits."""

    level: str
    rule: str
    reason: str


@dataclass(frozen=True)
class CourierHit:
    courier_id: int
    name: str
    employee_no: str | None
    phone: str | None
    segment_code: str | None
    station: str | None
    active: bool
    score: float
    rule: str  # the fragment as written in the area table
    kind: str
    reason: str
    match: MatchInfo | None = None  # `lookup --json`: match: {level, rule, reason}


@dataclass(frozen=True)
class RouteInfo:
    province: str
    city: str | None
    district: str | None
    hub: str | None
    transit_center: str | None
    route_code: str | None
    cutoff_time: str | None


@dataclass(frozen=True)
class WaybillHit:
    number: str
    carrier: str
    recipient: str | None
    phone: str | None
    address: str | None
    status: str | None
    event_date: date | None
    courier: str | None
    sender: str | None = None  # the sending customer (寄件人), where imported


@dataclass
class LookupResult:
    query: str
    kind: str  # empty | waybill | phone | phone_tail | text
    couriers: list[CourierHit] = field(default_factory=list)
    ambiguous: bool = False
    region: Region | None = None
    route: RouteInfo | None = None
    arrival_days: str | None = None
    express_days: int | None = None
    waybills: list[WaybillHit] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    address: str | None = None  # the address the couriers were matched for
    level: str = "none"  # the confidence of the best courier (LEVELS)
    tie_reason: str | None = None  # why `ambiguous` is set
    region_is_default: bool = False  # the address names no region: the branch's own is used
    areas_known: bool = True  # False: no area table imported, no address finds a courier
    caution: str | None = None  # why an answer, sure as its rule matched, is to be checked

    @property
    def sure(self) -> bool:
        """One courier, by a sure rule, with nothing to check: what may be told as it is."""
        return (
            bool(self.couriers)
            and self.level in SURE_LEVELS
            and not self.ambiguous
            and self.caution is None
        )

    def to_json(self) -> dict[str, Any]:
        """The stable `lookup --json` shape (DESIGN.md "Command line")."""
        return {
            "query": self.query,
            "kind": self.kind,
            "address": self.address,
            "couriers": [asdict(c) for c in self.couriers],
            "ambiguous": self.ambiguous,
            "region": asdict(self.region) if self.region else None,
            "route": asdict(self.route) if self.route else None,
            "arrival_days": self.arrival_days,
            "express_days": self.express_days,
            "waybills": [
                {**asdict(w), "event_date": w.event_date.isoformat() if w.event_date else None}
                for w in self.waybills
            ],
            "suggestions": self.suggestions,
            "caution": self.caution,
            "sure": self.sure,
        }


@dataclass(frozen=True)
class _ArrivalInfo:
    province: str
    city: str | None
    days_min: int
    days_max: int
    express_days: int | None


@dataclass(frozen=True)
class _CourierInfo:
    name: str
    employee_no: str | None
    phone: str | None
    active: bool


class LookupIndex:
    """Everything lookup keeps in memory: the area matcher, couriers, routes, arrival times."""

    def __init__(self, session: Session) -> None:
        # Columns, not ORM rows: 5,000 rules and their couriers as entities cost a third of
        # the index's build, and nothing here writes them back.
        rules = session.execute(
            only_active(
                select(
                    AreaRule.id,
                    AreaRule.courier_id,
                    Courier.name,
                    AreaRule.keyword,
                    AreaRule.parent_keyword,
                    AreaRule.kind,
                    AreaRule.number_lo,
                    AreaRule.number_hi,
                    AreaRule.parity,
                    AreaRule.district,
                    AreaRule.town,
                    AreaRule.source_text,
                    AreaRule.segment_code,
                    AreaRule.detail,
                    AreaRule.note,
                    AreaRule.station,
                ).join(Courier, AreaRule.courier_id == Courier.id),
                AreaRule,
            )
        )
        specs = []
        self.stations: dict[int, str | None] = {}
        for (
            rule_id,
            courier_id,
            courier_name,
            keyword,
            parent_keyword,
            kind,
            number_lo,
            number_hi,
            parity,
            district,
            town,
            source_text,
            segment_code,
            stored_detail,
            note,
            station,
        ) in rules:
            try:
                detail = json.loads(stored_detail) if stored_detail else None
            except ValueError:
                detail = None
            specs.append(
                AreaRuleSpec(
                    rule_id=rule_id,
                    courier_id=courier_id,
                    courier_name=courier_name,
                    keyword=keyword,
                    parent_keyword=parent_keyword,
                    kind=kind,
                    number_lo=number_lo,
                    number_hi=number_hi,
                    parity=parity,
                    district=district,
                    town=town,
                    source_text=source_text,
                    segment_code=segment_code,
                    detail=detail if isinstance(detail, dict) else None,
                    note=note,
                )
            )
            self.stations[rule_id] = station
        self.matcher = AddressMatcher(specs)
        self.rules_by_keyword: dict[str, list[AreaRuleSpec]] = {}
        for spec in specs:
            self.rules_by_keyword.setdefault(spec.keyword, []).append(spec)
        self.couriers = {
            courier_id: _CourierInfo(name, employee_no, phone, active)
            for courier_id, name, employee_no, phone, active in session.execute(
                select(Courier.id, Courier.name, Courier.employee_no, Courier.phone, Courier.active)
            )
        }
        self.routes: list[RouteInfo] = [
            RouteInfo(*row)
            for row in session.execute(
                only_active(
                    select(
                        Route.province,
                        Route.city,
                        Route.district,
                        Route.hub,
                        Route.transit_center,
                        Route.route_code,
                        Route.cutoff_time,
                    ),
                    Route,
                )
            )
        ]
        # Plain values, not ORM rows: this index is shared by the UI and worker threads.
        self.times: list[_ArrivalInfo] = [
            _ArrivalInfo(*row)
            for row in session.execute(
                only_active(
                    select(
                        ArrivalTime.province,
                        ArrivalTime.city,
                        ArrivalTime.days_min,
                        ArrivalTime.days_max,
                        ArrivalTime.express_days,
                    ),
                    ArrivalTime,
                )
            )
        ]

    @cached_property
    def _short_index(self) -> dict[str, list[str]]:
        """Each character and each pair of characters → the area names holding it, shortest
        first: a 1-2 character query looks at its own names, not at all 5,000."""
        index: dict[str, set[str]] = {}
        for keyword in self.rules_by_keyword:
            for i, char in enumerate(keyword):
                index.setdefault(char, set()).add(keyword)
                if i + 1 < len(keyword):
                    index.setdefault(keyword[i : i + 2], set()).add(keyword)
        return {k: sorted(v, key=lambda w: (len(w), w)) for k, v in index.items()}

    def names_containing(self, needle: str) -> list[str]:
        """The area names that contain `needle`, shortest first."""
        if not needle:
            return []
        index = self._short_index
        if len(needle) == 1:
            return list(index.get(needle, ()))
        postings = [index.get(needle[i : i + 2], ()) for i in range(len(needle) - 1)]
        rarest = min(postings, key=len)
        return [k for k in rarest if needle in k] if len(needle) > 2 else list(rarest)

    @cached_property
    def suggester(self) -> Suggester:
        """Built on the first search that finds nothing (pinyin of every name)."""
        names = set(self.matcher.keywords())
        names.update(c.name for c in self.couriers.values())
        return Suggester(sorted(names))

    def route_for(self, region: Region | None) -> RouteInfo | None:
        if region is None or region.province is None:
            return None
        best: tuple[int, RouteInfo] | None = None
        for route in self.routes:
            if not _same_place(route.province, region.province):
                continue
            score = 1
            if route.city:
                if not _same_place(route.city, region.city):
                    continue
                score = 2
            if route.district:
                if not _same_place(route.district, region.district):
                    continue
                score = 3
            if best is None or score > best[0]:
                best = (score, route)
        return best[1] if best else None

    def arrival_for(self, region: Region | None) -> _ArrivalInfo | None:
        if region is None or region.province is None:
            return None
        best: tuple[int, _ArrivalInfo] | None = None
        for row in self.times:
            if not _same_place(row.province, region.province):
                continue
            score = 1
            if row.city:
                if not _same_place(row.city, region.city):
                    continue
                score = 2
            if best is None or score > best[0]:
                best = (score, row)
        return best[1] if best else None


def _same_place(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and short_name(a or "") == short_name(b or "")


def only_active(query: Select[*Ts], model: Any) -> Select[*Ts]:
    """`query` limited to rows of no import, or of an import neither undone nor replaced."""
    return query.outerjoin(ImportBatch, model.batch_id == ImportBatch.id).where(
        active_batches_clause()
    )


def active_batches_clause() -> Any:
    """Rows that belong to no batch, or to a batch neither undone nor replaced."""
    return (ImportBatch.id.is_(None)) | and_(
        ImportBatch.undone_at.is_(None), ImportBatch.replaced_by_id.is_(None)
    )


_cache_lock = threading.Lock()
_build_lock = threading.Lock()
_cache: dict[str, tuple[tuple[object, ...], LookupIndex]] = {}
# The in-process half of "has anything changed since the index was built?" (PRAGMA
# data_version is the other processes' half).
_writes = WriteCounter("branchdesk_lookup_dirty")
_SEEN = "branchdesk_lookup_seen"


def _signature(session: Session) -> tuple[object, ...]:
    """Changes whenever rules, couriers, routes, times or batches change."""
    row = session.execute(
        select(
            select(func.count()).select_from(AreaRule).scalar_subquery(),
            select(func.max(AreaRule.id)).scalar_subquery(),
            select(func.max(Courier.updated_at)).scalar_subquery(),
            select(func.count()).select_from(Courier).scalar_subquery(),
            select(func.count()).select_from(Route).scalar_subquery(),
            select(func.count()).select_from(ArrivalTime).scalar_subquery(),
            # Waybill imports do not change the index: no rebuild after each of them.
            select(func.max(ImportBatch.id))
            .where(ImportBatch.kind != "waybills")
            .scalar_subquery(),
            select(func.max(ImportBatch.undone_at)).scalar_subquery(),
            select(func.count(ImportBatch.replaced_by_id)).scalar_subquery(),
        )
    ).one()
    return tuple(row)


def _unchanged_mark(session: Session) -> tuple[object, ...] | None:
    """What says "nothing was written since" for this connection, without reading a table.

    SQLite's data_version changes when another connection commits; the generation when a
    session of this process commits a write. None where there is no such cheap mark.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    fairy = connection.connection
    version = fairy.driver_connection.execute("PRAGMA data_version").fetchone()[0]  # type: ignore[union-attr]
    return (id(fairy.dbapi_connection), version, _writes.generation)


def lookup_index(session: Session) -> LookupIndex:
    """The in-memory index for this DB, rebuilt only when its tables changed.

    The tables are compared only after something was written (here or by another process);
    otherwise a lookup costs one PRAGMA, not a scan of the area table.
    """
    url = str(session.get_bind().engine.url)
    mark = _unchanged_mark(session)
    info = session.connection().connection.info if mark is not None else {}
    with _cache_lock:
        held = _cache.get(url)
    fresh = mark is not None and not _writes.dirty(session)
    if held is not None and fresh and info.get(_SEEN) == (mark, id(held[1])):
        return held[1]
    key = _signature(session)
    # One build at a time: a search typed while the start-up warm-up builds the index waits
    # for that build instead of making a second one beside it (each slowing the other).
    with _build_lock:
        with _cache_lock:
            held = _cache.get(url)
        if held is not None and held[0] == key:
            index = held[1]
        else:
            index = LookupIndex(session)
            with _cache_lock:
                _cache[url] = (key, index)
    if fresh:
        info[_SEEN] = (mark, id(index))
    return index


def index_ready(session: Session) -> bool:
    """True when this database's area index has been built (a lookup then answers in
    milliseconds); False in the first moments after a start, while the warm-up builds it."""
    url = str(session.get_bind().engine.url)
    with _cache_lock:
        return url in _cache


def clean_query(query: str) -> str:
    """NFKC, simplified characters, no control characters, at most MAX_QUERY_CHARS; never
    raises."""
    value = unicodedata.normalize("NFKC", query)
    value = "".join(ch for ch in value if ch.isprintable())
    return to_simplified(value.strip()[:MAX_QUERY_CHARS])


def classify(query: str) -> str:
    compact = "".join(query.split())
    if not compact:
        return "empty"
    if compact.isdigit() and len(compact) == 4:
        return "phone_tail"
    if _PHONE.fullmatch(compact):
        return "phone"
    if looks_like_waybill(compact):
        return "waybill"
    return "text"


def _waybill_hits(session: Session, ids: list[int], *, every: bool = False) -> list[WaybillHit]:
    seen: set[tuple[str, str]] = set()
    hits = []
    for row in search.load(session, ids):
        key = (row["carrier"], row["number"])
        if key in seen and not every:  # an older import of the same waybill
            continue
        seen.add(key)
        event = row["event_date"]
        if isinstance(event, str):
            event = date.fromisoformat(event[:10])
        hits.append(
            WaybillHit(
                number=row["number"],
                carrier=row["carrier"],
                recipient=row["recipient"],
                phone=row["phone"],
                address=row["address"],
                status=row["status"],
                event_date=event,
                courier=row["courier_name"],
                sender=row["sender_name"],
            )
        )
    return hits


def _courier_hits(index: LookupIndex, match: AddressMatch) -> list[CourierHit]:
    hits = []
    for cand in match.candidates:
        info = index.couriers.get(cand.rule.courier_id)
        if info is None:
            continue
        reason = cand.reason if info.active else cand.reason + tr(" (courier inactive)")
        hits.append(
            CourierHit(
                courier_id=cand.rule.courier_id,
                name=info.name,
                employee_no=info.employee_no,
                phone=info.phone,
                segment_code=cand.rule.segment_code,
                station=index.stations.get(cand.rule.rule_id),
                active=info.active,
                score=cand.score if info.active else cand.score - INACTIVE_PENALTY,
                rule=cand.rule.source_text,
                kind=cand.rule.kind,
                reason=reason,
                match=MatchInfo(cand.level, cand.described or cand.rule.source_text, reason),
            )
        )
    hits.sort(key=lambda h: -h.score)
    return hits


def _partial_name_hits(index: LookupIndex, query: str, limit: int = 10) -> list[CourierHit]:
    """Couriers of the area names that contain a short or unfinished query (万达 → 万达广场)."""
    needle = normalise(query)
    if not needle:
        return []
    hits: dict[int, CourierHit] = {}
    for keyword in index.names_containing(needle):
        for spec in index.rules_by_keyword[keyword]:
            info = index.couriers.get(spec.courier_id)
            if info is None or spec.courier_id in hits:
                continue
            reason = tr(
                "Partial name: “{keyword}” contains “{query}”", keyword=keyword, query=needle
            )
            hits[spec.courier_id] = CourierHit(
                courier_id=spec.courier_id,
                name=info.name,
                employee_no=info.employee_no,
                phone=info.phone,
                segment_code=spec.segment_code,
                station=index.stations.get(spec.rule_id),
                active=info.active,
                score=len(needle) / len(keyword) - (0 if info.active else INACTIVE_PENALTY),
                rule=spec.source_text,
                kind=spec.kind,
                reason=reason,
                match=MatchInfo("fuzzy", spec.fragment_described(), reason),
            )
        if len(hits) >= limit:
            break
    return sorted(hits.values(), key=lambda h: -h.score)


def waybill_records(session: Session, number: str, limit: int = 5) -> list[WaybillHit]:
    """Every imported record of the waybill `number` (normalised), newest first: older imports
    may still know what a newer list left blank."""
    return _waybill_hits(session, search.find_by_number(session, number, limit), every=True)


_UNSET: Any = object()


def match_address(
    index: LookupIndex, address: str, result: LookupResult, home: Region | None = _UNSET
) -> None:
    """Fill couriers, region, route and arrival time of `result` for `address`.

    `home` is the branch's own region (read from the settings when not given)."""
    if home is _UNSET:
        home = branch_region()
    match = index.matcher.match(address, home=home)
    result.address = address
    result.couriers = _courier_hits(index, match)
    result.ambiguous = match.ambiguous
    result.tie_reason = match.tie_reason
    result.suggestions = list(
        dict.fromkeys(c.rule.keyword for c in match.candidates if c.level == "fuzzy")
    )
    result.level = (
        result.couriers[0].match.level if result.couriers and result.couriers[0].match else "none"
    )
    region = match.region
    rest = region.rest if region is not None else match.normalised
    if match.caution is not None and result.couriers:
        result.caution = match.caution  # 大堰镇溪口村: the rule is 溪口镇's
    unknown = unknown_district(rest)
    if unknown is not None and result.couriers:
        # 江东区 (now 鄞州) is in no table: the rules of another district are not ruled out,
        # so the answer is one to check, however well its road matched.
        result.caution = tr(
            "The address names “{district}”, which is not in the table of districts (an old "
            "name, or a zone?): check the district before telling the customer.",
            district=unknown,
        )
    shared = shared_district(rest) if unknown is None else None
    if (
        shared is not None
        and result.couriers
        and (home is None or short_name(home.district or "") != short_name(shared))
        and short_name(match.candidates[0].rule.district or "") != short_name(shared)
    ):
        # 普陀区 (上海 and 舟山) at a 宁波 branch whose rules name no 普陀区: as for 江东区
        result.caution = tr(
            "The address names “{district}”, a district of several cities, and the rule "
            "that matched is not in such a district: check the district before telling the "
            "customer.",
            district=shared,
        )
    if (
        region is not None
        and region.city
        and city_written(region, "".join(match.normalised.split()))  # not 长春藤小区
        and home is not None
        and home.city
        and short_name(region.city) != short_name(home.city)
        and not result.couriers
    ):
        # 杭州市中山西路5号 at a 宁波 branch: said, not left as a bare "nothing found"
        result.caution = tr(
            "The address is in {city}, not in the branch's city ({home}): no courier of the "
            "branch's area table delivers there.",
            city=region.city,
            home=home.city,
        )
    if (
        (region is None or region.province is None)
        and home is not None
        and (match.candidates or looks_like_address(rest))
    ):
        # No region written: a local address (one the table found, or one with a road,
        # estate or house number; not 你好), the branch's own city and district; where a
        # district no table knows is written, the city only.
        district = home.district if unknown is None else None
        region = Region(home.province, home.city, district, match.normalised)
        result.region_is_default = True
    result.region = region
    result.route = index.route_for(region)
    arrival = index.arrival_for(region)
    if arrival is not None:
        result.arrival_days = (
            str(arrival.days_min)
            if arrival.days_min == arrival.days_max
            else f"{arrival.days_min}-{arrival.days_max}"
        )
        result.express_days = arrival.express_days


def search_text(compact: str, home: Region | None = None) -> str:
    """What a text query searches the waybills for: an address without its province/city/
    district prefix (浙江省宁波市… is in nearly every address; searching it only costs time,
    and a parcel written without the prefix is the same place). Not where it names, in full,
    a city other than the branch's (`home`): 杭州市中山西路5号 is not 宁波's 中山西路5号."""
    if len(compact) < 6:
        return compact
    region = recognise(compact)
    if region.province is not None and len(region.rest) >= 3:
        elsewhere = (
            home is not None
            and home.city
            and region.city
            and city_written(region, compact)
            and short_name(region.city) != short_name(home.city)
        )
        return compact if elsewhere else region.rest
    return compact


# A house number or building and what follows it: 37号, 5幢2单元, 12弄3号.
_NUMBER_ON = re.compile(r"[0-9０-９一二三四五六七八九十百]+\s*[号弄幢栋座室#＃].*$")


def lookup(session: Session, query: str, limit: int = 50) -> LookupResult:
    """Everything the branch knows for one query typed into the search box."""
    query = clean_query(query)
    kind = classify(query)
    result = LookupResult(query=query, kind=kind)
    if kind == "empty":
        return result
    index = lookup_index(session)
    result.areas_known = bool(index.rules_by_keyword)
    compact = "".join(query.split())
    if kind == "waybill":
        number = normalise_number(compact)
        ids = search.find_by_number(session, number, limit)
        if not ids:
            ids = search.find_text(session, number, limit)
    elif kind == "phone":
        mobile = _PHONE.fullmatch(compact)
        assert mobile is not None
        ids = search.find_by_phone(session, mobile.group(1), limit)
    elif kind == "phone_tail":
        ids = search.find_by_phone_tail(session, compact, limit)
    else:
        ids = search.find_text(session, search_text(compact, branch_region()), limit)
    result.waybills = _waybill_hits(session, ids)

    if kind == "text":
        match_address(index, query, result)
        if not result.couriers:
            result.couriers = _partial_name_hits(index, query)
            result.level = "fuzzy" if result.couriers else "none"
    elif len(result.waybills) == 1 and result.waybills[0].address:
        # One parcel found: who delivers it, by its address.
        match_address(index, result.waybills[0].address, result)
    if (
        kind == "text"
        and not result.waybills
        and (
            result.level in ("fuzzy", "none")
            or (result.level == "district" and result.region_is_default)
        )
    ):
        # The branch's catch-all courier for an address that names no district is no sure
        # answer either: a name one character off (中三西路) is offered beside it.
        # 您是不是要找: the names a fuzzy answer stands for, then look-alikes and pinyin
        meant = result.suggestions
        guesses = index.suggester.suggest(query)
        named = _NUMBER_ON.sub("", query).strip()  # 中三西路37号: the name looked up alone
        if not guesses and named and named != query:
            guesses = index.suggester.suggest(named)
        result.suggestions = list(dict.fromkeys([*meant, *guesses]))[:5]
    return result


def lookup_many(session: Session, queries: list[str]) -> list[LookupResult]:
    return [lookup(session, q) for q in queries]


def assign_couriers(
    session: Session, queries: list[str], progress: Any = None
) -> list[LookupResult]:
    """批量分单: the courier (and route, arrival time) of each address.

    An address is matched on the area table only; a waybill number or phone is looked up
    as in `lookup` (its parcel's address is then matched).
    """
    index = lookup_index(session)
    home = branch_region()
    results = []
    for n, raw in enumerate(queries):
        if progress is not None and n % 500 == 0:
            progress(n, len(queries))
        query = clean_query(raw)
        kind = classify(query)
        if kind != "text":
            results.append(lookup(session, raw, limit=5))
            continue
        result = LookupResult(query=query, kind=kind)
        match_address(index, query, result, home)
        results.append(result)
    if progress is not None:
        progress(len(queries), len(queries))
    return results


# --- for training: what a drill asks about the area table -------------------------------


def tied_couriers(index: LookupIndex, address: str) -> tuple[str, ...]:
    """The couriers the matcher cannot choose between for `address` (empty when one wins):
    a drill that asks for this address must count each of them as right."""
    match = index.matcher.match(address, home=None)
    if not match.ambiguous or not match.candidates:
        return ()
    top = match.candidates[0].score
    names = []
    for cand in match.candidates:
        if cand.score != top and not (cand.missing or cand.undecided):
            continue
        info = index.couriers.get(cand.rule.courier_id)
        if info is not None and info.name not in names:
            names.append(info.name)
    return tuple(names) if len(names) > 1 else ()


def matched_keywords(session: Session, address: str) -> tuple[str, ...]:
    """The area keywords an address was answered by (the best candidates, sure levels only):
    what an agent who looked it up should drill first."""
    text = clean_query(address)
    if classify(text) != "text":
        return ()
    match = lookup_index(session).matcher.match(text, home=None)
    if not match.candidates:
        return ()
    top = match.candidates[0].score
    return tuple(
        dict.fromkeys(
            c.rule.keyword for c in match.candidates if c.score == top and c.level in SURE_LEVELS
        )
    )
