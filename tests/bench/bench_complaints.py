"""The complaint list and the due queue with 100,000 complaints in the DB.

Targets (issue 4): the list opens and re-filters in under 200 ms — measured as the first page
of the lazy model (`LazyRowsModel.reload`, which runs `list_complaints` in a fresh session, as
the page does) for the default view and for each kind of filter; and the due-soon query
(`due_soon(session, 2)` plus the status-bar `due_counts`) in under 10 ms. Median of 7 runs
each, after one warm-up.

The DB is built once in bench-data/complaints.sqlite3 (reused when complete): 100,000
complaints over 24 months in the default categories, 0.5 % open (received within about
their deadline, a few overdue),
the rest closed; one history event each; built with bulk inserts (the app's own
`create_complaint` takes ~2 ms a complaint, too slow for 100k).

    .venv/bin/python tests/bench/bench_complaints.py [--count 100000] [--force]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import datetime, timedelta

import common

TARGET_LIST_MS = 200.0
TARGET_DUE_MS = 10.0
DB_PATH = common.DATA / "complaints.sqlite3"


def build(count: int) -> None:
    from sqlalchemy import insert

    from branchdesk.complaints import service
    from branchdesk.complaints.models import Complaint, ComplaintEvent
    from branchdesk.db.engine import open_database

    if DB_PATH.exists():
        DB_PATH.unlink()
    db = open_database(DB_PATH)
    rng = random.Random(4)
    now = datetime.now().replace(microsecond=0)
    couriers = ["张伟", "王强", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄涛", "周杰", "吴芳"]
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
    channels = ["电话", "总部工单", "总部工单", "电商平台", "上门", "12305/邮政申诉"]
    with db.session() as s:
        service.ensure_default_categories(s)
        cats = [(c.id, c.sla_hours) for c in service.category_tree(s)]
        rows = []
        for n in range(count):
            received = now - timedelta(minutes=rng.randint(0, 60 * 24 * 730))
            cat, sla = rng.choice(cats)
            is_open = rng.random() < 0.005
            if is_open:  # mostly within their deadline; a few overdue, as in a busy branch
                received = now - timedelta(minutes=rng.uniform(0, 60 * sla * 1.05))
            due = received + timedelta(hours=sla)
            closed = None if is_open else received + timedelta(hours=rng.uniform(1, sla * 1.3))
            rows.append(
                {
                    "id": n + 1,
                    "ticket_no": f"TS{received:%Y%m%d}-{n + 1:06d}",
                    "hq_order_no": f"GD{n + 1:010d}" if rng.random() < 0.5 else None,
                    "channel": rng.choice(channels),
                    "waybill_no": f"7{rng.randint(3, 6)}{rng.randint(0, 10**12 - 1):012d}",
                    "customer_name": rng.choice(surnames) + "先生",
                    "phone": f"1{rng.choice('3589')}{rng.randint(0, 10**9 - 1):09d}",
                    "address": "宁波市海曙区中山西路" + str(rng.randint(1, 300)) + "号",
                    "category_id": cat,
                    "courier_name": rng.choice(couriers),
                    "status": rng.choice(["new", "processing", "escalated", "callback"])
                    if is_open
                    else "closed",
                    "received_at": received,
                    "due_at": due,
                    "closed_at": closed,
                    "description": "客户来电",
                    "reply": "",
                    "resolution": None if is_open else "已处理",
                    "compensation_fen": None if is_open else 0,
                    "updated_at": closed or received,
                }
            )
        s.execute(insert(Complaint), rows)
        s.execute(
            insert(ComplaintEvent),
            [
                {
                    "complaint_id": r["id"],
                    "at": r["received_at"],
                    "who": "bench",
                    "action": "created",
                    "to_status": "new",
                    "note": "",
                }
                for r in rows
            ],
        )
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    common.ensure_dirs()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from sqlalchemy import func, select

    from branchdesk.complaints import service
    from branchdesk.complaints.models import Complaint
    from branchdesk.complaints.workflow import OPEN_STATUSES
    from branchdesk.db.engine import open_database

    fresh = args.force or not DB_PATH.exists()
    if not fresh:
        check = open_database(DB_PATH)
        with check.session() as s:
            fresh = (s.scalar(select(func.count(Complaint.id))) or 0) != args.count
        check.dispose()
    if fresh:
        print(f"building {DB_PATH} with {args.count:,} complaints…", flush=True)
        t, _ = common.timed(lambda: build(args.count))
        print(f"  built in {t:.1f} s")
    db = open_database(DB_PATH)

    from PySide6.QtWidgets import QApplication

    from branchdesk.ui.kit.models import Column, LazyRowsModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    cats = {}
    with db.session() as s:
        cats = {c.name: c.id for c in service.category_tree(s)}
    views = {
        "default (all, newest first)": service.ComplaintFilter(),
        "open only": service.ComplaintFilter(statuses=OPEN_STATUSES),
        "category 遗失": service.ComplaintFilter(category_id=cats["遗失"]),
        "courier 王强": service.ComplaintFilter(courier="王强"),
        "text: phone digits 1381": service.ComplaintFilter(text="1381"),
        "text: a rare waybill": service.ComplaintFilter(text="7312345"),
        "text: no match": service.ComplaintFilter(text="不存在的客户"),
    }
    columns = [Column("Ticket", lambda r: r.ticket_no)]
    results: dict[str, float] = {}
    for name, flt in views.items():

        def fetch(offset: int, limit: int, flt: service.ComplaintFilter = flt) -> list:  # type: ignore[type-arg]
            with db.session() as s:
                return service.list_complaints(s, flt, offset, limit)

        def count(flt: service.ComplaintFilter = flt) -> int:
            with db.session() as s:
                return service.count_complaints(s, flt)

        model = LazyRowsModel(columns, fetch)
        model.reload()  # warm-up
        times = []
        for _ in range(args.runs):
            t, _ = common.timed(lambda m=model: (m.reload(), count()))
            times.append(t)
        results[name] = common.median(times) * 1000
        print(f"  list {name}: {results[name]:.1f} ms (first page {model.rowCount()} rows + count)")

    # The same text searches as the list did before migration 0012: a 6-column LIKE scan.
    from sqlalchemy import or_

    baseline: dict[str, float] = {}
    for text in ("1381", "7312345", "不存在的客户"):
        like = f"%{text}%"
        where = or_(
            Complaint.ticket_no.like(like),
            Complaint.hq_order_no.like(like),
            Complaint.waybill_no.like(like.upper()),
            Complaint.phone.like(like),
            Complaint.customer_name.like(like),
            Complaint.courier_name.like(like),
        )

        def scan(where: object = where) -> int:
            with db.session() as s:
                s.execute(
                    select(Complaint.id)
                    .where(where, Complaint.merged_into_id.is_(None))  # type: ignore[arg-type]
                    .order_by(Complaint.received_at.desc())
                    .limit(200)
                ).all()
                return int(
                    s.scalar(
                        select(func.count(Complaint.id)).where(
                            where,  # type: ignore[arg-type]
                            Complaint.merged_into_id.is_(None),
                        )
                    )
                    or 0
                )

        scan()
        times = [common.timed(scan)[0] for _ in range(args.runs)]
        baseline[text] = common.median(times) * 1000
        print(f"  before 0012, LIKE scan for {text}: {baseline[text]:.1f} ms")

    due_times = []
    with db.session() as s:
        service.due_soon(s, 2)
    for _ in range(args.runs * 3):

        def due() -> tuple[int, tuple[int, int]]:
            with db.session() as s:
                return len(service.due_soon(s, 2)), service.due_counts(s, 2)

        t, (n_due, counts) = common.timed(due)
        due_times.append(t)
    due_ms = common.median(due_times) * 1000
    worst = max(results.values())
    print(f"\nComplaint list with {args.count:,} complaints (median of {args.runs})")
    print(
        f"  slowest view: {worst:.1f} ms (target < {TARGET_LIST_MS:.0f} ms): "
        f"{'PASS' if worst < TARGET_LIST_MS else 'FAIL'}"
    )
    print(
        f"  due-soon query + status-bar counts: {due_ms:.2f} ms, {n_due} due "
        f"({counts[1]} overdue) (target < {TARGET_DUE_MS:.0f} ms): "
        f"{'PASS' if due_ms < TARGET_DUE_MS else 'FAIL'}"
    )
    common.save_result(
        "complaints",
        {
            "count": args.count,
            "views_ms": results,
            "like_scan_ms": baseline,
            "worst_list_ms": worst,
            "due_ms": due_ms,
        },
    )
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
