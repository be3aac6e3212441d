"""The city area tables and their address cases, for the lookup accuracy harness.

    from tests.data.cities.cases import BRANCHES, branch, load_cases

    for b in BRANCHES:
        for table in b.files:          # every file of a branch holds the same area table
            ...                        # import table.path, then look up each case
        for case in b.cases():
            case.address, case.expected, case.kind

Kinds of case (decided by a careful agent reading the table, never by running BranchDesk):
- ``exact`` — exactly one courier, and the agent is sure;
- ``tie``   — the table truly gives several couriers for this text (a road split by parity
              or range, an estate split by building, and no number or building given);
- ``note``  — decided only by a condition the text cannot settle (以北/以东 of a crossing or
              landmark, 西侧/东侧 without a side in the address): the candidates are listed;
- ``none``  — outside the branch's table: no courier should be given as sure.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

KINDS = ("exact", "tie", "note", "none")
LAYOUTS = ("flat", "per-courier", "wide")


@dataclass(frozen=True)
class Case:
    address: str
    expected: tuple[str, ...]  # courier names, best first is not implied; empty for `none`
    kind: str
    why: str
    line: int  # line in cases.csv (the header is line 1)

    @property
    def decidable(self) -> bool:
        """True when exactly one courier is right (the harness requires it first)."""
        return self.kind == "exact"


@dataclass(frozen=True)
class TableFile:
    path: Path
    layout: str  # one of LAYOUTS
    encoding: str | None  # for CSV files; None for .xlsx
    habits: str  # what this file carries, in a few words


@dataclass(frozen=True)
class Branch:
    key: str  # folder name
    province: str
    city: str
    district: str  # the branch's own district: the default region of an address without one
    couriers: tuple[str, ...]  # every courier the table names, without spaces
    files: tuple[TableFile, ...]

    @property
    def folder(self) -> Path:
        return HERE / self.key

    @property
    def cases_path(self) -> Path:
        return self.folder / "cases.csv"

    def cases(self) -> list[Case]:
        return load_cases(self)


def _files(key: str, *specs: tuple[str, str, str | None, str]) -> tuple[TableFile, ...]:
    return tuple(
        TableFile(HERE / key / name, layout, encoding, habits)
        for name, layout, encoding, habits in specs
    )


BRANCHES: tuple[Branch, ...] = (
    Branch(
        key="chengdu_wuhou",
        province="四川省",
        city="成都市",
        district="武侯区",
        couriers=("王芳", "李建国", "张德明", "刘洋", "陈秀英", "杨帆", "赵磊", "黄丽"),
        files=_files(
            "chengdu_wuhou",
            (
                "areas_flat.xlsx",
                "flat",
                None,
                "merged title row 1, header row 2, 街道/社区/小区/道路 hierarchy, merged 街道/社区/"
                "courier cells, 门牌号 + 单双号 columns, a number in 门牌号, 王　芳/刘 洋",
            ),
            (
                "areas_flat_gbk.csv",
                "flat",
                "gbk",
                "the same sheet saved by Excel as CSV: GBK, CRLF, blanks below the first row "
                "of each merge (街道, 社区, courier, 工号, phone, 三段码); ✔ in a 备注 became ?",
            ),
            (
                "areas_flat_gb18030.csv",
                "flat",
                "gb18030",
                "the same sheet as GB18030 CSV (keeps the ✔ in a 备注)",
            ),
        ),
    ),
    Branch(
        key="shenyang_heping",
        province="辽宁省",
        city="沈阳市",
        district="和平区",
        couriers=("孙丽娜", "周海涛", "吴刚", "郑春燕", "冯宇", "于洪波", "姜楠", "崔明", "韩雪"),
        files=_files(
            "shenyang_heping",
            (
                "areas_per_courier.xlsx",
                "per-courier",
                None,
                "说明 sheet first; one sheet per courier (name in the sheet name and/or a "
                "派件员：… 工号：… 手机：… 三段码：… title; sheet names 周海涛-0232, Sheet3, "
                "'于洪波 ', 韩雪（站长）); header on row 3 in four variants; 片区 zone labels beside "
                "道路/小区; a title repeated across its merge",
            ),
        ),
    ),
    Branch(
        key="foshan_nanhai",
        province="广东省",
        city="佛山市",
        district="南海区",
        couriers=("陈志强", "林晓燕", "梁家豪", "何伟明", "黎嘉欣", "麦振华", "罗少芬", "区永健"),
        files=_files(
            "foshan_nanhai",
            (
                "areas_wide.xlsx",
                "wide",
                None,
                "one column per courier (快递员/工号/联系电话/三段码 rows, phones as numbers), "
                "the cells below list roads and estates, several per cell; a title repeated "
                "across its merge; a note row",
            ),
        ),
    ),
)


def branch(key: str) -> Branch:
    for b in BRANCHES:
        if b.key == key:
            return b
    raise KeyError(f"no city branch {key!r}; known: {', '.join(b.key for b in BRANCHES)}")


def load_cases(which: str | Branch) -> list[Case]:
    """The branch's cases, checked for shape (a malformed row raises ValueError)."""
    b = branch(which) if isinstance(which, str) else which
    cases = []
    with b.cases_path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["address", "expected", "kind", "why"]:
            raise ValueError(f"{b.cases_path}: unexpected columns {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            expected = tuple(n.strip() for n in row["expected"].split("|") if n.strip())
            case = Case(row["address"], expected, row["kind"], row["why"], line)
            problem = _problem(case, b)
            if problem:
                raise ValueError(f"{b.cases_path}, line {line}: {problem}")
            cases.append(case)
    return cases


def _problem(case: Case, b: Branch) -> str:
    if not case.address.strip():
        return "empty address"
    if case.kind not in KINDS:
        return f"kind {case.kind!r} is not one of {KINDS}"
    if case.kind == "none" and case.expected:
        return "a `none` case names no courier"
    if case.kind == "exact" and len(case.expected) != 1:
        return "an `exact` case names exactly one courier"
    if case.kind == "tie" and len(case.expected) < 2:
        return "a `tie` names two or more couriers"
    if case.kind == "note" and not case.expected:
        return "a `note` case lists its candidates"
    unknown = [n for n in case.expected if n not in b.couriers]
    if unknown:
        return f"unknown courier(s) {unknown}"
    return ""


if __name__ == "__main__":
    for b in BRANCHES:
        cases = b.cases()
        counts = {k: sum(c.kind == k for c in cases) for k in KINDS}
        print(
            f"{b.key}: {b.city}{b.district}, {len(b.couriers)} couriers, {len(cases)} cases {counts}"
        )
        for t in b.files:
            print(f"  {t.path.name:24} {t.layout:12} {t.encoding or 'xlsx'}")
