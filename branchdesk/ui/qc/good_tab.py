"""The good-handling library (优秀处理) of the QC page: searchable, with the item's text."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from branchdesk.db.engine import Database
from branchdesk.qc import good
from branchdesk.qc.good import GoodExample
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.qc.common import marked_html


class GoodModel(RowsModel[GoodExample]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r.agent_name),
                Column("Item", lambda r: r.title),
                Column("Why it is good", lambda r: r.note),
                Column("Marked by", lambda r: r.marked_by),
                Column("Marked on", lambda r: r.marked_at.strftime("%Y-%m-%d")),
            ]
        )


class GoodTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.search = QLineEdit()
        self.search.setObjectName("goodSearch")
        self.search.setPlaceholderText(self.tr("Search: words of the reply, the note or a name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.load())
        self.model = GoodModel()
        self.view = read_only_table(self.model, single=True)
        self.view.setObjectName("qcGood")
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_example())
        self.text = QTextBrowser()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.text, 1)

    def load(self) -> None:
        with self.db.read_session() as session:
            rows = good.good_examples(session, self.search.text())
        self.model.set_rows(rows)
        self.show_example()

    def show_example(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.text.setHtml("")
            return
        example = self.model.row_at(index.row())
        self.text.setHtml(marked_html(f"{example.text}\n\n★ {example.note}", ()))
