"""The city area tables and their cases stay usable: well-formed, big enough, and in step
with their generator (a changed generator without regenerated files fails here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.data.cities import make_city_tables
from tests.data.cities.cases import BRANCHES, KINDS, LAYOUTS, Branch, load_cases

WRITERS = {
    "chengdu_wuhou": make_city_tables.write_chengdu,
    "shenyang_heping": make_city_tables.write_shenyang,
    "foshan_nanhai": make_city_tables.write_foshan,
}


def _ids(b: Branch) -> str:
    return b.key


def _workbook_text(path: Path) -> str:
    wb = load_workbook(path)
    parts = []
    for ws in wb:
        parts.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            parts.extend(str(v) for v in row if v is not None)
    wb.close()
    return "\n".join(parts)


def _snapshot(path: Path) -> list[tuple[str, list[str], list[tuple[object, ...]]]]:
    wb = load_workbook(path)
    sheets = [
        (
            ws.title,
            sorted(str(r) for r in ws.merged_cells.ranges),
            [tuple(row) for row in ws.iter_rows(values_only=True)],
        )
        for ws in wb
    ]
    wb.close()
    return sheets


def test_three_cities_in_three_layouts() -> None:
    assert len({b.city for b in BRANCHES}) >= 3
    layouts = {t.layout for b in BRANCHES for t in b.files}
    assert layouts == set(LAYOUTS)
    encodings = {t.encoding for b in BRANCHES for t in b.files}
    assert {"gbk", "gb18030", None} <= encodings


@pytest.mark.parametrize("b", BRANCHES, ids=_ids)
def test_cases_are_enough_and_mostly_decidable(b: Branch) -> None:
    cases = load_cases(b)
    kinds = {k: sum(c.kind == k for c in cases) for k in KINDS}
    assert len(cases) >= 100, kinds
    assert kinds["exact"] >= 0.6 * len(cases), kinds
    assert kinds["none"] > 0 and kinds["tie"] > 0 and kinds["note"] > 0, kinds
    assert len({c.address for c in cases}) == len(cases), "an address is listed twice"


@pytest.mark.parametrize("b", BRANCHES, ids=_ids)
def test_files_are_small_and_name_every_courier(b: Branch) -> None:
    assert 6 <= len(b.couriers) <= 15
    for table in b.files:
        assert table.path.stat().st_size < 60_000, table.path
        if table.encoding:
            text = table.path.read_bytes().decode(table.encoding)
        else:
            text = _workbook_text(table.path)
        spaceless = text.replace(" ", "").replace("\u3000", "")
        missing = [name for name in b.couriers if name not in spaceless]
        assert not missing, f"{table.path.name} does not name {missing}"


@pytest.mark.parametrize("b", BRANCHES, ids=_ids)
def test_committed_tables_match_the_generator(b: Branch, tmp_path: Path) -> None:
    written = WRITERS[b.key](tmp_path)
    assert sorted(p.name for p in written) == sorted(t.path.name for t in b.files)
    for fresh in written:
        committed = b.folder / fresh.name
        if fresh.suffix == ".csv":
            assert fresh.read_bytes() == committed.read_bytes(), fresh.name
        else:
            assert _snapshot(fresh) == _snapshot(committed), fresh.name
