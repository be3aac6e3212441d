"""Table models fed plain dataclasses by the services; one model per list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("models", text)


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str  # English source, translated when shown
    value: Callable[[T], Any]
    align_right: bool = False


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table of dataclass rows described by `columns`."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self.rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(self.rows[index.row()])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(self.rows[index.row()], index.column(), role)

    def extra_data(self, row: T, column: int, role: int) -> Any:
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _tr(self.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class LazyRowsModel(RowsModel[T]):
    """A table that pulls rows page by page (canFetchMore/fetchMore), never all at once."""

    PAGE = 500

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch_page: Callable[[int, int], list[T]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self._fetch_page = fetch_page
        self._exhausted = False

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._fetch_page(len(self.rows), self.PAGE)
        if len(page) < self.PAGE:
            self._exhausted = True
        if not page:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()


class HighlightFirstModel(RowsModel[T]):
    """Courier candidates: the best one bold, inactive couriers grey."""

    def extra_data(self, row: T, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and self.rows and row is self.rows[0]:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not getattr(row, "active", True):
            return QBrush(QColor("#888888"))
        return None
