"""A small branch for the drill tests: an area table imported from CSV, and two agents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from branchdesk.db.engine import Database
from branchdesk.io.importing import run_import
from branchdesk.team.agents import add_agent


def import_areas(db: Database, tmp_path: Path, rows: list[tuple[str, str, str]]) -> None:
    """(小区/道路, 业务员, 电话) rows as the branch's area table (a re-import replaces it)."""
    path = tmp_path / "areas.csv"
    lines = ["小区/道路,业务员,联系电话"] + [",".join(r) for r in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    with db.session() as s:
        run_import(s, path, "areas")


def add_agents(db: Database, *names: str) -> dict[str, int]:
    ids = {}
    with db.session() as s:
        for n, name in enumerate(names):
            ids[name] = add_agent(
                s, name, employee_no=f"KF{n + 1:02d}", started_on=date(2026, 11, 1), audit=False
            ).id
    return ids
