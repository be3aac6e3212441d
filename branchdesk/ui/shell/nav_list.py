"""The window's list of pages (今天, 查件 … 培训)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget

TALL = 44  # a row's height where there is room
LOW = 26  # the least: one line of the list's font and a little air


class NavList(QListWidget):
    """Rows 44 pixels high where there is room, lower where the window is short (a 1366×768
    laptop at 125% scaling leaves the list 440 pixels): every page stays in view, with no
    scroll bar (培训, the last, was below the fold, and the vertical bar brought a horizontal
    one). Nothing of Qt's namespace here: importing it builds its 200 enums (15 ms), and
    this list is built before the window's first paint."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows(event.size().height())

    def fit_rows(self, outer: int) -> None:
        """Rows for a list `outer` pixels high (its frame is 2 pixels a side: viewport()
        would build its class's enums, 13 ms, before the window's first paint)."""
        count = self.count()
        if not count:
            return
        height = max(LOW, min(TALL, (outer - 4) // count))
        if height * count > outer - 4:  # a vertical bar after all: no horizontal one with it
            from PySide6.QtCore import Qt  # only now (Qt's namespace: 15 ms)

            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row in range(count):
            item = self.item(row)
            if item.sizeHint().height() != height:
                item.setSizeHint(QSize(120, height))
