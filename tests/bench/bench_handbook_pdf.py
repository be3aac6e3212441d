"""Printing a 300-item penalty handbook to PDF: wall time and file size.

Target: `render_handbook(book, path)` (cover, contents, eight category tables; two layout
passes for the contents' page numbers) in at most 3 s, median of 3 runs, and a file under
3 MB (the CJK font is embedded as a subset). The handbook is built in memory with
realistic Chinese text lengths (causes 10–20 characters, standards and avoidance 40–120),
so no DB is needed. The first render, which also loads the font, is timed separately.

    .venv/bin/python tests/bench/bench_handbook_pdf.py [--items 300] [--runs 3]
"""

from __future__ import annotations

import argparse

import common

TARGET_S = 3.0
TARGET_MB = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--categories", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    common.ensure_dirs()
    from branchdesk.handbook.documents.handbook import render_handbook
    from branchdesk.handbook.documents.sheets import render_vehicle_sheets
    from tests.unit.pdf_samples import generated_handbook

    book = generated_handbook(args.items, args.categories)
    path = common.DATA / "handbook.pdf"
    cold_s, pages = common.timed(lambda: render_handbook(book, path))
    print(f"  first render (font load included): {cold_s:.2f} s, {pages} pages")
    runs: list[float] = []
    for n in range(args.runs):
        t, pages = common.timed(lambda: render_handbook(book, path))
        runs.append(t)
        print(f"  run {n + 1}: {t:.2f} s")
    size_mb = path.stat().st_size / 1e6
    sheets = common.DATA / "vehicle-sheets.pdf"
    sheets_s, sheet_pages = common.timed(
        lambda: render_vehicle_sheets(book.chapters, sheets, printed=book.printed)
    )

    med = common.median(runs)
    ok_time, ok_size = med <= TARGET_S, size_mb < TARGET_MB
    print(f"\nHandbook of {args.items} items in {args.categories} categories: {pages} pages")
    print(
        f"  render_handbook: median {med:.2f} s of {len(runs)} (target <= {TARGET_S} s): "
        f"{'PASS' if ok_time else 'FAIL'}"
    )
    print(
        f"  file size {size_mb:.2f} MB (target < {TARGET_MB} MB): {'PASS' if ok_size else 'FAIL'}"
    )
    print(f"  (vehicle sheets of the same items: {sheets_s:.2f} s, {sheet_pages} pages)")
    common.save_result(
        "handbook_pdf",
        {
            "items": args.items,
            "categories": args.categories,
            "pages": pages,
            "render_s": med,
            "render_runs_s": runs,
            "first_render_s": cold_s,
            "file_mb": size_mb,
            "sheets_s": sheets_s,
            "sheet_pages": sheet_pages,
            "pass_time": ok_time,
            "pass_size": ok_size,
            "pass": ok_time and ok_size,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
