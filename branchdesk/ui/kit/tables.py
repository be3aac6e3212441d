"""Table setup shared by the pages: a list of whole rows, as every page shows one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt
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
    # Tab leaves a table of rows for the next field or button (cell to cell, it never
    # reached 改派给 or 跟进完成 below the table); an editable one keeps Tab for its cells.
    view.setTabKeyNavigation(edit_triggers != EditTriggers.NoEditTriggers)
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


class TextColumnsFit(QObject):
    """The columns before and between `shared` at their `widths`; the long-text columns in
    `shared` share what is left of the table's width (by their weights, none narrower than
    `least`), so the text a reader came for is in view on a small screen too and the
    columns after them (codes, dates) are the ones left to scroll to, where the width does
    not leave the long ones twice `least` each with those in view as well.

    Fitted again when the table's width changes or a column is hidden or shown, until the
    user sizes a column by hand: from then on the widths are theirs."""

    def __init__(
        self,
        view: QTableView,
        widths: dict[int, int],
        shared: dict[int, int],
        least: int = 160,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._widths = widths
        self._shared = shared
        self._least = least
        self._fitting = False
        self._by_hand = False
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, _column: int, old: int, new: int) -> None:
        # A column hidden or shown again is resized to or from 0: not the user's hand.
        if not self._fitting and old and new:
            self._by_hand = True

    def fit(self) -> None:
        """Size the columns to the table's present width (not after the user sized one)."""
        if self._by_hand:
            return
        view = self._view
        last_shared = max(self._shared)
        shown = {c: w for c, w in self._widths.items() if not view.isColumnHidden(c)}
        before = sum(w for c, w in shown.items() if c < last_shared)
        after = sum(w for c, w in shown.items() if c > last_shared)
        width = view.viewport().width()
        roomy = 2 * self._least * len(self._shared)  # a wide screen: the codes in view too
        spare = width - before - (after if width - before - after >= roomy else 0)
        spare = max(spare, self._least * len(self._shared))
        weights = sum(self._shared.values())
        self._fitting = True
        try:
            for column, width in self._widths.items():
                view.setColumnWidth(column, width)
            left = spare
            for n, (column, weight) in enumerate(sorted(self._shared.items())):
                width = left if n == len(self._shared) - 1 else spare * weight // weights
                view.setColumnWidth(column, max(self._least, width))
                left -= width
        finally:
            self._fitting = False
