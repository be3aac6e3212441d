"""培训: the drill (练习), the new-hire plan (培训计划) and the readiness board (上岗准备)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from branchdesk.db.engine import Database
from branchdesk.ui.training.board_tab import BoardTab
from branchdesk.ui.training.drill_tab import DrillTab
from branchdesk.ui.training.plan_tab import PlanTab


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
        self.plan = PlanTab(db, current_agent)
        self.plan.status.connect(self.status)
        self.tabs.addTab(self.plan, self.tr("Training plan"))
        self.board = BoardTab(db)
        self.tabs.addTab(self.board, self.tr("Ready for work"))
        self.plan.changed.connect(self.board.reload)
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def reload(self) -> None:
        self.drill.reload()
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        # The plan and the board are read when shown: a drill or a sign-off changes them.
        if self.tabs.widget(index) is self.plan:
            self.plan.reload()
        elif self.tabs.widget(index) is self.board:
            self.board.reload()
