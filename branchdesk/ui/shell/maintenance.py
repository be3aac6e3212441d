"""Maintenance: backups to a folder, restore, and removing old waybills off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QMessageBox,
)

from branchdesk.errors import BranchDeskError

if TYPE_CHECKING:
    from branchdesk.db.engine import Database

from branchdesk.ui.shell.window_base import (
    GUIDES,
    WindowParts,
)


class MaintenancePart(WindowParts):
    _purge: _WaybillPurge | None  # removing old waybills, off the UI thread

    def remove_old_waybills(self) -> None:
        """Ask for a number of days, show how many waybills are older, remove them on Yes."""
        from PySide6.QtWidgets import QInputDialog

        from branchdesk.lookup.retention import MAX_DAYS, count_old_waybills, cutoff_date
        from branchdesk.permissions import Action
        from branchdesk.ui.kit import owner_action as owner

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
        from branchdesk.ui.shell.restore_dialog import RestoreDialog

        if self.db is None or self._purge is not None:
            return
        if self.built(GUIDES) is not None and not self.guides_page.close_all():
            return  # a guide editor with unsaved changes, and the user chose to stay
        if self._warmup is not None:
            self._warmup.wait()  # the start-up check and daily backup read the database
        self.note_runner.stop()  # a lookup's note for the drills writes to it
        # Nothing may read the database while it is replaced (the restore runs in a thread);
        # the reminders resume when the dialog closes without a restore.
        self.reminder_timer.stop()
        from PySide6.QtCore import Qt

        dialog = RestoreDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.rejected.connect(self.reminder_timer.start)
        dialog.restored.connect(self.quit_app)  # ends BranchDesk, even one kept in the tray
        dialog.show()


class _WaybillPurge(QObject):
    """Removes old waybills in a worker thread behind a progress dialog with Stop."""

    ended = Signal(int)  # how many waybills were removed (also after Stop or an error)

    def __init__(
        self, db: Database, days: int, count: int, before: str, window: MaintenancePart
    ) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from branchdesk.ui.kit.tasks import TaskRunner

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

        from PySide6.QtCore import Qt

        self._work = work
        self.dialog = QProgressDialog(
            self.tr("Removing old waybills…"), self.tr("Stop"), 0, count, window
        )
        self.dialog.setWindowTitle(self.tr("Remove old waybills"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.runner = TaskRunner(self, progress=self.dialog)
        self.dialog.canceled.connect(self.runner.cancel)
        self.runner.idle.connect(self._finished)

    def start(self) -> None:
        self.runner.start(self._work, self._succeeded, self._failed, self._cancelled)

    def cancel(self) -> None:
        self.runner.cancel()

    def wait(self) -> None:
        self.runner.stop()

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
        self.dialog.close()
        self.dialog.deleteLater()
        self.ended.emit(self.removed)
