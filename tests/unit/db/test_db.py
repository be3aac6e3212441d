"""Database: pragmas, migrations shipped in the package, refusing a newer schema."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from branchdesk import paths
from branchdesk.db.engine import open_database, sqlite_revision
from branchdesk.db.migrations import HEAD_REVISION, KNOWN_REVISIONS
from branchdesk.errors import DatabaseError, DatabaseTooNewError


def _script() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", "branchdesk.db:migrations")
    return ScriptDirectory.from_config(cfg)


def test_head_constant_matches_the_migration_scripts() -> None:
    script = _script()
    assert script.get_heads() == [HEAD_REVISION]
    assert {r.revision for r in script.walk_revisions()} == KNOWN_REVISIONS


def test_new_database_uses_wal_and_foreign_keys(data_dir: Path) -> None:
    db = open_database()
    with db.session() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()
    assert sqlite_revision(paths.db_path()) == HEAD_REVISION


def test_database_newer_than_the_app_is_refused_untouched(data_dir: Path) -> None:
    open_database().dispose()
    con = sqlite3.connect(paths.db_path())
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = paths.db_path().read_bytes()
    with pytest.raises(DatabaseTooNewError) as info:
        open_database()
    assert str(info.value) == (
        f"The database {paths.db_path()} was written by a newer BranchDesk (schema 9999). "
        "Install the newer BranchDesk to open it; this version will not touch it."
    )
    assert paths.db_path().read_bytes() == before


def test_an_old_database_is_backed_up_then_migrated(data_dir: Path) -> None:
    # A DB from before the first migration (no alembic_version) stands for an older schema.
    con = sqlite3.connect(paths.db_path())
    con.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO note (body) VALUES ('keep me')")
    con.commit()
    con.close()
    db = open_database()
    db.dispose()
    backups = list(paths.backups_dir().glob("before-upgrade-*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT body FROM note").fetchall() == [("keep me",)]
    copy.close()
    assert sqlite_revision(paths.db_path()) == HEAD_REVISION


def test_a_file_that_is_not_a_database_gives_a_clear_error(data_dir: Path) -> None:
    paths.db_path().write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError) as info:
        open_database()
    assert str(info.value) == (
        f"The database {paths.db_path()} is damaged or not a BranchDesk database: "
        "file is not a database"
    )


def test_migrations_build_exactly_the_models(data_dir: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from branchdesk import features

    metadata = features.metadata()
    db = open_database()
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
        waybill_sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'waybill'"
        ).scalar()
    db.dispose()
    # The search indexes are SQLite virtual tables kept outside the ORM on purpose.
    assert [d for d in diff if not (d[0] == "remove_table" and "_fts" in d[1].name)] == []
    assert "AUTOINCREMENT" in waybill_sql  # ids never reused: the indexes refer to them


@pytest.mark.parametrize("folder", ["网点 #2", "q?x=1", "a%41b", "50% off", "file:x"])
def test_a_data_dir_named_with_url_characters_is_opened_where_it_is(
    tmp_path: Path, folder: str
) -> None:
    """# ? % in a folder's name (legal on Windows and Linux) are part of the name: the same
    file is opened each time, at its schema, with nothing created beside it."""
    if sys.platform == "win32" and "?" in folder:
        pytest.skip("? cannot be in a Windows file name")
    base = tmp_path / "drive"
    path = base / folder / "branchdesk.sqlite3"
    path.parent.mkdir(parents=True)
    paths.set_data_dir(path.parent)
    db = open_database(path)
    with db.session() as s:
        s.execute(text("CREATE TABLE mark (x)"))
    db.dispose()
    assert sqlite_revision(path) == HEAD_REVISION
    again = open_database(path)  # a second start: no migration, no copy of the file
    with again.read_session() as s:
        assert s.execute(text("SELECT count(*) FROM mark")).scalar() == 0
    again.dispose()
    assert not list(paths.backups_dir().glob("before-upgrade-*"))
    assert [p.name for p in base.iterdir()] == [folder]  # no stray file beside it


def test_the_hq_channel_stored_before_0018_is_renamed_in_chinese(data_dir: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{paths.db_path()}")
    cfg = Config()
    cfg.set_main_option("script_location", "branchdesk.db:migrations")
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0017")
        connection.exec_driver_sql(
            "INSERT INTO complaint_category (id, name, sla_hours, position)"
            " VALUES (1, '催件', 24, 0)"
        )
        for n, channel in enumerate(("HQ工单", "电话"), start=1):
            connection.exec_driver_sql(
                "INSERT INTO complaint (id, ticket_no, channel, category_id, status, received_at,"
                " due_at, description, reply, updated_at, is_sample) VALUES (?, ?, ?, 1, 'new',"
                " '2026-11-02 09:00:00', '2026-11-03 09:00:00', '催件', '', '2026-11-02 09:00:00',"
                " 0)",
                (n, f"TS-{n}", channel),
            )
            connection.exec_driver_sql(
                "INSERT INTO complaint_event (complaint_id, at, who, action, note)"
                " VALUES (?, '2026-11-02 09:00:00', '小王', 'created', ?)",
                (n, channel),
            )
    engine.dispose()
    open_database().dispose()
    con = sqlite3.connect(paths.db_path())
    assert con.execute("SELECT channel FROM complaint ORDER BY id").fetchall() == [
        ("总部工单",),
        ("电话",),
    ]
    assert con.execute("SELECT note FROM complaint_event ORDER BY id").fetchall() == [
        ("总部工单",),
        ("电话",),
    ]
    con.close()


def test_every_table_has_a_name_for_its_reader() -> None:
    """A restore's preview names the tables whose rows a backup lacks: by their label
    (投诉处理记录), not their SQL name (complaint_event)."""
    from branchdesk import features
    from branchdesk.db.table_labels import TABLE_LABELS

    tables = {t for t in features.metadata().tables if not t.endswith("_fts")}
    assert tables - set(TABLE_LABELS) == set()
    assert set(TABLE_LABELS) - tables == set()


def test_a_commit_elsewhere_while_this_process_waits_to_write_is_news(data_dir: Path) -> None:
    """The command line held the write lock; this process's first statement was a write and
    waited for it: the version was taken before the wait, so the command line's commit was
    counted as this process's own and never read again (review)."""
    import threading
    import time

    db = open_database()
    try:
        seen = db.data_version()  # the window's last look
        other = sqlite3.connect(paths.db_path(), isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO courier (name, active, updated_at) VALUES ('外面的', 1, '2026-12-06')"
        )

        def commit_soon() -> None:
            time.sleep(0.3)
            other.execute("COMMIT")

        waiter = threading.Thread(target=commit_soon)
        waiter.start()
        with db.session() as s:  # waits for the lock, then writes
            here = (
                "INSERT INTO courier (name, active, updated_at) VALUES ('这里的', 1, '2026-12-06')"
            )
            s.execute(text(here))
        waiter.join()
        other.close()
        now = db.data_version()
        assert now not in (seen, db.own_version)  # the command line's row is news
    finally:
        db.dispose()
