"""Restore from a backup: the list of backups, a preview of the chosen one, the refusal
when it must not be restored, and the restore off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk import paths
from branchdesk.db.backup import (
    BackupInfo,
    BackupSummary,
    RestoreReport,
    RowComparison,
    describe,
    kind_label,
    lacking_rows,
    list_backups,
    restore,
    restore_refusal,
)
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.permissions import Action
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.questions import agreed
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.kit.tasks import TaskRunner, failure_message
from branchdesk.ui.kit.workers import Task
from branchdesk.ui.shell.backup_dialog import database_file, error_text

CHOSEN = "chosen"  # a file from elsewhere (a USB stick), not from the backups folder


REFUSAL_COLOUR = "#b00020"


UNREADABLE_COLOUR = QColor("#888888")


def _kind(info: BackupInfo) -> str:
    label = (
        QCoreApplication.translate("backup", "Chosen file")
        if info.kind == CHOSEN
        else kind_label(info.kind)
    )
    if info.ok:
        return label
    return label + " " + QCoreApplication.translate("backup", "(damaged)")


class BackupsModel(RowsModel[BackupInfo]):
    """The backups to restore from, newest first; one whose header is damaged is grey. The
    file's name and folder are the first line of the preview."""

    COL_TAKEN, COL_KIND, COL_SIZE = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("Taken", lambda r: r.taken_at.strftime("%Y-%m-%d %H:%M:%S")),
                Column("Kind", _kind),
                Column("Size", lambda r: f"{r.size / 1e6:.1f} MB", align_right=True),
            ],
            parent,
        )

    def extra_data(self, row: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.ok:
            return QBrush(UNREADABLE_COLOUR)
        return None


class RestoreDialog(QDialog):
    """The backups (newest first) and any file the user chooses; the selected one's preview;
    Restore after a confirmation. On success the window must close: `restored` is emitted
    after the message, and BranchDesk starts again on the restored data."""

    restored = Signal(object)  # RestoreReport

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, backups_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.db_path = database_file(db)
        self.backups_dir = backups_dir if backups_dir is not None else paths.backups_dir()
        self.summaries: dict[Path, BackupSummary] = {}
        self.summary: BackupSummary | None = None
        self.lacking: RowComparison | None = None  # what the preview said the backup lacks
        self.report: RestoreReport | None = None
        self.error: BaseException | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        fit_to_screen(self, 900, 520)

        self.folder_label = QLabel(
            self.tr("Backups in {folder}, newest first:").format(folder=self.backups_dir)
        )
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = BackupsModel(self)
        # A long kind is cut short (its tooltip has it all) rather than push the size away.
        self.backup_list = read_only_table(
            self.model, single=True, alternating=False, stretch=BackupsModel.COL_KIND
        )
        self.backup_list.setObjectName("backupList")
        self.backup_list.setTabKeyNavigation(False)  # Tab leaves the list, arrows move in it
        self.backup_list.setShowGrid(False)
        self.backup_list.setWordWrap(False)
        self.backup_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        selection = self.backup_list.selectionModel()
        selection.currentRowChanged.connect(lambda current, _old: self.show_preview(current))
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setObjectName("chooseBackupFile")
        self.choose_button.setToolTip(self.tr("A backup elsewhere, for example on a USB stick"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        left = QVBoxLayout()
        left.addWidget(self.folder_label)
        left.addWidget(self.backup_list, 1)
        left.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)

        preview_label = QLabel(self.tr("What the backup holds:"))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("backupPreview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.refusal = QLabel()
        self.refusal.setObjectName("restoreRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(f"QLabel#restoreRefusal {{ color: {REFUSAL_COLOUR}; }}")
        self.refusal.setVisible(False)
        right = QVBoxLayout()
        right.addWidget(preview_label)
        right.addWidget(self.preview, 1)
        right.addWidget(self.refusal)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)

        self.status = QLabel(
            self.tr(
                "Restoring replaces all of the branch's data with the backup. The current data "
                "is saved as a backup first, then BranchDesk closes."
            )
        )
        self.status.setObjectName("restoreStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        # A restore cannot stop half-way: no Cancel, the busy bar only.
        self.runner = TaskRunner(self, progress=self.progress)
        self.runner.idle.connect(self._finished)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)  # Enter: Restore, which asks before anything
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.load_backups()

    # --- the list and the preview ------------------------------------------------------------
    def load_backups(self) -> None:
        self.model.set_rows(list_backups(self.backups_dir))
        if self.model.rowCount():
            self.backup_list.selectRow(0)
        else:
            self.preview.setPlainText(
                self.tr(
                    "There is no backup in this folder yet. Choose a file to restore a backup "
                    "from elsewhere."
                )
            )
        self.backup_list.setFocus()

    def choose_file(self) -> None:
        """A backup outside the backups folder (a USB stick): added at the top and selected."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            "",
            self.tr("BranchDesk backups (*.sqlite3);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        try:
            summary = self._describe(path)  # chosen again: read afresh
        except (BranchDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Choose a backup"), failure_message(exc))
            return
        rows = self.model.rows
        row = next((n for n, info in enumerate(rows) if info.path == path), None)
        if row is None:
            # Not greyed as damaged: the preview and the refusal below it say what is wrong.
            chosen = BackupInfo(path, summary.taken_at, CHOSEN, summary.size, ok=True)
            self.model.set_rows([chosen, *rows])
            row = 0
        self.backup_list.clearSelection()
        self.backup_list.selectRow(row)
        self.show_preview(self.model.index(row, 0))
        self.backup_list.setFocus()

    def show_preview(self, index: QModelIndex) -> None:
        self.summary = None
        self.refusal.setVisible(False)
        self.restore_button.setEnabled(False)
        if not index.isValid():
            self.preview.clear()
            return
        path = self.model.row_at(index.row()).path
        summary = self.summaries.get(path)
        if summary is None:
            try:
                summary = self._describe(path)
            except (BranchDeskError, OSError) as exc:  # gone meanwhile (a USB stick pulled)
                self.preview.setPlainText(failure_message(exc))
                return
        refusal = restore_refusal(summary)
        lines = summary.lines()
        if refusal is None:
            self.lacking = lacking_rows(self.db_path, summary.path)
            lines += ["", *self.lacking.lines()]
        self.preview.setPlainText("\n".join(lines))
        if refusal is not None:
            self.refusal.setText(str(refusal))
            self.refusal.setVisible(True)
            return
        self.summary = summary
        self.restore_button.setEnabled(True)

    def _describe(self, path: Path) -> BackupSummary:
        """The preview of `path` (a quick check: 0.4 s for 1M waybills), remembered."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = describe(path)
        finally:
            QApplication.restoreOverrideCursor()
        self.summaries[path] = summary
        return summary

    # --- the restore -------------------------------------------------------------------------
    def restore_chosen(self) -> None:
        summary = self.summary
        if summary is None or self.task is not None:
            return
        # Here, in the UI thread, before the question: the PIN is asked for when one is set;
        # the service checks again in its thread.
        if not owner.ensure_owner(self, self.db, Action.RESTORE):
            return
        yes = agreed(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace all of the branch's data with the backup taken {when}?\n{path}\n\n"
                "The current data is saved as a backup first, so this can be undone by "
                "restoring that copy. BranchDesk closes after the restore."
            ).format(when=summary.taken_at.strftime("%Y-%m-%d %H:%M:%S"), path=summary.path),
        )
        # Asked again if the unlock ran out while the question was open: the restore runs in a
        # thread, which cannot ask.
        if not yes or not owner.ensure_owner(self, self.db, Action.RESTORE):
            return
        # The restore refuses while a connection is open; the engine reconnects on its next
        # use if the restore fails.
        self.db.dispose()
        db_path, chosen, backups_dir = self.db_path, summary.path, self.backups_dir
        shown = self.lacking

        def work(_progress: object) -> RestoreReport:
            return restore(db_path, chosen, backups_dir=backups_dir, shown=shown)

        self._set_busy(True)
        self.runner.start(work, self._succeeded, self._failed)

    @property
    def task(self) -> Task | None:
        return self.runner.task

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.backup_list,
            self.choose_button,
            self.restore_button,
            self.close_button,
        ):
            widget.setEnabled(not busy)
        if not busy:
            self.restore_button.setEnabled(self.summary is not None)
        if busy:
            self.status.setText(self.tr("Restoring… The current data is first saved as a backup."))

    def _succeeded(self, report: RestoreReport) -> None:
        self.report = report

    def _failed(self, exc: BaseException) -> None:
        self.error = exc

    def _finished(self) -> None:
        report, error = self.report, self.error
        self.error = None
        if report is None:
            self._set_busy(False)
            self.status.setText(self.tr("Nothing was restored. BranchDesk keeps running."))
            if error is not None:
                QMessageBox.critical(
                    self,
                    self.tr("Restore failed"),
                    error_text(error, self.tr("Restore failed: {error}")),
                )
                # What the backup lacks is shown again as it is now (more may have been written
                # meanwhile: the refusal says so).
                self.show_preview(self.backup_list.currentIndex())
            return
        self.progress.setVisible(False)
        self.status.setText(self.tr("Restored."))
        QMessageBox.information(self, self.tr("Backup restored"), self.report_text(report))
        self.accept()
        self.restored.emit(report)  # the window closes

    def report_text(self, report: RestoreReport) -> str:
        lines = [
            self.tr("Restored the backup taken {when}:\n{path}").format(
                when=report.summary.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                path=report.restored_from,
            )
        ]
        if report.safety_copy is not None:
            lines.append(
                self.tr("The state before the restore is saved in {path}").format(
                    path=report.safety_copy
                )
            )
        if report.needs_upgrade:
            lines.append(self.tr("Its older schema is upgraded the next time BranchDesk opens it."))
        lines.append(
            self.tr("BranchDesk closes now. Start it again to work with the restored data.")
        )
        return "\n\n".join(lines)

    def reject(self) -> None:
        if self.task is None:  # a restore cannot stop half-way: Esc waits for it
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            return
        super().closeEvent(event)
