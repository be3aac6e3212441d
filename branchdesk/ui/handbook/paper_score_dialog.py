"""登记纸质考卷成绩: the score of a printed exam paper, marked by hand, into the results history,
where the new hire's training plan ("handbook exam ≥ 80 points") finds it like an exam taken
on screen."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.handbook import service
from branchdesk.handbook.entries import ResultRow
from branchdesk.ui.kit.screens import fit_to_screen

PAPER = "paper"  # the mode saved with a hand-marked paper's score


class PaperScoreDialog(QDialog):
    def __init__(
        self, db: Database, names: list[str], name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.saved: ResultRow | None = None
        self.setWindowTitle(self.tr("Record a paper exam's score"))
        self.employee = QComboBox()
        self.employee.setEditable(True)
        self.employee.addItems(names)
        self.employee.setCurrentText(name)
        self.paper = QSpinBox()
        self.paper.setRange(0, 999_999)
        self.paper.setSpecialValueText(self.tr("(not written on it)"))
        self.score = QSpinBox()
        self.score.setRange(0, 100)
        self.score.setSuffix(self.tr(" points"))
        self.taken = QDateTimeEdit(QDateTime.currentDateTime())
        self.taken.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.taken.setCalendarPopup(True)
        note = QLabel(
            self.tr(
                "The paper printed under 处罚手册 › 打印 › 新人考卷, marked by hand out of 100. "
                "It goes into the results history and counts for the training plan."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Name"), self.employee)
        form.addRow(self.tr("Paper no."), self.paper)
        form.addRow(self.tr("Score"), self.score)
        form.addRow(self.tr("Taken"), self.taken)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self, 460, 300)

    def accept(self) -> None:
        taken: datetime = self.taken.dateTime().toPython()  # type: ignore[assignment]
        row = ResultRow(
            employee=self.employee.currentText(),
            taken_at=taken.replace(second=0, microsecond=0),
            mode=PAPER,
            score=self.score.value(),
            total=100,
            seed=self.paper.value() or None,
        )
        try:
            with self.db.session() as session:
                self.saved = service.save_result(session, row)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        super().accept()
