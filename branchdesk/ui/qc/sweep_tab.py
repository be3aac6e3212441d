"""The banned-phrase sweep on the QC page: a period's replies and notes checked off the UI
thread, hits per agent and each hit with its phrases marked."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.qc import sweep
from branchdesk.qc.sweep import SweepHit, SweepResult
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.kit.tasks import TaskRunner
from branchdesk.ui.kit.workers import ProgressFn
from branchdesk.ui.qc.common import day_edit, day_of, marked_html


class SweepAgentsModel(RowsModel[tuple[str, int]]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r[0] or "—"),
                Column("Texts with a banned phrase", lambda r: r[1], align_right=True),
            ]
        )


class SweepHitsModel(RowsModel[SweepHit]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("When", lambda r: r.at.strftime("%Y-%m-%d %H:%M")),
                Column("Agent", lambda r: r.agent),
                Column("Item", lambda r: r.title),
                Column("Field", lambda r: sweep.field_label(r.field)),
                Column("Banned phrases", lambda r: "、".join(r.phrases)),
            ]
        )


class SweepTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        today = date.today()
        self.start = day_edit(today.replace(day=1))
        self.end = day_edit(today)
        self.button = QPushButton(self.tr("Check"))
        self.button.setObjectName("runSweep")
        self.button.clicked.connect(self.run)
        self.label = QLabel()
        self.label.setObjectName("sweepLabel")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        cancel = QPushButton(self.tr("Cancel"))
        self.runner = TaskRunner(
            self, progress=self.progress, cancel_button=cancel, status=self.label
        )
        self.runner.idle.connect(lambda: self.button.setEnabled(True))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addWidget(self.button)
        row.addWidget(self.progress)
        row.addWidget(cancel)
        row.addWidget(self.label, 1)
        self.agents_model = SweepAgentsModel()
        self.agents_view = read_only_table(self.agents_model)
        self.hits_model = SweepHitsModel()
        self.hits_view = read_only_table(self.hits_model, single=True)
        self.hits_view.setObjectName("qcSweepHits")
        self.hits_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_hit())
        self.text = QTextBrowser()
        split = QSplitter()
        split.addWidget(self.agents_view)
        split.addWidget(self.hits_view)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 2)
        layout.addWidget(self.text, 1)

    def run(self) -> None:
        """Check the period's replies and notes off the UI thread (two years take a while)."""
        if self.runner.busy:
            return
        start = datetime.combine(day_of(self.start), time())
        end = datetime.combine(day_of(self.end), time()) + timedelta(days=1)
        db = self.db

        def work(progress: ProgressFn) -> SweepResult:
            with db.read_session() as session:
                return sweep.sweep(session, start, end, progress=progress)

        self.button.setEnabled(False)
        self.label.setText(self.tr("Checking…"))
        self.runner.start(work, self.show_result)

    def show_result(self, result: SweepResult) -> None:
        self.agents_model.set_rows(result.per_agent())
        self.hits_model.set_rows(result.hits)
        self.label.setText(
            self.tr("{hits} text(s) with a banned phrase among {checked} checked.").format(
                hits=len(result.hits), checked=result.checked
            )
        )
        self.text.setHtml("")

    def show_hit(self) -> None:
        index = self.hits_view.currentIndex()
        if index.isValid():
            hit = self.hits_model.row_at(index.row())
            self.text.setHtml(marked_html(hit.text, hit.phrases))
