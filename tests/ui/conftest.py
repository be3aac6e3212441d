"""GUI fixtures: a real main window on a temp data dir; modal boxes answered by the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.db.engine import Database
from branchdesk.ui.shell.main_window import MainWindow


class Boxes:
    """Records QMessageBox calls and answers questions with `answer`."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def record(self, kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.shown.append((kind, f"{title}: {text}"))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes()
    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder.record(kind))
    monkeypatch.setattr(QMessageBox, "about", recorder.record("about"))
    # The welcome wizard answers as a question: Yes takes its defaults (the sample branch).
    from branchdesk.ui.shell.first_run import FirstRunWizard

    def wizard(self: FirstRunWizard) -> int:
        recorder.shown.append(("wizard", self.windowTitle()))
        return int(recorder.answer == QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(FirstRunWizard, "exec", wizard)
    return recorder


@pytest.fixture
def window(qtbot: QtBot, sample_db: Database, boxes: Boxes) -> Iterator[MainWindow]:
    win = MainWindow(sample_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # As an agent finds it a moment after the start: the area index built (a search typed
    # before that is answered from a thread; tests/ui/shell/test_startup.py has those).
    qtbot.waitUntil(_index_built(sample_db), timeout=10000)
    yield win


def _index_built(db: Database) -> Callable[[], bool]:
    from branchdesk.lookup.service import index_ready

    def built() -> bool:
        with db.read_session() as session:
            return index_ready(session)

    return built


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese as an input method's commits."""
    run = ""

    def commit() -> None:
        if run:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)

    for ch in text:
        if ch.isascii() and ch.isprintable():
            commit()
            run = ""
            qtbot.keyClicks(widget, ch)
        else:
            run += ch
    commit()


@pytest.fixture
def chinese_ui() -> Iterator[QApplication]:
    """The application in Chinese (our catalogue, Qt's own, the Chinese locale) for one
    test; English again after it."""
    from branchdesk.app import install_translator

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    install_translator(app, "zh_CN")
    try:
        yield app
    finally:
        english_again(app, before)


def english_again(app: QApplication, before: set[QTranslator]) -> None:
    """Take out every translator installed since `before` (ours and Qt's own qtbase one)."""
    from branchdesk import i18n

    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
        translator.deleteLater()
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def default_locale() -> Iterator[None]:
    """The Chinese interface makes Chinese the default locale (calendars, dates): a test
    that installs it leaves the next test the locale it found."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def no_pause_before_the_pinyin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-up warm-up waits 1.5 s before building did-you-mean's pinyin (so that it does
    not slow the first search): tests that wait for the warm-up do not wait for that pause.
    tests/ui/shell/test_startup.py tests the pause itself."""
    from branchdesk.ui.shell import startup

    monkeypatch.setattr(startup, "SUGGESTIONS_AFTER_S", 0.0)


@pytest.fixture(autouse=True)
def empty_clipboard() -> Iterator[None]:
    """Clear the clipboard after each test: mime data a test put there, still owned by the
    clipboard when the interpreter shuts down, crashes Python at exit (a PySide teardown
    order problem), and the next test must not paste what this one copied."""
    yield
    app = QApplication.instance()
    if app is not None:
        QApplication.clipboard().clear()
