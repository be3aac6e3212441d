"""Reminders and the tray: complaints falling due, counted in the status bar and announced
once in the tray; the window closed into the tray, and 退出."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from branchdesk.complaints.service import ComplaintRow

from branchdesk.ui.shell.window_base import (
    COMPLAINTS,
    TODAY,
    WindowParts,
)


class RemindersPart(WindowParts):
    def show_due(self) -> None:
        if self.db is None:
            return
        self.nav.setCurrentRow(COMPLAINTS)
        self.complaints_page.show_due()

    def _start_reminders(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._find_tray()
        self.reminder_timer.start()
        self.data_seen = self.db.data_version() if self.db is not None else None
        self.refresh_reminders()  # what is due now is not news: the first count announces none
        # Back at the window after the command line (or another window) changed the data: the
        # pages read it again at once, not at the next tick.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._application_state)

    def _application_state(self, state: object) -> None:
        from PySide6.QtCore import Qt

        if state == Qt.ApplicationState.ApplicationActive and not self._shut_down:
            self.reload_if_changed()

    def reload_if_changed(self) -> bool:
        """Another program (the command line, another BranchDesk) committed to the data since
        the pages last read it: they read it again, and 查件 answers its question again (an
        area table imported elsewhere can make the courier it shows wrong). True if so."""
        if self.db is None or not self.reminder_timer.isActive():
            return False  # not open yet, or closed for a restore: nothing may read the file
        seen, now = self.data_seen, self.db.data_version()
        if now is None or now in (seen, self.db.own_version):
            self.data_seen = now  # nothing new, or only what this window wrote itself
            return False
        self.refresh(outside=True)
        self.statusBar().showMessage(
            self.tr(
                "Another program (the command line, another window) changed the data: the "
                "pages show it as it is now."
            ),
            8000,
        )
        self.forget_removed_agent()  # says so itself, over the line above
        return True

    def _find_tray(self) -> None:
        """The tray icon, once the desktop has a tray: at start, and on each reminder tick
        (at log-in the panel may come up after BranchDesk, started with the computer)."""
        # Imported here: QStyle's enums alone take 7 ms, before the window's first paint.
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

        if self.tray is not None or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        icon = self.windowIcon()
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.tray = QSystemTrayIcon(QIcon(icon), self)
        self.tray.setToolTip(self.tr("BranchDesk 网点服务台"))
        self.tray.messageClicked.connect(self._tray_message_clicked)
        self.tray.activated.connect(self._tray_activated)
        self.tray.setContextMenu(self._tray_menu())
        self.tray.show()

    def _tray_menu(self) -> QMenu:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.addAction(self.tr("Open BranchDesk"), self.bring_forward)
        menu.addAction(self.tr("Due queue"), self._tray_message_clicked)
        menu.addSeparator()
        menu.addAction(self.tr("Quit BranchDesk"), self.quit_app)
        return menu

    def _tray_activated(self, reason: object) -> None:
        """A click on the icon brings the window back as it was (its menu is the right
        click's)."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if reason != QSystemTrayIcon.ActivationReason.Context:
            self.bring_forward()

    def _tray_message_clicked(self) -> None:
        """The reminder's balloon (or 到期队列 in the icon's menu): the due queue, in front."""
        self.bring_forward()
        self.show_due()

    def quit_app(self) -> None:
        """退出: close for good, even where closing the window keeps BranchDesk in the tray."""
        self.quitting = True
        if not self.close():
            self.quitting = False  # an unsaved guide, and the user chose to stay

    def keeps_running(self) -> bool:
        """Closing the window hides it in the tray: the data stays open, reminders go on,
        and the next start shows the window at once (settings: keep_in_tray)."""
        return (
            not self.quitting
            and self.db is not None
            and self.tray is not None
            and self.tray.isVisible()
            and bool(self.settings.get("keep_in_tray"))
        )

    def _hide_in_tray(self) -> None:
        """Closed into the tray: the next person to open it says who they are, and owner
        actions need the PIN again (a shared desk's window is not one person's)."""
        from branchdesk import permissions

        self.hide()
        lock = permissions.current_lock()
        if lock is not None:
            lock.lock()
        self.ask_agent_when_shown()
        self._tell_still_running()

    def _tell_still_running(self) -> None:
        """Once per PC, when the window first closes into the tray: where BranchDesk went."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.tray is None or self.settings.get("tray_hint_shown"):
            return
        self.tray.showMessage(
            self.tr("BranchDesk is still running"),
            self.tr(
                "Complaints falling due are still announced here. Click this icon to open "
                "the window again; to end BranchDesk, right-click it and choose Quit, or "
                "press Ctrl+Q in the window."
            ),
            QSystemTrayIcon.MessageIcon.Information,
            10_000,
        )
        with contextlib.suppress(OSError):  # unsaved: shown again next time, nothing lost
            self.settings.update({"tray_hint_shown": True})

    def refresh_reminders(self, *, outside: bool = True) -> None:
        """The timer's tick: recount, recolour, and announce what newly fell due; first
        (unless `outside` is False: called from that very reading) read again what another
        program changed."""
        if self.db is None:
            return
        self._find_tray()
        self.new_day()
        if outside and self.reload_if_changed():
            return  # the complaints, 今天 and the counts were read again with the rest
        if self.built(COMPLAINTS) is not None:
            self.complaints_page.refresh_due()  # its due queue too; the counts come back here
            return
        from branchdesk.complaints import service

        lead = float(self.settings.get("complaint_lead_hours"))
        at = service.now()
        with self.db.read_session() as session:
            soon, overdue = service.due_counts(session, lead, at)
            rows = service.due_soon(session, lead, at)
        self._show_due_counts(soon, overdue, rows)
        if self.built(TODAY) is not None:
            self.today_page.refresh()  # its due list and cards, as the complaints page does

    def _show_due_counts(
        self, soon: int, overdue: int, rows: list[ComplaintRow] | None = None
    ) -> None:
        """The counts in the status bar; `rows` the complaints due soon or overdue (None: the
        complaints page's, which has just counted them)."""
        self._show_due_indicator(soon, overdue)
        self._announce(self.complaints_page.due_rows if rows is None else rows)

    def _show_due_indicator(self, soon: int, overdue: int) -> None:
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

    def _announce(self, rows: list[ComplaintRow]) -> list[str]:
        """Tell (once) about each complaint that became due soon or overdue; returns the news."""
        from branchdesk.complaints.service import now

        at = now()
        lead = float(self.settings.get("complaint_lead_hours"))
        first = not self._reminders_started
        self._reminders_started = True
        news: list[str] = []
        current: dict[int, str] = {}
        for row in rows:
            state = row.due_state(at, lead)
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
                from PySide6.QtWidgets import QSystemTrayIcon

                self.tray.showMessage(
                    self.tr("Complaints falling due"),
                    text,
                    QSystemTrayIcon.MessageIcon.Warning,
                    15_000,
                )
        return news
