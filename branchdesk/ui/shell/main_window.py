"""The main window: left navigation, one page per capability, menus and status bar.

Start-up paints first and loads later: the window shell uses Qt alone, so it appears as fast
as an empty window; `open_data()` then imports the storage layer, opens the database and
builds the first screen (今天 and 查件) on the next turn of the event loop. Every other page is
built the first time it is shown or used (pages_part.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.permissions import actor
from branchdesk.settings import SettingsStore
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tasks import TaskRunner
from branchdesk.ui.shell.early_part import EarlyPart
from branchdesk.ui.shell.knowledge_part import KnowledgePart
from branchdesk.ui.shell.maintenance import MaintenancePart
from branchdesk.ui.shell.menus import MenusPart
from branchdesk.ui.shell.nav_list import TALL, NavList
from branchdesk.ui.shell.pages_part import PagesPart
from branchdesk.ui.shell.reminders import RemindersPart
from branchdesk.ui.shell.startup import StartupPart
from branchdesk.ui.shell.team_part import TeamPart
from branchdesk.ui.shell.training_part import TrainingPart
from branchdesk.ui.shell.window_base import (
    ANALYSIS,
    COMPLAINTS,
    COURIERS,
    DATA,
    GUIDES,
    HANDBOOK,
    KNOWLEDGE,
    LOOKUP,
    PAGE_COUNT,
    PRACTICE,
    REMINDER_INTERVAL_MS,
    TODAY,
    TRAINING,
)

# The page numbers, for whoever drives the window (tests, the sample-guide screenshots).
__all__ = [
    "ANALYSIS",
    "COMPLAINTS",
    "COURIERS",
    "DATA",
    "GUIDES",
    "HANDBOOK",
    "KNOWLEDGE",
    "LOOKUP",
    "PAGE_COUNT",
    "PRACTICE",
    "TODAY",
    "TRAINING",
    "MainWindow",
]

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QSystemTrayIcon

    from branchdesk.db.engine import Database, DataVersion
    from branchdesk.io.importing import ImportReport


class MainWindow(
    StartupPart,
    EarlyPart,
    MenusPart,
    RemindersPart,
    MaintenancePart,
    TeamPart,
    KnowledgePart,
    TrainingPart,
    PagesPart,
    QMainWindow,
):
    data_ready = Signal()  # the database is open, 今天 and 查件 are built (pages_part.py)
    reminded = Signal(str)  # a complaint newly due soon or overdue (shown in the tray)
    closed = Signal()  # really closed (not kept in the tray): the application ends

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
        # 1180×760 where there is room; less on a 1366×768 or 1024×768 screen.
        fit_to_screen(self, 1180, 760)
        self.setMinimumSize(QSize(760, 480))  # a 1366×768 laptop at 125% leaves 546
        self.warmup = TaskRunner(self)
        self.note_runner = TaskRunner(self)
        self.note_runner.idle.connect(self._write_notes)  # lookups noted meanwhile
        self.notes_waiting: list[tuple[int, list[str]]] = []
        self.notes_writing: list[tuple[int, list[str]]] = []
        # Set on close: the start-up daily backup stops rather than hold the window open.
        self._stopping = threading.Event()
        self._purge = None  # removing old waybills, off the UI thread
        # Complaint ids already announced as due soon / overdue, so each is announced once.
        self.notified: dict[int, str] = {}
        self._reminders_started = False
        self.tray: QSystemTrayIcon | None = None
        # Set by 退出 (menu, tray, Ctrl+Q) and at log-off: closing then ends the program
        # rather than keeping it in the tray.
        self.quitting = False
        self._ask_agent_on_show = False
        self._agent_held = 0
        self._agent_asked = False
        self._agent_unconfirmed = False
        self._shut_down = False
        self._early_intent: Callable[[], None] | None = None
        self._early_on = False
        self.checked_on: date | None = None
        self.data_seen: DataVersion | None = None  # data_version() when the pages last read
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(REMINDER_INTERVAL_MS)
        self.reminder_timer.timeout.connect(self.refresh_reminders)

        self.nav = NavList()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(130)
        font = self.nav.font()
        font.setPointSize(font.pointSize() + 2)
        self.nav.setFont(font)
        for title, key in (
            (self.tr("Today"), "Ctrl+1"),
            (self.tr("Lookup"), "Ctrl+2"),
            (self.tr("Data"), "Ctrl+3"),
            (self.tr("Couriers"), "Ctrl+4"),
            (self.tr("Handbook"), "Ctrl+5"),
            (self.tr("Practice"), "Ctrl+6"),
            (self.tr("Complaints"), "Ctrl+7"),
            (self.tr("Analysis"), "Ctrl+8"),
            (self.tr("Guides"), "Ctrl+9"),
            (self.tr("Knowledge"), "Ctrl+0"),
        ):
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(120, TALL))
            item.setToolTip(key)
            self.nav.addItem(item)
        self.pages = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the branch's data…"))
        # Not Qt.AlignmentFlag: the first use of the Qt namespace builds its 200 enums
        # (20 ms), and nothing before the first paint needs it.
        self.loading.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.pages.addWidget(self.loading)
        self.nav.setEnabled(False)

        # The sample's banner: what the user is looking at, and the one step that removes it.
        self.sample_bar = QFrame()
        self.sample_bar.setObjectName("sampleBar")
        self.sample_bar.setStyleSheet(
            "QFrame#sampleBar { background: #fff4ce; } QLabel { color: #5c4400; padding: 6px; }"
        )
        self.sample_banner = QLabel(
            self.tr(
                "You are looking at the SAMPLE branch (示例数据). Import your branch's own "
                "tables under 数据; when you are ready, remove the sample in one step."
            )
        )
        self.sample_banner.setObjectName("sampleBanner")
        self.sample_banner.setWordWrap(True)
        self.remove_sample_button = QPushButton(self.tr("Remove the sample…"))
        self.remove_sample_button.setObjectName("removeSample")
        self.remove_sample_button.clicked.connect(lambda: self.remove_sample())
        bar = QHBoxLayout(self.sample_bar)
        bar.setContentsMargins(0, 0, 6, 0)
        bar.addWidget(self.sample_banner, 1)
        bar.addWidget(self.remove_sample_button)
        self.sample_bar.setVisible(False)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.sample_bar)
        rl.addWidget(self.pages, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self._build_menus()
        from branchdesk.ui.kit.copied import watch_text_copies

        watch_text_copies()  # "已复制" after a copy from any text field
        self._build_knowledge()
        self.refresh_title()
        self.statusBar().showMessage(self.tr("Opening the branch's data…"))
        if db is not None:
            self.attach(db)

    def _show_page(self, row: int) -> None:
        # A page is built the first time it is shown (and then reads the data as it is); one
        # built earlier is brought up to date where the data moves on while it is hidden.
        fresh = self.built(row) is None
        try:
            self.page(row)
        except Exception:
            # The page could not be built (the data failed to read): the navigation goes back
            # to the page still in front, so a second click tries again; the error is shown.
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.pages.currentIndex())
            self.nav.blockSignals(False)
            raise
        self.pages.setCurrentIndex(row)
        if row == TODAY:
            self.today_page.refresh()
        if row == DATA:
            self.data_page.ensure_loaded()
        if row == ANALYSIS and not fresh:
            self.analysis_page.reload()  # complaints change meanwhile
        if row == GUIDES and not fresh:
            self.guides_page.reload()  # review dates move on; an import may have added guides
        if row == KNOWLEDGE and not fresh:
            self.knowledge_page.reload()  # searches since add gaps; suggestions come in
        # Ctrl+N is "new" on the page in front; pages with their own new thing (handbook item,
        # complaint) keep it, elsewhere it logs a complaint.
        self.new_complaint_action.setShortcut(
            QKeySequence()
            if row in (HANDBOOK, COMPLAINTS, GUIDES)
            else QKeySequence.StandardKey.New
        )

    def refresh_title(self) -> None:
        name = " ".join(
            str(self.settings.get(key) or "") for key in ("courier_company", "branch_name")
        ).strip()
        title = self.tr("BranchDesk 网点服务台")
        self.setWindowTitle(f"{title} — {name}" if name else title)

    def refresh_banner(self) -> None:
        from branchdesk.sample import has_sample, has_sample_content

        assert self.db is not None
        with self.db.read_session() as session:
            loaded = has_sample(session)
            left = has_sample_content(session)
        self.sample_bar.setVisible(left)
        self.remove_sample_button.setEnabled(left)
        self.remove_sample_action.setEnabled(left)
        self.sample_action.setEnabled(not loaded)

    def refresh(self, *, outside: bool = False) -> None:
        """The data changed under the pages (an import, its undo, the sample; `outside`: by
        another program): the pages built so far read it again; one built later reads it
        then."""
        self.data_seen = self.db.data_version() if self.db is not None else None
        data, couriers = self.built(DATA), self.built(COURIERS)
        if data is not None:
            self.data_page.refresh()
        if couriers is not None:
            self.couriers_page.refresh()
        if self.built(HANDBOOK) is not None and not (outside and self.handbook_page.busy()):
            # Imports and their undo change the handbook under the page's undo stack (the
            # owner's edits made here, and one being typed, are not dropped for another
            # program's commit).
            self.handbook_page.reset()
        self.refresh_banner()
        self.lookup_page.run_search()
        if self.built(COMPLAINTS) is not None:
            self.complaints_page.refresh()  # an import may have brought HQ work orders
        else:
            self.refresh_reminders(outside=False)  # the due counts and 今天
        if self.built(GUIDES) is not None:
            self.guides_page.reload()  # the sample branch brings sample guides

    def open_import(self, kind: str = "areas") -> None:
        from branchdesk.ui.data.import_dialog import ImportDialog

        if self.db is None:
            return
        if not isinstance(kind, str):  # QAction.triggered passes a bool
            kind = "handbook" if self.pages.currentIndex() == HANDBOOK else "areas"
        dialog = ImportDialog(self.db, kind=kind, parent=self)
        dialog.imported.connect(self._imported)
        if dialog.exec():
            self.refresh()

    def _imported(self, report: ImportReport) -> None:
        """The import's summary; HQ work orders just imported go to their owners in the team
        (by sender, courier or area), as from the command line."""
        message = report.summary()
        if report.kind == "complaints" and report.batch_id is not None and self.db is not None:
            from branchdesk.complaints.service import batch_complaint_ids
            from branchdesk.team.assignments import describe_counts, route_complaints

            with self.db.session() as session:
                counts = route_complaints(
                    session, batch_complaint_ids(session, report.batch_id), by=actor()
                )
            if counts:
                message += " " + describe_counts(counts)
        self.statusBar().showMessage(message)

    def do_job(self, job: str) -> None:
        """A day-one job from the 今天 page (from the start-up look: once the data is open,
        but 查地址, whose page takes a search before)."""
        early = job == "lookup" and self.built(LOOKUP) is not None  # 查件 takes a search
        what = self.today_page.job_buttons[job].text().splitlines()[0]
        if not early and self.ask_early(lambda: self.do_job(job), what):
            return
        if job == "lookup":
            self.go_to_page(LOOKUP)
        elif job == "complaint":
            self.new_complaint()
        elif job in ("sheet", "exam"):
            self.open_print(job)
        elif job == "guides":
            self.nav.setCurrentRow(GUIDES)

    def open_guide_pack(self, path: Path) -> None:
        """Show the guides page and import the pack (a guide pack opened from Explorer, also
        while BranchDesk runs: then once the branch's data is open, if it is not yet)."""
        if self.when_ready(lambda: self.open_pack_at_start(path)):
            return
        self.nav.setCurrentRow(GUIDES)
        self.guides_page.import_pack_file(path)

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

    def open_print(self, document: str | None = None, employee: str | None = None) -> None:
        """The print dialog (`document` None: the one chosen last time); from the handbook
        page it offers the selected items and ticks the page's category."""
        from branchdesk.ui.handbook.print_dialog import PrintDialog

        if self.db is None:
            return
        showing = self.pages.currentIndex()
        if showing == GUIDES:
            self.guides_page.print_guide()  # Ctrl+P on the guides page prints the guide
            return
        if showing == TODAY and document is None:
            document = "sheet"  # Ctrl+P on 今天 is the day-one job: the vehicle sheets
        on_handbook = showing == HANDBOOK
        selected = self.handbook_page.selected_ids() if on_handbook else []
        dialog = PrintDialog(
            self.db,
            document=document,
            selected_ids=selected,
            employee=employee,
            category=self.handbook_page.current_category_name() if on_handbook else None,
            settings=self.settings,
            parent=self,
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

    def bring_forward(self) -> None:
        """Show the window in front (another start of BranchDesk or the tray asked for it),
        as it was: maximised stays maximised, minimised comes back."""
        from PySide6.QtCore import Qt

        if self.isMinimized():  # minimised from maximised: back to maximised
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        if self._ask_agent_on_show:
            self._ask_agent_on_show = False
            QTimer.singleShot(0, self._ask_agent_when_free)

    def unsaved_guides(self) -> bool:
        """Whether a guide editor holds unsaved changes."""
        return self.built(GUIDES) is not None and self.guides_page.unsaved()

    def save_or_keep_guides(self) -> bool:
        """Ask about each unsaved guide (in front of the window) and close the editors; False
        when the user chose to stay with one."""
        if self.built(GUIDES) is None:
            return True
        if self.unsaved_guides() and not self.isVisible():
            self.bring_forward()
        return self.guides_page.close_all()

    def unsaved_complaint(self) -> bool:
        """Whether the open complaint holds changes not saved yet."""
        detail = self.complaints_page.detail if self.built(COMPLAINTS) is not None else None
        return detail is not None and detail.isVisible() and bool(detail.pending_changes())

    def keep_complaint_edit(self) -> bool:
        """Ask about the open complaint's changes before quitting; True: the agent stays."""
        if self.unsaved_complaint() and not self.isVisible():
            self.bring_forward()
        return self.unsaved_complaint() and not self.complaints_page.detail.close()  # type: ignore[union-attr]

    def ask_agent_when_shown(self) -> None:
        """Started hidden in the tray: the agent is asked for when the window is opened."""
        self._ask_agent_on_show = True

    # --- complaints and their reminders -----------------------------------------------------
    def new_complaint(self) -> None:
        if self.db is None:
            return
        self.nav.setCurrentRow(COMPLAINTS)
        self.complaints_page.new_complaint()

    def closeEvent(self, event: object) -> None:
        from PySide6.QtGui import QCloseEvent

        if isinstance(event, QCloseEvent) and self.keeps_running():
            event.ignore()
            self._hide_in_tray()
            return
        if isinstance(event, QCloseEvent) and (
            self.keep_complaint_edit() or not self.save_or_keep_guides()
        ):
            event.ignore()  # an editor with unsaved changes, and the user chose to stay
            return
        self.shut_down()
        super().closeEvent(event)  # type: ignore[arg-type]
        self.closed.emit()

    def shut_down(self) -> None:
        """The work that must stop before the program ends, however it ends (closing the
        window, or the application quitting under a hidden one); done once."""
        if self._shut_down:
            return
        self._shut_down = True
        self.reminder_timer.stop()
        if self.tray is not None:
            self.tray.hide()
        self._stopping.set()  # a daily backup in progress stops within a step; none starts
        if self._warmup is not None:
            self._warmup.wait()
        self.note_runner.stop()  # a lookup's note for the drills: its write ends first
        if self.built(LOOKUP) is not None:
            self.lookup_page.stop()  # a search made while the area index was built
        if self._purge is not None:  # stops after the chunk in hand; what went is committed
            self._purge.cancel()
            self._purge.wait()
