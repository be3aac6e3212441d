"""Start-up to a painted main window on the 1M DB vs a bare PySide6 QMainWindow; memory.

Targets:
- start-up (process spawn -> first paint of the main window) at most 2x that of a bare
  QMainWindow, median of 7 separate processes each (QT_QPA_PLATFORM=offscreen);
- resident memory after start-up and ten lookups, in one process: under 300 MB.

Both are measured by startup_probe.py in child processes; bare and app runs alternate, after
one untimed warm-up run of each (OS file cache). The first-run sample offer is not made
(settings.json has first_run_done, and the probe does not call offer_sample).

The start-up checks (MainWindow(startup_checks=True), as launch() builds it): after data_ready
the start-up Task builds the area index, then runs quick_check (PRAGMA quick_check + foreign
key check) and the day's backup, off the UI thread. Each round runs the app twice more, with
startup_checks False and True (`startup_probe.py checks`), each process kept open until its
Task is done (and 1 s more, the idle baseline). Targets and figures:
- usable window (spawn -> data ready: DB open, 今天 and 查件 built, search focused) with the
  checks / without: at most 1.10 (first paint is reported too);
- the checks' own wall time: quick_check with its two PRAGMAs, and daily_backup with its copy
  and the copy's check; which thread they run on (must not be the UI thread);
- the UI thread meanwhile: the largest gap between ticks of a 50 ms QTimer on the UI thread
  that overlaps the checks (the bench's threshold: at most 100 ms, i.e. no tick more than one
  interval late), next to the largest gap while idle and during the area-index build.
Every run with the checks writes a full backup (as big as the DB) to
bench-data/startup-data/backups; the bench deletes the backups there before each such run
(otherwise today's copy exists and daily_backup skips) and when it ends.

    .venv/bin/python tests/bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import common

PROBE = common.BENCH_DIR / "startup_probe.py"
TARGET_RATIO = 2.0
TARGET_RSS_MB = 300.0
TARGET_CHECKS_RATIO = 1.10  # usable window with the start-up checks / without
TARGET_STALL_MS = 100.0  # largest gap of a 50 ms UI-thread timer while the checks run


def probe(*args: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    spawned = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], env=env, capture_output=True, text=True, timeout=150
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


def clear_backups(data_dir: Path) -> int:
    """Delete the backups (and partial copies) the app wrote into the bench's data dir."""
    folder = data_dir / "backups"
    removed = 0
    for pattern in ("*.sqlite3", "*.sqlite3-wal", "*.sqlite3-shm", "*.sqlite3-journal"):
        for path in folder.glob(pattern):
            path.unlink(missing_ok=True)
            removed += 1
    for path in folder.glob(".branchdesk-*.partial*"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def max_gap_ms(ticks: list[float], start: float, end: float) -> float | None:
    """The largest interval between consecutive ticks that overlaps [start, end]."""
    gaps = [b - a for a, b in itertools.pairwise(ticks) if b > start and a < end]
    return max(gaps) * 1000 if gaps else None


def checks_figures(out: dict[str, Any]) -> dict[str, Any]:
    """One `startup_probe.py checks` run: the steps' wall times (s) and the UI-thread gaps."""
    if out.get("error"):
        raise SystemExit(f"start-up Task failed: {out['error']}")
    if out.get("done_at") is None:
        raise SystemExit("the start-up Task never finished (probe timed out)")
    worker = [c for c in out["calls"] if not (c["name"] == "lookup_index" and c["ui_thread"])]
    steps: dict[str, dict[str, Any]] = {}
    for call in worker:
        steps.setdefault(call["name"], call)  # the first call of each
    ready, done, ticks = out["ready_at"], out["done_at"], out["ticks"]
    fig: dict[str, Any] = {"ui_thread": any(c["ui_thread"] for c in worker)}
    index = steps.get("lookup_index")
    if index is None:
        raise SystemExit("the start-up Task never built the area index (lookup_index)")
    fig["index_s"] = index["end"] - index["start"]
    fig["stall_index_ms"] = max_gap_ms(ticks, index["start"], index["end"])
    fig["stall_idle_ms"] = max_gap_ms([t for t in ticks if t >= done], done, ticks[-1])
    if not out["checks_on"]:
        if "quick_check" in steps or "daily_backup" in steps:
            raise SystemExit("startup_checks=False, yet the checks ran")
        return fig
    qc, backup = steps.get("quick_check"), steps.get("daily_backup")
    if qc is None:
        raise SystemExit("startup_checks=True, yet quick_check never ran")
    if not qc.get("ok"):
        raise SystemExit(f"quick_check of the bench DB failed: {qc.get('problems')}")
    if backup is None or backup.get("path") is None:
        raise SystemExit("daily_backup made no copy (a backup of today was already there?)")

    def span(name: str) -> float:
        return steps[name]["end"] - steps[name]["start"] if name in steps else float("nan")

    fig.update(
        checks_start_after_ready_s=qc["start"] - ready,
        checks_s=backup["end"] - qc["start"],  # quick_check start -> backup done
        quick_check_s=span("quick_check"),
        pragma_quick_check_s=span("structure_problems"),
        fk_check_s=span("foreign_key_problems"),
        backup_s=span("daily_backup"),
        backup_copy_s=span("_copy"),
        backup_copy_check_s=span("_copy_problems"),
        backup_mb=backup["bytes"] / 1e6,
        ready_to_checks_done_s=backup["end"] - ready,
        stall_checks_ms=max_gap_ms(ticks, qc["start"], backup["end"]),
        stall_quick_check_ms=max_gap_ms(ticks, qc["start"], qc["end"]),
        stall_backup_ms=max_gap_ms(ticks, backup["start"], backup["end"]),
    )
    return fig


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from make_bench_db import ensure_bench_db

    db_path = ensure_bench_db()
    data_dir = common.DATA / "startup-data"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    app_args = ("app", str(db_path), str(data_dir))
    with_checks = ("checks", str(db_path), str(data_dir), "on")
    without_checks = ("checks", str(db_path), str(data_dir), "off")
    try:
        return measure(args.runs, db_path, data_dir, app_args, with_checks, without_checks)
    finally:
        clear_backups(data_dir)


def measure(
    runs: int,
    db_path: Path,
    data_dir: Path,
    app_args: tuple[str, ...],
    with_checks: tuple[str, ...],
    without_checks: tuple[str, ...],
) -> int:
    def run_checks(on_off: tuple[str, ...]) -> dict[str, Any]:
        clear_backups(data_dir)  # else today's backup exists and daily_backup skips
        out = probe(*on_off)
        out.update(checks_figures(out))
        # The copy's pages are still dirty in the page cache: dropping the file now spares
        # the next runs its write-back.
        clear_backups(data_dir)
        os.sync()
        return out

    clear_backups(data_dir)
    probe("bare")  # warm-up, not counted
    probe(*app_args)
    run_checks(without_checks)
    run_checks(with_checks)
    bare: list[dict[str, Any]] = []
    app: list[dict[str, Any]] = []
    off: list[dict[str, Any]] = []
    on: list[dict[str, Any]] = []
    for n in range(runs):
        bare.append(probe("bare"))
        app.append(probe(*app_args))
        # Alternate which goes first, so neither always follows the other.
        if n % 2:
            on.append(run_checks(with_checks))
            off.append(run_checks(without_checks))
        else:
            off.append(run_checks(without_checks))
            on.append(run_checks(with_checks))
        print(
            f"  run {n + 1}: bare {bare[-1]['spawn_to_paint_s']:.3f} s, "
            f"app {app[-1]['spawn_to_paint_s']:.3f} s; "
            f"checks off/on: paint {off[-1]['spawn_to_paint_s']:.3f}/"
            f"{on[-1]['spawn_to_paint_s']:.3f} s, ready {off[-1]['spawn_to_ready_s']:.3f}/"
            f"{on[-1]['spawn_to_ready_s']:.3f} s, checks {on[-1]['checks_s']:.2f} s, "
            f"largest UI gap {on[-1]['stall_checks_ms']:.0f} ms"
        )
    mem = probe(*app_args, "10")

    def med(rows: list[dict[str, Any]], key: str) -> float:
        return common.median([r[key] for r in rows])

    bare_s, app_s = med(bare, "spawn_to_paint_s"), med(app, "spawn_to_paint_s")
    bare_in, app_in = med(bare, "in_script_s"), med(app, "in_script_s")
    ratio = app_s / bare_s
    rss = float(mem["rss_after_lookups_mb"])
    print(f"\nStart-up on {db_path.name} (median of {runs}, spawn -> first paint)")
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

    paint_off, paint_on = med(off, "spawn_to_paint_s"), med(on, "spawn_to_paint_s")
    ready_off, ready_on = med(off, "spawn_to_ready_s"), med(on, "spawn_to_ready_s")
    paint_ratio, ready_ratio = paint_on / paint_off, ready_on / ready_off
    checks_pass = ready_ratio <= TARGET_CHECKS_RATIO
    on_ui = any(r["ui_thread"] for r in on)
    stall = med(on, "stall_checks_ms")
    stall_worst = max(r["stall_checks_ms"] for r in on)
    stall_idle = med(off + on, "stall_idle_ms")
    stall_index = med(off + on, "stall_index_ms")
    checks_s = med(on, "checks_s")
    print(f"\nStart-up checks on {db_path.name} (median of {runs}, startup_checks=True vs False)")
    print(f"  first paint       with {paint_on:.3f} s, without {paint_off:.3f} s")
    print(f"  usable (data ready) with {ready_on:.3f} s, without {ready_off:.3f} s")
    print(
        f"  ratio {ready_ratio:.2f}x (target <= {TARGET_CHECKS_RATIO}x): "
        f"{'PASS' if checks_pass else 'FAIL'}; first paint {paint_ratio:.2f}x"
    )
    first_start = min(r["checks_start_after_ready_s"] for r in on)
    if first_start > 0:
        print(
            f"  (in every run the checks started after data ready, {first_start * 1000:.0f} ms "
            f"at the earliest: these two figures cannot contain them; the difference is noise)"
        )
    else:
        print("  (!) in some run the checks started before data ready")
    print(
        f"  checks on {'the UI thread (!)' if on_ui else 'a worker thread'}, starting "
        f"{med(on, 'checks_start_after_ready_s') * 1000:.0f} ms after data ready "
        f"(after the area index, {med(on, 'index_s') * 1000:.0f} ms): "
        f"{checks_s:.2f} s = {checks_s / ready_on:.1f}x the start-up to data ready"
    )
    print(
        f"    quick_check {med(on, 'quick_check_s'):.2f} s "
        f"(PRAGMA quick_check {med(on, 'pragma_quick_check_s'):.2f} s, "
        f"foreign_key_check {med(on, 'fk_check_s'):.2f} s)"
    )
    print(
        f"    daily backup {med(on, 'backup_s'):.2f} s (copy {med(on, 'backup_copy_s'):.2f} s, "
        f"quick_check of the copy {med(on, 'backup_copy_check_s'):.2f} s; "
        f"{med(on, 'backup_mb'):.0f} MB, deleted after each run)"
    )
    print(
        f"  UI thread, largest gap of a {on[0]['tick_ms']} ms QTimer: during the checks "
        f"{stall:.0f} ms (worst run {stall_worst:.0f} ms; target <= {TARGET_STALL_MS:.0f} ms): "
        f"{'PASS' if stall <= TARGET_STALL_MS and not on_ui else 'FAIL'}"
    )
    print(
        f"    quick_check {med(on, 'stall_quick_check_ms'):.0f} ms, backup "
        f"{med(on, 'stall_backup_ms'):.0f} ms; idle {stall_idle:.0f} ms, "
        f"area-index build {stall_index:.0f} ms (same Task, with or without the checks)"
    )
    common.save_result(
        "startup",
        {
            "runs": runs,
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
            "checks": {
                "paint_with_s": paint_on,
                "paint_without_s": paint_off,
                "ready_with_s": ready_on,
                "ready_without_s": ready_off,
                "ready_with_runs_s": [r["spawn_to_ready_s"] for r in on],
                "ready_without_runs_s": [r["spawn_to_ready_s"] for r in off],
                "paint_ratio": paint_ratio,
                "ready_ratio": ready_ratio,
                "pass_ratio": checks_pass,
                "on_ui_thread": on_ui,
                "start_after_ready_s": med(on, "checks_start_after_ready_s"),
                "checks_s": checks_s,
                "checks_runs_s": [r["checks_s"] for r in on],
                "quick_check_s": med(on, "quick_check_s"),
                "pragma_quick_check_s": med(on, "pragma_quick_check_s"),
                "fk_check_s": med(on, "fk_check_s"),
                "backup_s": med(on, "backup_s"),
                "backup_copy_s": med(on, "backup_copy_s"),
                "backup_copy_check_s": med(on, "backup_copy_check_s"),
                "backup_mb": med(on, "backup_mb"),
                "stall_ms": stall,
                "stall_worst_ms": stall_worst,
                "stall_runs_ms": [r["stall_checks_ms"] for r in on],
                "stall_idle_ms": stall_idle,
                "stall_index_ms": stall_index,
                "pass_stall": stall <= TARGET_STALL_MS and not on_ui,
            },
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
