"""Settings: language and branch name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Branch name"), self.branch_name)
        form.addRow(QLabel(self.tr("A new language takes effect the next time BranchDesk starts.")))
        form.addRow(buttons)

    def save(self) -> None:
        self.settings.set("language", self.language.currentData())
        self.settings.set("branch_name", self.branch_name.text().strip())
        self.accept()
