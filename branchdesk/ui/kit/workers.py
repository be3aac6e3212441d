"""Long work off the UI thread: a QThread running one function with progress and Cancel."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

ProgressFn = Callable[[int, int], None]


class Task(QObject):
    """Runs `work(progress)` in a thread; progress() raises ImportCancelled after cancel()."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("branchdesk-task")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms)

    @property
    def is_finished(self) -> bool:
        """The thread has ended (or never started): the task may be let go."""
        return self._thread.isFinished() or not self._thread.isRunning()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            from branchdesk.io.tabular import ImportCancelled

            raise ImportCancelled()
        self.progressed.emit(done, total)

    def _run(self) -> None:
        # Imported here, not with the module: the window's first paint does not wait for the
        # table readers io.tabular brings.
        from branchdesk.io.tabular import ImportCancelled

        try:
            # Once the work has returned (and committed) it counts as done, even if Cancel
            # was pressed in the last instant: the user is told what was written.
            result = self._work(self._progress)
        except ImportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown to the user by the caller
            exc.__dict__.setdefault("formatted_traceback", traceback.format_exc())
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()
            self._thread.quit()
