"""今天: the start page a new agent understands at a glance.

What is due today (overdue complaints, those due within the lead time, call-backs waiting),
cards that later features add (their own queue, QC), and the day-one jobs as large buttons with
their shortcuts, each one click from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints.workflow import CALLBACK, status_label
from branchdesk.settings import SettingsStore
from branchdesk.ui.kit.scrolling import scrolling_page

if TYPE_CHECKING:
    from branchdesk.complaints.glance import DueGlance
    from branchdesk.db.engine import Database

# The day-one jobs: (key, label), and their shortcuts. The window connects `job` to each.
JOB_LABELS = (
    ("lookup", "Look up an address"),
    ("complaint", "Log a complaint"),
    ("sheet", "Print vehicle sheets"),
    ("exam", "Print an exam paper"),
    ("guides", "Read the operation guides"),
)
JOB_KEYS = {
    "lookup": "Ctrl+2",
    "complaint": "Ctrl+N",
    "sheet": "Ctrl+P",
    "exam": "Ctrl+Shift+P",
    "guides": "Ctrl+9",
}
SHOWN_DUE = 8
# Qt.ItemDataRole.UserRole and ForegroundRole, and Qt.GlobalColor.darkRed, by value: the
# first use of the Qt namespace (also by QBrush's constructor) builds its 200 enums (20 ms),
# and the start-up look fills this page before the window's first paint.
ID_ROLE = 256
FOREGROUND_ROLE = 9
LATE = "#800000"
WEEKDAY_LABELS = (
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
)


class DueItem(Protocol):
    """A complaint of the due list, from the service or the start-up look."""

    @property
    def id(self) -> int: ...
    @property
    def ticket_no(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def due_at(self) -> datetime: ...


class Card(QFrame):
    """A titled box on the page."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayCard")
        self.setStyleSheet(
            "QFrame#todayCard { background: white; border: 1px solid #d6dde8; border-radius: 6px; }"
        )
        self.title = QLabel(title)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.title)


class TodayPage(QWidget):
    job = Signal(str)  # one of JOB_LABELS' keys
    open_complaint = Signal(int)

    def __init__(
        self, db: Database | None, settings: SettingsStore, parent: QWidget | None = None
    ) -> None:
        """`db` None: the page shows the start-up look (show_glance) until it is given one."""
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setPointSize(heading_font.pointSize() + 6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.due_card = Card(self.tr("Due today"))
        self.due_summary = QLabel()
        self.due_summary.setWordWrap(True)
        self.due_list = QListWidget()
        self.due_list.setObjectName("todayDue")
        self.due_list.setMinimumHeight(120)
        self.due_list.itemActivated.connect(self._open)
        self.due_card.body.addWidget(self.due_summary)
        self.due_card.body.addWidget(self.due_list, 1)

        self.jobs_card = Card(self.tr("Day-one jobs"))
        grid = QGridLayout()
        self.job_buttons: dict[str, QPushButton] = {}
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 3)
        for n, (key, text) in enumerate(JOB_LABELS):
            keys = JOB_KEYS.get(key, "")
            label = self.tr(text) + (f"\n{keys}" if keys else "")
            button = QPushButton(label)
            button.setObjectName(f"job_{key}")
            button.setFont(big)
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _c=False, key=key: self.job.emit(key))
            grid.addWidget(button, n // 3, n % 3)
            self.job_buttons[key] = button
        self.jobs_card.body.addLayout(grid)

        self.cards = QVBoxLayout()  # later features add their cards here (add_card)
        self._refreshers: list[Callable[[], None]] = []
        self._held = 0  # inside held(): refreshes wait for its end
        self._wanted = False
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addWidget(self.jobs_card)
        layout.addWidget(self.due_card)
        layout.addLayout(self.cards)
        layout.addStretch(1)
        scrolling_page(self, inner)
        self._filled = False  # empty until the first refresh(): the window fills it once

    @contextmanager
    def held(self) -> Iterator[None]:
        """Refreshes asked for inside run once, at the end: the window's start asks for one
        from each part it attaches (its cards, the agent, the reminders, showing the page),
        and each fill reads the due complaints and every card's data again."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
        # Not after an error inside: a second failed read would hide the first.
        if not self._held and self._wanted:
            self.refresh()

    def add_card(self, card: QWidget, refresh: Callable[[], None] | None = None) -> None:
        """A later feature's card (its queue, QC's follow-ups) under the day's due list;
        `refresh` runs with the page's own."""
        self.cards.addWidget(card)
        if refresh is not None:
            self._refreshers.append(refresh)
            if self._held:
                self._wanted = True
            elif self._filled:
                refresh()  # the page's first refresh fills the cards with it

    def refresh(self) -> None:
        if self._held:
            self._wanted = True
            return
        self._wanted = False
        if self.db is None:
            return  # the start-up look stands until the data is open
        from branchdesk.complaints import service as complaints

        self._filled = True
        now = datetime.now()
        lead = float(self.settings.get("complaint_lead_hours"))
        with self.db.read_session() as session:
            soon, overdue = complaints.due_counts(session, lead, now)
            rows = complaints.due_soon(session, lead, now, limit=SHOWN_DUE)
            callbacks = complaints.count_complaints(
                session, complaints.ComplaintFilter(statuses=(CALLBACK,))
            )
        self._show_due(now, lead, soon, overdue, callbacks, rows)
        for refresh in self._refreshers:
            refresh()

    def show_glance(self, due: DueGlance, lead: float, at: datetime) -> None:
        """The day's due list from the start-up look (branchdesk.db.glance), read before the
        data is opened; the first refresh with the data reads it again."""
        self._show_due(at, lead, due.soon, due.overdue, due.callbacks, due.rows)

    def _show_due(
        self,
        now: datetime,
        lead: float,
        soon: int,
        overdue: int,
        callbacks: int,
        rows: Sequence[DueItem],
    ) -> None:
        self.heading.setText(
            self.tr("Today: {date}, {weekday}").format(
                date=now.strftime("%Y-%m-%d"), weekday=self.tr(WEEKDAY_LABELS[now.weekday()][1])
            )
        )
        if overdue or soon or callbacks:
            self.due_summary.setText(
                self.tr(
                    "{overdue} overdue, {soon} due within {hours} h, {callbacks} waiting for a "
                    "call-back. Double-click one to open it."
                ).format(overdue=overdue, soon=soon, hours=f"{lead:g}", callbacks=callbacks)
            )
        else:
            self.due_summary.setText(self.tr("Nothing is due today."))
        self.due_list.clear()
        for row in rows:
            late = row.due_at < now
            text = self.tr("{due} · {ticket} · {category} · {status}{late}").format(
                due=row.due_at.strftime("%m-%d %H:%M"),
                ticket=row.ticket_no,
                category=row.category,
                status=status_label(row.status),
                late=self.tr(" · overdue") if late else "",
            )
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row.id)
            if late:
                item.setData(FOREGROUND_ROLE, QColor(LATE))
            self.due_list.addItem(item)
        self.due_list.setVisible(bool(rows))

    def _open(self, item: QListWidgetItem) -> None:
        self.open_complaint.emit(int(item.data(ID_ROLE)))
