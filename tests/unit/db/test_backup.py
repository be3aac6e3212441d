"""Backups: consistent copies of an open database, daily rotation, preview, restore, the CLI."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from branchdesk import paths
from branchdesk.cli import main
from branchdesk.complaints.sample import COUNT as SAMPLE_COMPLAINTS
from branchdesk.db import backup as backup_module
from branchdesk.db.backup import (
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    DAILY,
    MANUAL,
    BackupCancelled,
    BackupFolderError,
    DamagedDatabaseError,
    RestoreRefused,
    backup_to,
    daily_backup,
    describe,
    list_backups,
    prune_backups,
    restore,
)
from branchdesk.db.engine import Database, make_engine, open_database, sqlite_revision
from branchdesk.db.integrity import full_check
from branchdesk.db.migrations import HEAD_REVISION
from branchdesk.errors import BranchDeskError
from branchdesk.lookup.models import Courier
from branchdesk.owner import pin
from branchdesk.permissions import PermissionDenied, set_policy
from tests.unit.db.test_integrity import truncate_half, zero_middle_page

DAY0 = datetime(2026, 1, 5, 8, 30)  # a Monday


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sql(path: Path, statement: str) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute(statement)
        con.commit()


def old_schema(path: Path, revision: str) -> None:
    """A database migrated only up to `revision`, as an older BranchDesk left it."""
    engine = make_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", "branchdesk.db:migrations")
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
    engine.dispose()


@pytest.fixture
def sample(sample_of: Callable[[int], Database]) -> Database:
    return sample_of(3000)


@pytest.fixture
def closed_db(sample: Database) -> Iterator[Path]:
    """The sample branch's database with its engine disposed, as restore requires."""
    sample.dispose()
    yield paths.db_path()


def courier_names(db_path: Path) -> list[str]:
    with closing(sqlite3.connect(db_path)) as con:
        return [r[0] for r in con.execute("SELECT name FROM courier ORDER BY id")]


# --- backup_to --------------------------------------------------------------------------------


def test_backup_while_a_session_holds_the_database_open(sample: Database, tmp_path: Path) -> None:
    with sample.session() as s:
        s.add(Courier(name="已提交"))  # committed, still in the WAL file only
    with sample.session() as s:
        s.add(Courier(name="未提交"))
        s.flush()  # a write transaction is open while the copy is taken
        copy = backup_to(paths.db_path(), tmp_path / "usb", now=DAY0)
        s.rollback()
    assert copy.name == "branchdesk-20260105-083000-manual.sqlite3"
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]  # one file, no -wal
    names = courier_names(copy)
    assert "已提交" in names and "未提交" not in names
    assert full_check(copy).ok
    with sample.session() as s:  # the app's connection is unaffected
        assert s.scalar(select(Courier.id).where(Courier.name == "已提交")) is not None


def test_two_backups_in_one_second_both_stay(db: Database, tmp_path: Path) -> None:
    first = backup_to(paths.db_path(), tmp_path, now=DAY0)
    second = backup_to(paths.db_path(), tmp_path, now=DAY0)
    assert first != second and first.exists() and second.exists()
    assert [b.path for b in list_backups(tmp_path)] == [second, first]


