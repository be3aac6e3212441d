"""Integrity checks: a sound database passes, a damaged file is reported, never raised."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from branchdesk import paths
from branchdesk.db.backup import backup_to, newest_good_backup
from branchdesk.db.engine import Database
from branchdesk.db.integrity import full_check, quick_check


def zero_middle_page(path: Path) -> None:
    """Overwrite the b-tree page in the middle of a database file with zeros, as a bad sector
    would. A b-tree page, not just the file's middle page: that one may be an overflow page of
    a guide's picture, whose bytes no check can tell from zeros (which page lands in the middle
    moves whenever a migration adds tables)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        try:
            tree_pages = [
                n
                for (n,) in con.execute(
                    "SELECT pageno FROM dbstat WHERE pagetype IN ('leaf', 'internal') "
                    "ORDER BY pageno"
                )
            ]
        except sqlite3.OperationalError:  # an SQLite built without dbstat
            tree_pages = []
    pages = path.stat().st_size // page_size
    page_no = tree_pages[len(tree_pages) // 2] if tree_pages else pages // 2 + 1
    with open(path, "r+b") as fh:
        fh.seek((page_no - 1) * page_size)
        fh.write(bytes(page_size))


def truncate_half(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


@pytest.fixture
def sample_copy(sample_of: Callable[[int], Database], tmp_path: Path) -> Path:
    """A closed, single-file copy of the sample branch's database."""
    sample_of(3000)
    return backup_to(paths.db_path(), tmp_path / "copies")


def test_a_sound_database_passes_both_checks(db: Database, sample_copy: Path) -> None:
    for report in (quick_check(paths.db_path()), full_check(paths.db_path())):
        assert report.ok, report.problems
        assert report.problems == []
        assert report.seconds > 0
    assert full_check(sample_copy).ok


def test_a_page_of_zeros_is_found(sample_copy: Path) -> None:
    zero_middle_page(sample_copy)
    for check in (quick_check, full_check):
        report = check(sample_copy)
        assert not report.ok
        assert report.problems


def test_a_page_of_garbage_is_found(sample_copy: Path) -> None:
    size = sample_copy.stat().st_size
    with open(sample_copy, "r+b") as fh:
        fh.seek(size // 2 - 1000)
        fh.write(bytes(range(256)) * 16)
    assert not quick_check(sample_copy).ok
    assert not full_check(sample_copy).ok


def test_a_truncated_file_is_cut_short(sample_copy: Path) -> None:
    truncate_half(sample_copy)
    report = quick_check(sample_copy)
    assert not report.ok
    assert "cut short" in report.problems[0]
    assert not full_check(sample_copy).ok


def test_a_file_cut_mid_page_is_cut_short(sample_copy: Path) -> None:
    with open(sample_copy, "r+b") as fh:
        fh.truncate(sample_copy.stat().st_size - 100)
    assert "cut short" in quick_check(sample_copy).problems[0]


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n" * 50, b"SQLite format 3\x00" + b"\xff" * 5000, b"x"],
)
def test_a_file_that_is_not_a_database_gives_a_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    for check in (quick_check, full_check):
        report = check(path)
        assert not report.ok
        assert str(path) in report.problems[0]


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    report = quick_check(tmp_path / "nope.sqlite3")
    assert not report.ok and report.problems


def test_orphan_rows_are_listed(db: Database, sample_copy: Path) -> None:
    con = sqlite3.connect(sample_copy)
    con.execute("UPDATE waybill SET batch_id = 999 WHERE id IN (1, 2)")
    con.commit()
    con.close()
    report = quick_check(sample_copy)
    assert not report.ok
    assert report.problems == [
        "2 row(s) of waybill refer to missing rows of import_batch (first row id 1)."
    ]


def test_full_check_wants_a_known_schema(tmp_path: Path, sample_copy: Path) -> None:
    con = sqlite3.connect(sample_copy)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert quick_check(sample_copy).ok
    report = full_check(sample_copy)
    assert not report.ok and "newer BranchDesk" in report.problems[0]
    foreign = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(foreign)) as con:
        con.execute("CREATE TABLE t (x)")
    assert "no BranchDesk schema" in full_check(foreign).problems[0]


def test_checks_leave_the_file_as_it_was(sample_copy: Path) -> None:
    before = sample_copy.read_bytes()
    quick_check(sample_copy, immutable=True)
    full_check(sample_copy, immutable=True)
    assert sample_copy.read_bytes() == before
    assert sorted(p.name for p in sample_copy.parent.iterdir()) == [sample_copy.name]


def test_newest_good_backup_skips_damaged_copies(db: Database) -> None:
    backups = paths.backups_dir()
    assert newest_good_backup(backups) is None
    good = backup_to(paths.db_path(), backups, now=datetime(2026, 3, 1, 9))
    zeroed = backup_to(paths.db_path(), backups, now=datetime(2026, 3, 2, 9))
    cut = backup_to(paths.db_path(), backups, now=datetime(2026, 3, 3, 9))
    shutil.copyfile(good, backups / "unrelated.sqlite3")
    zero_middle_page(zeroed)
    truncate_half(cut)
    assert newest_good_backup(backups) == good


def test_a_stopped_quick_check_gives_no_verdict_and_an_unstopped_one_passes(
    sample_copy: Path,
) -> None:
    # The window closing stops the start-up check (seconds on a large branch) instead of
    # waiting for it; a check stopped part-way must not read as damage.
    from branchdesk.db.integrity import CheckCancelled

    asked: list[int] = []

    def stop_at_the_second_ask() -> bool:
        asked.append(1)
        return len(asked) >= 2

    with pytest.raises(CheckCancelled):
        quick_check(sample_copy, cancelled=stop_at_the_second_ask)
    assert len(asked) >= 2  # SQLite asked while the check ran, and it stopped when told
    report = quick_check(sample_copy, cancelled=lambda: False)
    assert report.ok, report.problems
    zero_middle_page(sample_copy)
    assert not quick_check(sample_copy, cancelled=lambda: False).ok  # damage is still found
