"""今日练习 on 今天: how many drill cards wait for the employee at this PC."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton

from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.ui.shell.today_page import Card


class DrillCard(Card):
    def __init__(self, db: Database, settings: SettingsStore, open_drill: Callable[[], None]):
        super().__init__(self.tr("Today's drill"))
        self.setObjectName("todayCard")
        self.db = db
        self.settings = settings
        self.summary = QLabel()
        self.summary.setObjectName("drillSummary")
        self.summary.setWordWrap(True)
        self.button = QPushButton(self.tr("Start the drill"))
        self.button.clicked.connect(open_drill)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.button)

    def refresh(self) -> None:
        from branchdesk.team.assignments import has_team
        from branchdesk.training.drills import due_counts
        from branchdesk.ui.team.agent_picker import current_agent

        with self.db.read_session() as session:
            team = has_team(session)
        self.setVisible(team)
        if not team:
            return
        agent = current_agent(self.db, self.settings)
        if agent is None:
            self.summary.setText(self.tr("Pick your name (团队 › 换人) to see your drill."))
            self.button.setEnabled(False)
            return
        with self.db.read_session() as session:
            counts = due_counts(session, agent.id)
        self.summary.setText(
            self.tr("{name}: {due} card(s) due, {new} not learned yet. About 15 minutes.").format(
                name=agent.name, due=counts.due, new=counts.new
            )
        )
        self.button.setEnabled(True)
