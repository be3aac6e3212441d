"""Lookup latency on the 1M-waybill / 5,000-rule DB against a plain LIKE scan of the same table.

Target: median lookup latency <= 1/20 of the median LIKE scan on the same queries, and the
95th percentile of lookup latency < 30 ms.

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
TARGET_P95_MS = 30.0


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
    with db.session() as s:
        cold_index, _ = common.timed(lambda: lookup_index(s))
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
        all_lookup.extend(samples)
        per_query_lookup.append(common.median(samples))
        lookup_times[kind].append(common.median(samples))
    db.dispose()

    med_lookup = common.median(per_query_lookup)
    med_like = common.median(all_like)
    p95_lookup = common.percentile(per_query_lookup, 95)
    p95_raw = common.percentile(all_lookup, 95)
    ratio = med_lookup / med_like
    print(f"\nLookup on {db_path.name}: {len(queries)} queries, {args.repeat} runs each")
    print(f"  cold index build {common.ms(cold_index)}, first lookup {common.ms(cold_first)}")
    print(f"  {'kind':<16}{'n':>4}{'lookup med':>12}{'lookup p95':>12}{'LIKE med':>12}")
    by_kind = {}
    for kind in lookup_times:
        lk, lt = lookup_times[kind], like_times[kind]
        by_kind[kind] = {
            "n": len(lk),
            "lookup_median_ms": common.median(lk) * 1000,
            "lookup_p95_ms": common.percentile(lk, 95) * 1000,
            "like_median_ms": common.median(lt) * 1000,
        }
        print(
            f"  {kind:<16}{len(lk):>4}{common.median(lk) * 1000:>10.2f}ms"
            f"{common.percentile(lk, 95) * 1000:>10.2f}ms{common.median(lt) * 1000:>10.2f}ms"
        )
    print(f"  overall: lookup median {common.ms(med_lookup)}, p95 {common.ms(p95_lookup)}")
    print(f"           (p95 of all {len(all_lookup)} raw samples {common.ms(p95_raw)})")
    print(f"           LIKE median {common.ms(med_like)}; ratio lookup/LIKE = {ratio:.4f}")
    print(f"           queries with nothing found: {empty}")
    ok_ratio = ratio <= TARGET_RATIO
    ok_p95 = p95_lookup * 1000 < TARGET_P95_MS
    print(f"  ratio <= 1/20: {'PASS' if ok_ratio else 'FAIL'};  p95 < 30 ms: ", end="")
    print("PASS" if ok_p95 else "FAIL")
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
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
