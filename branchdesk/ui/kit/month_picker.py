"""◀ yyyy-MM ▶: the month chooser of the monthly pages (complaint analysis, pay statements)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QPushButton


class MonthPicker:
    """A month edit between previous- and next-month buttons; `changed` runs on every change.

    Not a widget of its own: a page lays the three out in its own button row."""

    def __init__(self, first: QDate, changed: Callable[[], None]) -> None:
        self.edit = QDateEdit(first)
        self.edit.setDisplayFormat("yyyy-MM")
        self.edit.setCurrentSection(QDateEdit.Section.MonthSection)
        self.edit.setMinimumDate(QDate(2000, 1, 1))
        self.edit.dateChanged.connect(changed)
        self.previous = QPushButton("◀")
        self.previous.setToolTip(QCoreApplication.translate("MonthPicker", "Previous month"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next = QPushButton("▶")
        self.next.setToolTip(QCoreApplication.translate("MonthPicker", "Next month"))
        self.next.clicked.connect(lambda: self.step(1))
        for arrow in (self.previous, self.next):
            arrow.setFixedWidth(36)

    def step(self, months: int) -> None:
        self.edit.setDate(self.edit.date().addMonths(months))
