"""登记接待: log a customer contact in seconds — channel, waybill, customer, question, the reply
(picked from Complaints' reply scripts, filled with the waybill's facts) and the outcome."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service as complaints
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.team.contacts import OUTCOMES, ContactRow, channel_label, log_contact, outcome_label
from branchdesk.team.models import CHANNELS
from branchdesk.ui.kit.questions import agreed
from branchdesk.ui.kit.screens import fit_to_screen

NO_SCRIPT = -1


class ContactDialog(QDialog):
    """One contact; Ctrl+Enter saves from any field. `logged` carries the saved row and the
    text to show (who it was assigned to, and why)."""

    logged = Signal(object, str)

    def __init__(
        self,
        db: Database,
        agent_id: int | None,
        parent: QWidget | None = None,
        *,
        branch: str = "",
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.agent_id = agent_id
        self.branch = branch
        self.facts: complaints.Facts | None = None
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Log a contact"))

        self.channels = QButtonGroup(self)
        channel_row = QHBoxLayout()
        for n, channel in enumerate(CHANNELS):
            button = QRadioButton(f"{channel_label(channel)} (Alt+{n + 1})")
            button.setObjectName(f"channel_{channel}")
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, button.click)
            self.channels.addButton(button, n)
            channel_row.addWidget(button)
        channel_row.addStretch(1)
        self.channels.button(0).setChecked(True)

        self.waybill = QLineEdit()
        self.waybill.setObjectName("contactWaybill")
        self.waybill.setMaxLength(40)
        self.waybill.setPlaceholderText(self.tr("scan or type; the customer and courier follow"))
        self.waybill.editingFinished.connect(self._waybill_entered)
        self.customer = QLineEdit()
        self.customer.setObjectName("contactCustomer")
        self.customer.setMaxLength(60)
        self.phone = QLineEdit()
        self.phone.setObjectName("contactPhone")
        self.phone.setMaxLength(30)
        self.question = QLineEdit()
        self.question.setObjectName("contactQuestion")
        self.question.setPlaceholderText(self.tr("what the customer asked, in a few words"))
        self.script = QComboBox()
        self.script.setObjectName("contactScript")
        self.script.addItem(self.tr("(no script: write the reply)"), NO_SCRIPT)
        self.scripts: dict[int, complaints.ScriptInfo] = {}
        with db.read_session() as session:
            for category in complaints.category_tree(session):
                for script in category.scripts:
                    self.scripts[script.id] = script
                    self.script.addItem(f"{category.path} › {script.title}", script.id)
        self.script.currentIndexChanged.connect(lambda _n: self._script_chosen())
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("contactReply")
        self.reply.setTabChangesFocus(True)
        self.reply.setMinimumHeight(90)
        self.outcome = QComboBox()
        self.outcome.setObjectName("contactOutcome")
        for outcome in OUTCOMES:
            self.outcome.addItem(outcome_label(outcome), outcome)
        self.facts_line = QLabel()
        self.facts_line.setObjectName("contactFacts")
        self.facts_line.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("contactMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow(self.tr("Channel"), channel_row)
        form.addRow(self.tr("Waybill no."), self.waybill)
        form.addRow("", self.facts_line)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Customer's question"), self.question)
        form.addRow(self.tr("Reply script"), self.script)
        form.addRow(self.tr("Reply given"), self.reply)
        form.addRow(self.tr("Outcome"), self.outcome)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if agent_id is None:
            self.message.setText(
                self.tr("Nobody is picked as working: the contact is logged without an agent.")
            )
        fit_to_screen(self, 620, 520)
        self.waybill.setFocus()
        self.saved: ContactRow | None = None

    def channel(self) -> str:
        return CHANNELS[max(0, self.channels.checkedId())]

    def _waybill_entered(self) -> None:
        number = self.waybill.text().strip()
        if not number:
            self.facts = None
            self.facts_line.clear()
            return
        try:
            with self.db.read_session() as session:
                self.facts = complaints.facts_for(session, number)
        except BranchDeskError:
            self.facts = None
            return
        facts = self.facts
        if facts.customer and not self.customer.text():
            self.customer.setText(facts.customer)
        if facts.phone and not self.phone.text():
            self.phone.setText(facts.phone)
        parts = [p for p in (facts.courier, facts.courier_phone, facts.address) if p]
        self.facts_line.setText(
            self.tr("Courier: {facts}").format(facts="  ".join(parts))
            if parts
            else self.tr("Not in the waybill list.")
        )

    def _script_chosen(self) -> None:
        script = self.scripts.get(int(self.script.currentData()))
        if script is None:
            return
        facts = self.facts or complaints.Facts()
        filled = complaints.fill(
            script.body,
            complaints.script_facts(
                waybill_no=self.waybill.text().strip() or facts.waybill_no,
                courier=facts.courier,
                courier_phone=facts.courier_phone,
                customer=self.customer.text().strip() or facts.customer,
                eta=facts.eta,
                station=facts.station,
                address=facts.address,
                branch=self.branch or None,
            ),
        )
        self.reply.setPlainText(filled.text)

    def save(self) -> None:
        script = self.scripts.get(int(self.script.currentData()))
        values: dict[str, Any] = {
            "agent_id": self.agent_id,
            "channel": self.channel(),
            "question": self.question.text(),
            "reply": self.reply.toPlainText(),
            "waybill_no": self.waybill.text(),
            "customer_name": self.customer.text(),
            "phone": self.phone.text(),
            "script_title": script.title if script else "",
            "outcome": str(self.outcome.currentData()),
        }
        try:
            with self.db.session() as session:
                row = log_contact(session, **values)
                note = self.after_logging(session, row)
        except BranchDeskError as exc:
            self.message.setText(str(exc))
            self.question.setFocus()
            return
        self.saved = row
        self.logged.emit(row, note)
        self.accept()

    def after_logging(self, session: Any, row: ContactRow) -> str:
        """Route the contact to its owner; what the status bar says once it is saved."""
        from branchdesk.settings import SettingsStore, who_is_working
        from branchdesk.team.agents import has_team
        from branchdesk.team.assignments import assignment_note, route_and_assign

        logged = self.tr("Contact logged.")
        if not has_team(session):
            return logged
        found = route_and_assign(
            session,
            "contact",
            row.id,
            waybill_no=row.waybill_no,
            phone=row.phone,
            by=who_is_working(SettingsStore()),
        )
        return f"{logged} {assignment_note(found)}"

    def reject(self) -> None:
        """Esc or Cancel: a contact half typed is only dropped when the agent says so."""
        typed = [f.text() for f in (self.waybill, self.customer, self.phone, self.question)]
        if (
            self.saved is None
            and any(t.strip() for t in (*typed, self.reply.toPlainText()))
            and not agreed(
                self,
                self.tr("Log a contact"),
                self.tr("Discard this contact? What you typed is not saved."),
            )
        ):
            return
        super().reject()

    def keyPressEvent(self, event: Any) -> None:
        # Enter in a one-line field moves on (the reply takes Ctrl+Enter to save).
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers()
        if enter and not isinstance(self.focusWidget(), QPlainTextEdit):
            self.focusNextChild()
            return
        super().keyPressEvent(event)
