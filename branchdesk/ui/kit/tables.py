"""Table setup shared by the pages: a read-only list of rows, as every page shows one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(
    model: QAbstractItemModel,
    *,
    single: bool = False,
    fit_columns: bool = True,
    alternating: bool = True,
) -> QTableView:
    """A table of whole rows that are not edited in place: no row numbers, the last column
    stretched; `single` allows one selected row; `fit_columns` sizes columns to their text
    (else the user sizes them)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents
        if fit_columns
        else QHeaderView.ResizeMode.Interactive
    )
    view.horizontalHeader().setStretchLastSection(True)
    return view
