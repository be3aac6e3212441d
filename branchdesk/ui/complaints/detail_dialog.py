"""One complaint followed: its fields, the reply script, the history and the workflow buttons."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service
from branchdesk.complaints.service import (
    ComplaintError,
    ComplaintRow,
)
from branchdesk.complaints.workflow import (
    CALLBACK,
    CLOSED,
    ESCALATED,
    PROCESSING,
    WorkflowError,
    allowed,
    status_label,
)
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.settings import SettingsStore
from branchdesk.ui.complaints.close_dialog import CloseDialog
from branchdesk.ui.complaints.common import (
    DUE_SOON,
    OVERDUE,
    TIME_FORMAT,
    EnterMovesOn,
    to_minute,
    who_am_i,
)
from branchdesk.ui.complaints.complaint_form import ComplaintForm
from branchdesk.ui.complaints.script_panel import ScriptPanel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import add_copy_actions

# --- detail -------------------------------------------------------------------------------

# What the button for a target status says (the action, not the state).
ACTION_LABELS = {
    PROCESSING: "Start processing",
    ESCALATED: "Escalate",
    CALLBACK: "Await call-back",
    CLOSED: "Close…",
}
EVENT_LABELS = {
    "created": "Created",
    "status": "Status",
    "edit": "Edited",
    "merged": "Merged",
    "reopened": "Reopened",
}


def _as_shown(value: object) -> object:
    """Text as the form gives it back (trimmed; \r\n and U+2028 as \n, U+00A0 as a space): a
    description imported from a CSV is no change until the agent changes it."""
    if not isinstance(value, str):
        return value
    for old, new in (("\r\n", "\n"), ("\r", "\n"), ("\u2028", "\n"), ("\u2029", "\n")):
        value = value.replace(old, new)
    return value.replace("\xa0", " ").strip()


class ComplaintDetailDialog(EnterMovesOn, QDialog):
    """One complaint: its fields, the reply script, the history and the workflow buttons."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        complaint_id: int,
        settings: SettingsStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings or SettingsStore()
        self.complaint_id = complaint_id
        self.setObjectName("complaintDetail")
        with db.session() as session:
            row = service.get(session, complaint_id)
            categories = service.categories_for_choice(session)
        self.row = row
        self.merged_into: ComplaintRow | None = None
        self.gone = False  # deleted by another program while open

        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.times = QLabel()
        self.times.setObjectName("detailTimes")
        self.times.setTextFormat(Qt.TextFormat.RichText)
        self.merged_label = QLabel()
        self.merged_label.setObjectName("mergedLabel")
        self.merged_label.setWordWrap(True)
        self.merged_label.setStyleSheet(
            "QLabel#mergedLabel { background: #e8eaf6; color: #1a237e; padding: 4px; }"
        )
        self.merged_label.setVisible(False)

        self.form = ComplaintForm(
            db, categories, received=row.received_at, due_follows_category=False
        )
        self.script = ScriptPanel(self.settings.get("banned_phrases"))
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setObjectName("saveChanges")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save_changes)

        self.history = QTableWidget(0, 5)
        self.history.setObjectName("history")
        add_copy_actions(self.history)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Status"), self.tr("Note")]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.note = QLineEdit()
        self.note.setObjectName("transitionNote")
        self.note.setPlaceholderText(
            self.tr("Note for the history (optional), e.g. whom you called")
        )
        self.workflow_box = QHBoxLayout()
        self.workflow_buttons: dict[str, QPushButton] = {}
        close = QPushButton(self.tr("Done"))
        close.clicked.connect(self.accept)
        close.setAutoDefault(False)
        self.save_button.setAutoDefault(False)

        header_row = QHBoxLayout()
        header_row.addWidget(self.title)
        header_row.addWidget(self.status_label)
        header_row.addStretch(1)
        header_row.addWidget(self.times)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.form, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        ll.addLayout(save_row)
        top = QSplitter()
        top.addWidget(left)
        top.addWidget(self.script)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        history_box = QWidget()
        hl = QVBoxLayout(history_box)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(QLabel(self.tr("History")))
        hl.addWidget(self.history, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(history_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([420, 220])
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addLayout(self.workflow_box)
        actions.addSpacing(16)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addWidget(self.merged_label)
        layout.addWidget(body, 1)
        layout.addLayout(actions)
        fit_to_screen(self, 1100, 720)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save_changes)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.script.copy)
        self.form.changed.connect(self._refill)
        self.form.category_changed.connect(self._category_changed)
        self.show_row(row)

    # --- showing --------------------------------------------------------------------------
    def reload(self) -> None:
        with self.db.session() as session:
            row = service.get(session, self.complaint_id)
        self.show_row(row)

    def show_row(self, row: ComplaintRow) -> None:
        self.row = row
        self.setWindowTitle(self.tr("Complaint {ticket}").format(ticket=row.ticket_no))
        self.title.setText(row.ticket_no)
        self.form.load(row)
        self.form.refresh_facts()
        self._category_changed()
        self.script.set_reply(row.reply)
        self.merged_into = None
        if row.merged_into_id is not None:
            with self.db.session() as session:
                self.merged_into = service.get(session, row.merged_into_id)
        now = service.now()
        lead = float(self.settings.get("complaint_lead_hours"))
        status = status_label(row.status)
        colour = "#2e7d32" if row.status == CLOSED else "#1565c0"
        if self.merged_into is not None:
            status, colour = self.tr("Merged"), "#555"
        self.status_label.setText(status)
        self.status_label.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; padding: 2px 8px; "
            "border-radius: 3px; }"
        )
        due = html.escape(row.due_at.strftime(TIME_FORMAT))
        if row.overdue(now):
            due = f"<b style='color:{OVERDUE}'>{due} · {html.escape(self.tr('overdue'))}</b>"
        elif row.is_open and (row.due_at - now).total_seconds() <= lead * 3600:
            due = f"<b style='color:{DUE_SOON}'>{due} · {html.escape(self.tr('due soon'))}</b>"
        parts = [
            self.tr("Received {time}").format(time=row.received_at.strftime(TIME_FORMAT)),
            self.tr("due {time}").format(time=due),
        ]
        if row.closed_at:
            parts.append(self.tr("closed {time}").format(time=row.closed_at.strftime(TIME_FORMAT)))
        if row.agent:
            parts.append(self.tr("logged by {agent}").format(agent=html.escape(row.agent)))
        self.times.setText(" · ".join(parts))
        if self.merged_into is not None:
            self.merged_label.setText(
                self.tr(
                    "Merged into {ticket} ({status}). This complaint is kept with its history "
                    "but is followed there."
                ).format(
                    ticket=self.merged_into.ticket_no, status=status_label(self.merged_into.status)
                )
            )
        self.merged_label.setVisible(self.merged_into is not None)
        editable = self.merged_into is None
        self.form.setEnabled(editable)
        self.script.reply.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.note.setEnabled(editable)
        self._show_history()
        self._show_buttons()

    def _show_history(self) -> None:
        with self.db.read_session() as session:
            events = service.history(session, self.complaint_id)
        self.history.setRowCount(len(events))
        for r, e in enumerate(events):
            moved = ""
            if e.to_status:
                moved = (
                    f"{status_label(e.from_status)} → {status_label(e.to_status)}"
                    if e.from_status
                    else status_label(e.to_status)
                )
            for c, text in enumerate(
                (
                    e.at.strftime(TIME_FORMAT),
                    e.who,
                    self.tr(EVENT_LABELS.get(e.action, e.action)),
                    moved,
                    service.event_note(e),
                )
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(r, c, item)
        self.history.scrollToBottom()

    def _show_buttons(self) -> None:
        for button in self.workflow_buttons.values():
            self.workflow_box.removeWidget(button)
            button.deleteLater()
        self.workflow_buttons = {}
        if self.merged_into is not None:
            return
        for target in allowed(self.row.status):
            text = (
                self.tr("Reopen") if self.row.status == CLOSED else self.tr(ACTION_LABELS[target])
            )
            button = QPushButton(text)
            button.setObjectName(f"to_{target}")
            button.setAutoDefault(False)
            button.setToolTip(
                self.tr("Status becomes “{status}”").format(status=status_label(target))
            )
            button.clicked.connect(lambda _c=False, t=target: self.move_to(t))
            self.workflow_box.addWidget(button)
            self.workflow_buttons[target] = button

    def _category_changed(self) -> None:
        category = self.form.current_category()
        self.script.set_scripts(category.scripts if category else ())

    def _refill(self) -> None:
        self.script.set_facts(
            self.form.script_facts(
                branch=self.settings.get("branch_name"), ticket_no=self.row.ticket_no
            )
        )

    # --- changes --------------------------------------------------------------------------
    def pending_changes(self) -> dict[str, Any]:
        """The fields changed here and not saved yet (empty when none is)."""
        if self.merged_into is not None or self.gone:
            return {}
        values = self.form.values()
        values["reply"] = self.script.reply_text()
        current = {
            "channel": self.row.channel,
            "waybill_no": self.row.waybill_no or "",
            "address": self.row.address or "",
            "customer_name": self.row.customer_name or "",
            "phone": self.row.phone or "",
            "courier_name": self.row.courier_name or "",
            "courier_phone": self.row.courier_phone or "",
            "category_id": self.row.category_id,
            "due_at": self.row.due_at,
            "hq_order_no": self.row.hq_order_no or "",
            "description": self.row.description,
            "reply": self.row.reply,
        }
        changes = {
            k: v
            for k, v in values.items()
            if v is not None and _as_shown(v) != _as_shown(current[k])
        }
        if "due_at" in changes and to_minute(changes["due_at"]) == to_minute(self.row.due_at):
            del changes["due_at"]  # the editor shows minutes; seconds are not a change
        if changes.get("waybill_no"):
            from branchdesk.lookup.waybills import normalise_number

            if normalise_number(changes["waybill_no"]) == self.row.waybill_no:
                del changes["waybill_no"]
        return changes

    def save_changes(self) -> bool:
        if self.merged_into is not None:
            return False
        changes = self.pending_changes()
        if not changes:
            return True
        if "reply" in changes and not self.script.may_be_sent(self):
            return False
        try:
            with self.db.session() as session:
                row = service.update_complaint(
                    session, self.complaint_id, who_am_i(self.settings), **changes
                )
        except service.ComplaintGone:
            self._gone()
            return False
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("The changes were not saved"), str(exc))
            return False
        self.show_row(row)
        self.changed.emit()
        return True

    def reject(self) -> None:
        """Esc, or the window closed: changes not saved yet are saved, dropped or kept open
        as the agent says (Esc dropped an edited description without a word)."""
        if self.pending_changes():
            answer = QMessageBox.question(
                self,
                self.row.ticket_no,
                self.tr("Save the changes to {ticket}?").format(ticket=self.row.ticket_no),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save_changes():
                return
        super().reject()

    def _gone(self) -> None:
        """Deleted by another program while open: said, then closed, and the list behind it
        is read again (its row is gone too)."""
        QMessageBox.information(
            self,
            self.tr("This complaint no longer exists"),
            self.tr(
                "{ticket} was deleted by another window or the command line (its import was "
                "undone, for example). Nothing was saved here. This window closes and the list "
                "is read again."
            ).format(ticket=self.row.ticket_no),
        )
        self.gone = True
        self.changed.emit()
        self.reject()

    def move_to(self, target: str) -> bool:
        """Change the status (asking for the resolution when closing); False when refused."""
        if not self.save_changes():
            return False
        resolution: str | None = None
        compensation: int | None = None
        if target == CLOSED:
            (resolution, compensation), ok = CloseDialog.get_closing(self)
            if not ok:
                return False
        try:
            with self.db.session() as session:
                row = service.transition(
                    session,
                    self.complaint_id,
                    target,
                    who_am_i(self.settings),
                    note=self.note.text(),
                    resolution=resolution,
                    compensation_fen=compensation,
                )
        except service.ComplaintGone:
            self._gone()
            return False
        except (WorkflowError, ComplaintError) as exc:
            QMessageBox.warning(self, self.tr("The status was not changed"), str(exc))
            return False
        self.note.clear()
        self.show_row(row)
        self.changed.emit()
        return True
