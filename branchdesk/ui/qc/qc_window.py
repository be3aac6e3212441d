"""The quality-control page in a window of its own, opened from the main window's menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.qc.qc_page import QcPage


class QcWindow(QDialog):
    def __init__(
        self, db: Database, settings: SettingsStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quality control"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 1100, 720)
        enter_presses(self)  # Enter in a field drew a sample
        self.page = QcPage(db, settings, self)
        self.status = QLabel()
        self.status.setObjectName("qcStatus")
        self.page.status.connect(self.status.setText)
        # A sweep still running stops with the window (what it found is not needed any more).
        self.finished.connect(lambda _result: self.page.sweep_tab.runner.stop())
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.status)
