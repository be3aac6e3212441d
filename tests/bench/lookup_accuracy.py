"""Lookup accuracy on branch tables from other cities (tests/data/cities): per branch and file,
how often the right courier comes first, how often it is among the first three, how many
answers are flagged as ties, and how many are confidently wrong.

Each file is imported through the app's own import (`run_import`, kind "areas") into a fresh
data dir, the branch's region is set as its `branch_region` (an owner action), and every
case of the branch is looked up with `lookup()`:

- top-1 / top-3: the first courier / one of the first three is in the case's `expected`
  (cases of kind `none` have no courier to find and are not counted);
- ties: answers flagged `ambiguous`;
- confidently wrong: a sure answer (level exact or inferred, no tie flag) naming a courier
  not in `expected` (for a `none` case: any sure answer);
- decidable wrong: `exact` cases whose first courier is not the expected one.

    .venv/bin/python tests/bench/lookup_accuracy.py [--verbose]

tests/unit/lookup/test_lookup_accuracy.py fails on any decidable-wrong or confidently-wrong case.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SURE = ("exact", "inferred")


@dataclass
class Outcome:
    address: str
    kind: str
    expected: tuple[str, ...]
    got: tuple[str, ...]  # couriers, best first
    level: str
    tie: bool
    line: int

    @property
    def sure(self) -> bool:
        return bool(self.got) and self.level in SURE and not self.tie

    @property
    def top1(self) -> bool:
        return bool(self.got) and self.got[0] in self.expected

    @property
    def top3(self) -> bool:
        return any(name in self.expected for name in self.got[:3])

    @property
    def confidently_wrong(self) -> bool:
        return self.sure and self.got[0] not in self.expected

    @property
    def decidable_wrong(self) -> bool:
        return self.kind == "exact" and not self.top1


@dataclass
class FileResult:
    branch: str
    file: str
    layout: str
    import_summary: str
    outcomes: list[Outcome] = field(default_factory=list)
    error: str | None = None

    def count(self, what: str) -> int:
        return sum(1 for o in self.outcomes if getattr(o, what))

    @property
    def findable(self) -> int:
        return sum(1 for o in self.outcomes if o.expected)


def _name(text: str) -> str:
    return "".join(text.split())


def run_file(branch: object, table: object, data_dir: Path) -> FileResult:
    """Import one file into a fresh data dir and look up every case of its branch."""
    from branchdesk import features, paths
    from branchdesk.db.engine import open_database
    from branchdesk.errors import BranchDeskError
    from branchdesk.io.importing import run_import
    from branchdesk.lookup.service import lookup
    from branchdesk.owner import policy

    features.install()  # the import kinds, as the app and the command line register them
    paths.set_data_dir(data_dir)
    result = FileResult(branch.key, table.path.name, table.layout, "")  # type: ignore[attr-defined]
    db = open_database()
    try:
        # The branch's own region, as the owner sets it (a branch setting in the database).
        with db.session() as session:
            region = f"{branch.province}{branch.city}{branch.district}"  # type: ignore[attr-defined]
            policy.change(session, {"branch_region": region})
        with db.session() as session:
            report = run_import(session, table.path, "areas")  # type: ignore[attr-defined]
            result.import_summary = report.summary()
        with db.session() as session:
            for case in branch.cases():  # type: ignore[attr-defined]
                found = lookup(session, case.address)
                names = tuple(dict.fromkeys(_name(c.name) for c in found.couriers))
                level = (
                    found.couriers[0].match.level
                    if found.couriers and found.couriers[0].match
                    else "none"
                )
                result.outcomes.append(
                    Outcome(
                        case.address,
                        case.kind,
                        case.expected,
                        names,
                        level,
                        found.ambiguous,
                        case.line,
                    )
                )
    except BranchDeskError as exc:
        result.error = str(exc)
    finally:
        db.dispose()
    return result


def run_all() -> list[FileResult]:
    from tests.data.cities.cases import BRANCHES

    results = []
    with tempfile.TemporaryDirectory(prefix="bd-accuracy-") as tmp:
        for n, branch in enumerate(BRANCHES):
            for m, table in enumerate(branch.files):
                data_dir = Path(tmp) / f"{n}-{m}"
                data_dir.mkdir()
                results.append(run_file(branch, table, data_dir))
    return results


def table(results: list[FileResult]) -> str:
    head = (
        f"{'branch':<16}{'file':<26}{'layout':<12}{'cases':>6}{'top-1':>9}{'top-3':>9}"
        f"{'ties':>6}{'conf.wrong':>11}{'exact wrong':>12}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        if r.error:
            lines.append(f"{r.branch:<16}{r.file:<26}{r.layout:<12} IMPORT FAILED: {r.error[:200]}")
            continue
        n = r.findable
        lines.append(
            f"{r.branch:<16}{r.file:<26}{r.layout:<12}{len(r.outcomes):>6}"
            f"{r.count('top1'):>5}/{n:<3}{r.count('top3'):>5}/{n:<3}{r.count('tie'):>6}"
            f"{r.count('confidently_wrong'):>11}{r.count('decidable_wrong'):>12}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every case that is wrong")
    args = parser.parse_args()
    results = run_all()
    print(table(results))
    for r in results:
        print(
            f"\n{r.branch}/{r.file}: {r.import_summary.splitlines()[0] if r.import_summary else ''}"
        )
        if not args.verbose:
            continue
        for o in r.outcomes:
            if o.decidable_wrong or o.confidently_wrong or (o.expected and not o.top3):
                flag = (
                    "CONF-WRONG"
                    if o.confidently_wrong
                    else ("WRONG" if o.decidable_wrong else "miss")
                )
                print(
                    f"  {flag:<10} line {o.line:<4} [{o.kind}] {o.address} → {list(o.got[:3])} "
                    f"{o.level}{' tie' if o.tie else ''}; expected {list(o.expected)}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
