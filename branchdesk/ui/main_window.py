"""The main window: left navigation, one page per capability, menus and status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk import __version__
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.sample import has_sample, load_sample_branch
from branchdesk.settings import SettingsStore
from branchdesk.ui.couriers_page import CouriersPage
from branchdesk.ui.data_page import DataPage
from branchdesk.ui.lookup_page import LookupPage


class MainWindow(QMainWindow):
    def __init__(self, db: Database, settings: SettingsStore | None = None) -> None:
        super().__init__()
        self.db = db
        self.settings = settings or SettingsStore()
        self.resize(1180, 760)
        self.setMinimumSize(QSize(800, 560))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(130)
        self.nav.setIconSize(QSize(20, 20))
        font = self.nav.font()
        font.setPointSize(font.pointSize() + 2)
        self.nav.setFont(font)
        self.pages = QStackedWidget()
        self.lookup_page = LookupPage(db)
        self.data_page = DataPage(db)
        self.couriers_page = CouriersPage(db)
        for title, page, key in (
            (self.tr("查件 Lookup"), self.lookup_page, "Ctrl+1"),
            (self.tr("数据 Data"), self.data_page, "Ctrl+2"),
            (self.tr("业务员 Couriers"), self.couriers_page, "Ctrl+3"),
        ):
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(120, 44))
            item.setToolTip(key)
            self.nav.addItem(item)
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.sample_banner = QLabel()
        self.sample_banner.setObjectName("sampleBanner")
        self.sample_banner.setStyleSheet(
            "QLabel#sampleBanner { background: #fff4ce; color: #5c4400; padding: 6px; }"
        )
        self.sample_banner.setWordWrap(True)
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
        self.data_page.import_requested.connect(self.open_import)
        self.data_page.changed.connect(self.refresh)
        self.couriers_page.changed.connect(self.lookup_page.run_search)
        self.nav.setCurrentRow(0)
        self.refresh_title()
        self.refresh_banner()
        self.statusBar().showMessage(self.tr("Ready"))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import a table…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.open_import)
        file_menu.addAction(self.import_action)
        self.sample_action = QAction(self.tr("Load the sample &branch"), self)
        self.sample_action.triggered.connect(self.load_sample)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        for n in range(3):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _c=False, n=n: self.nav.setCurrentRow(n))
            self.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About BranchDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def refresh_title(self) -> None:
        name = self.settings.get("branch_name")
        title = self.tr("BranchDesk 网点服务台")
        self.setWindowTitle(f"{title} — {name}" if name else title)

    def refresh_banner(self) -> None:
        with self.db.session() as session:
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
        self.refresh_banner()
        self.lookup_page.run_search()

    def open_import(self) -> None:
        from branchdesk.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, parent=self)
        dialog.imported.connect(lambda report: self.statusBar().showMessage(report.summary()))
        if dialog.exec():
            self.refresh()

    def load_sample(self) -> bool:
        try:
            with self.db.session() as session:
                summary = load_sample_branch(session)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Sample branch"), str(exc))
            return False
        self.refresh()
        self.statusBar().showMessage(summary)
        return True

    def offer_sample(self) -> None:
        """First start: offer the sample branch so a new user sees how it works."""
        if self.settings.get("first_run_done"):
            return
        self.settings.set("first_run_done", True)
        with self.db.session() as session:
            from branchdesk.lookup.tables import area_rows

            if area_rows(session):
                return
        answer = QMessageBox.question(
            self,
            self.tr("Welcome to BranchDesk"),
            self.tr(
                "Load a sample branch to try BranchDesk? It is an example (8 couriers, an "
                "area table, routes, arrival times and 3,000 waybills) that you replace by "
                "importing your own tables."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load_sample()

    def open_settings(self) -> None:
        from branchdesk.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self).exec():
            self.refresh_title()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About BranchDesk"),
            self.tr("BranchDesk 网点服务台 {version}\nData: {path}").format(
                version=__version__, path=self.db.engine.url.database
            ),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F1:
            self.about()
            return
        super().keyPressEvent(event)
