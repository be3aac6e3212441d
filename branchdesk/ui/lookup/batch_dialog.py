"""批量分单: paste or import a column of addresses, get the courier for each, export to Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.export import notes_of
from branchdesk.io.reader import read_sheet
from branchdesk.io.tabular import text as cell_text
from branchdesk.lookup.exports import export_batch_lookup
from branchdesk.lookup.levels import level_text
from branchdesk.lookup.service import LookupResult, assign_couriers
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import add_copy_actions
from branchdesk.ui.lookup import confidence

MAX_LINES = 20000


def _level(r: LookupResult) -> str:
    best = r.couriers[0] if r.couriers else None
    return best.match.level if best is not None and best.match else "none"


COLUMNS: list[Column[LookupResult]] = [
    Column("Address", lambda r: r.query),
    Column("Courier", lambda r: r.couriers[0].name if r.couriers else ""),
    Column("Confidence", lambda r: level_text(_level(r), r.ambiguous, r.caution is not None)),
    Column("Phone", lambda r: r.couriers[0].phone if r.couriers else ""),
    Column("Segment code", lambda r: r.couriers[0].segment_code if r.couriers else ""),
    Column("Rule", lambda r: r.couriers[0].rule if r.couriers else ""),
    Column(
        "Note",
        lambda r: "⚠" if r.ambiguous or r.caution else ("✗" if not r.couriers else ""),
    ),
    Column("Why", lambda r: r.couriers[0].reason if r.couriers else ""),
]
CONFIDENCE_COLUMN = 2


class BatchModel(RowsModel[LookupResult]):
    def extra_data(self, row: LookupResult, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == CONFIDENCE_COLUMN:
            return QBrush(confidence.colour(_level(row), row.ambiguous))
        return None


class BatchLookupDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Batch lookup (批量分单)"))
        fit_to_screen(self, 900, 600)
        self.input = QPlainTextEdit()
        self.input.setObjectName("batchInput")
        self.input.setPlaceholderText(self.tr("Paste addresses here, one per line"))
        self.model: RowsModel[LookupResult] = BatchModel(COLUMNS)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        add_copy_actions(self.view)
        self.status = QLabel()
        self.run_button = QPushButton(self.tr("Find couriers"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.clicked.connect(self.open_file)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        splitter = QSplitter()
        splitter.addWidget(self.input)
        splitter.addWidget(self.view)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(close)

    def addresses(self) -> list[str]:
        lines = [line.strip() for line in self.input.toPlainText().splitlines()]
        return [line for line in lines if line][:MAX_LINES]

    def run(self) -> None:
        addresses = self.addresses()
        with self.db.read_session() as session:
            results = assign_couriers(session, addresses)
        self.model.set_rows(results)
        found = sum(1 for r in results if r.couriers)
        ties = sum(1 for r in results if r.ambiguous)
        # An answer under a district no table knows is to be checked, however sure its road.
        unsure = sum(1 for r in results if r.couriers and not r.ambiguous and not r.sure)
        self.status.setText(
            self.tr("{found} of {total} addresses matched; {ties} tie(s) to check.").format(
                found=found, total=len(results), ties=ties
            )
            + " "
            + self.tr(
                "{unsure} answer(s) are not sure (fuzzy, note, district, or a district to check)."
            ).format(unsure=unsure)
        )
        self.export_button.setEnabled(bool(results))

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open addresses"),
            "",
            self.tr("Spreadsheets and text (*.xlsx *.xls *.ods *.csv *.txt)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """The first column of the first sheet (or each line of a text file) as addresses."""
        try:
            raw = read_sheet(path)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the file"), str(exc))
            return
        lines = []
        for row in raw.rows:
            value = cell_text(row[0]) if row else None
            if value:
                lines.append(value)
        self.input.setPlainText("\n".join(lines))
        self.run()

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), "批量分单.xlsx", self.tr("Excel (*.xlsx)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        try:
            count = export_batch_lookup(self.model.rows, path)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        self.status.setText(
            "\n".join(
                [
                    self.tr("Wrote {count} row(s) to {path}").format(count=count, path=path),
                    *notes_of(count),
                ]
            )
        )
