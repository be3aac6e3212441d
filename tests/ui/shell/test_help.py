"""The Help menu: shortcuts (F1 and Ctrl+/), the sample branch, About with data dir and notices."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from branchdesk import __version__, paths
from branchdesk.db.engine import Database
from branchdesk.ui.shell.help_dialogs import AboutDialog, ShortcutsDialog
from branchdesk.ui.shell.main_window import MainWindow


def _open_modal(qtbot: QtBot, trigger: object, kind: type[QDialog]) -> QDialog:
    """Press `trigger`, catch the modal dialog it opens, close it and return it."""
    seen: list[QDialog] = []

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            dialog.reject()
        else:
            QTimer.singleShot(20, grab)

    QTimer.singleShot(0, grab)
    trigger()  # type: ignore[operator]
    assert seen, f"no {kind.__name__} opened"
    return seen[0]


def _menu(window: MainWindow, title: str) -> list[str]:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title:
            menu = action.menu()
            return [a.text().replace("&", "") for a in menu.actions() if a.text()]  # type: ignore[union-attr]
    raise AssertionError(title)


def test_help_menu_offers_shortcuts_sample_and_about(window: MainWindow) -> None:
    entries = _menu(window, "Help")
    assert entries == [
        "User guides…",
        "Keyboard shortcuts",
        "Load the sample branch",
        "Remove the sample branch…",
        "Setup wizard…",
        "About BranchDesk",
    ]


def test_f1_lists_the_shortcuts_of_the_menus_and_pages(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    dialog = _open_modal(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_F1), ShortcutsDialog)
    assert isinstance(dialog, ShortcutsDialog)
    rows = {
        (dialog.model.item(r, 0).text(), dialog.model.item(r, 1).text())
        for r in range(dialog.model.rowCount())
    }
    assert ("Import a table", "Ctrl+I") in rows
    assert ("New complaint", "Ctrl+N") in rows
    assert ("Go to “Today”", "Ctrl+1") in rows and ("Go to “Lookup”", "Ctrl+2") in rows
    assert ("Keyboard shortcuts", "F1 / Ctrl+/") in rows  # every key of an action
    assert ("Quit", "Ctrl+Q") in rows or any(w == "Quit" and "Ctrl+Q" in k for w, k in rows)
    listed = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
    assert listed.count("Training") == 1  # once, not also as an extra row


def test_the_shortcuts_list_keys_to_type_not_a_keyboard_s_own_buttons(
    qtbot: QtBot, window: MainWindow
) -> None:
    """操作指南's find read "Ctrl+F / 查找" and 退出 "Ctrl+Q / 退出": the platform's standard
    keys include a keyboard's 查找 and 退出 buttons, which no new hire can find to press."""
    from branchdesk.ui.shell.main_window import GUIDES

    window.nav.setCurrentRow(GUIDES)
    window.activateWindow()
    dialog = _open_modal(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_F1), ShortcutsDialog)
    assert isinstance(dialog, ShortcutsDialog)
    rows = {
        dialog.model.item(r, 0).text(): dialog.model.item(r, 1).text()
        for r in range(dialog.model.rowCount())
    }
    assert rows["Guides · Search the guides"] == "Ctrl+F"
    assert rows["Guides · New guide"] == "Ctrl+N"
    buttons = {"Find", "New", "Exit", "Copy", "Open", "Save", "Close", "Back", "Forward"}
    assert not [k for k in rows.values() if set(k.split(" / ")) & buttons]


