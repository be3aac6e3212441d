"""投诉登记: the complaint list (paged, filtered as you type) and the due-soon / overdue queue."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service
from branchdesk.complaints.service import ComplaintFilter, ComplaintRow
from branchdesk.complaints.workflow import CLOSED, OPEN_STATUSES, STATUSES, status_label
from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.ui.complaints.common import DUE_SOON, OVERDUE
from branchdesk.ui.complaints.complaint_dialog import ComplaintDialog
from branchdesk.ui.complaints.detail_dialog import ComplaintDetailDialog
from branchdesk.ui.kit.models import Column, LazyRowsModel, RowsModel
from branchdesk.ui.kit.tables import add_copy_actions

(
    COL_TICKET,
    COL_RECEIVED,
    COL_CHANNEL,
    COL_CATEGORY,
    COL_WAYBILL,
    COL_CUSTOMER,
    COL_PHONE,
    COL_COURIER,
    COL_STATUS,
    COL_DUE,
    COL_CLOSED,
    COL_OWNER,
) = range(12)
OPEN = "open"  # the status filter's "every open status" entry
OVERDUE_BG = "#fde0e0"
DUE_SOON_BG = "#ffe9cc"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintsPage", text)


def _time(value: datetime | None) -> str:
    # Month, day and time; the year too when it is not this one (a deadline of last December
    # read in January, or a year typed wrong).
    if value is None:
        return ""
    return value.strftime("%m-%d %H:%M" if value.year == date.today().year else "%Y-%m-%d %H:%M")


def _status(row: ComplaintRow) -> str:
    return _tr("Merged") if row.merged_into_id is not None else status_label(row.status)


def _left(row: ComplaintRow) -> str:
    """How long until the deadline, or how long past it."""
    seconds = int((row.due_at - service.now()).total_seconds())
    minutes = abs(seconds) // 60
    span = (
        _tr("{h} h {m} min").format(h=minutes // 60, m=f"{minutes % 60:02d}")
        if minutes >= 60
        else _tr("{m} min").format(m=minutes)
    )
    return (
        _tr("overdue {span}").format(span=span)
        if seconds < 0
        else _tr("{span} left").format(span=span)
    )


def _due_title(shown: int, total: int) -> str:
    """The due tab's title: every complaint due, and how many the queue holds when it is cut
    (it holds the soonest service.DUE_LIST_LIMIT)."""
    if shown >= total:
        return _tr("Due ({count})").format(count=total)
    return _tr("Due (first {shown} of {count})").format(shown=shown, count=total)


COLUMNS: list[Column[ComplaintRow]] = [
    Column("Ticket no.", lambda r: r.ticket_no),
    Column("Received", lambda r: _time(r.received_at)),
    Column("Channel", lambda r: r.channel),
    Column("Category", lambda r: r.category),
    Column("Waybill no.", lambda r: r.waybill_no),
    Column("Customer", lambda r: r.customer_name),
    Column("Phone", lambda r: r.phone),
    Column("Courier", lambda r: r.courier_name),
    Column("Status", _status),
    Column("Due", lambda r: _time(r.due_at)),
    Column("Closed", lambda r: _time(r.closed_at)),
    Column("Owner", lambda r: r.owner),  # hidden while the branch has no team
]

DUE_COLUMNS: list[Column[ComplaintRow]] = [
    Column("Due", lambda r: _time(r.due_at)),
    Column("Time left", _left),
    Column("Ticket no.", lambda r: r.ticket_no),
    Column("Status", _status),
    Column("Category", lambda r: r.category),
    Column("Waybill no.", lambda r: r.waybill_no),
    Column("Customer", lambda r: r.customer_name),
    Column("Phone", lambda r: r.phone),
    Column("Courier", lambda r: r.courier_name),
]


class DueColours:
    """Overdue rows red, due-soon rows orange, their deadline on a tinted ground."""

    now: datetime
    lead_hours: float
    due_column: int

    def set_clock(self, at: datetime, lead_hours: float) -> None:
        self.now, self.lead_hours = at, lead_hours
        model: Any = self
        if model.rows:
            model.dataChanged.emit(
                model.index(0, 0), model.index(len(model.rows) - 1, model.columnCount() - 1)
            )

    def due_data(self, row: ComplaintRow, column: int, role: int) -> Any:
        state = row.due_state(self.now, self.lead_hours)
        if role == Qt.ItemDataRole.ForegroundRole:
            if state == "overdue":
                return QBrush(QColor(OVERDUE))
            if state == "soon":
                return QBrush(QColor(DUE_SOON))
            if row.status == CLOSED or row.merged_into_id is not None:
                return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.BackgroundRole and column == self.due_column and state:
            return QBrush(QColor(OVERDUE_BG if state == "overdue" else DUE_SOON_BG))
        if role == Qt.ItemDataRole.FontRole and column == self.due_column and state:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ComplaintsModel(DueColours, LazyRowsModel[ComplaintRow]):
    """Every complaint that passes the filter, newest first, pulled page by page."""

    due_column = COL_DUE

    def __init__(self, fetch_page: Any, lead_hours: float, parent: Any = None) -> None:
        super().__init__(COLUMNS, fetch_page, parent)
        self.now, self.lead_hours = service.now(), lead_hours

    def extra_data(self, row: ComplaintRow, column: int, role: int) -> Any:
        return self.due_data(row, column, role)


class DueModel(DueColours, RowsModel[ComplaintRow]):
    """The due queue: overdue and due-soon complaints, soonest first."""

    due_column = 0

    def __init__(self, lead_hours: float, parent: Any = None) -> None:
        super().__init__(DUE_COLUMNS, parent)
        self.now, self.lead_hours = service.now(), lead_hours

    def extra_data(self, row: ComplaintRow, column: int, role: int) -> Any:
        if column == 1 and role == Qt.ItemDataRole.ForegroundRole:
            return self.due_data(row, 0, role)
        return self.due_data(row, column, role)


def _table(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    add_copy_actions(view)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


class ComplaintsPage(QWidget):
    """Log, find and follow complaints; the due queue is one click (or Ctrl+6, then Alt+2) away."""

    changed = Signal()  # a complaint was logged or changed
    due_refreshed = Signal(int, int)  # due soon, overdue
    status = Signal(str)  # a message for the status bar
    SEARCH_DELAY_MS = 150
    LIST, DUE = range(2)

    def __init__(
        self, db: Database, settings: SettingsStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings or SettingsStore()
        self.filter = ComplaintFilter()
        self.due_rows: list[ComplaintRow] = []
        self.counts = (0, 0)  # due soon, overdue
        self.dialog: ComplaintDialog | None = None  # the last new-complaint form opened
        self.detail: ComplaintDetailDialog | None = None  # the last complaint opened

        # The due strip: always in sight above the list.
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdueCount")
        self.soon_label = QLabel()
        self.soon_label.setObjectName("dueSoonCount")
        self.show_due_button = QPushButton(self.tr("Show the due queue"))
        self.show_due_button.setObjectName("showDue")
        self.show_due_button.clicked.connect(self.show_due)
        strip = QHBoxLayout()
        strip.addWidget(self.overdue_label)
        strip.addSpacing(16)
        strip.addWidget(self.soon_label)
        strip.addSpacing(16)
        strip.addWidget(self.show_due_button)
        strip.addStretch(1)

        # Filters.
        self.search = QLineEdit()
        self.search.setObjectName("complaintSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Ticket, HQ order, waybill, phone, customer or courier  (Ctrl+F)")
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_done)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Not yet closed"), OPEN)
        for s in STATUSES:
            self.status_filter.addItem(status_label(s), s)
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.setMaxVisibleItems(20)
        self.courier_filter = QComboBox()
        self.courier_filter.setObjectName("courierFilter")
        self.courier_filter.setMaxVisibleItems(20)
        self.include_merged = QCheckBox(self.tr("Merged too"))
        self.include_merged.setToolTip(
            self.tr("Also list complaints that were merged into another one")
        )
        for combo in (self.status_filter, self.category_filter, self.courier_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.include_merged.toggled.connect(lambda _c: self.apply_filter())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.courier_filter)
        filters.addWidget(self.include_merged)

        # The list and the due queue.
        lead = self.lead_hours()
        self.model = ComplaintsModel(self._fetch, lead)
        self.view = _table(self.model, "complaintList")
        for col, width in (
            (COL_TICKET, 130),
            (COL_RECEIVED, 90),
            (COL_CHANNEL, 100),
            (COL_CATEGORY, 130),
            (COL_WAYBILL, 130),
            (COL_CUSTOMER, 70),
            (COL_PHONE, 100),
            (COL_COURIER, 60),
            (COL_STATUS, 90),
            (COL_DUE, 90),
            (COL_OWNER, 70),
        ):
            self.view.setColumnWidth(col, width)
        # What an agent looks for first (状态, 处理时限) beside the ticket, in view at 1024×768
        # (they were the ninth and tenth columns, off the screen); 负责客服 beside the courier,
        # hidden until the branch routes complaints; the channel and the closing time last.
        header = self.view.horizontalHeader()
        order = (
            COL_TICKET,
            COL_RECEIVED,
            COL_STATUS,
            COL_DUE,
            COL_CATEGORY,
            COL_WAYBILL,
            COL_CUSTOMER,
            COL_PHONE,
            COL_COURIER,
            COL_OWNER,
            COL_CHANNEL,
        )
        for visual, logical in enumerate(order):
            header.moveSection(header.visualIndex(logical), visual)
        self.view.setColumnHidden(COL_OWNER, True)
        self.view.activated.connect(lambda i: self._open_index(self.model.rows, i))
        self.due_model = DueModel(lead)
        self.due_view = _table(self.due_model, "dueList")
        for col, width in enumerate((90, 170, 130, 80, 130, 130, 70, 100)):
            self.due_view.setColumnWidth(col, width)
        self.due_view.activated.connect(lambda i: self._open_index(self.due_model.rows, i))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("complaintTabs")
        self.tabs.addTab(self.view, self.tr("Complaints"))
        self.tabs.addTab(self.due_view, self.tr("Due"))

        # Actions.
        self.new_button = QPushButton(self.tr("New complaint"))
        self.new_button.setObjectName("newComplaint")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(lambda: self.new_complaint())
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected complaint (Enter or double-click)"))
        self.open_button.clicked.connect(self.open_selected)
        self.categories_button = QPushButton(self.tr("Categories && scripts…"))
        self.categories_button.setObjectName("editCategories")
        self.categories_button.clicked.connect(self.edit_categories)
        self.count_label = QLabel()
        self.count_label.setObjectName("complaintCount")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addSpacing(16)
        buttons.addWidget(self.categories_button)

        layout = QVBoxLayout(self)
        layout.addLayout(strip)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.new_complaint()).setWhatsThis(
            self.tr("New complaint")
        )
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search).setWhatsThis(
            self.tr("Search the complaints")
        )
        self.refresh()

    # --- data ------------------------------------------------------------------------------
    def lead_hours(self) -> float:
        return float(self.settings.get("complaint_lead_hours"))

    def _fetch(self, offset: int, limit: int) -> list[ComplaintRow]:
        from branchdesk.team.assignments import current_owners

        with self.db.read_session() as session:
            rows = service.list_complaints(session, self.filter, offset, limit)
            owners = current_owners(session, "complaint", [r.id for r in rows])
        # One query per page for the owners; the column shows while any complaint has one.
        if offset == 0:
            self.view.setColumnHidden(COL_OWNER, not owners)
        elif owners:
            self.view.setColumnHidden(COL_OWNER, False)
        return [replace(r, owner=owners.get(r.id, "")) for r in rows]

    def refresh(self) -> None:
        """Complaints or categories changed (here, by an import or by another program): reload
        lists and counts; the selection stays on its complaint while it is there."""
        current = self.view.currentIndex()
        kept = (
            self.model.rows[current.row()].id
            if current.isValid() and current.row() < len(self.model.rows)
            else None
        )
        self._reload_choices()
        self.apply_filter()
        self.refresh_due()  # keeps the due queue's own selection
        row = next((i for i, r in enumerate(self.model.rows) if r.id == kept), None)
        if row is not None:  # on its tab, whichever is shown
            self.view.selectRow(row)

    def _reload_choices(self) -> None:
        category, courier = self.category_filter.currentData(), self.courier_filter.currentData()
        with self.db.session() as session:
            categories = service.categories_for_choice(session)
            couriers = service.couriers_in_complaints(session)
        for combo in (self.category_filter, self.courier_filter):
            combo.blockSignals(True)
            combo.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for c in categories:
            self.category_filter.addItem("\u3000" * c.depth + c.name, c.id)
        self.courier_filter.addItem(self.tr("All couriers"), None)
        for name in couriers:
            self.courier_filter.addItem(name, name)
        for combo, value in ((self.category_filter, category), (self.courier_filter, courier)):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            combo.blockSignals(False)

    def current_filter(self) -> ComplaintFilter:
        status = self.status_filter.currentData()
        statuses: tuple[str, ...] = (
            () if status is None else OPEN_STATUSES if status == OPEN else (status,)
        )
        return ComplaintFilter(
            text=self.search.text().strip(),
            statuses=statuses,
            category_id=self.category_filter.currentData(),
            courier=self.courier_filter.currentData(),
            include_merged=self.include_merged.isChecked(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.filter = self.current_filter()
        self.model.set_clock(service.now(), self.lead_hours())
        self.model.reload()
        with self.db.read_session() as session:
            total = service.count_complaints(session, self.filter)
        self.count_label.setText(self.tr("{count} complaint(s)").format(count=total))
        if self.model.rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def refresh_due(self) -> None:
        """The due strip, the due queue and (through `due_refreshed`) the status bar."""
        lead = self.lead_hours()
        at = service.now()
        with self.db.read_session() as session:
            soon, overdue = service.due_counts(session, lead, at)
            self.due_rows = service.due_soon(session, lead, at, service.DUE_LIST_LIMIT)
        self.counts = (soon, overdue)
        # The queue refreshes every minute: the agent's selection stays on its complaint.
        current = self.due_view.currentIndex()
        kept = (
            self.due_model.rows[current.row()].id
            if current.isValid() and current.row() < len(self.due_model.rows)
            else None
        )
        self.due_model.set_clock(at, lead)
        self.due_model.set_rows(self.due_rows)
        row = next((i for i, r in enumerate(self.due_rows) if r.id == kept), None)
        if row is not None:
            self.due_view.selectRow(row)
        self.model.set_clock(at, lead)
        hours = f"{lead:g}"
        self.overdue_label.setText(self.tr("{count} overdue").format(count=overdue))
        self.overdue_label.setStyleSheet(
            f"color: {OVERDUE}; font-weight: bold;" if overdue else "color: #555;"
        )
        self.soon_label.setText(
            self.tr("{count} due within {hours} h").format(count=soon, hours=hours)
        )
        self.soon_label.setStyleSheet(
            f"color: {DUE_SOON}; font-weight: bold;" if soon else "color: #555;"
        )
        self.tabs.setTabText(self.DUE, _due_title(len(self.due_rows), soon + overdue))
        self.due_refreshed.emit(soon, overdue)

    # --- navigation ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(self.LIST)
        self.search.setFocus()
        self.search.selectAll()

    def _search_done(self) -> None:
        self.apply_filter()
        self.view.setFocus()

    def show_due(self) -> None:
        self.refresh_due()
        self.tabs.setCurrentIndex(self.DUE)
        self.due_view.setFocus()
        if self.due_rows and not self.due_view.selectionModel().hasSelection():
            self.due_view.selectRow(0)

    def _open_index(self, rows: list[ComplaintRow], index: QModelIndex) -> None:
        if 0 <= index.row() < len(rows):
            self._open_row(rows[index.row()])

    def _open_row(self, row: ComplaintRow) -> ComplaintDetailDialog | None:
        """The complaint a row shows, if it is still that one: another program may have
        deleted it since the list was read, and its id gone to a later complaint (another
        customer's). Then the list is read again instead."""
        with self.db.read_session() as session:
            same = service.is_same_complaint(session, row)
        if not same:
            self.refresh()
            self.status.emit(
                self.tr(
                    "{ticket} was removed or changed by another window or the command line: "
                    "the list has been read again."
                ).format(ticket=row.ticket_no)
            )
            return None
        return self.open_complaint(row.id)

    def selected_row(self) -> ComplaintRow | None:
        view, model = (
            (self.due_view, self.due_model)
            if self.tabs.currentIndex() == self.DUE
            else (self.view, self.model)
        )
        index = view.currentIndex()
        if not index.isValid() or index.row() >= len(model.rows):
            return None
        return model.rows[index.row()]

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return None if row is None else row.id

    def select_complaint(self, complaint_id: int) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.id == complaint_id), None)
        if row is not None:
            self.tabs.setCurrentIndex(self.LIST)
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    # --- actions ---------------------------------------------------------------------------
    def new_complaint(self, waybill: str = "") -> ComplaintDialog:
        dialog = ComplaintDialog(self.db, self.settings, self, waybill=waybill)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._logged)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _logged(self, row: ComplaintRow) -> None:
        self._after_change()
        self.select_complaint(row.id if row.merged_into_id is None else row.merged_into_id)
        if row.merged_into_id is not None:
            self.status.emit(
                self.tr("Logged {ticket} and merged it into the complaint already open.").format(
                    ticket=row.ticket_no
                )
            )
        else:
            note = getattr(self.dialog, "assignment_note", "")
            self.status.emit(
                self.tr("Logged {ticket}, due {due}.").format(
                    ticket=row.ticket_no, due=_time(row.due_at)
                )
                + (f" {note}" if note else "")
            )

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_row(row)

    def open_complaint(self, complaint_id: int) -> ComplaintDetailDialog:
        dialog = ComplaintDetailDialog(self.db, complaint_id, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._after_change)
        self.detail = dialog
        # Closed, it is deleted: no longer "the complaint open" (the window asks it at quit).
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: ComplaintDetailDialog) -> None:
        if self.detail is dialog:
            self.detail = None

    def edit_categories(self) -> Any:
        from branchdesk.ui.complaints.categories_dialog import ComplaintCategoriesDialog

        dialog = ComplaintCategoriesDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._reload_choices)
        dialog.open()
        return dialog

    def _after_change(self) -> None:
        current = self.view.currentIndex()
        kept = (
            self.model.rows[current.row()].id
            if current.isValid() and current.row() < len(self.model.rows)
            else None
        )
        self._reload_choices()
        self.apply_filter()
        self.refresh_due()  # keeps the due queue's own selection
        row = next((i for i, r in enumerate(self.model.rows) if r.id == kept), None)
        if row is not None:  # on its tab, whichever is shown
            self.view.selectRow(row)
        self.changed.emit()
