"""The one PDF preview: a document rendered off the UI thread, shown, saved or printed.

`PdfPreview` owns the preview's widgets (view, status line, progress bar, Cancel, Save, Print)
and their behaviour; each dialog lays the widgets out as suits it. The preview shows exactly
the file that is saved or sent to the printer; printing takes a page range and runs off the
UI thread with progress and Cancel.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from branchdesk.errors import BranchDeskError, os_reason
from branchdesk.io.pdf.pages import missing_note
from branchdesk.ui.kit.tasks import TaskRunner, failure_message
from branchdesk.ui.kit.workers import Task

# Enough for sharp text on paper; a printer's own 1200 dpi would cost ~100 MB a page.
MAX_PRINT_DPI = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintDialog", text)


def print_pdf(
    path: Path,
    printer: QPrinter,
    progress: Any = None,
    *,
    first: int = 1,
    last: int | None = None,
) -> int:
    """Send pages `first`..`last` (1-based; default all) of the PDF at `path` to `printer`;
    returns the pages printed.

    Runs in a worker thread (painting on a QPrinter is allowed there); `progress(done,
    total)` may raise to cancel, and the print job is then aborted.
    """
    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready:
        raise BranchDeskError(_tr("The PDF could not be opened for printing."))
    count = document.pageCount()
    start = max(1, first) - 1
    end = count if last is None else min(count, last)
    pages = list(range(start, end))
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise BranchDeskError(
            _tr("The printer could not be started. Check that it is on and ready.")
        )
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        target.moveTo(0, 0)
        for n, page in enumerate(pages):
            if progress is not None:
                progress(n, len(pages))
            if n:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
            image: QImage = document.render(page, pixels)
            if image.isNull():
                raise BranchDeskError(
                    _tr("Page {page} could not be prepared for the printer.").format(page=page + 1)
                )
            fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), fitted), image)
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
        document.close()
    return len(pages)


def save_pdf_copy(parent: QWidget, source: Path, file_name: str) -> Path | None:
    """Ask where to save the previewed PDF and copy it there; None when the user cancels or
    the copy fails (the user was told why)."""
    tr = parent.tr
    name, _ = QFileDialog.getSaveFileName(
        parent, tr("Save as PDF"), str(Path.home() / file_name), tr("PDF document (*.pdf)")
    )
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            tr("Cannot save"),
            tr(
                "Cannot write {path}: {error}. Check the folder and that the file is not "
                "open in another program, then save again."
            ).format(path=target, error=os_reason(exc)),
        )
        return None
    return target


class PdfPreview(QObject):
    """A rendered PDF in a view, with Save (Ctrl+S), Print (Ctrl+P), progress and Cancel.

    `render(work, done)` runs `work(path, progress)` off the UI thread (it writes the PDF to
    `path` and returns what `done` gets, or the page count); the file is then shown. `saved`
    and `sent` tell the dialog what left the preview.
    """

    saved = Signal(object)  # Path the PDF was saved to
    sent = Signal(int)  # pages sent to the printer

    def __init__(
        self,
        owner: QWidget,
        file_name: Callable[[], str],
        *,
        prefix: str = "branchdesk-preview-",
        cancelled_text: str = "",
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.file_name = file_name
        self._tmpdir = tempfile.TemporaryDirectory(prefix=prefix)
        self.path = Path(self._tmpdir.name) / "preview.pdf"
        self.pages = 0
        self.printer: QPrinter | None = None  # kept alive until its job ends

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("pdfPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("savePdf")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.send_to_printer)
        QShortcut(QKeySequence.StandardKey.Save, owner, self.save)
        QShortcut(QKeySequence.StandardKey.Print, owner, self.send_to_printer)
        self.cancelled_text = cancelled_text or self.tr("Cancelled.")
        self.printing = False  # the running task sends the preview to the printer
        self.runner = TaskRunner(
            self, progress=self.progress, cancel_button=self.cancel_button, status=self.status
        )
        self.runner.idle.connect(self._idle)
        self._set_ready(False)

    def button_row(self, close: QPushButton) -> QHBoxLayout:
        """Cancel on the left; Save, Print and the dialog's Close on the right."""
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addWidget(close)
        return row

    # --- state -----------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """A rendered PDF is shown and nothing runs: it may be saved or printed."""
        return self.pages > 0 and not self.runner.busy

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _idle(self) -> None:
        self.printing = False
        self._set_ready(self.ready)

    def clear(self, message: str | None = None) -> None:
        """Forget the shown PDF (its file is about to be replaced, or it is wrong now)."""
        self.pages = 0
        self.document.close()
        self._set_ready(False)
        if message is not None:
            self.status.setText(message)

    # --- rendering -------------------------------------------------------------------------
    def render(
        self,
        work: Callable[[Path, Any], Any],
        done: Callable[[Any], object] | None = None,
        failed: Callable[[BaseException], object] | None = None,
        *,
        pages: Callable[[Any], int] = lambda result: result,
    ) -> None:
        """Render off the UI thread; `pages(result)` is the page count of what `work` made
        (the renderer's own, which knows the characters its font could not set).

        The caller waits for the runner to be idle first (a render replaces the file)."""
        if self.runner.busy:
            raise RuntimeError("render while a task runs")
        self.clear(self.tr("Preparing the PDF…"))
        path = self.path

        def rendered(result: Any) -> None:
            self.pages = pages(result)
            self.document.load(str(path))
            if done is not None:
                done(result)
            else:
                self.status.setText(self.tr("{pages} page(s), A4.").format(pages=self.pages))
            note = missing_note(self.pages)
            if note:  # a character printed as □: said beside the page count, not in a box
                self.status.setText(f"{self.status.text()} {note}")

        def not_rendered(exc: BaseException) -> None:
            self.clear(failure_message(exc))
            if failed is not None:
                failed(exc)

        self.runner.cancelled_text = self.cancelled_text
        self.runner.start(lambda progress: work(path, progress), rendered, not_rendered)

    # --- output ----------------------------------------------------------------------------
    def save(self) -> None:
        # The shortcut works even while the button is disabled: check the button.
        if not self.save_button.isEnabled():
            return
        target = save_pdf_copy(self.owner, self.path, self.file_name())
        if target is None:
            return
        self.status.setText(self.tr("Saved {path}").format(path=target))
        self.saved.emit(target)

    def send_to_printer(self) -> None:
        if not self.print_button.isEnabled():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self.owner)
        dialog.setMinMax(1, self.pages)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            self.print_to(printer, printer.fromPage(), printer.toPage() or None)
        else:
            self.print_to(printer)

    def print_to(self, printer: QPrinter, first: int = 1, last: int | None = None) -> None:
        """Print the previewed PDF (pages first..last) off the UI thread."""
        if not self.ready:
            # The preview changed (a new render started) while the print dialog was open.
            self.status.setText(
                self.tr("The preview is being prepared again: print once it is shown.")
            )
            return
        self.printer = printer
        path = self.path

        def work(progress: Any) -> int:
            return print_pdf(path, printer, progress, first=first, last=last)

        def sent(count: int) -> None:
            self.status.setText(self.tr("Sent {pages} page(s) to the printer.").format(pages=count))
            self.sent.emit(count)

        def failed(exc: BaseException) -> None:
            message = failure_message(exc)
            self.status.setText(message)
            QMessageBox.warning(self.owner, self.tr("Cannot print"), message)

        self.status.setText(self.tr("Printing…"))
        self._set_ready(False)
        self.printing = True
        self.runner.cancelled_text = self.tr("Printing cancelled.")
        self.runner.start(work, sent, failed)

    def close(self) -> None:
        """Stop what runs and remove the temporary file (the dialog is closing)."""
        self.runner.stop()
        self.document.close()
        self._tmpdir.cleanup()


class PreviewHost:
    """The preview's actions as the dialog's own (its buttons, Ctrl+S, Ctrl+P, Esc, tests):
    a dialog showing one `PdfPreview` as `self.preview` mixes this in."""

    preview: PdfPreview

    @property
    def task(self) -> Task | None:
        """The render or print running now, if any."""
        return self.preview.runner.task

    def cancel(self) -> None:
        self.preview.runner.cancel()

    def wait_idle(self) -> None:
        """Block until nothing runs (tests and closing)."""
        self.preview.runner.wait_idle()

    def save(self) -> None:
        self.preview.save()

    def send_to_printer(self) -> None:
        self.preview.send_to_printer()

    def print_to(self, printer: QPrinter) -> None:
        """Print the previewed PDF off the UI thread, with progress and Cancel."""
        self.preview.print_to(printer)
