"""Put a new hire on the training plan with a mentor (or change the mentor): an owner action."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from branchdesk.team.agents import AgentInfo


class EnrolDialog(QDialog):
    def __init__(
        self, agents: list[AgentInfo], trainee_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trainee and mentor"))
        self.trainee = QComboBox()
        self.trainee.setObjectName("enrolTrainee")
        self.mentor = QComboBox()
        self.mentor.setObjectName("enrolMentor")
        self.mentor.addItem(self.tr("(no mentor yet)"), None)
        newest = max(agents, key=lambda a: a.started_on) if agents else None
        for agent in agents:
            self.trainee.addItem(agent.name, agent.id)
            self.mentor.addItem(agent.name, agent.id)
        chosen = trainee_id if trainee_id is not None else (newest.id if newest else None)
        self.trainee.setCurrentIndex(max(self.trainee.findData(chosen), 0))
        self.started = QDateEdit()
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd")
        first = next((a for a in agents if a.id == chosen), None)
        start = first.started_on if first else date.today()
        self.started.setDate(QDate(start.year, start.month, start.day))
        form = QFormLayout()
        form.addRow(self.tr("New hire:"), self.trainee)
        form.addRow(self.tr("Mentor (带教师傅):"), self.mentor)
        form.addRow(self.tr("Started on:"), self.started)
        note = QLabel(
            self.tr(
                "The mentor signs each step off; their own results count with the new hire's. "
                "Steps fall due week by week from the start date."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> tuple[int, int | None, date]:
        mentor = self.mentor.currentData()
        return (
            int(self.trainee.currentData()),
            int(mentor) if mentor is not None else None,
            self.started.date().toPython(),  # type: ignore[return-value]
        )

    @classmethod
    def ask(
        cls, agents: list[AgentInfo], trainee_id: int | None, parent: QWidget | None = None
    ) -> tuple[tuple[int, int | None, date] | None, bool]:
        dialog = cls(agents, trainee_id, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        return dialog.values(), True
