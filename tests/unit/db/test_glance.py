"""The start-up look opens only a database it can trust, read-only (SQLite may add the usual
-shm beside it, as every reader does)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from branchdesk import paths
from branchdesk.db.engine import Database
from branchdesk.db.glance import open_glance
from branchdesk.owner import glance as owner_glance
from branchdesk.owner import policy
from branchdesk.settings import ADOPTED_KEY, SettingsStore


def test_a_current_database_opens_read_only(db: Database) -> None:
    con = open_glance(paths.db_path())
    assert con is not None
    with pytest.raises(sqlite3.OperationalError):
        con.execute("CREATE TABLE x (a)")
    con.close()


def test_no_look_where_it_cannot_be_trusted(db: Database, tmp_path: Path) -> None:
    assert open_glance(tmp_path / "none.sqlite3") is None  # no file yet (first run)
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert open_glance(empty) is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert open_glance(garbage) is None
    assert open_glance(tmp_path) is None  # a folder
    db.dispose()
    con = sqlite3.connect(paths.db_path())
    con.execute("UPDATE alembic_version SET version_num = '0015'")  # to be migrated
    con.commit()
    con.close()
    assert open_glance(paths.db_path()) is None
    con = sqlite3.connect(paths.db_path())
    con.execute("DROP TABLE alembic_version")  # not a BranchDesk database
    con.commit()
    con.close()
    assert open_glance(paths.db_path()) is None


def test_a_path_with_uri_characters_opens(data_dir: Path, db: Database) -> None:
    odd = data_dir / "网点 #1?x=%20" / "branchdesk.sqlite3"
    odd.parent.mkdir()
    db.dispose()
    odd.write_bytes(paths.db_path().read_bytes())
    con = open_glance(odd)
    assert con is not None
    assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    con.close()


def test_the_branch_settings_are_policys(db: Database) -> None:
    con = open_glance(paths.db_path())
    assert con is not None
    with db.session() as s:
        s.execute(policy.BranchSetting.__table__.delete())
    assert owner_glance.branch_values(con) is None  # settings.json not taken over yet
    policy.start(db, SettingsStore())
    with db.session() as s:
        policy.change(
            s, {"branch_name": "城东网点", "complaint_lead_hours": 6, "courier_company": "中通"}
        )
        # A value no longer valid reads as the default, as policy.values reads it.
        s.execute(
            policy.BranchSetting.__table__.insert(),
            [{"key": "qc_pass_mark", "value": "-5", "updated_at": datetime(2026, 12, 6)}],
        )
        s.execute(
            policy.BranchSetting.__table__.insert(),
            [{"key": "qc_sample_size", "value": "{not json", "updated_at": datetime(2026, 12, 6)}],
        )
    with db.read_session() as s:
        expected = policy.values(s)
    looked = owner_glance.branch_values(con)
    con.close()
    assert looked == expected
    assert looked is not None and looked["branch_name"] == "城东网点"
    assert looked["complaint_lead_hours"] == 6
    assert ADOPTED_KEY == policy.ADOPTED


ROW = (
    "INSERT INTO audit_entry (at, action, detail, who, with_pin)"
    " VALUES ('2026-12-06 09:00:00.000000', 'test', '', '小王', 0)"
)


def test_beside_a_writer_the_look_sees_what_is_committed_and_never_waits_long(
    db: Database,
) -> None:
    """The command line writing while the window starts: a transaction not yet committed is
    not seen; a writer holding the file to itself gives no look (after 0.2 s), not a hang."""
    import time

    from branchdesk.db.glance import look

    def count(con: sqlite3.Connection) -> int:
        return int(con.execute("SELECT count(*) FROM audit_entry").fetchone()[0])

    before = look(paths.db_path(), count)
    assert before is not None
    writer = sqlite3.connect(paths.db_path(), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(ROW)
    assert look(paths.db_path(), count) == before  # not committed: not seen
    writer.execute("COMMIT")
    assert look(paths.db_path(), count) == before + 1
    writer.execute("PRAGMA locking_mode = EXCLUSIVE")
    writer.execute("BEGIN EXCLUSIVE")
    writer.execute(ROW)
    writer.execute("COMMIT")  # in exclusive locking mode the file stays locked after it
    started = time.monotonic()
    assert look(paths.db_path(), count) is None
    assert time.monotonic() - started < 2
    writer.close()
    assert look(paths.db_path(), count) == before + 2


def test_a_value_the_look_cannot_read_gives_no_look(db: Database) -> None:
    from branchdesk.db.glance import look

    def bad(con: sqlite3.Connection) -> datetime:
        return datetime.fromisoformat("2026-13-45 25:61")  # a due date not in stored form

    assert look(paths.db_path(), bad) is None
