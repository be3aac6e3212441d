"""Child process of bench_startup.py: start a window, report when it is first painted.

    startup_probe.py bare                  a bare PySide6 QMainWindow of the same size
    startup_probe.py app DB DATA_DIR [N]   BranchDesk's MainWindow on DB (as app.run_gui
                                           builds it, without the first-run sample offer);
                                           with N, then N lookups through the lookup page
                                           and the resident memory
    startup_probe.py checks DB DATA_DIR on|off
                                           the same window with startup_checks True or
                                           False (launch() passes True; off is set on the
                                           window before the event loop runs), kept open
                                           until the start-up Task is done, plus IDLE_S

Prints one JSON line: `painted_at` (time.perf_counter(), the system-wide monotonic clock the
parent also reads before it spawns this process), `in_script_s` (from this script's first
line), and with N the resident set sizes in MB.

In `checks` mode, at data_ready (before the start-up Task's work can run: it is queued for the
next turn of the event loop) the functions the Task calls are wrapped to record when they run
and on which thread: lookup_index, quick_check and its PRAGMA quick_check and
foreign_key_check, daily_backup and its copy and the check of the copy. A 50 ms QTimer
(PreciseTimer) ticks on the UI thread from data_ready on; `ticks` are its times, to find the
largest gap while the checks run. The wrapping only times the calls; nothing else changes.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
painted: dict[str, float] = {}
TICK_MS = 50
IDLE_S = 1.0  # ticks after the Task is done: the idle baseline of the largest gap
CHECKS_TIMEOUT_MS = 90_000


class FirstPaint(QObject):
    """Records the first paint; quits then, or (app mode) once the data is ready too."""

    def __init__(self, wait_for_data: bool, quits: bool = True) -> None:
        super().__init__()
        self.wait_for_data = wait_for_data
        self.quits = quits

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "at" not in painted:
            painted["at"] = time.perf_counter()
            if self.quits and (not self.wait_for_data or "ready" in painted):
                QTimer.singleShot(0, QApplication.quit)
        return False


def data_ready() -> None:
    painted["ready"] = time.perf_counter()
    if "at" in painted:
        QTimer.singleShot(0, QApplication.quit)


class CheckWatch:
    """Times the start-up Task's steps and ticks a 50 ms QTimer on the UI thread (checks mode).

    Quits IDLE_S after the Task's last step: lookup_index with the checks off; daily_backup
    with them on (or a failed quick_check, after which no backup is made; or any exception).
    """

    def __init__(self, checks_on: bool) -> None:
        self.checks_on = checks_on
        self.ui_thread = threading.get_ident()
        self.calls: list[dict[str, Any]] = []
        self.ticks: list[float] = []
        self.done_at: float | None = None
        self.error: str | None = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def data_ready(self) -> None:
        painted["ready"] = time.perf_counter()
        from branchdesk.db import backup, integrity
        from branchdesk.lookup import service

        self.wrap(service, "lookup_index")
        self.wrap(integrity, "quick_check")  # imported by the Task's work when it runs
        self.wrap(integrity, "structure_problems")  # quick_check's PRAGMA quick_check
        self.wrap(integrity, "foreign_key_problems")  # quick_check's PRAGMA foreign_key_check
        self.wrap(backup, "daily_backup")
        self.wrap(backup, "_copy")  # the online-backup copy itself
        self.wrap(backup, "_copy_problems")  # PRAGMA quick_check of the copy
        self.ticks.append(painted["ready"])
        self.timer.start()

    def wrap(self, module: Any, name: str) -> None:
        original = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                result = original(*args, **kwargs)
            except BaseException as exc:
                self.error = f"{name}: {exc!r}"
                self.record(name, start, None)
                self.done_at = time.perf_counter()
                raise
            self.record(name, start, result)
            return result

        setattr(module, name, timed)

    def record(self, name: str, start: float, result: Any) -> None:
        end = time.perf_counter()
        on_ui = threading.get_ident() == self.ui_thread
        row: dict[str, Any] = {"name": name, "start": start, "end": end, "ui_thread": on_ui}
        if name == "quick_check" and result is not None:
            row["ok"] = bool(result.ok)
            row["problems"] = list(result.problems[:5])
        if name == "daily_backup":
            row["path"] = None if result is None else str(result)
            row["bytes"] = None if result is None else Path(result).stat().st_size
        self.calls.append(row)
        if on_ui and name == "lookup_index":
            return  # a search on the UI thread, not the start-up Task
        last = (
            (name == "lookup_index" and not self.checks_on)
            or (name == "quick_check" and result is not None and not result.ok)
            or name == "daily_backup"
        )
        if last:
            self.done_at = end

    def tick(self) -> None:
        now = time.perf_counter()
        self.ticks.append(now)
        if self.done_at is not None and now - self.done_at >= IDLE_S:
            self.timer.stop()
            QApplication.quit()

    def report(self) -> dict[str, Any]:
        return {
            "checks_on": self.checks_on,
            "calls": self.calls,
            "ticks": self.ticks,
            "done_at": self.done_at,
            "error": self.error,
            "tick_ms": TICK_MS,
            "idle_s": IDLE_S,
        }


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare":
        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        window.resize(1180, 760)
        db = None
    else:
        sys.path.insert(0, str(REPO))
        from branchdesk import paths

        paths.set_data_dir(sys.argv[3])
        from branchdesk.app import create_app, install_translator, launch
        from branchdesk.settings import SettingsStore

        app = create_app([sys.argv[0]])
        settings = SettingsStore()
        install_translator(app, settings.get("language"))
        # Exactly what run_gui does: show the window, open the data on the next turn.
        watcher = FirstPaint(wait_for_data=True, quits=mode == "app")
        window = launch(app, settings, db_path=Path(sys.argv[2]), before_show=watcher)
        if mode == "checks":
            # launch() builds the window with startup_checks=True; the flag is read when the
            # Task starts (after data_ready), so setting it here, before exec(), is in time.
            watch = CheckWatch(checks_on=sys.argv[4] == "on")
            window.startup_checks = watch.checks_on
            window.data_ready.connect(watch.data_ready)
        else:
            window.data_ready.connect(data_ready)  # type: ignore[attr-defined]
    if mode == "bare":
        watcher = FirstPaint(wait_for_data=False)
        window.installEventFilter(watcher)
        window.show()
    # Never hang a benchmark.
    QTimer.singleShot(CHECKS_TIMEOUT_MS if mode == "checks" else 30_000, app.quit)
    app.exec()
    out: dict[str, object] = {
        "painted_at": painted.get("at"),
        "in_script_s": painted["at"] - T0 if "at" in painted else None,
        "ready_at": painted.get("ready"),
    }
    if mode == "checks":
        out.update(watch.report())
    db = getattr(window, "db", None)
    if mode == "app" and len(sys.argv) > 4:
        import psutil

        proc = psutil.Process()
        out["rss_after_start_mb"] = proc.memory_info().rss / 2**20
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_lookup import pick_queries

        assert db is not None
        with db.engine.connect() as c:
            queries = pick_queries(c.connection.driver_connection, 2, seed=11)
        queries = queries[: int(sys.argv[4])]
        page = window.lookup_page  # type: ignore[attr-defined]
        times = []
        for _kind, q in queries:
            page.search_box.setText(q)
            start = time.perf_counter()
            page.run_search()
            times.append(time.perf_counter() - start)
            app.processEvents()
        out["lookups"] = len(queries)
        out["lookup_s"] = times
        out["rss_after_lookups_mb"] = proc.memory_info().rss / 2**20
        import resource

        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out), flush=True)
    if db is not None:
        db.dispose()
    os._exit(0)  # skip interpreter teardown: it is not part of start-up


if __name__ == "__main__":
    raise SystemExit(main())
