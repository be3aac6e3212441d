"""The pay page in a window of its own, opened from the main window's Owner menu."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from branchdesk.db.engine import Database
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.pay.pay_page import PayPage


class PayDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly pay statements"))
        self.page = PayPage(db, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.page)
        fit_to_screen(self, 1100, 720)
        enter_presses(self)  # Enter went to the month before


def show_pay(parent: QWidget, db: Database) -> None:
    PayDialog(db, parent).exec()
