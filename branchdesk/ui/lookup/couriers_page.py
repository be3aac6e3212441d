"""业务员: edit a courier's name, phone and active state, with undo (Ctrl+Z)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.lookup.couriers import CourierRow, list_couriers, update_courier
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.tables import rows_table

COL_NAME, COL_NO, COL_PHONE, COL_ACTIVE, COL_RULES, COL_NOTES = range(6)
FIELDS = {COL_NAME: "name", COL_PHONE: "phone", COL_ACTIVE: "active", COL_NOTES: "notes"}

COLUMNS: list[Column[CourierRow]] = [
    Column("Courier", lambda c: c.name),
    Column("Employee no.", lambda c: c.employee_no),
    Column("Phone", lambda c: c.phone),
    Column("Active", lambda c: ""),
    Column("Area rules", lambda c: c.rules, align_right=True),
    Column("Notes", lambda c: c.notes),
]


class CouriersModel(RowsModel[CourierRow]):
    """Editable: name, phone and notes by text, active by checkbox; edits go through a callback."""

    edit_requested = Signal(int, str, object)  # courier id, field, new value

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == COL_ACTIVE:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in FIELDS:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def extra_data(self, row: CourierRow, column: int, role: int) -> Any:
        if column == COL_ACTIVE and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.active else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column in FIELDS:
            return getattr(row, FIELDS[column]) or ""
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or index.column() not in FIELDS:
            return False
        row = self.rows[index.row()]
        if index.column() == COL_ACTIVE:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            new = str(value)
        else:
            return False
        old = getattr(row, FIELDS[index.column()])
        if new == old or (new == "" and old is None):
            return False
        self.edit_requested.emit(row.id, FIELDS[index.column()], new)
        return True

    def replace_row(self, updated: CourierRow) -> None:
        for i, row in enumerate(self.rows):
            if row.id == updated.id:
                self.rows[i] = updated
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                return


class EditCourier(QUndoCommand):
    def __init__(self, page: CouriersPage, courier_id: int, field: str, old: Any, new: Any):
        super().__init__(f"{field}")
        self.page, self.courier_id, self.field, self.old, self.new = (
            page,
            courier_id,
            field,
            old,
            new,
        )

    def redo(self) -> None:
        # A refused edit (bad phone, empty name) is obsolete: the stack drops it.
        self.setObsolete(not self.page.apply(self.courier_id, self.field, self.new))

    def undo(self) -> None:
        self.page.apply(self.courier_id, self.field, self.old)


class CouriersPage(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.model = CouriersModel(COLUMNS)
        self.model.edit_requested.connect(self.request_edit)
        self.view = rows_table(
            self.model,
            alternating=False,
            edit_triggers=QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed,
        )
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo_stack.undo
        ).setWhatsThis(self.tr("Undo"))
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Redo), self, self.undo_stack.redo
        ).setWhatsThis(self.tr("Redo"))
        hint = QLabel(
            self.tr(
                "Double-click a name, phone or note to change it; untick "
                "“Active” when a courier leaves. Ctrl+Z undoes."
            )
        )
        hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        with self.db.read_session() as session:
            self.model.set_rows(list_couriers(session))

    def request_edit(self, courier_id: int, field: str, new: Any) -> None:
        row = next(r for r in self.model.rows if r.id == courier_id)
        old = getattr(row, field)
        if field in ("phone", "notes", "name") and old is None:
            old = ""
        self.undo_stack.push(EditCourier(self, courier_id, field, old, new))

    def apply(self, courier_id: int, field: str, value: Any) -> bool:
        try:
            with self.db.session() as session:
                updated = update_courier(session, courier_id, **{field: value})
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return False
        self.model.replace_row(updated)
        self.changed.emit()
        return True
