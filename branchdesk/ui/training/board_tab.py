"""上岗准备 on the 培训 page: for the owner, who is ready for which job (an agent not on the
plan is an experienced one), with their mentor, steps passed and steps overdue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from branchdesk.db.engine import Database
from branchdesk.i18n import tr
from branchdesk.training import plan
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.tables import read_only_table

READY, NOT_YET = "✓", "—"


def _mark(job: str) -> Column[plan.ReadinessRow]:
    def value(row: plan.ReadinessRow) -> str:
        return READY if row.ready.get(job) else NOT_YET

    return Column(plan.job_label(job), value)


class BoardModel(RowsModel[plan.ReadinessRow]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r.name),
                Column("Mentor", lambda r: r.mentor),
                Column(
                    "Plan",
                    lambda r: f"{r.passed}/{r.steps}" if r.on_plan else _experienced(),
                ),
                Column("Steps overdue", lambda r: r.overdue if r.on_plan else "", align_right=True),
                *(_mark(job) for job in plan.JOBS),
            ]
        )

    def extra_data(self, row: plan.ReadinessRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column >= 4:
            job = plan.JOBS[column - 4]
            return QBrush(QColor("#1b7f3b" if row.ready.get(job) else "#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 4:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _experienced() -> str:
    return tr("not on the plan")


class BoardTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = BoardModel()
        self.table = read_only_table(self.model)
        self.table.setObjectName("readinessBoard")
        note = QLabel(
            self.tr(
                "Ready (✓) for a job once every plan step that prepares for it is passed and "
                "signed off by the mentor. Agents not on the plan count as experienced."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def reload(self) -> None:
        with self.db.session() as session:
            plan.reopen_changed(session)  # a changed handbook or guide: not ready any more
            rows = plan.readiness(session)
        self.model.set_rows(rows)

    def row_of(self, name: str) -> plan.ReadinessRow | None:
        return next((r for r in self.model.rows if r.name == name), None)
