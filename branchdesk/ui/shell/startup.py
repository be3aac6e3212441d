"""Start-up and recovery: open the data (or offer the newest good backup when it is damaged),
build the pages, warm up lookup and run the start-up checks off the UI thread, offer the
sample branch."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QMessageBox,
)

from branchdesk import i18n, permissions
from branchdesk.errors import BranchDeskError

if TYPE_CHECKING:
    from branchdesk.complaints.glance import DueGlance
    from branchdesk.db.engine import Database
    from branchdesk.ui.shell.first_run import Setup

from branchdesk.ui.shell.window_base import LOOKUP, TODAY, WindowParts

log = logging.getLogger("branchdesk")

# Did-you-mean's pinyin is built this long after the area index: 0.4 s of Python (pypinyin's
# import most of it) beside the first search, typed as the data opens, halved its speed.
SUGGESTIONS_AFTER_S = 1.5


@dataclass(frozen=True)
class FirstLook:
    """What the start-up look read (app.first_look): the branch's settings and the due list."""

    settings: dict[str, Any]
    at: datetime
    due: DueGlance
    sample_left: bool  # the sample's banner is shown (refresh_banner's answer)

    @property
    def lead_hours(self) -> float:
        return float(self.settings["complaint_lead_hours"])


class StartupPart(WindowParts):
    def open_data(self, path: Path | None = None) -> bool:
        """Open the database (in the data dir unless `path`) and build the pages; False (and
        a message) when it cannot be opened."""
        from branchdesk.db.engine import open_database
        from branchdesk.db.location import NetworkDriveError
        from branchdesk.errors import DatabaseBusyError, DatabaseTooNewError, DataFolderError

        try:
            db = open_database(path)
        except (DatabaseTooNewError, DatabaseBusyError, DataFolderError, NetworkDriveError) as exc:
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
        try:
            self.attach(db)
        except BaseException:
            self._open_failed()
            raise
        return True

    def show_glance(self, look: FirstLook) -> None:
        """Before the data is opened: 今天's due list, the counts in the status bar and the
        branch's name in the title from the start-up look (app.first_look), so the window's
        first paint shows them; `open_data` then opens the data and builds the rest."""
        from branchdesk import settings as settings_module

        settings_module.set_branch_values(look.settings)
        self.refresh_title()
        self._drop_loading()
        self._place_glance(look.due, look.lead_hours, look.at)
        # The sample's banner where it will be: 今天 is not pushed down once the data opens.
        # Its button waits for the data, as the navigation does.
        self.sample_bar.setVisible(look.sample_left)
        self.remove_sample_button.setEnabled(False)
        self.statusBar().addPermanentWidget(self.due_indicator)
        self._show_due_indicator(look.due.soon, look.due.overdue)

    def _open_failed(self) -> None:
        """Building the window on the open data failed: nothing of the start-up look (or of
        a page half built) stays up as if it were current; the error is shown by the
        application's last-resort handler."""
        from PySide6.QtWidgets import QLabel

        self._close_early()  # no way back to the look's pages, as if they were current
        self.nav.setEnabled(False)
        self.due_indicator.setVisible(False)
        self.sample_bar.setVisible(False)
        failed = QLabel(
            self.tr(
                "The branch's data could not be opened. Close BranchDesk and start it again; "
                "if it happens again, tell whoever looks after this PC (the details are in "
                "the log file)."
            )
        )
        failed.setWordWrap(True)
        failed.setStyleSheet("qproperty-alignment: AlignCenter; padding: 24px;")
        self.pages.addWidget(failed)
        self.pages.setCurrentWidget(failed)
        self.statusBar().showMessage(self.tr("The branch's data could not be opened."))

    def _drop_loading(self) -> None:
        self.pages.removeWidget(self.loading)
        self.loading.deleteLater()

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
        self.reminder_timer.stop()  # nothing reads the file while it is replaced
        self.note_runner.stop()
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
            if self.db is not None:
                self.reminder_timer.start()  # the damaged file stays in use, as it was
            QMessageBox.critical(self, self.tr("Restore failed"), str(exc))
            return False
        return True

    def attach(self, db: Database) -> None:
        from branchdesk.owner import policy
        from branchdesk.ui.kit import owner_action as owner

        self.db = db
        # The branch's settings come from the database (settings.json's, the first time).
        policy.start(db, self.settings)
        self.refresh_title()
        # Owner actions are locked from the start when the database holds a PIN.
        owner.install_lock(db)
        from branchdesk.settings import who_is_working

        permissions.set_actor(who_is_working(self.settings))
        glanced = self.built(TODAY) is not None  # the start-up look placed the pages
        if not glanced:
            self._drop_loading()
        self._place_pages()  # 今天 and 查件 now, the others when they are first shown
        if glanced:
            self._add_today_cards(self.today_page)
        # Each part below asks 今天 to refresh (the agent, the reminders, showing it): it is
        # filled once, when they are all attached.
        with self.today_page.held():
            if glanced:
                self._close_early()
            self.nav.currentRowChanged.connect(self._show_page)
            self.nav.setEnabled(True)
            self._attach_knowledge()
            if not glanced:
                self.statusBar().addPermanentWidget(self.due_indicator)
            self._attach_team()
            self._attach_training()
            self._start_reminders()
            if self.nav.currentRow() == TODAY:
                self._show_page(TODAY)
            elif glanced and self.nav.currentRow() == LOOKUP:
                self._show_page(LOOKUP)  # the agent went to 查件 in the start-up look
            else:
                self.nav.setCurrentRow(TODAY)  # shows (and fills) 今天
            self.today_page.refresh()
        self.refresh_banner()
        self.import_action.setEnabled(True)
        self.print_action.setEnabled(True)
        self.exam_action.setEnabled(True)
        self.slips_action.setEnabled(True)
        self.new_complaint_action.setEnabled(True)
        self.purge_action.setEnabled(True)
        self.setup_action.setEnabled(True)
        self.backup_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        self.pin_action.setEnabled(True)
        self.audit_action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Ready"))
        QTimer.singleShot(0, self._warm_up_lookup)
        if glanced:
            # What was typed in 查件 meanwhile is looked up now, and not selected (the next
            # key would replace it): the agent may be typing still.
            self.lookup_page.attach(db)
        if not self.lookup_page.search_box.text():
            self.lookup_page.focus_search()
        self.data_ready.emit()

    def new_day(self) -> None:
        """Kept running past midnight (in the tray): the day's integrity check and automatic
        backup, as a start on that day would make them."""
        from datetime import date

        new = self.checked_on is not None and self.checked_on != date.today()
        if new and self._warmup is None and self._purge is None:  # else: the next tick
            self._warm_up_lookup()

    def _warm_up_lookup(self) -> None:
        """Build the in-memory area index off the UI thread, so the first search is fast;
        then (at start, and on each new day) check the file and make the day's backup."""
        from datetime import date

        from branchdesk.lookup.service import lookup_index

        db = self.db
        if db is None or self._stopping.is_set():
            return  # closed before its turn came: a thread started now would outlive it
        self.checked_on = date.today()

        checks = self.startup_checks
        stopping = self._stopping
        keep_daily = int(self.settings.get("backup_keep_daily"))
        keep_weekly = int(self.settings.get("backup_keep_weekly"))

        def work(_progress: object) -> object:
            with db.read_session() as session:
                index = lookup_index(session)
            # Did-you-mean's pinyin too, else the first search that finds nothing waits for
            # it; after a pause (a window closed meanwhile is not kept waiting for it).
            if stopping.wait(SUGGESTIONS_AFTER_S):
                return None
            index.suggester  # noqa: B018
            if not checks:
                return None
            return _day_checks(Path(str(db.engine.url.database)), stopping, keep_daily, keep_weekly)

        # The kit's runner waits for the thread to end before letting go of it (a QThread
        # destroyed while running aborts the process); a failure leaves the pages as they are.
        self.warmup.start(work, self._checked)

    def _checked(self, report: object) -> None:
        from branchdesk.db.integrity import IntegrityReport

        if isinstance(report, (BranchDeskError, OSError)):
            from branchdesk.errors import file_problem

            problem = file_problem(report) if isinstance(report, OSError) else str(report)
            log.warning("The day's automatic backup failed: %s", problem)
            self.statusBar().showMessage(
                self.tr("Today's automatic backup was not made: {problem}").format(problem=problem)
            )
            return
        if isinstance(report, IntegrityReport) and not report.ok:
            with self.agent_question_held():  # the picker waits for these questions
                if not self.isVisible():
                    self.bring_forward()  # kept in the tray: the question needs its window
                problem = self.tr("The database failed its integrity check: {problems}").format(
                    problems=i18n.joined(report.problems[:5])
                )
                if self.offer_restore(problem):
                    QMessageBox.information(
                        self,
                        self.tr("Backup restored"),
                        self.tr("The backup was restored. Start BranchDesk again to use it."),
                    )
                    self.quit_app()  # ends BranchDesk, even one kept in the tray

    def load_sample(self) -> bool:
        from branchdesk.sample import load_sample_branch
        from branchdesk.ui.kit import owner_action as owner

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
        # One line per table: in a box (the status bar cut them), the first in the status bar.
        self.statusBar().showMessage(summary.splitlines()[0] if summary else "")
        QMessageBox.information(self, self.tr("Sample branch"), summary)
        return True

    def remove_sample(self) -> bool:
        """移除示例数据 (the banner's button, 帮助 › 移除示例数据): after a yes, a backup, then
        the sample goes in one owner action; the branch's own data stays."""
        from branchdesk import paths
        from branchdesk.db.backup import backup_to
        from branchdesk.permissions import Action, require_owner
        from branchdesk.sample import remove_sample_branch
        from branchdesk.team.agents import list_agents
        from branchdesk.team.sample import sample_agent_ids
        from branchdesk.ui.kit import owner_action as owner

        db = self.db
        assert db is not None
        with db.read_session() as session:
            ids = set(sample_agent_ids(session))
            names = "、".join(
                a.name for a in list_agents(session, active_only=False) if a.id in ids
            )
        answer = QMessageBox.question(
            self,
            self.tr("Remove the sample branch"),
            self.tr(
                "Remove the sample branch? Its tables, waybills, handbook, guides, agents with "
                "their contacts and shifts, complaints, QC records and pay rates go. What you "
                "imported or logged yourself stays.\n\nA backup is made first, so this can be "
                "taken back by restoring it (文件 › 从备份恢复…)."
            )
            + (
                "\n\n"
                + self.tr(
                    "The sample agents {names} go with everything logged under their names. An "
                    "agent you have edited in the team list is yours and stays."
                ).format(names=names)
                if names
                else ""
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False

        def remove() -> str:
            with db.session() as session:
                return remove_sample_branch(session)

        try:
            # The PIN first: a refusal leaves no backup behind for nothing.
            owner.retrying(self, db, lambda: require_owner(Action.DELETE_RECORDS))
            backup = backup_to(paths.db_path(), paths.backups_dir())
            summary = owner.retrying(self, db, remove)
        except owner.PinCancelled:
            return False
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Remove the sample branch"), str(exc))
            return False
        self.refresh()
        self.refresh_agent()  # a sample agent picked at this PC is gone: nobody is working
        qc = getattr(self, "qc_window", None)
        if qc is not None:
            qc.close()  # it showed the sample's QC days
        # The backup's name whole (the status bar cut it), to restore the sample from.
        text = summary + "\n" + self.tr("Backup before: {name}").format(name=backup.name)
        self.statusBar().showMessage(summary)
        QMessageBox.information(self, self.tr("Remove the sample branch"), text)
        return True

    def offer_sample(self) -> None:
        """First start: the welcome (初始设置) asks about the branch and offers the sample
        branch, so a new user sees how it works."""
        from branchdesk.lookup.tables import has_area_rules

        if self.settings.get("first_run_done") or self.db is None:
            return
        with self.db.read_session() as session:
            if has_area_rules(session):
                self.settings.set("first_run_done", True)
                return
        if not self.first_run_setup() and not self.settings.get("first_run_done"):
            # Closed before the end: asked again at the next start, and said where it is.
            self.statusBar().showMessage(
                self.tr(
                    "The welcome was closed: it opens again at the next start, or now from "
                    "Help › Setup wizard."
                ),
                15000,
            )

    def first_run_setup(self) -> bool:
        """The welcome wizard (also 帮助 › 初始设置向导): the branch's name, company and region,
        an optional PIN, then the sample branch or the import of the area table."""
        from branchdesk.lookup.tables import has_area_rules
        from branchdesk.owner import pin as owner_pin
        from branchdesk.permissions import Action
        from branchdesk.ui.kit import owner_action as owner
        from branchdesk.ui.shell.first_run import FirstRunWizard

        db = self.db
        if db is None:
            return False
        with db.read_session() as session:
            pin_set = owner_pin.is_set(session)
            has_data = has_area_rules(session)
        # The owner's PIN first, not after the answers were typed (cancelled, it lost them).
        if pin_set and not owner.ensure_owner(self, db, Action.CHANGE_SETTINGS):
            return False
        wizard = FirstRunWizard(self.settings, pin_set=pin_set, has_data=has_data, parent=self)
        if not wizard.exec():
            return False
        # Finished, at the first start or from 帮助 › 初始设置向导: not offered again, and
        # a start with the computer may now wait in the tray.
        self.settings.set("first_run_done", True)
        setup = wizard.setup()
        lock = owner.owner_lock()
        # Opened with the PIN, what it does is the owner's however long it took (the unlock
        # ran out: asked again, cancelling lost the answers); nothing more after it.
        renewed = pin_set and not lock.unlocked
        if renewed:
            lock.unlock()
        try:
            return _finish_setup(self, db, setup)
        finally:
            if renewed:
                lock.lock()


def _finish_setup(part: StartupPart, db: Database, setup: Setup) -> bool:
    """Apply the welcome's answers, then start the way chosen (the sample, an import)."""
    from branchdesk.ui.kit import owner_action as owner
    from branchdesk.ui.shell.first_run import IMPORT, SAMPLE

    try:
        if setup.branch or setup.pin:
            owner.retrying(part, db, lambda: _apply_setup(db, setup))
    except owner.PinCancelled:
        return False
    except BranchDeskError as exc:
        QMessageBox.warning(part, part.tr("Set up BranchDesk"), str(exc))
        return False
    if setup.pin:
        # The owner has just typed the PIN: owner actions stay open for the usual minutes
        # (loading the sample replaces tables) rather than ask for it again at once.
        owner.install_lock(db).unlock()
    part.branch_changed()
    if setup.start == SAMPLE:
        part.load_sample()
    elif setup.start == IMPORT:
        part.open_import("areas")
    return True


def _apply_setup(db: Database, setup: Setup) -> None:
    """The welcome's answers in one transaction: the branch's settings, the new PIN."""
    from branchdesk.owner import pin as owner_pin
    from branchdesk.owner import policy

    with db.session() as session:
        if setup.branch:
            policy.change(session, setup.branch)
        if setup.pin:
            owner_pin.set_pin(session, setup.pin)


def _day_checks(
    db_path: Path, stopping: threading.Event, keep_daily: int, keep_weekly: int
) -> object:
    """The day's integrity check, then (the file being sound) its automatic backup, off the
    UI thread: the check's report, the backup's failure (a full disk, a folder gone: told,
    not dropped), or None when closing stopped them."""
    from branchdesk import paths
    from branchdesk.db.backup import BackupCancelled, daily_backup
    from branchdesk.db.integrity import CheckCancelled, quick_check

    try:
        # Seconds on a large branch: a window closed meanwhile stops it, unjudged.
        report = quick_check(db_path, cancelled=stopping.is_set)
    except CheckCancelled:
        return None
    except BranchDeskError as exc:  # a full disk, a read-only folder: told, not dropped
        return exc
    if report.ok:
        try:
            daily_backup(
                db_path,
                paths.backups_dir(),
                keep_daily=keep_daily,
                keep_weekly=keep_weekly,
                cancelled=stopping.is_set,
            )
        except BackupCancelled:  # closing: the next start makes it
            pass
        except (BranchDeskError, OSError) as exc:
            return exc
    return report
