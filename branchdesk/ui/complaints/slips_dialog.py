"""Problem-parcel slips dialog: open the HQ's list, see who gets which parcel, print the slips.

Reading, matching and rendering run off the UI thread; the preview shows exactly the PDF
that is saved or sent to the printer. Customers' names and phones are masked unless the
user ticks "Show full phone numbers".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints.slip_entries import AMBIGUOUS, UNMATCHED, SlipLine, how_label
from branchdesk.complaints.slips import (
    PrintedSlips,
    SlipList,
    read_problem_list,
    render,
    require_printable,
)
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.reader import sheet_names
from branchdesk.permissions import Action
from branchdesk.privacy import require_full_phones
from branchdesk.settings import SettingsStore
from branchdesk.ui.data.import_dialog import choose_table
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.pdf_preview import PdfPreview, PreviewHost
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import add_copy_actions
from branchdesk.ui.kit.tasks import failure_message

TO_CHECK_FILL = QColor("#fff3dc")
UNMATCHED_FILL = QColor("#fde2e2")


def _how(line: SlipLine) -> str:
    if line.how == AMBIGUOUS and line.candidates:
        return f"{how_label(line.how)}: {' / '.join(line.candidates)}"
    return how_label(line.how)


class SlipLinesModel(RowsModel[SlipLine]):
    """The matched parcels; "to check" and unmatched rows are tinted."""

    COL_COURIER, COL_WAYBILL, COL_PROBLEM, COL_HOW, COL_ADDRESS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("Courier", lambda r: r.courier or ""),
                Column("Waybill no.", lambda r: r.waybill),
                Column("Problem", lambda r: r.problem),
                Column("Matched by", _how),
                Column("Address", lambda r: r.address or ""),
            ],
            parent,
        )

    def extra_data(self, row: SlipLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.how == AMBIGUOUS:
                return QBrush(TO_CHECK_FILL)
            if row.how == UNMATCHED:
                return QBrush(UNMATCHED_FILL)
        return None


class SlipsDialog(PreviewHost, QDialog):
    """Open an HQ problem-parcel list, check the matching, save or print the slips."""

    printed = Signal(object)  # PrintedSlips, once saved or sent to the printer

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = SettingsStore()
        self.found: SlipList | None = None
        self.rendered: PrintedSlips | None = None
        self._then: Callable[[], None] | None = None  # work to start once the task ends
        self.preview = PdfPreview(
            self,
            lambda: self.tr("Problem-parcel slips {date}.pdf").format(
                date=date.today().isoformat()
            ),
            prefix="branchdesk-slips-",
            cancelled_text=self.tr("Cancelled. Change an option to try again."),
        )
        self.preview_path = self.preview.path
        self.preview.saved.connect(self._saved)
        self.preview.sent.connect(lambda _pages: self._sent())
        self.preview.runner.idle.connect(self._idle)
        self.setWindowTitle(self.tr("Problem-parcel slips"))
        fit_to_screen(self, 1180, 700)
        enter_presses(self)  # Enter opened the file browser again

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("slipsFile")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(
            self.tr("The HQ's list of problem parcels (Excel or CSV)")
        )
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setObjectName("slipsBrowse")
        self.browse_button.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("slipsSheet")
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.skip_invalid = QCheckBox(self.tr("Skip invalid rows"))
        self.skip_invalid.setObjectName("skipInvalid")
        self.skip_invalid.toggled.connect(lambda _on: self.render_preview())
        self.show_phones = QCheckBox(self.tr("Show full phone numbers"))
        self.show_phones.setObjectName("showPhones")
        self.show_phones.setToolTip(
            self.tr("Customers' names and phones are masked on the slips unless this is ticked.")
        )
        self.show_phones.toggled.connect(self._show_phones_toggled)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), self.sheet_combo)
        options = QHBoxLayout()
        options.addWidget(self.skip_invalid)
        options.addWidget(self.show_phones)
        options.addStretch(1)

        self.model = SlipLinesModel(self)
        self.table = QTableView()
        self.table.setObjectName("slipLines")
        self.table.setModel(self.model)
        add_copy_actions(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 130, 90, 110)):
            self.table.setColumnWidth(column, width)

        self.problem_list = QListWidget()
        self.problem_list.setObjectName("slipProblems")
        self.problems_label = QLabel(self.tr("Problems in the list"))

        p = self.preview
        self.view, self.pdf, self.status, self.progress = p.view, p.document, p.status, p.progress
        self.cancel_button, self.save_button, self.print_button = (
            p.cancel_button,
            p.save_button,
            p.print_button,
        )
        self.status.setObjectName("slipsStatus")
        self.status.setText(self.tr("Choose the HQ's problem-parcel list."))
        self.print_button.setObjectName("printSlips")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(options)
        left.addWidget(self.table, 3)
        left.addWidget(self.problems_label)
        left.addWidget(self.problem_list, 1)
        left.addWidget(self.status)
        left.addWidget(self.progress)
        left.addLayout(self.preview.button_row(close))
        left_widget = QWidget()
        left_widget.setLayout(left)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_widget)
        splitter.addWidget(self.view)
        splitter.setSizes([620, 560])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self._show_problems([])

    # --- choosing and reading --------------------------------------------------------------
    def browse(self) -> None:
        path = choose_table(self)
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        self.file_edit.setText(str(path))
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        try:
            names = sheet_names(path)
        except BranchDeskError as exc:
            self.sheet_combo.blockSignals(False)
            self._clear()
            self._show_message(str(exc))
            return
        self.sheet_combo.addItems(names)
        self.sheet_combo.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Read, check and match the chosen sheet (in a worker), then render the preview."""
        if not self.file_edit.text():
            return
        if self.preview.runner.busy:
            if not self.preview.printing:  # a print runs to its end; anything else stops
                self.preview.runner.cancel()
            self._then = self.load  # a queued load goes before anything queued so far
            return
        path = Path(self.file_edit.text())
        sheet = self.sheet_combo.currentText() or None
        db = self.db

        def work(progress: Any) -> tuple[Path, str | None, SlipList]:
            with db.session() as session:
                return path, sheet, read_problem_list(session, path, sheet=sheet, progress=progress)

        self._clear()
        self.status.setText(
            self.tr("Reading {file} and finding each parcel's courier…").format(file=path.name)
        )
        self.preview.runner.start(
            work, self._loaded, lambda exc: self._show_message(failure_message(exc))
        )

    def _clear(self) -> None:
        self.found = None
        self.rendered = None
        self.model.set_rows([])
        self._show_problems([])
        self.preview.clear()

    def _loaded(self, loaded: tuple[Path, str | None, SlipList]) -> None:
        path, sheet, found = loaded
        chosen = (Path(self.file_edit.text()), self.sheet_combo.currentText() or None)
        if self._then == self.load or (path, sheet) != chosen:
            return  # another file or sheet was chosen meanwhile: its load is queued
        self.found = found
        self.model.set_rows(found.lines)
        self._show_problems([str(p) for p in found.problems])
        self._then = self.render_preview

    def _show_problems(self, lines: list[str]) -> None:
        self.problem_list.clear()
        for line in lines[:2000]:
            self.problem_list.addItem(line)
            self.problem_list.item(self.problem_list.count() - 1).setToolTip(line)
        if len(lines) > 2000:
            self.problem_list.addItem(self.tr("… and {more} more").format(more=len(lines) - 2000))
        self.problems_label.setVisible(bool(lines))
        self.problem_list.setVisible(bool(lines))

    def _summary(self, found: SlipList) -> str:
        text = found.summary()
        if found.merged:
            text += " " + self.tr("{count} repeated waybill(s) merged.").format(count=found.merged)
        return text

    # --- rendering -------------------------------------------------------------------------
    def render_preview(self) -> None:
        found = self.found
        if found is None:
            return
        if self.preview.runner.busy:
            if self._then != self.load:  # a queued load renders when it is done
                self._then = self.render_preview
            return
        self.rendered = None
        self.preview.clear()  # the file is about to be replaced
        try:
            require_printable(found, skip_invalid=self.skip_invalid.isChecked())
        except BranchDeskError as exc:
            if found.problems and found.parcels:
                self._show_message(
                    self.tr(
                        "{count} row(s) have problems (listed below): nothing is printed. "
                        "Correct the file and open it again, or tick “Skip invalid rows”."
                    ).format(count=len(found.problems))
                )
            else:
                self._show_message(str(exc).splitlines()[0])
            return
        mask = not self.show_phones.isChecked()
        branch = str(self.settings.get("branch_name") or "")

        def work(path: Path, progress: Any) -> PrintedSlips:
            return render(
                found, path, branch=branch, printed=date.today(), mask=mask, progress=progress
            )

        self.preview.render(work, self._rendered, pages=lambda printed: printed.pages)

    def _show_phones_toggled(self, on: bool) -> None:
        """Full phone numbers are an owner action (PIN when set), written to the audit log."""
        if on:
            allowed = owner.ensure_owner(self, self.db, Action.SHOW_PHONES)
            if allowed:
                try:
                    with self.db.session() as session:
                        require_full_phones(session, self.tr("Slips shown with full phone numbers"))
                except BranchDeskError as exc:
                    self._show_message(str(exc))
                    allowed = False
            if not allowed:
                self.show_phones.blockSignals(True)
                self.show_phones.setChecked(False)
                self.show_phones.blockSignals(False)
                return
        self.render_preview()

    def _rendered(self, printed: PrintedSlips) -> None:
        self.rendered = printed
        text = (
            self._summary(printed.found)
            + " "
            + self.tr("{pages} page(s), A4.").format(pages=printed.pages)
        )
        if printed.found.problems:
            text += " " + self.tr("{count} invalid row(s) skipped.").format(
                count=len(printed.found.problems)
            )
        self.status.setText(text)

    def _show_message(self, message: str) -> None:
        self.rendered = None
        self.preview.clear(message)

    def _idle(self) -> None:
        if self.preview.pages == 0:
            self.rendered = None  # failed or cancelled: nothing to save or print
        then, self._then = self._then, None
        if then is not None:
            then()

    # --- output ----------------------------------------------------------------------------

    def _saved(self, target: Path) -> None:
        if self.rendered is not None:
            self.printed.emit(replace(self.rendered, path=target))

    def _sent(self) -> None:
        if self.rendered is not None:
            self.printed.emit(self.rendered)

    def done(self, result: int) -> None:
        self._then = None  # no new work into the temp dir about to be removed
        self.preview.close()
        super().done(result)
