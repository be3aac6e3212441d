"""A step of the new-hire plan: stage, week, title, pass rule and the jobs it prepares for."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchdesk.training import plan
from branchdesk.training.cards import DECKS, deck_label


class StepDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a plan step"))
        self.stage = QComboBox()
        for stage in plan.STAGES:
            self.stage.addItem(plan.stage_label(stage), stage)
        self.week = QSpinBox()
        self.week.setRange(1, 26)
        self.title = QLineEdit()
        self.title.setObjectName("stepTitle")
        self.title.setMaxLength(120)
        self.title.setPlaceholderText(self.tr("e.g. 派件区域表 背熟"))
        self.rule = QComboBox()
        self.rule.setObjectName("stepRule")
        for rule, text in (
            ("drill", self.tr("Drill mastery of a table")),
            ("exam", self.tr("Handbook exam score")),
            ("guide", self.tr("Guide read, checklist done")),
            ("complaints", self.tr("Complaints handled under the mentor")),
            ("signoff", self.tr("The mentor's sign-off")),
        ):
            self.rule.addItem(text, rule)
        self.table = QComboBox()
        for deck in DECKS:
            self.table.addItem(deck_label(deck), deck)
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setValue(80)
        self.jobs: dict[str, QCheckBox] = {}
        jobs = QHBoxLayout()
        for job in plan.JOBS:
            box = QCheckBox(plan.job_label(job))
            self.jobs[job] = box
            jobs.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("Stage:"), self.stage)
        form.addRow(self.tr("Due in week:"), self.week)
        form.addRow(self.tr("Step:"), self.title)
        form.addRow(self.tr("Pass rule:"), self.rule)
        form.addRow(self.tr("Table (drill):"), self.table)
        form.addRow(self.tr("Pass mark (% / points / complaints):"), self.threshold)
        form.addRow(self.tr("Prepares for:"), jobs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()

    def _rule_changed(self) -> None:
        rule = self.rule.currentData()
        self.table.setEnabled(rule == "drill")
        self.threshold.setEnabled(rule in ("drill", "exam", "complaints"))
        self.threshold.setValue({"drill": 80, "exam": 80, "complaints": 10}.get(rule, 0))

    def spec(self) -> plan.ItemSpec:
        rule = str(self.rule.currentData())
        return plan.ItemSpec(
            str(self.stage.currentData()),
            self.week.value(),
            self.title.text(),
            rule,
            str(self.table.currentData()) if rule == "drill" else "",
            self.threshold.value(),
            tuple(job for job, box in self.jobs.items() if box.isChecked()),
        )

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[plan.ItemSpec | None, bool]:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        return dialog.spec(), True
