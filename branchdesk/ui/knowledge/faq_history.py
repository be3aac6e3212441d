"""An FAQ entry's earlier versions: read one, restore it (as a new version, nothing lost)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.knowledge import faq
from branchdesk.knowledge.text import is_rich_text
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table


class FaqHistory(QDialog):
    def __init__(self, db: Database, faq_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.faq_id = faq_id
        self.restored: faq.FaqInfo | None = None
        self.setWindowTitle(self.tr("FAQ entry history"))
        fit_to_screen(self, 720, 480)
        self.model: RowsModel[faq.VersionInfo] = RowsModel(
            [
                Column("Version", lambda v: v.version, align_right=True),
                Column("Saved", lambda v: f"{v.at:%Y-%m-%d %H:%M}"),
                Column("By", lambda v: v.who),
                Column("FAQ question", lambda v: v.question),
            ],
            self,
        )
        self.view = read_only_table(self.model, single=True)
        self.preview = QTextBrowser()
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._show())
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.preview)
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        with db.read_session() as session:
            self.model.set_rows(faq.versions(session, faq_id))
        if self.model.rows:
            self.view.selectRow(0)

    def selected(self) -> faq.VersionInfo | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _show(self) -> None:
        version = self.selected()
        self.restore_button.setEnabled(version is not None)
        if version is None:
            self.preview.clear()
        elif is_rich_text(version.answer):
            self.preview.setHtml(version.answer)
        else:
            self.preview.setPlainText(version.answer)

    def restore(self) -> None:
        version = self.selected()
        if version is None:
            return

        def work(session: Any) -> faq.FaqInfo:
            return faq.restore_version(session, self.faq_id, version.version)

        restored = run_in_transaction(self, self.db, work, self.tr("Not restored"))
        if restored is not None:
            self.restored = restored
            self.accept()
