"""What the parts of the main window share: the page numbers and the window's state.

The main window is put together from parts, one file each (startup, menus, reminders,
maintenance), as mixins of `MainWindow`. `WindowParts` declares the state they share, so each
part reads as a class of its own and the type checker sees what it uses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QFrame,
        QLabel,
        QListWidget,
        QPushButton,
        QStackedWidget,
        QSystemTrayIcon,
        QToolButton,
        QWidget,
    )

    from branchdesk.db.engine import Database, DataVersion
    from branchdesk.settings import SettingsStore
    from branchdesk.ui.complaints.analysis_page import AnalysisPage
    from branchdesk.ui.complaints.complaints_page import ComplaintsPage
    from branchdesk.ui.data.data_page import DataPage
    from branchdesk.ui.guides.guides_page import GuidesPage
    from branchdesk.ui.handbook.handbook_page import HandbookPage
    from branchdesk.ui.handbook.practice_page import PracticePage
    from branchdesk.ui.kit.tasks import TaskRunner
    from branchdesk.ui.kit.workers import Task
    from branchdesk.ui.lookup.couriers_page import CouriersPage
    from branchdesk.ui.lookup.lookup_page import LookupPage
    from branchdesk.ui.shell.today_page import TodayPage

TODAY, LOOKUP, DATA, COURIERS, HANDBOOK, PRACTICE, COMPLAINTS, ANALYSIS, GUIDES = range(9)
KNOWLEDGE = 9  # 知识库 (FAQ, gaps, suggestions), Ctrl+0
TRAINING = 10  # 培训 (drills, the new-hire plan, who is ready), Ctrl+Shift+T
PAGE_COUNT = 11
REMINDER_INTERVAL_MS = 60_000

# At run time a part is a plain mixin; for the type checker it is the window.
_Window = QMainWindow if TYPE_CHECKING else object


class WindowParts(_Window):  # type: ignore[misc,valid-type]
    """The state the parts of the main window share (set up by MainWindow.__init__)."""

    db: Database | None
    settings: SettingsStore
    startup_checks: bool
    warmup: TaskRunner  # the start-up task: area index, checks, daily backup
    note_runner: TaskRunner  # a lookup noted for the drills (TrainingPart)
    notes_waiting: list[tuple[int, list[str]]]  # lookups to note, while one is written
    notes_writing: list[tuple[int, list[str]]]  # the lookups being written now
    _stopping: threading.Event
    notified: dict[int, str]
    _reminders_started: bool
    tray: QSystemTrayIcon | None
    quitting: bool
    _ask_agent_on_show: bool  # started or closed into the tray: ask who sits down on show
    _agent_held: int  # questions under way that the agent picker waits for (TeamPart)
    _agent_asked: bool  # the picker was asked for this start (TeamPart)
    _agent_unconfirmed: bool  # the start's picker waits while 查件 is in front (TeamPart)
    checked_on: date | None  # the day of the last start-up check and backup
    data_seen: DataVersion | None  # Database.data_version() when the pages last read it
    _shut_down: bool
    reminder_timer: QTimer
    nav: QListWidget
    pages: QStackedWidget
    loading: QLabel
    sample_banner: QLabel
    sample_bar: QFrame
    remove_sample_button: QPushButton
    remove_sample_action: QAction
    due_indicator: QToolButton
    _built: dict[int, QWidget]  # the pages built so far, by index (PagesPart)
    _early_intent: Callable[[], None] | None  # asked for in the start-up look (EarlyPart)
    _early_on: bool  # the start-up look's navigation is wired (EarlyPart)
    import_action: QAction
    print_action: QAction
    exam_action: QAction
    slips_action: QAction
    new_complaint_action: QAction
    purge_action: QAction
    backup_action: QAction
    restore_action: QAction
    setup_action: QAction
    pin_action: QAction
    audit_action: QAction

    @property
    def _warmup(self) -> Task | None:
        """The start-up task (area index, checks, daily backup) while its thread runs."""
        return self.warmup.task

    # --- the pages: built the first time they are shown or used (pages_part.py) ---------------

    def built(self, index: int) -> QWidget | None:
        """The page at `index` if it has been built, else None (never builds it)."""
        return getattr(self, "_built", {}).get(index)

    def page(self, index: int) -> QWidget:
        """The page at `index`, built in its placeholder's place the first time."""
        page = self.built(index)
        if page is not None:
            return page
        assert self.db is not None, "the pages are built once the data is open"
        page = self._build_page(index)
        self._put(index, page)
        return page

    def _put(self, index: int, page: QWidget) -> None:
        """`page` in its placeholder's place."""
        self._built[index] = page
        placeholder = self.pages.widget(index)
        assert placeholder is not None
        showing = self.pages.currentIndex() == index
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        if showing:
            self.pages.setCurrentIndex(index)

    def _build_page(self, index: int) -> QWidget:
        raise NotImplementedError  # PagesPart's

    def branch_changed(self) -> None:
        """The branch's settings changed (设置, the setup wizard): the title, and 查件's
        answer read again (the branch's district decides what an address without one is)."""
        self.refresh_title()
        if (page := self.built(LOOKUP)) is not None:
            box = cast("LookupPage", page).search_box
            if box.text().strip():
                cast("LookupPage", page).run_search()

    def refresh_title(self) -> None:
        raise NotImplementedError  # MainWindow's

    def when_ready(self, then: Callable[[], None]) -> bool:
        raise NotImplementedError  # EarlyPart's

    def ask_early(self, then: Callable[[], None], what: str) -> bool:
        raise NotImplementedError  # EarlyPart's

    def _open_early(self) -> None:
        raise NotImplementedError  # EarlyPart's

    def _close_early(self) -> None:
        raise NotImplementedError  # EarlyPart's

    def when_leaving_lookup(self, then: Callable[[], None]) -> None:
        raise NotImplementedError  # EarlyPart's

    def open_guide_pack(self, path: Path) -> None:
        raise NotImplementedError  # MainWindow's

    def bring_forward(self) -> None:
        raise NotImplementedError  # MainWindow's

    def new_day(self) -> None:
        raise NotImplementedError  # StartupPart's

    def quit_app(self) -> None:
        raise NotImplementedError  # MainWindow's

    @property
    def today_page(self) -> TodayPage:
        return cast("TodayPage", self.page(TODAY))

    @property
    def lookup_page(self) -> LookupPage:
        return cast("LookupPage", self.page(LOOKUP))

    @property
    def data_page(self) -> DataPage:
        return cast("DataPage", self.page(DATA))

    @property
    def couriers_page(self) -> CouriersPage:
        return cast("CouriersPage", self.page(COURIERS))

    @property
    def handbook_page(self) -> HandbookPage:
        return cast("HandbookPage", self.page(HANDBOOK))

    @property
    def practice_page(self) -> PracticePage:
        return cast("PracticePage", self.page(PRACTICE))

    @property
    def complaints_page(self) -> ComplaintsPage:
        return cast("ComplaintsPage", self.page(COMPLAINTS))

    @property
    def analysis_page(self) -> AnalysisPage:
        return cast("AnalysisPage", self.page(ANALYSIS))

    @property
    def guides_page(self) -> GuidesPage:
        return cast("GuidesPage", self.page(GUIDES))
