"""The complaint form shared by the new-complaint and detail dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service, workflow
from branchdesk.complaints.service import (
    CategoryInfo,
    ComplaintRow,
    Facts,
)
from branchdesk.complaints.workflow import (
    CHANNELS,
)
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.ui.complaints.common import from_qdatetime, to_qdatetime


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
