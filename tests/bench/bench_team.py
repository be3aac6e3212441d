"""The team's lists and routing at the issue's size: 20 agents, 2 years, 500,000 contacts.

Targets (issue 14): the contact list's first page and its text search < 200 ms with a fixed
number of queries; routing a new item < 20 ms. Measured as the GUI does it: a fresh read
session per refresh (`search_contacts`, one query per page), median of 7 after a warm-up;
beside it, the baseline a plain LIKE over the five columns would cost on the same data.
Routing: `route()` in a fresh session for waybills with a known sender, with a courier only,
and for an address only, median of 50.

The DB is built once in bench-data/team.sqlite3 (reused; --force rebuilds): the sample
branch (3,000 waybills, a sender on most), 20 agents with customers and ownership, and the
contacts bulk-inserted (the trigram index filled by the schema's trigger).

    .venv/bin/python tests/bench/bench_team.py [--contacts 500000] [--force]
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta

import common

TARGET_LIST_MS = 200.0
TARGET_ROUTE_MS = 20.0
DB_PATH = common.DATA / "team.sqlite3"

QUESTIONS = [
    "快递三天没动了",
    "改地址",
    "什么时候派送",
    "件显示签收但没收到",
    "寄件到上海多久",
    "包裹破损要赔偿",
    "驿站取件码",
    "能不能晚上送",
    "退回发件人",
    "电话打不通",
]
REPLIES = [
    "已联系业务员，明天上午派送",
    "已改为新地址，请留意短信",
    "今天下午派送，请保持电话畅通",
    "已核实签收人，请查看驿站",
    "一般两天到达",
    "已登记理赔，三个工作日内回复",
    "取件码已重新发送",
    "已备注晚间派送",
    "已办理退回",
    "已转业务员回电",
]


def build(count: int) -> None:
    from sqlalchemy import insert

    from branchdesk import features
    from branchdesk.db.engine import open_database
    from branchdesk.sample import load_sample_branch
    from branchdesk.team.models import Contact

    features.load()
    if DB_PATH.exists():
        DB_PATH.unlink()
    db = open_database(DB_PATH)
    with db.session() as s:
        load_sample_branch(s)
    with db.session() as s:
        from branchdesk.team.agents import add_agent

        for n in range(16):  # the sample's four and sixteen more: 20
            add_agent(s, f"客服{n + 1:02d}", audit=False)
        from branchdesk.team.agents import list_agents

        agents = [a.id for a in list_agents(s)]
    rng = random.Random(14)
    start = datetime.now().replace(microsecond=0) - timedelta(days=730)
    step = 730 * 86400 / count
    chunk: list[dict[str, object]] = []
    with db.session() as s:
        for n in range(count):
            q = rng.randrange(len(QUESTIONS))
            chunk.append(
                {
                    "at": start + timedelta(seconds=int(n * step)),
                    "agent_id": rng.choice(agents),
                    "channel": rng.choice(["phone", "online", "message", "visit"]),
                    "waybill_no": f"YT{rng.randrange(10**12, 10**13)}"
                    if rng.random() < 0.7
                    else None,
                    "customer_name": rng.choice("王李张刘陈杨赵黄周吴")
                    + rng.choice(["女士", "先生"]),
                    "phone": f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}",
                    "question": QUESTIONS[q]
                    + (f"（第{rng.randint(1, 9)}次来电）" if rng.random() < 0.2 else ""),
                    "reply": REPLIES[q],
                    "script_title": None,
                    "outcome": rng.choice(["resolved"] * 8 + ["follow_up", "no_answer"]),
                }
            )
            if len(chunk) == 20_000:
                s.execute(insert(Contact), chunk)
                chunk = []
                print(f"  {n + 1} contacts", flush=True)
        if chunk:
            s.execute(insert(Contact), chunk)
    db.dispose()


def bench_list(db: object) -> dict[str, object]:
    from sqlalchemy import event, text

    from branchdesk.team.contacts import search_contacts

    queries = {
        "first page (no search)": "",
        "common text 快递三天": "快递三天",
        "rare text 第7次来电": "第7次来电",
        "reply text 理赔": "理赔",
        "waybill fragment 1234567": "1234567",
        "phone fragment 13912": "13912",
        "2 characters 女士": "女士",
        "1 character 赵": "赵",
        "2 characters, rare 赔钱": "赔钱",
        "no match 不存在的话": "不存在的话",
    }
    out: dict[str, object] = {}
    counted: list[str] = []
    event.listen(db.reader, "before_cursor_execute", lambda *a: counted.append(a[2]))  # type: ignore[attr-defined]
    for label, words in queries.items():
        times = []
        for run in range(8):
            counted.clear()
            t, rows = common.timed(lambda words=words: _page(db, search_contacts, words))
            if run:
                times.append(t)
        app = common.median(times) * 1000
        # The last run's statements (its BEGIN and its one SELECT), before the baseline runs.
        selects = sum(1 for q in counted if q.lstrip().upper().startswith("SELECT"))
        with db.read_session() as s:  # type: ignore[attr-defined]
            like = f"%{words}%"
            base_times = []
            for _ in range(3):
                t, _r = common.timed(
                    lambda like=like: s.execute(
                        text(
                            "SELECT id FROM contact WHERE question LIKE :l OR reply LIKE :l "
                            "OR customer_name LIKE :l OR phone LIKE :l OR waybill_no LIKE :l "
                            "ORDER BY id DESC LIMIT 200"
                        ),
                        {"l": like},
                    ).all()
                )
                base_times.append(t)
        baseline = common.median(base_times) * 1000
        print(
            f"  {label:<28} {app:8.2f} ms  ({len(rows)} rows, {selects} query)   "
            f"LIKE baseline {baseline:8.2f} ms"
        )
        out[label] = {"ms": app, "rows": len(rows), "queries": selects, "like_ms": baseline}
    return out


def _page(db: object, search: object, words: str) -> list[object]:
    with db.read_session() as s:  # type: ignore[attr-defined]
        return search(s, words)  # type: ignore[operator,no-any-return]


def bench_route(db: object) -> dict[str, object]:
    from sqlalchemy import select

    from branchdesk.lookup.models import Waybill
    from branchdesk.team.routing import route

    with db.read_session() as s:  # type: ignore[attr-defined]
        with_sender = list(
            s.scalars(select(Waybill.number).where(Waybill.sender_name.is_not(None)).limit(50))
        )
        without = list(
            s.scalars(select(Waybill.number).where(Waybill.sender_name.is_(None)).limit(50))
        )
    from branchdesk.sample import ADDRESS_FORMS

    addresses = [
        "宁波市海曙区"
        + form.format(
            b=3,
            b12=5,
            b20=15,
            b8=2,
            b6=4,
            u="502",
            n=88,
            n35=4,
            n150=40,
            n151=200,
            n120=60,
            n200=100,
            odd=31,
            even=32,
        )
        for form, _c in ADDRESS_FORMS
    ]
    out: dict[str, object] = {}
    for label, calls in (
        ("waybill with a sender", [dict(waybill_no=n) for n in with_sender]),
        ("waybill, courier only", [dict(waybill_no=n) for n in without]),
        ("address only", [dict(address=a) for a in addresses]),
    ):
        times = []
        reasons = set()
        for kw in calls:

            def one(kw: dict[str, str] = kw) -> object:
                with db.read_session() as s:  # type: ignore[attr-defined]
                    return route(s, **kw)

            one()
            t, r = common.timed(one)
            times.append(t)
            reasons.add(r.reason.split(" ")[0] if r.reason else "")  # type: ignore[attr-defined]
        med = common.median(times) * 1000
        p95 = common.percentile(times, 95) * 1000
        print(f"  route: {label:<24} median {med:6.2f} ms  p95 {p95:6.2f} ms  ({len(calls)} items)")
        out[label] = {"median_ms": med, "p95_ms": p95}
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=500_000)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    common.ensure_dirs()
    import os

    os.environ.setdefault("BRANCHDESK_DATA_DIR", str(common.DATA / "team-data"))
    if args.force or not DB_PATH.exists():
        t, _ = common.timed(lambda: build(args.contacts))
        print(f"built {DB_PATH} in {t:.1f} s")
    from branchdesk import features
    from branchdesk.db.engine import open_database

    features.load()
    db = open_database(DB_PATH)
    print(f"contact list, {args.contacts} contacts (target < {TARGET_LIST_MS:.0f} ms):")
    result = {"list": bench_list(db)}
    try:
        import branchdesk.team.routing  # noqa: F401
    except ImportError:
        pass
    else:
        print(f"routing (target < {TARGET_ROUTE_MS:.0f} ms):")
        result["route"] = bench_route(db)
    common.save_result("team", result)
    db.dispose()


if __name__ == "__main__":
    main()
