"""The later features' cards on 今天: what waits for the agent at this PC (their queue), the
quality-control follow-ups that are due and the day's drill. Each shows only where the branch
has a team; the agent's own cards ask for a name first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton

from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.team.agents import AgentInfo
from branchdesk.ui.shell.today_page import Card


class TeamCard(Card):
    """A card with a line of text and one button, shown while the branch has a team."""

    def __init__(self, db: Database, title: str, button: str, action: Callable[[], None]):
        super().__init__(title)
        self.db = db
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.button = QPushButton(button)
        self.button.clicked.connect(action)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.button)

    def has_team(self) -> bool:
        from branchdesk.team.agents import has_team

        with self.db.read_session() as session:
            team = has_team(session)
        self.setVisible(team)
        return team


class AgentCard(TeamCard):
    """A team card about the agent working at this PC: `describe(agent)` says what it shows."""

    def __init__(
        self,
        db: Database,
        settings: SettingsStore,
        title: str,
        button: str,
        action: Callable[[], None],
        pick_text: str,
    ):
        super().__init__(db, title, button, action)
        self.settings = settings
        self.pick_text = pick_text

    def refresh(self) -> None:
        from branchdesk.ui.team.agent_picker import current_agent

        if not self.has_team():
            return
        agent = current_agent(self.db, self.settings)
        if agent is None:
            self.summary.setText(self.pick_text)
            self.button.setEnabled(False)
            return
        self.summary.setText(self.describe(agent))
        self.button.setEnabled(True)

    def describe(self, agent: AgentInfo) -> str:
        raise NotImplementedError


class QueueCard(AgentCard):
    """等你处理: the open complaints and follow-ups assigned to the agent working here."""

    def __init__(self, db: Database, settings: SettingsStore, open_queue: Callable[[], None]):
        super().__init__(
            db,
            settings,
            self.tr("Waiting for you"),
            self.tr("Open my queue") + "  Ctrl+Shift+M",
            open_queue,
            self.tr("Pick your name (团队 › 换人) to see what waits for you."),
        )

    def describe(self, agent: AgentInfo) -> str:
        from branchdesk.team.assignments import my_queue

        with self.db.read_session() as session:
            items = my_queue(session, agent.id)
        complaints = sum(1 for i in items if i.item_kind == "complaint")
        return self.tr(
            "{name}: {complaints} complaint(s) and {contacts} follow-up(s) are yours."
        ).format(name=agent.name, complaints=complaints, contacts=len(items) - complaints)


class QcCard(TeamCard):
    """质检: coaching follow-ups whose day has come."""

    def __init__(self, db: Database, open_qc: Callable[[], None]):
        super().__init__(
            db,
            self.tr("Quality control"),
            self.tr("Open quality control") + "  Ctrl+Shift+Q",
            open_qc,
        )

    def refresh(self) -> None:
        if not self.has_team():
            return  # before the import: QC's modules take 30 ms to load, a branch alone none
        from branchdesk.qc.coaching import follow_ups

        with self.db.read_session() as session:
            due = follow_ups(session)
        self.summary.setText(
            self.tr("{count} coaching follow-up(s) are due.").format(count=len(due))
            if due
            else self.tr("No coaching follow-up is due. Yesterday's sample is drawn there.")
        )


class DrillCard(AgentCard):
    """今日练习: the drill cards due for the agent working here."""

    def __init__(self, db: Database, settings: SettingsStore, open_drill: Callable[[], None]):
        super().__init__(
            db,
            settings,
            self.tr("Today's drill"),
            self.tr("Start the drill") + "  Ctrl+Shift+T",
            open_drill,
            self.tr("Pick your name (团队 › 换人) to see your drill."),
        )
        self.summary.setObjectName("drillSummary")

    def describe(self, agent: AgentInfo) -> str:
        from branchdesk.training.drills import due_counts

        with self.db.read_session() as session:
            counts = due_counts(session, agent.id)
        return self.tr(
            "{name}: {due} card(s) due, {new} not learned yet. About 15 minutes."
        ).format(name=agent.name, due=counts.due, new=counts.new)
