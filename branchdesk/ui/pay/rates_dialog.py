"""The owner sets the pay rates: per complaint closed, per work order, per contact, and the
bonuses or deductions by QC band (an owner action: the PIN is asked for when one is set)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.pay import service
from branchdesk.pay.rates import PayError, QcBand, Rates, parse_yuan, yuan
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.screens import fit_to_screen


class RatesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saved: Rates | None = None
        self.setWindowTitle(self.tr("Pay rates"))
        with db.read_session() as session:
            rates = service.current_rates(session)
        self.complaint = QLineEdit(yuan(rates.per_complaint_fen))
        self.work_order = QLineEdit(yuan(rates.per_work_order_fen))
        self.contact = QLineEdit(yuan(rates.per_contact_fen))
        form = QFormLayout()
        form.addRow(self.tr("Per complaint closed (元):"), self.complaint)
        form.addRow(self.tr("Per work order closed (元):"), self.work_order)
        form.addRow(self.tr("Per contact logged (元):"), self.contact)

        self.bands = QTableWidget(0, 3)
        self.bands.setHorizontalHeaderLabels(
            [
                self.tr("QC from (≥)"),
                self.tr("QC below (<)"),
                self.tr("Bonus (+) or deduction (−) 元"),
            ]
        )
        self.bands.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.bands.verticalHeader().setVisible(False)
        for band in rates.bands:
            self.add_band(band)
        add = QPushButton(self.tr("Add band"))
        add.clicked.connect(lambda: self.add_band(None))
        remove = QPushButton(self.tr("Remove band"))
        remove.clicked.connect(self.remove_band)
        band_buttons = QHBoxLayout()
        band_buttons.addWidget(add)
        band_buttons.addWidget(remove)
        band_buttons.addStretch(1)
        note = QLabel(
            self.tr(
                "A work order is paid at its own rate, not also as a complaint. A QC band applies "
                "to the month's QC average; leave one end empty for an open band (e.g. from 90, "
                "or below 70). Approved statements keep the rates they were approved with."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Bonuses and deductions by QC average:")))
        layout.addWidget(self.bands)
        layout.addLayout(band_buttons)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 440)

    def add_band(self, band: QcBand | None) -> None:
        row = self.bands.rowCount()
        self.bands.insertRow(row)
        values = (
            ("", "", "")
            if band is None
            else (
                "" if band.low is None else f"{band.low:g}",
                "" if band.high is None else f"{band.high:g}",
                yuan(band.amount_fen),
            )
        )
        for column, text in enumerate(values):
            self.bands.setItem(row, column, QTableWidgetItem(text))

    def remove_band(self) -> None:
        row = self.bands.currentRow()
        if row >= 0:
            self.bands.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.bands.item(row, column)
        return item.text().strip() if item is not None else ""

    def rates(self) -> Rates:
        """The rates as entered; PayError naming the field that is not a number."""
        bands = []
        for row in range(self.bands.rowCount()):
            low, high, amount = (self._cell(row, c) for c in range(3))
            if not (low or high or amount):
                continue  # an empty row added and left
            scores: list[float | None] = []
            for text in (low, high):
                try:
                    scores.append(float(text) if text else None)
                except ValueError:
                    raise PayError(
                        self.tr("QC band {row}: “{text}” is not a score.").format(
                            row=row + 1, text=text
                        )
                    ) from None
            what = self.tr("QC band {row}").format(row=row + 1)
            bands.append(QcBand(scores[0], scores[1], parse_yuan(amount or "0", what)))
        return Rates(
            parse_yuan(self.complaint.text(), self.tr("Per complaint closed")),
            parse_yuan(self.work_order.text(), self.tr("Per work order closed")),
            parse_yuan(self.contact.text(), self.tr("Per contact logged")),
            tuple(bands),
        )

    def save(self) -> None:
        try:
            rates = self.rates()
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the rates"), str(exc))
            return

        def work(session: Any) -> Rates:
            return service.set_rates(session, rates)

        saved = owner.run_in_transaction(self, self.db, work, self.tr("Cannot save the rates"))
        if saved is not None:
            self.saved = saved
            self.accept()
