"""A coaching record: what went well first, the problem, the agreed direction, a follow-up."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.qc import coaching
from branchdesk.qc.coaching import CoachingRow
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.screens import fit_to_screen


class CoachingDialog(QDialog):
    def __init__(
        self,
        db: Database,
        agent_id: int,
        agent_name: str,
        sample_item_id: int | None = None,
        problem: str = "",
        parent: QWidget | None = None,
        *,
        who: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.agent_id = agent_id
        self.sample_item_id = sample_item_id
        self.who = who
        self.saved: CoachingRow | None = None
        self.setWindowTitle(self.tr("Coaching: {name}").format(name=agent_name))
        fit_to_screen(self, 560, 460)
        hint = QLabel(
            self.tr(
                "Start with what went well, agree the direction together, and check again on "
                "the follow-up day: coaching is help, not fault-finding."
            )
        )
        hint.setWordWrap(True)
        self.went_well = QPlainTextEdit()
        self.went_well.setObjectName("wentWell")
        self.problem = QPlainTextEdit(problem)
        self.problem.setObjectName("problem")
        self.direction = QPlainTextEdit()
        self.direction.setObjectName("direction")
        for edit in (self.went_well, self.problem, self.direction):
            edit.setTabChangesFocus(True)
        week = date.today() + timedelta(days=7)
        self.follow_up = QDateEdit(QDate(week.year, week.month, week.day))
        self.follow_up.setObjectName("followUp")
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("yyyy-MM-dd")
        self.follow_up.setMinimumDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr("What went well"), self.went_well)
        form.addRow(self.tr("The problem"), self.problem)
        form.addRow(self.tr("Agreed direction"), self.direction)
        form.addRow(self.tr("Follow-up on"), self.follow_up)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        follow_up = self.follow_up.date().toPython()
        assert isinstance(follow_up, date)
        saved = run_in_transaction(
            self,
            self.db,
            lambda s: coaching.open_coaching(
                s,
                self.agent_id,
                went_well=self.went_well.toPlainText(),
                problem=self.problem.toPlainText(),
                direction=self.direction.toPlainText(),
                follow_up_on=follow_up,
                sample_item_id=self.sample_item_id,
                who=self.who,
            ),
            self.tr("Coaching"),
        )
        if saved is not None:
            self.saved = saved
            self.accept()
