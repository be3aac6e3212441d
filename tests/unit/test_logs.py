"""The rotating log in the data dir, and the last-resort error dialog that writes to it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler  # what the log file is
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from branchdesk import app, logs
from branchdesk.errors import BranchDeskError


@pytest.fixture(autouse=True)
def no_log_left() -> Iterator[None]:
    yield
    logs.stop_logging()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the error boxes shown (QMessageBox.critical is modal)."""
    texts: list[str] = []

    def critical(_parent: object, title: str, text: str, *args: object) -> object:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return texts


def _handlers() -> list[RotatingFileHandler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]


def test_the_log_goes_to_the_data_dir_and_rotates(data_dir: Path) -> None:
    path = logs.setup_logging(data_dir)
    assert path == data_dir / "logs" / "branchdesk.log" == logs.log_path()
    assert not path.exists()  # nothing is written until something is logged
    logging.getLogger("branchdesk.test").info("开始 start")
    logging.getLogger("sqlalchemy.test").info("not ours, not a warning: left out")
    logging.getLogger("sqlalchemy.test").warning("a library's warning")
    text = path.read_text(encoding="utf-8")
    assert "INFO    branchdesk.test: 开始 start" in text
    assert "a library's warning" in text and "left out" not in text
    assert text[:4].isdigit()  # each line starts with its time
    (handler,) = _handlers()
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)
    assert handler.encoding == "utf-8"


def test_setting_up_twice_keeps_one_handler_and_a_new_data_dir_moves_it(
    data_dir: Path, tmp_path: Path
) -> None:
    logs.setup_logging(data_dir)
    logs.setup_logging(data_dir)
    assert len(_handlers()) == 1
    other = tmp_path / "elsewhere"
    assert logs.setup_logging(other) == other / "logs" / "branchdesk.log"
    assert len(_handlers()) == 1
    logging.getLogger("branchdesk").warning("moved")
    assert "moved" in (other / "logs" / "branchdesk.log").read_text(encoding="utf-8")
    logs.stop_logging()
    assert _handlers() == []


def test_old_logs_are_rotated_away(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging(data_dir)
    for i in range(400):
        logging.getLogger("branchdesk").info("line %d %s", i, "x" * 40)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == [
        "branchdesk.log",
        "branchdesk.log.1",
        "branchdesk.log.2",
        "branchdesk.log.3",
        "branchdesk.log.4",
        "branchdesk.log.5",
    ]
    assert "line 399" in path.read_text(encoding="utf-8")


class _Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_explained_and_the_app_goes_on(
    qtbot: QtBot, data_dir: Path, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = logs.setup_logging(data_dir)
    monkeypatch.setattr(sys, "excepthook", app._show_unexpected_error)
    calls: list[str] = []

    def broken_slot() -> None:
        calls.append("slot")
        raise ZeroDivisionError("a bug in a slot")

    emitter = _Emitter()
    emitter.fired.connect(broken_slot)
    emitter.fired.emit()  # PySide hands the exception to sys.excepthook, not to emit()
    QTimer.singleShot(0, broken_slot)  # and from the event loop the same way
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert calls == ["slot", "slot"]
    assert "a bug in a slot" in shown[0] and str(path) in shown[0]
    assert "keeps running" in shown[0]
    text = path.read_text(encoding="utf-8")
    assert "ERROR   branchdesk: Unhandled ZeroDivisionError: a bug in a slot" in text
    assert "Traceback (most recent call last)" in text and "in broken_slot" in text
    # Still running: the event loop goes on delivering.
    done: list[bool] = []
    QTimer.singleShot(0, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done))


def test_an_error_written_for_the_user_is_shown_as_it_is(
    qtbot: QtBot, data_dir: Path, shown: list[str]
) -> None:
    path = logs.setup_logging(data_dir)
    try:
        raise BranchDeskError("The file is open in Excel. Close it and try again.")
    except BranchDeskError as exc:
        app._show_unexpected_error(type(exc), exc, exc.__traceback__)
    assert shown == ["The file is open in Excel. Close it and try again."]
    assert "WARNING branchdesk: Unhandled BranchDeskError" in path.read_text(encoding="utf-8")


def test_a_full_disk_in_the_window_is_told_as_a_full_disk(
    qtbot: QtBot, data_dir: Path, shown: list[str]
) -> None:
    import errno
    import sqlite3

    logs.setup_logging(data_dir)
    for error in (
        OSError(errno.ENOSPC, "No space left on device"),
        sqlite3.OperationalError("database or disk is full"),
    ):
        app._show_unexpected_error(type(error), error, None)
    assert len(shown) == 2
    for text in shown:
        assert "disk is full: nothing was saved" in text and "Free some space" in text
        assert "busy" not in text and "Something went wrong" not in text


def test_an_error_while_the_box_is_open_is_only_logged(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = logs.setup_logging(data_dir)
    boxes: list[str] = []

    def critical(_parent: object, title: str, text: str, *args: object) -> object:
        boxes.append(text)
        # An error repeating on a timer while the box is open.
        again = RuntimeError("again")
        app._show_unexpected_error(RuntimeError, again, None)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    app._show_unexpected_error(RuntimeError, RuntimeError("first"), None)
    assert len(boxes) == 1
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: first" in text and "RuntimeError: again" in text


def test_what_is_logged_before_the_log_file_is_set_up_lands_in_it_first(data_dir: Path) -> None:
    """The GUI sets the log file up once its window has painted: what the start logged before
    (the data dir, Qt's translations, the start-up look) is written first, in order."""
    logs.keep_early_records()
    logging.getLogger("branchdesk.test").info("early one")
    logging.getLogger("sqlalchemy.test").warning("an early library warning")
    logging.getLogger("sqlalchemy.test").info("not ours: left out")
    path = logs.setup_logging(data_dir)
    logging.getLogger("branchdesk.test").info("after")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "early one",
        "an early library warning",
        "after",
    ]
    assert len(_handlers()) == 1
    assert not [h for h in logging.getLogger().handlers if type(h).__name__ == "_Early"]


def test_a_read_only_data_folder_does_not_stop_the_window_at_its_crash_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only data folder the GUI printed a traceback (Errno 30, logs/) and showed no
    window: the crash log is skipped, and the start goes on to say what is wrong."""
    import errno

    from branchdesk import logs

    def read_only(*_a: object, **_k: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", read_only)
    try:
        assert logs.keep_crash_traces(tmp_path).name == logs.CRASH_FILE_NAME
    finally:
        logs.stop_logging()
