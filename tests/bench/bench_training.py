"""Drills on a big branch: a 5,000-row area table, a 300-item handbook and the sample's routes,
arrival times and reply scripts.

Targets (issue 15): building a day's drill session for one employee < 100 ms; reindexing the
cards after a re-import of the 5,000-row area table < 2 s. Measured in one run, on a fresh
DB in a temporary data dir:
- the first indexing of every table into cards (for information);
- `build_session` for an employee with ~1,500 cards in memory (due ones among them) and a few
  looked-up places, median of 7, one fresh read session each as the drill page does;
- `sync_cards` after a re-import of the area table in which 10 % of the rows changed courier
  and 5 % were removed (the lookup index is rebuilt inside it, as after a real import),
  median of 3, each on a copy of the DB after the re-import.

    .venv/bin/python tests/bench/bench_training.py
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import common

TARGET_SESSION_MS = 100.0
TARGET_REINDEX_S = 2.0
ROWS = 5000
COURIERS = 200
SYLLABLES = "春江花月夜天一家园海曙鼓楼望京环城解放月湖石碶星光万达中山东西南北新华明珠金桂银杏"


def area_rows(rng: random.Random, changed: float = 0.0, removed: float = 0.0) -> list[str]:
    lines = ["小区/道路,业务员,联系电话"]
    seen: set[str] = set()
    n = 0
    while len(seen) < ROWS:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        n += 1
        kind = rng.random()
        if kind < 0.7:
            place = f"{name}{rng.choice(('小区', '花园', '家园', '公寓'))}{n}"
        else:
            lo = rng.randint(1, 200)
            place = f"{name}路{n}号-{n}99号" if kind < 0.85 else f"{name}街{lo}-{lo + 100}号{n}"
        if place in seen:
            continue
        seen.add(place)
    places = sorted(seen)
    pick = random.Random(7)
    for i, place in enumerate(places):
        if removed and pick.random() < removed:
            continue
        courier = i % COURIERS
        if changed and pick.random() < changed:
            courier = (courier + 1) % COURIERS
        lines.append(f"{place},业务员{courier:03d},139{courier:08d}")
    return lines


def import_areas(db: object, folder: Path, lines: list[str]) -> None:
    from branchdesk.io.importing import run_import

    path = folder / "areas.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    with db.session() as s:  # type: ignore[attr-defined]
        run_import(s, path, "areas")


def main() -> None:
    from branchdesk import features, paths, permissions
    from branchdesk.db.engine import open_database
    from branchdesk.handbook import service as handbook
    from branchdesk.sample import load_sample_branch
    from branchdesk.team.agents import agent_by_name
    from branchdesk.training import drills
    from tests.unit.pdf_samples import generated_handbook

    features.load()
    work = Path(tempfile.mkdtemp(prefix="bench-training-"))
    paths.set_data_dir(work)
    permissions.set_policy(None)
    db = open_database()
    rng = random.Random(15)
    with db.session() as s:
        load_sample_branch(s, waybills=10)
    import_areas(db, work, area_rows(random.Random(15)))
    with db.session() as s:
        for chapter in generated_handbook(300).chapters:
            if handbook.category_by_name(s, chapter.name) is None:
                handbook.add_category(s, chapter.name)
            for e in chapter.entries:
                handbook.add_item(
                    s,
                    handbook.ItemFields(e.category, e.cause, e.fine, e.standard, e.avoidance),
                )
    first, report = common.timed(lambda: _sync(db))
    with db.read_session() as s:
        agent = agent_by_name(s, "郭晓燕")
        assert agent is not None
    now = datetime.now().replace(microsecond=0)
    # The employee's history: ~1,500 cards graded over 60 days (due ones among them).
    with db.session() as s:
        cards = [c.card_id for c in drills.deck_cards(s, "areas", limit=1500)]
        for n, card in enumerate(cards):
            day = now - timedelta(days=rng.randint(1, 60), minutes=n)
            drills.grade(s, agent.id, card, rng.choice((1, 3, 3, 4)), day)
        for address in ("春江小区", "天一家园", "望京路"):
            drills.note_lookup(s, agent.id, address, at=now)

    def build() -> int:
        with db.read_session() as s:
            return len(drills.build_session(s, agent.id, now))

    build()
    runs = []
    for _ in range(7):
        seconds, size = common.timed(build)
        runs.append(seconds)
    session_ms = common.median(runs) * 1000

    # Re-import: 10 % changed courier, 5 % removed; reindex on a copy each time.
    import_areas(db, work, area_rows(random.Random(15), changed=0.10, removed=0.05))
    db.dispose()
    source = paths.db_path()
    reindex = []
    reports = []
    for n in range(3):
        copy = work / f"copy{n}.sqlite3"
        shutil.copyfile(source, copy)
        other = open_database(copy)
        started = time.perf_counter()
        with other.session() as s:
            reports.append(drills.sync_cards(s))
        reindex.append(time.perf_counter() - started)
        other.dispose()
    reindex_s = common.median(reindex)
    with open_database(source).read_session() as s:
        total = sum(p.cards for p in drills.mastery(s, agent.id))

    print(f"cards: {total} live ({report.added} made at the first indexing in {first:.2f} s)")
    print(
        f"day's session for one employee: median {session_ms:.1f} ms over 7 runs "
        f"({size} cards; target < {TARGET_SESSION_MS:.0f} ms; "
        f"{session_ms / TARGET_SESSION_MS:.2f} of the target)"
    )
    r = reports[0]
    print(
        f"reindex after re-importing {ROWS} area rows: median {reindex_s:.2f} s over 3 runs "
        f"({r.added} added, {r.changed} changed, {r.retired} retired; target < "
        f"{TARGET_REINDEX_S:.0f} s; {reindex_s / TARGET_REINDEX_S:.2f} of the target)"
    )
    common.save_result(
        "training",
        {
            "session_ms": session_ms,
            "session_cards": size,
            "reindex_s": reindex_s,
            "first_index_s": first,
            "cards": total,
        },
    )
    shutil.rmtree(work, ignore_errors=True)


def _sync(db: object) -> object:
    from branchdesk.training import drills

    with db.session() as s:  # type: ignore[attr-defined]
        return drills.sync_cards(s)


if __name__ == "__main__":
    main()
