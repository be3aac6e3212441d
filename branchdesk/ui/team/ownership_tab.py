"""客户与分工: the sending customers and their owners, the couriers and area keywords each
agent owns (a tab of the team dialog). Changes are the owner's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.lookup.couriers import active_courier_names
from branchdesk.team.agents import AgentInfo
from branchdesk.team.ownership import (
    KINDS,
    CustomerRow,
    OwnershipRow,
    add_customer,
    kind_label,
    list_customers,
    list_ownership,
    remove_ownership,
    set_customer_owner,
    set_ownership,
)
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.keys import enter_in_fields_presses
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.tables import read_only_table

NO_OWNER = 0  # the owner choosers' "nobody"


class OwnershipTab(QWidget):
    """Customers (search, add, give to an agent, import a list) beside couriers and areas."""

    import_requested = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.customer_search = QLineEdit()
        self.customer_search.setObjectName("customerSearch")
        self.customer_search.setClearButtonEnabled(True)
        self.customer_search.setPlaceholderText(self.tr("Search customers by name or phone…"))
        self.customer_search.textChanged.connect(lambda _t: self.load())
        self.customers_model: RowsModel[CustomerRow] = RowsModel(
            [
                Column("Customer", lambda c: c.name),
                Column("Phone", lambda c: c.phone),
                Column("Daily volume", lambda c: c.daily_volume or "", align_right=True),
                Column("Owner", lambda c: c.owner),
            ]
        )
        self.customers_view = read_only_table(self.customers_model)
        self.customers_view.setObjectName("customersTable")
        self.owner_choice = QComboBox()
        self.owner_choice.setObjectName("customerOwner")
        set_owner = QPushButton(self.tr("Give the selected customers to"))
        set_owner.setObjectName("setCustomerOwner")
        set_owner.clicked.connect(self.set_owner_of_selected)
        import_button = QPushButton(self.tr("Import a customer list…"))
        import_button.setObjectName("importCustomers")
        import_button.clicked.connect(lambda: self.import_requested.emit("customers"))
        self.new_customer_name = QLineEdit()
        self.new_customer_name.setObjectName("newCustomerName")
        self.new_customer_name.setPlaceholderText(self.tr("customer name"))
        self.new_customer_phone = QLineEdit()
        self.new_customer_phone.setObjectName("newCustomerPhone")
        self.new_customer_phone.setPlaceholderText(self.tr("phone"))
        self.new_customer_owner = QComboBox()
        self.new_customer_owner.setObjectName("newCustomerOwner")
        add_customer_button = QPushButton(self.tr("Add customer"))
        add_customer_button.setObjectName("addCustomer")
        add_customer_button.clicked.connect(self.add_customer)
        enter_in_fields_presses(
            add_customer_button, self.new_customer_name, self.new_customer_phone
        )
        owner_row = QHBoxLayout()
        owner_row.addWidget(set_owner)
        owner_row.addWidget(self.owner_choice, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_customer_name, 2)
        add_row.addWidget(self.new_customer_phone, 2)
        add_row.addWidget(self.new_customer_owner, 1)
        add_row.addWidget(add_customer_button)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Sending customers (发件客户)")))
        left.addWidget(self.customer_search)
        left.addWidget(self.customers_view, 1)
        left.addLayout(owner_row)
        left.addLayout(add_row)
        left.addWidget(import_button)

        self.ownership_model: RowsModel[OwnershipRow] = RowsModel(
            [
                Column("Agent", lambda o: o.agent),
                Column("Owns", lambda o: kind_label(o.kind)),
                Column("Courier or keyword", lambda o: o.value),
            ]
        )
        self.ownership_view = read_only_table(self.ownership_model, single=True)
        self.ownership_view.setObjectName("ownershipTable")
        self.ownership_agent = QComboBox()
        self.ownership_agent.setObjectName("ownershipAgent")
        self.ownership_kind = QComboBox()
        self.ownership_kind.setObjectName("ownershipKind")
        for kind in KINDS:
            self.ownership_kind.addItem(kind_label(kind), kind)
        self.ownership_value = QComboBox()
        self.ownership_value.setObjectName("ownershipValue")
        self.ownership_value.setEditable(True)
        # What was typed is not added to the couriers' list (on Enter, by Qt's default).
        self.ownership_value.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        with self.db.read_session() as session:
            self.ownership_value.addItems(active_courier_names(session))
        self.ownership_value.setCurrentText("")
        add_ownership = QPushButton(self.tr("Add"))
        add_ownership.setObjectName("addOwnership")
        add_ownership.clicked.connect(self.add_ownership)
        remove_ownership_button = QPushButton(self.tr("Remove"))
        remove_ownership_button.setObjectName("removeOwnership")
        remove_ownership_button.clicked.connect(self.remove_ownership)
        form = QHBoxLayout()
        form.addWidget(self.ownership_agent, 1)
        form.addWidget(self.ownership_kind)
        form.addWidget(self.ownership_value, 2)
        form.addWidget(add_ownership)
        hint = QLabel(
            self.tr(
                "A new complaint or contact goes to the owner of the waybill's sending customer, "
                "else of an area keyword in its address, else of its courier; to the stand-in "
                "when the owner has not signed in that day."
            )
        )
        hint.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Couriers and areas")))
        right.addWidget(self.ownership_view, 1)
        right.addLayout(form)
        right.addWidget(remove_ownership_button)
        right.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def set_agents(self, agents: list[AgentInfo]) -> None:
        """The active agents, for the owner choosers."""
        for combo in (self.owner_choice, self.ownership_agent, self.new_customer_owner):
            combo.clear()
            if combo is not self.ownership_agent:
                combo.addItem(self.tr("(nobody)"), NO_OWNER)
            for a in agents:
                combo.addItem(a.name, a.id)

    def load(self) -> None:
        with self.db.read_session() as session:
            self.customers_model.set_rows(list_customers(session, self.customer_search.text()))
            self.ownership_model.set_rows(list_ownership(session))

    def _selected_customers(self) -> list[CustomerRow]:
        rows = {i.row() for i in self.customers_view.selectionModel().selectedRows()}
        return [self.customers_model.row_at(r) for r in sorted(rows)]

    def set_owner_of_selected(self) -> bool:
        chosen = self._selected_customers()
        owner_id = int(self.owner_choice.currentData() or NO_OWNER) or None
        if not chosen:
            return False

        def work(session: Any) -> bool:
            for customer in chosen:
                set_customer_owner(session, customer.id, owner_id)
            return True

        done = bool(owner.run_in_transaction(self, self.db, work, self.tr("Team")))
        self.load()
        return done

    def add_customer(self) -> bool:
        name, phone = self.new_customer_name.text(), self.new_customer_phone.text()
        owner_id = int(self.new_customer_owner.currentData() or NO_OWNER) or None

        def work(session: Any) -> bool:
            add_customer(session, name, phone=phone, owner_id=owner_id)
            return True

        done = bool(owner.run_in_transaction(self, self.db, work, self.tr("Team")))
        if done:
            self.new_customer_name.clear()
            self.new_customer_phone.clear()
            self.load()
        return done

    def add_ownership(self) -> bool:
        agent = self.ownership_agent.currentData()
        kind = str(self.ownership_kind.currentData())
        value = self.ownership_value.currentText()
        if agent is None:
            return False

        def work(session: Any) -> bool:
            set_ownership(session, int(agent), kind, value)
            return True

        done = bool(owner.run_in_transaction(self, self.db, work, self.tr("Team")))
        if done:
            self.ownership_value.setCurrentText("")
            self.load()
        return done

    def remove_ownership(self) -> bool:
        index = self.ownership_view.currentIndex()
        if not index.isValid():
            return False
        row = self.ownership_model.row_at(index.row())

        def work(session: Any) -> bool:
            remove_ownership(session, row.id)
            return True

        done = bool(owner.run_in_transaction(self, self.db, work, self.tr("Team")))
        self.load()
        return done
