"""Whether anything of the sample branch is left, read with sqlite3 alone for the window's
first screen (see branchdesk.db.glance), and by `sample.has_sample_content` through its
session: one query, which a test keeps equal to each feature's own answer. The banner that
says "this is the sample" is then there from the first paint, instead of pushing 今天 down
once the data is open."""

from __future__ import annotations

import sqlite3

SAMPLE_LEFT = (
    "SELECT EXISTS (SELECT 1 FROM import_batch WHERE is_sample = 1 AND undone_at IS NULL)"
    " OR EXISTS (SELECT 1 FROM guide WHERE is_sample = 1)"
    " OR EXISTS (SELECT 1 FROM agent WHERE is_sample = 1)"
    " OR EXISTS (SELECT 1 FROM complaint WHERE is_sample = 1)"
)


def sample_left(con: sqlite3.Connection) -> bool:
    """An import of the sample not undone, a sample guide, agent or complaint."""
    return bool(con.execute(SAMPLE_LEFT).fetchone()[0])
