"""A manual backup into a chosen folder (a USB stick), off the UI thread behind a busy dialog
that cannot be closed (a copy cannot stop half-way); the restore is restore_dialog.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.backup import (
    backup_to,
)
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.ui.kit.tasks import TaskRunner
from branchdesk.ui.kit.workers import Task


def database_file(db: Database) -> Path:
    """The file behind `db` (the one a restore replaces)."""
    return Path(str(db.engine.url.database))


def error_text(exc: BaseException, fallback: str) -> str:
    return str(exc) if isinstance(exc, BranchDeskError) else fallback.format(error=exc)


class BusyDialog(QDialog):
    """A busy bar for work that cannot stop half-way: Esc and the close button do nothing."""

    def __init__(self, title: str, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        label = QLabel(text)
        label.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)  # no steps to count: a moving bar says it is at work
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(bar)
        self.setMinimumWidth(420)

    def reject(self) -> None:
        pass  # ended by finish() when the work is done

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()

    def finish(self) -> None:
        self.done(QDialog.DialogCode.Accepted)


class FolderBackup(QObject):
    """A backup into a folder the user chooses, written in a worker thread behind a busy
    dialog, then a message naming the file or saying why the folder could not take it.

    The slots are methods of this UI-thread object, so the task's signals reach them queued.
    """

    ended = Signal(object)  # the backup file written, or None

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.db_path = database_file(db)
        self.written: Path | None = None
        self.error: BaseException | None = None
        self.busy: BusyDialog | None = None
        self.runner = TaskRunner(self)
        self.runner.idle.connect(self._finished)

    def start(self) -> bool:
        """Ask for the folder and start the copy; False (and nothing done) on Cancel."""
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Back up to a folder (a USB stick)")
        )
        if not folder:
            self.deleteLater()
            return False
        target = Path(folder)
        db_path = self.db_path

        def work(_progress: object) -> Path:
            return backup_to(db_path, target)

        self.busy = BusyDialog(
            self.tr("Back up to a folder"),
            self.tr("Backing up the branch's data to {folder}…").format(folder=target),
            self._window,
        )
        # Shown at once: while it is up the window cannot be closed under the running copy.
        self.busy.show()
        self.runner.start(work, self._succeeded, self._failed)
        return True

    @property
    def task(self) -> Task | None:
        return self.runner.task

    def _succeeded(self, path: Path) -> None:
        self.written = path

    def _failed(self, exc: BaseException) -> None:
        self.error = exc

    def _finished(self) -> None:
        if self.busy is not None:
            self.busy.finish()
            self.busy.deleteLater()
            self.busy = None
        if self.written is not None:
            QMessageBox.information(
                self._window,
                self.tr("Backup made"),
                self.tr(
                    "The branch's data is backed up to\n{path}\n\nTo bring it back later: "
                    "File ▸ Restore from a backup…, then Choose a file…"
                ).format(path=self.written),
            )
        elif self.error is not None:
            QMessageBox.warning(
                self._window,
                self.tr("Back up to a folder"),
                error_text(self.error, self.tr("The backup failed: {error}")),
            )
        self.ended.emit(self.written)
        self.deleteLater()
