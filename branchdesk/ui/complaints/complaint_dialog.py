"""Log a complaint (new) and follow it (detail): the form, the filled reply script, the workflow.

Built for speed on the phone: the waybill number fills the courier and the customer, the
category sets the deadline and the script, Enter moves to the next field, Ctrl+Enter or
Ctrl+S saves, Ctrl+Shift+C copies the reply.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service
from branchdesk.complaints.service import (
    ComplaintRow,
    NewComplaint,
)
from branchdesk.complaints.workflow import (
    status_label,
)
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.settings import SettingsStore
from branchdesk.ui.complaints.common import OVERDUE, EnterMovesOn, who_am_i
from branchdesk.ui.complaints.complaint_form import ComplaintForm
from branchdesk.ui.complaints.script_panel import ScriptPanel
from branchdesk.ui.kit.questions import agreed
from branchdesk.ui.kit.screens import fit_to_screen


class ComplaintDialog(EnterMovesOn, QDialog):
    """新建投诉: everything an agent needs while the customer is still on the phone."""

    saved = Signal(object)  # the ComplaintRow

    def __init__(
        self,
        db: Database,
        settings: SettingsStore | None = None,
        parent: QWidget | None = None,
        *,
        waybill: str = "",
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings or SettingsStore()
        self.setWindowTitle(self.tr("New complaint"))
        self.setObjectName("complaintDialog")
        self.saved_row: ComplaintRow | None = None
        # Who the new complaint was assigned to, and why (the team's routing), for the status.
        self.assignment_note = ""
        self.duplicates: list[ComplaintRow] = []
        self._checked: str | None = None
        with db.session() as session:
            categories = service.categories_for_choice(session)
        self.form = ComplaintForm(db, categories, received=service.now())
        self.script = ScriptPanel(self.settings.get("banned_phrases"))

        self.duplicate_label = QLabel()
        self.duplicate_label.setObjectName("duplicateLabel")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet(
            "QLabel#duplicateLabel { background: #fff4ce; color: #5c4400; padding: 4px; }"
        )
        self.merge_box = QCheckBox()
        self.merge_box.setObjectName("mergeBox")
        self.merge_target = QComboBox()
        self.merge_target.setObjectName("mergeTarget")
        dup_row = QHBoxLayout()
        dup_row.setContentsMargins(0, 0, 0, 0)
        dup_row.addWidget(self.duplicate_label, 1)
        dup_row.addWidget(self.merge_box)
        dup_row.addWidget(self.merge_target)
        self.duplicate_row = QWidget()
        self.duplicate_row.setLayout(dup_row)
        self.duplicate_row.setVisible(False)

        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {OVERDUE};")
        self.error.setVisible(False)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the complaint (Ctrl+Enter or Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for b in (self.save_button, cancel):
            b.setAutoDefault(False)
            b.setDefault(False)
        hint = QLabel(self.tr("Enter: next field · Ctrl+Enter: save · Ctrl+Shift+C: copy reply"))
        hint.setStyleSheet("color: #777;")
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)

        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(self.script)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicate_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        fit_to_screen(self, 1040, 600)

        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.script.copy)
        self.form.changed.connect(self._refill)
        self.form.category_changed.connect(self._category_changed)
        self.form.waybill_checked.connect(self.check_duplicates)
        QWidget.setTabOrder(self.form.description, self.script.reply)
        QWidget.setTabOrder(self.script.reply, self.save_button)
        self._refill()
        # Where the agent types first: the waybill (scanned or read out; the channel is 电话
        # unless changed, and typed digits landed in it as 12305/邮政申诉), or, with the
        # waybill given, the category.
        if waybill:
            self.form.waybill.setText(waybill)
            self.form.lookup_waybill()
            self.form.category.setFocus()
        else:
            self.form.waybill.setFocus()

    def _category_changed(self) -> None:
        # A refusal said of the form (请选择分类) goes once the agent changes it; the next save
        # says again what is still wrong.
        self.error.setVisible(False)
        category = self.form.current_category()
        self.script.set_scripts(category.scripts if category else ())

    def _refill(self) -> None:
        self.script.set_facts(self.form.script_facts(branch=self.settings.get("branch_name")))

    def check_duplicates(self, number: str) -> None:
        if number == self._checked:
            return  # the same number again (Enter, then leaving the field): keep the choice
        self._checked = number
        with self.db.read_session() as session:
            self.duplicates = service.open_duplicates(session, number)
        self.duplicate_row.setVisible(bool(self.duplicates))
        if not self.duplicates:
            self.merge_box.setChecked(False)
            return
        self.duplicate_label.setText(
            self.tr("Waybill {number} already has an open complaint: {tickets}").format(
                number=self.duplicates[0].waybill_no,
                tickets="、".join(
                    f"{d.ticket_no} ({status_label(d.status)})" for d in self.duplicates
                ),
            )
        )
        self.merge_target.clear()
        for d in self.duplicates:
            self.merge_target.addItem(d.ticket_no, d.id)
        self.merge_target.setVisible(len(self.duplicates) > 1)
        self.merge_box.setText(
            self.tr("Merge into {ticket}").format(ticket=self.duplicates[0].ticket_no)
            if len(self.duplicates) == 1
            else self.tr("Merge into")
        )
        self.merge_box.setChecked(True)

    def has_input(self) -> bool:
        form = self.form
        typed = (
            form.waybill,
            form.address,
            form.customer,
            form.phone,
            form.courier,
            form.hq_order,
        )
        return any(e.text().strip() for e in typed) or bool(form.description.toPlainText().strip())

    def reject(self) -> None:
        """Esc or Cancel: a form with something typed in is only dropped when the agent says so."""
        if (
            self.saved_row is None
            and self.has_input()
            and not agreed(
                self,
                self.tr("New complaint"),
                self.tr("Discard this complaint? What you typed is not saved."),
            )
        ):
            return
        super().reject()

    def merge_into(self) -> int | None:
        if not (self.duplicates and self.merge_box.isChecked()):
            return None
        data = self.merge_target.currentData()
        return int(data) if data is not None else self.duplicates[0].id

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        QMessageBox.warning(self, self.tr("The complaint was not saved"), text)

    def save(self) -> ComplaintRow | None:
        """Save (and merge into a duplicate when chosen); None when refused or cancelled."""
        self.form.lookup_waybill()  # a number typed but not yet left
        category_id = self.form.category_id()
        if category_id is None:
            self.show_error(self.tr("Choose a category: it sets the deadline and the script."))
            self.form.category.setFocus()
            return None
        reply = self.script.reply_text()
        if not self.script.may_be_sent(self):
            self.script.reply.setFocus()
            return None
        values = self.form.values()
        new = NewComplaint(
            channel=values["channel"],
            category_id=category_id,
            waybill_no=values["waybill_no"],
            customer_name=values["customer_name"],
            phone=values["phone"],
            address=values["address"],
            courier_name=values["courier_name"],
            courier_phone=values["courier_phone"],
            description=values["description"],
            reply=reply,
            hq_order_no=values["hq_order_no"],
            received_at=self.form.received,
            due_at=values["due_at"],
        )
        who = who_am_i(self.settings)
        into = self.merge_into()
        try:
            with self.db.session() as session:
                row = service.create_complaint(session, new, who)
                if into is not None:
                    service.merge(session, row.id, into, who)
                    row = service.get(session, row.id)
                else:
                    self.assignment_note = assign_new_complaint(session, row, who)
        except BranchDeskError as exc:
            self.show_error(str(exc))
            return None
        self.saved_row = row
        self.saved.emit(row)
        self.accept()
        return row


def assign_new_complaint(session: Any, row: ComplaintRow, who: str) -> str:
    """Route a new complaint to its owner in the team (by sending customer, courier or area)
    and say so: "Assigned to 王芳 (by sending customer 春风服饰)"."""
    from branchdesk.team.agents import has_team
    from branchdesk.team.assignments import assignment_note, route_and_assign

    if not has_team(session):
        return ""  # a branch without a team: nothing to assign
    found = route_and_assign(
        session,
        "complaint",
        row.id,
        waybill_no=row.waybill_no or "",
        phone=row.phone or "",
        address=row.address or "",
        by=who,
    )
    return assignment_note(found)


# --- closing ------------------------------------------------------------------------------
