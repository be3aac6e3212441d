"""The sample branch without its sample team, for tests that build their own team."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from branchdesk.db.engine import Database


def clear_team(db: Database) -> Database:
    from branchdesk.team.models import Agent, Assignment, Contact, Customer, Ownership, Shift

    with db.session() as s:
        for model in (Assignment, Contact, Shift, Ownership, Customer, Agent):
            s.execute(delete(model))
    return db


@pytest.fixture
def no_team(sample_db: Database) -> Database:
    """The sample branch (waybills, areas, couriers) with no agents, customers or contacts."""
    return clear_team(sample_db)
