"""The accuracy harness on the three city tables (tests/bench/lookup_accuracy.py): every
decidable address gets the right courier first, and no answer is confidently wrong."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _harness() -> ModuleType:
    name = "lookup_accuracy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _files() -> list[tuple[object, object]]:
    from tests.data.cities.cases import BRANCHES

    return [(b, t) for b in BRANCHES for t in b.files]


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    ("branch", "table"), _files(), ids=lambda x: getattr(x, "name", getattr(x, "key", ""))
)
def test_city_table(branch: object, table: object, tmp_path: Path) -> None:
    harness = _harness()
    result = harness.run_file(branch, table, tmp_path)
    assert result.error is None, result.error
    wrong = [
        f"line {o.line}: {o.address} → {list(o.got[:3])} ({o.level}"
        f"{', tie' if o.tie else ''}); expected {list(o.expected)}"
        for o in result.outcomes
        if o.decidable_wrong or o.confidently_wrong
    ]
    assert not wrong, "\n".join(wrong)
    assert len(result.outcomes) >= 100
