"""The start-up look at the due complaints (sqlite3 alone) says what the service says."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from branchdesk import paths
from branchdesk.complaints import service
from branchdesk.complaints.glance import due_glance
from branchdesk.complaints.workflow import CALLBACK, STATUSES
from branchdesk.db.engine import Database
from branchdesk.db.glance import open_glance

AT = datetime(2026, 12, 6, 10, 30, 15, 250_000)


def _spread(db: Database) -> None:
    """The sample's complaints due around AT in every status, some merged, two at the same
    minute, and a category nested one level deeper than the defaults."""
    with db.session() as s:
        ids = list(s.scalars(text("SELECT id FROM complaint ORDER BY id")))
        parent = s.scalar(text("SELECT id FROM complaint_category WHERE parent_id IS NOT NULL"))
        s.execute(
            text(
                "INSERT INTO complaint_category (name, parent_id, sla_hours, position)"
                " VALUES ('夜间', :p, 24, 0)"
            ),
            {"p": parent},
        )
        deep = s.scalar(text("SELECT max(id) FROM complaint_category"))
        offsets = [-50, -3, -1, -0.01, 0, 0, 0.5, 1.99, 2, 2.01, 3, 5, 30, -200]
        for n, complaint_id in enumerate(ids):
            due = AT + timedelta(hours=offsets[n % len(offsets)])
            s.execute(
                text(
                    "UPDATE complaint SET due_at = :due, status = :status, category_id ="
                    " CASE WHEN :deep THEN :cat ELSE category_id END WHERE id = :id"
                ),
                {
                    "due": due.replace(microsecond=0) if n % 3 else due,
                    "status": STATUSES[n % len(STATUSES)],
                    "deep": n % 4 == 0,
                    "cat": deep,
                    "id": complaint_id,
                },
            )
        # Two merged into the first: neither counts anywhere.
        s.execute(
            text("UPDATE complaint SET merged_into_id = :first WHERE id IN (:a, :b)"),
            {"first": ids[0], "a": ids[1], "b": ids[4]},
        )


@pytest.mark.parametrize("lead", [2.0, 0.5, 48.0])
@pytest.mark.parametrize("limit", [8, 1000])
def test_the_look_gives_the_services_counts_and_rows(
    sample_db: Database, lead: float, limit: int
) -> None:
    _spread(sample_db)
    for at in (AT, AT - timedelta(hours=1), AT + timedelta(days=2)):
        con = open_glance(paths.db_path())
        assert con is not None
        try:
            look = due_glance(con, lead, at, limit)
        finally:
            con.close()
        with sample_db.read_session() as s:
            soon, overdue = service.due_counts(s, lead, at)
            rows = service.due_soon(s, lead, at, limit=limit)
            callbacks = service.count_complaints(s, service.ComplaintFilter(statuses=(CALLBACK,)))
        assert (look.soon, look.overdue, look.callbacks) == (soon, overdue, callbacks)
        assert [(r.id, r.ticket_no, r.category, r.status, r.due_at) for r in look.rows] == [
            (r.id, r.ticket_no, r.category, r.status, r.due_at) for r in rows
        ]
    # The spread reaches every case: some overdue, some soon, a deep category, a call-back.
    assert look.overdue and look.callbacks
    assert any(r.category.count("›") == 2 for r in look.rows)


def test_nothing_due_is_nothing(sample_db: Database) -> None:
    with sample_db.session() as s:
        s.execute(text("UPDATE complaint SET status = 'closed'"))
    con = open_glance(paths.db_path())
    assert con is not None
    look = due_glance(con, 2, AT, 8)
    con.close()
    assert (look.soon, look.overdue, look.callbacks, look.rows) == (0, 0, 0, ())
