"""初始设置: the short welcome of a new branch PC, in the user's language.

Asks the branch name, the courier company, the branch's city and district (the default region
of an address that names none), an optional owner PIN, then offers the sample branch or the
import of the branch's own tables. Reopened from 帮助 › 初始设置向导; the branch's settings are
then changed as an owner action, like in 设置.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from branchdesk.lookup.home import parse_branch_region, unread_part
from branchdesk.owner import pin as owner_pin
from branchdesk.settings import SettingsStore
from branchdesk.ui.kit.company_box import company_box

SAMPLE, IMPORT, LATER = "sample", "import", "later"


@dataclass(frozen=True)
class Setup:
    """What the welcome asked; the window applies it."""

    branch: dict[str, str]  # branch settings that changed
    pin: str  # "" for none
    start: str  # SAMPLE, IMPORT or LATER


class BranchPage(QWizardPage):
    def __init__(self, settings: SettingsStore) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to BranchDesk"))
        self.setSubTitle(
            self.tr(
                "Three questions about your branch. You can change every answer later "
                "under 文件 › 设置."
            )
        )
        self.name = QLineEdit(str(settings.get("branch_name") or ""))
        self.name.setObjectName("branchName")
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("e.g. 海曙药行街网点"))
        self.company = company_box(str(settings.get("courier_company") or ""))
        self.region = QLineEdit(str(settings.get("branch_region") or ""))
        self.region.setObjectName("region")
        self.region.setMaxLength(60)
        self.region.setPlaceholderText(self.tr("e.g. 浙江省宁波市海曙区"))
        self.region_note = QLabel()
        self.region_note.setWordWrap(True)
        self.region.textChanged.connect(self._show_region)
        form = QFormLayout(self)
        form.addRow(self.tr("Branch name"), self.name)
        form.addRow(self.tr("Courier company"), self.company)
        form.addRow(self.tr("The branch's city and district"), self.region)
        form.addRow("", self.region_note)
        self._show_region()

    def _show_region(self) -> None:
        text = self.region.text().strip()
        if not text:
            self.region_note.setText(
                self.tr("Addresses that name no city are then read as in this district.")
            )
        elif (region := parse_branch_region(text)) is None:
            self.region_note.setText(
                self.tr("Not a city or district BranchDesk knows: write it as on an address.")
            )
        elif left := unread_part(text):
            parts = [p for p in (region.province, region.city, region.district) if p]
            self.region_note.setText(
                self.tr(
                    "Read as: {region}, but “{left}” is not in it (a district of another "
                    "city?). Write the city and its district, e.g. 浙江省宁波市海曙区."
                ).format(region=" ".join(parts), left=left)
            )
        else:
            parts = [p for p in (region.province, region.city, region.district) if p]
            self.region_note.setText(self.tr("Read as: {region}").format(region=" ".join(parts)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.region.text().strip()
        return not text or (parse_branch_region(text) is not None and not unread_part(text))


class PinPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Owner PIN (optional)"))
        # In the page, not the subtitle: QWizard's header cuts a subtitle's second line, and
        # in Chinese this one takes two.
        intro = QLabel(
            self.tr(
                "A PIN keeps the owner's actions (replacing tables, restoring a backup, changing "
                "settings) to the owner. Leave it empty to set it later under 店主 › 店主密码."
            )
        )
        intro.setObjectName("pinIntro")
        intro.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("pinAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        for field in (self.pin, self.again):
            field.textChanged.connect(self._check)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("Again"), self.again)
        form.addRow("", self.problem)

    def _check(self) -> None:
        self.problem.setText(self._problem())
        self.completeChanged.emit()

    def _problem(self) -> str:
        pin, again = self.pin.text(), self.again.text()
        if not pin and not again:
            return ""
        try:
            owner_pin.validate(pin)
        except owner_pin.PinError as exc:
            return str(exc)
        if pin != again:
            return self.tr("The two PINs differ.")
        return ""

    def isComplete(self) -> bool:
        return self._problem() == ""


class StartPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("How do you want to start?"))
        self.sample = QRadioButton(
            self.tr("Try the sample branch first (an example you replace with your own tables)")
        )
        self.sample.setObjectName("startSample")
        self.own = QRadioButton(
            self.tr("Import my branch's area table now (派件区域表, from Excel)")
        )
        self.own.setObjectName("startImport")
        self.later = QRadioButton(self.tr("Start empty; I import my tables later"))
        self.later.setObjectName("startLater")
        self.group = QButtonGroup(self)
        for n, button in enumerate((self.sample, self.own, self.later)):
            self.group.addButton(button, n)
        self.sample.setChecked(True)
        layout = QVBoxLayout(self)
        for button in (self.sample, self.own, self.later):
            layout.addWidget(button)
        layout.addStretch(1)

    def choice(self) -> str:
        return SAMPLE if self.sample.isChecked() else IMPORT if self.own.isChecked() else LATER


class FirstRunWizard(QWizard):
    def __init__(
        self,
        settings: SettingsStore,
        *,
        pin_set: bool,
        has_data: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Set up BranchDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.branch = BranchPage(settings)
        self.pin_page = PinPage() if not pin_set else None
        self.start = StartPage() if not has_data else None
        self.addPage(self.branch)
        if self.pin_page is not None:
            self.addPage(self.pin_page)
        if self.start is not None:
            self.addPage(self.start)
        self.resize(620, 420)

    def setup(self) -> Setup:
        answers = {
            "branch_name": self.branch.name.text().strip(),
            "courier_company": self.branch.company.currentText().strip(),
            "branch_region": self.branch.region.text().strip(),
        }
        changed = {k: v for k, v in answers.items() if v != str(self.settings.get(k) or "")}
        pin = self.pin_page.pin.text() if self.pin_page is not None else ""
        start = self.start.choice() if self.start is not None else LATER
        return Setup(changed, pin, start)
