"""Child process of bench_startup.py: start a window, report when it is first painted.

    startup_probe.py bare                  a bare PySide6 QMainWindow of the same size
    startup_probe.py app DB DATA_DIR [N]   BranchDesk's MainWindow on DB (as app.run_gui
                                           builds it, without the first-run sample offer);
                                           with N, then N lookups through the lookup page
                                           and the resident memory

Prints one JSON line: `painted_at` (time.perf_counter(), the system-wide monotonic clock the
parent also reads before it spawns this process), `in_script_s` (from this script's first
line), and with N the resident set sizes in MB.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
painted: dict[str, float] = {}


class FirstPaint(QObject):
    """Records the first paint; quits then, or (app mode) once the data is ready too."""

    def __init__(self, wait_for_data: bool) -> None:
        super().__init__()
        self.wait_for_data = wait_for_data

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "at" not in painted:
            painted["at"] = time.perf_counter()
            if not self.wait_for_data or "ready" in painted:
                QTimer.singleShot(0, QApplication.quit)
        return False


def data_ready() -> None:
    painted["ready"] = time.perf_counter()
    if "at" in painted:
        QTimer.singleShot(0, QApplication.quit)


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
        watcher = FirstPaint(wait_for_data=True)
        window = launch(app, settings, db_path=Path(sys.argv[2]), before_show=watcher)
        window.data_ready.connect(data_ready)  # type: ignore[attr-defined]
    if mode == "bare":
        watcher = FirstPaint(wait_for_data=False)
        window.installEventFilter(watcher)
        window.show()
    QTimer.singleShot(30_000, app.quit)  # never hang a benchmark
    app.exec()
    out: dict[str, object] = {
        "painted_at": painted.get("at"),
        "in_script_s": painted["at"] - T0 if "at" in painted else None,
        "ready_at": painted.get("ready"),
    }
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
