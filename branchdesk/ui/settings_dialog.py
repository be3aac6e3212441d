"""Settings: language, branch name, the agent's name, complaint reminders, banned phrases."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from branchdesk.settings import SettingsStore

LANGUAGES = (("auto", "Follow the system"), ("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(self.tr(label), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.branch_name = QLineEdit(settings.get("branch_name"))
        self.branch_name.setMaxLength(60)
        self.branch_name.setPlaceholderText(self.tr("e.g. 中通宁波海曙网点"))
        self.agent_name = QLineEdit(settings.get("agent_name"))
        self.agent_name.setMaxLength(40)
        self.agent_name.setPlaceholderText(self.tr("recorded as “who” in complaint histories"))
        self.lead_hours = QSpinBox()
        self.lead_hours.setRange(0, 72)
        self.lead_hours.setSuffix(self.tr(" h before the deadline"))
        self.lead_hours.setValue(int(settings.get("complaint_lead_hours")))
        self.banned = QPlainTextEdit("\n".join(settings.get("banned_phrases")))
        self.banned.setPlaceholderText(self.tr("one phrase a line"))
        self.banned.setFixedHeight(110)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Branch name"), self.branch_name)
        form.addRow(self.tr("Your name"), self.agent_name)
        form.addRow(self.tr("Complaints show as due"), self.lead_hours)
        form.addRow(self.tr("Banned phrases in replies"), self.banned)
        form.addRow(QLabel(self.tr("A new language takes effect the next time BranchDesk starts.")))
        form.addRow(buttons)

    def save(self) -> None:
        self.settings.set("language", self.language.currentData())
        self.settings.set("branch_name", self.branch_name.text().strip())
        self.settings.set("agent_name", self.agent_name.text().strip())
        self.settings.set("complaint_lead_hours", self.lead_hours.value())
        phrases = [line.strip() for line in self.banned.toPlainText().splitlines()]
        self.settings.set("banned_phrases", [p for p in dict.fromkeys(phrases) if p])
        self.accept()
