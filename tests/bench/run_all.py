"""Build (or reuse) the bench DB, run every benchmark one after another, print a summary.

    .venv/bin/python tests/bench/run_all.py [--skip lookup,import,...] [--summary-only]

The benchmarks run in sequence, never two at once (they would disturb each other's
timings). Each writes its figures to bench-data/results/<name>.json; this script reads them
back and prints absolute times, ratios measured in the same run, targets and PASS/FAIL.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import common

BENCHES = ("lookup", "import", "startup", "handbook_pdf", "complaints", "guide")


def run(script: str, *args: str) -> None:
    print(f"\n=== {script} {' '.join(args)}", flush=True)
    done = subprocess.run([sys.executable, str(common.BENCH_DIR / script), *args])
    if done.returncode != 0:
        print(f"{script} exited with {done.returncode}")


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


def summary() -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    lk = common.load_result("lookup")
    if lk:
        rows.append(
            (
                "1 lookup median vs LIKE",
                f"{lk['lookup_median_ms']:.2f} ms vs {lk['like_median_ms']:.1f} ms",
                f"{lk['ratio']:.4f} (1/{1 / lk['ratio']:.0f})",
                "<= 1/20",
                verdict(lk["pass_ratio"]),
            )
        )
        rows.append(
            (
                "1 lookup p95",
                f"{lk['lookup_p95_ms']:.2f} ms",
                "",
                "< 30 ms",
                verdict(lk["pass_p95"]),
            )
        )
    im = common.load_result("import")
    if im:
        rows.append(
            (
                f"2 import {im['rows']:,} rows vs calamine",
                f"{im['import_s']:.2f} s vs {im['calamine_s']:.2f} s",
                f"{im['ratio']:.2f}x",
                "<= 4x",
                verdict(im["pass"]),
            )
        )
    st = common.load_result("startup")
    if st:
        rows.append(
            (
                "3 start-up vs bare QMainWindow",
                f"{st['app_s']:.3f} s vs {st['bare_s']:.3f} s",
                f"{st['ratio']:.2f}x",
                "<= 2x",
                verdict(st["pass"]),
            )
        )
        ck = st.get("checks")
        if ck:
            rows.append(
                (
                    "3 start-up with checks / without (data ready)",
                    f"{ck['ready_with_s']:.3f} s vs {ck['ready_without_s']:.3f} s",
                    f"{ck['ready_ratio']:.2f}x",
                    "<= 1.10x",
                    verdict(ck["pass_ratio"]),
                )
            )
            rows.append(
                (
                    "3 start-up checks, 1M DB (quick+FK; backup)",
                    f"{ck['quick_check_s']:.2f} s; {ck['backup_s']:.2f} s",
                    f"{ck['checks_s'] / ck['ready_with_s']:.1f}x start-up",
                    "off the UI thread",
                    verdict(not ck["on_ui_thread"]),
                )
            )
            rows.append(
                (
                    "3 UI-thread stall during the checks",
                    f"{ck['stall_ms']:.0f} ms max tick gap (idle {ck['stall_idle_ms']:.0f} ms)",
                    "",
                    "<= 100 ms",
                    verdict(ck["pass_stall"]),
                )
            )
        rows.append(
            (
                "4 RSS after start + 10 lookups",
                f"{st['rss_after_lookups_mb']:.0f} MB",
                "",
                "< 300 MB",
                verdict(st["pass_rss"]),
            )
        )
    hb = common.load_result("handbook_pdf")
    if hb:
        rows.append(
            (
                f"5 print handbook, {hb['items']} items",
                f"{hb['render_s']:.2f} s, {hb['pages']} pages",
                "",
                "<= 3 s",
                verdict(hb["pass_time"]),
            )
        )
        rows.append(
            (
                "5 handbook PDF size",
                f"{hb['file_mb']:.2f} MB",
                "",
                "< 3 MB",
                verdict(hb["pass_size"]),
            )
        )
    cp = common.load_result("complaints")
    if cp:
        rows.append(
            (
                f"6 complaint list, {cp['count']:,} complaints",
                f"{cp['worst_list_ms']:.1f} ms (slowest view)",
                "",
                "< 200 ms",
                verdict(cp["worst_list_ms"] < 200),
            )
        )
        rows.append(
            (
                "6 due-soon query",
                f"{cp['due_ms']:.2f} ms",
                "",
                "< 10 ms",
                verdict(cp["due_ms"] < 10),
            )
        )
    gd = common.load_result("guide")
    if gd:
        rows.append(
            (
                f"7 open guide, {gd['steps']} steps (checks + first image)",
                f"{gd['open_s'] * 1000:.0f} ms",
                "",
                "< 1 s",
                verdict(gd["pass_open"]),
            )
        )
        rows.append(
            (
                f"7 guide PDF, {gd['steps']} steps",
                f"{gd['export_s']:.2f} s, {gd['pages']} pages, {gd['pdf_mb']:.1f} MB",
                "",
                "< 5 s",
                verdict(gd["pass_export"]),
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated: lookup,import,startup,handbook_pdf,complaints,guide",
    )
    parser.add_argument("--summary-only", action="store_true", help="print the last results")
    args = parser.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if not args.summary_only:
        run("make_bench_db.py")
        for name in BENCHES:
            if name not in skip:
                run(f"bench_{name}.py")
    rows = summary()
    header = ("target", "measured", "ratio", "goal", "result")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    print("\n=== summary (ratios measured within the same run)")
    for r in [header, *rows]:
        print("  " + "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
