"""Screen captures for guide steps: the whole screen or a dragged region, after a delay.

BranchDesk hides its own windows while it captures, so the screenshot shows the HQ system
and not the editor; the delay leaves time to open a menu first. The grab and the region
picker are plain callables, so tests (and the offscreen platform) can replace them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QDialog, QWidget

HIDE_SETTLE_MS = 350  # the window manager needs a moment to take hidden windows off screen
MIN_REGION_PX = 8

Grab = Callable[[], QImage]
PickRegion = Callable[[QImage, QWidget | None], QImage | None]


def grab_screen() -> QImage:
    """The whole primary screen as it looks now."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QImage()
    return screen.grabWindow(0).toImage()


class RegionPicker(QDialog):
    """A frameless full-screen overlay over the frozen screenshot: drag the part to keep."""

    def __init__(self, shot: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
        )
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.shot = shot
        self._start: QPoint | None = None
        self._end: QPoint | None = None
        self.region = QRect()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())

    @classmethod
    def pick(cls, shot: QImage, parent: QWidget | None = None) -> QImage | None:
        """The dragged part of `shot`; None when cancelled (Esc, right click)."""
        dialog = cls(shot, parent)
        dialog.showFullScreen()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.region.isEmpty():
            return None
        return shot.copy(dialog._in_image(dialog.region))

    def _in_image(self, rect: QRect) -> QRect:
        # The screenshot has device pixels; the overlay works in logical ones.
        sx = self.shot.width() / max(1, self.width())
        sy = self.shot.height() / max(1, self.height())
        return QRect(
            round(rect.x() * sx),
            round(rect.y() * sy),
            round(rect.width() * sx),
            round(rect.height() * sy),
        ).intersected(self.shot.rect())

    def _current(self) -> QRect:
        if self._start is None or self._end is None:
            return QRect()
        return QRect(self._start, self._end).normalized()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(self.rect(), self.shot)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        rect = self._current()
        if not rect.isEmpty():
            painter.drawImage(rect, self.shot, self._in_image(rect))
            painter.setPen(QPen(QColor("#1e88e5"), 2))
            painter.drawRect(rect)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(
            self.rect().adjusted(0, 20, 0, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            self.tr("Drag over the part of the screen to keep. Esc cancels."),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.reject()
            return
        self._start = self._end = event.position().toPoint()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._end = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            return
        self._end = event.position().toPoint()
        rect = self._current()
        if rect.width() < MIN_REGION_PX or rect.height() < MIN_REGION_PX:
            self._start = self._end = None
            self.update()
            return
        self.region = rect
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)


def wait(ms: int) -> None:
    """Let `ms` milliseconds pass with the event loop running (windows repaint, hide)."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, ms), loop.quit)
    loop.exec()


def capture(
    *,
    region: bool,
    delay_s: int = 0,
    grab: Grab = grab_screen,
    pick: PickRegion = RegionPicker.pick,
    parent: QWidget | None = None,
) -> QImage | None:
    """Hide BranchDesk, wait `delay_s` seconds, grab the screen, show BranchDesk again; then,
    for a region, let the user drag it. None when nothing was captured or it was cancelled."""
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowType() != Qt.WindowType.ToolTip
    ]
    for w in shown:
        w.hide()
    try:
        wait(HIDE_SETTLE_MS + max(0, delay_s) * 1000)
        shot = grab()
        if shot.isNull():
            return None
        # The region is dragged over the frozen picture while BranchDesk is still hidden.
        part = pick(shot, None) if region else shot
    finally:
        for w in shown:
            w.show()
        if parent is not None:
            parent.activateWindow()
    return None if part is None or part.isNull() else part
