"""Table setup shared by the pages: a list of whole rows, as every page shows one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from branchdesk.ui.kit.copied import copy_text

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
    add_copy_actions(view)
    return view


def _tr(text: str) -> str:
    return QCoreApplication.translate("Tables", text)


def _cell_text(view: QTableView, row: int, column: int) -> str:
    model = view.model()
    value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)


def copy_cell(view: QTableView) -> bool:
    """Copy the current cell's text (Ctrl+C), with the "Copied" sign."""
    index = view.currentIndex()
    if not index.isValid():
        return copy_text(view, "")
    return copy_text(view, _cell_text(view, index.row(), index.column()))


def copy_rows(view: QTableView) -> bool:
    """Copy the selected rows, a tab between cells (pastes into Excel as rows and columns)."""
    selection = view.selectionModel()
    rows = sorted({i.row() for i in selection.selectedRows()}) if selection is not None else []
    columns = [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]
    text = "\n".join("\t".join(_cell_text(view, r, c) for c in columns) for r in rows)
    return copy_text(
        view, text, _tr("Copied {count} row(s)").format(count=len(rows)) if rows else None
    )


def add_copy_actions(view: QTableView) -> None:
    """Ctrl+C copies the current cell, the right-click menu the cell or the selected rows;
    each copy shows "Copied" (Qt's own Ctrl+C in a table copies silently)."""
    cell = QAction(_tr("Copy"), view)
    cell.setShortcut(QKeySequence.StandardKey.Copy)
    cell.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    cell.triggered.connect(lambda: copy_cell(view))
    rows = QAction(_tr("Copy the selected rows"), view)
    rows.triggered.connect(lambda: copy_rows(view))
    view.addAction(cell)
    view.addAction(rows)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


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
