"""Opening BranchDesk while it waits in the tray, on 1,000,000 waybills, vs a bare QMainWindow.

Issue 16's figure is "the window shows its data (today's 查件 ready, counts in the status
bar) within 2x a bare QMainWindow's first paint". A cold start cannot answer 查件 that soon
(bench_first_paint.py: the storage layer's imports and the area index come after the first
paint). Started with Windows (`branchdesk --tray`, the installer's 开机时启动) or closed into
the tray, BranchDesk keeps its data open; opening it again is a second start that asks the
running one to come forward. This bench times exactly that:

- resident: `branchdesk --tray --data-dir DIR` on the bench DB, its data open and its area
  index built (warm-up done), window hidden; a system tray is assumed (the offscreen
  platform has none);
- each run: spawn -> the real entry point (`python -m branchdesk --data-dir DIR`) asks the
  resident to come forward and exits; timed when the resident's window is painted with 今天,
  the due counts and 查件 (frame drawn and flushed); then an address of the area table (a
  different one each run) is typed into 查件, and timed when its couriers are painted; the
  window is then closed (into the tray) for the next run;
- against: spawn -> first paint of a bare QMainWindow (bench_first_paint's child), alternating.

Both processes' times are time.perf_counter() (CLOCK_MONOTONIC, one clock for the machine).

    BRANCHDESK_BENCH_DATA=/tmp/bench .venv/bin/python tests/bench/bench_warm_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TARGET_RATIO = 2.0


def child_resident(db_path: Path, data_dir: Path, queries: list[str]) -> None:
    """BranchDesk started in the tray; prints one JSON line when ready, and one per showing
    (the nth showing searches for the nth of `queries`)."""
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

    from branchdesk import app as app_module
    from branchdesk.cli.main import main as entry

    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)  # type: ignore[method-assign]

    def say(**values: Any) -> None:
        print(json.dumps(values), flush=True)

    state: dict[str, Any] = {}

    class Paint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                if state.get("phase") == "showing":
                    state["phase"] = "shown"
                    QTimer.singleShot(0, shown)
                elif state.get("phase") == "answered":
                    state["phase"] = "answer_painted"
                    QTimer.singleShot(0, answer_painted)
            return False

    paint = Paint()
    original_launch = app_module.launch

    def shown() -> None:
        state["shown_done"] = time.perf_counter()
        window = state["window"]
        page = window.lookup_page
        state["counts"] = window.due_indicator.text()
        state["phase"] = "asking"
        state["query"] = queries[state.setdefault("shown_count", 0) % len(queries)]
        state["shown_count"] += 1
        page.search_box.setText(state["query"])
        page.run_search()  # Enter, as the agent presses it

    def answered(result: Any) -> None:
        if state.get("phase") != "asking":
            return
        state["answer"] = [c.name for c in result.couriers[:3]]
        state["phase"] = "answered"
        state["window"].update()

    def answer_painted() -> None:
        window = state["window"]
        say(
            shown=state["shown_done"],
            answer_painted=time.perf_counter(),
            counts=state["counts"],
            query=state["query"],
            answer=state["answer"],
            visible=window.isVisible(),
        )
        state["phase"] = "hidden"
        window.lookup_page.search_box.clear()
        window.close()  # into the tray, as the agent closes it
        state["phase"] = "waiting"

    def launch(app: QApplication, settings: Any, db_path_: Any = None, **kw: Any) -> Any:
        window = original_launch(app, settings, db_path=db_path, **kw)
        state["window"] = window
        window.installEventFilter(paint)

        def bring_forward() -> None:
            state["phase"] = "showing"
            type(window).bring_forward(window)

        window.bring_forward = bring_forward  # type: ignore[method-assign]

        def ready() -> None:
            window.lookup_page.searched.connect(answered)

            def warmed() -> None:
                if window._warmup is not None:
                    QTimer.singleShot(50, warmed)
                    return
                say(ready=time.perf_counter(), visible=window.isVisible())
                state["phase"] = "waiting"

            QTimer.singleShot(0, warmed)

        window.data_ready.connect(ready)
        return window

    app_module.launch = launch  # type: ignore[assignment]
    entry(["--tray", "--data-dir", str(data_dir)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(HERE))
        child_resident(Path(args.child[0]), Path(args.child[1]), json.loads(args.child[2]))
        return 0

    sys.path.insert(0, str(HERE))
    import common
    from bench_first_paint import due_today, run_child
    from make_bench_db import ensure_bench_db

    db_path = ensure_bench_db()
    due_today(db_path)
    # A different address of the area table at each showing: none was searched before.
    import sqlite3

    con = sqlite3.connect(db_path)
    queries = [
        row[0]
        for row in con.execute(
            "SELECT source_text FROM area_rule GROUP BY source_text ORDER BY min(id) LIMIT ?",
            (args.runs + 1,),
        )
    ]
    con.close()
    import compileall

    compileall.compile_dir(REPO / "branchdesk", quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRANCHDESK_NO_CONSOLE_HINT": "1"}
    with tempfile.TemporaryDirectory(prefix="branchdesk-warm-start-") as tmp:
        data_dir = Path(tmp)
        (data_dir / "settings.json").write_text(
            json.dumps({"first_run_done": True, "language": "zh_CN", "tray_hint_shown": True}),
            encoding="utf-8",
        )
        resident = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                str(db_path),
                str(data_dir),
                json.dumps(queries),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        lines: queue.Queue[dict[str, Any]] = queue.Queue()

        def read() -> None:
            assert resident.stdout is not None
            for line in resident.stdout:
                if line.startswith("{"):
                    lines.put(json.loads(line))

        threading.Thread(target=read, daemon=True).start()
        try:
            started = lines.get(timeout=120)
            assert "ready" in started and not started["visible"], started
            print("resident BranchDesk ready in the tray (window hidden, data open)")
            run_child("bare")  # warm-up, not counted

            def second_start() -> dict[str, Any]:
                spawned = time.perf_counter()
                done = subprocess.run(
                    [sys.executable, "-m", "branchdesk", "--data-dir", str(data_dir)],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
                if done.returncode != 0:
                    raise SystemExit(f"second start failed:\n{done.stdout}\n{done.stderr}")
                got = lines.get(timeout=60)
                return {
                    **got,
                    "shown_s": got["shown"] - spawned,
                    "answer_s": got["answer_painted"] - spawned,
                }

            second_start()  # warm-up, not counted
            bare: list[float] = []
            warm: list[dict[str, Any]] = []
            for n in range(args.runs):
                bare.append(run_child("bare")["painted_done_s"])
                warm.append(second_start())
                print(
                    f"  run {n + 1}: bare first paint {bare[-1]:.3f} s; BranchDesk from the "
                    f"tray: shown {warm[-1]['shown_s']:.3f} s, first search answered "
                    f"{warm[-1]['answer_s']:.3f} s"
                )
        finally:
            resident.terminate()
            resident.wait(timeout=30)
        bare_s = common.median(bare)
        shown_s = common.median([w["shown_s"] for w in warm])
        answer_s = common.median([w["answer_s"] for w in warm])
        ratio = shown_s / bare_s
        print(f"bare QMainWindow, spawn -> first paint: median {bare_s:.3f} s")
        print(f"BranchDesk in the tray, spawn of a second start -> window shown: {shown_s:.3f} s")
        print(f"  -> first search answered and painted: median {answer_s:.3f} s")
        print(
            f"ratio shown (今天, due counts, 查件 ready) / bare first paint: {ratio:.2f}x "
            f"(target <= {TARGET_RATIO:.0f}x: {'met' if ratio <= TARGET_RATIO else 'NOT met'})"
        )
        print(f"ratio first search answered / bare first paint: {answer_s / bare_s:.2f}x")
        print(
            f"  shown: due counts {warm[-1]['counts']!r}; {warm[-1]['query']!r} answered "
            f"{warm[-1]['answer']}"
        )
        common.save_result(
            "warm_start",
            {
                "runs": args.runs,
                "bare_s": bare,
                "warm": warm,
                "median_bare_s": bare_s,
                "median_shown_s": shown_s,
                "median_answer_s": answer_s,
                "ratio": ratio,
            },
        )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
