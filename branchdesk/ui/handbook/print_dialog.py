"""Print dialog: choose the document and its options, see the PDF, save it or print it.

The PDF is rendered off the UI thread (progress bar, Cancel); the preview shows exactly the
file that is saved or sent to the printer.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.handbook import service
from branchdesk.handbook.printing import Printed, PrintJob, print_document, shortfall
from branchdesk.settings import SettingsStore
from branchdesk.ui.handbook import print_choices
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.pdf_preview import PdfPreview, PreviewHost
from branchdesk.ui.kit.screens import fit_to_screen

DOCUMENT_LABELS = (
    ("handbook", "Full handbook"),
    ("sheet", "Vehicle sheets (large type)"),
    ("exam", "Exam paper"),
    ("results", "Practice results"),
)
EXAM_PART_LABELS = (
    ("both", "Paper and answer key"),
    ("paper", "Paper only"),
    ("key", "Answer key only"),
)
KEY_FILE_NAME = "考卷答案.pdf"
FILE_NAMES = {
    "handbook": "处罚手册.pdf",
    "sheet": "车载处罚单.pdf",
    "exam": "新人考卷.pdf",
    "results": "练习成绩.pdf",
}


class PrintDialog(PreviewHost, QDialog):
    """Handbook, vehicle sheets, exam paper or results: options on the left, the PDF right."""

    printed = Signal(object)  # Printed, once saved or sent to the printer

    def __init__(
        self,
        db: Database,
        *,
        document: str | None = "handbook",
        selected_ids: list[int] | None = None,
        employee: str | None = None,
        category: str | None = None,
        settings: SettingsStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`document` None opens the document chosen last time; `category` (the one chosen
        on the handbook page) is the only one ticked, whatever was remembered."""
        super().__init__(parent)
        self.db = db
        self.settings = settings or SettingsStore()
        remembered = print_choices.remembered(self.settings)
        if document is None:
            last = remembered.get("", {}).get("document")
            document = last if last in dict(DOCUMENT_LABELS) else "handbook"
        self.selected_ids = list(selected_ids or [])
        self.stale = False
        self.key_printed = False  # an answer key printed here: the next paper is a new one
        self.rendered: Printed | None = None
        # The options of the preview shown or being rendered (PrintJob.used()); None when
        # there is none (not rendered yet, failed, cancelled).
        self.previewed: PrintJob | None = None
        self.preview = PdfPreview(
            self,
            self._file_name,
            prefix="branchdesk-print-",
            cancelled_text=self.tr("Cancelled. Change an option to try again."),
        )
        self.preview_path = self.preview.path
        self.setWindowTitle(self.tr("Print"))
        fit_to_screen(self, 1060, 700)  # less on a small screen
        enter_presses(self)  # Enter drew a new exam paper

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
        self.check_all = QPushButton(self.tr("Select all"))
        self.check_all.setObjectName("checkAll")
        self.check_all.clicked.connect(lambda: self.tick(lambda _name: True))
        self.check_none = QPushButton(self.tr("Select none"))
        self.check_none.setObjectName("checkNone")
        self.check_none.clicked.connect(lambda: self.tick(lambda _name: False))
        self.only_this = QPushButton(self.tr("Only this category"))
        self.only_this.setObjectName("onlyThis")
        self.only_this.setToolTip(self.tr("Tick only the category chosen in the list"))
        self.only_this.clicked.connect(self._only_current)
        self.only_this.setEnabled(False)
        self.category_list.currentItemChanged.connect(
            lambda item, _old: self.only_this.setEnabled(item is not None)
        )
        self.category_buttons = QWidget()
        tick_row = QHBoxLayout(self.category_buttons)
        tick_row.setContentsMargins(0, 0, 0, 0)
        for button in (self.check_all, self.check_none, self.only_this):
            tick_row.addWidget(button)
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
        self.part = QComboBox()
        self.part.setObjectName("examPart")
        for key, label in EXAM_PART_LABELS:
            self.part.addItem(self.tr(label), key)
        self.part.setToolTip(
            self.tr("Print the answer key apart for the marker: keep the same paper no.")
        )
        new_paper = QPushButton(self.tr("New paper"))
        new_paper.clicked.connect(lambda: self.seed.setValue(self._new_seed()))
        self.seed.valueChanged.connect(lambda _v: self._paper_fixed(False))  # until rendered
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
        self.part_label = QLabel(self.tr("What to print"))
        form.addRow(self.part_label, self.part)
        self.employee_label = QLabel(self.tr("Employee (empty: everyone)"))
        form.addRow(self.employee_label, self.employee)

        p = self.preview
        self.view, self.pdf, self.status, self.progress = p.view, p.document, p.status, p.progress
        self.cancel_button, self.save_button, self.print_button = (
            p.cancel_button,
            p.save_button,
            p.print_button,
        )
        p.saved.connect(self._saved)
        p.sent.connect(lambda _pages: self._done_with_rendered())
        p.runner.idle.connect(self._idle)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        self.categories_label = QLabel(self.tr("Categories"))
        left.addWidget(self.categories_label)
        left.addWidget(self.category_list, 1)
        left.addWidget(self.category_buttons)
        left.addWidget(self.only_selected)
        left.addWidget(self.status)
        left.addWidget(self.progress)
        left.addLayout(self.preview.button_row(close))
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
        # An option the document does not use (the courier of a vehicle sheet while the
        # handbook is chosen) leaves its preview as it is.
        self._debounce.timeout.connect(self._options_changed)
        self.document.currentIndexChanged.connect(lambda _i: self._document_changed())
        self.category_list.itemChanged.connect(lambda _i: self._debounce.start())
        self.only_selected.toggled.connect(lambda _on: self._debounce.start())
        self.courier.currentTextChanged.connect(lambda _t: self._debounce.start())
        self.questions.valueChanged.connect(lambda _v: self._debounce.start())
        self.seed.valueChanged.connect(lambda _v: self._debounce.start())
        self.part.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self.employee.currentTextChanged.connect(lambda _t: self._debounce.start())
        print_choices.restore(self, remembered.get(self.kind(), {}), category)
        self._document_changed()

    # --- options ---------------------------------------------------------------------------
    def _new_seed(self) -> int:
        with self.db.session() as session:
            return service.new_paper_seed(session)

    def _file_name(self) -> str:
        if self.kind() == "exam" and self.part.currentData() == "key":
            return KEY_FILE_NAME
        return FILE_NAMES.get(self.kind(), "BranchDesk.pdf")

    def kind(self) -> str:
        return str(self.document.currentData())

    def _document_changed(self) -> None:
        kind = self.kind()
        for label, widget, shown in (
            (self.courier_label, self.courier, kind == "sheet"),
            (self.questions_label, self.questions, kind == "exam"),
            (self.seed_label, self.seed_widget, kind == "exam"),
            (self.part_label, self.part, kind == "exam"),
            (self.employee_label, self.employee, kind == "results"),
        ):
            label.setVisible(shown)
            widget.setVisible(shown)
        uses_items = kind in ("handbook", "sheet", "exam")
        self.categories_label.setVisible(uses_items)
        self.category_list.setVisible(uses_items)
        self.category_buttons.setVisible(uses_items)
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
            part=str(self.part.currentData()),
            employee=self.employee.currentText().strip() or None,
            branch=str(self.settings.get("branch_name") or ""),
        )

    def tick(self, keep: Any) -> None:
        """Tick the categories whose name `keep` accepts, untick the others."""
        for i in range(self.category_list.count()):
            item = self.category_list.item(i)
            on = keep(item.data(Qt.ItemDataRole.UserRole))
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _only_current(self) -> None:
        item = self.category_list.currentItem()
        if item is not None:
            chosen = item.data(Qt.ItemDataRole.UserRole)
            self.tick(lambda name: name == chosen)

    # --- rendering -------------------------------------------------------------------------

    def _options_changed(self) -> None:
        if self.preview.runner.busy:
            self.stale = True  # look again once the running one ends
            return
        # Nothing ticked reads as the same job as everything ticked (no categories named),
        # so it is looked at apart: the preview says to tick one and Print is off.
        if self.job().used() != self.previewed or self._nothing_to_print():
            self.render_preview()

    def render_preview(self) -> None:
        if self.preview.runner.busy:
            self.stale = True  # render again once the running one ends
            return
        job = self.job()
        self.previewed = None
        if self._nothing_to_print():
            self._show_problem(self.tr("Tick at least one category."))
            return
        db = self.db

        def work(path: Path, progress: Any) -> Printed:
            with db.session() as session:
                return print_document(session, job, path, progress, record=False)

        self.rendered = None
        self.previewed = job.used()
        self.preview.render(work, self._rendered, pages=lambda printed: printed.pages)

    def _nothing_to_print(self) -> bool:
        job = self.job()
        return job.document in ("handbook", "sheet", "exam") and bool(
            not job.ids and self.category_list.count() and not self._any_checked()
        )

    def _any_checked(self) -> bool:
        return any(
            self.category_list.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.category_list.count())
        )

    def _rendered(self, printed: Printed) -> None:
        self.rendered = printed
        text = self.tr("{pages} page(s), A4.").format(pages=printed.pages)
        if printed.reprint_of is not None:
            text += " " + self.tr(
                "Paper no. {seed} was first printed on {when}: this is that paper again."
            ).format(seed=printed.seed, when=printed.reprint_of.date().isoformat())
            text += " " + self.tr(
                "Its questions stay as they were, whatever the categories and the number of "
                "questions say; for a paper on them, press New paper."
            )
        elif printed.seed is not None:
            text += " " + self.tr("Paper no. {seed}.").format(seed=printed.seed)
            if self.kind() == "exam" and (short := shortfall(printed, self.job().questions)):
                text += " ⚠ " + short
            if self.part.currentData() == "key" and self.kind() == "exam":
                text += " ⚠ " + self.tr(
                    "No paper with this number was printed: nobody has the paper this key is "
                    "for. Type the number printed on the papers handed out."
                )
        self._paper_fixed(printed.reprint_of is not None)
        self.status.setText(text)

    def _paper_fixed(self, fixed: bool) -> None:
        """A paper printed before is reprinted as it was: the categories and the number of
        questions do not change it, so they are not offered as if they did."""
        for widget in (self.category_list, self.category_buttons, self.questions):
            widget.setEnabled(not fixed)

    def _show_problem(self, message: str) -> None:
        self.rendered = None
        self.preview.clear(message)

    def _idle(self) -> None:
        if self.preview.pages == 0:
            self.rendered = None  # failed or cancelled: nothing to save or print
            self.previewed = None
        if self.stale:
            self.stale = False
            self._options_changed()

    # --- output ----------------------------------------------------------------------------

    def _saved(self, target: Path) -> None:
        if self.rendered is not None:
            self._done(replace(self.rendered, path=target))

    def _done_with_rendered(self) -> None:
        if self.rendered is not None:
            self._done(self.rendered)

    def _done(self, printed: Printed) -> None:
        key = self.part.currentData() == "key"
        if printed.exam is not None and key:
            self.key_printed = True
        if printed.exam is not None and not key:  # a key alone hands out no paper
            exam = printed.exam
            with self.db.session() as session:
                service.record_paper(session, exam)
        self.printed.emit(printed)

    def done(self, result: int) -> None:
        print_choices.remember(self)
        self.stale = False  # no new render into the temp dir about to be removed
        self._debounce.stop()
        self.preview.close()
        super().done(result)
