"""The start-up look's "is the sample still here?" says what `has_sample_content` says, for
each part of the sample left alone."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from branchdesk import paths
from branchdesk.db.engine import Database
from branchdesk.db.glance import look
from branchdesk.sample import has_sample_content
from branchdesk.sample_glance import sample_left


def both(db: Database) -> tuple[bool, bool | None]:
    with db.read_session() as session:
        service = has_sample_content(session)
    return service, look(paths.db_path(), sample_left)


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
