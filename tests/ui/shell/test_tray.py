"""Kept in the tray: closing the window hides it (reminders go on, the next start is
instant), 退出 ends BranchDesk, `--tray` starts hidden, a new day gets its check and backup."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from branchdesk import paths
from branchdesk.app import launch
from branchdesk.settings import SettingsStore
from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Boxes

# The offscreen platform has no tray window to follow and cannot raise a window.
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")


@pytest.fixture
def tray(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """A desktop with a system tray (the offscreen platform has none); the balloons shown."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(
        QSystemTrayIcon,
        "showMessage",
        lambda _self, title, text, *_a: shown.append((title, text)),
    )
    yield shown


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The sample branch has a team: each time its agent picker asks, left unanswered."""
    from branchdesk.ui.team.agent_picker import AgentPicker

    asks: list[bool] = []

    def pick(*_a: object, **_k: object) -> tuple[None, bool]:
        asks.append(True)
        return None, False

    monkeypatch.setattr(AgentPicker, "pick", staticmethod(pick))
    return asks


def _started(qtbot: QtBot, settings: SettingsStore, **kw: object) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = launch(app, settings, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_ready, timeout=15000):
        pass
    # The start-up warm-up (area index, check, backup) has run.
    qtbot.waitUntil(lambda: window.checked_on is not None and window._warmup is None, timeout=15000)
    return window


def _running(qtbot: QtBot, **kw: object) -> MainWindow:
    """BranchDesk started on the sample branch, its welcome answered before."""
    settings = SettingsStore()
    settings.set("first_run_done", True)
    return _started(qtbot, settings, **kw)


def _real_box(
    answer: object, shown_ms: int, seen: Callable[[], None] | None = None, after_ms: int = 0
) -> Callable[..., object]:
    """A stand-in for QMessageBox.question / information that runs a real modal loop for
    `shown_ms` (the window's queued work runs under it, as under a real box), calls `seen` as
    it closes, lets the event loop turn `after_ms` more, and answers `answer`."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    def show(parent: object, title: str, text: str, *_a: object) -> object:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)  # type: ignore[arg-type]

        def close() -> None:
            if seen is not None:
                seen()
            box.reject()

        QTimer.singleShot(shown_ms, close)
        box.exec()
        if after_ms:
            QTest.qWait(after_ms)
        return answer

    return show


def _closings(window: MainWindow) -> list[bool]:
    """One entry each time the window really closes (the program then ends)."""
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    return closed


def test_closing_the_window_keeps_branchdesk_in_the_tray_and_quit_ends_it(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object, asked: list[bool]
) -> None:
    window = _running(qtbot)
    assert window.tray is not None and window.tray.contextMenu() is not None
    menu = [a.text() for a in window.tray.contextMenu().actions() if a.text()]
    assert menu == ["Open BranchDesk", "Due queue", "Quit BranchDesk"]
    closed = _closings(window)

    assert window.close() is False  # hidden, not closed
    assert not window.isVisible() and window.db is not None and closed == []
    assert window.reminder_timer.isActive()  # due complaints are still announced
    assert [title for title, _ in tray] == ["BranchDesk is still running"]
    assert SettingsStore().get("tray_hint_shown") is True

    asked_before = len(asked)
    window.bring_forward()  # the icon clicked, or BranchDesk started again
    assert window.isVisible()
    qtbot.waitUntil(lambda: len(asked) == asked_before + 1)  # whoever sits down now
    window.close()
    assert len(tray) == 1  # the note comes once, not at every close

    window.bring_forward()
    quit_action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Quit"
    )
    quit_action.trigger()
    assert closed == [True] and not window.isVisible()
    assert window.tray is None or not window.tray.isVisible()


