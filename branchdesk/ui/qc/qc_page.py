"""The quality-control page: the day's sample per agent (banned-phrase items first, marked),
scoring, coaching and its follow-ups, the good-handling library, the fairness view,
calibration and the banned-phrase sweep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.qc import coaching, good, scorecard, sweep
from branchdesk.qc.coaching import CoachingRow
from branchdesk.qc.good import GoodExample
from branchdesk.qc.sampling import (
    AgentShare,
    DaySample,
    SampleItemRow,
    day_sample,
    draw_sample,
    reason_label,
)
from branchdesk.qc.scorecard import Calibration, SectionDifference
from branchdesk.qc.service import month_bounds
from branchdesk.qc.sweep import SweepHit, SweepResult
from branchdesk.settings import SettingsStore, branch_value
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.kit.tasks import TaskRunner
from branchdesk.ui.kit.workers import ProgressFn
from branchdesk.ui.qc.coaching_dialog import CoachingDialog
from branchdesk.ui.qc.common import BANNED_BG, GOOD_BG, marked_html, reviewer_name
from branchdesk.ui.qc.score_dialog import ScoreDialog
from branchdesk.ui.qc.scorecard_dialog import ScorecardDialog

DUE_BG = "#fff4ce"


@dataclass(frozen=True)
class AgentLine:
    share: AgentShare
    average: float | None
    scored: int


@dataclass(frozen=True)
class ItemLine:
    item: SampleItemRow
    total: float | None
    good: bool


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


class AgentsModel(RowsModel[AgentLine]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r.share.name),
                Column("Drawn", lambda r: f"{r.share.drawn}/{r.share.quota}", align_right=True),
                Column("Scored", lambda r: r.scored, align_right=True),
                Column("Day score", lambda r: _score(r.average), align_right=True),
            ]
        )
        self.pass_mark = 80

    def extra_data(self, row: AgentLine, column: int, role: int) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and row.average is not None
            and row.average < self.pass_mark
        ):
            return QBrush(QColor("#b00020"))
        return None


class ItemsModel(RowsModel[ItemLine]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Drawn as", lambda r: reason_label(r.item.reason)),
                Column("Banned phrases", lambda r: "、".join(r.item.phrases)),
                Column("Time", lambda r: r.item.handled_at.strftime("%H:%M")),
                Column("Item", lambda r: r.item.title),
                Column("Score", lambda r: _score(r.total), align_right=True),
                Column("Good", lambda r: "★" if r.good else ""),
            ]
        )

    def extra_data(self, row: ItemLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.item.phrases:
                return QBrush(QColor(BANNED_BG))
            if row.good:
                return QBrush(QColor(GOOD_BG))
        return None


class FairnessModel(RowsModel[AgentShare]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r.name),
                Column("Rule used", lambda r: reason_label(r.reason)),
                Column("Quota", lambda r: r.quota, align_right=True),
                Column("Handled", lambda r: r.handled, align_right=True),
                Column("With a banned phrase", lambda r: r.banned, align_right=True),
                Column("Drawn", lambda r: r.drawn, align_right=True),
                Column("Share checked", lambda r: f"{r.share:.0%}", align_right=True),
            ]
        )


class CoachingModel(RowsModel[CoachingRow]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r.agent_name),
                Column("Follow-up", lambda r: r.follow_up_on.isoformat()),
                Column("Status", lambda r: _coaching_status(r)),
                Column("What went well", lambda r: r.went_well),
                Column("The problem", lambda r: r.problem),
                Column("Agreed direction", lambda r: r.direction),
            ]
        )
        self.today = date.today()

    def extra_data(self, row: CoachingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.due(self.today):
            return QBrush(QColor(DUE_BG))
        if role == Qt.ItemDataRole.ForegroundRole and not row.is_open:
            return QBrush(QColor("#888888"))
        return None


def _coaching_status(row: CoachingRow) -> str:
    from branchdesk.i18n import tr

    if not row.is_open:
        return tr("Closed")
    if row.acknowledged_at is None:
        return tr("Open, not yet acknowledged")
    return tr("Open, acknowledged")


class GoodModel(RowsModel[GoodExample]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Agent", lambda r: r.agent_name),
                Column("Item", lambda r: r.title),
                Column("Why it is good", lambda r: r.note),
                Column("Marked by", lambda r: r.marked_by),
                Column("Marked on", lambda r: r.marked_at.strftime("%Y-%m-%d")),
            ]
        )


class CalibrationModel(RowsModel[Calibration]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Item", lambda r: r.title),
                Column("First reviewer", lambda r: f"{r.first_reviewer} {r.first_total:.1f}"),
                Column("Second reviewer", lambda r: f"{r.second_reviewer} {r.second_total:.1f}"),
                Column("Difference", lambda r: f"{r.difference:+.1f}", align_right=True),
            ]
        )


class SectionsModel(RowsModel[SectionDifference]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Section", lambda r: r.section),
                Column("First", lambda r: f"{r.first:.1f}", align_right=True),
                Column("Second", lambda r: f"{r.second:.1f}", align_right=True),
                Column("Difference", lambda r: f"{r.difference:+.1f}", align_right=True),
            ]
        )

    def extra_data(self, row: SectionDifference, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and abs(row.difference) >= 10:
            return QBrush(QColor(DUE_BG))
        return None


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


def _day_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day_of(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


class QcPage(QWidget):
    status = Signal(str)

    TAB_SAMPLE, TAB_FAIRNESS, TAB_COACHING, TAB_GOOD, TAB_CALIBRATION, TAB_SWEEP = range(6)

    def __init__(
        self, db: Database, settings: SettingsStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings or SettingsStore()
        self.sample: DaySample | None = None

        yesterday = date.today() - timedelta(days=1)
        self.day = _day_edit(yesterday)
        self.day.setObjectName("qcDay")
        self.day.setMaximumDate(QDate(yesterday))
        self.day.dateChanged.connect(lambda _d: self.load_day())
        self.draw_button = QPushButton(self.tr("Draw the sample"))
        self.draw_button.setObjectName("drawSample")
        self.draw_button.clicked.connect(self.draw)
        card_button = QPushButton(self.tr("Scorecard…"))
        card_button.clicked.connect(self.edit_scorecard)
        self.summary = QLabel()
        self.summary.setObjectName("sampleSummary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Working day")))
        top.addWidget(self.day)
        top.addWidget(self.draw_button)
        top.addWidget(self.summary, 1)
        top.addWidget(card_button)
        self.follow_up_banner = QLabel()
        self.follow_up_banner.setObjectName("followUpBanner")
        self.follow_up_banner.setWordWrap(True)
        self.follow_up_banner.setStyleSheet(f"background: {DUE_BG}; padding: 4px;")

        self.tabs = QTabWidget()
        self.tabs.addTab(self._sample_tab(), self.tr("Sample"))
        self.tabs.addTab(self._fairness_tab(), self.tr("Fairness"))
        self.tabs.addTab(self._coaching_tab(), self.tr("Coaching"))
        self.tabs.addTab(self._good_tab(), self.tr("Good handling"))
        self.tabs.addTab(self._calibration_tab(), self.tr("Calibration"))
        self.tabs.addTab(self._sweep_tab(), self.tr("Banned-phrase sweep"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.follow_up_banner)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # --- building the tabs ----------------------------------------------------------------
    def _sample_tab(self) -> QWidget:
        self.agents_model = AgentsModel()
        self.agents_view = read_only_table(self.agents_model, single=True)
        self.agents_view.setObjectName("qcAgents")
        self.agents_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_items())
        self.items_model = ItemsModel()
        self.items_view = read_only_table(self.items_model, single=True)
        self.items_view.setObjectName("qcItems")
        self.items_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_item())
        self.items_view.doubleClicked.connect(lambda _i: self.score())
        self.item_text = QTextBrowser()
        self.item_text.setObjectName("qcItemText")
        self.score_button = QPushButton(self.tr("Score…"))
        self.score_button.setObjectName("scoreItem")
        self.score_button.clicked.connect(self.score)
        self.coach_button = QPushButton(self.tr("Coaching…"))
        self.coach_button.setObjectName("coachItem")
        self.coach_button.clicked.connect(self.coach)
        self.good_button = QPushButton(self.tr("Mark as good handling…"))
        self.good_button.setObjectName("markGood")
        self.good_button.clicked.connect(self.mark_good)
        buttons = QHBoxLayout()
        for button in (self.score_button, self.coach_button, self.good_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.items_view, 3)
        rl.addWidget(self.item_text, 2)
        rl.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.agents_view)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 700])
        return split

    def _fairness_tab(self) -> QWidget:
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ruleLabel")
        self.rule_label.setWordWrap(True)
        self.fairness_model = FairnessModel()
        self.fairness_view = read_only_table(self.fairness_model)
        self.unmatched_label = QLabel()
        self.unmatched_label.setObjectName("unmatchedLabel")
        self.unmatched_label.setWordWrap(True)
        self.unmatched_label.setStyleSheet("color: #b35900;")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.fairness_view, 1)
        layout.addWidget(self.unmatched_label)
        return page

    def _coaching_tab(self) -> QWidget:
        self.coaching_model = CoachingModel()
        self.coaching_view = read_only_table(self.coaching_model, single=True, fit_columns=False)
        self.coaching_view.setObjectName("qcCoaching")
        self.coaching_view.setColumnWidth(0, 90)
        self.coaching_view.setColumnWidth(1, 95)
        self.coaching_view.setColumnWidth(2, 150)
        self.coaching_view.setColumnWidth(3, 160)
        self.coaching_view.setColumnWidth(4, 160)
        ack = QPushButton(self.tr("Agent acknowledges…"))
        ack.setObjectName("acknowledge")
        ack.clicked.connect(self.acknowledge)
        close = QPushButton(self.tr("Close after the follow-up…"))
        close.setObjectName("closeCoaching")
        close.clicked.connect(self.close_coaching)
        buttons = QHBoxLayout()
        buttons.addWidget(ack)
        buttons.addWidget(close)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.coaching_view, 1)
        layout.addLayout(buttons)
        return page

    def _good_tab(self) -> QWidget:
        self.good_search = QLineEdit()
        self.good_search.setObjectName("goodSearch")
        self.good_search.setPlaceholderText(
            self.tr("Search: words of the reply, the note or a name")
        )
        self.good_search.setClearButtonEnabled(True)
        self.good_search.textChanged.connect(lambda _t: self.load_good())
        self.good_model = GoodModel()
        self.good_view = read_only_table(self.good_model, single=True)
        self.good_view.setObjectName("qcGood")
        self.good_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_good())
        self.good_text = QTextBrowser()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.good_search)
        layout.addWidget(self.good_view, 2)
        layout.addWidget(self.good_text, 1)
        return page

    def _calibration_tab(self) -> QWidget:
        self.calibration_label = QLabel()
        self.calibration_label.setWordWrap(True)
        self.calibration_model = CalibrationModel()
        self.calibration_view = read_only_table(self.calibration_model, single=True)
        self.calibration_view.setObjectName("qcCalibration")
        self.calibration_view.selectionModel().currentRowChanged.connect(
            lambda *_: self.show_calibration()
        )
        self.sections_model = SectionsModel()
        self.sections_view = read_only_table(self.sections_model)
        self.sections_view.setObjectName("qcCalibrationSections")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.calibration_label)
        layout.addWidget(self.calibration_view, 2)
        layout.addWidget(self.sections_view, 1)
        return page

    def _sweep_tab(self) -> QWidget:
        today = date.today()
        self.sweep_from = _day_edit(today.replace(day=1))
        self.sweep_to = _day_edit(today)
        self.sweep_button = QPushButton(self.tr("Check"))
        self.sweep_button.setObjectName("runSweep")
        self.sweep_button.clicked.connect(self.run_sweep)
        self.sweep_label = QLabel()
        self.sweep_label.setObjectName("sweepLabel")
        self.sweep_progress = QProgressBar()
        self.sweep_progress.setMaximumWidth(160)
        self.sweep_progress.setTextVisible(False)
        sweep_cancel = QPushButton(self.tr("Cancel"))
        self.sweep_runner = TaskRunner(
            self, progress=self.sweep_progress, cancel_button=sweep_cancel, status=self.sweep_label
        )
        self.sweep_runner.idle.connect(lambda: self.sweep_button.setEnabled(True))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.sweep_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.sweep_to)
        row.addWidget(self.sweep_button)
        row.addWidget(self.sweep_progress)
        row.addWidget(sweep_cancel)
        row.addWidget(self.sweep_label, 1)
        self.sweep_agents_model = SweepAgentsModel()
        self.sweep_agents_view = read_only_table(self.sweep_agents_model)
        self.sweep_hits_model = SweepHitsModel()
        self.sweep_hits_view = read_only_table(self.sweep_hits_model, single=True)
        self.sweep_hits_view.setObjectName("qcSweepHits")
        self.sweep_hits_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_hit())
        self.sweep_text = QTextBrowser()
        split = QSplitter()
        split.addWidget(self.sweep_agents_view)
        split.addWidget(self.sweep_hits_view)
        split.setStretchFactor(1, 3)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(split, 2)
        layout.addWidget(self.sweep_text, 1)
        return page

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self.load_day()
        self.load_coaching()
        self.load_good()

    def selected_day(self) -> date:
        return _day_of(self.day)

    def load_day(self) -> None:
        day = self.selected_day()
        with self.db.read_session() as session:
            self.sample = day_sample(session, day)
            ids = [i.id for i in self.sample.items] if self.sample else []
            totals = scorecard.item_totals(session, ids)
            goods = good.good_item_ids(session, ids)
            days = scorecard.agent_days(session, day)
            start, end = month_bounds(day.strftime("%Y-%m"))
            calibrations = scorecard.calibrations(session, start, end)
        self.draw_button.setEnabled(self.sample is None)
        sample = self.sample
        pass_mark = int(branch_value("qc_pass_mark"))
        self.agents_model.pass_mark = pass_mark
        if sample is None:
            self.summary.setText(
                self.tr("The sample of {day} has not been drawn yet.").format(day=day.isoformat())
            )
            self.rule_label.setText("")
            self.unmatched_label.setText("")
            self.agents_model.set_rows([])
            self.fairness_model.set_rows([])
            self.item_lines: list[ItemLine] = []
        else:
            self.summary.setText(
                self.tr("{agents} agent(s), {items} item(s) to check; pass mark {mark}.").format(
                    agents=len(sample.agents), items=len(sample.items), mark=pass_mark
                )
            )
            drawn = sample.drawn_at.strftime("%Y-%m-%d %H:%M") if sample.drawn_at else ""
            self.rule_label.setText(
                self.tr(
                    "The same rule for everyone: {rule}\nDrawn {when} by {who} with seed {seed}: "
                    "the same seed draws the same items again."
                ).format(
                    rule=sample.rule.describe(),
                    when=drawn,
                    who=sample.drawn_by or "—",
                    seed=sample.seed,
                )
            )
            self.unmatched_label.setText(
                self.tr(
                    "Names in the complaint history that no agent of the team has: {names}. "
                    "Add them to the team (or correct the name) to check their work."
                ).format(names="、".join(sample.unmatched))
                if sample.unmatched
                else ""
            )
            self.agents_model.set_rows(
                [
                    AgentLine(
                        a,
                        days[a.agent_id].average if a.agent_id in days else None,
                        days[a.agent_id].scored if a.agent_id in days else 0,
                    )
                    for a in sample.agents
                ]
            )
            self.fairness_model.set_rows(sample.agents)
            self.item_lines = [ItemLine(i, totals.get(i.id), i.id in goods) for i in sample.items]
        self.calibration_label.setText(
            self.tr(
                "Items of {month} scored by two reviewers: the difference per section shows "
                "where the reviewers read the card differently."
            ).format(month=day.strftime("%Y-%m"))
        )
        self.calibration_model.set_rows(calibrations)
        self.sections_model.set_rows([])
        if self.agents_model.rowCount():
            # The first agent with something to check (one who only signed in has nothing).
            busy = [n for n, line in enumerate(self.agents_model.rows) if line.share.drawn]
            self.agents_view.selectRow(busy[0] if busy else 0)
        self.show_items()

    def current_agent(self) -> AgentLine | None:
        index = self.agents_view.currentIndex()
        return self.agents_model.row_at(index.row()) if index.isValid() else None

    def show_items(self) -> None:
        agent = self.current_agent()
        rows = [
            line
            for line in getattr(self, "item_lines", [])
            if agent is not None and line.item.agent_id == agent.share.agent_id
        ]
        self.items_model.set_rows(rows)
        if rows:
            self.items_view.selectRow(0)
        self.show_item()

    def current_item(self) -> ItemLine | None:
        index = self.items_view.currentIndex()
        return self.items_model.row_at(index.row()) if index.isValid() else None

    def show_item(self) -> None:
        line = self.current_item()
        for button in (self.score_button, self.good_button):
            button.setEnabled(line is not None)
        self.coach_button.setEnabled(self.current_agent() is not None)
        self.item_text.setHtml(marked_html(line.item.text, line.item.phrases) if line else "")

    def load_coaching(self) -> None:
        with self.db.read_session() as session:
            rows = coaching.coaching_list(session)
        self.coaching_model.today = date.today()
        self.coaching_model.set_rows(rows)
        due = [r for r in rows if r.due(date.today())]
        self.follow_up_banner.setText(
            self.tr("Coaching follow-ups due: {list}").format(
                list="；".join(f"{r.agent_name} ({r.follow_up_on:%m-%d})" for r in due)
            )
            if due
            else ""
        )
        self.follow_up_banner.setVisible(bool(due))

    def load_good(self) -> None:
        with self.db.read_session() as session:
            rows = good.good_examples(session, self.good_search.text())
        self.good_model.set_rows(rows)
        self.show_good()

    def show_good(self) -> None:
        index = self.good_view.currentIndex()
        if not index.isValid():
            self.good_text.setHtml("")
            return
        example = self.good_model.row_at(index.row())
        self.good_text.setHtml(marked_html(f"{example.text}\n\n★ {example.note}", ()))

    def show_calibration(self) -> None:
        index = self.calibration_view.currentIndex()
        self.sections_model.set_rows(
            self.calibration_model.row_at(index.row()).sections if index.isValid() else []
        )

    # --- actions --------------------------------------------------------------------------
    def draw(self) -> None:
        day = self.selected_day()
        sample = run_in_transaction(
            self, self.db, lambda s: draw_sample(s, day), self.tr("Draw the sample")
        )
        if sample is None:
            return
        if not sample.agents:
            QMessageBox.information(
                self,
                self.tr("Draw the sample"),
                self.tr("Nobody worked on {day}: there is nothing to check.").format(
                    day=day.isoformat()
                ),
            )
            return
        self.status.emit(
            self.tr("Sample of {day} drawn: {items} item(s).").format(
                day=day.isoformat(), items=len(sample.items)
            )
        )
        self.load_day()

    def score(self) -> None:
        line = self.current_item()
        if line is None:
            return
        dialog = ScoreDialog(self.db, line.item, reviewer_name(self.settings), self)
        if dialog.exec() and dialog.saved is not None:
            self.status.emit(
                self.tr("Scored {title}: {total} points.").format(
                    title=line.item.title, total=f"{dialog.saved.total:.1f}"
                )
            )
            row = self.items_view.currentIndex().row()
            agent_row = self.agents_view.currentIndex().row()
            self.load_day()
            self.agents_view.selectRow(agent_row)
            self.items_view.selectRow(row)

    def coach(self) -> None:
        agent = self.current_agent()
        if agent is None:
            return
        line = self.current_item()
        problem = ""
        if line is not None and line.item.phrases:
            problem = self.tr("Said “{phrases}” to a customer ({title}).").format(
                phrases="、".join(line.item.phrases), title=line.item.title
            )
        dialog = CoachingDialog(
            self.db,
            agent.share.agent_id,
            agent.share.name,
            line.item.id if line else None,
            problem,
            self,
            who=reviewer_name(self.settings),
        )
        if dialog.exec():
            self.load_coaching()
            self.tabs.setCurrentIndex(self.TAB_COACHING)

    def mark_good(self) -> None:
        line = self.current_item()
        if line is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Good handling"),
            self.tr("What makes it good (others will learn from it):"),
        )
        if not ok:
            return
        done = run_in_transaction(
            self,
            self.db,
            lambda s: good.mark_good(s, line.item.id, note, reviewer_name(self.settings)),
            self.tr("Good handling"),
        )
        if done is not None:
            row = self.items_view.currentIndex().row()
            agent_row = self.agents_view.currentIndex().row()
            self.load_day()
            self.agents_view.selectRow(agent_row)
            self.items_view.selectRow(row)
            self.load_good()

    def current_coaching(self) -> CoachingRow | None:
        index = self.coaching_view.currentIndex()
        return self.coaching_model.row_at(index.row()) if index.isValid() else None

    def acknowledge(self) -> None:
        row = self.current_coaching()
        if row is None:
            return
        words, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Agent acknowledges"),
            self.tr("{name} has read the record. Their own words (optional):").format(
                name=row.agent_name
            ),
        )
        if ok and run_in_transaction(
            self,
            self.db,
            lambda s: coaching.acknowledge(s, row.id, words),
            self.tr("Coaching"),
        ):
            self.load_coaching()

    def close_coaching(self) -> None:
        row = self.current_coaching()
        if row is None:
            return
        outcome, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Close the coaching record"),
            self.tr("What did the follow-up check find?"),
        )
        if ok and run_in_transaction(
            self,
            self.db,
            lambda s: coaching.close_coaching(s, row.id, outcome),
            self.tr("Coaching"),
        ):
            self.load_coaching()

    def edit_scorecard(self) -> None:
        if ScorecardDialog(self.db, self).exec():
            self.status.emit(self.tr("Scorecard saved."))
            self.load_day()

    def run_sweep(self) -> None:
        """Check the period's replies and notes off the UI thread (two years take a while)."""
        if self.sweep_runner.busy:
            return
        start = datetime.combine(_day_of(self.sweep_from), time())
        end = datetime.combine(_day_of(self.sweep_to), time()) + timedelta(days=1)
        db = self.db

        def work(progress: ProgressFn) -> SweepResult:
            with db.read_session() as session:
                return sweep.sweep(session, start, end, progress=progress)

        self.sweep_button.setEnabled(False)
        self.sweep_label.setText(self.tr("Checking…"))
        self.sweep_runner.start(work, self.show_sweep)

    def show_sweep(self, result: SweepResult) -> None:
        self.sweep_agents_model.set_rows(result.per_agent())
        self.sweep_hits_model.set_rows(result.hits)
        self.sweep_label.setText(
            self.tr("{hits} text(s) with a banned phrase among {checked} checked.").format(
                hits=len(result.hits), checked=result.checked
            )
        )
        self.sweep_text.setHtml("")

    def show_hit(self) -> None:
        index = self.sweep_hits_view.currentIndex()
        if index.isValid():
            hit = self.sweep_hits_model.row_at(index.row())
            self.sweep_text.setHtml(marked_html(hit.text, hit.phrases))