def test_backup_to_a_folder_that_cannot_be_written_names_it(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "stick"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(BackupFolderError) as info:
        backup_to(paths.db_path(), blocker / "backups")
    assert str(blocker / "backups") in str(info.value)
    assert "USB" in str(info.value)


def test_a_full_disk_is_said_in_words_not_sqlites(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy failing for lack of room said "database or disk is full" inside the
    Chinese sentence (SQLite's own English)."""
    import sqlite3

    from branchdesk.db import backup

    def full(*_a: object, **_k: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy", full)
    target = tmp_path / "stick"
    with pytest.raises(BackupFolderError) as info:
        backup_to(paths.db_path(), target)
    assert "the disk is full" in str(info.value) and "database or disk" not in str(info.value)
    assert list(target.iterdir()) == []


def test_a_damaged_database_gives_no_backup(db: Database, tmp_path: Path) -> None:
    db.dispose()
    zero_middle_page(paths.db_path())
    target = tmp_path / "out"
    with pytest.raises(DamagedDatabaseError) as info:
        backup_to(paths.db_path(), target)
    assert "branchdesk check" in str(info.value)
    assert list(target.iterdir()) == []  # no partial file left behind


# --- daily_backup and pruning ------------------------------------------------------------------


def test_one_automatic_backup_per_day(db: Database) -> None:
    backups = paths.backups_dir()
    first = daily_backup(paths.db_path(), backups, now=DAY0)
    assert first is not None and first.name == "branchdesk-20260105-083000.sqlite3"
    assert daily_backup(paths.db_path(), backups, now=DAY0.replace(hour=17)) is None
    backup_to(paths.db_path(), backups, now=DAY0 + timedelta(days=1))  # a manual one
    second = daily_backup(paths.db_path(), backups, now=DAY0 + timedelta(days=1, hours=1))
    assert second is not None
    assert [b.kind for b in list_backups(backups)] == [DAILY, MANUAL, DAILY]


def test_no_database_yet_no_daily_backup(data_dir: Path) -> None:
    assert daily_backup(paths.db_path(), paths.backups_dir(), now=DAY0) is None


def test_sixty_days_keep_14_daily_and_one_per_week(db: Database) -> None:
    backups = paths.backups_dir()
    manual = backup_to(paths.db_path(), backups, now=DAY0 - timedelta(days=1))
    upgrade = backups / f"before-upgrade-0003-{(DAY0 + timedelta(days=3)):%Y%m%d-%H%M%S}.sqlite3"
    shutil.copyfile(manual, upgrade)
    restored = backup_to(paths.db_path(), backups, kind=BEFORE_RESTORE, now=DAY0)
    days = [DAY0 + timedelta(days=n, minutes=n) for n in range(60)]
    for when in days:
        assert daily_backup(paths.db_path(), backups, now=when) is not None
    dailies = [b for b in list_backups(backups) if b.kind == DAILY]
    newest_14 = [b.taken_at for b in dailies[:14]]
    assert newest_14 == sorted(days[-14:], reverse=True)
    weekly = dailies[14:]
    weeks = [b.taken_at.isocalendar()[:2] for b in weekly]
    older_weeks = {d.isocalendar()[:2] for d in days[:-14]}
    assert len(weekly) == min(8, len(older_weeks)) == len(set(weeks))
    for b in weekly:  # the newest copy of its week is the one kept
        same_week = [d for d in days[:-14] if d.isocalendar()[:2] == b.taken_at.isocalendar()[:2]]
        assert b.taken_at == max(same_week)
    assert manual.exists() and upgrade.exists() and restored.exists()
    kinds = {b.path: b.kind for b in list_backups(backups)}
    assert kinds[upgrade] == BEFORE_UPGRADE and kinds[restored] == BEFORE_RESTORE

    prune_backups(backups, keep_daily=14, keep_weekly=3)
    assert len([b for b in list_backups(backups) if b.kind == DAILY]) == 14 + 3


def test_pruning_never_deletes_the_newest_good_copy(db: Database) -> None:
    backups = paths.backups_dir()
    copies = [
        daily_backup(paths.db_path(), backups, now=DAY0 + timedelta(days=n)) for n in range(4)
    ]
    assert all(copies)
    zero_middle_page(copies[-1])  # damaged on disk after it was written
    truncate_half(copies[-2])
    deleted = prune_backups(backups, keep_daily=0, keep_weekly=0)
    assert [b.path for b in list_backups(backups)] == [copies[1]]
    assert len(deleted) == 3


# --- list_backups and describe -----------------------------------------------------------------


def test_list_backups_newest_first_and_flags_a_cut_copy(db: Database) -> None:
    backups = paths.backups_dir()
    a = backup_to(paths.db_path(), backups, now=DAY0)
    b = daily_backup(paths.db_path(), backups, now=DAY0 + timedelta(days=1))
    assert b is not None
    (backups / "notes.txt").write_text("not a backup")
    (backups / ".branchdesk-x.partial").write_text("")
    truncate_half(a)
    infos = list_backups(backups)
    assert [(i.path, i.kind, i.ok) for i in infos] == [(b, DAILY, True), (a, MANUAL, False)]
    assert infos[0].size == b.stat().st_size
    assert list_backups(backups / "missing") == []


def test_describe_a_current_backup(sample: Database, tmp_path: Path) -> None:
    copy = backup_to(paths.db_path(), tmp_path, now=DAY0)
    summary = describe(copy)
    assert summary.ok and summary.is_branchdesk and not summary.too_new
    assert summary.revision == HEAD_REVISION
    assert summary.taken_at == DAY0
    assert (summary.waybills, summary.area_rules, summary.couriers) == (3000, 37, 10)
    assert (summary.handbook_items, summary.complaints, summary.guides) == (
        33,
        SAMPLE_COMPLAINTS,
        3,
    )
    assert summary.last_import is not None
    text_ = "\n".join(summary.lines())
    assert "3000" in text_ and "2026-01-05 08:30:00" in text_


def test_describe_an_older_and_an_empty_schema(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    old_schema(old, "0001")
    sql(
        old,
        "INSERT INTO courier (name, active, updated_at) VALUES ('老王', 1, '2025-01-01 00:00:00')",
    )
    summary = describe(old)
    assert summary.ok and summary.is_branchdesk and summary.revision == "0001"
    assert summary.couriers == 1
    assert (summary.handbook_items, summary.complaints, summary.guides) == (0, 0, 0)
    assert summary.last_import is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    summary = describe(empty)
    assert summary.ok and not summary.is_branchdesk
    assert summary.revision is None and summary.waybills == 0


def test_describe_never_writes_even_a_wal_mode_file(db: Database, tmp_path: Path) -> None:
    # A before-upgrade copy keeps the WAL flag of the live database in its header.
    (tmp_path / "usb").mkdir()
    copy = tmp_path / "usb" / "before-upgrade-0003-20260105-083000.sqlite3"
    with closing(sqlite3.connect(paths.db_path())) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # WAL mode
    before = sha(copy)
    summary = describe(copy, thorough=True)
    assert summary.ok and summary.revision == HEAD_REVISION
    assert sha(copy) == before
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]


def test_describe_damaged_and_foreign_files(sample: Database, tmp_path: Path) -> None:
    copy = backup_to(paths.db_path(), tmp_path, now=DAY0)
    zero_middle_page(copy)
    assert not describe(copy).ok
    note = tmp_path / "note.txt"
    note.write_text("not a database\n" * 100)
    summary = describe(note)
    assert not summary.ok and not summary.is_sqlite and summary.problems


# --- restore -----------------------------------------------------------------------------------


def test_restore_round_trip(closed_db: Path) -> None:
    backups = paths.backups_dir()
    copy = backup_to(closed_db, backups, now=DAY0)
    before = courier_names(closed_db)
    db = open_database()
    with db.session() as s:
        s.add(Courier(name="后来的人"))
        s.execute(text("UPDATE courier SET name = '改过' WHERE id = 1"))
    db.dispose()
    assert courier_names(closed_db) != before

    report = restore(closed_db, copy, backups_dir=backups, now=DAY0 + timedelta(hours=1))
    assert courier_names(closed_db) == before
    assert not report.needs_upgrade
    assert report.safety_copy is not None and report.safety_copy.exists()
    assert "before-restore" in report.safety_copy.name
    assert "后来的人" in courier_names(report.safety_copy)
    assert not Path(f"{closed_db}-wal").exists()
    db = open_database()  # the restored file opens as usual
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM waybill")) == 3000
    db.dispose()
    assert full_check(closed_db).ok


def test_a_restore_after_more_was_written_than_the_user_was_shown_changes_nothing(
    closed_db: Path,
) -> None:
    """A restore during a 200,000-row import said "the backup lacks no rows", and the rows
    were gone (only in the before-restore copy): it compares again at the last moment."""
    from branchdesk.db.backup import RestoreRefused, lacking_rows

    backups = paths.backups_dir()
    copy = backup_to(closed_db, backups, now=DAY0)
    shown = lacking_rows(closed_db, copy)
    assert shown.tables == {}  # "the backup lacks no rows"
    db = open_database()  # meanwhile, the command line imports
    with db.session() as s:
        s.add(Courier(name="导入的人"))
    db.dispose()
    with pytest.raises(RestoreRefused, match="More was written"):
        restore(closed_db, copy, backups_dir=backups, shown=shown)
    assert "导入的人" in courier_names(closed_db)  # nothing changed
    again = lacking_rows(closed_db, copy)
    assert restore(closed_db, copy, backups_dir=backups, shown=again).safety_copy is not None
    assert "导入的人" not in courier_names(closed_db)


def test_restore_an_older_schema_is_migrated_on_open(closed_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "branchdesk-20250101-120000.sqlite3"
    old_schema(old, "0002")
    sql(
        old,
        "INSERT INTO courier (name, active, updated_at) VALUES ('老王', 1, '2025-01-01 00:00:00')",
    )
    report = restore(closed_db, old, backups_dir=paths.backups_dir())
    assert report.needs_upgrade
    assert sqlite_revision(closed_db) == "0002"
    open_database().dispose()
    assert sqlite_revision(closed_db) == HEAD_REVISION
    assert courier_names(closed_db) == ["老王"]


def test_restore_into_a_fresh_data_dir(sample: Database, tmp_path: Path) -> None:
    copy = backup_to(paths.db_path(), tmp_path, now=DAY0)
    target = tmp_path / "new-pc" / "branchdesk.sqlite3"
    report = restore(target, copy, backups_dir=tmp_path / "new-pc" / "backups")
    assert report.safety_copy is None
    assert courier_names(target) == courier_names(copy)
    assert sorted(p.name for p in target.parent.iterdir()) == ["branchdesk.sqlite3"]


def test_restore_onto_a_damaged_database_keeps_its_bytes(closed_db: Path) -> None:
    backups = paths.backups_dir()
    copy = backup_to(closed_db, backups, now=DAY0)
    zero_middle_page(closed_db)
    damaged = closed_db.read_bytes()
    # As the command line and the dialog restore it: with what they showed it lacks (a
    # table that cannot be counted is no reason to refuse: review)
    from branchdesk.db.backup import lacking_rows

    shown = lacking_rows(closed_db, copy)
    report = restore(closed_db, copy, backups_dir=backups, shown=shown)
    assert report.safety_copy is not None and report.safety_copy.read_bytes() == damaged
    assert full_check(closed_db).ok


def _refused(closed_db: Path, bad: Path, reason: str) -> None:
    backups = paths.backups_dir()
    before, listed = sha(closed_db), sorted(backups.iterdir())
    with pytest.raises(RestoreRefused) as info:
        restore(closed_db, bad, backups_dir=backups)
    assert info.value.reason == reason
    assert "nothing was changed" in str(info.value)
    assert sha(closed_db) == before
    assert sorted(backups.iterdir()) == listed  # not even a safety copy


def test_restore_refuses_a_damaged_backup(closed_db: Path, tmp_path: Path) -> None:
    copy = backup_to(closed_db, tmp_path, now=DAY0)
    zero_middle_page(copy)
    _refused(closed_db, copy, "damaged")
    cut = backup_to(closed_db, tmp_path, now=DAY0 + timedelta(days=1))
    truncate_half(cut)
    _refused(closed_db, cut, "damaged")


def test_restore_refuses_a_text_file_and_a_foreign_database(
    closed_db: Path, tmp_path: Path
) -> None:
    note = tmp_path / "branchdesk-20260105-083000.sqlite3"
    note.write_text("这不是数据库\n" * 100, encoding="utf-8")
    _refused(closed_db, note, "not-branchdesk")
    foreign = tmp_path / "other.db"
    sql(foreign, "CREATE TABLE t (x)")
    _refused(closed_db, foreign, "not-branchdesk")


def test_restore_refuses_a_newer_schema(closed_db: Path, tmp_path: Path) -> None:
    copy = backup_to(closed_db, tmp_path, now=DAY0)
    sql(copy, "UPDATE alembic_version SET version_num = '9999'")
    _refused(closed_db, copy, "too-new")


def test_restore_refuses_while_the_database_is_open(sample: Database, tmp_path: Path) -> None:
    copy = backup_to(paths.db_path(), tmp_path, now=DAY0)
    with sample.session() as s:
        s.add(Courier(name="新人"))
    with pytest.raises(BranchDeskError, match="in use") as refused:
        restore(paths.db_path(), copy, backups_dir=paths.backups_dir())
    # BranchDesk may be open with no window: kept in the tray. The message says where.
    assert "tray" in str(refused.value) and "Quit BranchDesk" in str(refused.value)
    assert "新人" in courier_names(paths.db_path())


def test_restore_needs_the_owner(closed_db: Path, tmp_path: Path) -> None:
    copy = backup_to(closed_db, tmp_path, now=DAY0)
    before = sha(closed_db)
    set_policy(lambda action: False)
    try:
        with pytest.raises(PermissionDenied):
            restore(closed_db, copy, backups_dir=paths.backups_dir())
    finally:
        set_policy(None)
    assert sha(closed_db) == before
    # The command line, once the owner has set a PIN: refused without it, done with it.
    database = open_database()
    with database.session() as s:
        pin.set_pin(s, "2580")
    database.dispose()
    assert main(["restore", str(copy), "--yes"]) == 1
    assert main(["--pin", "1234", "restore", str(copy), "--yes"]) == 1
    assert not list(paths.backups_dir().glob("*before-restore*"))  # nothing was replaced
    assert main(["--pin", "2580", "restore", str(copy), "--yes"]) == 0
    assert len(list(paths.backups_dir().glob("*before-restore*"))) == 1


# --- the command line --------------------------------------------------------------------------


def test_cli_backup_and_check(
    sample: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.parent == paths.backups_dir() and made.exists()
    assert main(["backup", "-o", str(tmp_path / "usb")]) == 0
    assert Path(capsys.readouterr().out.strip()).parent == tmp_path / "usb"
    blocker = tmp_path / "stick"
    blocker.write_text("")
    assert main(["backup", "-o", str(blocker / "x")]) == 1
    assert str(blocker / "x") in capsys.readouterr().err
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "ok" in out and made.name in out and "1 backup(s)" in out
    assert "Manual backup" in out and " manual " not in out
    paths.settings_path().write_text('{"language": "zh_CN"}', encoding="utf-8")
    assert main(["check"]) == 0
    assert "手动备份" in capsys.readouterr().out


def test_cli_check_lists_the_problems_of_a_damaged_database(
    closed_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = backup_to(closed_db, paths.backups_dir(), now=DAY0)
    zero_middle_page(closed_db)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "PROBLEMS" in out and f"branchdesk restore {good}" in out


def test_cli_check_without_a_database(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "nothing to check" in capsys.readouterr().out


def test_cli_restore_asks_and_never_waits_without_a_terminal(
    closed_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = backup_to(closed_db, tmp_path, now=DAY0)
    sql(closed_db, "DELETE FROM guide_step")
    before = sha(closed_db)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["restore", str(copy)]) == 2
    captured = capsys.readouterr()
    assert "Waybills: 3000" in captured.out and "--yes" in captured.err
    assert sha(closed_db) == before
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["restore", str(copy)]) == 0
    assert sha(closed_db) == before
    assert main(["restore", str(copy), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out
    assert sha(closed_db) != before


def test_cli_restore_refuses_bad_files(
    closed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello\n")
    assert main(["restore", str(note), "--yes"]) == 1
    assert "not a BranchDesk backup" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "missing.sqlite3"), "--yes"]) == 1


def test_a_daily_backup_stopped_on_closing_leaves_no_file_and_the_next_start_makes_it(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "STEP_PAGES", 8)  # many steps on the small sample
    backups = paths.backups_dir()
    asked = 0

    def closing_after_three_steps() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    with pytest.raises(BackupCancelled):
        daily_backup(closed_db, backups, now=DAY0, cancelled=closing_after_three_steps)
    assert asked == 4  # stopped at the first step after the window closed
    assert list(backups.iterdir()) == []  # not even a partial file
    made = daily_backup(closed_db, backups, now=DAY0, cancelled=lambda: False)
    assert made is not None and courier_names(made) == courier_names(closed_db)


def test_every_kind_of_backup_is_named_in_words() -> None:
    from branchdesk import i18n
    from branchdesk.db.backup import kind_label

    i18n.set_language("zh_CN")
    assert kind_label("manual") == "手动备份"
    assert kind_label("usb") == "其他备份（usb）"  # a copy renamed by hand


def test_what_killed_backups_and_restores_left_is_swept_at_the_next_one(
    closed_db: Path, tmp_path: Path
) -> None:
    """Three killed `backup -o USB` runs left 38-56 MB .partial files on the stick, and a
    killed restore its .restoring copy beside the database, for good (hostile tester)."""
    import os
    import time

    stick = tmp_path / "usb"
    stick.mkdir()
    old = time.time() - 7200
    left = [
        stick / ".branchdesk-abc123.partial",
        closed_db.parent / f".{closed_db.name}.x.restoring",
    ]
    fresh = stick / ".branchdesk-now.partial"  # another backup writing right now
    for path in [*left, fresh]:
        path.write_bytes(b"x" * 1000)
    for path in left:
        os.utime(path, (old, old))
    copy = backup_to(closed_db, stick, now=DAY0)
    assert not left[0].exists() and fresh.exists()
    restore(closed_db, copy, backups_dir=paths.backups_dir())
    assert not left[1].exists()
