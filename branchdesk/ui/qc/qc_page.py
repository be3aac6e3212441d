"""The quality-control page: the day's sample per agent (banned-phrase items first, marked),
scoring, coaching and its follow-ups, the good-handling library, the fairness view,
calibration and the banned-phrase sweep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.qc import good, scorecard
from branchdesk.qc.coaching import CoachingRow
from branchdesk.qc.sampling import (
    AgentShare,
    DaySample,
    SampleItemRow,
    day_sample,
    draw_sample,
    reason_label,
)
from branchdesk.qc.service import month_bounds
from branchdesk.settings import SettingsStore, branch_value
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.qc.calibration_tab import CalibrationTab
from branchdesk.ui.qc.coaching_dialog import CoachingDialog
from branchdesk.ui.qc.coaching_tab import CoachingTab
from branchdesk.ui.qc.common import (
    BANNED_BG,
    DUE_BG,
    GOOD_BG,
    day_edit,
    day_of,
    marked_html,
    reviewer_name,
)
from branchdesk.ui.qc.good_tab import GoodTab
from branchdesk.ui.qc.score_dialog import ScoreDialog
from branchdesk.ui.qc.scorecard_dialog import ScorecardDialog
from branchdesk.ui.qc.sweep_tab import SweepTab


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
        self.day = day_edit(yesterday)
        self.day.setObjectName("qcDay")
        self.day.setMaximumDate(QDate(yesterday.year, yesterday.month, yesterday.day))
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
        self.coaching_tab = CoachingTab(db)
        self.coaching_tab.loaded.connect(self.show_follow_ups)
        self.good_tab = GoodTab(db)
        self.calibration_tab = CalibrationTab()
        self.sweep_tab = SweepTab(db)
        self.tabs.addTab(self.coaching_tab, self.tr("Coaching"))
        self.tabs.addTab(self.good_tab, self.tr("Good handling"))
        self.tabs.addTab(self.calibration_tab, self.tr("Calibration"))
        self.tabs.addTab(self.sweep_tab, self.tr("Banned-phrase sweep"))
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

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self.load_day()
        self.load_coaching()
        self.good_tab.load()

    def selected_day(self) -> date:
        return day_of(self.day)

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
        self.calibration_tab.set_rows(day, calibrations)
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
        self.coaching_tab.load()

    def show_follow_ups(self, due: list[CoachingRow]) -> None:
        self.follow_up_banner.setText(
            self.tr("Coaching follow-ups due: {list}").format(
                list="；".join(f"{r.agent_name} ({r.follow_up_on:%m-%d})" for r in due)
            )
            if due
            else ""
        )
        self.follow_up_banner.setVisible(bool(due))

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
            self.good_tab.load()

    def edit_scorecard(self) -> None:
        if ScorecardDialog(self.db, self).exec():
            self.status.emit(self.tr("Scorecard saved."))
            self.load_day()
