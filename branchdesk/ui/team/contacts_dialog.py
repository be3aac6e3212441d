"""接待记录: every logged contact, newest first, searched as you type; follow-ups marked done."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.team.contacts import (
    SHORT_QUERY_DEPTH,
    ContactListRow,
    channel_label,
    outcome_label,
    search_contacts,
    set_outcome,
)
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.models import Column, LazyRowsModel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table

ALL = ""


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M")


class ContactsDialog(QDialog):
    """The contact log with its search; non-modal, refreshed when a contact is logged."""

    log_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("contactsDialog")
        self.setWindowTitle(self.tr("Contact log"))
        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search questions, replies, customers, phones, waybill numbers…")
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.outcome = QComboBox()
        self.outcome.setObjectName("contactOutcomeFilter")
        self.outcome.addItem(self.tr("All outcomes"), ALL)
        for value in ("follow_up", "resolved", "complaint", "no_answer"):
            self.outcome.addItem(outcome_label(value), value)
        self.outcome.currentIndexChanged.connect(lambda _n: self.refresh())
        self.model: LazyRowsModel[ContactListRow] = LazyRowsModel(
            [
                Column("Time", lambda r: _when(r.at)),
                Column("Agent", lambda r: r.agent),
                Column("Channel", lambda r: channel_label(r.channel)),
                Column("Waybill no.", lambda r: r.waybill_no),
                Column("Customer", lambda r: r.customer_name),
                Column("Customer's question", lambda r: r.question),
                Column("Outcome", lambda r: outcome_label(r.outcome)),
                Column("Reply given", lambda r: r.reply),
            ],
            self._page,
        )
        self.view = read_only_table(self.model, single=True, fit_columns=False)
        self.view.setObjectName("contactsTable")
        for column, width in enumerate((130, 70, 50, 140, 80, 200, 70)):
            self.view.setColumnWidth(column, width)
        self.new_button = QPushButton(self.tr("Log a contact…"))
        self.new_button.setObjectName("logContact")
        self.new_button.clicked.connect(self.log_requested.emit)
        self.done_button = QPushButton(self.tr("Follow-up done"))
        self.done_button.setObjectName("followUpDone")
        self.done_button.clicked.connect(self.mark_done)
        self.count = QLabel()
        self.count.setObjectName("contactCount")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.outcome)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.done_button)
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 1000, 600)
        enter_presses(self)  # Enter in the search box marked a follow-up done
        self.refresh()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _page(self, offset: int, limit: int) -> list[ContactListRow]:
        outcome = str(self.outcome.currentData() or "") or None
        with self.db.read_session() as session:
            return search_contacts(
                session, self.search.text(), outcome=outcome, offset=offset, limit=limit
            )

    def refresh(self) -> None:
        self.timer.stop()
        self.model.reload()
        shown = self.model.rowCount()
        text = (
            self.tr("{count} contact(s)").format(count=shown)
            if not self.model.canFetchMore()
            else self.tr("{count}+ contacts: scroll for more").format(count=shown)
        )
        if 0 < len(self.search.text().strip()) < 3:
            text += "  " + self.tr(
                "(1-2 characters search the newest {depth:,} contacts; type 3 or more to "
                "search them all)"
            ).format(depth=SHORT_QUERY_DEPTH)
        self.count.setText(text)

    def selected(self) -> ContactListRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def mark_done(self) -> None:
        row = self.selected()
        if row is None:
            return

        def work(session: Any) -> bool:
            set_outcome(session, row.id, "resolved")
            return True

        if owner.run_in_transaction(self, self.db, work, self.tr("Contact log")):
            self.refresh()
