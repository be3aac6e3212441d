"""Python's cycle collector runs in the GUI thread only.

Left to itself, Python collects reference cycles in whichever thread crosses an allocation
threshold, often a worker (an import, the lookup index, a backup). A cycle that holds a Qt
object (a closed dialog, the pages of a closed window) is then destroyed in that thread, and a
widget destroyed outside the GUI thread crashes the process: the suite caught it as a
segfault in the lookup warm-up thread while the next window was being built.

So automatic collection is switched off, and the GUI thread collects instead: the same
generations at the same thresholds, checked by a timer (calibre's recipe for PyQt programs).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


def collect_due() -> int:
    """Collect the generations whose threshold is crossed, as automatic collection would;
    call it in the GUI thread. The number of unreachable objects found."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 0
    if counts[1] > thresholds[1]:
        generation = 2 if counts[2] > thresholds[2] else 1
    return gc.collect(generation)


class GuiThreadCollector(QObject):
    """Switches automatic collection off and collects from a timer in the GUI thread; lives
    as long as its parent (the application)."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_due)
        self.timer.start()


def install(app: QObject) -> GuiThreadCollector:
    """Once per application (a second call returns the first collector)."""
    # Not findChild: it wraps the application's children, QStyle among them, whose first use
    # builds its enums (7 ms) before the window's first paint.
    existing = getattr(app, "_gui_thread_collector", None)
    if isinstance(existing, GuiThreadCollector):
        return existing
    collector = GuiThreadCollector(app)
    setattr(app, "_gui_thread_collector", collector)  # noqa: B010
    return collector
