"""The team in the main window: who works at the PC (picked at start, switched from the menu,
shown in the status bar), signing out, the team dialog, the contact log and "my" queue."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from branchdesk.ui.team.contacts_dialog import ContactsDialog
    from branchdesk.ui.team.team_dialog import TeamDialog

from branchdesk.ui.shell.window_base import LOOKUP, TODAY, WindowParts


class TeamPart(WindowParts):
    team_actions: list[QAction]
    agent_label: QLabel

    def _build_team_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Team"))
        self.switch_agent_action = QAction(self.tr("&Switch agent…"), self)
        self.switch_agent_action.setShortcuts([QKeySequence("Ctrl+Shift+A")])
        self.switch_agent_action.triggered.connect(lambda: self.switch_agent())
        menu.addAction(self.switch_agent_action)
        self.sign_out_action = QAction(self.tr("Sign &out (签退)"), self)
        self.sign_out_action.triggered.connect(self.sign_out_agent)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        self.log_contact_action = QAction(self.tr("&Log a contact…"), self)
        self.log_contact_action.setShortcuts([QKeySequence("Ctrl+Shift+L")])
        self.log_contact_action.triggered.connect(lambda: self.log_contact())
        menu.addAction(self.log_contact_action)
        self.queue_action = QAction(self.tr("&My queue…"), self)
        self.queue_action.setShortcuts([QKeySequence("Ctrl+Shift+M")])
        self.queue_action.triggered.connect(self.open_queue)
        menu.addAction(self.queue_action)
        self.contacts_action = QAction(self.tr("&Contacts…"), self)
        self.contacts_action.triggered.connect(self.open_contacts)
        menu.addAction(self.contacts_action)
        menu.addSeparator()
        self.team_action = QAction(self.tr("Team and &attendance…"), self)
        self.team_action.triggered.connect(self.open_team)
        menu.addAction(self.team_action)
        self.team_actions = [
            self.switch_agent_action,
            self.sign_out_action,
            self.log_contact_action,
            self.queue_action,
            self.contacts_action,
            self.team_action,
        ]
        self.contacts_dialog: ContactsDialog | None = None
        for action in self.team_actions:
            action.setEnabled(False)
        self.agent_label = QLabel()
        self.agent_label.setObjectName("currentAgent")
        self.agent_label.setToolTip(self.tr("Who is working at this PC (Ctrl+Shift+A switches)"))

    def _attach_team(self) -> None:
        for action in self.team_actions:
            action.setEnabled(True)
        self.statusBar().addPermanentWidget(self.agent_label)
        self.refresh_agent()

    def refresh_agent(self) -> None:
        from branchdesk.ui.team.agent_picker import current_agent

        if self.db is None:
            return
        agent = current_agent(self.db, self.settings)
        self.agent_label.setText(
            self.tr("Working: {name}").format(name=agent.name)
            if agent is not None
            else self.tr("Working: nobody picked")
        )
        if self._agent_unconfirmed:  # the start's picker waits for the agent to leave 查件
            self.agent_label.setText(
                self.tr("{working} (to confirm when you leave 查件)").format(
                    working=self.agent_label.text()
                )
            )
        self.sign_out_action.setEnabled(agent is not None)
        if self.built(TODAY) is not None and self.nav.currentRow() == TODAY:
            # 今天 shows what waits for whoever works now (it is filled whenever it is shown).
            self.today_page.refresh()

    def forget_removed_agent(self) -> None:
        """Another program removed (or made inactive) the agent on duty here (`demo --remove`,
        another PC's 团队): nobody is on duty, and the status bar says so; what is logged
        next is not recorded under a name the team no longer has."""
        from branchdesk import permissions
        from branchdesk.settings import who_is_working
        from branchdesk.ui.team.agent_picker import current_agent

        name = str(self.settings.get("current_agent") or "")
        if self.db is None or not name or current_agent(self.db, self.settings) is not None:
            self.refresh_agent()
            return
        self.settings.set("current_agent", "")
        permissions.set_actor(who_is_working(self.settings))
        self.refresh_agent()
        self.statusBar().showMessage(
            self.tr(
                "{name} is no longer in the team (changed in another program): pick who works "
                "now under 团队 › 换人."
            ).format(name=name),
            15000,
        )

    def ask_agent_at_start(self) -> None:
        """The data just opened: the agent picker, once no other dialog is up, and not while
        查件 is in front (an agent may be typing a search there, begun in the start-up look:
        keys meant for it picked the first name). Asked when the agent leaves 查件; the
        status bar's agent says meanwhile that it is to be confirmed."""
        from branchdesk.ui.team.agent_picker import has_team

        if self.pages.currentIndex() != LOOKUP or self.built(LOOKUP) is None:
            self._ask_agent_at_start_now()
        elif self.db is not None and has_team(self.db):
            self._agent_unconfirmed = True
            self.refresh_agent()
            self.when_leaving_lookup(self._ask_agent_at_start_now)

    def _ask_agent_at_start_now(self) -> None:
        if self._agent_asked:  # asked meanwhile (the window shown from the tray)
            return
        self._ask_agent_when_free(typed_ahead=True)

    def ask_agent(self, typed_ahead: bool = False) -> None:
        """At start: with a team, whoever sits down picks their name (`typed_ahead`: keys
        typed just before the picker came, for a search, are not taken for a pick)."""
        from branchdesk.ui.team.agent_picker import has_team

        self._agent_asked = True
        if self._agent_unconfirmed:
            self._agent_unconfirmed = False
            self.refresh_agent()
        if self.db is not None and has_team(self.db):
            self.switch_agent(unasked=typed_ahead)

    def _ask_agent_when_free(self, typed_ahead: bool = False) -> None:
        """The window opened from the tray: whoever sits down picks their name, once no other
        question is up (the restore a failed day's check offers brings the window forward
        too): never a second modal dialog stacked over the first."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        if self.quitting:
            return
        if not self.isVisible():  # hidden again meanwhile: asked when next opened
            self._ask_agent_on_show = True
        elif QApplication.activeModalWidget() is not None or self._agent_held:
            QTimer.singleShot(300, lambda: self._ask_agent_when_free(typed_ahead))
        else:
            self.ask_agent(typed_ahead)

    @contextlib.contextmanager
    def agent_question_held(self) -> Iterator[None]:
        """Questions asked one after another (the restore, then "restored"): the agent picker
        does not slip in between two of them."""
        self._agent_held += 1
        try:
            yield
        finally:
            self._agent_held -= 1

    def switch_agent(self, unasked: bool = False) -> bool:
        """The agent picker (`unasked`: it comes without the agent asking for it)."""
        from branchdesk.ui.team.agent_picker import AgentPicker, has_team

        if self.db is None:
            return False
        if not has_team(self.db):
            self.statusBar().showMessage(
                self.tr("No agents yet: add the team under Team → Team and attendance."), 8000
            )
            return False
        agent, ok = AgentPicker.pick(self.db, self.settings, self, unasked=unasked)
        self.refresh_agent()
        if ok and agent is not None:
            self.statusBar().showMessage(
                self.tr("{name} signed in: what you log is recorded under this name.").format(
                    name=agent.name
                ),
                8000,
            )
        return ok

    def sign_out_agent(self) -> None:
        from branchdesk.ui.team.agent_picker import stop_working

        if self.db is None:
            return
        name = stop_working(self.db, self.settings)
        self.refresh_agent()
        if name:
            self.statusBar().showMessage(self.tr("{name} signed out.").format(name=name), 8000)

    def open_team(self) -> None:
        from branchdesk.ui.team.team_dialog import TeamDialog

        if self.db is None:
            return
        dialog = TeamDialog(self.db, self)
        dialog.changed.connect(self.refresh_agent)
        dialog.import_requested.connect(lambda kind: self._import_then_reload(dialog, kind))
        dialog.exec()

    def log_contact(self) -> bool:
        """登记接待 (Ctrl+Shift+L): the contact is the working agent's."""
        from branchdesk.ui.team.agent_picker import current_agent
        from branchdesk.ui.team.contact_dialog import ContactDialog

        if self.db is None:
            return False
        agent = current_agent(self.db, self.settings)
        dialog = ContactDialog(
            self.db,
            agent.id if agent is not None else None,
            self,
            branch=str(self.settings.get("branch_name") or ""),
        )
        dialog.logged.connect(lambda _row, note: self.statusBar().showMessage(note, 10000))
        done = dialog.exec() == ContactDialog.DialogCode.Accepted
        if done and self.contacts_dialog is not None:
            self.contacts_dialog.refresh()
        return done

    def open_contacts(self) -> None:
        from branchdesk.ui.team.contacts_dialog import ContactsDialog

        if self.db is None:
            return
        if self.contacts_dialog is None:
            self.contacts_dialog = ContactsDialog(self.db, self)
            self.contacts_dialog.log_requested.connect(self.log_contact)
        self.contacts_dialog.refresh()
        self.contacts_dialog.show()
        self.contacts_dialog.raise_()
        self.contacts_dialog.activateWindow()

    def _import_then_reload(self, dialog: TeamDialog, kind: str) -> None:
        self.open_import(kind)
        dialog.load_ownership()

    def open_queue(self) -> None:
        """我的 (Ctrl+Shift+M): the working agent's open complaints and follow-ups."""
        from branchdesk.settings import who_is_working
        from branchdesk.ui.team.agent_picker import current_agent
        from branchdesk.ui.team.queue_dialog import QueueDialog

        if self.db is None:
            return
        agent = current_agent(self.db, self.settings)
        dialog = QueueDialog(
            self.db, agent.id if agent else None, self, who=who_is_working(self.settings)
        )
        dialog.reassigned.connect(lambda text: self.statusBar().showMessage(text, 8000))
        dialog.exec()
