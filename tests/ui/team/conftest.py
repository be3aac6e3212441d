"""The sample branch without its sample team, for GUI tests that build their own team."""

from __future__ import annotations

import pytest

from branchdesk.db.engine import Database
from tests.unit.team.conftest import clear_team


@pytest.fixture
def no_team(sample_db: Database) -> Database:
    return clear_team(sample_db)
