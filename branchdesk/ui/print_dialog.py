"""Print dialog: choose the document and its options, see the PDF, save it or print it.

The PDF is rendered off the UI thread (progress bar, Cancel); the preview shows exactly the
file that is saved or sent to the printer.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.handbook import service
from branchdesk.handbook.printing import Printed, PrintJob, print_document
from branchdesk.settings import SettingsStore
from branchdesk.ui.workers import Task

DOCUMENT_LABELS = (
    ("handbook", "Full handbook"),
    ("sheet", "Vehicle sheets (large type)"),
    ("exam", "Exam paper with answer key"),
    ("results", "Practice results"),
)
FILE_NAMES = {
    "handbook": "处罚手册.pdf",
    "sheet": "车载处罚单.pdf",
    "exam": "新人考卷.pdf",
    "results": "练习成绩.pdf",
}


# Enough for sharp text on paper; a printer's own 1200 dpi would cost ~100 MB a page.
MAX_PRINT_DPI = 300


def print_pdf(path: Path, printer: QPrinter, progress: Any = None) -> int:
    """Send every page of the PDF at `path` to `printer`; returns the pages printed.

    Runs in a worker thread (painting on a QPrinter is allowed there); `progress(done,
    total)` may raise to cancel, and the print job is then aborted.
    """
    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready:
        raise BranchDeskError(
            QCoreApplication.translate("PrintDialog", "The PDF could not be opened for printing.")
        )
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise BranchDeskError(
            QCoreApplication.translate(
                "PrintDialog", "The printer could not be started. Check that it is on and ready."
            )
        )
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        target.moveTo(0, 0)
        for page in range(pages):
            if progress is not None:
                progress(page, pages)
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
            image: QImage = document.render(page, pixels)
            if image.isNull():
                raise BranchDeskError(
                    QCoreApplication.translate(
                        "PrintDialog", "Page {page} could not be prepared for the printer."
                    ).format(page=page + 1)
                )
            fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), fitted), image)
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
        document.close()
    return pages


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
            ).format(path=target, error=exc.strerror or exc),
        )
        return None
    return target


class PrintDialog(QDialog):
    """Handbook, vehicle sheets, exam paper or results: options on the left, the PDF right."""

    printed = Signal(object)  # Printed, once saved or sent to the printer

    def __init__(
        self,
        db: Database,
        *,
        document: str = "handbook",
        selected_ids: list[int] | None = None,
        employee: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = SettingsStore()
        self.selected_ids = list(selected_ids or [])
        self.task: Task | None = None
        self.stale = False
        self.rendered: Printed | None = None
        self._tmpdir = tempfile.TemporaryDirectory(prefix="branchdesk-print-")
        self.preview_path = Path(self._tmpdir.name) / "preview.pdf"
        self.setWindowTitle(self.tr("Print"))
        self.resize(1060, 700)  # fits a 1366×768 office screen with the taskbar

        with db.session() as session:
            categories = service.list_categories(session)
            people = service.employees(session)

        self.document = QComboBox()
        self.document.setObjectName("document")
        for key, label in DOCUMENT_LABELS:
            self.document.addItem(self.tr(label), key)
        self.document.setCurrentIndex(max(0, self.document.findData(document)))

        self.category_list = QListWidget()
        self.category_list.setObjectName("printCategories")
        for c in categories:
            if not c.items:
                continue
            item = QListWidgetItem(f"{c.name} ({c.items})")
            item.setData(Qt.ItemDataRole.UserRole, c.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.category_list.addItem(item)
        self.only_selected = QCheckBox(
            self.tr("Only the {n} selected item(s)").format(n=len(self.selected_ids))
        )
        self.only_selected.setVisible(bool(self.selected_ids))

        self.courier = QComboBox()
        self.courier.setObjectName("courier")
        self.courier.setEditable(True)
        self.courier.addItems(["", *people])
        self.questions = QSpinBox()
        self.questions.setObjectName("questions")
        self.questions.setRange(1, 200)
        self.questions.setValue(20)
        self.seed = QSpinBox()
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 999999)
        self.seed.setValue(self._new_seed())
        self.seed.setToolTip(self.tr("The same paper number prints the same paper again."))
        new_paper = QPushButton(self.tr("New paper"))
        new_paper.clicked.connect(lambda: self.seed.setValue(self._new_seed()))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(new_paper)
        self.employee = QComboBox()
        self.employee.setObjectName("employee")
        self.employee.setEditable(True)
        self.employee.addItems(["", *people])
        if employee:
            self.employee.setCurrentText(employee)

        form = QFormLayout()
        form.addRow(self.tr("Document"), self.document)
        self.courier_label = QLabel(self.tr("Courier's name"))
        form.addRow(self.courier_label, self.courier)
        self.questions_label = QLabel(self.tr("Questions"))
        form.addRow(self.questions_label, self.questions)
        self.seed_label = QLabel(self.tr("Paper no."))
        self.seed_widget = QWidget()
        self.seed_widget.setLayout(seed_row)
        seed_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.seed_label, self.seed_widget)
        self.employee_label = QLabel(self.tr("Employee (empty: everyone)"))
        form.addRow(self.employee_label, self.employee)

        self.view = QPdfView()
        self.view.setObjectName("pdfPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf = QPdfDocument(self)
        self.view.setDocument(self.pdf)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("savePdf")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.send_to_printer)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, self.send_to_printer)

        left = QVBoxLayout()
        left.addLayout(form)
        self.categories_label = QLabel(self.tr("Categories"))
        left.addWidget(self.categories_label)
        left.addWidget(self.category_list, 1)
        left.addWidget(self.only_selected)
        left.addWidget(self.status)
        left.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        left.addLayout(buttons)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(360)
        layout = QHBoxLayout(self)
        layout.addWidget(left_widget)
        layout.addWidget(self.view, 1)

        # Any change re-renders the preview shortly after (typing a name is not a render per key).
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(350)
        self._debounce.timeout.connect(self.render_preview)
        self.document.currentIndexChanged.connect(lambda _i: self._document_changed())
        self.category_list.itemChanged.connect(lambda _i: self._debounce.start())
        self.only_selected.toggled.connect(lambda _on: self._debounce.start())
        self.courier.currentTextChanged.connect(lambda _t: self._debounce.start())
        self.questions.valueChanged.connect(lambda _v: self._debounce.start())
        self.seed.valueChanged.connect(lambda _v: self._debounce.start())
        self.employee.currentTextChanged.connect(lambda _t: self._debounce.start())
        self._document_changed()

    # --- options ---------------------------------------------------------------------------
    def _new_seed(self) -> int:
        with self.db.session() as session:
            return service.new_paper_seed(session)

    def kind(self) -> str:
        return str(self.document.currentData())

    def _document_changed(self) -> None:
        kind = self.kind()
        for label, widget, shown in (
            (self.courier_label, self.courier, kind == "sheet"),
            (self.questions_label, self.questions, kind == "exam"),
            (self.seed_label, self.seed_widget, kind == "exam"),
            (self.employee_label, self.employee, kind == "results"),
        ):
            label.setVisible(shown)
            widget.setVisible(shown)
        uses_items = kind in ("handbook", "sheet", "exam")
        self.categories_label.setVisible(uses_items)
        self.category_list.setVisible(uses_items)
        self.only_selected.setVisible(bool(self.selected_ids) and kind in ("handbook", "sheet"))
        self._debounce.start()

    def job(self) -> PrintJob:
        kind = self.kind()
        checked = [
            self.category_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.category_list.count())
            if self.category_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        every = len(checked) == self.category_list.count()
        use_selection = self.only_selected.isChecked() and kind in ("handbook", "sheet")
        return PrintJob(
            document=kind,
            categories=() if every or use_selection else tuple(checked),
            ids=tuple(self.selected_ids) if use_selection else (),
            courier=self.courier.currentText().strip() or None,
            seed=self.seed.value(),
            questions=self.questions.value(),
            employee=self.employee.currentText().strip() or None,
            branch=str(self.settings.get("branch_name") or ""),
        )

    # --- rendering -------------------------------------------------------------------------
    def render_preview(self) -> None:
        if self.task is not None:
            self.stale = True  # render again once the running one ends
            return
        job = self.job()
        if job.document in ("handbook", "sheet", "exam") and (
            not job.ids and self.category_list.count() and not self._any_checked()
        ):
            self._show_problem(self.tr("Tick at least one category."))
            return
        db, path = self.db, self.preview_path

        def work(progress: Any) -> Printed:
            with db.session() as session:
                return print_document(session, job, path, progress, record=False)

        self.status.setText(self.tr("Preparing the PDF…"))
        self.rendered = None
        self.pdf.close()  # the file is about to be replaced
        self._start(work, self._rendered)

    def _start(self, work: Any, done: Any, failed: Any = None) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        task = Task(work)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(done)
        task.failed.connect(failed or self._failed)
        task.cancelled.connect(
            lambda: self.status.setText(self.tr("Cancelled. Change an option to try again."))
        )
        task.finished.connect(self._finished)
        self.task = task
        task.start()

    def _any_checked(self) -> bool:
        return any(
            self.category_list.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.category_list.count())
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _rendered(self, printed: Printed) -> None:
        self.rendered = printed
        self.pdf.load(str(self.preview_path))
        text = self.tr("{pages} page(s), A4.").format(pages=printed.pages)
        if printed.reprint_of is not None:
            text += " " + self.tr(
                "Paper no. {seed} was first printed on {when}: this is that paper again."
            ).format(seed=printed.seed, when=printed.reprint_of.date().isoformat())
        elif printed.seed is not None:
            text += " " + self.tr("Paper no. {seed}.").format(seed=printed.seed)
        self.status.setText(text)
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.rendered = None
        if isinstance(exc, BranchDeskError):
            self._show_problem(str(exc))
        else:
            self._show_problem(self.tr("Unexpected error: {error}").format(error=exc))

    def _show_problem(self, message: str) -> None:
        self.rendered = None
        self.pdf.close()
        self.status.setText(message)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def _finished(self) -> None:
        if self.task is not None:
            self.task.wait()
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        ready = self.rendered is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        if self.stale:
            self.stale = False
            self.render_preview()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def wait_idle(self) -> None:
        """Block until no render is running (tests and closing)."""
        while self.task is not None:
            self.task.wait()
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()

    # --- output ----------------------------------------------------------------------------
    def save(self) -> None:
        # The shortcut works even while the button is disabled: check the button.
        if self.rendered is None or not self.save_button.isEnabled():
            return
        target = save_pdf_copy(
            self, self.preview_path, FILE_NAMES.get(self.kind(), "BranchDesk.pdf")
        )
        if target is None:
            return
        self._done(replace(self.rendered, path=target))
        self.status.setText(self.tr("Saved {path}").format(path=target))

    def send_to_printer(self) -> None:
        if self.rendered is None or not self.print_button.isEnabled():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the previewed PDF off the UI thread, with progress and Cancel."""
        rendered, path = self.rendered, self.preview_path
        if rendered is None or self.task is not None:
            return
        self.printer = printer  # kept alive until the job ends

        def work(progress: Any) -> int:
            return print_pdf(path, printer, progress)

        def sent(pages: int) -> None:
            self._done(rendered)
            self.status.setText(self.tr("Sent {pages} page(s) to the printer.").format(pages=pages))

        def failed(exc: BaseException) -> None:
            message = str(exc) if isinstance(exc, BranchDeskError) else repr(exc)
            self.status.setText(message)
            QMessageBox.warning(self, self.tr("Cannot print"), message)

        self.status.setText(self.tr("Printing…"))
        self._start(work, sent, failed)

    def _done(self, printed: Printed) -> None:
        if printed.exam is not None:
            exam = printed.exam
            with self.db.session() as session:
                service.record_paper(session, exam)
        self.printed.emit(printed)

    def done(self, result: int) -> None:
        self.stale = False  # no new render into the temp dir about to be removed
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
            self.task = None
        self._debounce.stop()
        self.pdf.close()
        self._tmpdir.cleanup()
        super().done(result)
