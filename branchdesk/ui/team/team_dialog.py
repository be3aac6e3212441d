"""团队: the owner adds, changes and deactivates agents and sets their stand-ins; everyone can
see the month's attendance (days and hours per agent)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.team.agents import (
    AgentInfo,
    Attendance,
    add_agent,
    attendance,
    list_agents,
    role_label,
    update_agent,
)
from branchdesk.team.models import ROLES
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.keys import enter_in_fields_presses, enter_presses
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.team.ownership_tab import OwnershipTab

NO_STANDIN = 0  # the stand-in chooser's "nobody"


class AgentsModel(RowsModel[AgentInfo]):
    def __init__(self, today: date) -> None:
        self.names: dict[int, str] = {}
        super().__init__(
            [
                Column("Name", lambda a: a.name),
                Column("Employee no.", lambda a: a.employee_no),
                Column("Role", lambda a: role_label(a.role)),
                Column("Started", lambda a: a.started_on.isoformat()),
                Column("Stand-in", lambda a: self.names.get(a.standin_id or 0, "")),
                Column(
                    "State",
                    lambda a: (
                        _tr("inactive")
                        if not a.active
                        else (_tr("new hire") if a.is_new_hire(today) else _tr("active"))
                    ),
                ),
            ]
        )

    def set_rows(self, rows: list[AgentInfo]) -> None:  # type: ignore[override]
        self.names = {a.id: a.name for a in rows}
        super().set_rows(rows)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("TeamDialog", text)


class AttendanceModel(RowsModel[Attendance]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Name", lambda r: r.name),
                Column("Days", lambda r: r.days, align_right=True),
                Column("Hours", lambda r: f"{r.hours:.1f}", align_right=True),
                Column(
                    "Not signed out",
                    lambda r: r.open_shifts or "",
                    align_right=True,
                ),
            ]
        )


class TeamDialog(QDialog):
    """Two tabs: the agents (owner's edits) and the attendance of a month."""

    changed = Signal()  # the team changed (the window's picker and status bar follow)
    import_requested = Signal(str)  # the import dialog for a kind ("customers")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("Team and attendance"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._agents_tab(), self.tr("Agents"))
        self.tabs.addTab(self._attendance_tab(), self.tr("Attendance"))
        self.ownership = OwnershipTab(db)
        self.ownership.import_requested.connect(self.import_requested.emit)
        self.tabs.addTab(self.ownership, self.tr("Customers and ownership"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        fit_to_screen(self, 900, 560)
        enter_presses(self)  # Enter pressed 新客服 and dropped the agent being edited
        self.reload()

    # --- agents -------------------------------------------------------------------------
    def _agents_tab(self) -> QWidget:
        self.agents_model = AgentsModel(date.today())
        self.agents_view: QTableView = read_only_table(self.agents_model, single=True)
        self.agents_view.setObjectName("agentsTable")
        self.agents_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_agent())
        self.show_inactive = QCheckBox(self.tr("Show inactive agents"))
        self.show_inactive.toggled.connect(lambda _on: self.reload())

        self.name = QLineEdit()
        self.name.setObjectName("agentName")
        self.name.setMaxLength(40)
        self.employee_no = QLineEdit()
        self.employee_no.setObjectName("agentEmployeeNo")
        self.employee_no.setMaxLength(20)
        self.started_on = QDateEdit()
        self.started_on.setObjectName("agentStarted")
        self.started_on.setCalendarPopup(True)
        self.started_on.setDisplayFormat("yyyy-MM-dd")
        self.role = QComboBox()
        self.role.setObjectName("agentRole")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.standin = QComboBox()
        self.standin.setObjectName("agentStandin")
        self.active = QCheckBox(self.tr("Active (deactivate when the agent leaves)"))
        self.active.setObjectName("agentActive")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Employee no. (工号)"), self.employee_no)
        form.addRow(self.tr("Start date"), self.started_on)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Stand-in"), self.standin)
        form.addRow("", self.active)
        hint = QLabel(
            self.tr(
                "The stand-in takes the agent's new items on a day the agent has not signed in. "
                "Changing the team is the owner's: with an owner PIN set, it is asked for."
            )
        )
        hint.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New agent"))
        self.new_button.setObjectName("newAgent")
        self.new_button.clicked.connect(self.new_agent)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveAgent")
        self.save_button.clicked.connect(self.save)
        enter_in_fields_presses(self.save_button, self.name, self.employee_no)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setObjectName("agentMessage")
        self.message.setWordWrap(True)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(hint)
        right.addWidget(self.message)
        right.addStretch(1)
        right.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(self.agents_view, 1)
        left.addWidget(self.show_inactive)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.editing: int | None = None
        return tab

    def reload(self, select: int | None = None) -> None:
        with self.db.read_session() as session:
            agents = list_agents(session, active_only=not self.show_inactive.isChecked())
            everyone = list_agents(session, active_only=False)
        self.agents_model.set_rows(agents)
        self.agents_model.names = {a.id: a.name for a in everyone}
        self.standin.blockSignals(True)
        self.standin.clear()
        self.standin.addItem(self.tr("(nobody)"), NO_STANDIN)
        for a in everyone:
            if a.active:
                self.standin.addItem(a.name, a.id)
        self.standin.blockSignals(False)
        if hasattr(self, "ownership"):
            self.ownership.set_agents([a for a in everyone if a.active])
        row = next((n for n, a in enumerate(agents) if a.id == select), None)
        if row is None and agents and select is None and self.editing is not None:
            row = next((n for n, a in enumerate(agents) if a.id == self.editing), None)
        if row is None and agents and self.editing is None and not self.name.text():
            row = 0  # opened on the first agent, not on an empty form
        if row is not None:
            self.agents_view.selectRow(row)
            self._show_agent()
        elif not agents:
            self.new_agent()
        self.load_attendance()
        if hasattr(self, "ownership"):
            self.ownership.load()

    def _show_agent(self) -> None:
        index = self.agents_view.currentIndex()
        if not index.isValid():
            return
        agent = self.agents_model.row_at(index.row())
        self.editing = agent.id
        self.name.setText(agent.name)
        self.employee_no.setText(agent.employee_no)
        started = agent.started_on
        self.started_on.setDate(QDate(started.year, started.month, started.day))
        self.role.setCurrentIndex(max(0, self.role.findData(agent.role)))
        self.standin.setCurrentIndex(max(0, self.standin.findData(agent.standin_id or NO_STANDIN)))
        self.active.setChecked(agent.active)
        self.message.clear()

    def new_agent(self) -> None:
        self.editing = None
        self.agents_view.clearSelection()
        self.name.clear()
        self.employee_no.clear()
        self.started_on.setDate(QDate.currentDate())
        self.role.setCurrentIndex(0)
        self.standin.setCurrentIndex(0)
        self.active.setChecked(True)
        self.message.setText(self.tr("A new agent: fill in the name and save."))
        self.name.setFocus()

    def save(self) -> bool:
        name = self.name.text()
        employee_no = self.employee_no.text()
        started = self.started_on.date().toPython()
        assert isinstance(started, date)
        role = str(self.role.currentData())
        standin = int(self.standin.currentData() or NO_STANDIN) or None
        active = self.active.isChecked()
        editing = self.editing

        def work(session: Any) -> AgentInfo:
            if editing is None:
                agent = add_agent(
                    session, name, employee_no=employee_no, role=role, started_on=started
                )
                return update_agent(session, agent.id, standin_id=standin)
            return update_agent(
                session,
                editing,
                name=name,
                employee_no=employee_no,
                role=role,
                started_on=started,
                active=active,
                standin_id=standin if standin != editing else None,
            )

        saved = owner.run_in_transaction(self, self.db, work, self.tr("Team"))
        if saved is None:
            return False
        self.editing = saved.id
        self.reload(select=saved.id)
        self.message.setText(self.tr("Saved: {name}.").format(name=saved.name))
        self.changed.emit()
        return True

    # --- attendance ---------------------------------------------------------------------
    def _attendance_tab(self) -> QWidget:
        self.month = QDateEdit()
        self.month.setObjectName("attendanceMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setDate(QDate.currentDate())
        self.month.dateChanged.connect(lambda _d: self.load_attendance())
        self.attendance_model = AttendanceModel()
        self.attendance_view = read_only_table(self.attendance_model)
        self.attendance_view.setObjectName("attendanceTable")
        self.attendance_note = QLabel()
        self.attendance_note.setObjectName("attendanceNote")
        self.attendance_note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.attendance_view, 1)
        layout.addWidget(self.attendance_note)
        return tab

    def load_attendance(self) -> None:
        chosen = self.month.date().toPython()
        assert isinstance(chosen, date)
        with self.db.read_session() as session:
            rows = attendance(session, chosen)
        self.attendance_model.set_rows(rows)
        open_shifts = sum(r.open_shifts for r in rows)
        self.attendance_note.setText(
            self.tr(
                "{count} shift(s) were never signed out and had no later contact: they count "
                "no hours. Remind the agents to sign out (签退)."
            ).format(count=open_shifts)
            if open_shifts
            else self.tr("A shift not signed out counts until the agent's last contact that day.")
        )

    def load_ownership(self) -> None:
        self.ownership.load()
