"""The one "is the sample still here?" query (the start-up look's, and has_sample_content's)
says what the features' own answers say, for each part of the sample left alone."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from branchdesk import paths
from branchdesk.db.engine import Database
from branchdesk.db.glance import look
from branchdesk.sample import has_sample_content
from branchdesk.sample_glance import sample_left


def both(db: Database) -> tuple[bool, bool | None]:
    """Each feature's own answer (any part of the sample left), and the one query's, through
    the session (has_sample_content) and through the look: all three must agree."""
    from branchdesk.complaints.sample import has_sample_complaints
    from branchdesk.guides.sample import has_sample_guides
    from branchdesk.sample import has_sample
    from branchdesk.team.sample import sample_agent_ids

    with db.read_session() as session:
        parts = (
            has_sample(session)
            or has_sample_guides(session)
            or bool(sample_agent_ids(session))
            or has_sample_complaints(session)
        )
        service = has_sample_content(session)
    assert service == parts
    return parts, look(paths.db_path(), sample_left)


def test_an_empty_branch_has_no_sample(db: Database) -> None:
    assert both(db) == (False, False)


@pytest.mark.parametrize("left", ["import", "guide", "agent", "complaint"])
def test_each_part_of_the_sample_left_alone_is_seen(sample_db: Database, left: str) -> None:
    assert both(sample_db) == (True, True)
    clear = {
        "import": "UPDATE import_batch SET undone_at = CURRENT_TIMESTAMP WHERE is_sample = 1",
        "guide": "UPDATE guide SET is_sample = 0",
        "agent": "UPDATE agent SET is_sample = 0",
        "complaint": "UPDATE complaint SET is_sample = 0",
    }
    with sample_db.session() as session:
        for part, sql in clear.items():
            if part != left:
                session.execute(text(sql))
    assert both(sample_db) == (True, True), left
    with sample_db.session() as session:
        session.execute(text(clear[left]))
    assert both(sample_db) == (False, False)


def test_both_find_the_samples_complaints_by_index_not_by_reading_every_complaint(
    db: Database,
) -> None:
    """Asked at every start (before the first paint too): a branch with years of complaints
    must not have them all read to learn that none is the sample's."""
    import sqlite3

    from sqlalchemy import event

    from branchdesk.complaints.sample import has_sample_complaints
    from branchdesk.sample_glance import SAMPLE_LEFT

    asked: list[tuple[str, object]] = []

    def record(_conn: object, _cursor: object, statement: str, params: object, *_a: object) -> None:
        asked.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    with db.session() as session:
        has_sample_complaints(session)
    event.remove(db.engine, "before_cursor_execute", record)
    statement, params = next((s, p) for s, p in asked if "FROM complaint" in s)
    con = sqlite3.connect(paths.db_path())
    plans = [
        " | ".join(row[-1] for row in con.execute("EXPLAIN QUERY PLAN " + sql, args))  # type: ignore[arg-type]
        for sql, args in ((SAMPLE_LEFT, ()), (statement, params))
    ]
    con.close()
    for plan in plans:
        assert "ix_complaint_is_sample" in plan and "SCAN complaint" not in plan, plan
