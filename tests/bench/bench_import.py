"""Import of a 100,000-row waybill .xlsx against python-calamine reading the same file.

Target: `run_import(session, file, "waybills")` (read, validate, write, index, commit) in at
most 4x the time `CalamineWorkbook.from_path(p).get_sheet_by_index(0).to_python()` takes.

Each import goes into a fresh, empty, migrated DB (creating it is not timed). Runs of the
two are interleaved so machine noise hits both alike; medians are compared. One more import
is run stage by stage (read_sheet / validate / write+commit) to show where the time goes.

    .venv/bin/python tests/bench/bench_import.py [--rows 100000] [--runs 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

import common

TARGET_RATIO = 4.0
HEADERS = ["运单号", "快递公司", "收件人", "收件电话", "收件地址", "状态", "日期", "派件员"]


def ensure_xlsx(rows: int) -> Path:
    """bench-data/waybills-<rows>.xlsx written with openpyxl from branchdesk.sample rows."""
    common.ensure_dirs()
    path = common.DATA / f"waybills-{rows}.xlsx"
    if path.exists():
        return path
    import openpyxl

    from branchdesk.sample import waybill_rows

    print(f"writing {path} …")
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("运单")
    sheet.append(HEADERS)
    for row in waybill_rows(rows):
        sheet.append(row)
    tmp = path.with_suffix(".tmp.xlsx")
    workbook.save(tmp)
    tmp.replace(path)
    return path


def read_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


def fresh_db(n: int):
    from branchdesk.db.engine import open_database

    target = common.DATA / f"import-{n}.sqlite3"
    for p in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        p.unlink(missing_ok=True)
    return open_database(target)


def import_once(path: Path, n: int, profile: Path | None = None) -> tuple[float, int]:
    from branchdesk import features
    from branchdesk.io.importing import run_import

    features.load()

    db = fresh_db(n)
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    with db.session() as s:
        report = run_import(s, path, "waybills")
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    if profiler and profile:
        profiler.dump_stats(profile)
    db.dispose()
    return elapsed, report.rows_ok


def staged_import(path: Path, n: int) -> dict[str, float]:
    from branchdesk import features
    from branchdesk.io.importing import get_kind, run_import, validate

    features.load()
    from branchdesk.io.reader import read_sheet

    db = fresh_db(n)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    raw = read_sheet(path)
    stages["read_sheet"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    prepared = validate(raw, get_kind("waybills"))
    stages["validate"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    with db.session() as s:
        run_import(s, path, "waybills", prepared=prepared)
    stages["write+index+commit"] = time.perf_counter() - t2
    db.dispose()
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one import")
    args = parser.parse_args()

    from branchdesk import paths

    paths.set_data_dir(common.DATA / "import-data")
    path = ensure_xlsx(args.rows)
    size_mb = path.stat().st_size / 1e6

    read_calamine(path)  # warm the OS cache and the import of python_calamine
    reads: list[float] = []
    imports: list[float] = []
    rows_ok = 0
    for n in range(args.runs):
        t, _ = common.timed(lambda: read_calamine(path))
        reads.append(t)
        t, rows_ok = import_once(path, n)
        imports.append(t)
        print(f"  run {n + 1}: calamine {t_fmt(reads[-1])}, run_import {t_fmt(imports[-1])}")
    t, _ = common.timed(lambda: read_calamine(path))
    reads.append(t)
    stages = staged_import(path, args.runs)
    if args.profile:
        prof = common.RESULTS / "import.prof"
        import_once(path, args.runs + 1, prof)
        print(f"\ncProfile of one import ({prof}):")
        pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(25)

    med_read = common.median(reads)
    med_import = common.median(imports)
    ratio = med_import / med_read
    print(f"\nImport of {path.name} ({args.rows:,} rows, {size_mb:.1f} MB), {rows_ok:,} rows ok")
    print(f"  calamine read alone: median {t_fmt(med_read)} of {len(reads)}")
    print(f"  run_import:          median {t_fmt(med_import)} of {len(imports)}")
    print(f"  ratio {ratio:.2f}x (target <= {TARGET_RATIO}x): ", end="")
    print("PASS" if ratio <= TARGET_RATIO else "FAIL")
    print("  stages of one import: " + ", ".join(f"{k} {t_fmt(v)}" for k, v in stages.items()))
    common.save_result(
        "import",
        {
            "rows": args.rows,
            "rows_ok": rows_ok,
            "file_mb": size_mb,
            "calamine_s": med_read,
            "calamine_runs_s": reads,
            "import_s": med_import,
            "import_runs_s": imports,
            "ratio": ratio,
            "stages_s": stages,
            "pass": ratio <= TARGET_RATIO,
        },
    )
    for n in range(args.runs + 2):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{common.DATA / f'import-{n}.sqlite3'}{suffix}").unlink(missing_ok=True)
    return 0


def t_fmt(seconds: float) -> str:
    return f"{seconds:.2f} s"


if __name__ == "__main__":
    raise SystemExit(main())
