"""A reply script or a good-handling example found by 知识搜索: its whole text, to read and copy
(a script's placeholders shown as blanks to fill)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.knowledge.search import Hit
from branchdesk.knowledge.sources import kind_label
from branchdesk.ui.kit.copied import copy_text
from branchdesk.ui.kit.screens import fit_to_screen


def hit_text(db: Database, hit: Hit) -> str:
    """The item's whole text, read through its feature's public functions."""
    with db.read_session() as session:
        if hit.kind == "script":
            from branchdesk.complaints.service import fill, scripts_for_search

            for script in scripts_for_search(session):
                if script.id == hit.id:
                    return fill(script.body, {}).text
        elif hit.kind == "good":
            from branchdesk.qc.good import good_examples

            for example in good_examples(session, limit=1_000_000):
                if example.id == hit.id:
                    return f"{example.text}\n\n{example.note}".strip()
    return hit.snippet


class HitDialog(QDialog):
    def __init__(self, db: Database, hit: Hit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{kind_label(hit.kind)}：{hit.title}")
        fit_to_screen(self, 600, 420)
        where = QLabel(hit.context)
        where.setWordWrap(True)
        self.text = QPlainTextEdit(hit_text(db, hit))
        self.text.setReadOnly(True)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: copy_text(copy, self.text.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