def test_quit_from_the_tray_menu_ends_a_hidden_branchdesk(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    window = _running(qtbot)
    closed = _closings(window)
    window.close()
    assert not window.isVisible() and closed == []
    assert window.tray is not None
    quit_item = window.tray.contextMenu().actions()[-1]
    assert quit_item.text() == "Quit BranchDesk"
    quit_item.trigger()
    assert closed == [True]
    assert not window.reminder_timer.isActive() and not window.tray.isVisible()


class Manager:
    """Qt's session manager at log-off, as end_with_session uses it."""

    def __init__(self, interaction: bool = True) -> None:
        self.interaction = interaction
        self.asked = self.released = self.cancelled = False

    def allowsInteraction(self) -> bool:
        self.asked = True
        return self.interaction

    def release(self) -> None:
        self.released = True

    def cancel(self) -> None:
        self.cancelled = True


def test_logging_off_leaves_branchdesk_as_it_is_until_the_session_really_ends(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    """Nothing to save: the log-off is not held up, and nothing is closed (a log-off another
    program cancels must leave BranchDesk running; Qt quits it when the session ends)."""
    from branchdesk.app import end_with_session

    window = _running(qtbot)
    closed = _closings(window)
    window.close()  # into the tray
    manager = Manager()
    end_with_session(window, manager)
    assert closed == [] and not manager.asked and not manager.cancelled
    assert window.reminder_timer.isActive()
    window.quit_app()


def test_logging_off_with_an_unsaved_guide_asks_and_staying_cancels_it(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.app import end_with_session

    window = _running(qtbot)
    window.close()  # into the tray, a guide editor left with changes
    answers: list[bool] = []
    close_all = window.guides_page.close_all
    monkeypatch.setattr(window, "unsaved_guides", lambda: True)
    monkeypatch.setattr(window.guides_page, "close_all", lambda: answers.append(True) or False)
    manager = Manager()
    end_with_session(window, manager)
    assert answers == [True] and window.isVisible()  # asked, in front of the window
    assert manager.cancelled and manager.released
    # Where the session manager allows no question, none is asked and nothing cancelled.
    quiet = Manager(interaction=False)
    end_with_session(window, quiet)
    assert answers == [True] and not quiet.cancelled
    monkeypatch.setattr(window.guides_page, "close_all", close_all)  # the user gives in
    window.quit_app()
    assert not window.isVisible()


def test_closing_into_the_tray_locks_owner_actions_again(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    from branchdesk import permissions
    from branchdesk.permissions import OwnerLock, set_policy

    window = _running(qtbot)
    lock = OwnerLock(True, seconds=300)
    set_policy(lock)
    try:
        lock.unlock()
        assert permissions.current_lock() is lock and lock.unlocked
        window.close()  # into the tray: the next person must give the PIN
        assert not lock.unlocked
    finally:
        set_policy(None)
    window.quit_app()


def test_a_maximised_window_comes_back_maximised(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    window = _running(qtbot)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()
    window.bring_forward()
    assert window.isVisible() and window.isMaximized()
    window.quit_app()


def test_a_start_in_the_tray_that_fails_shows_its_window(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started hidden, the window could not be built: it shows, with what went wrong, rather
    than leave a process with no window and no tray icon."""
    from branchdesk.ui.shell.pages_part import PagesPart

    def broken(self: object) -> object:
        raise RuntimeError("damaged page")

    monkeypatch.setattr(PagesPart, "_build_lookup", broken)
    settings = SettingsStore()
    settings.set("first_run_done", True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with qtbot.capture_exceptions() as raised:
        window = launch(app, settings, in_tray=True)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: bool(raised), timeout=10000)
    assert "damaged page" in str(raised[0][1])
    assert window.isVisible()
    assert "could not be opened" in window.pages.currentWidget().text()
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_without_keep_in_tray_closing_ends_branchdesk(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    settings = SettingsStore()
    settings.update({"first_run_done": True, "keep_in_tray": False})
    window = _started(qtbot, settings)
    closed = _closings(window)
    assert window.close() is True
    assert closed == [True] and tray == []


def test_no_tray_on_the_desktop_closing_ends_branchdesk(qtbot: QtBot, sample_db: object) -> None:
    window = _running(qtbot)
    assert window.tray is None  # offscreen: no system tray
    assert window.close() is True  # nowhere to keep it: it ends, as it did


def test_started_with_windows_it_waits_hidden_in_the_tray_with_its_data_open(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object, asked: list[bool]
) -> None:
    """`branchdesk --tray`: the data opens, nothing shows; opening it shows 查件 ready at once
    and asks who sits down (the sample branch has a team)."""
    window = _running(qtbot, in_tray=True)
    assert not window.isVisible() and window.db is not None
    assert window.tray is not None and window.tray.isVisible()
    assert asked == []  # nobody is at the PC yet
    window.bring_forward()
    assert window.isVisible()
    qtbot.waitUntil(lambda: asked == [True])
    window.lookup_page.show_query("中山西路38号")
    assert window.lookup_page.last_result is not None
    assert [c.name for c in window.lookup_page.last_result.couriers][:1] == ["陈静"]
    window.quit_app()


def test_a_first_start_in_the_tray_shows_the_window_for_the_welcome(
    qtbot: QtBot, tray: list[tuple[str, str]], boxes: Boxes
) -> None:
    boxes.answer = boxes.answer.No
    window = _started(qtbot, SettingsStore(), in_tray=True)
    assert window.isVisible()  # the welcome needs a window: no hidden first start
    window.quit_app()


def test_kept_running_past_midnight_the_new_day_gets_its_check_and_backup(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    from branchdesk.db.backup import DAILY, list_backups

    window = _running(qtbot)
    assert window.checked_on == date.today()
    for backup in list_backups(paths.backups_dir()):
        backup.path.unlink()  # as if today's had not been made yet
    window.checked_on = date.today() - timedelta(days=1)  # started yesterday
    window.refresh_reminders()  # the minute's tick
    qtbot.waitUntil(lambda: window._warmup is None, timeout=15000)
    assert window.checked_on == date.today()
    assert [b.kind for b in list_backups(paths.backups_dir())] == [DAILY]
    window.quit_app()


def test_after_a_restore_branchdesk_ends_even_when_kept_in_the_tray(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    """A restore replaces the file under the open data: the program must end, not hide."""
    from branchdesk.ui.shell.restore_dialog import RestoreDialog

    window = _running(qtbot)
    closed = _closings(window)
    window.restore_action.trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None
    dialog.restored.emit(None)  # as a finished restore does
    assert closed == [True] and window.quitting
    dialog.reject()


def test_the_program_ends_when_its_window_is_quit(tmp_path: object) -> None:
    """The real start (`python -m branchdesk`), ended by File › Quit as the installer's smoke
    test ends it: the process exits 0 and says so in its log (message boxes no longer end
    the program, the main window's real close does)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    root = Path(__file__).resolve().parents[3]
    data = tmp_path / "started"
    data.mkdir()
    (data / "settings.json").write_text(
        json.dumps({"first_run_done": True, "language": "zh_CN"}), encoding="utf-8"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(root),
        "BRANCHDESK_SMOKE_QUIT_MS": "1500",
    }
    done = subprocess.run(
        [sys.executable, "-m", "branchdesk", "--data-dir", str(data)],
        cwd=root,
        env=env,
        capture_output=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    log = (data / "logs" / "branchdesk.log").read_text(encoding="utf-8")
    assert "stopped (exit code 0)" in log and "Traceback" not in log


def test_a_failed_days_check_in_the_tray_asks_its_question_alone_then_the_agent(
    qtbot: QtBot,
    tray: list[tuple[str, str]],
    sample_db: object,
    asked: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kept in the tray, the day's check finds damage: the window comes forward with the
    restore question, and the agent picker waits until it is answered (two modal dialogs
    stacked hide the one that matters)."""
    from PySide6.QtWidgets import QMessageBox

    from branchdesk.db.backup import list_backups
    from branchdesk.db.integrity import IntegrityReport

    window = _running(qtbot, in_tray=True)
    assert not window.isVisible() and asked == []
    assert list_backups(paths.backups_dir())  # the day's backup: a good one to offer
    asked_while_open: list[int] = []
    keep = QMessageBox.StandardButton.No  # keep the file as it is
    question = _real_box(keep, 400, seen=lambda: asked_while_open.append(len(asked)))
    monkeypatch.setattr(QMessageBox, "question", question)
    window._checked(IntegrityReport(ok=False, problems=["page 7: btreeInitPage() error"]))
    assert window.isVisible() and asked_while_open == [0]
    qtbot.waitUntil(lambda: asked == [True])  # asked once the question is answered
    window.quit_app()


def test_ctrl_q_ends_branchdesk_with_any_key_scheme(
    qtbot: QtBot, tray: list[tuple[str, str]], sample_db: object
) -> None:
    """The tray note and 本机 say "Ctrl+Q ends it": Windows' key scheme (which the offscreen
    platform uses too) has no standard Quit key, so it is bound as such."""
    from PySide6.QtCore import Qt

    window = _running(qtbot)
    closed = _closings(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert closed == [True] and window.quitting


def test_restoring_from_the_tray_asks_its_two_questions_with_no_picker_between(
    qtbot: QtBot,
    tray: list[tuple[str, str]],
    sample_db: object,
    asked: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Yes to the restore, then "restored, start again": the agent picker, queued for the
    window's showing, never comes up between the two nor over the second."""
    from PySide6.QtWidgets import QMessageBox

    from branchdesk.db.integrity import IntegrityReport

    window = _running(qtbot, in_tray=True)
    closed = _closings(window)

    # Each box up for two of the picker's 300 ms waits; between the two, the event loop turns.
    yes, ok = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "question", _real_box(yes, 700, after_ms=400))
    monkeypatch.setattr(QMessageBox, "information", _real_box(ok, 700, after_ms=400))
    window._checked(IntegrityReport(ok=False, problems=["page 7: btreeInitPage() error"]))
    assert closed == [True]  # restored: BranchDesk ended
    qtbot.wait(400)
    assert asked == []  # and nobody was asked who they are meanwhile


def test_a_tray_that_comes_up_after_branchdesk_is_found_on_the_next_tick(
    qtbot: QtBot, sample_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At log-in the panel may start after BranchDesk (started with the computer): there is
    no tray at first, then there is one, and closing then keeps BranchDesk in it."""
    window = _running(qtbot)
    assert window.tray is None  # offscreen: no tray yet
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda *_a: None)
    window.refresh_reminders()  # the minute's tick
    assert window.tray is not None and window.tray.isVisible()
    closed = _closings(window)
    window.close()
    assert closed == [] and not window.isVisible()  # kept in the tray now
    window.quit_app()
    assert closed == [True]
