"""The owner charges fines to agents for a month, with a reason, or removes one entered by
mistake (owner actions: the PIN is asked for when one is set)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.pay import service
from branchdesk.pay.rates import parse_yuan, yuan
from branchdesk.team.agents import list_agents
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table


class FinesDialog(QDialog):
    def __init__(self, db: Database, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.month = month
        self.changed = False
        self.setWindowTitle(self.tr("Fines charged to agents — {month}").format(month=month))
        with db.read_session() as session:
            self.agents = {a.id: a.name for a in list_agents(session, active_only=False)}
        self.agent = QComboBox()
        for agent_id, name in sorted(self.agents.items(), key=lambda kv: kv[1]):
            self.agent.addItem(name, agent_id)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 50"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. HQ fine for a false delivery scan"))
        self.add_button = QPushButton(self.tr("Charge the fine"))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(self.tr("Agent:"), self.agent)
        form.addRow(self.tr("Amount (元):"), self.amount)
        form.addRow(self.tr("Reason:"), self.reason)

        self.model: RowsModel[service.Fine] = RowsModel(
            [
                Column("Agent", lambda f: self.agents.get(f.agent_id, "?")),
                Column("Amount (元)", lambda f: yuan(f.amount_fen), align_right=True),
                Column("Reason", lambda f: f.reason),
                Column("Added", lambda f: f"{f.added_at:%Y-%m-%d %H:%M} {f.added_by}".strip()),
            ],
            self,
        )
        self.table = read_only_table(self.model, single=True)
        self.remove_button = QPushButton(self.tr("Remove the selected fine"))
        self.remove_button.clicked.connect(self.remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.add_button)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 620, 420)
        self.reload()

    def reload(self) -> None:
        with self.db.read_session() as session:
            self.model.set_rows(service.fines_in(session, self.month))

    def add(self) -> None:
        title = self.tr("Cannot charge the fine")
        agent_id = self.agent.currentData()
        if agent_id is None:
            QMessageBox.warning(self, title, self.tr("Add the agent to the team list first."))
            return
        try:
            amount = parse_yuan(self.amount.text(), self.tr("The amount"))
        except BranchDeskError as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        reason = self.reason.text()

        def work(session: Any) -> service.Fine:
            return service.add_fine(session, int(agent_id), self.month, amount, reason)

        if owner.run_in_transaction(self, self.db, work, title) is not None:
            self.changed = True
            self.amount.clear()
            self.reason.clear()
            self.reload()

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        fine = self.model.row_at(rows[0].row())

        def work(session: Any) -> bool:
            service.remove_fine(session, fine.id)
            return True

        if owner.run_in_transaction(self, self.db, work, self.tr("Cannot remove the fine")):
            self.changed = True
            self.reload()
