"""The later features' cards on 今天: what waits for the agent at this PC (their queue) and
the quality-control follow-ups that are due."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton

from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.ui.shell.today_page import Card


class QueueCard(Card):
    """等你处理: the open complaints and follow-ups assigned to the agent working here."""

    def __init__(self, db: Database, settings: SettingsStore, open_queue: Callable[[], None]):
        super().__init__(self.tr("Waiting for you"))
        self.db = db
        self.settings = settings
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.button = QPushButton(self.tr("Open my queue") + "  Ctrl+Shift+M")
        self.button.clicked.connect(open_queue)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.button)

    def refresh(self) -> None:
        from branchdesk.team.assignments import has_team, my_queue
        from branchdesk.ui.team.agent_picker import current_agent

        with self.db.read_session() as session:
            team = has_team(session)
        self.setVisible(team)
        if not team:
            return
        agent = current_agent(self.db, self.settings)
        if agent is None:
            self.summary.setText(self.tr("Pick your name (团队 › 换人) to see what waits for you."))
            self.button.setEnabled(False)
            return
        with self.db.read_session() as session:
            items = my_queue(session, agent.id)
        complaints = sum(1 for i in items if i.item_kind == "complaint")
        self.summary.setText(
            self.tr(
                "{name}: {complaints} complaint(s) and {contacts} follow-up(s) are yours."
            ).format(name=agent.name, complaints=complaints, contacts=len(items) - complaints)
        )
        self.button.setEnabled(True)


class QcCard(Card):
    """质检: coaching follow-ups whose day has come."""

    def __init__(self, db: Database, open_qc: Callable[[], None]):
        super().__init__(self.tr("Quality control"))
        self.db = db
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.button = QPushButton(self.tr("Open quality control") + "  Ctrl+Shift+Q")
        self.button.clicked.connect(open_qc)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.button)

    def refresh(self) -> None:
        from branchdesk.qc.coaching import follow_ups
        from branchdesk.team.assignments import has_team

        with self.db.read_session() as session:
            team = has_team(session)
            due = follow_ups(session) if team else []
        self.setVisible(team)
        self.summary.setText(
            self.tr("{count} coaching follow-up(s) are due.").format(count=len(due))
            if due
            else self.tr("No coaching follow-up is due. Yesterday's sample is drawn there.")
        )


class DrillCard(Card):
    """今日练习: the drill cards due for the agent working here."""

    def __init__(self, db: Database, settings: SettingsStore, open_drill: Callable[[], None]):
        super().__init__(self.tr("Today's drill"))
        self.db = db
        self.settings = settings
        self.summary = QLabel()
        self.summary.setObjectName("drillSummary")
        self.summary.setWordWrap(True)
        self.button = QPushButton(self.tr("Start the drill") + "  Ctrl+Shift+T")
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
