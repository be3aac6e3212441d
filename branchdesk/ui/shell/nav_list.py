"""The window's list of pages (今天, 查件 … 培训)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget

TALL = 44  # a row's height where there is room
LOW = 26  # the least: one line of the list's font and a little air


class NavList(QListWidget):
    """Rows 44 pixels high where there is room, lower where the window is short (a 1366×768
    laptop at 125% scaling leaves the list 440 pixels): every page stays in view, with no
    scroll bar (培训, the last, was below the fold)."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        count = self.count()
        if not count:
            return
        height = max(LOW, min(TALL, self.viewport().height() // count))
        for row in range(count):
            item = self.item(row)
            if item.sizeHint().height() != height:
                item.setSizeHint(QSize(120, height))
