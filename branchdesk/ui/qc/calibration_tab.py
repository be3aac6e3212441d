"""Calibration on the QC page: items scored by two reviewers, their difference per section."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from branchdesk.qc.scorecard import Calibration, SectionDifference
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.qc.common import DUE_BG

# A section the two reviewers put this many points apart is marked: the card reads two ways.
MARKED_DIFFERENCE = 10


class CalibrationModel(RowsModel[Calibration]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Item", lambda r: r.title),
                Column("First reviewer", lambda r: f"{r.first_reviewer} {r.first_total:.1f}"),
                Column("Second reviewer", lambda r: f"{r.second_reviewer} {r.second_total:.1f}"),
                Column("Difference", lambda r: f"{r.difference:+.1f}", align_right=True),
            ]
        )


class SectionsModel(RowsModel[SectionDifference]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("Section", lambda r: r.section),
                Column("First", lambda r: f"{r.first:.1f}", align_right=True),
                Column("Second", lambda r: f"{r.second:.1f}", align_right=True),
                Column("Difference", lambda r: f"{r.difference:+.1f}", align_right=True),
            ]
        )

    def extra_data(self, row: SectionDifference, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and abs(row.difference) >= MARKED_DIFFERENCE:
            return QBrush(QColor(DUE_BG))
        return None


class CalibrationTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.model = CalibrationModel()
        self.view = read_only_table(self.model, single=True)
        self.view.setObjectName("qcCalibration")
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_sections())
        self.sections_model = SectionsModel()
        self.sections_view = read_only_table(self.sections_model)
        self.sections_view.setObjectName("qcCalibrationSections")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.sections_view, 1)

    def set_rows(self, day: date, rows: list[Calibration]) -> None:
        self.label.setText(
            self.tr(
                "Items of {month} scored by two reviewers: the difference per section shows "
                "where the reviewers read the card differently."
            ).format(month=day.strftime("%Y-%m"))
        )
        self.model.set_rows(rows)
        self.sections_model.set_rows([])

    def show_sections(self) -> None:
        index = self.view.currentIndex()
        self.sections_model.set_rows(
            self.model.row_at(index.row()).sections if index.isValid() else []
        )
