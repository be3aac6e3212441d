"""The owner PIN in the GUI: asking for it, setting it, and the audit log.

Services refuse owner actions with PermissionDenied while the OwnerLock is locked. The GUI asks
for the PIN here, on the UI thread: before it starts an owner action in a worker thread
(`ensure_owner`), or when a quick action on the UI thread was refused (`retrying`), which then
runs once more. Worker threads never prompt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QRegularExpression, QTimer
from PySide6.QtGui import QRegularExpressionValidator
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
from branchdesk.permissions import Action, OwnerLock, PermissionDenied
from branchdesk.ui.models import Column, RowsModel

T = TypeVar("T")


class PinCancelled(Exception):
    """The PIN was asked for and not given: the action is dropped without a message."""


def install_lock(db: Database) -> OwnerLock:
    """The lock for this database: locked when it holds a PIN, open otherwise."""
    with db.session() as session:
        lock = OwnerLock(pin.is_set(session))
    permissions.set_policy(lock)
    return lock


def _lock() -> OwnerLock:
    lock = permissions.current_lock()
    if lock is None:  # a window built without install_lock (tests): no PIN in force
        lock = OwnerLock(False)
        permissions.set_policy(lock)
    return lock


def _digits(edit: QLineEdit) -> None:
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(pin.PIN_MAX)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), edit))


class PinDialog(QDialog):
    """Asks for the owner PIN; a wrong one is counted, and after several the OK button waits."""

    def __init__(self, db: Database, action: Action | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Owner PIN"))
        if action is None:
            prompt = self.tr("Enter the owner PIN to unlock the owner's actions.")
        else:
            prompt = self.tr("Only the branch owner may {action}. Enter the owner PIN:").format(
                action=permissions.action_label(action)
            )
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.pin = QLineEdit()
        _digits(self.pin)
        self.pin.setPlaceholderText(
            self.tr("{low}–{high} digits").format(low=pin.PIN_MIN, high=pin.PIN_MAX)
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Unlock"))
        self.buttons.accepted.connect(self.try_pin)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pin)
        layout.addWidget(self.message)
        layout.addWidget(
            QLabel(self.tr("It stays unlocked for 5 minutes after the last owner action."))
        )
        layout.addWidget(self.buttons)
        self.remaining = 0
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self.pin.setFocus()
        with db.session() as session:
            wait = pin.waiting(session)
        if wait:  # wrong PINs before this dialog: say so now, not after the next try
            self._wait(wait)

    def _wait(self, seconds: int) -> None:
        self.remaining = seconds
        self.ok_button.setEnabled(False)
        self.countdown.start()
        self.message.setText(
            self.tr("Too many wrong PINs. Try again in {time}.").format(
                time=pin.format_wait(seconds)
            )
        )

    def try_pin(self) -> None:
        if self.remaining:
            return
        try:
            with self.db.session() as session:
                result = pin.check(session, self.pin.text())
        except BranchDeskError as exc:
            self.message.setText(str(exc))
            return
        if result.ok:
            _lock().unlock()
            self.accept()
            return
        self.pin.clear()
        self.message.setText(result.message())
        if result.wait:
            self._wait(result.wait)
            self.message.setText(result.message())
        self.pin.setFocus()

    def _tick(self) -> None:
        self.remaining = max(0, self.remaining - 1)
        if self.remaining:
            self.message.setText(
                self.tr("Too many wrong PINs. Try again in {time}.").format(
                    time=pin.format_wait(self.remaining)
                )
            )
            return
        self.countdown.stop()
        self.ok_button.setEnabled(True)
        self.message.setText(self.tr("You may try again."))


def unlock(parent: QWidget | None, db: Database, action: Action | None = None) -> bool:
    """True when owner actions may go ahead now: no PIN set, already unlocked, or the PIN
    was just entered."""
    lock = permissions.current_lock()
    if lock is None or not lock.pin_set:
        # No PIN to ask for: allowed, unless some other policy refuses (then say so).
        if action is None or permissions.allowed(action):
            return True
        QMessageBox.warning(parent, tr("Owner only"), str(permissions.denial(action)))
        return False
    if lock.unlocked:
        return True
    return PinDialog(db, action, parent).exec() == QDialog.DialogCode.Accepted


def ensure_owner(parent: QWidget | None, db: Database, action: Action) -> bool:
    """Before starting an owner action (in a worker thread, or after a question): ask for the
    PIN now if it is needed. False: not unlocked, do nothing."""
    if permissions.allowed(action):
        return True
    return unlock(parent, db, action)


def retrying(parent: QWidget | None, db: Database, call: Callable[[], T]) -> T:
    """`call()`; refused for want of the owner, ask for the PIN and call once more.

    `call` must open its own transaction (the refused one has rolled back). Raises PinCancelled
    when the PIN is not given.
    """
    try:
        return call()
    except PermissionDenied as exc:
        if not unlock(parent, db, exc.action):
            raise PinCancelled from exc
    return call()


# --- setting the PIN -----------------------------------------------------------------------


class SetPinDialog(QDialog):
    """Set, change or remove the PIN. Opened only once the owner is unlocked (or no PIN)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        lock = _lock()
        self.setWindowTitle(self.tr("Owner PIN"))
        self.new_pin = QLineEdit()
        _digits(self.new_pin)
        self.repeat = QLineEdit()
        _digits(self.repeat)
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
        lock = _lock()
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
        _lock().pin_set = False
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
        with self.db.session() as session:
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
