"""The coaching records of the QC page: open ones by follow-up day (due ones marked), the
agent's acknowledgement and closing the loop after the follow-up check."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout, QWidget

from branchdesk.db.engine import Database
from branchdesk.i18n import tr
from branchdesk.qc import coaching
from branchdesk.qc.coaching import CoachingRow
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.qc.common import DUE_BG


def coaching_status(row: CoachingRow) -> str:
    if not row.is_open:
        return tr("Closed")
    if row.acknowledged_at is None:
        return tr("Open, not yet acknowledged")
    return tr("Open, acknowledged")


class CoachingModel(RowsModel[CoachingRow]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r.agent_name),
                Column("Follow-up", lambda r: r.follow_up_on.isoformat()),
                Column("Status", coaching_status),
                Column("What went well", lambda r: r.went_well),
                Column("The problem", lambda r: r.problem),
                Column("Agreed direction", lambda r: r.direction),
            ]
        )
        self.today = date.today()

    def extra_data(self, row: CoachingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.due(self.today):
            return QBrush(QColor(DUE_BG))
        if role == Qt.ItemDataRole.ForegroundRole and not row.is_open:
            return QBrush(QColor("#888888"))
        return None


class CoachingTab(QWidget):
    loaded = Signal(list)  # the records whose follow-up day has come

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = CoachingModel()
        self.view = read_only_table(self.model, single=True, fit_columns=False)
        self.view.setObjectName("qcCoaching")
        for column, width in enumerate((90, 95, 150, 160, 160)):
            self.view.setColumnWidth(column, width)
        ack = QPushButton(self.tr("Agent acknowledges…"))
        ack.setObjectName("acknowledge")
        ack.clicked.connect(self.acknowledge)
        close = QPushButton(self.tr("Close after the follow-up…"))
        close.setObjectName("closeCoaching")
        close.clicked.connect(self.close_coaching)
        buttons = QHBoxLayout()
        buttons.addWidget(ack)
        buttons.addWidget(close)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def load(self) -> None:
        with self.db.read_session() as session:
            rows = coaching.coaching_list(session)
        today = date.today()
        self.model.today = today
        self.model.set_rows(rows)
        self.loaded.emit([r for r in rows if r.due(today)])

    def current(self) -> CoachingRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def acknowledge(self) -> None:
        row = self.current()
        if row is None:
            return
        words, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Agent acknowledges"),
            self.tr("{name} has read the record. Their own words (optional):").format(
                name=row.agent_name
            ),
        )
        if ok and run_in_transaction(
            self,
            self.db,
            lambda s: coaching.acknowledge(s, row.id, words),
            self.tr("Coaching"),
        ):
            self.load()

    def close_coaching(self) -> None:
        row = self.current()
        if row is None:
            return
        outcome, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Close the coaching record"),
            self.tr("What did the follow-up check find?"),
        )
        if ok and run_in_transaction(
            self,
            self.db,
            lambda s: coaching.close_coaching(s, row.id, outcome),
            self.tr("Coaching"),
        ):
            self.load()
