"""Import dialog: file, sheet, column mapping preview, error list, progress with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.importing import (
    ImportKind,
    ImportReport,
    kinds,
    read_for,
    run_import,
    validate_sheets,
)
from branchdesk.io.reader import SUPPORTED_SUFFIXES, Sheet, sheet_names
from branchdesk.io.tabular import HeaderNotFound, Prepared, column_label, show_value
from branchdesk.settings import SettingsStore
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tasks import TaskRunner
from branchdesk.ui.kit.workers import Task

KIND_ORDER = ("areas", "waybills", "routes", "times", "handbook", "customers")
PREVIEW_ROWS = 5


def choose_table(parent: QWidget) -> Path | None:
    """A spreadsheet or CSV chosen by the user (None when cancelled)."""
    patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Choose a file"),
        "",
        QCoreApplication.translate("ImportDialog", "Tables ({patterns})").format(patterns=patterns),
    )
    return Path(name) if name else None


class ImportDialog(QDialog):
    """Choose a file, check the column mapping and the errors, then import (or cancel).

    Why one class of this size: choosing the file, the sheet and the columns, the validation
    and the import are one flow over one prepared sheet, re-checked at every change.
    """

    imported = Signal(object)  # ImportReport

    def __init__(self, db: Database, kind: str = "areas", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = SettingsStore()
        self.setWindowTitle(self.tr("Import a table"))
        fit_to_screen(self, 980, 680)
        self.raw: Sheet | None = None
        self.raws: list[Sheet] = []
        self.read_notes: list[str] = []
        self.prepared: Prepared | None = None
        self.manual: dict[str, str] = {}
        # Work to start once the running task has finished (read → validate).
        self._then: Callable[[], None] | None = None
        self.report: ImportReport | None = None

        self.kind_combo = QComboBox()
        for name in KIND_ORDER:
            self.kind_combo.addItem(self.tr(kinds()[name].label), name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("Choose an Excel or CSV file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self.load_sheet())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("What to import"), self.kind_combo)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), self.sheet_combo)

        self.mapping_table = QTableWidget(0, 0)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.status = QLabel(self.tr("Choose a file to see how its columns are read."))
        self.status.setWordWrap(True)
        self.skip_invalid = QCheckBox(self.tr("Skip the invalid rows and import the rest"))
        self.skip_invalid.setEnabled(False)
        self.skip_invalid.toggled.connect(lambda _on: self._update_buttons())
        # A kind's yes/no options (the handbook: create missing categories); they change what
        # is valid, so toggling one checks the rows again.
        self.option_boxes: dict[str, QCheckBox] = {}
        self.options_row = QHBoxLayout()
        self.options_row.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.runner = TaskRunner(
            self,
            progress=self.progress,
            status=self.status,
            cancelled_text=self.tr("Cancelled. Nothing was imported."),
        )
        self.runner.idle.connect(self._finished)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)

        buttons = QHBoxLayout()
        buttons.addLayout(self.options_row)
        buttons.addWidget(self.skip_invalid)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Columns (change a column's meaning if it was not recognised):"))
        )
        layout.addWidget(self.mapping_table, 3)
        layout.addWidget(QLabel(self.tr("Problems:")))
        layout.addWidget(self.problem_list, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self._build_options()

    # --- choosing --------------------------------------------------------------------------
    @property
    def kind(self) -> ImportKind:
        return kinds()[self.kind_combo.currentData()]

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
            self._show_error(str(exc))
            return
        if self.kind.read is not None and len(names) > 1:
            # an area table kept as one sheet per courier: every sheet by default
            self.sheet_combo.addItem(self.tr("(every sheet)"), "")
        for name in names:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.blockSignals(False)
        self.load_sheet()

    def _kind_changed(self) -> None:
        self.manual = dict(self.settings.get("column_mappings").get(self.kind.name, {}))
        self._build_options()
        if self.raw is not None:
            # another kind may read the file differently (every sheet, another layout)
            self.set_file(Path(self.file_edit.text()))

    def load_sheet(self) -> None:
        path = Path(self.file_edit.text())
        if not self.file_edit.text():
            return
        sheet = self.sheet_combo.currentData() or None
        self.manual = dict(self.settings.get("column_mappings").get(self.kind.name, {}))
        kind = self.kind
        self._run(
            lambda progress: read_for(kind, path, sheet),
            self._sheets_loaded,
            self.tr("Reading {file}…").format(file=path.name),
        )

    def _build_options(self) -> None:
        for box in self.option_boxes.values():
            self.options_row.removeWidget(box)
            box.deleteLater()
        self.option_boxes = {}
        for option in self.kind.options:
            box = QCheckBox(self.tr(option.label))
            box.setObjectName(f"option_{option.key}")
            box.toggled.connect(lambda _on: self.revalidate())
            self.options_row.addWidget(box)
            self.option_boxes[option.key] = box

    def options(self) -> dict[str, bool]:
        return {key: box.isChecked() for key, box in self.option_boxes.items()}

    def _sheets_loaded(self, loaded: tuple[list[Sheet], list[str]]) -> None:
        self.raws, self.read_notes = loaded
        self.raw = self.raws[0] if self.raws else None
        self._then = self.revalidate

    def revalidate(self) -> None:
        raw = self.raw
        if raw is None:
            return
        if self.task is not None:
            self._then = self.revalidate
            return
        kind, manual, options, db = self.kind, dict(self.manual), self.options(), self.db
        raws, notes = list(self.raws) or [raw], list(self.read_notes)

        def work(progress: Any) -> Prepared:
            with db.session() as session:
                return validate_sheets(
                    raws, kind, manual, progress, session=session, options=options, notes=notes
                )

        self._run(
            work,
            self._validated,
            self.tr("Checking every row…"),
        )

    def _validated(self, prepared: Prepared) -> None:
        self.prepared = prepared
        self._fill_mapping(prepared.headers, prepared.mapping, prepared.header_row)
        self.problem_list.clear()
        for note in self._reading_notes(prepared):
            self.problem_list.addItem("ℹ " + note)
        for warning in prepared.warnings[:500]:
            self.problem_list.addItem(
                "⚠ " + self.tr("read only in part: {problem}").format(problem=warning)
            )
        for problem in prepared.problems[:2000]:
            self.problem_list.addItem(str(problem))
        if len(prepared.problems) > 2000:
            self.problem_list.addItem(
                self.tr("… and {more} more").format(more=len(prepared.problems) - 2000)
            )
        if prepared.problems:
            self.status.setText(
                self.tr(
                    "{ok} row(s) are valid, {bad} have problems. Correct the file and "
                    "choose it again, or skip the invalid rows."
                ).format(ok=prepared.valid, bad=len(prepared.problems))
            )
        else:
            self.status.setText(
                self.tr("All {ok} row(s) are valid. Header found in row {row}.").format(
                    ok=prepared.valid, row=prepared.header_row
                )
            )
        if self.kind.replaces_table and prepared.valid:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr(
                    "Importing replaces everything now in this table (also what was added by "
                    "hand); undo the import under 数据 to get it back."
                )
            )
        self.skip_invalid.setEnabled(bool(prepared.problems) and bool(prepared.valid))
        self._update_buttons()

    def _reading_notes(self, prepared: Prepared) -> list[str]:
        """How the file was read: sheets, the column chosen by its content, cells filled."""
        notes = list(prepared.notes)
        labels = {f.key: self.tr(f.label) for f in self.kind.fields}
        for key, (chosen, scored) in prepared.choices.items():
            others = [
                f"{column_label(c, prepared.headers[c] if c < len(prepared.headers) else '')}"
                for c, _score in scored
                if c != chosen
            ]
            notes.append(
                self.tr(
                    "“{field}” is read from column {column}: its cells read as addresses "
                    "(not {others}). Change it below if that is wrong."
                ).format(
                    field=labels.get(key, key),
                    column=column_label(
                        chosen, prepared.headers[chosen] if chosen < len(prepared.headers) else ""
                    ),
                    others="、".join(others),
                )
            )
        if prepared.filled:
            notes.append(
                self.tr(
                    "{count} blank cell(s) in a grouping column taken as “same as above” "
                    "(as merged cells leave them)"
                ).format(count=prepared.filled)
            )
        return notes

    def _fill_mapping(self, headers: list[str], mapping: dict[int, str], header_row: int) -> None:
        """One column per file column: a chooser of its meaning above a few sample rows."""
        raw = self.raw
        assert raw is not None
        table = self.mapping_table
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(1 + PREVIEW_ROWS)
        table.setHorizontalHeaderLabels([h or "—" for h in headers])
        start = header_row  # 1-based header row → first data row index
        sample = raw.head(start + PREVIEW_ROWS)[start:]
        for col, header in enumerate(headers):
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), "")
            for field in self.kind.fields:
                combo.addItem(self.tr(field.label) + (" *" if field.required else ""), field.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(col, ""))))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self._mapping_changed(h, c.currentData())
            )
            table.setCellWidget(0, col, combo)
            for r, row in enumerate(sample, start=1):
                value = row[col] if col < len(row) else None
                table.setItem(r, col, QTableWidgetItem(show_value(value)))

    def _offer_manual_mapping(self, raw: Sheet) -> None:
        candidates = raw.head(30)
        if not candidates:
            return
        index = max(
            range(len(candidates)),
            key=lambda i: (sum(1 for v in candidates[i] if show_value(v)), -i),
        )
        headers = [show_value(v) for v in candidates[index]]
        mapping = {c: self.manual[h] for c, h in enumerate(headers) if self.manual.get(h)}
        self._fill_mapping(headers, mapping, index + 1)

    def _mapping_changed(self, header: str, key: str) -> None:
        self.manual[header] = key
        self.revalidate()

    def _update_buttons(self) -> None:
        prepared = self.prepared
        busy = self.task is not None
        ok = (
            prepared is not None
            and bool(prepared.valid)
            and (not prepared.problems or self.skip_invalid.isChecked())
        )
        self.import_button.setEnabled(ok and not busy)
        # A meaning changed while rows are being checked would be lost when the check ends.
        self.mapping_table.setEnabled(not busy)
        self.browse_button.setEnabled(not busy)
        self.kind_combo.setEnabled(not busy)
        self.sheet_combo.setEnabled(not busy)
        for box in self.option_boxes.values():
            box.setEnabled(not busy)

    # --- importing -------------------------------------------------------------------------
    def start_import(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        path, kind = Path(self.file_edit.text()), self.kind.name
        # The PIN is asked here, on the UI thread; the import checks again in its thread.
        required = self.kind.required
        if required is not None and not owner.ensure_owner(self, self.db, required):
            return
        skip = self.skip_invalid.isChecked()
        options = self.options()

        def work(progress: Any) -> ImportReport:
            with self.db.session() as session:
                return run_import(
                    session,
                    path,
                    kind,
                    prepared=prepared,
                    skip_invalid=skip,
                    progress=progress,
                    options=options,
                )

        self._run(work, self._imported, self.tr("Importing…"))

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        if self.manual:
            mappings = dict(self.settings.get("column_mappings"))
            mappings[report.kind] = {h: k for h, k in self.manual.items()}
            self.settings.set("column_mappings", mappings)
        self.imported.emit(report)
        QMessageBox.information(self, self.tr("Import finished"), report.summary())
        self.accept()

    # --- running work off the UI thread ----------------------------------------------------
    @property
    def task(self) -> Task | None:
        return self.runner.task

    def _run(self, work: Any, done: Any, message: str) -> None:
        if self.runner.busy:
            return
        self.status.setText(message)
        self.runner.start(work, done, self._failed, self._cancelled)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, HeaderNotFound) and self.raw is not None:
            # Let the user say what each column is: show the likeliest header row.
            self._show_error(str(exc))
            self._offer_manual_mapping(self.raw)
        elif isinstance(exc, BranchDeskError):
            self._show_error(str(exc))
        else:
            self._show_error(self.tr("Unexpected error: {error}").format(error=exc))

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self.problem_list.clear()
        self.problem_list.addItems(message.splitlines())
        self.prepared = None
        self._update_buttons()

    def _cancelled(self) -> None:
        self._then = None

    def _finished(self) -> None:
        self._update_buttons()
        then, self._then = self._then, None
        if then is not None:
            then()

    def cancel(self) -> None:
        """Cancel running work (nothing is written), or close the dialog when idle."""
        if self.runner.busy:
            self.runner.cancel()
            return
        self.reject()

    def closeEvent(self, event: Any) -> None:
        self.runner.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.runner.busy:
            self.runner.cancel()
            return
        super().keyPressEvent(event)
