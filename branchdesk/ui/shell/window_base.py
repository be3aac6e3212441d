"""What the parts of the main window share: the page numbers and the window's state.

The main window is put together from parts, one file each (startup, menus, reminders,
maintenance), as mixins of `MainWindow`. `WindowParts` declares the state they share, so each
part reads as a class of its own and the type checker sees what it uses.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QFrame,
        QLabel,
        QListWidget,
        QStackedWidget,
        QSystemTrayIcon,
        QToolButton,
        QWidget,
    )

    from branchdesk.db.engine import Database
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
    _stopping: threading.Event
    notified: dict[int, str]
    _reminders_started: bool
    tray: QSystemTrayIcon | None
    reminder_timer: QTimer
    nav: QListWidget
    pages: QStackedWidget
    loading: QLabel
    sample_banner: QLabel
    sample_bar: QFrame
    remove_sample_action: QAction
    due_indicator: QToolButton
    today_page: TodayPage
    lookup_page: LookupPage
    data_page: DataPage
    couriers_page: CouriersPage
    handbook_page: HandbookPage
    practice_page: PracticePage
    complaints_page: ComplaintsPage
    analysis_page: AnalysisPage | None
    analysis_holder: QWidget
    guides_page: GuidesPage | None
    guides_holder: QWidget
    import_action: QAction
    print_action: QAction
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
