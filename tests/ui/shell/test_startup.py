"""Start-up as run_gui does it: the window first, then the data; a bad DB gives a message."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk import paths
from branchdesk.app import launch
from branchdesk.db.engine import open_database
from branchdesk.settings import SettingsStore
from tests.ui.conftest import Boxes


def test_window_shows_before_the_data_then_the_pages_arrive(qtbot: QtBot, boxes: Boxes) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    boxes.answer = boxes.answer.No  # decline the first-run sample offer
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    assert window.isVisible() and window.db is None
    assert not window.nav.isEnabled()  # nothing to click until the data is open
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    assert window.db is not None and window.nav.isEnabled()
    assert window.pages.currentWidget() is window.lookup_page
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert boxes.shown[0][0] == "question"  # the sample branch was offered once
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_a_database_from_a_newer_version_is_explained(
    qtbot: QtBot, boxes: Boxes, data_dir: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database().dispose()
    con = sqlite3.connect(paths.db_path())
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The app exits with 1; the real exit would leave the test process's event loops quitting
    # (Qt's quitNow), so that every later GUI test in this process times out.
    exits: list[int] = []
    monkeypatch.setattr(app, "exit", exits.append)
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=10000)
    kind, text = boxes.shown[0]
    assert kind == "critical" and "newer BranchDesk" in text
    qtbot.waitUntil(lambda: not window.isVisible())
    assert exits == [1]
