"""The menus of the main window, and the owner and settings actions they open."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from branchdesk import permissions
from branchdesk.ui.kit.status_bar import MessageBar
from branchdesk.ui.shell.window_base import PAGE_COUNT, WindowParts


class MenusPart(WindowParts):
    def _build_menus(self) -> None:
        self.setStatusBar(MessageBar())  # its permanent widgets are built here too
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import a table…"), self)
        # setShortcuts, not setShortcut: that one's overloads build the Qt namespace's 200
        # enums (20 ms) before the window's first paint.
        self.import_action.setShortcuts([QKeySequence("Ctrl+I")])
        self.import_action.triggered.connect(self.open_import)
        self.import_action.setEnabled(False)
        file_menu.addAction(self.import_action)
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcuts(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.open_print())
        self.print_action.setEnabled(False)
        file_menu.addAction(self.print_action)
        # A day-one job of 今天 (打印考卷) has its key, as the others have.
        self.exam_action = QAction(self.tr("Print an e&xam paper…"), self)
        self.exam_action.setShortcuts([QKeySequence("Ctrl+Shift+P")])
        self.exam_action.triggered.connect(lambda: self.do_job("exam"))
        self.exam_action.setEnabled(False)
        file_menu.addAction(self.exam_action)
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
        settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit"), self)
        # Ctrl+Q everywhere: Windows' own key scheme has no Quit (Alt+F4 closes the window,
        # which may only hide it in the tray), and the tray note tells users to press it.
        ctrl_q = QKeySequence("Ctrl+Q")
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        quit_action.setShortcuts([ctrl_q, *(k for k in quit_keys if k != ctrl_q)])
        quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(quit_action)
        complaints_menu = self.menuBar().addMenu(self.tr("&Complaints"))
        self.new_complaint_action = QAction(self.tr("&New complaint…"), self)
        self.new_complaint_action.setShortcuts(QKeySequence.StandardKey.New)
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
        self.qc_action = QAction(self.tr("&Quality control…"), self)
        self.qc_action.setShortcuts([QKeySequence("Ctrl+Shift+Q")])
        self.qc_action.triggered.connect(self.open_qc)
        complaints_menu.addAction(self.qc_action)
        self._build_team_menu()
        self.due_indicator = QToolButton()
        self.due_indicator.setObjectName("dueIndicator")
        self.due_indicator.setAutoRaise(True)
        self.due_indicator.setToolTip(self.tr("Open the due queue of complaints"))
        self.due_indicator.clicked.connect(self.show_due)
        self.due_indicator.setVisible(False)
        for n in range(min(PAGE_COUNT, 10)):  # Ctrl+1 … Ctrl+9, Ctrl+0; 培训 has its own key
            action = QAction(self)
            action.setShortcuts([QKeySequence(f"Ctrl+{(n + 1) % 10}")])
            action.triggered.connect(lambda _c=False, n=n: self.go_to_page(n))
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
        pay_action = QAction(self.tr("Monthly pay &statements…"), self)
        pay_action.triggered.connect(self.show_pay)
        owner_menu.addAction(pay_action)
        owner_menu.aboutToShow.connect(self._update_owner_menu)
        for action in (self.unlock_action, self.lock_action, self.pin_action, self.audit_action):
            action.setEnabled(False)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.user_guides_action = QAction(self.tr("&User guides…"), self)
        self.user_guides_action.triggered.connect(self.show_user_guides)
        help_menu.addAction(self.user_guides_action)
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        sample = QAction(self.tr("Load the &sample branch"), self)
        sample.triggered.connect(self.load_sample)
        sample.setEnabled(False)
        self.sample_action.changed.connect(
            lambda: sample.setEnabled(self.sample_action.isEnabled())
        )
        help_menu.addAction(sample)
        self.remove_sample_action = QAction(self.tr("&Remove the sample branch…"), self)
        self.remove_sample_action.triggered.connect(lambda: self.remove_sample())
        self.remove_sample_action.setEnabled(False)
        help_menu.addAction(self.remove_sample_action)
        self.setup_action = QAction(self.tr("Setup &wizard…"), self)
        self.setup_action.triggered.connect(lambda: self.first_run_setup())
        self.setup_action.setEnabled(False)
        help_menu.addAction(self.setup_action)
        help_menu.addSeparator()
        about = QAction(self.tr("&About BranchDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def show_shortcuts(self) -> None:
        from branchdesk.ui.shell.help_dialogs import ShortcutsDialog

        pages = [  # (培训's Ctrl+Shift+T is an action of its own: listed with the actions)
            (self.tr("Go to {page}").format(page=self._page_name(n)), f"Ctrl+{(n + 1) % 10}")
            for n in range(min(PAGE_COUNT, 10))
        ]
        shown = self.pages.currentWidget()
        item = self.nav.currentItem()
        page = (shown, item.text()) if shown is not None and item is not None else None
        ShortcutsDialog(self, extra=pages, page=page).exec()

    def _page_name(self, n: int) -> str:
        """The page's name as the navigation shows it (查件, 投诉…), for the shortcut list."""
        item = self.nav.item(n)
        return f"“{item.text()}”" if item is not None else str(n + 1)

    def show_user_guides(self) -> None:
        from branchdesk.ui.guides.user_guides_dialog import UserGuidesDialog

        UserGuidesDialog(self).exec()

    def about(self) -> None:
        from branchdesk.ui.shell.help_dialogs import AboutDialog

        AboutDialog(self).exec()

    def _update_owner_menu(self) -> None:
        lock = permissions.current_lock()
        guarded = lock is not None and lock.pin_set
        self.unlock_action.setEnabled(guarded and not lock.unlocked)  # type: ignore[union-attr]
        self.lock_action.setEnabled(guarded and lock.unlocked)  # type: ignore[union-attr]

    def unlock_owner(self) -> None:
        from branchdesk.ui.kit import owner_action as owner

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
        from branchdesk.ui.owner import pin_dialog

        if self.db is not None:
            pin_dialog.change_pin(self, self.db)

    def show_audit(self) -> None:
        from branchdesk.ui.owner import audit_dialog

        if self.db is not None:
            audit_dialog.show_audit(self, self.db)

    def show_pay(self) -> None:
        from branchdesk.ui.pay.pay_dialog import show_pay

        if self.db is not None:
            show_pay(self, self.db)

    def open_qc(self) -> None:
        from branchdesk.ui.qc.qc_window import QcWindow

        if self.db is None:
            return
        open_now = getattr(self, "qc_window", None)
        if open_now is not None:  # Ctrl+Shift+Q again: the window already open comes forward
            open_now.page.reload()  # with what changed meanwhile
            open_now.showNormal()
            open_now.raise_()
            open_now.activateWindow()
            return
        from PySide6.QtCore import Qt

        window = QcWindow(self.db, self.settings, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_: setattr(self, "qc_window", None))
        window.show()
        self.qc_window: QcWindow | None = window

    def open_settings(self) -> None:
        from branchdesk.ui.owner.settings_dialog import SettingsDialog

        # In the start-up look: with the data (its branch settings are saved there); a start
        # whose data failed to open still offers the PC's own settings.
        if self._early_on and self.ask_early(self.open_settings, self.tr("Settings")):
            return
        if SettingsDialog(self.settings, self, db=self.db).exec():
            from branchdesk.settings import who_is_working

            permissions.set_actor(who_is_working(self.settings))
            self.branch_changed()
            self.refresh_reminders()  # the lead time may have changed
