"""Every test gets its own data dir; none touches the user's real one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from branchdesk import i18n, paths, permissions, settings
from branchdesk.db.engine import Database, open_database

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    target = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(target))
    paths.set_data_dir(None)
    i18n.set_language("en")
    yield paths.data_dir()
    paths.set_data_dir(None)
    # The owner policy is process-wide: a test that installs one (or runs the CLI) leaves none.
    permissions.set_policy(None)
    permissions.set_actor("")
    settings.set_branch_values(None)  # the branch's settings of this test's database


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def fixtures() -> Path:
    return DATA
