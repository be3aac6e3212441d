"""Owner actions in the GUI: ask for the PIN on the UI thread, run the work, show a refusal.

Services refuse owner actions with PermissionDenied while the OwnerLock is locked. The GUI asks
for the PIN here, on the UI thread: before it starts an owner action in a worker thread
(`ensure_owner`), or when a quick action on the UI thread was refused (`retrying`), which then
runs once more. Worker threads never prompt. `run_in_transaction` is what a page calls for a
change: one short transaction, the PIN when needed, a refusal shown in a box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QRegularExpression, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from branchdesk import permissions
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.owner import pin
from branchdesk.permissions import Action, OwnerLock, PermissionDenied
from branchdesk.settings import branch_value

T = TypeVar("T")


class PinCancelled(Exception):
    """The PIN was asked for and not given: the action is dropped without a message."""


def install_lock(db: Database) -> OwnerLock:
    """The lock for this database: locked when it holds a PIN, open otherwise."""
    with db.read_session() as session:
        pin_set = pin.is_set(session)
    lock = OwnerLock(pin_set, seconds=60.0 * int(branch_value("owner_unlock_minutes")))
    permissions.set_policy(lock)
    return lock


def owner_lock() -> OwnerLock:
    lock = permissions.current_lock()
    if lock is None:  # a window built without install_lock (tests): no PIN in force
        lock = OwnerLock(False)
        permissions.set_policy(lock)
    return lock


def pin_field(edit: QLineEdit) -> None:
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
        pin_field(self.pin)
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
            QLabel(
                self.tr(
                    "It stays unlocked for {minutes} minutes after the last owner action."
                ).format(minutes=branch_value("owner_unlock_minutes"))
            )
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
            owner_lock().unlock()
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


def run_in_transaction(
    parent: QWidget, db: Database, work: Callable[[Any], T], title: str, *, failed: Any = None
) -> Any:
    """`work(session)` in one short transaction, and its result; `failed` (None unless given)
    when it is refused or fails, after a message box titled `title`. Refused for want of the
    owner: the PIN is asked for and the work runs once more; no PIN given: `failed`, silently.
    """

    def transaction() -> T:
        with db.session() as session:
            return work(session)

    try:
        return retrying(parent, db, transaction)
    except PinCancelled:
        return failed
    except BranchDeskError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return failed
