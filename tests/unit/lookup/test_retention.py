"""Removing old waybills: the right ones go, both search indexes follow, chunk by chunk."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from branchdesk import logs, permissions
from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.models import ImportBatch
from branchdesk.lookup import retention, search
from branchdesk.lookup.models import Waybill
from branchdesk.lookup.retention import count_old_waybills, purge_waybills
from branchdesk.owner import audit, policy
from branchdesk.settings import SettingsStore

TODAY = date.today()  # the command line counts from the real today
BEFORE_180 = TODAY - timedelta(days=180)  # the first day kept with 180 days


@pytest.fixture(autouse=True)
def no_log_left() -> Iterator[None]:
    yield
    logs.stop_logging()


def _batch(session: Session, imported: datetime) -> int:
    batch = ImportBatch(kind="waybills", file_name="运单.xlsx", created_at=imported)
    session.add(batch)
    session.flush()
    return batch.id


def _add(
    session: Session, batch_id: int | None, numbers: range, day: date | None, name: str
) -> None:
    """Waybills numbered `numbers`, dated `day`, to recipients `name`0, `name`1, …"""
    rows = [
        (
            batch_id,
            f"7310{n:010d}",
            "中通",
            f"{name}{n}",
            f"1381234{n:04d}",
            f"{n:04d}",
            f"海曙区{name}路{n}号",
            "派件中",
            day.isoformat() if day is not None else None,
            "王强",
            n,
        )
        for n in numbers
    ]
    search.insert_waybills(session, rows)


@pytest.fixture
def branch(db: Database) -> Database:
    """60 old waybills (200 days), 40 recent (10 days), 5 exactly 180 days old; 10 undated
    from an import 300 days ago and 10 undated from one 3 days ago; 3 with no date at all."""
    with db.session() as s:
        old = _batch(s, datetime.combine(TODAY - timedelta(days=5), datetime.min.time()))
        _add(s, old, range(0, 60), TODAY - timedelta(days=200), "张旧")
        _add(s, old, range(60, 100), TODAY - timedelta(days=10), "李新")
        _add(s, old, range(100, 105), TODAY - timedelta(days=180), "赵界")
        undated_old = _batch(s, datetime.combine(TODAY - timedelta(days=300), datetime.min.time()))
        _add(s, undated_old, range(200, 210), None, "钱远")
        undated_new = _batch(s, datetime.combine(TODAY - timedelta(days=3), datetime.min.time()))
        _add(s, undated_new, range(300, 310), None, "孙近")
        _add(s, None, range(400, 403), None, "周无")
    return db


def _numbers(session: Session) -> set[int]:
    return {int(n[4:]) for n in session.scalars(select(Waybill.number))}


def _short_index(session: Session) -> list[tuple[str, int]]:
    """Every (token, waybill id) pair the contentless short-query index holds."""
    session.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.short_vocab "
            "USING fts5vocab(main, waybill_short_fts, instance)"
        )
    )
    rows = session.execute(text("SELECT term, doc FROM temp.short_vocab ORDER BY term, doc"))
    return [(r[0], r[1]) for r in rows]


def _assert_indexes_match_the_table(session: Session) -> None:
    # The trigram index against its content table…
    session.execute(text("INSERT INTO waybill_fts(waybill_fts) VALUES ('integrity-check')"))
    fts_ids = set(session.scalars(text("SELECT rowid FROM waybill_fts")))
    assert fts_ids == set(session.scalars(select(Waybill.id)))
    # …and the short-query index against one rebuilt from scratch.
    kept = _short_index(session)
    search.rebuild_short_index(session)
    assert kept == _short_index(session)


def test_waybills_older_than_the_limit_go_and_the_rest_stay(branch: Database) -> None:
    with branch.session() as s:
        assert count_old_waybills(s, 180, today=TODAY) == 70
        assert purge_waybills(s, 180, today=TODAY) == 70
    with branch.session() as s:
        remaining = _numbers(s)
        assert remaining == set(range(60, 105)) | set(range(300, 310)) | set(range(400, 403))
        assert count_old_waybills(s, 180, today=TODAY) == 0
        assert purge_waybills(s, 180, today=TODAY) == 0
        # A shorter limit reaches the exactly-180-days-old ones and the 10-day-old ones.
        assert count_old_waybills(s, 179, today=TODAY) == 5
        assert count_old_waybills(s, 9, today=TODAY) == 45
        assert count_old_waybills(s, 2, today=TODAY) == 55  # undated, imported 3 days ago
        # No date and no import: never counted as old.
        assert purge_waybills(s, 1, today=TODAY) == 55
        assert _numbers(s) == {400, 401, 402}


def test_both_search_indexes_forget_the_removed_waybills(branch: Database) -> None:
    with branch.session() as s:
        assert _lookup(s, "张旧1")
        assert _lookup(s, "张旧") and _lookup(s, "钱远")  # 2 characters: the short index
        purge_waybills(s, 180, today=TODAY)
    with branch.session() as s:
        for gone in ("张旧", "张", "钱远", "张旧1", "海曙区张旧路", "73100000000001"):
            assert _lookup(s, gone) == [], gone
        assert len(_lookup(s, "李新")) == 40
        assert len(_lookup(s, "赵界")) == 5
        _assert_indexes_match_the_table(s)


def _lookup(session: Session, query: str) -> list[dict[str, object]]:
    return search.load(session, search.find_text(session, query, 1000))


def test_a_big_purge_commits_chunk_by_chunk(
    branch: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retention, "PURGE_CHUNK", 7)
    seen: list[tuple[int, int]] = []
    with branch.session() as s:
        purge_waybills(s, 180, today=TODAY, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(7 * i, 70) for i in range(1, 10)] + [(70, 70)]


class _Stopped(Exception):
    pass


def test_a_purge_cut_short_keeps_what_it_removed_and_stays_consistent(
    branch: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retention, "PURGE_CHUNK", 25)

    def stop_after_two(done: int, total: int) -> None:
        if done >= 50:
            raise _Stopped  # the user pressed Stop; the window closed…

    with pytest.raises(_Stopped), branch.session() as s:
        purge_waybills(s, 180, today=TODAY, progress=stop_after_two)
    with branch.session() as s:
        assert s.scalar(select(func.count()).select_from(Waybill)) == 128 - 50
        assert count_old_waybills(s, 180, today=TODAY) == 20
        _assert_indexes_match_the_table(s)
        # The audit log says how far it got, not what it meant to do.
        (entry,) = audit.entries(s, action="delete_records")
        assert entry.detail == f"Removing 70 waybills from before {BEFORE_180}: 50 removed so far"
        assert purge_waybills(s, 180, today=TODAY) == 20  # a second run finishes the job
        _assert_indexes_match_the_table(s)
    with branch.session() as s:
        assert (
            audit.entries(s, action="delete_records")[0].detail
            == f"Removed 20 waybills from before {BEFORE_180}"
        )


def test_only_the_owner_may_purge(branch: Database) -> None:
    permissions.set_policy(lambda action: action != permissions.Action.DELETE_RECORDS)
    try:
        with pytest.raises(permissions.PermissionDenied), branch.session() as s:
            purge_waybills(s, 180, today=TODAY)
    finally:
        permissions.set_policy(None)
    with branch.session() as s:
        assert count_old_waybills(s, 180, today=TODAY) == 70  # counting is for everyone


@pytest.mark.parametrize("days", [0, -5, 36_501])
def test_a_limit_out_of_range_is_refused(branch: Database, days: int) -> None:
    with pytest.raises(BranchDeskError, match="between 1 and 36500"), branch.session() as s:
        purge_waybills(s, days, today=TODAY)


def test_the_command_line_asks_for_yes_and_follows_the_setting(
    branch: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["purge-waybills", "--older-than", "180"]) == 2
    assert capsys.readouterr().err == "Removing waybills changes data: add --yes to confirm.\n"
    assert main(["purge-waybills", "--older-than", "0", "--yes"]) == 2  # usage error
    capsys.readouterr()
    assert SettingsStore().get("waybill_keep_days") == 180
    assert main(["purge-waybills", "--yes"]) == 0
    assert capsys.readouterr().out == f"Removed 70 waybill(s) dated before {BEFORE_180}.\n"
    with branch.session() as s:
        assert count_old_waybills(s, 180, today=TODAY) == 0

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    with branch.session() as s:  # the branch's setting, in the database
        policy.change(s, {"waybill_keep_days": 9})
    assert main(["purge-waybills"]) == 0  # the setting's 9 days, and "n": nothing goes
    with branch.session() as s:
        assert count_old_waybills(s, 9, today=TODAY) == 45
    assert main(["purge-waybills", "--older-than", "9"]) == 0
    before_9 = TODAY - timedelta(days=9)
    assert capsys.readouterr().out == f"Removed 45 waybill(s) dated before {before_9}.\n"
    assert main(["purge-waybills", "--older-than", "9"]) == 0
    assert capsys.readouterr().out == (
        f"No waybill is dated before {before_9}. Nothing to remove.\n"
    )


def test_the_menu_action_asks_shows_the_count_and_removes(
    qtbot: QtBot, branch: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from branchdesk.ui.shell.main_window import MainWindow

    SettingsStore().set("first_run_done", True)
    asked: list[int] = []
    questions: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def get_int(_parent: object, _title: str, _label: str, value: int, *args: object) -> object:
        asked.append(value)
        return value, True

    def question(_parent: object, _title: str, text: str, *args: object) -> object:
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    monkeypatch.setattr(QMessageBox, "question", question)
    window = MainWindow(branch)
    qtbot.addWidget(window)
    assert window.purge_action.isEnabled()
    window.purge_action.trigger()  # "No": nothing goes
    assert asked == [180]
    cutoff = (TODAY - timedelta(days=180)).isoformat()
    assert "Remove 70 waybill(s) dated before " + cutoff in questions[0]
    assert window._purge is None
    answer[0] = QMessageBox.StandardButton.Yes
    window.purge_action.trigger()
    qtbot.waitUntil(lambda: window._purge is None, timeout=10000)
    assert window.statusBar().currentMessage() == f"Removed 70 waybill(s) dated before {cutoff}."
    with branch.session() as s:
        assert count_old_waybills(s, 180, today=TODAY) == 0
    window.close()


def test_stop_keeps_what_went_and_says_how_many(
    qtbot: QtBot, branch: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

    from branchdesk.ui.shell.main_window import MainWindow

    monkeypatch.setattr(retention, "PURGE_CHUNK", 7)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (180, True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    # Hold the worker inside its first chunk until Stop has been pressed.
    inside, go = threading.Event(), threading.Event()
    unindex = search.unindex_waybills

    def held(session: Session, rows: object) -> None:
        inside.set()
        go.wait(10)
        unindex(session, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "unindex_waybills", held)
    SettingsStore().set("first_run_done", True)
    window = MainWindow(branch)
    qtbot.addWidget(window)
    window.purge_action.trigger()
    assert inside.wait(10)
    assert window._purge is not None
    (stop,) = window._purge.dialog.findChildren(QPushButton)
    assert stop.text() == "Stop"
    stop.click()
    go.set()
    qtbot.waitUntil(lambda: window._purge is None, timeout=10000)
    cutoff = (TODAY - timedelta(days=180)).isoformat()
    assert window.statusBar().currentMessage() == (
        f"Stopped: 7 waybill(s) dated before {cutoff} were removed."
    )
    with branch.session() as s:
        assert count_old_waybills(s, 180, today=TODAY) == 63
        _assert_indexes_match_the_table(s)
    window.close()
