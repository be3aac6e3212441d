"""我的: an agent's queue — their open assigned complaints (soonest due first) and the contacts
to follow up — with the reason each came to them; reassigning is one action, kept in history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.team.agents import list_agents, now
from branchdesk.team.assignments import QueueItem, history, my_queue, reassign
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table


def _time(at: datetime | None) -> str:
    return at.strftime("%m-%d %H:%M") if at else ""


class QueueModel(RowsModel[QueueItem]):
    """Overdue complaints in red."""

    def __init__(self) -> None:
        self.at = now()
        super().__init__(
            [
                Column(
                    "Kind",
                    lambda q: _tr("Complaint") if q.item_kind == "complaint" else _tr("Contact"),
                ),
                Column("Received", lambda q: _time(q.at)),
                Column("Item", lambda q: q.title),
                Column("Waybill no.", lambda q: q.waybill_no),
                Column("Due", lambda q: _time(q.due_at)),
                Column("Why it is yours", lambda q: q.reason),
                Column("Details", lambda q: q.detail),
            ]
        )

    def extra_data(self, row: QueueItem, column: int, role: int) -> Any:
        from PySide6.QtCore import Qt

        if role == Qt.ItemDataRole.ForegroundRole and row.due_at and row.due_at < self.at:
            return QBrush(QColor("#b00020"))
        return None


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("QueueDialog", text)


class QueueDialog(QDialog):
    """One agent's queue (the working agent's to start with)."""

    reassigned = Signal(str)  # the status line

    def __init__(
        self, db: Database, agent_id: int | None, parent: QWidget | None = None, who: str = ""
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.who = who
        self.setObjectName("queueDialog")
        self.setWindowTitle(self.tr("My queue"))
        with db.read_session() as session:
            agents = list_agents(session)
        self.agent = QComboBox()
        self.agent.setObjectName("queueAgent")
        self.target = QComboBox()
        self.target.setObjectName("reassignTo")
        for a in agents:
            self.agent.addItem(a.name, a.id)
            self.target.addItem(a.name, a.id)
        if agent_id is not None:
            self.agent.setCurrentIndex(max(0, self.agent.findData(agent_id)))
        self.agent.currentIndexChanged.connect(lambda _n: self.refresh())
        self.model = QueueModel()
        self.view = read_only_table(self.model, single=True)
        self.view.setObjectName("queueTable")
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())
        self.reassign_button = QPushButton(self.tr("Reassign to"))
        self.reassign_button.setObjectName("reassign")
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.history = QLabel()
        self.history.setObjectName("assignmentHistory")
        self.history.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("queueCount")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Agent")))
        top.addWidget(self.agent)
        top.addWidget(self.count, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.reassign_button)
        bottom.addWidget(self.target)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.history)
        layout.addLayout(bottom)
        fit_to_screen(self, 1000, 560)
        enter_presses(self)  # 改派给 only when clicked: Enter reassigned the item unasked
        self.refresh()

    def refresh(self) -> None:
        agent_id = self.agent.currentData()
        items: list[QueueItem] = []
        if agent_id is not None:
            with self.db.read_session() as session:
                items = my_queue(session, int(agent_id))
        self.model.at = now()
        self.model.set_rows(items)
        self.count.setText(self.tr("{count} open item(s)").format(count=len(items)))
        self.history.clear()

    def selected(self) -> QueueItem | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_history(self) -> None:
        item = self.selected()
        if item is None:
            self.history.clear()
            return
        with self.db.read_session() as session:
            steps = history(session, item.item_kind, item.item_id)
        self.history.setText(
            self.tr("History: {steps}").format(
                steps=" ← ".join(f"{s.at:%m-%d %H:%M} {s.agent or '—'} ({s.reason})" for s in steps)
            )
        )

    def reassign_selected(self) -> bool:
        item = self.selected()
        target = self.target.currentData()
        if item is None or target is None:
            return False
        name = self.target.currentText()

        def work(session: Any) -> bool:
            reassign(session, item.item_kind, item.item_id, int(target), by=self.who)
            return True

        if not owner.run_in_transaction(self, self.db, work, self.tr("My queue")):
            return False
        self.refresh()
        self.reassigned.emit(
            self.tr("{item} reassigned to {name}.").format(item=item.title, name=name)
        )
        return True
