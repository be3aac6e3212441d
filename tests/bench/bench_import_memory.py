"""Peak memory and time of importing a 1,000,000-row waybill CSV, now and at a baseline commit.

Target (issue 11): peak RSS under 500 MB (the code before streaming took about 2.1 GB).

The CSV is generated once into bench-data/ (about 100 MB, from `branchdesk.sample`). Each
import runs in a child process of its own, into a fresh database, and reports its wall time
and its peak RSS (`resource.getrusage` on Linux/macOS, psutil's peak working set on
Windows). The baseline is the same import run by the code of another commit (default: the
commit before the streaming import), exported with `git archive` into bench-data/.

    .venv/bin/python tests/bench/bench_import_memory.py [--rows 1000000] [--baseline REV]
        [--no-baseline] [--xlsx]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import common

TARGET_MB = 500
HEADERS = ["运单号", "快递公司", "收件人", "收件电话", "收件地址", "状态", "日期", "派件员"]
DEFAULT_BASELINE = "daba13a"  # the branch point: read whole, validated in lists

CHILD = r"""
import json, os, sys, time
src, data_dir, path = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, src)
from branchdesk import paths
paths.set_data_dir(data_dir)
from branchdesk.db.engine import open_database
from branchdesk.io.importing import run_import
db = open_database()
start = time.perf_counter()
with db.session() as s:
    report = run_import(s, path, "waybills")
elapsed = time.perf_counter() - start
db.dispose()
def peak_bytes():
    try:  # Linux: VmHWM of this process image (ru_maxrss would include the parent's at fork)
        with open("/proc/self/status") as status:
            return int(status.read().split("VmHWM:")[1].split()[0]) * 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        import psutil
        return psutil.Process().memory_info().peak_wset
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS
peak = peak_bytes()
print(json.dumps({"rows_ok": report.rows_ok, "seconds": elapsed, "peak_bytes": peak}))
"""


def ensure_csv(rows: int) -> Path:
    common.ensure_dirs()
    path = common.DATA / f"waybills-{rows}.csv"
    if path.exists():
        return path
    from branchdesk.sample import waybill_rows

    print(f"writing {path} …")
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        chunk = 100_000
        for n, start in enumerate(range(0, rows, chunk)):
            writer.writerows(waybill_rows(min(chunk, rows - start), seed=20261122 + n))
    tmp.replace(path)
    return path


def baseline_source(rev: str) -> Path:
    """The `branchdesk` package of commit `rev`, unpacked into bench-data/baseline-REV/."""
    target = common.DATA / f"baseline-{rev}"
    if (target / "branchdesk").exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile() as archive:
        subprocess.run(
            ["git", "archive", "--format=tar", rev, "branchdesk", "resources"],
            cwd=common.REPO,
            stdout=archive,
            check=True,
        )
        archive.seek(0)
        with tarfile.open(fileobj=archive) as tar:
            tar.extractall(target, filter="data")
    # resources/ is installed as branchdesk.resources
    resources = target / "resources"
    if resources.exists() and not (target / "branchdesk" / "resources").exists():
        resources.rename(target / "branchdesk" / "resources")
    return target


def run(src: Path, csv_path: Path, name: str) -> dict[str, float]:
    data_dir = common.DATA / f"import-memory-{name}"
    for p in data_dir.glob("*"):
        p.unlink()
    data_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(src), str(data_dir), str(csv_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{name} import failed:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    for p in data_dir.glob("*"):
        p.unlink()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="commit to compare with")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--xlsx", action="store_true", help="an .xlsx (bench_import's generator) instead of CSV"
    )
    args = parser.parse_args()

    if args.xlsx:
        from bench_import import ensure_xlsx

        csv_path = ensure_xlsx(args.rows)
    else:
        csv_path = ensure_csv(args.rows)
    print(f"{csv_path.name}: {csv_path.stat().st_size / 1e6:.0f} MB, {args.rows:,} rows")
    now = run(common.REPO, csv_path, "now")
    mb = now["peak_bytes"] / 1e6
    print(
        f"  now:      {now['seconds']:.1f} s, peak RSS {mb:.0f} MB, {now['rows_ok']:,} rows "
        f"({'PASS' if mb < TARGET_MB else 'FAIL'}: target < {TARGET_MB} MB)"
    )
    result: dict[str, object] = {"rows": args.rows, "now": now, "target_mb": TARGET_MB}
    if not args.no_baseline:
        base = run(baseline_source(args.baseline), csv_path, "baseline")
        base_mb = base["peak_bytes"] / 1e6
        print(
            f"  {args.baseline}:  {base['seconds']:.1f} s, peak RSS {base_mb:.0f} MB, "
            f"{base['rows_ok']:,} rows"
        )
        print(
            f"  ratio now/{args.baseline}: time {now['seconds'] / base['seconds']:.2f}x, "
            f"peak memory {mb / base_mb:.2f}x"
        )
        result["baseline"] = {"rev": args.baseline, **base}
    common.save_result("import_memory_xlsx" if args.xlsx else "import_memory", result)
    return 0 if mb < TARGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
