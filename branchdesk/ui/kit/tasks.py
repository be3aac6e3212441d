"""One background task at a time for a page or dialog: start, progress, Cancel, wait, error.

`TaskRunner.start(work, done, failed)` runs `work(progress)` in a `Task` (a QThread), shows
its progress in the page's bar, offers its Cancel button, and calls `done(result)` or
`failed(exc)` on the UI thread. `idle` is emitted once the thread has ended, so the page can
enable its buttons or start queued work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QLabel

from branchdesk.errors import BranchDeskError, file_problem
from branchdesk.ui.kit.workers import ProgressFn, Task


class ProgressView(Protocol):
    """What shows the progress: a QProgressBar, or a QProgressDialog."""

    def setRange(self, minimum: int, maximum: int) -> None: ...
    def setValue(self, value: int) -> None: ...
    def setVisible(self, visible: bool) -> None: ...


Done = Callable[[Any], object]
Failed = Callable[[BaseException], object]

# Every task whose thread may still run. A QThread destroyed while running aborts the process,
# so a task is never let go (by a closed dialog, a destroyed page, a stop that timed out)
# before its thread has ended; finished ones are dropped at the next start or stop.
_LIVE: set[Task] = set()


def _prune() -> None:
    for task in [t for t in _LIVE if t.is_finished]:
        _LIVE.discard(task)


def failure_message(exc: BaseException) -> str:
    """What to tell the user about a failed task: our own errors say it, a file's in words;
    others are named."""
    if isinstance(exc, BranchDeskError):
        return str(exc)
    if isinstance(exc, OSError):  # a file gone, locked or on a full disk: said in words
        return file_problem(exc)
    return QCoreApplication.translate("TaskRunner", "Unexpected error: {error}").format(error=exc)


class TaskRunner(QObject):
    """Runs one task at a time and keeps the page's progress bar and Cancel button in step."""

    idle = Signal()

    def __init__(
        self,
        parent: QObject,
        *,
        progress: ProgressView | None = None,
        cancel_button: QAbstractButton | None = None,
        status: QLabel | None = None,
        cancelled_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.progress = progress
        self.cancel_button = cancel_button
        self.status = status
        self.cancelled_text = cancelled_text or self.tr("Cancelled.")
        self._done: Done | None = None
        self._failed: Failed | None = None
        self._on_cancel: Callable[[], object] | None = None
        if cancel_button is not None:
            cancel_button.clicked.connect(self.cancel)
        self._show_busy(False)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(
        self,
        work: Callable[[ProgressFn], Any],
        done: Done,
        failed: Failed | None = None,
        cancelled: Callable[[], object] | None = None,
    ) -> Task:
        """Start `work` in a thread; `done`, `failed` (default: the status line) or
        `cancelled` (after the status line says so) follows."""
        if self.task is not None:
            raise RuntimeError("a task is already running")
        self._done, self._failed, self._on_cancel = done, failed, cancelled
        if self.progress is not None:
            self.progress.setRange(0, 0)  # busy until the first progress report
        self._show_busy(True)
        _prune()
        task = Task(work)
        _LIVE.add(task)
        # Connected to this object's methods: Qt queues them onto the UI thread.
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._cancelled)
        task.finished.connect(self._finished)
        self.task = task
        task.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def wait_idle(self) -> None:
        """Block until no task runs, handling the events it sends (tests and closing)."""
        while self.task is not None:
            self.task.wait()
            QCoreApplication.processEvents()

    def stop(self, ms: int = 30000) -> None:
        """Cancel and wait (at most `ms`) without handling its events (a closing window);
        what the task still sends is ignored."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(ms)
            self.task = None
            self._done = self._failed = self._on_cancel = None
            self._show_busy(False)
        _prune()

    def _current(self) -> bool:
        """True when the signal being handled comes from the task this runner runs now (not
        from one it stopped)."""
        return self.task is not None and self.sender() is self.task

    def _show_busy(self, busy: bool) -> None:
        if self.progress is not None:
            self.progress.setVisible(busy)
        if self.cancel_button is not None:
            self.cancel_button.setVisible(busy)

    def _progressed(self, done: int, total: int) -> None:
        if self._current() and self.progress is not None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))

    def _succeeded(self, result: object) -> None:
        if self._current() and self._done is not None:
            self._done(result)

    def _on_failed(self, exc: BaseException) -> None:
        if not self._current():
            return
        if self._failed is not None:
            self._failed(exc)
        elif self.status is not None:
            self.status.setText(failure_message(exc))

    def _cancelled(self) -> None:
        if not self._current():
            return
        if self.status is not None:
            self.status.setText(self.cancelled_text)
        if self._on_cancel is not None:
            self._on_cancel()

    def _finished(self) -> None:
        if not self._current():
            return
        assert self.task is not None
        self.task.wait()  # the thread ends right after this signal
        self.task = None
        self._done = self._failed = self._on_cancel = None
        self._show_busy(False)
        self.idle.emit()
