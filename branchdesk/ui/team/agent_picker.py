"""Who is working at this PC: pick your name at start or to switch (no password); the pick
signs the agent in and makes them the "who" of everything recorded."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk import permissions
from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from branchdesk.team.agents import AgentInfo, list_agents, role_label, sign_in, sign_out
from branchdesk.ui.kit.screens import fit_to_screen


def has_team(db: Database) -> bool:
    from branchdesk.team.agents import has_team as any_active_agent

    with db.read_session() as session:
        return any_active_agent(session)


def current_agent(db: Database, settings: SettingsStore) -> AgentInfo | None:
    """The active team member picked at this PC, if any."""
    from branchdesk.team.agents import agent_by_name

    name = str(settings.get("current_agent") or "")
    if not name:
        return None
    with db.read_session() as session:
        agent = agent_by_name(session, name)
    return agent if agent is not None and agent.active else None


def work_as(db: Database, settings: SettingsStore, agent: AgentInfo) -> None:
    """Sign `agent` in and record them as who works at this PC."""
    with db.session() as session:
        sign_in(session, agent.id)
    settings.set("current_agent", agent.name)
    permissions.set_actor(agent.name)


def stop_working(db: Database, settings: SettingsStore) -> str:
    """签退: sign the current agent out; nobody is picked afterwards. Returns the name."""
    from branchdesk.settings import who_is_working

    agent = current_agent(db, settings)
    if agent is None:
        return ""
    with db.session() as session:
        sign_out(session, agent.id)
    settings.set("current_agent", "")
    permissions.set_actor(who_is_working(settings))
    return agent.name


# How long the picker that comes by itself takes no pick (AgentPicker's `unasked`).
TYPED_AHEAD_S = 0.6


class AgentPicker(QDialog):
    """The active team as one big list: a double-click, Enter or the button picks."""

    def __init__(
        self,
        db: Database,
        settings: SettingsStore,
        parent: QWidget | None = None,
        unasked: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db = db
        # Come by itself at start, it takes no pick for TYPED_AHEAD_S after it is shown: an
        # Enter typed for a search just before it came picked the first name.
        self.unasked = unasked
        self.ready_at = 0.0
        self.settings = settings
        self.setObjectName("agentPicker")
        self.setWindowTitle(self.tr("Who is working?"))
        with db.read_session() as session:
            self.agents = list_agents(session)
        current = current_agent(db, settings)
        prompt = QLabel(
            self.tr("Pick your name: what you log is recorded under it.")
            if current is None
            else self.tr("Now working: {name}. Pick who takes over.").format(name=current.name)
        )
        prompt.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("agentList")
        font = self.list.font()
        font.setPointSize(font.pointSize() + 3)
        self.list.setFont(font)
        for agent in self.agents:
            label = agent.name
            if agent.role != "agent":
                label += f"  ({role_label(agent.role)})"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, agent.id)
            item.setSizeHint(QSize(200, 40))
            self.list.addItem(item)
            if current is not None and agent.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start working"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.sign_out_button = QPushButton(self.tr("Sign out (签退)"))
        self.sign_out_button.setObjectName("signOut")
        self.sign_out_button.setEnabled(current is not None)
        self.sign_out_button.clicked.connect(self._sign_out)
        self.buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 360, 420)
        self.list.setFocus()
        self.picked: AgentInfo | None = None
        self.signed_out = ""

    def showEvent(self, event: QShowEvent) -> None:
        if self.unasked and not self.ready_at:
            self.ready_at = time.monotonic() + TYPED_AHEAD_S
        super().showEvent(event)

    def chosen(self) -> AgentInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        agent_id = item.data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.agents if a.id == agent_id), None)

    def accept(self) -> None:
        agent = self.chosen()
        if agent is None or time.monotonic() < self.ready_at:
            return
        work_as(self.db, self.settings, agent)
        self.picked = agent
        super().accept()

    def _sign_out(self) -> None:
        self.signed_out = stop_working(self.db, self.settings)
        super().reject()

    @classmethod
    def pick(
        cls,
        db: Database,
        settings: SettingsStore,
        parent: QWidget | None = None,
        unasked: bool = False,
    ) -> tuple[AgentInfo | None, bool]:
        """(the agent now working, True) once picked; (None, False) when cancelled."""
        dialog = cls(db, settings, parent, unasked=unasked)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.picked, ok
