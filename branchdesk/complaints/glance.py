"""今天's due complaints read with sqlite3 alone, for the window's first screen (see
branchdesk.db.glance): the same figures and rows as `service.due_counts`, `service.due_soon`
and the count of complaints waiting for a call-back, which a test keeps equal."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from branchdesk.complaints.workflow import CALLBACK, OPEN_STATUSES
from branchdesk.db.glance import stored_time


@dataclass(frozen=True)
class DueLine:
    """One complaint of the due list: what 今天 shows of it."""

    id: int
    ticket_no: str
    category: str  # path: 延误 › 派送延误
    status: str
    due_at: datetime


@dataclass(frozen=True)
class DueGlance:
    soon: int  # due within the lead time
    overdue: int
    callbacks: int  # waiting for a call-back
    rows: tuple[DueLine, ...]  # overdue and due soon, soonest first


def walk_categories(
    rows: Sequence[tuple[int, int | None, str]],
) -> Iterator[tuple[int, str, int]]:
    """(id, path, depth) of each category reachable from the top, parents before their
    children, from (id, parent id, name) rows in the owner's order."""
    children: dict[int | None, list[tuple[int, str]]] = {}
    for id_, parent, name in rows:
        children.setdefault(parent, []).append((id_, name))

    def walk(parent: int | None, prefix: str, depth: int) -> Iterator[tuple[int, str, int]]:
        for id_, name in children.get(parent, []):
            path = f"{prefix} › {name}" if prefix else name
            yield id_, path, depth
            yield from walk(id_, path, depth + 1)

    return walk(None, "", 0)


def due_glance(con: sqlite3.Connection, within_hours: float, at: datetime, limit: int) -> DueGlance:
    marks = ",".join("?" * len(OPEN_STATUSES))
    open_ = f"status IN ({marks}) AND merged_into_id IS NULL"
    now, until = stored_time(at), stored_time(at + timedelta(hours=within_hours))
    overdue, soon = con.execute(
        f"SELECT (SELECT count(*) FROM complaint WHERE {open_} AND due_at < ?),"
        f" (SELECT count(*) FROM complaint WHERE {open_} AND due_at >= ? AND due_at <= ?)",
        (*OPEN_STATUSES, now, *OPEN_STATUSES, now, until),
    ).fetchone()
    (callbacks,) = con.execute(
        "SELECT count(*) FROM complaint WHERE merged_into_id IS NULL AND status = ?", (CALLBACK,)
    ).fetchone()
    found = con.execute(
        f"SELECT id, ticket_no, category_id, status, due_at FROM complaint"
        f" WHERE {open_} AND due_at <= ? ORDER BY due_at, id LIMIT ?",
        (*OPEN_STATUSES, until, limit),
    ).fetchall()
    paths: dict[int, str] = {}
    if found:
        tree = con.execute(
            "SELECT id, parent_id, name FROM complaint_category ORDER BY position, id"
        ).fetchall()
        paths = {id_: path for id_, path, _depth in walk_categories(tree)}
    rows = tuple(
        DueLine(id_, ticket, paths.get(category, ""), status, datetime.fromisoformat(due))
        for id_, ticket, category, status, due in found
    )
    return DueGlance(soon, overdue, callbacks, rows)
