"""In Chinese, no English on screen: every page, the menus and the main dialogs.

With the language zh_CN, the main window opens on a sample branch loaded in Chinese (as a
Chinese user gets it), every page is shown, then each dialog of the small-screen test. Every
visible text is read — labels, buttons, group boxes, tabs, menus and actions, table headers,
list and combo items, placeholders, tooltips, window titles — and a text fails when it is

* a source text of zh_CN.ts shown as it is (its translation exists but the code did not ask
  for it, or the translation is missing), or
* an English phrase of two or more words, unless it is data or a name (BranchDesk, Excel,
  PDF, a file name, a shortcut, a unit).

The failure lists each text with the path of its widget.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from branchdesk.app import install_translator
from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.ui.shell import main_window as mw
from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Boxes, english_again
from tests.ui.test_small_screens import ALL as DIALOGS

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "zh_CN.ts"

# Names and notations that stay as they are in a Chinese interface.
KEPT = re.compile(
    r"BranchDesk|English|Excel|WPS|PDF|CSV|HQ|A4|UTF-8|GBK|GB18030|PNG|JPEG|"
    r"Ctrl\+\S+|Shift\+\S+|Alt\+\S+|F\d+|PgUp|PgDown|Page Up|Page Down|Enter|Esc|Space|"
    r"\S+\.(?:pdf|xlsx|xls|csv|zip|png|sqlite3|json|bdguide)\b|[A-Z]:\\\S*|/\S+",
)
WORD = re.compile(r"[A-Za-z]{2,}")
# Two or more English words in a row (letters only, two letters or more each).
PHRASE = re.compile(r"\b[A-Za-z][a-z]+(?:[ \-][A-Za-z][a-z]*)+\b")


def _sources() -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(TS).iter("message")}


def _plain(text: str) -> str:
    """The text as the user reads it: no markup, no accelerator ampersands."""
    if "<" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    return re.sub(r"&(?=\w)", "", text).replace("&&", "&").strip()


def _path(widget: QWidget) -> str:
    parts = []
    w: QWidget | None = widget
    while w is not None:
        parts.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(parts))


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{where} › {action.text()}", action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} › {action.text()}")  # type: ignore[arg-type]


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text of `root` a user can see."""
    yield _path(root) + " [title]", root.windowTitle()
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        where = _path(w)
        yield f"{where} [tooltip]", w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where} [tab {i}]", w.tabText(i)
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            yield f"{where} [placeholder]", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where} [item {i}]", w.itemText(i)
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield f"{where} [item {i}]", w.item(i).text()
        if isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model = w.model()
            for column in range(model.columnCount()):
                header = model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
                if isinstance(header, str):
                    yield f"{where} [header {column}]", header
        for action in w.actions():
            if isinstance(action, QAction) and action.text():
                yield f"{where} [action]", action.text()
                yield f"{where} [action tooltip]", action.toolTip()
    for menu in root.findChildren(QMenu):
        yield from _menu_texts(menu, _path(root) + " [menu " + menu.title() + "]")


def english(texts: Iterator[tuple[str, str]], sources: set[str]) -> list[str]:
    found = []
    for where, raw in texts:
        if not raw or not raw.strip():
            continue
        text = _plain(raw)
        if (raw in sources or text in sources) and WORD.search(KEPT.sub(" ", text)):
            found.append(f"{where}: {raw!r} (not translated)")
            continue
        rest = KEPT.sub(" ", text)
        phrase = PHRASE.search(rest)
        if phrase:
            found.append(f"{where}: {raw!r} (English: {phrase.group(0)!r})")
    return sorted(set(found))


def _more(qtbot: QtBot, window: MainWindow, sources: set[str]) -> list[str]:
    """Windows the dialog list leaves out: the welcome wizard page by page, 帮助 › 使用指南
    and a guide in its viewer, the exam's print options."""
    from branchdesk.ui.guides.user_guides_dialog import UserGuidesDialog
    from branchdesk.ui.handbook.print_dialog import PrintDialog
    from branchdesk.ui.shell.first_run import FirstRunWizard

    found: list[str] = []
    wizard = FirstRunWizard(window.settings, pin_set=False, has_data=True, parent=window)
    wizard.show()
    seen = set()
    while wizard.currentId() not in seen:
        seen.add(wizard.currentId())
        found += [f"[wizard] {f}" for f in english(shown_texts(wizard), sources)]
        wizard.next()
    wizard.reject()
    guides = UserGuidesDialog(window)
    guides.show()
    found += [f"[user guides] {f}" for f in english(shown_texts(guides), sources)]
    guides.list.setCurrentRow(1)
    guides.open_current()
    assert guides.viewer is not None
    found += [f"[guide viewer] {f}" for f in english(shown_texts(guides.viewer), sources)]
    guides.viewer.reject()
    guides.reject()
    assert window.db is not None
    exam = PrintDialog(window.db, document="exam", parent=window)
    exam.show()
    found += [f"[print exam] {f}" for f in english(shown_texts(exam), sources)]
    exam.reject()
    return found


@pytest.fixture
def chinese_window(qtbot: QtBot, db: Database, boxes: Boxes) -> Iterator[MainWindow]:
    """The main window in Chinese on the sample branch loaded in Chinese."""
    from branchdesk.sample import load_sample_branch

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    install_translator(app, "zh_CN")
    try:
        with db.session() as session:
            load_sample_branch(session, waybills=50)
        SettingsStore().set("first_run_done", True)
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        english_again(app, before)


def test_no_english_on_any_page_or_dialog(qtbot: QtBot, chinese_window: MainWindow) -> None:
    window = chinese_window
    sources = _sources()
    found: list[str] = []
    for row in range(mw.PAGE_COUNT):
        window.nav.setCurrentRow(row)
        qtbot.wait(20)
        found += english(shown_texts(window), sources)
    for name, make in DIALOGS.items():
        dialog: QDialog = make(window)
        if not dialog.isVisible():
            dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(20)
        found += [f"[{name}] {f}" for f in english(shown_texts(dialog), sources)]
        dialog.reject()
    found += _more(qtbot, window, sources)
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))
