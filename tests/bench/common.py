"""Shared helpers of the benchmarks: where the data lives, timing and reporting."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(__file__).resolve().parent
DATA = Path(os.environ.get("BRANCHDESK_BENCH_DATA", REPO / "bench-data"))
BENCH_DB = DATA / "bench.sqlite3"
RESULTS = DATA / "results"

if str(REPO) not in sys.path:  # run as a script from anywhere: import the working tree
    sys.path.insert(0, str(REPO))


def ensure_dirs() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100) of `values`."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def save_result(name: str, data: dict[str, Any]) -> Path:
    """Write one benchmark's figures as JSON for run_all.py to summarise."""
    ensure_dirs()
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def load_result(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
