"""Log a complaint (new) and follow it (detail): the form, the filled reply script, the workflow.

Built for speed on the phone: the waybill number fills the courier and the customer, the
category sets the deadline and the script, Enter moves to the next field, Ctrl+Enter or
Ctrl+S saves, Ctrl+Shift+C copies the reply.
"""

from __future__ import annotations

import getpass
import html
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service, workflow
from branchdesk.complaints.scripts import FilledScript, blank, find_banned
from branchdesk.complaints.service import (
    CategoryInfo,
    ComplaintError,
    ComplaintRow,
    Facts,
    NewComplaint,
    ScriptInfo,
)
from branchdesk.complaints.workflow import (
    CALLBACK,
    CHANNELS,
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

BLANK_BG = "#ffe066"  # a blank to fill in the script: yellow, like a highlighter
BANNED_BG = "#ffb3b3"
OVERDUE = "#b00020"
DUE_SOON = "#b35900"
TIME_FORMAT = "%Y-%m-%d %H:%M"


def who_am_i(settings: SettingsStore) -> str:
    """The name that goes into histories: the agent's name from the settings, else the OS user."""
    name = str(settings.get("agent_name") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account, a kiosk)
        return ""


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(value)


def from_qdatetime(value: QDateTime) -> datetime:
    result = value.toPython()
    assert isinstance(result, datetime)
    return result.replace(microsecond=0)


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def script_html(filled: FilledScript) -> str:
    """The filled script as HTML, every blank (【业务员】) on a yellow ground."""
    names = [*filled.missing, *filled.unknown]
    if not names:
        return "<p>" + html.escape(filled.text).replace("\n", "<br>") + "</p>"
    pattern = re.compile("|".join(re.escape(blank(n)) for n in names))
    out: list[str] = []
    last = 0
    for match in pattern.finditer(filled.text):
        out.append(html.escape(filled.text[last : match.start()]))
        out.append(
            f'<span style="background-color:{BLANK_BG}; font-weight:bold;">'
            f"{html.escape(match.group(0))}</span>"
        )
        last = match.end()
    out.append(html.escape(filled.text[last:]))
    return "<p>" + "".join(out).replace("\n", "<br>") + "</p>"


class EnterMovesOn:
    """Mixin for dialogs: Enter goes to the next field instead of pressing a button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.focusNextChild()  # type: ignore[attr-defined]
            return
        super().keyPressEvent(event)  # type: ignore[misc]


# --- the reply script ---------------------------------------------------------------------


class ScriptPanel(QWidget):
    """The category's reply script with the facts filled in, and the reply that was sent."""

    copied = Signal(str)

    def __init__(self, banned: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banned = [str(p) for p in banned]
        self.scripts: tuple[ScriptInfo, ...] = ()
        self.facts: dict[str, str | None] = {}
        self.filled: FilledScript | None = None
        self._reply_touched = False
        self._syncing = False

        self.choice = QComboBox()
        self.choice.setObjectName("scriptChoice")
        self.choice.currentIndexChanged.connect(lambda _i: self.refill())
        self.view = QTextEdit()
        self.view.setObjectName("scriptView")
        self.view.setReadOnly(True)
        self.view.setTabChangesFocus(True)
        self.view.setMinimumHeight(110)
        self.missing = QLabel()
        self.missing.setObjectName("scriptMissing")
        self.missing.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy reply"))
        self.copy_button.setObjectName("copyReply")
        self.copy_button.setToolTip(self.tr("Copy the reply to the clipboard (Ctrl+Shift+C)"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("replyBox")
        self.reply.setTabChangesFocus(True)
        self.reply.setPlaceholderText(self.tr("What was said or sent to the customer"))
        self.reply.setMinimumHeight(90)
        self.reply.textChanged.connect(self._reply_changed)
        self.banned_label = QLabel()
        self.banned_label.setObjectName("bannedLabel")
        self.banned_label.setWordWrap(True)
        self.banned_label.setStyleSheet(f"color: {OVERDUE};")
        self.banned_label.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reply script")))
        top.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.missing)
        reply_row = QHBoxLayout()
        reply_row.addWidget(QLabel(self.tr("Reply sent")))
        reply_row.addStretch(1)
        reply_row.addWidget(self.copy_button)
        layout.addLayout(reply_row)
        layout.addWidget(self.reply, 2)
        layout.addWidget(self.banned_label)
        self._show_choice()

    # scripts and facts
    def set_scripts(self, scripts: Sequence[ScriptInfo]) -> None:
        self.scripts = tuple(scripts)
        self.choice.blockSignals(True)
        self.choice.clear()
        for s in self.scripts:
            self.choice.addItem(s.title, s.id)
        self.choice.blockSignals(False)
        self._show_choice()
        self.refill()

    def _show_choice(self) -> None:
        self.choice.setVisible(len(self.scripts) > 1)

    def set_facts(self, facts: dict[str, str | None]) -> None:
        self.facts = facts
        self.refill()

    def current_script(self) -> ScriptInfo | None:
        if not self.scripts:
            return None
        return self.scripts[max(0, self.choice.currentIndex())]

    def refill(self) -> None:
        script = self.current_script()
        if script is None:
            self.filled = None
            self.view.setHtml(
                "<p style='color:#777'>"
                + html.escape(self.tr("Choose a category to see its reply script."))
                + "</p>"
            )
            self.missing.setText("")
            return
        self.filled = service.fill(script.body, self.facts)
        self.view.setHtml(script_html(self.filled))
        if self.filled.missing or self.filled.unknown:
            self.missing.setText(
                self.tr("Fill in before sending: {names}").format(
                    names="、".join(blank(n) for n in (*self.filled.missing, *self.filled.unknown))
                )
            )
            self.missing.setStyleSheet(f"color: {DUE_SOON};")
        else:
            self.missing.setText(self.tr("Every fact is filled in."))
            self.missing.setStyleSheet("color: #2e7d32;")
        if not self._reply_touched:
            self._syncing = True
            self.reply.setPlainText(self.filled.text)
            self._syncing = False
            self.check_banned()

    def script_text(self) -> str:
        return self.filled.text if self.filled is not None else ""

    # the reply
    def set_reply(self, text: str) -> None:
        """A saved reply: shown as it is (even empty), no longer following the script."""
        self._syncing = True
        self.reply.setPlainText(text)
        self._syncing = False
        self._reply_touched = True
        self.check_banned()

    def _reply_changed(self) -> None:
        if not self._syncing:
            self._reply_touched = True
        self.check_banned()

    def reply_text(self) -> str:
        return self.reply.toPlainText().strip()

    def check_banned(self) -> list[str]:
        """Mark the banned phrases in the reply; returns them."""
        text = self.reply.toPlainText()
        found = find_banned(text, self.banned)
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(BANNED_BG))
        fmt.setForeground(QColor(OVERDUE))
        for phrase in found:
            document = self.reply.document()
            cursor = document.find(phrase.strip())
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                cursor = document.find(phrase.strip(), cursor)
        self.reply.setExtraSelections(selections)
        if found:
            self.banned_label.setText(
                self.tr("A customer must not hear: {phrases}").format(
                    phrases="、".join(f"“{p}”" for p in found)
                )
            )
        self.banned_label.setVisible(bool(found))
        return found

    def copy(self) -> str:
        text = self.reply_text() or self.script_text()
        QApplication.clipboard().setText(text)
        self.copied.emit(text)
        return text


# --- the fields ---------------------------------------------------------------------------


class ComplaintForm(QWidget):
    """The complaint's fields; the waybill number and the address fill in what is known."""

    changed = Signal()  # a fact the script uses changed
    waybill_checked = Signal(str)  # the waybill number after it was looked up
    category_changed = Signal()

    def __init__(
        self,
        db: Database,
        categories: Sequence[CategoryInfo],
        *,
        received: datetime,
        due_follows_category: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.categories = list(categories)
        self.received = received
        self.due_follows_category = due_follows_category
        self.facts = Facts()
        self._auto: dict[QLineEdit, str] = {}  # fields filled in by a lookup, as filled
        self._looked_up: tuple[str, str] | None = None

        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        self.channel.addItems(list(CHANNELS))
        self.waybill = QLineEdit()
        self.waybill.setObjectName("waybill")
        self.waybill.setMaxLength(40)
        self.waybill.setPlaceholderText(self.tr("Scan or type; the courier is filled in"))
        self.waybill.editingFinished.connect(self.lookup_waybill)
        self.source = QLabel()
        self.source.setObjectName("factsSource")
        self.source.setStyleSheet("color: #555;")
        self.source.setVisible(False)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setMaxLength(200)
        self.address.editingFinished.connect(self.lookup_address)
        self.customer = QLineEdit()
        self.customer.setObjectName("customer")
        self.customer.setMaxLength(40)
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setMaxLength(30)
        self.courier = QLineEdit()
        self.courier.setObjectName("courier")
        self.courier.setMaxLength(40)
        self.courier_phone = QLineEdit()
        self.courier_phone.setObjectName("courierPhone")
        self.courier_phone.setMaxLength(30)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setPlaceholderText(self.tr("Choose a category"))
        self.category.setMaxVisibleItems(20)
        for c in self.categories:
            self.category.addItem("\u3000" * c.depth + c.name, c.id)
            self.category.setItemData(
                self.category.count() - 1, c.path, Qt.ItemDataRole.ToolTipRole
            )
        self.category.setCurrentIndex(-1)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.due = QDateTimeEdit()
        self.due.setObjectName("due")
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        self.due.setDateTime(to_qdatetime(received))
        self.due.dateTimeChanged.connect(lambda _d: self.changed.emit())
        self.due_hint = QLabel()
        self.due_hint.setStyleSheet("color: #555;")
        self.hq_order = QLineEdit()
        self.hq_order.setObjectName("hqOrder")
        self.hq_order.setMaxLength(40)
        self.hq_order.setPlaceholderText(self.tr("HQ work-order number, if any"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the customer says, in a sentence or two"))
        self.description.setMinimumHeight(70)

        for edit in (self.customer, self.courier, self.courier_phone, self.address):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.waybill.textChanged.connect(lambda _t: self.changed.emit())

        waybill_row = QVBoxLayout()
        waybill_row.setSpacing(2)
        waybill_row.addWidget(self.waybill)
        waybill_row.addWidget(self.source)
        people = QHBoxLayout()
        people.addWidget(self.customer, 1)
        people.addWidget(QLabel(self.tr("Phone")))
        people.addWidget(self.phone, 1)
        couriers = QHBoxLayout()
        couriers.addWidget(self.courier, 1)
        couriers.addWidget(QLabel(self.tr("Phone")))
        couriers.addWidget(self.courier_phone, 1)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addWidget(self.due_hint, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Waybill no."), waybill_row)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Customer"), people)
        form.addRow(self.tr("Courier"), couriers)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Due"), due_row)
        form.addRow(self.tr("HQ order no."), self.hq_order)
        form.addRow(self.tr("Description"), self.description)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for a, b in (
            (self.channel, self.waybill),
            (self.waybill, self.address),
            (self.address, self.customer),
            (self.customer, self.phone),
            (self.phone, self.courier),
            (self.courier, self.courier_phone),
            (self.courier_phone, self.category),
            (self.category, self.due),
            (self.due, self.hq_order),
            (self.hq_order, self.description),
        ):
            QWidget.setTabOrder(a, b)

    # --- values --------------------------------------------------------------------------
    def category_id(self) -> int | None:
        data = self.category.currentData()
        return int(data) if data is not None else None

    def current_category(self) -> CategoryInfo | None:
        cid = self.category_id()
        return next((c for c in self.categories if c.id == cid), None)

    def set_category(self, category_id: int) -> None:
        self.category.setCurrentIndex(self.category.findData(category_id))

    def due_at(self) -> datetime:
        return from_qdatetime(self.due.dateTime())

    def set_due(self, value: datetime) -> None:
        self.due.setDateTime(to_qdatetime(value))

    def load(self, row: ComplaintRow) -> None:
        """Show a saved complaint."""
        self.channel.setCurrentText(row.channel)
        self.waybill.setText(row.waybill_no or "")
        self.address.setText(row.address or "")
        self.customer.setText(row.customer_name or "")
        self.phone.setText(row.phone or "")
        self.courier.setText(row.courier_name or "")
        self.courier_phone.setText(row.courier_phone or "")
        self.category.blockSignals(True)
        self.set_category(row.category_id)
        self.category.blockSignals(False)
        self.set_due(row.due_at)
        self.hq_order.setText(row.hq_order_no or "")
        self.description.setPlainText(row.description)
        self._looked_up = (self.waybill.text().strip(), self.address.text().strip())
        self._update_due_hint()

    def values(self) -> dict[str, Any]:
        """The fields as update_complaint takes them."""
        return {
            "channel": self.channel.currentText(),
            "waybill_no": self.waybill.text().strip(),
            "address": self.address.text().strip(),
            "customer_name": self.customer.text().strip(),
            "phone": self.phone.text().strip(),
            "courier_name": self.courier.text().strip(),
            "courier_phone": self.courier_phone.text().strip(),
            "category_id": self.category_id(),
            "due_at": self.due_at(),
            "hq_order_no": self.hq_order.text().strip(),
            "description": self.description.toPlainText().strip(),
        }

    def script_facts(
        self, branch: str | None = None, ticket_no: str | None = None
    ) -> dict[str, str | None]:
        courier = self.courier.text().strip()
        courier_phone = self.courier_phone.text().strip()
        if not courier_phone and courier and courier == self.facts.courier:
            courier_phone = self.facts.courier_phone or ""  # known, though not typed in
        return service.script_facts(
            waybill_no=self.waybill.text().strip().upper() or None,
            courier=courier or None,
            courier_phone=courier_phone or None,
            customer=self.customer.text().strip() or None,
            eta=self.facts.eta,
            station=self.facts.station,
            address=self.address.text().strip() or None,
            ticket_no=ticket_no,
            due=self.due_at() if self.category_id() is not None else None,
            branch=branch or None,
        )

    # --- filling in from the branch's tables -----------------------------------------------
    def _fill(self, edit: QLineEdit, value: str | None) -> None:
        """Fill an empty field, or one a previous lookup filled; never what the agent typed."""
        current = edit.text().strip()
        if current and current != self._auto.get(edit):
            return
        value = (value or "").strip()
        if value != current:
            edit.setText(value)
        if value:
            self._auto[edit] = value
        else:
            self._auto.pop(edit, None)

    def refresh_facts(self) -> None:
        """What the tables know (arrival time, station) for the script; fields stay as saved."""
        number, address = self.waybill.text().strip(), self.address.text().strip()
        if not (number or address):
            return
        try:
            with self.db.read_session() as session:
                self.facts = service.facts_for(session, number, address)
        except BranchDeskError:
            return
        self.changed.emit()

    def lookup_waybill(self) -> None:
        number = self.waybill.text().strip()
        address = self.address.text().strip()
        if self.address in self._auto and address == self._auto[self.address]:
            address = ""  # the address came from the last waybill: look the new one up
        self._lookup(number, address)
        self.waybill_checked.emit(number)

    def lookup_address(self) -> None:
        self._lookup(self.waybill.text().strip(), self.address.text().strip())

    def _lookup(self, number: str, address: str) -> None:
        key = (number, address)
        if key == self._looked_up:
            return
        self._looked_up = key
        if not (number or address):
            self.facts = Facts()
            self._show_source("")
            return
        try:
            with self.db.read_session() as session:
                facts = service.facts_for(session, number, address)
        except BranchDeskError as exc:
            self._show_source(str(exc))
            return
        self.facts = facts
        self._fill(self.customer, facts.customer)
        self._fill(self.phone, facts.phone)
        self._fill(self.address, facts.address)
        self._fill(self.courier, facts.courier)
        self._fill(self.courier_phone, facts.courier_phone)
        self._looked_up = (number, self.address.text().strip())
        if facts.source == "waybill":
            text = self.tr("Found in the waybill list")
        elif facts.source == "address":
            text = (
                self.tr("Not in the waybill list; courier from the area table")
                if number
                else self.tr("Courier from the area table")
            )
        elif facts.source == "ambiguous":
            text = self.tr("Two couriers share this address ({names}): enter the right one").format(
                names=" / ".join(facts.candidates)
            )
        elif number:
            text = self.tr("Not in the waybill list; enter the address to find the courier")
        else:
            text = self.tr("No courier found for this address")
        self._show_source(text)
        self.changed.emit()

    def _show_source(self, text: str) -> None:
        self.source.setText(text)
        self.source.setVisible(bool(text))

    def _category_changed(self, _index: int) -> None:
        category = self.current_category()
        if category is not None and self.due_follows_category:
            self.set_due(workflow.due_at(self.received, category.sla_hours))
        self._update_due_hint()
        self.category_changed.emit()
        self.changed.emit()

    def _update_due_hint(self) -> None:
        category = self.current_category()
        if category is None:
            self.due_hint.setText("")
            return
        self.due_hint.setText(
            self.tr("{category}: {hours} h after it was received ({received})").format(
                category=category.name,
                hours=category.sla_hours,
                received=self.received.strftime("%m-%d %H:%M"),
            )
        )


# --- new complaint ------------------------------------------------------------------------


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
        self.resize(1040, 600)

        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.script.copy)
        self.form.changed.connect(self._refill)
        self.form.category_changed.connect(self._category_changed)
        self.form.waybill_checked.connect(self.check_duplicates)
        QWidget.setTabOrder(self.form.description, self.script.reply)
        QWidget.setTabOrder(self.script.reply, self.save_button)
        self._refill()
        if waybill:
            self.form.waybill.setText(waybill)
            self.form.lookup_waybill()
        self.form.channel.setFocus()

    def _category_changed(self) -> None:
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
        if self.saved_row is None and self.has_input():
            answer = QMessageBox.question(
                self,
                self.tr("New complaint"),
                self.tr("Discard this complaint? What you typed is not saved."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
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
        banned = self.script.check_banned()
        if banned:
            answer = QMessageBox.question(
                self,
                self.tr("A phrase to avoid"),
                self.tr(
                    "The reply contains {phrases}, which a customer must not hear. Save it anyway?"
                ).format(phrases="、".join(f"“{p}”" for p in banned)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
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
        except BranchDeskError as exc:
            self.show_error(str(exc))
            return None
        self.saved_row = row
        self.saved.emit(row)
        self.accept()
        return row


# --- closing ------------------------------------------------------------------------------


class CloseDialog(QDialog):
    """结案: how it was resolved and what was paid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close the complaint"))
        self.resolution = QPlainTextEdit()
        self.resolution.setObjectName("resolution")
        self.resolution.setTabChangesFocus(True)
        self.resolution.setPlaceholderText(self.tr("e.g. 已联系客户，业务员当天补派，客户满意"))
        self.compensation = QDoubleSpinBox()
        self.compensation.setObjectName("compensation")
        self.compensation.setRange(0, 100000)
        self.compensation.setDecimals(2)
        self.compensation.setSuffix(self.tr(" yuan"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(self.tr("Compensation"), self.compensation)
        form.addRow(QLabel(self.tr("Enter 0 when no compensation was paid.")))
        form.addRow(buttons)
        self.resize(460, 260)

    def compensation_fen(self) -> int:
        return round(self.compensation.value() * 100)

    @classmethod
    def get_closing(cls, parent: QWidget | None = None) -> tuple[tuple[str, int], bool]:
        dialog = cls(parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.resolution.toPlainText().strip(), dialog.compensation_fen()), ok


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
        self.resize(1100, 720)

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
                    e.note,
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
    def save_changes(self) -> bool:
        if self.merged_into is not None:
            return False
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
        changes = {k: v for k, v in values.items() if v != current[k] and v is not None}
        if "due_at" in changes and _minute(changes["due_at"]) == _minute(self.row.due_at):
            del changes["due_at"]  # the editor shows minutes; seconds are not a change
        if changes.get("waybill_no"):
            from branchdesk.lookup.waybills import normalise_number

            if normalise_number(changes["waybill_no"]) == self.row.waybill_no:
                del changes["waybill_no"]
        if not changes:
            return True
        banned = self.script.check_banned() if "reply" in changes else []
        if banned:
            answer = QMessageBox.question(
                self,
                self.tr("A phrase to avoid"),
                self.tr(
                    "The reply contains {phrases}, which a customer must not hear. Save it anyway?"
                ).format(phrases="、".join(f"“{p}”" for p in banned)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            with self.db.session() as session:
                row = service.update_complaint(
                    session, self.complaint_id, who_am_i(self.settings), **changes
                )
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("The changes were not saved"), str(exc))
            return False
        self.show_row(row)
        self.changed.emit()
        return True

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
        except (WorkflowError, ComplaintError) as exc:
            QMessageBox.warning(self, self.tr("The status was not changed"), str(exc))
            return False
        self.note.clear()
        self.show_row(row)
        self.changed.emit()
        return True
