"""A status bar whose message says when it is cut, and is whole in its tooltip.

QStatusBar draws its message in the room its permanent widgets leave (on BranchDesk's
window: the due counts and who is on duty) and cuts what does not fit without a sign; at
1024 pixels an import's summary lost its last half that way. Here the message ends in "…"
where it is cut, its tooltip holds it whole, and `currentMessage()` still returns it whole.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QWidget

# Qt's message rectangle starts 6 px in from the bar's left; a few more keep the "…" off the
# first permanent widget.
_LEFT = 6
_GAP = 8


class MessageBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""
        self._shown = ""  # what this bar drew for it: Qt's own status tips bypass showMessage
        self._until: float | None = None  # when a timed message goes (time.monotonic)
        self.messageChanged.connect(self._changed)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        timeout = timeout or 0
        self._whole = text
        self._until = time.monotonic() + timeout / 1000 if timeout > 0 else None
        self._show(timeout)

    def currentMessage(self) -> str:
        """The message as given (what is drawn may end in "…")."""
        drawn = super().currentMessage()
        return self._whole if drawn and drawn == self._shown else drawn

    def shown_message(self) -> str:
        """The message as drawn."""
        return super().currentMessage()

    def room(self) -> int:
        """The width the message has: up to the leftmost permanent widget shown."""
        right = self.width() - _LEFT
        for child in self.findChildren(QWidget):
            if child.parentWidget() is not self or isinstance(child, QSizeGrip):
                continue
            if child.isVisibleTo(self) and child.x() > 0:
                right = min(right, child.x())
        return max(0, right - _LEFT - _GAP)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a permanent widget shown or resized
            self._refit()
        return handled

    def _refit(self) -> None:
        """The message fitted again to the room it has now, for the time it has left."""
        drawn = super().currentMessage()
        if self._whole and drawn and drawn == self._shown:  # not a status tip shown since
            left = None if self._until is None else self._until - time.monotonic()
            if left is None or left > 0:
                self._show(0 if left is None else max(1, round(left * 1000)))

    def _show(self, timeout: int) -> None:
        line = " ".join(self._whole.split("\n"))
        fitted = line
        # Hidden (before the first paint): fitted when shown; and Qt's namespace (20 ms to
        # build its enums) is not touched before then.
        if self.isVisible():
            metrics = self.fontMetrics()
            room = self.room()
            if metrics.horizontalAdvance(line) > room:
                # Qt's namespace only now: importing it builds its 200 enums (15 ms), and
                # this bar is shown with the window's first paint.
                from PySide6.QtCore import Qt

                # Never nothing (no room for even "…"): an empty message is a cleared one.
                fitted = metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) or "…"
        self.setToolTip(self._whole if fitted != line else "")
        self._shown = fitted
        super().showMessage(fitted, timeout)

    def _changed(self, shown: str) -> None:
        if not shown:  # timed out or cleared
            self._whole = ""
            self._until = None
            self.setToolTip("")
