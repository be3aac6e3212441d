"""The owner's audit log: filter by action, export to Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.export import notes_of
from branchdesk.owner import audit
from branchdesk.owner.audit import AUDIT_LABELS, AuditRow
from branchdesk.permissions import Action
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import ensure_owner
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import add_copy_actions
from branchdesk.ui.kit.tasks import failure_message

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
        fit_to_screen(self, 900, 520)
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
        add_copy_actions(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        export = QPushButton(self.tr("Export to Excel…"))
        export.clicked.connect(self.export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        # Enter closes, as in the other lists; it opened the export's file dialog.
        enter_presses(self, close.button(QDialogButtonBox.StandardButton.Close))
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
            QMessageBox.warning(self, self.tr("Export failed"), failure_message(exc))
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
