"""Build bench-data/bench.sqlite3: 1,000,000 waybills and 5,000 area rules, ~200 couriers.

The result is an ordinary BranchDesk database (created and migrated by open_database, the
schema never touched): the area table goes through the real import pipeline (validate +
run_import with a prepared RawSheet), routes and arrival times come from the sample branch,
and the waybills go in 100k rows per transaction through the app's own insert path
(`branchdesk.lookup.search.insert_waybills`, which fills both search indexes).

The file is built under a temporary name and renamed when complete, so an existing
bench.sqlite3 is always complete; it is reused unless --force is given.

    .venv/bin/python tests/bench/make_bench_db.py [--waybills N] [--force]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import common

AREA_RULES = 5000
COURIERS = 200
GENERATOR = 2  # bumped when the area forms change: an older bench DB is rebuilt
WAYBILLS = 1_000_000
SEED = 20260101

DISTRICTS: dict[str, list[str]] = {
    "海曙区": ["鼓楼街道", "西门街道", "月湖街道", "南门街道", "白云街道", "段塘街道", "望春街道"],
    "鄞州区": ["首南街道", "中河街道", "钟公庙街道", "下应街道", "潘火街道", "东郊街道"],
    "江北区": ["中马街道", "白沙街道", "孔浦街道", "文教街道", "甬江街道", "庄桥街道"],
}
FIRST = "春江花月明光华东南西北新安康泰和平福瑞祥德兴隆嘉丰盛金银玉宝清风云山水湖海天翠柳"
SECOND = "园林苑庭湾景港桥塘浦溪河岭岸洲城坊里阁轩汇都府邸居苑源泉田庄"
ROAD_SUFFIX = ["路", "路", "路", "街", "大道", "巷"]
COMMUNITY_SUFFIX = ["小区", "花园", "家园", "新村", "公寓", "雅苑", "名邸", "大厦"]
SUB_NAMES = ["东苑", "西苑", "南苑", "北苑", "晓风苑", "江树苑", "一期", "二期"]


@dataclass(frozen=True)
class Unit:
    """One fragment (or bracketed group) of an area cell, with how to address a parcel to it."""

    courier: int
    district: str
    town: str
    text: str
    # address template: kind, keyword, lo, hi, parity
    kind: str
    keyword: str
    lo: int = 1
    hi: int = 400
    parity: str = "all"


def _stems(rng: random.Random) -> list[str]:
    stems = [a + b for a in FIRST for b in SECOND if a != b]
    stems += [a + b + c for a in FIRST for b in FIRST[:16] for c in SECOND[:12] if a != b]
    rng.shuffle(stems)
    return stems


def _couriers(rng: random.Random) -> list[tuple[str, str, str, str]]:
    from branchdesk.sample import GIVEN, SURNAMES

    out = []
    for n in range(COURIERS):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        out.append((name, f"BD{n + 1:04d}", f"1380574{n + 1:04d}", f"5{n // 20:02d}-{n % 100:02d}"))
    return out


def area_units(rng: random.Random) -> list[Unit]:
    """Area-table fragments in the real grammar until they make exactly AREA_RULES rules."""
    from branchdesk.lookup.matching import parse_area_cell

    stems = iter(_stems(rng))
    units: list[Unit] = []
    total = 0
    district_names = list(DISTRICTS)

    def place() -> tuple[str, str]:
        district = rng.choice(district_names)
        return district, rng.choice(DISTRICTS[district])

    def add(unit: Unit) -> bool:
        nonlocal total
        count = len(parse_area_cell(unit.text))
        if total + count > AREA_RULES:
            return False
        units.append(unit)
        total += count
        return True

    while total < AREA_RULES:
        district, town = place()
        c1 = rng.randrange(COURIERS)
        c2 = (c1 + rng.randrange(1, 7)) % COURIERS
        stem = next(stems)
        shape = rng.random()
        if total > AREA_RULES - 3:  # fill the last few rules with one-fragment communities
            name = stem + "小区"
            add(Unit(c1, district, town, name, "community", name))
            continue
        if shape < 0.14:  # a road split by parity between two couriers
            road = stem + rng.choice(ROAD_SUFFIX)
            hi = rng.choice([99, 199, 299, 399])
            add(Unit(c1, district, town, f"{road}1-{hi}号单号", "range", road, 1, hi, "odd"))
            add(Unit(c2, district, town, f"{road}2-{hi - 1}号双号", "range", road, 2, hi, "even"))
        elif shape < 0.26:  # a road split by house number, with an open upper end
            road = stem + rng.choice(ROAD_SUFFIX)
            cut = rng.choice([100, 150, 200])
            sep = rng.choice(["-", "~", "至"])
            add(Unit(c1, district, town, f"{road}1号{sep}{cut}号", "range", road, 1, cut))
            open_text = f"{road}{cut + 1}号{rng.choice(['以后', '以上', '及以后'])}"
            add(Unit(c2, district, town, open_text, "range", road, cut + 1, cut + 300))
        elif shape < 0.36:  # a whole road
            road = stem + rng.choice(ROAD_SUFFIX)
            text = road + rng.choice(["", "全段", "全线"])
            add(Unit(c1, district, town, text, "road", road, 1, 500))
        elif shape < 0.46:  # a community or building
            name = stem + rng.choice(COMMUNITY_SUFFIX)
            add(Unit(c1, district, town, name, "community", name))
        elif shape < 0.50:  # lettered blocks split between two couriers
            name = stem + "广场"
            first, second = rng.choice([("A-C座", "D-F座"), ("Ａ－Ｃ座", "D座、E座")])
            add(Unit(c1, district, town, name + first, "letters", name, 1, 3))
            add(Unit(c2, district, town, name + second, "letters", name, 4, 5))
        elif shape < 0.54:  # phases, the second split by buildings
            name = stem + "家园"
            add(Unit(c1, district, town, name + "一期", "phase", name, 1, 1))
            add(Unit(c2, district, town, name + "二期1-12号楼", "phase", name, 2, 12))
        elif shape < 0.57:  # an office tower split by floors
            name = stem + "大厦"
            add(Unit(c1, district, town, name + "1-10层", "floor", name, 1, 10))
            add(Unit(c2, district, town, name + "11-30层", "floor", name, 11, 30))
        elif shape < 0.60:  # village groups
            name = stem[:2] + "村"
            add(Unit(c1, district, town, f"{name}1组至5组", "group", name, 1, 5))
            add(Unit(c2, district, town, f"{name}6-10组", "group", name, 6, 10))
        elif shape < 0.62:  # a road with one number excluded, and a lane
            road = stem + "路"
            add(Unit(c1, district, town, f"{road}（除12号）", "road", road, 13, 300))
            add(Unit(c2, district, town, f"{road}12号；{road}100弄", "lane", road, 100, 100))
        elif shape < 0.72:  # a parent with sub-names
            name = stem + "花园"
            a, b = rng.sample(SUB_NAMES, 2)
            open_, close, sep = rng.choice([("（", "）", "、"), ("(", ")", ",")])
            text = f"{name}{open_}{a}{sep}{b}{close}"
            add(Unit(c1, district, town, text, "community", name + rng.choice([a, b])))
        elif shape < 0.80:  # a block-labelled building
            name = stem + "广场"
            text = f"{name}(A座,B座)" if rng.random() < 0.5 else f"{name}（A座、B座、C座）"
            add(Unit(c1, district, town, text, "community", name + "A座"))
        else:  # a community split by building ranges between two couriers
            name = stem + rng.choice(["小区", "家园", "新村"])
            cut = rng.randint(6, 14)
            last = cut + rng.randint(4, 12)
            if rng.random() < 0.5:
                first, second = f"{name}1-{cut}幢", f"{name}{cut + 1}-{last}幢"
            else:
                first = f"{name}1号楼-{cut}号楼"
                second = f"{name}{cut + 1}栋-{last}栋"
            add(Unit(c1, district, town, first, "building", name, 1, cut))
            add(Unit(c2, district, town, second, "building", name, cut + 1, last))
    return units


def area_sheet(units: list[Unit], couriers: list[tuple[str, str, str, str]]) -> object:
    """The 派件区域表 as a RawSheet: one row per (courier, town), up to 3 fragments a cell."""
    from branchdesk.io.reader import RawSheet
    from branchdesk.sample import AREA_HEADERS

    grouped: dict[tuple[int, str, str], list[str]] = {}
    for unit in units:
        grouped.setdefault((unit.courier, unit.district, unit.town), []).append(unit.text)
    rows: list[list[object]] = [["基准测试网点 派件区域表"], list(AREA_HEADERS)]
    for (courier, district, town), texts in grouped.items():
        name, number, phone, segment = couriers[courier]
        for start in range(0, len(texts), 3):
            cell = "；".join(texts[start : start + 3])
            rows.append([district, town, cell, "", name, number, phone, segment, ""])
    return RawSheet(file=Path("基准-派件区域表.xlsx"), name="派件区域表", rows=rows)


def _address(unit: Unit, rng: random.Random) -> str:
    prefix = rng.choice(["浙江省宁波市", "宁波市", "", "浙江宁波"]) + unit.district
    if rng.random() < 0.3:
        prefix += unit.town
    room = f"{rng.randint(1, 18)}0{rng.randint(1, 4)}室"
    if unit.kind in ("range", "road"):
        lo, hi = unit.lo, unit.hi
        number = rng.randint(lo, hi)
        wanted = {"odd": 1, "even": 0}.get(unit.parity)
        if wanted is not None and number % 2 != wanted:
            number = number + 1 if number < hi else number - 1
        return f"{prefix}{unit.keyword}{number}号"
    if unit.kind == "building":
        marker = rng.choice(["幢", "栋", "号楼"])
        if rng.random() < 0.3:  # compact building-unit-room
            building = rng.randint(unit.lo, unit.hi)
            return f"{prefix}{unit.keyword}{building}-{rng.randint(1, 4)}-{room[:-1]}"
        return f"{prefix}{unit.keyword}{rng.randint(unit.lo, unit.hi)}{marker}{room}"
    if unit.kind == "letters":
        letter = "ABCDEF"[rng.randint(unit.lo, unit.hi) - 1]
        return f"{prefix}{unit.keyword}{letter}座{room}"
    if unit.kind == "phase":
        if unit.lo == 1:
            return f"{prefix}{unit.keyword}一期{rng.randint(1, 20)}幢{room}"
        return f"{prefix}{unit.keyword}二期{rng.randint(1, unit.hi)}号楼{room}"
    if unit.kind == "floor":
        return f"{prefix}{unit.keyword}{rng.randint(unit.lo, unit.hi)}楼"
    if unit.kind == "group":
        return f"{prefix}{unit.keyword}{rng.randint(unit.lo, unit.hi)}组{rng.randint(1, 60)}号"
    if unit.kind == "lane":
        return f"{prefix}{unit.keyword}100弄{rng.randint(1, 40)}号"
    if unit.keyword.endswith("座"):
        return f"{prefix}{unit.keyword}{room}"
    return f"{prefix}{unit.keyword}{rng.randint(1, 30)}幢{room}"


def waybill_rows(count: int, units: list[Unit], couriers: list[tuple[str, str, str, str]]):
    """Yield waybill rows (number, carrier, recipient, phone, tail, address, status, date, courier).

    Addresses are drawn from the area table (90%) or from roads it does not cover (10%).
    """
    from branchdesk.sample import GIVEN, STATUSES, SURNAMES, _waybill_number

    rng = random.Random(SEED + 1)
    today = date(2026, 1, 15)
    dates = [(today - timedelta(days=d)).isoformat() for d in range(60)]
    carriers = ["中通", "中通", "中通", "圆通", "申通", "韵达", "极兔", "顺丰", "京东", "邮政"]
    stray = [f"{a}{b}{c}路" for a in "甲乙丙丁戊己庚辛" for b in FIRST[:20] for c in "一二三四"]
    for _ in range(count):
        carrier = rng.choice(carriers)
        if rng.random() < 0.9:
            unit = rng.choice(units)
            address = _address(unit, rng)
            courier = couriers[unit.courier][0]
        else:
            address = f"宁波市海曙区{rng.choice(stray)}{rng.randint(1, 300)}号"
            courier = None
        phone = f"1{rng.choice('3456789')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"
        yield (
            _waybill_number(rng, carrier),
            carrier,
            rng.choice(SURNAMES) + rng.choice(GIVEN),
            phone,
            phone[-4:],
            address,
            rng.choice(STATUSES),
            rng.choice(dates),
            courier,
        )


def _meta_path(db_path: Path) -> Path:
    return db_path.with_suffix(".json")


def is_complete(db_path: Path, waybills: int) -> bool:
    meta = _meta_path(db_path)
    if not db_path.exists() or not meta.exists():
        return False
    info = json.loads(meta.read_text(encoding="utf-8"))
    if info.get("waybills") != waybills or info.get("area_rules") != AREA_RULES:
        return False
    if info.get("generator") != GENERATOR:
        return False
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        n = con.execute("SELECT max(id) FROM waybill").fetchone()[0]
        rules = con.execute("SELECT count(*) FROM area_rule").fetchone()[0]
    finally:
        con.close()
    return n is not None and n >= waybills and rules == AREA_RULES


def build(db_path: Path, waybills: int) -> dict[str, object]:
    from branchdesk import features, paths
    from branchdesk.db.engine import open_database
    from branchdesk.io.importing import get_kind, run_import, validate

    features.load()
    from branchdesk.io.models import ImportBatch
    from branchdesk.sample import _route_sheet, _time_sheet

    common.ensure_dirs()
    tmp = db_path.with_name(db_path.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    paths.set_data_dir(common.DATA / "build-data")  # backups etc. never go to the user's dir
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    rng = random.Random(SEED)
    couriers = _couriers(rng)
    units = area_units(rng)

    db = open_database(tmp)
    with db.session() as session:
        for kind, raw in (
            ("areas", area_sheet(units, couriers)),
            ("routes", _route_sheet()),
            ("times", _time_sheet()),
        ):
            prepared = validate(raw, get_kind(kind))  # type: ignore[arg-type]
            if prepared.problems:
                raise SystemExit(f"{kind}: {prepared.problems[:5]}")
            run_import(session, raw.file, kind, prepared=prepared, created_by="bench")  # type: ignore[attr-defined]
        batch = ImportBatch(
            kind="waybills",
            file_name="基准-运单列表.xlsx",
            sheet="运单",
            rows_ok=waybills,
            created_by="bench",
        )
        session.add(batch)
        session.flush()
        batch_id = batch.id
    db.dispose()
    timings["areas_routes_times_s"] = time.perf_counter() - t0

    # The app's own insert path (branchdesk.lookup.search.insert_waybills), 100k rows per
    # transaction as a branch would import them; nothing is tuned beyond what the app does.
    t1 = time.perf_counter()
    from branchdesk.lookup.search import insert_waybills

    db = open_database(tmp)
    chunk: list[tuple[object, ...]] = []
    for n, row in enumerate(waybill_rows(waybills, units, couriers), start=1):
        number, carrier, recipient, phone, tail, address, status, day, courier = row
        chunk.append(
            (
                batch_id,
                number,
                carrier,
                recipient,
                phone,
                tail,
                address,
                status,
                day,
                courier,
                n + 1,
            )
        )
        if len(chunk) == 100_000:
            with db.session() as session:
                insert_waybills(session, chunk)
            chunk.clear()
            print(f"  {n:,} waybills", file=sys.stderr, flush=True)
    if chunk:
        with db.session() as session:
            insert_waybills(session, chunk)
    db.dispose()
    timings["waybills_s"] = time.perf_counter() - t1
    tmp.replace(db_path)
    info = {
        "waybills": waybills,
        "area_rules": AREA_RULES,
        "generator": GENERATOR,
        "couriers": len({c for c in couriers}),
        "size_mb": round(db_path.stat().st_size / 1e6, 1),
        "build_s": round(time.perf_counter() - t0, 1),
        **{k: round(v, 1) for k, v in timings.items()},
    }
    _meta_path(db_path).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return info


def ensure_bench_db(waybills: int = WAYBILLS, force: bool = False) -> Path:
    db_path = common.BENCH_DB
    if force or not is_complete(db_path, waybills):
        print(f"building {db_path} ({waybills:,} waybills, {AREA_RULES} area rules)…")
        info = build(db_path, waybills)
        print(f"built: {info}")
    else:
        print(f"reusing {db_path}")
    return db_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waybills", type=int, default=WAYBILLS)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    ensure_bench_db(args.waybills, args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
