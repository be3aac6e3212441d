"""A backup is restored only with exactly the schema its revision's migrations make and a PIN
within bounds: an edited backup is refused with the precise reason."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from branchdesk import paths
from branchdesk.cli import main
from branchdesk.db import schema
from branchdesk.db.backup import (
    RestoreRefused,
    backup_to,
    describe,
    newest_good_backup,
    restore,
    restore_refusal,
)
from branchdesk.db.engine import Database
from branchdesk.db.migrations import HEAD_REVISION, KNOWN_REVISIONS
from branchdesk.owner.pin import set_pin
from tests.conftest import SAMPLE_WAYBILLS
from tests.unit.db.test_backup import old_schema

EDITS = {
    "trigger-emptying-the-audit-log": (
        "CREATE TRIGGER wipe AFTER INSERT ON complaint BEGIN DELETE FROM audit_entry; END",
        "an extra trigger “wipe” on complaint that BranchDesk does not make",
    ),
    "trigger-deleting-the-pin": (
        "CREATE TRIGGER no_pin AFTER INSERT ON waybill BEGIN DELETE FROM owner_pin; END",
        "an extra trigger “no_pin” on waybill that BranchDesk does not make",
    ),
    "view": ("CREATE VIEW phones AS SELECT phone FROM waybill", "an extra view “phones”"),
    "table-missing": ("DROP TABLE audit_entry", "the table “audit_entry” is missing"),
    "absurd-scrypt-cost": (
        "UPDATE owner_pin SET cost_n = 1073741824, cost_r = 64",
        "scrypt cost (n=1073741824, r=64, p=1) is outside",
    ),
    "second-pin": (
        "INSERT INTO owner_pin SELECT NULL, salt, digest, cost_n, cost_r, cost_p, set_at, 0, "
        "NULL FROM owner_pin",
        "The owner PIN is stored 2 times",
    ),
}


@pytest.fixture
def good_backup(db: Database, sample_of: Callable[[int], Database], tmp_path: Path) -> Path:
    sample_of(SAMPLE_WAYBILLS)
    with db.session() as s:
        set_pin(s, "2580")
    db.dispose()
    return backup_to(paths.db_path(), tmp_path / "usb")


def edited(backup: Path, statement: str) -> Path:
    with closing(sqlite3.connect(backup)) as con, con:
        con.execute(statement)
    return backup


def test_a_backup_as_branchdesk_writes_it_is_accepted(good_backup: Path) -> None:
    summary = describe(good_backup)
    assert summary.schema_problems == [] and restore_refusal(summary) is None


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edited_backup_is_refused_with_the_reason(
    good_backup: Path, edit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    statement, reason = EDITS[edit]
    backup = edited(good_backup, statement)
    summary = describe(backup)
    refusal = restore_refusal(summary)
    assert refusal is not None and refusal.reason == "tampered"
    assert reason in str(refusal), str(refusal)
    with pytest.raises(RestoreRefused, match="not a backup as BranchDesk writes it"):
        restore(paths.db_path(), backup, backups_dir=paths.backups_dir())
    assert main(["restore", str(backup), "--yes", "--pin", "2580"]) == 1
    assert reason in capsys.readouterr().err
    with closing(sqlite3.connect(paths.db_path())) as con:  # nothing of it came in
        assert schema.schema_problems(con, HEAD_REVISION) == schema.pin_problems(con) == []
    # Nor is it offered when the database is damaged.
    backup.rename(paths.backups_dir() / "branchdesk-20260101-080000.sqlite3")
    assert newest_good_backup(paths.backups_dir()) is None


@pytest.mark.parametrize("revision", sorted(KNOWN_REVISIONS))
def test_each_revision_migrated_on_disk_matches_its_schema(tmp_path: Path, revision: str) -> None:
    path = tmp_path / f"{revision}.sqlite3"
    old_schema(path, revision)
    with closing(sqlite3.connect(path)) as con:
        assert schema.schema_problems(con, revision) == []
        if revision != "0001":
            assert schema.expected(revision) != schema.expected("0001")


def test_sql_is_compared_whatever_its_quotes_and_spacing() -> None:
    a = 'CREATE TABLE "x" (\n\tid INTEGER NOT NULL, \n\tCONSTRAINT pk PRIMARY KEY (id)\n)'
    b = "create table x (id integer not null,constraint pk primary key(id))"
    assert schema.normalise_sql(a) == schema.normalise_sql(b)
