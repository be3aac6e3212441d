"""培训计划 on the 培训 page: a trainee's steps with their rules, progress, due dates and the
mentor's sign-off; the mentor's record of all their trainees."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.permissions import Action
from branchdesk.training import plan
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import ensure_owner, run_in_transaction
from branchdesk.ui.kit.tables import read_only_table

STATUS_COLOURS = {
    plan.PASSED: "#1b7f3b",
    plan.MET: "#1a5fb4",
    plan.REOPENED: "#b35c00",
}


class StepsModel(RowsModel[plan.StepState]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Stage", lambda s: plan.stage_label(s.stage)),
                Column("Due by", lambda s: s.due.isoformat()),
                Column("Step", lambda s: s.title),
                Column("Progress", lambda s: s.progress),
                Column("Status", lambda s: plan.status_label(s.status)),
                Column("Signed off by", lambda s: s.signed_by),
            ]
        )
        self.today = date.today()

    def extra_data(self, row: plan.StepState, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.is_overdue(self.today):
                return QBrush(QColor("#c62828"))
            colour = STATUS_COLOURS.get(row.status)
            return QBrush(QColor(colour)) if colour else None
        return None


class PlanTab(QWidget):
    status = Signal(str)
    changed = Signal()

    def __init__(
        self,
        db: Database,
        current_agent: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.current_agent = current_agent
        self.record: plan.TraineeRecord | None = None
        self.trainee = QComboBox()
        self.trainee.setObjectName("planTrainee")
        self.trainee.setMinimumWidth(120)
        self.trainee.currentIndexChanged.connect(self.show_record)
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("Trainee and mentor…"))
        self.enrol_button.setObjectName("enrolTrainee")
        self.enrol_button.clicked.connect(self.enrol)
        self.sign_button = QPushButton(self.tr("Sign off the step"))
        self.sign_button.setObjectName("signOffStep")
        self.sign_button.clicked.connect(self.sign_off)
        self.add_step_button = QPushButton(self.tr("Add step…"))
        self.add_step_button.setObjectName("addPlanStep")
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button = QPushButton(self.tr("Remove step"))
        self.remove_step_button.setObjectName("removePlanStep")
        self.remove_step_button.clicked.connect(self.remove_step)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Trainee:")))
        top.addWidget(self.trainee)
        top.addWidget(self.summary, 1)
        top.addWidget(self.enrol_button)
        self.model = StepsModel()
        self.table = read_only_table(self.model, single=True, stretch=2)
        self.table.setObjectName("planSteps")
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.mentor = QLabel()
        self.mentor.setObjectName("mentorRecord")
        self.mentor.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.rule, 1)
        bottom.addWidget(self.add_step_button)
        bottom.addWidget(self.remove_step_button)
        bottom.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.mentor)

    def reload(self) -> None:
        from branchdesk.training.drills import sync_cards

        with self.db.session() as session:
            sync_cards(session)  # a table changed since: its steps reopen below
            reopened = plan.reopen_changed(session)
            found = plan.trainees(session)
        if reopened:
            self.status.emit(
                self.tr("{count} passed step(s) reopened: their source changed.").format(
                    count=reopened
                )
            )
        held = self.trainee.currentData()
        self.trainee.blockSignals(True)
        self.trainee.clear()
        for t in found:
            self.trainee.addItem(t.name, t.agent_id)
        self.trainee.setCurrentIndex(max(self.trainee.findData(held), 0) if found else -1)
        self.trainee.blockSignals(False)
        self.show_record()

    def trainee_id(self) -> int | None:
        value = self.trainee.currentData()
        return int(value) if value is not None else None

    def show_record(self) -> None:
        agent = self.trainee_id()
        if agent is None:
            self.model.set_rows([])
            self.summary.setText(
                self.tr("Nobody is on the plan yet: add a new hire and their mentor.")
            )
            self.mentor.setText("")
            self.sign_button.setEnabled(False)
            self.record = None
            return
        with self.db.session() as session:
            record = plan.record(session, agent)
            mentored = (
                plan.mentor_record(session, record.trainee.mentor_id)
                if record.trainee.mentor_id is not None
                else []
            )
        self.record = record
        self.model.set_rows(record.steps)
        today = date.today()
        self.summary.setText(
            self.tr(
                "Mentor: {mentor} · started {start} · {passed} of {steps} step(s) passed · "
                "{overdue} overdue"
            ).format(
                mentor=record.trainee.mentor or self.tr("none yet"),
                start=record.trainee.started_on.isoformat(),
                passed=record.passed,
                steps=len(record.steps),
                overdue=record.overdue(today),
            )
        )
        if mentored:
            self.mentor.setText(
                self.tr("{mentor}'s trainees: {list}").format(
                    mentor=record.trainee.mentor,
                    list="；".join(
                        self.tr("{name} {passed}/{steps} passed, {overdue} overdue").format(
                            name=r.trainee.name,
                            passed=r.passed,
                            steps=len(r.steps),
                            overdue=r.overdue(today),
                        )
                        for r in mentored
                    ),
                )
            )
        else:
            self.mentor.setText("")
        self._selected()

    def _step(self) -> plan.StepState | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self, *_args: object) -> None:
        step = self._step()
        if step is None:
            self.rule.setText(self.tr("Select a step to see its rule and sign it off."))
            self.sign_button.setEnabled(False)
            self.remove_step_button.setEnabled(False)
            return
        self.remove_step_button.setEnabled(True)
        with self.db.read_session() as session:
            items = {i.id: i for i in plan.plan_items(session)}
        item = items.get(step.item_id)
        self.rule.setText(
            self.tr("Pass rule: {rule}. Prepares for: {jobs}.").format(
                rule=plan.rule_text(item) if item else "",
                jobs="、".join(plan.job_label(j) for j in step.jobs) or "—",
            )
        )
        self.sign_button.setEnabled(step.status != plan.PASSED)

    def sign_off(self) -> None:
        """The trainee's mentor signs (as the agent at this PC); anyone else needs the owner."""
        from branchdesk.permissions import actor
        from branchdesk.team.agents import get_agent

        step, agent, record = self._step(), self.trainee_id(), self.record
        if step is None or agent is None or record is None:
            return
        at_pc = self.current_agent()
        if at_pc is not None and at_pc == record.trainee.mentor_id:
            by = record.trainee.mentor
        else:
            if not ensure_owner(self, self.db, Action.MANAGE_TRAINING):
                return
            by = actor() or self.tr("Owner")
            if at_pc is not None:
                with self.db.read_session() as session:
                    by = get_agent(session, at_pc).name
        try:
            with self.db.session() as session:
                done = plan.sign_off(session, agent, step.item_id, by)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Sign off"), str(exc))
            return
        self.status.emit(self.tr("“{title}” signed off by {by}.").format(title=done.title, by=by))
        self.show_record()
        self.changed.emit()

    def add_step(self) -> None:
        """A step added to the plan template, for every trainee (an owner action)."""
        from branchdesk.ui.training.step_dialog import StepDialog

        if not ensure_owner(self, self.db, Action.MANAGE_TRAINING):
            return
        spec, ok = StepDialog.ask(self)
        if not ok or spec is None:
            return
        if run_in_transaction(
            self, self.db, lambda s: plan.add_item(s, spec), self.tr("Add a plan step")
        ):
            self.show_record()
            self.changed.emit()

    def remove_step(self) -> None:
        step = self._step()
        if step is None or not ensure_owner(self, self.db, Action.MANAGE_TRAINING):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove step"),
            self.tr(
                "Remove “{title}” from the plan of every trainee? Their sign-offs of it go too."
            ).format(title=step.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_in_transaction(
            self, self.db, lambda s: plan.remove_item(s, step.item_id), self.tr("Remove step")
        )
        self.show_record()
        self.changed.emit()

    def enrol(self) -> None:
        from branchdesk.team.agents import list_agents
        from branchdesk.ui.training.enrol_dialog import EnrolDialog

        if not ensure_owner(self, self.db, Action.MANAGE_TRAINING):
            return
        with self.db.read_session() as session:
            agents = list_agents(session)
        if len(agents) < 1:
            QMessageBox.information(
                self,
                self.tr("Trainee and mentor"),
                self.tr("Add the team first (团队 › 团队与考勤)."),
            )
            return
        values, ok = EnrolDialog.ask(agents, self.trainee_id(), self)
        if not ok or values is None:
            return
        trainee, mentor, started = values
        done = run_in_transaction(
            self,
            self.db,
            lambda s: plan.enrol(s, trainee, mentor, started),
            self.tr("Trainee and mentor"),
        )
        if done is None:
            return
        self.reload()
        self.trainee.setCurrentIndex(self.trainee.findData(trainee))
        self.changed.emit()
