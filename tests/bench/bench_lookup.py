"""Lookup latency on the 1M-waybill / 5,000-rule DB against a plain LIKE scan of the same table.

Targets (issue 12): lookup p95 < 10 ms and the median at most 1/20 of a LIKE scan on the same
queries; the app's time above its own index query at most 3x at the median (per query:
(lookup - index query) / index query, where the index query is the search the lookup runs —
find_by_number / find_by_phone_tail / find_text and loading the rows — timed on its own in
an open session); building the area matcher for the 5,000 rules < 1 s; 批量分单
(assign_couriers) of 10,000 addresses < 10 s.

Queries are drawn (seeded) from the DB, a mix of what an agent types:
full addresses, partial addresses (a community or road name with a number), 2-character
recipient names, waybill numbers and 4-digit phone tails. Each lookup runs as the GUI runs
it: one `db.session()` per query calling `branchdesk.lookup.service.lookup`. The in-memory
area index is built once before timing (its cold build is reported separately).

    .venv/bin/python tests/bench/bench_lookup.py [--per-kind 40] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import defaultdict

import common

LIKE_SQL = (
    "SELECT id, number, carrier, recipient, phone, address, status, event_date, courier_name "
    "FROM waybill WHERE number LIKE :q OR phone LIKE :q OR recipient LIKE :q "
    "OR address LIKE :q LIMIT 50"
)
TARGET_RATIO = 1 / 20
TARGET_P95_MS = 10.0
TARGET_OVERHEAD = 3.0
TARGET_BUILD_S = 1.0
TARGET_BATCH_S = 10.0
BATCH = 10_000


def index_query(session, query: str) -> None:
    """The search `lookup` runs for `query`, alone: the app's own index query."""
    from branchdesk.lookup import search
    from branchdesk.lookup.service import _PHONE, classify, clean_query, search_text
    from branchdesk.lookup.waybills import normalise_number

    query = clean_query(query)
    kind = classify(query)
    compact = "".join(query.split())
    if kind == "waybill":
        ids = search.find_by_number(session, normalise_number(compact), 50)
    elif kind == "phone":
        ids = search.find_by_phone(session, _PHONE.fullmatch(compact).group(1), 50)
    elif kind == "phone_tail":
        ids = search.find_by_phone_tail(session, compact, 50)
    else:
        ids = search.find_text(session, search_text(compact), 50)
    search.load(session, ids)


