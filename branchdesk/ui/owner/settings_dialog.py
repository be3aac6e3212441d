"""Settings: language, branch name, the agent's name, complaint reminders, banned phrases,
how long waybills and backups are kept, how long the PIN unlocks, and the owner PIN.

The language and the agent's name are this person's (settings.json, saved as they are); the
rest are the branch's (in the database): changing them is an audited owner action."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchdesk import autostart
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError, os_reason
from branchdesk.lookup.home import parse_branch_region, unread_part
from branchdesk.lookup.retention import MAX_DAYS
from branchdesk.owner import policy
from branchdesk.permissions import pin_guarded
from branchdesk.settings import BRANCH, SETTINGS, SettingsStore
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.company_box import company_box
from branchdesk.ui.kit.tasks import failure_message
from branchdesk.ui.owner import pin_dialog

LANGUAGES = (("auto", "Follow the system"), ("zh_CN", "简体中文"), ("en", "English"))


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(max(low, min(high, value)))
    box.setSuffix(suffix)
    return box


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: SettingsStore,
        parent: QWidget | None = None,
        db: Database | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db = db
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(self.tr(label), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.branch_name = QLineEdit(settings.get("branch_name"))
        self.branch_name.setMaxLength(60)
        self.branch_name.setPlaceholderText(self.tr("e.g. 中通宁波海曙网点"))
        self.company = company_box(str(settings.get("courier_company") or ""))
        self.branch_region = QLineEdit(settings.get("branch_region"))
        self.branch_region.setObjectName("branchRegion")
        self.branch_region.setMaxLength(40)
        self.branch_region.setPlaceholderText(self.tr("e.g. 浙江省宁波市海曙区"))
        self.branch_region.setToolTip(
            self.tr(
                "Lookup takes this city and district for an address that names none: its "
                "route, its arrival time and the district's catch-all courier."
            )
        )
        self.agent_name = QLineEdit(settings.get("agent_name"))
        self.agent_name.setMaxLength(40)
        self.agent_name.setPlaceholderText(self.tr("recorded as “who” in complaint histories"))
        # A team member picked at this PC is who is recorded, not this name: said under it
        # (a placeholder shows only while the field is empty).
        on_duty = str(settings.get("current_agent") or "").strip()
        self.on_duty_note = QLabel(
            self.tr("used while nobody is on duty (now: {name}, 团队 › 换人)").format(name=on_duty)
        )
        self.on_duty_note.setStyleSheet("color: #666666;")
        self.on_duty_note.setWordWrap(True)
        self.on_duty_note.setVisible(bool(on_duty))
        self.lead_hours = _spin(
            0, 72, int(settings.get("complaint_lead_hours")), self.tr(" h before the deadline")
        )
        self.banned = QPlainTextEdit("\n".join(settings.get("banned_phrases")))
        self.banned.setPlaceholderText(self.tr("one phrase a line"))
        self.banned.setFixedHeight(110)
        self.keep_waybills = _spin(
            1, MAX_DAYS, int(settings.get("waybill_keep_days")), self.tr(" days")
        )
        self.keep_daily = _spin(1, 365, int(settings.get("backup_keep_daily")), self.tr(" daily"))
        self.keep_weekly = _spin(
            0, 520, int(settings.get("backup_keep_weekly")), self.tr(" weekly")
        )
        self.keep_in_tray = QCheckBox(
            self.tr("Closing the window keeps BranchDesk in the tray (reminders go on)")
        )
        self.keep_in_tray.setObjectName("keepInTray")
        self.keep_in_tray.setChecked(bool(settings.get("keep_in_tray")))
        self.keep_in_tray.setToolTip(
            self.tr(
                "The data stays open and the window comes back at once from the tray icon or "
                "the next start. File › Quit (Ctrl+Q) or the icon's menu ends BranchDesk."
            )
        )
        self.start_with_computer = QCheckBox(
            self.tr("Start with the computer, waiting in the tray")
        )
        self.start_with_computer.setObjectName("startWithComputer")
        # Ticked when this BranchDesk (this program, this data dir) is the one that starts.
        self.starts_now = autostart.supported() and autostart.is_current()
        self.start_with_computer.setChecked(self.starts_now)
        self.start_with_computer.setVisible(autostart.supported())
        self.start_with_computer.setToolTip(
            self.tr(
                "When this PC's user logs in, BranchDesk opens the data in the background: "
                "reminders run before anyone sits down, and opening BranchDesk is instant."
            )
        )
        self.other_start = QLabel(
            self.tr(
                "Another BranchDesk (another data folder or copy) starts with the computer now; "
                "ticking this starts this one instead."
            )
        )
        self.other_start.setObjectName("otherStart")
        self.other_start.setWordWrap(True)
        self.other_start.setStyleSheet("color: #666666;")
        self.other_start.setVisible(
            autostart.supported() and not self.starts_now and autostart.is_enabled()
        )
        this_pc = QVBoxLayout()
        this_pc.addWidget(self.keep_in_tray)
        this_pc.addWidget(self.start_with_computer)
        this_pc.addWidget(self.other_start)
        self.unlock_minutes = _spin(
            1, 60, int(settings.get("owner_unlock_minutes")), self.tr(" min")
        )
        keep_backups = QHBoxLayout()
        keep_backups.addWidget(self.keep_daily)
        keep_backups.addWidget(self.keep_weekly)
        keep_backups.addStretch(1)
        self.pin_state = QLabel()
        self.pin_button = QPushButton()
        self.pin_button.clicked.connect(self.change_pin)
        self.pin_button.setEnabled(db is not None)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin_state)
        pin_row.addWidget(self.pin_button)
        pin_row.addStretch(1)
        self._show_pin_state()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Branch name"), self.branch_name)
        form.addRow(self.tr("Courier company"), self.company)
        form.addRow(self.tr("The branch's city and district"), self.branch_region)
        form.addRow(self.tr("Your name"), self.agent_name)
        form.addRow("", self.on_duty_note)
        form.addRow(self.tr("Complaints show as due"), self.lead_hours)
        form.addRow(self.tr("Banned phrases in replies"), self.banned)
        form.addRow(self.tr("Offer to remove waybills older than"), self.keep_waybills)
        form.addRow(self.tr("Automatic backups kept"), keep_backups)
        form.addRow(self.tr("Owner PIN"), pin_row)
        form.addRow(self.tr("The PIN unlocks owner actions for"), self.unlock_minutes)
        form.addRow(self.tr("This PC"), this_pc)
        form.addRow(QLabel(self.tr("A new language takes effect the next time BranchDesk starts.")))
        form.addRow(buttons)

    def _show_pin_state(self) -> None:
        if pin_guarded():
            self.pin_state.setText(self.tr("set: owner actions ask for it"))
            self.pin_button.setText(self.tr("Change or remove…"))
        else:
            self.pin_state.setText(self.tr("not set: everyone may do everything"))
            self.pin_button.setText(self.tr("Set a PIN…"))

    def change_pin(self) -> None:
        if self.db is not None:
            pin_dialog.change_pin(self, self.db)
        self._show_pin_state()

    def values(self) -> dict[str, Any]:
        phrases = [line.strip() for line in self.banned.toPlainText().splitlines()]
        return {
            "language": self.language.currentData(),
            "branch_name": self.branch_name.text().strip(),
            "courier_company": self.company.currentText().strip(),
            "branch_region": self.branch_region.text().strip(),
            "agent_name": self.agent_name.text().strip(),
            "complaint_lead_hours": self.lead_hours.value(),
            "banned_phrases": [p for p in dict.fromkeys(phrases) if p],
            "waybill_keep_days": self.keep_waybills.value(),
            "backup_keep_daily": self.keep_daily.value(),
            "backup_keep_weekly": self.keep_weekly.value(),
            "owner_unlock_minutes": self.unlock_minutes.value(),
            "keep_in_tray": self.keep_in_tray.isChecked(),
        }

    def save(self) -> None:
        """The branch's settings are changed as an owner action (the PIN is asked for when
        one is set, and the change is audited with old and new values), this person's are
        saved as they are. Nothing changed: nothing is asked."""
        changed = {k: v for k, v in self.values().items() if v != self.settings.get(k)}
        region = changed.get("branch_region")
        read = parse_branch_region(str(region)) if region else None
        left = unread_part(str(region)) if read is not None else ""
        if region and (read is None or left):
            if read is None:
                problem = self.tr(
                    "“{text}” is not a city or district BranchDesk knows. Write it as on an "
                    "address, e.g. 浙江省宁波市海曙区 or 宁波海曙区."
                ).format(text=region)
            else:
                parts = [p for p in (read.province, read.city, read.district) if p]
                problem = self.tr(
                    "Read as: {region}, but “{left}” is not in it (a district of another "
                    "city?). Write the city and its district, e.g. 浙江省宁波市海曙区."
                ).format(region=" ".join(parts), left=left)
            QMessageBox.warning(self, self.tr("Settings not saved"), problem)
            return
        branch = {k: v for k, v in changed.items() if SETTINGS[k].scope == BRANCH}
        personal = {k: v for k, v in changed.items() if k not in branch}
        db = self.db
        try:
            if branch:
                if db is None:
                    raise BranchDeskError(
                        self.tr("The branch's settings can be changed once its data is open.")
                    )

                def apply() -> None:
                    with db.session() as session:
                        policy.change(session, branch)

                owner.retrying(self, db, apply)
            if personal:
                self.settings.update(personal)
        except owner.PinCancelled:
            return
        except (BranchDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Settings not saved"), failure_message(exc))
            return
        wanted = self.start_with_computer.isChecked()
        # Only a change of the tick changes the entry: ticked, this BranchDesk starts (in place
        # of another copy's entry); unticked, this one no longer does. Another copy's entry,
        # left unticked here, is left alone (a practice copy must not stop the branch's).
        if autostart.supported() and wanted != self.starts_now:
            try:
                autostart.set_enabled(wanted)
            except OSError as exc:
                # The other settings are saved: only this one is said to have failed.
                QMessageBox.warning(
                    self,
                    self.tr("Start with the computer"),
                    self.tr("Starting with the computer could not be changed: {error}").format(
                        error=os_reason(exc)
                    ),
                )
                return
        self.accept()
