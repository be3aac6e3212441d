"""Table setup shared by the pages: a list of whole rows, as every page shows one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

EditTriggers = QAbstractItemView.EditTrigger


def rows_table(
    model: QAbstractItemModel,
    *,
    single: bool = False,
    fit_columns: bool = True,
    alternating: bool = True,
    stretch: int | None = None,
    edit_triggers: EditTriggers = EditTriggers.NoEditTriggers,
) -> QTableView:
    """A table of whole rows: no row numbers; `single` allows one selected row;
    `fit_columns` sizes columns to their text (else the user sizes them); the spare width
    goes to column `stretch`, or to the last column when None; `edit_triggers` says how a
    cell is edited in place (by default it is not)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(edit_triggers)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents
        if fit_columns
        else QHeaderView.ResizeMode.Interactive
    )
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def read_only_table(
    model: QAbstractItemModel,
    *,
    single: bool = False,
    fit_columns: bool = True,
    alternating: bool = True,
    stretch: int | None = None,
) -> QTableView:
    """A table of whole rows that are not edited in place (see rows_table)."""
    return rows_table(
        model, single=single, fit_columns=fit_columns, alternating=alternating, stretch=stretch
    )
