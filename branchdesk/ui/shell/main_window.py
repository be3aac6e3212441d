"""The main window: left navigation, one page per capability, menus and status bar.

Start-up paints first and loads later: the window shell uses Qt alone, so it appears as fast
as an empty window; `open_data()` then imports the storage layer, opens the database and
builds the pages on the next turn of the event loop.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk import __version__, permissions
from branchdesk.errors import BranchDeskError
from branchdesk.settings import SettingsStore

if TYPE_CHECKING:
    from branchdesk.complaints.service import ComplaintRow
    from branchdesk.db.engine import Database
    from branchdesk.ui.complaints.analysis_page import AnalysisPage
    from branchdesk.ui.complaints.complaints_page import ComplaintsPage
    from branchdesk.ui.data.data_page import DataPage
    from branchdesk.ui.guides.guides_page import GuidesPage
    from branchdesk.ui.handbook.handbook_page import HandbookPage
    from branchdesk.ui.handbook.practice_page import PracticePage
    from branchdesk.ui.kit.workers import Task
    from branchdesk.ui.lookup.couriers_page import CouriersPage
    from branchdesk.ui.lookup.lookup_page import LookupPage


LOOKUP, DATA, COURIERS, HANDBOOK, PRACTICE, COMPLAINTS, ANALYSIS, GUIDES = range(8)
PAGE_COUNT = 8
REMINDER_INTERVAL_MS = 60_000


class MainWindow(QMainWindow):
    data_ready = Signal()  # the database is open and every page is built
    reminded = Signal(str)  # a complaint newly due soon or overdue (shown in the tray)

    def __init__(
        self,
        db: Database | None = None,
        settings: SettingsStore | None = None,
        *,
        startup_checks: bool = False,
    ) -> None:
        super().__init__()
        # The integrity check and the day's backup run off the UI thread after the window is
        # ready (a quick check of a 1M-waybill file takes as long as the whole start-up).
        self.startup_checks = startup_checks
        self.db: Database | None = None
        self.settings = settings or SettingsStore()
        self.resize(1180, 760)
        self.setMinimumSize(QSize(800, 560))
        self._warmup: Task | None = None
        # Set on close: the start-up daily backup stops rather than hold the window open.
        self._stopping = threading.Event()
        self._purge: _WaybillPurge | None = None  # removing old waybills, off the UI thread
        # Complaint ids already announced as due soon / overdue, so each is announced once.
        self.notified: dict[int, str] = {}
        self._reminders_started = False
        self.tray: QSystemTrayIcon | None = None
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(REMINDER_INTERVAL_MS)
        self.reminder_timer.timeout.connect(self.refresh_reminders)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(130)
        font = self.nav.font()
        font.setPointSize(font.pointSize() + 2)
        self.nav.setFont(font)
        for title, key in (
            (self.tr("Lookup"), "Ctrl+1"),
            (self.tr("Data"), "Ctrl+2"),
            (self.tr("Couriers"), "Ctrl+3"),
            (self.tr("Handbook"), "Ctrl+4"),
            (self.tr("Practice"), "Ctrl+5"),
            (self.tr("Complaints"), "Ctrl+6"),
            (self.tr("Analysis"), "Ctrl+7"),
            (self.tr("Guides"), "Ctrl+8"),
        ):
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(120, 44))
            item.setToolTip(key)
            self.nav.addItem(item)
        self.pages = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the branch's data…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading)
        self.nav.setEnabled(False)

        self.sample_banner = QLabel()
        self.sample_banner.setObjectName("sampleBanner")
        self.sample_banner.setStyleSheet(
            "QLabel#sampleBanner { background: #fff4ce; color: #5c4400; padding: 6px; }"
        )
        self.sample_banner.setWordWrap(True)
        self.sample_banner.setVisible(False)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.sample_banner)
        rl.addWidget(self.pages, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.refresh_title()
        self.statusBar().showMessage(self.tr("Opening the branch's data…"))
        if db is not None:
            self.attach(db)

    # --- start-up --------------------------------------------------------------------------
    def open_data(self, path: Path | None = None) -> bool:
        """Open the database (in the data dir unless `path`) and build the pages; False (and
        a message) when it cannot be opened."""
        from branchdesk.db.engine import open_database
        from branchdesk.db.location import NetworkDriveError
        from branchdesk.errors import DatabaseTooNewError

        try:
            db = open_database(path)
        except (DatabaseTooNewError, NetworkDriveError) as exc:
            QMessageBox.critical(self, self.tr("BranchDesk cannot open its data"), str(exc))
            self.close()
            return False
        except BranchDeskError as exc:
            # A damaged file: offer the newest good backup instead of failing at every start.
            if not self.offer_restore(str(exc), path):
                self.close()
                return False
            try:
                db = open_database(path)
            except BranchDeskError as again:
                QMessageBox.critical(self, self.tr("BranchDesk cannot open its data"), str(again))
                self.close()
                return False
        self.attach(db)
        return True

    def offer_restore(self, problem: str, path: Path | None = None) -> bool:
        """The data is damaged: offer the newest good backup. True when it was restored."""
        from branchdesk import paths
        from branchdesk.db.backup import lacking_rows, newest_good_backup, restore

        db_path = path or paths.db_path()
        newest = newest_good_backup(paths.backups_dir())
        if newest is None:
            QMessageBox.critical(
                self,
                self.tr("The branch's data is damaged"),
                self.tr(
                    "{problem}\n\nThere is no backup to restore. Run “branchdesk check” and ask "
                    "whoever looks after this PC; do not delete the file."
                ).format(problem=problem),
            )
            return False
        lacking = "\n".join(lacking_rows(db_path, newest).lines())
        answer = QMessageBox.question(
            self,
            self.tr("The branch's data is damaged"),
            self.tr(
                "{problem}\n\nRestore the newest good backup ({name})? The damaged file is kept "
                "as a backup first.\n\n{lacking}"
            ).format(problem=problem, name=newest.name, lacking=lacking),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.db is not None:
            self.db.dispose()
        # Recovery from damage is not held back by the PIN: the PIN lives in the damaged file,
        # and this restores the newest good backup, not a file of the user's choosing.
        held = permissions.current_lock()
        permissions.set_policy(None)
        try:
            restore(db_path, newest, backups_dir=paths.backups_dir())
        except BranchDeskError as exc:
            permissions.set_policy(held)
            QMessageBox.critical(self, self.tr("Restore failed"), str(exc))
            return False
        return True

    def attach(self, db: Database) -> None:
        from branchdesk.owner import policy
        from branchdesk.ui.complaints.complaints_page import ComplaintsPage
        from branchdesk.ui.data.data_page import DataPage
        from branchdesk.ui.handbook.handbook_page import HandbookPage
        from branchdesk.ui.handbook.practice_page import PracticePage
        from branchdesk.ui.lookup.couriers_page import CouriersPage
        from branchdesk.ui.lookup.lookup_page import LookupPage
        from branchdesk.ui.owner import owner_dialogs as owner

        self.db = db
        # The branch's settings come from the database (settings.json's, the first time).
        policy.start(db, self.settings)
        self.refresh_title()
        # Owner actions are locked from the start when the database holds a PIN.
        owner.install_lock(db)
        permissions.set_actor(self.settings.get("agent_name"))
        self.lookup_page: LookupPage = LookupPage(db)
        self.data_page: DataPage = DataPage(db)
        self.couriers_page: CouriersPage = CouriersPage(db)
        self.handbook_page: HandbookPage = HandbookPage(db)
        self.practice_page: PracticePage = PracticePage(db)
        self.complaints_page: ComplaintsPage = ComplaintsPage(db, self.settings)
        for page in (
            self.lookup_page,
            self.data_page,
            self.couriers_page,
            self.handbook_page,
            self.practice_page,
            self.complaints_page,
        ):
            self.pages.addWidget(page)
        # The analysis page (QtCharts) is built the first time it is shown.
        self.analysis_page: AnalysisPage | None = None
        self.analysis_holder = QWidget()
        QVBoxLayout(self.analysis_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.analysis_holder)
        # The guides page too: its editor and viewer need nothing at start-up.
        self.guides_page: GuidesPage | None = None
        self.guides_holder = QWidget()
        QVBoxLayout(self.guides_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.guides_holder)
        self.pages.removeWidget(self.loading)
        self.loading.deleteLater()
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setEnabled(True)
        self.data_page.import_requested.connect(self.open_import)
        self.data_page.changed.connect(self.refresh)
        self.couriers_page.changed.connect(self.lookup_page.run_search)
        self.handbook_page.import_requested.connect(self.open_import)
        self.handbook_page.print_requested.connect(self.open_print)
        self.handbook_page.practice_requested.connect(lambda: self.nav.setCurrentRow(PRACTICE))
        self.handbook_page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.practice_page.print_requested.connect(
            lambda employee: self.open_print("results", employee=employee)
        )
        self.complaints_page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.complaints_page.due_refreshed.connect(self._show_due_counts)
        self.statusBar().addPermanentWidget(self.due_indicator)
        self._start_reminders()
        self.nav.setCurrentRow(0)
        self._show_page(0)
        self.refresh_banner()
        self.import_action.setEnabled(True)
        self.print_action.setEnabled(True)
        self.slips_action.setEnabled(True)
        self.new_complaint_action.setEnabled(True)
        self.purge_action.setEnabled(True)
        self.backup_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        self.pin_action.setEnabled(True)
        self.audit_action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Ready"))
        self.lookup_page.focus_search()
        QTimer.singleShot(0, self._warm_up_lookup)
        self.data_ready.emit()

    def _warm_up_lookup(self) -> None:
        """Build the in-memory area index off the UI thread, so the first search is fast."""
        from branchdesk.lookup.service import lookup_index
        from branchdesk.ui.kit.workers import Task

        db = self.db
        if db is None or self._stopping.is_set():
            return  # closed before its turn came: a thread started now would outlive it

        checks = self.startup_checks
        stopping = self._stopping
        keep_daily = int(self.settings.get("backup_keep_daily"))
        keep_weekly = int(self.settings.get("backup_keep_weekly"))

        def work(_progress: object) -> object:
            with db.read_session() as session:
                lookup_index(session)
            if not checks:
                return None
            from branchdesk import paths
            from branchdesk.db.backup import BackupCancelled, daily_backup
            from branchdesk.db.integrity import quick_check

            db_path = Path(str(db.engine.url.database))
            report = quick_check(db_path)
            if report.ok:
                with contextlib.suppress(BackupCancelled):  # closing: the next start makes it
                    daily_backup(
                        db_path,
                        paths.backups_dir(),
                        keep_daily=keep_daily,
                        keep_weekly=keep_weekly,
                        cancelled=stopping.is_set,
                    )
            return report

        task = Task(work)
        task.succeeded.connect(self._checked)
        task.finished.connect(self._warm_up_done)
        self._warmup = task
        task.start()

    def _checked(self, report: object) -> None:
        from branchdesk.db.integrity import IntegrityReport

        if isinstance(report, IntegrityReport) and not report.ok:
            problem = self.tr("The database failed its integrity check: {problems}").format(
                problems="; ".join(report.problems[:5])
            )
            if self.offer_restore(problem):
                QMessageBox.information(
                    self,
                    self.tr("Backup restored"),
                    self.tr("The backup was restored. Start BranchDesk again to use it."),
                )
                self.close()

    def _warm_up_done(self) -> None:
        # Wait for the thread to end before letting go of it: a QThread destroyed while
        # still running aborts the process.
        if self._warmup is not None:
            self._warmup.wait()
            self._warmup = None

    def _show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        if row == 1:
            self.data_page.ensure_loaded()
        if row == ANALYSIS:
            # Built on first show, reloaded on every later one: complaints change meanwhile.
            fresh = self.analysis_page is None
            page = self.ensure_analysis()
            if not fresh:
                page.reload()
        if row == GUIDES:
            fresh = self.guides_page is None
            guides = self.ensure_guides()
            if not fresh:
                guides.reload()  # review dates move on; an import may have added guides
        # Ctrl+N is "new" on the page in front; pages with their own new thing (handbook item,
        # complaint) keep it, elsewhere it logs a complaint.
        self.new_complaint_action.setShortcut(
            QKeySequence()
            if row in (HANDBOOK, COMPLAINTS, GUIDES)
            else QKeySequence.StandardKey.New
        )

    # --- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import a table…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.open_import)
        self.import_action.setEnabled(False)
        file_menu.addAction(self.import_action)
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.open_print())
        self.print_action.setEnabled(False)
        file_menu.addAction(self.print_action)
        self.sample_action = QAction(self.tr("Load the sample &branch"), self)
        self.sample_action.triggered.connect(self.load_sample)
        self.sample_action.setEnabled(False)
        file_menu.addAction(self.sample_action)
        self.purge_action = QAction(self.tr("&Remove old waybills…"), self)
        self.purge_action.triggered.connect(self.remove_old_waybills)
        self.purge_action.setEnabled(False)
        file_menu.addAction(self.purge_action)
        self.backup_action = QAction(self.tr("Back &up to a folder…"), self)
        self.backup_action.triggered.connect(self.back_up_to_folder)
        self.backup_action.setEnabled(False)
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("R&estore from a backup…"), self)
        self.restore_action.triggered.connect(self.open_restore)
        self.restore_action.setEnabled(False)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        complaints_menu = self.menuBar().addMenu(self.tr("&Complaints"))
        self.new_complaint_action = QAction(self.tr("&New complaint…"), self)
        self.new_complaint_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_complaint_action.triggered.connect(self.new_complaint)
        self.new_complaint_action.setEnabled(False)
        complaints_menu.addAction(self.new_complaint_action)
        due_action = QAction(self.tr("&Due queue"), self)
        due_action.triggered.connect(self.show_due)
        complaints_menu.addAction(due_action)
        self.slips_action = QAction(self.tr("Problem-parcel &slips…"), self)
        self.slips_action.triggered.connect(self.open_slips)
        self.slips_action.setEnabled(False)
        complaints_menu.addAction(self.slips_action)
        self.due_indicator = QToolButton()
        self.due_indicator.setObjectName("dueIndicator")
        self.due_indicator.setAutoRaise(True)
        self.due_indicator.setToolTip(self.tr("Open the due queue of complaints"))
        self.due_indicator.clicked.connect(self.show_due)
        self.due_indicator.setVisible(False)
        for n in range(PAGE_COUNT):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _c=False, n=n: self.nav.setCurrentRow(n))
            self.addAction(action)
        owner_menu = self.menuBar().addMenu(self.tr("&Owner"))
        self.unlock_action = QAction(self.tr("&Unlock owner actions…"), self)
        self.unlock_action.triggered.connect(self.unlock_owner)
        owner_menu.addAction(self.unlock_action)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.triggered.connect(self.lock_owner)
        owner_menu.addAction(self.lock_action)
        owner_menu.addSeparator()
        self.pin_action = QAction(self.tr("Owner &PIN…"), self)
        self.pin_action.triggered.connect(self.change_pin)
        owner_menu.addAction(self.pin_action)
        self.audit_action = QAction(self.tr("&Audit log…"), self)
        self.audit_action.triggered.connect(self.show_audit)
        owner_menu.addAction(self.audit_action)
        owner_menu.aboutToShow.connect(self._update_owner_menu)
        for action in (self.unlock_action, self.lock_action, self.pin_action, self.audit_action):
            action.setEnabled(False)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About BranchDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def refresh_title(self) -> None:
        name = self.settings.get("branch_name")
        title = self.tr("BranchDesk 网点服务台")
        self.setWindowTitle(f"{title} — {name}" if name else title)

    def refresh_banner(self) -> None:
        from branchdesk.sample import has_sample

        assert self.db is not None
        with self.db.read_session() as session:
            sample = has_sample(session)
        self.sample_banner.setText(
            self.tr(
                "You are looking at the SAMPLE branch (示例数据). Import your branch's own "
                "tables under 数据, then undo the sample imports there."
            )
        )
        self.sample_banner.setVisible(sample)
        self.sample_action.setEnabled(not sample)

    def refresh(self) -> None:
        self.data_page.refresh()
        self.couriers_page.refresh()
        # Imports and their undo change the handbook under the page's undo stack.
        self.handbook_page.reset()
        self.refresh_banner()
        self.lookup_page.run_search()
        self.complaints_page.refresh()  # an import may have brought HQ work orders
        if self.guides_page is not None:
            self.guides_page.reload()  # the sample branch brings sample guides

    def open_import(self, kind: str = "areas") -> None:
        from branchdesk.ui.data.import_dialog import ImportDialog

        if self.db is None:
            return
        if not isinstance(kind, str):  # QAction.triggered passes a bool
            kind = "handbook" if self.pages.currentWidget() is self.handbook_page else "areas"
        dialog = ImportDialog(self.db, kind=kind, parent=self)
        dialog.imported.connect(lambda report: self.statusBar().showMessage(report.summary()))
        if dialog.exec():
            self.refresh()

    def ensure_analysis(self) -> AnalysisPage:
        from branchdesk.ui.complaints.analysis_page import AnalysisPage

        if self.analysis_page is None:
            assert self.db is not None
            self.analysis_page = AnalysisPage(self.db)
            layout = self.analysis_holder.layout()
            assert layout is not None
            layout.addWidget(self.analysis_page)
            self.analysis_page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.analysis_page.show()
        return self.analysis_page

    def ensure_guides(self) -> GuidesPage:
        from branchdesk.ui.guides.guides_page import GuidesPage

        if self.guides_page is None:
            assert self.db is not None
            self.guides_page = GuidesPage(self.db, self.settings)
            layout = self.guides_holder.layout()
            assert layout is not None
            layout.addWidget(self.guides_page)
            self.guides_page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.guides_page.show()
        return self.guides_page

    def open_slips(self) -> None:
        from branchdesk.ui.complaints.slips_dialog import SlipsDialog

        if self.db is None:
            return
        dialog = SlipsDialog(self.db, self)
        dialog.printed.connect(
            lambda printed: self.statusBar().showMessage(
                self.tr("Printed {pages} page(s): {path}").format(
                    pages=printed.pages, path=printed.path
                ),
                8000,
            )
        )
        dialog.exec()

    def open_print(self, document: str = "handbook", employee: str | None = None) -> None:
        """The print dialog; from the handbook page it offers the selected items."""
        from branchdesk.ui.handbook.print_dialog import PrintDialog

        if self.db is None:
            return
        if self.pages.currentWidget() is self.guides_holder and self.guides_page is not None:
            self.guides_page.print_guide()  # Ctrl+P on the guides page prints the guide
            return
        selected = (
            self.handbook_page.selected_ids()
            if self.pages.currentWidget() is self.handbook_page
            else []
        )
        dialog = PrintDialog(
            self.db, document=document, selected_ids=selected, employee=employee, parent=self
        )
        dialog.printed.connect(
            lambda printed: self.statusBar().showMessage(
                self.tr("Printed {pages} page(s): {path}").format(
                    pages=printed.pages, path=printed.path
                ),
                8000,
            )
        )
        dialog.exec()

    def load_sample(self) -> bool:
        from branchdesk.sample import load_sample_branch
        from branchdesk.ui.owner import owner_dialogs as owner

        db = self.db
        assert db is not None

        def load() -> str:
            with db.session() as session:
                return load_sample_branch(session)

        try:
            # Its handbook is an owner's change: with a PIN set, the PIN is asked for.
            summary = owner.retrying(self, db, load)
        except owner.PinCancelled:
            return False
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Sample branch"), str(exc))
            return False
        self.refresh()
        self.statusBar().showMessage(summary)
        return True

    def offer_sample(self) -> None:
        """First start: offer the sample branch so a new user sees how it works."""
        from branchdesk.lookup.tables import has_area_rules

        if self.settings.get("first_run_done") or self.db is None:
            return
        self.settings.set("first_run_done", True)
        with self.db.read_session() as session:
            if has_area_rules(session):
                return
        answer = QMessageBox.question(
            self,
            self.tr("Welcome to BranchDesk"),
            self.tr(
                "Load a sample branch to try BranchDesk? It is an example (an area table of "
                "10 couriers, routes, arrival times, 3,000 waybills and a penalty handbook of "
                "33 rules) that you replace by importing your own tables."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load_sample()

    def bring_forward(self) -> None:
        """Show the window in front (another start of BranchDesk asked for it)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # --- privacy: old waybills --------------------------------------------------------------
    def remove_old_waybills(self) -> None:
        """Ask for a number of days, show how many waybills are older, remove them on Yes."""
        from PySide6.QtWidgets import QInputDialog

        from branchdesk.lookup.retention import MAX_DAYS, count_old_waybills, cutoff_date
        from branchdesk.permissions import Action
        from branchdesk.ui.owner import owner_dialogs as owner

        db = self.db
        if db is None or self._purge is not None:
            return
        # Here, in the UI thread, the PIN is asked for when one is set; the purge checks
        # again in its thread.
        if not owner.ensure_owner(self, db, Action.DELETE_RECORDS):
            return
        days, ok = QInputDialog.getInt(
            self,
            self.tr("Remove old waybills"),
            self.tr(
                "Waybills hold customers' names, phones and addresses. Remove those older "
                "than this many days:"
            ),
            int(self.settings.get("waybill_keep_days")),
            1,
            MAX_DAYS,
        )
        if not ok:
            return
        with db.read_session() as session:
            count = count_old_waybills(session, days)
        before = cutoff_date(days).isoformat()
        if count == 0:
            QMessageBox.information(
                self,
                self.tr("Remove old waybills"),
                self.tr("No waybill is dated before {date}. Nothing to remove.").format(
                    date=before
                ),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove old waybills"),
            self.tr(
                "Remove {count} waybill(s) dated before {date}? They cannot be brought back "
                "(only from a backup made before)."
            ).format(count=count, date=before),
        )
        # Asked again if the unlock ran out while the questions were open: the purge runs in a
        # thread, which cannot ask.
        if answer != QMessageBox.StandardButton.Yes or not owner.ensure_owner(
            self, db, Action.DELETE_RECORDS
        ):
            return
        self._purge = _WaybillPurge(db, days, count, before, self)
        self._purge.ended.connect(self._purge_ended)
        self._purge.start()

    def _purge_ended(self, removed: int) -> None:
        if self._purge is not None:
            self._purge.deleteLater()
            self._purge = None
        if removed:
            self.refresh()

    # --- backups ----------------------------------------------------------------------------
    def back_up_to_folder(self) -> None:
        """Choose a folder (a USB stick) and write a backup of the branch's data into it."""
        from branchdesk.ui.shell.backup_dialog import FolderBackup

        if self.db is None:
            return
        job = FolderBackup(self.db, self)
        if job.start():
            self.backup_action.setEnabled(False)  # one at a time
            job.ended.connect(lambda _path: self.backup_action.setEnabled(True))

    def open_restore(self) -> None:
        """Pick a backup, preview it and restore it; BranchDesk then closes, to start again on
        the restored data."""
        from branchdesk.ui.shell.backup_dialog import RestoreDialog

        if self.db is None or self._purge is not None:
            return
        if self.guides_page is not None and not self.guides_page.close_all():
            return  # a guide editor with unsaved changes, and the user chose to stay
        if self._warmup is not None:
            self._warmup.wait()  # the start-up check and daily backup read the database
        # Nothing may read the database while it is replaced (the restore runs in a thread);
        # the reminders resume when the dialog closes without a restore.
        self.reminder_timer.stop()
        dialog = RestoreDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.rejected.connect(self.reminder_timer.start)
        dialog.restored.connect(self.close)
        dialog.show()

    def open_settings(self) -> None:
        from branchdesk.ui.owner.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self, db=self.db).exec():
            permissions.set_actor(self.settings.get("agent_name"))
            self.refresh_title()
            self.refresh_reminders()  # the lead time may have changed

    # --- the owner ------------------------------------------------------------------------
    def _update_owner_menu(self) -> None:
        lock = permissions.current_lock()
        guarded = lock is not None and lock.pin_set
        self.unlock_action.setEnabled(guarded and not lock.unlocked)  # type: ignore[union-attr]
        self.lock_action.setEnabled(guarded and lock.unlocked)  # type: ignore[union-attr]

    def unlock_owner(self) -> None:
        from branchdesk.ui.owner import owner_dialogs as owner

        if self.db is not None and owner.unlock(self, self.db):
            self.statusBar().showMessage(
                self.tr("Owner actions unlocked for {minutes} minutes after the last one.").format(
                    minutes=self.settings.get("owner_unlock_minutes")
                ),
                8000,
            )

    def lock_owner(self) -> None:
        lock = permissions.current_lock()
        if lock is not None:
            lock.lock()
            self.statusBar().showMessage(self.tr("Owner actions locked."), 8000)

    def change_pin(self) -> None:
        from branchdesk.ui.owner import owner_dialogs as owner

        if self.db is not None:
            owner.change_pin(self, self.db)

    def show_audit(self) -> None:
        from branchdesk.ui.owner import owner_dialogs as owner

        if self.db is not None:
            owner.show_audit(self, self.db)

    def about(self) -> None:
        path = self.db.engine.url.database if self.db is not None else ""
        QMessageBox.about(
            self,
            self.tr("About BranchDesk"),
            self.tr("BranchDesk 网点服务台 {version}\nData: {path}").format(
                version=__version__, path=path
            ),
        )

    # --- complaints and their reminders -----------------------------------------------------
    def new_complaint(self) -> None:
        if self.db is None:
            return
        self.nav.setCurrentRow(COMPLAINTS)
        self.complaints_page.new_complaint()

    def show_due(self) -> None:
        if self.db is None:
            return
        self.nav.setCurrentRow(COMPLAINTS)
        self.complaints_page.show_due()

    def _start_reminders(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = self.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxInformation
                )
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip(self.tr("BranchDesk 网点服务台"))
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.activated.connect(lambda _reason: self._tray_clicked())
            self.tray.show()
        self.reminder_timer.start()
        # The counts are already known (the page computed them); what is due now is not news.
        self._show_due_counts(*self.complaints_page.counts)

    def _tray_clicked(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_due()

    def refresh_reminders(self) -> None:
        """The timer's tick: recount, recolour, and announce what newly fell due."""
        if self.db is not None:
            self.complaints_page.refresh_due()

    def _show_due_counts(self, soon: int, overdue: int) -> None:
        lead = f"{float(self.settings.get('complaint_lead_hours')):g}"
        self.due_indicator.setText(
            self.tr("{overdue} overdue · {soon} due within {hours} h").format(
                overdue=overdue, soon=soon, hours=lead
            )
        )
        colour = "#b00020" if overdue else "#b35900" if soon else "#555555"
        weight = "bold" if overdue or soon else "normal"
        self.due_indicator.setStyleSheet(
            f"QToolButton#dueIndicator {{ color: {colour}; font-weight: {weight}; }}"
        )
        self.due_indicator.setVisible(True)
        self._announce(self.complaints_page.due_rows)

    def _announce(self, rows: list[ComplaintRow]) -> list[str]:
        """Tell (once) about each complaint that became due soon or overdue; returns the news."""
        from branchdesk.complaints.service import now
        from branchdesk.ui.complaints.complaints_page import due_state

        at = now()
        lead = float(self.settings.get("complaint_lead_hours"))
        first = not self._reminders_started
        self._reminders_started = True
        news: list[str] = []
        current: dict[int, str] = {}
        for row in rows:
            state = due_state(row, at, lead)
            if state is None:
                continue
            current[row.id] = state
            if self.notified.get(row.id) == state or first:
                continue
            who = f" · {row.courier_name}" if row.courier_name else ""
            news.append(
                (
                    self.tr("{ticket} is overdue (due {due}){who}")
                    if state == "overdue"
                    else self.tr("{ticket} is due at {due}{who}")
                ).format(ticket=row.ticket_no, due=row.due_at.strftime("%H:%M"), who=who)
            )
        self.notified = current
        if news:
            text = "\n".join(news[:5])
            if len(news) > 5:
                text += "\n" + self.tr("and {count} more").format(count=len(news) - 5)
            self.reminded.emit(text)
            if self.tray is not None:
                self.tray.showMessage(
                    self.tr("Complaints falling due"),
                    text,
                    QSystemTrayIcon.MessageIcon.Warning,
                    15_000,
                )
        return news

    def closeEvent(self, event: object) -> None:
        from PySide6.QtGui import QCloseEvent

        guides: GuidesPage | None = getattr(self, "guides_page", None)
        if guides is not None and isinstance(event, QCloseEvent) and not guides.close_all():
            event.ignore()  # an editor with unsaved changes, and the user chose to stay
            return
        self.reminder_timer.stop()
        if self.tray is not None:
            self.tray.hide()
        self._stopping.set()  # a daily backup in progress stops within a step; none starts
        if self._warmup is not None:
            self._warmup.wait()
        if self._purge is not None:  # stops after the chunk in hand; what went is committed
            self._purge.cancel()
            self._purge.wait()
        super().closeEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F1:
            self.about()
            return
        super().keyPressEvent(event)


class _WaybillPurge(QObject):
    """Removes old waybills in a worker thread behind a progress dialog with Stop.

    Its slots are methods of a QObject of the UI thread, so the worker's signals reach them
    queued, in the UI thread.
    """

    ended = Signal(int)  # how many waybills were removed (also after Stop or an error)

    def __init__(
        self, db: Database, days: int, count: int, before: str, window: MainWindow
    ) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from branchdesk.ui.kit.workers import Task

        super().__init__(window)
        self._window = window
        self.before = before
        self.removed = 0

        def work(progress: Callable[[int, int], None]) -> int:
            from branchdesk.lookup.retention import purge_waybills

            def counted(done: int, total: int) -> None:
                # Noted before progress() raises on Stop: that chunk is already committed.
                self.removed = done
                progress(done, total)

            with db.session() as session:
                return purge_waybills(session, days, progress=counted)

        self.task = Task(work)
        self.dialog = QProgressDialog(
            self.tr("Removing old waybills…"), self.tr("Stop"), 0, count, window
        )
        self.dialog.setWindowTitle(self.tr("Remove old waybills"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # Through our own slot: the task lives in its busy thread, where a queued call to its
        # cancel() would wait until the work is over.
        self.dialog.canceled.connect(self.cancel)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._succeeded)
        self.task.cancelled.connect(self._cancelled)
        self.task.failed.connect(self._failed)
        self.task.finished.connect(self._finished)

    def start(self) -> None:
        self.task.start()

    def cancel(self) -> None:
        self.task.cancel()

    def wait(self) -> None:
        self.task.wait()

    def _progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    def _succeeded(self, done: int) -> None:
        self.removed = done
        self._window.statusBar().showMessage(
            self.tr("Removed {count} waybill(s) dated before {date}.").format(
                count=done, date=self.before
            ),
            8000,
        )

    def _cancelled(self) -> None:
        self._window.statusBar().showMessage(
            self.tr("Stopped: {count} waybill(s) dated before {date} were removed.").format(
                count=self.removed, date=self.before
            ),
            8000,
        )

    def _failed(self, exc: BaseException) -> None:
        message = (
            str(exc)
            if isinstance(exc, BranchDeskError)
            else self.tr("Removing old waybills failed: {error}").format(error=exc)
        )
        QMessageBox.warning(self._window, self.tr("Remove old waybills"), message)

    def _finished(self) -> None:
        # Wait for the thread to end before letting go of it (see _warm_up_done).
        self.task.wait()
        self.dialog.close()
        self.dialog.deleteLater()
        self.ended.emit(self.removed)
