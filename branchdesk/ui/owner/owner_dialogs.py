"""The owner's dialogs: setting the PIN and the audit log (asking for the PIN before an owner
action is the kit's: ui/kit/owner_action.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk import permissions
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.export import notes_of
from branchdesk.owner import audit, pin
from branchdesk.owner.audit import AUDIT_LABELS, AuditRow
from branchdesk.permissions import Action
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import PinDialog, ensure_owner, owner_lock, pin_field

# --- setting the PIN -----------------------------------------------------------------------


class SetPinDialog(QDialog):
    """Set, change or remove the PIN. Opened only once the owner is unlocked (or no PIN)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        lock = owner_lock()
        self.setWindowTitle(self.tr("Owner PIN"))
        self.new_pin = QLineEdit()
        pin_field(self.new_pin)
        self.repeat = QLineEdit()
        pin_field(self.repeat)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        explain = QLabel(
            self.tr(
                "With a PIN, only someone who knows it may edit the handbook, delete records, "
                "undo imports, restore a backup or change settings. Everything else stays open "
                "to everyone. {low}–{high} digits."
            ).format(low=pin.PIN_MIN, high=pin.PIN_MAX)
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.remove_button = QPushButton(self.tr("Remove the PIN"))
        self.remove_button.setVisible(lock.pin_set)
        self.remove_button.clicked.connect(self.remove)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow(self.tr("New PIN"), self.new_pin)
        form.addRow(self.tr("Once more"), self.repeat)
        form.addRow(self.message)
        form.addRow(buttons)

    def save(self) -> None:
        if self.new_pin.text() != self.repeat.text():
            self.message.setText(self.tr("The two PINs differ. Type the same PIN twice."))
            return
        try:
            pin.validate(self.new_pin.text())
            with self.db.session() as session:
                pin.set_pin(session, self.new_pin.text())
        except BranchDeskError as exc:
            self.message.setText(str(exc))
            return
        lock = owner_lock()
        lock.pin_set = True
        lock.unlock()  # the owner just typed it
        QMessageBox.information(
            self,
            self.tr("Owner PIN"),
            self.tr(
                "The PIN is set. Keep it somewhere safe: without it, owner actions cannot be "
                "done on this PC."
            ),
        )
        self.accept()

    def remove(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove the PIN"),
            self.tr("Remove the owner PIN? Everyone at this PC may then do everything."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as session:
                pin.clear_pin(session)
        except BranchDeskError as exc:
            self.message.setText(str(exc))
            return
        owner_lock().pin_set = False
        self.accept()


def change_pin(parent: QWidget | None, db: Database) -> bool:
    """Settings › Owner PIN: the current PIN first (when one is set, even if unlocked: an
    unlocked PC left alone must not let anyone change the PIN), then the dialog."""
    lock = permissions.current_lock()
    if lock is not None and lock.pin_set:
        if PinDialog(db, Action.CHANGE_SETTINGS, parent).exec() != QDialog.DialogCode.Accepted:
            return False
    elif not ensure_owner(parent, db, Action.CHANGE_SETTINGS):
        return False
    return SetPinDialog(db, parent).exec() == QDialog.DialogCode.Accepted


# --- the audit log -------------------------------------------------------------------------

AUDIT_COLUMNS: list[Column[AuditRow]] = [
    Column("Time", lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
    Column("Action", lambda r: r.label),
    Column("Details", lambda r: r.detail),
    Column("Who", lambda r: r.who or "—"),
    Column("With PIN", lambda r: "✓" if r.with_pin else ""),
]
# The newest entries shown; the export holds them all.
AUDIT_SHOWN = 5000


class AuditDialog(QDialog):
    """The audit log, newest first, with a filter by action and an Excel export."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(900, 520)
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for key, label in AUDIT_LABELS.items():
            self.action.addItem(tr(label), key)
        self.action.currentIndexChanged.connect(self.reload)
        self.model: RowsModel[AuditRow] = RowsModel(AUDIT_COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        export = QPushButton(self.tr("Export to Excel…"))
        export.clicked.connect(self.export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.action)
        top.addStretch(1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(export)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        action = self.action.currentData() or None
        with self.db.read_session() as session:
            rows = audit.entries(session, action=action, limit=AUDIT_SHOWN)
            total = audit.count(session, action)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.count.setText(self.tr("{n} entries").format(n=total))

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "操作记录.xlsx", self.tr("Excel (*.xlsx)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        try:
            with self.db.session() as session:
                count = audit.export_audit(session, path)
        except (BranchDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        self.count.setText(
            "\n".join(
                [
                    self.tr("Wrote {count} entries to {path}").format(count=count, path=path),
                    *notes_of(count),
                ]
            )
        )


def show_audit(parent: QWidget | None, db: Database) -> None:
    """The owner's audit log (asks for the PIN when one is set)."""
    if not ensure_owner(parent, db, Action.VIEW_AUDIT):
        return
    AuditDialog(db, parent).exec()
