"""A PDF made by a renderer, previewed, then saved or printed (the month's analysis uses it).

The render runs off the UI thread with a progress bar and Cancel; Save copies the previewed
file, Print sends exactly its pages (`print_dialog.print_pdf`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence, QPageSize, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.errors import BranchDeskError
from branchdesk.ui.print_dialog import print_pdf, save_pdf_copy
from branchdesk.ui.workers import Task

Render = Callable[[Path, Any], int]  # (path, progress) -> pages


class PdfPreviewDialog(QDialog):
    def __init__(
        self, title: str, file_name: str, render: Render, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 700)
        self.file_name = file_name
        self._tmpdir = tempfile.TemporaryDirectory(prefix="branchdesk-preview-")
        self.path = Path(self._tmpdir.name) / "preview.pdf"
        self.pages = 0
        self.task: Task | None = None

        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)
        self.status = QLabel(self.tr("Preparing the PDF…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.send_to_printer)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for b in (self.save_button, self.print_button):
            b.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, self.send_to_printer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        path = self.path
        self._run(lambda progress: render(path, progress), self._rendered)

    def _run(self, work: Any, done: Any) -> None:
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        task = Task(work)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self.status.setText(self.tr("Cancelled.")))
        task.finished.connect(self._finished)
        self.task = task
        task.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _rendered(self, pages: int) -> None:
        self.pages = pages
        self.pdf.load(str(self.path))
        self.status.setText(self.tr("{pages} page(s), A4.").format(pages=pages))

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, BranchDeskError) else repr(exc)
        self.status.setText(message)
        QMessageBox.warning(self, self.windowTitle(), message)

    def _finished(self) -> None:
        if self.task is not None:
            self.task.wait()
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        ready = self.pages > 0
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def wait_idle(self) -> None:
        if self.task is not None:
            self.task.wait()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        target = save_pdf_copy(self, self.path, self.file_name)
        if target is None:
            return
        self.status.setText(self.tr("Saved {path}").format(path=target))

    def send_to_printer(self) -> None:
        if not self.print_button.isEnabled():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        self.printer = printer
        path = self.path
        self.status.setText(self.tr("Printing…"))
        self._run(
            lambda progress: print_pdf(path, printer, progress),
            lambda pages: self.status.setText(
                self.tr("Sent {pages} page(s) to the printer.").format(pages=pages)
            ),
        )

    def done(self, result: int) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
            self.task = None
        self.pdf.close()
        self._tmpdir.cleanup()
        super().done(result)
