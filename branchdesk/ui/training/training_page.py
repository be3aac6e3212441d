"""培训: the drill (练习), the new-hire plan (培训计划) and the readiness board (上岗准备)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from branchdesk.db.engine import Database
from branchdesk.ui.training.drill_tab import DrillTab


class TrainingPage(QWidget):
    status = Signal(str)

    def __init__(
        self, db: Database, current_agent: Callable[[], int | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget()
        self.drill = DrillTab(db, current_agent)
        self.drill.status.connect(self.status)
        self.tabs.addTab(self.drill, self.tr("Drill"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def reload(self) -> None:
        self.drill.reload()
