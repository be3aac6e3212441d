"""Setting, changing or removing the owner PIN (Settings › 店主 PIN)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from branchdesk import permissions
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.owner import pin
from branchdesk.permissions import Action
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.owner_action import PinDialog, ensure_owner, owner_lock, pin_field


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
        self.remove_button.clicked.connect(self.remove)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # Only with a PIN to remove (hidden before it was in the box, the box showed it).
        self.remove_button.setVisible(lock.pin_set)
        # Enter in the first box goes to the second, as a person types a PIN twice; Enter in
        # the second saves (the default Save, pressed from the first, said they differ).
        enter_presses(self)
        self.new_pin.returnPressed.connect(lambda: self.repeat.setFocus())
        self.repeat.returnPressed.connect(self.save)
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
