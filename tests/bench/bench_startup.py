"""Start-up to a painted main window on the 1M DB vs a bare PySide6 QMainWindow; memory.

Targets:
- start-up (process spawn -> first paint of the main window) at most 2x that of a bare
  QMainWindow, median of 5 separate processes each (QT_QPA_PLATFORM=offscreen);
- resident memory after start-up and ten lookups, in one process: under 300 MB.

Both are measured by startup_probe.py in child processes; bare and app runs alternate, after
one untimed warm-up run of each (OS file cache). The first-run sample offer is not made
(settings.json has first_run_done, and the probe does not call offer_sample).

    .venv/bin/python tests/bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import common

PROBE = common.BENCH_DIR / "startup_probe.py"
TARGET_RATIO = 2.0
TARGET_RSS_MB = 300.0


def probe(*args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    spawned = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise SystemExit(f"probe {args} failed:\n{done.stdout}\n{done.stderr}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    if out["painted_at"] is None:
        raise SystemExit(f"probe {args}: the window was never painted\n{done.stderr}")
    out["spawn_to_paint_s"] = out["painted_at"] - spawned
    if out.get("ready_at") is not None:
        out["spawn_to_ready_s"] = out["ready_at"] - spawned
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from make_bench_db import ensure_bench_db

    db_path = ensure_bench_db()
    data_dir = common.DATA / "startup-data"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    app_args = ("app", str(db_path), str(data_dir))

    probe("bare")  # warm-up, not counted
    probe(*app_args)
    bare: list[dict[str, float]] = []
    app: list[dict[str, float]] = []
    for n in range(args.runs):
        bare.append(probe("bare"))
        app.append(probe(*app_args))
        print(
            f"  run {n + 1}: bare {bare[-1]['spawn_to_paint_s']:.3f} s, "
            f"app {app[-1]['spawn_to_paint_s']:.3f} s"
        )
    mem = probe(*app_args, "10")

    def med(rows: list[dict[str, float]], key: str) -> float:
        return common.median([r[key] for r in rows])

    bare_s, app_s = med(bare, "spawn_to_paint_s"), med(app, "spawn_to_paint_s")
    bare_in, app_in = med(bare, "in_script_s"), med(app, "in_script_s")
    ratio = app_s / bare_s
    rss = float(mem["rss_after_lookups_mb"])
    print(f"\nStart-up on {db_path.name} (median of {args.runs}, spawn -> first paint)")
    print(f"  bare QMainWindow   {bare_s:.3f} s   (in-script {bare_in:.3f} s)")
    print(f"  BranchDesk window  {app_s:.3f} s   (in-script {app_in:.3f} s)")
    print(f"  ratio {ratio:.2f}x (target <= {TARGET_RATIO}x): ", end="")
    print("PASS" if ratio <= TARGET_RATIO else "FAIL")
    print(
        f"  in-script ratio {app_in / bare_in:.2f}x; "
        f"app minus bare {(app_s - bare_s) * 1000:.0f} ms"
    )
    ready_s = med(app, "spawn_to_ready_s")
    print(
        f"  data ready (DB open, pages built; the window is painted before): "
        f"{ready_s:.3f} s = {ready_s / bare_s:.1f}x bare"
    )
    lookups = mem.get("lookup_s", [])
    print(
        f"Memory: RSS after start-up {mem['rss_after_start_mb']:.0f} MB, after "
        f"{mem['lookups']} lookups {rss:.0f} MB, peak {mem['peak_rss_mb']:.0f} MB "
        f"(target < {TARGET_RSS_MB:.0f} MB): {'PASS' if rss < TARGET_RSS_MB else 'FAIL'}"
    )
    if lookups:
        print("  lookups in the GUI process: " + ", ".join(f"{t * 1000:.0f}" for t in lookups))
        print("  (ms; the first includes building the in-memory area index)")
    common.save_result(
        "startup",
        {
            "runs": args.runs,
            "bare_s": bare_s,
            "app_s": app_s,
            "bare_in_script_s": bare_in,
            "app_in_script_s": app_in,
            "bare_runs_s": [r["spawn_to_paint_s"] for r in bare],
            "app_runs_s": [r["spawn_to_paint_s"] for r in app],
            "ratio": ratio,
            "app_ready_s": ready_s,
            "pass": ratio <= TARGET_RATIO,
            "rss_after_start_mb": mem["rss_after_start_mb"],
            "rss_after_lookups_mb": rss,
            "peak_rss_mb": mem["peak_rss_mb"],
            "gui_lookup_s": lookups,
            "pass_rss": rss < TARGET_RSS_MB,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