def test_about_shows_version_data_folder_and_licences(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _open_modal(qtbot, window.about, AboutDialog)
    assert isinstance(dialog, AboutDialog)
    assert str(paths.data_dir()) in dialog.data_label.text()
    titles = [w.text() for w in dialog.findChildren(type(dialog.data_label))]
    assert any(__version__ in t for t in titles) and any("MIT" in t for t in titles)
    components = {
        dialog.model.item(r, 0).text(): (
            dialog.model.item(r, 1).text(),
            dialog.model.item(r, 2).text(),
        )
        for r in range(dialog.model.rowCount())
    }
    assert components["SQLAlchemy"][1] == "MIT" and components["SQLAlchemy"][0]  # version read
    assert components["PySide6 (Qt for Python)"][1] == "LGPL-3.0"


def test_the_data_folder_link_survives_quotes_and_ampersands(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    odd = tmp_path / "O'Brien & <Co> 网点"
    monkeypatch.setattr(paths, "data_dir", lambda: odd)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    document = QTextDocument()
    document.setHtml(dialog.data_label.text())
    assert str(odd) in document.toPlainText()  # shown whole, as text
    href = dialog.data_label.text().split("href='", 1)[1].split("'", 1)[0]
    dialog.data_label.linkActivated.emit(html.unescape(href))
    assert opened == [str(odd)]
    assert QUrl(html.unescape(href)).toLocalFile() == str(odd)


def test_every_pages_own_keys_say_what_they_do_and_are_listed_on_that_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A page's shortcuts (Ctrl+F, Ctrl+Z, Alt+↑ …) are no window actions: each says what it
    does, and 快捷键 lists the shown page's own; a key added without a word fails here."""
    from PySide6.QtGui import QShortcut

    from branchdesk.ui.shell.help_dialogs import page_shortcuts
    from branchdesk.ui.shell.main_window import HANDBOOK, PAGE_COUNT

    for index in range(PAGE_COUNT):
        page = window.page(index)
        silent = [s.key().toString() for s in page.findChildren(QShortcut) if not s.whatsThis()]
        assert silent == [], (window.nav.item(index).text(), silent)
    window.nav.setCurrentRow(HANDBOOK)
    window.activateWindow()
    dialog = _open_modal(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_F1), ShortcutsDialog)
    assert isinstance(dialog, ShortcutsDialog)
    rows = {
        (dialog.model.item(r, 0).text(), dialog.model.item(r, 1).text())
        for r in range(dialog.model.rowCount())
    }
    keys = dict(rows)
    assert "Ctrl+N" in keys["Handbook · New item"].split(" / ")
    assert keys["Handbook · Move the item up"] == "Alt+Up"
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= set(keys["Handbook · Redo"].split(" / "))
    assert set(page_shortcuts(window.handbook_page, "Handbook")) <= rows


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_each_menus_access_keys_are_its_own(qtbot: QtBot, db: Database, language: str) -> None:
    """文件 had 打印考卷(&E) and 从备份恢复(&E): Alt+F, E moved between the two and ran neither."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QMenu

    from branchdesk.app import install_translator
    from tests.ui.conftest import english_again

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    install_translator(app, language)
    try:
        win = MainWindow(db)
        qtbot.addWidget(win)
        menus = [a.menu() for a in win.menuBar().actions() if isinstance(a.menu(), QMenu)]
        assert len(menus) >= 4
        for menu in menus:
            keys = [
                found.group(1).lower()
                for action in menu.actions()
                if (found := re.search(r"&(\w)", action.text().replace("&&", "")))
            ]
            assert len(keys) == len(set(keys)), (menu.title(), keys)
    finally:
        english_again(app, before)


def test_every_dependency_the_program_ships_is_in_the_notices() -> None:
    """py-fsrs (drills) was shipped and not named in About; a dependency added later must be."""
    import tomllib

    from branchdesk.ui.shell.help_dialogs import THIRD_PARTY

    project = tomllib.loads((Path(__file__).parents[3] / "pyproject.toml").read_text("utf-8"))
    shipped = {
        re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0].lower()
        for spec in project["project"]["dependencies"]
    }
    named = {dist.lower() for _name, dist, _licence in THIRD_PARTY if dist}
    named |= {"pyside6-addons"}  # the same PySide6 (Qt for Python), LGPL-3.0
    assert shipped - named == set()