def pick_queries(con, per_kind: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, query) pairs sampled from the DB."""
    rng = random.Random(seed)
    max_id = con.execute("SELECT max(id) FROM waybill").fetchone()[0]

    def rows(n: int) -> list[tuple[str, str, str, str]]:
        ids = rng.sample(range(1, max_id + 1), n)
        marks = ",".join("?" * len(ids))
        found = con.execute(
            f"SELECT number, recipient, phone, address FROM waybill WHERE id IN ({marks})", ids
        ).fetchall()
        rng.shuffle(found)
        return found

    queries: list[tuple[str, str]] = []
    for _number, _recipient, _phone, address in rows(per_kind):
        queries.append(("address", address))
    for _number, _recipient, _phone, address in rows(per_kind):
        # what an agent pastes from a chat: the place without province/city/district
        rest = re.sub(r"^.*?[区]", "", address)
        rest = re.sub(r"^.*?街道", "", rest)
        queries.append(("partial address", rest))
    names = [r[1] for r in rows(per_kind * 4) if len(r[1]) == 2]
    queries.extend(("2-char name", n) for n in names[:per_kind])
    queries.extend(("waybill no.", r[0]) for r in rows(per_kind))
    queries.extend(("phone tail", r[2][-4:]) for r in rows(per_kind))
    return queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3, help="timed lookups per query")
    args = parser.parse_args()

    from make_bench_db import ensure_bench_db

    db_path = ensure_bench_db()

    from sqlalchemy import text

    from branchdesk import paths
    from branchdesk.db.engine import open_database
    from branchdesk.lookup.service import lookup, lookup_index

    paths.set_data_dir(common.DATA / "lookup-data")
    db = open_database(db_path)
    with db.engine.connect() as c:
        queries = pick_queries(c.connection.driver_connection, args.per_kind)

    # Cold: first lookup builds the in-memory area index (5,000 rules).
    from branchdesk.lookup.matching import AddressMatcher
    from branchdesk.lookup.service import LookupIndex, assign_couriers

    with db.session() as s:
        cold_index, _ = common.timed(lambda: lookup_index(s))
        specs = []
        index = LookupIndex(s)
        specs = [spec for rules in index.rules_by_keyword.values() for spec in rules]
        build_matcher, _ = common.timed(lambda: AddressMatcher(specs))
    with db.session() as s:
        cold_first, _ = common.timed(lambda: lookup(s, queries[0][1]))
    # Warm the page cache for both methods once (not timed) so neither pays the first read.
    with db.session() as s:
        for _kind, q in queries[:10]:
            lookup(s, q)

    lookup_times: dict[str, list[float]] = defaultdict(list)
    all_lookup: list[float] = []
    per_query_lookup: list[float] = []
    like_times: dict[str, list[float]] = defaultdict(list)
    all_like: list[float] = []
    empty = 0
    overheads: list[float] = []
    index_times: dict[str, list[float]] = defaultdict(list)
    for kind, q in queries:
        compact = "".join(q.split())
        # baseline: the plain scan
        with db.session() as s:
            start = time.perf_counter()
            s.execute(text(LIKE_SQL), {"q": f"%{compact}%"}).all()
            t_like = time.perf_counter() - start
        like_times[kind].append(t_like)
        all_like.append(t_like)
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            with db.session() as s:
                result = lookup(s, q)
            samples.append(time.perf_counter() - start)
        if not result.waybills and not result.couriers:
            empty += 1
        own = []
        with db.session() as s:
            for _ in range(args.repeat):
                start = time.perf_counter()
                index_query(s, q)
                own.append(time.perf_counter() - start)
        t_own = common.median(own)
        index_times[kind].append(t_own)
        overheads.append((common.median(samples) - t_own) / t_own)
        all_lookup.extend(samples)
        per_query_lookup.append(common.median(samples))
        lookup_times[kind].append(common.median(samples))
    with db.engine.connect() as c:
        addresses = [
            row[0]
            for row in c.exec_driver_sql(
                f"SELECT address FROM waybill WHERE id % 97 = 0 LIMIT {BATCH}"
            )
        ]
    with db.session() as s:
        batch_s, _ = common.timed(lambda: assign_couriers(s, addresses))
    db.dispose()

    med_lookup = common.median(per_query_lookup)
    med_like = common.median(all_like)
    p95_lookup = common.percentile(per_query_lookup, 95)
    p95_raw = common.percentile(all_lookup, 95)
    ratio = med_lookup / med_like
    print(f"\nLookup on {db_path.name}: {len(queries)} queries, {args.repeat} runs each")
    print(f"  cold index build {common.ms(cold_index)}, first lookup {common.ms(cold_first)}")
    print(f"  area matcher build (5,000 rules) {common.ms(build_matcher)}")
    print(
        f"  {'kind':<16}{'n':>4}{'lookup med':>12}{'lookup p95':>12}{'LIKE med':>12}"
        f"{'index q med':>13}"
    )
    by_kind = {}
    for kind in lookup_times:
        lk, lt = lookup_times[kind], like_times[kind]
        by_kind[kind] = {
            "n": len(lk),
            "lookup_median_ms": common.median(lk) * 1000,
            "lookup_p95_ms": common.percentile(lk, 95) * 1000,
            "like_median_ms": common.median(lt) * 1000,
            "index_query_median_ms": common.median(index_times[kind]) * 1000,
        }
        print(
            f"  {kind:<16}{len(lk):>4}{common.median(lk) * 1000:>10.2f}ms"
            f"{common.percentile(lk, 95) * 1000:>10.2f}ms{common.median(lt) * 1000:>10.2f}ms"
            f"{common.median(index_times[kind]) * 1000:>11.2f}ms"
        )
    overhead = common.median(overheads)
    print(f"  app time above its own index query, median: {overhead:.2f}x")
    print(f"  批量分单 of {len(addresses):,} addresses: {batch_s:.2f} s")
    print(f"  overall: lookup median {common.ms(med_lookup)}, p95 {common.ms(p95_lookup)}")
    print(f"           (p95 of all {len(all_lookup)} raw samples {common.ms(p95_raw)})")
    print(f"           LIKE median {common.ms(med_like)}; ratio lookup/LIKE = {ratio:.4f}")
    print(f"           queries with nothing found: {empty}")
    ok_ratio = ratio <= TARGET_RATIO
    ok_p95 = p95_lookup * 1000 < TARGET_P95_MS
    ok_overhead = overhead <= TARGET_OVERHEAD
    ok_build = build_matcher < TARGET_BUILD_S
    ok_batch = batch_s < TARGET_BATCH_S * len(addresses) / BATCH
    for label, ok in (
        ("ratio <= 1/20", ok_ratio),
        ("p95 < 10 ms", ok_p95),
        ("overhead <= 3x", ok_overhead),
        ("matcher build < 1 s", ok_build),
        ("批量分单 10,000 < 10 s", ok_batch),
    ):
        print(f"  {label}: {'PASS' if ok else 'FAIL'}")
    common.save_result(
        "lookup",
        {
            "queries": len(queries),
            "repeat": args.repeat,
            "cold_index_ms": cold_index * 1000,
            "cold_first_lookup_ms": cold_first * 1000,
            "lookup_median_ms": med_lookup * 1000,
            "lookup_p95_ms": p95_lookup * 1000,
            "lookup_p95_raw_ms": p95_raw * 1000,
            "like_median_ms": med_like * 1000,
            "ratio": ratio,
            "by_kind": by_kind,
            "pass_ratio": ok_ratio,
            "pass_p95": ok_p95,
            "overhead_median": overhead,
            "matcher_build_ms": build_matcher * 1000,
            "batch_addresses": len(addresses),
            "batch_s": batch_s,
            "pass_overhead": ok_overhead,
            "pass_build": ok_build,
            "pass_batch": ok_batch,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
