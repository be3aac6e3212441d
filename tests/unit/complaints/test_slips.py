"""Problem-parcel slips: reading HQ lists, matching parcels to couriers, the PDF, the CLI."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from branchdesk.cli import main
from branchdesk.complaints.documents.slips import BOX, render_slips
from branchdesk.complaints.slip_entries import (
    AMBIGUOUS,
    BY_ADDRESS,
    BY_COLUMN,
    BY_WAYBILL,
    MISSED_SCAN,
    OTHER,
    OVERDUE,
    UNMATCHED,
    UNSIGNED,
    CourierSlip,
    SlipLine,
    problem_kind,
)
from branchdesk.complaints.slips import (
    SlipList,
    SlipsRejected,
    print_slips,
    read_problem_list,
)
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.tabular import HeaderNotFound
from tests.conftest import SAMPLE_WAYBILLS
from tests.data.make_problem_fixtures import (
    SAMPLE_WAYBILL_WANG,
    SAMPLE_WAYBILL_ZHOU,
    make_problem_fixtures,
)

A4 = (595.3, 841.9)
PRINTED = date(2026, 11, 22)


@pytest.fixture
def branch(sample_of: Callable[[int], Database]) -> Database:
    """The sample branch: couriers, areas and 400 waybills."""
    return sample_of(SAMPLE_WAYBILLS)


def read(db: Database, path: Path, **kwargs: object) -> SlipList:
    with db.session() as s:
        return read_problem_list(s, path, **kwargs)  # type: ignore[arg-type]


def by_waybill(found: SlipList) -> dict[str, SlipLine]:
    return {line.waybill: line for line in found.lines}


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squash(text: str) -> str:
    return "".join(text.split())


def pages_with(pages: list[str], needle: str) -> list[int]:
    return [n for n, text in enumerate(pages, start=1) if needle in text]


# ---------------------------------------------------------------- matching


def test_each_parcel_is_matched_by_column_waybill_list_or_address(
    branch: Database, fixtures: Path
) -> None:
    found = read(branch, fixtures / "problems_hq.xlsx")
    assert found.problems == []
    lines = by_waybill(found)
    # (courier, how) per waybill, as the fixture's comments say
    expected = {
        "YT1111222233334": ("王强", BY_COLUMN),
        "73123456789012": ("李娜", BY_COLUMN),  # a number cell
        SAMPLE_WAYBILL_ZHOU: ("周杰", BY_WAYBILL),
        SAMPLE_WAYBILL_WANG: ("王强", BY_WAYBILL),
        "JT1000000000017": ("刘洋", BY_ADDRESS),
        "SF1000000000021": ("赵敏", BY_ADDRESS),
        "YT3000000000049": ("刘洋", BY_COLUMN),  # the column holds his 工号 NB005
        "YT2000000000031": ("王强", AMBIGUOUS),
        "77100000000041": (None, UNMATCHED),
        "431000000000051": (None, UNMATCHED),
    }
    assert {n: (line.courier, line.how) for n, line in lines.items()} == expected
    assert lines["YT2000000000031"].candidates == ("王强", "陈静")
    # The branch's waybill list fills in what the HQ list leaves out.
    zhou = lines[SAMPLE_WAYBILL_ZHOU]
    assert zhou.address == "宁波市海曙区泰和花园12栋1303室"
    assert zhou.recipient and zhou.phone
    assert zhou.date == date(2026, 11, 20)  # "2026/11/20" as text
    # A repeated waybill is one line with both problems.
    assert found.merged == 1
    assert lines["YT1111222233334"].problem == "未签收；派送超时"
    assert lines["YT1111222233334"].phone == "13812341234"
    assert (found.parcels, found.couriers, found.unmatched, found.to_check) == (10, 5, 2, 1)


def test_slips_are_in_pinyin_order_with_phones_and_unmatched_last(
    branch: Database, fixtures: Path
) -> None:
    found = read(branch, fixtures / "problems_hq.xlsx")
    assert [s.courier for s in found.slips] == ["李娜", "刘洋", "王强", "赵敏", "周杰", None]
    phones = {s.courier: s.phone for s in found.slips}
    assert phones["王强"] == "13805740003"
    assert phones[None] is None
    wang = found.slips[2]
    # list order within a courier's slip
    assert [line.waybill for line in wang.lines] == [
        "YT1111222233334",
        SAMPLE_WAYBILL_WANG,
        "YT2000000000031",
    ]
    # YT1111222233334 is listed as 未签收 and as 派送超时: counted under both kinds.
    assert wang.lines[0].problem == "未签收；派送超时"
    assert wang.counts() == {UNSIGNED: 2, OVERDUE: 2}


def test_the_courier_column_wins_over_the_waybill_list_and_the_address(
    branch: Database, tmp_path: Path
) -> None:
    path = tmp_path / "问题件.csv"
    with open(path, "w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["运单号", "原因", "业务员", "地址"])
        writer.writerow([SAMPLE_WAYBILL_ZHOU, "漏扫", "吴刚", "宁波市海曙区中山西路37号"])
        writer.writerow(["YT7000000000013", "未签收", "", "宁波市海曙区中山西路37号"])
        writer.writerow(["YT7000000000021", "未签收", "新来的小李", ""])
    lines = by_waybill(read(branch, path))
    assert (lines[SAMPLE_WAYBILL_ZHOU].courier, lines[SAMPLE_WAYBILL_ZHOU].how) == (
        "吴刚",
        BY_COLUMN,
    )
    assert (lines["YT7000000000013"].courier, lines["YT7000000000013"].how) == ("王强", BY_ADDRESS)
    # A name the branch does not know is still his slip (without a phone).
    assert lines["YT7000000000021"].courier == "新来的小李"


def test_without_a_problem_column_the_sheet_name_says_the_problem(
    branch: Database, fixtures: Path
) -> None:
    found = read(branch, fixtures / "problems_unsigned.xlsx")
    assert {line.problem for line in found.lines} == {"未签收"}
    assert [s.courier for s in found.slips] == ["黄磊", "王强", "杨帆"]


def test_an_empty_branch_leaves_every_parcel_without_a_column_unmatched(
    db: Database, fixtures: Path
) -> None:
    found = read(db, fixtures / "problems_hq.xlsx")
    assert found.couriers == 3  # 王强, 李娜 and NB005 (unknown here) from the column
    assert found.unmatched == 7


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("未签收", UNSIGNED),
        ("超时未签收", OVERDUE),
        ("派送延误", OVERDUE),
        ("漏扫", MISSED_SCAN),
        ("无出仓扫描", MISSED_SCAN),
        ("扫描异常", MISSED_SCAN),
        ("已扫描未签收", UNSIGNED),
        ("已出仓扫描未签收", UNSIGNED),
        ("扫描后超时未签收", OVERDUE),
        ("破损", OTHER),
        ("", OTHER),
    ],
)
def test_problem_kinds(text: str, kind: str) -> None:
    assert problem_kind(text) == kind


# ---------------------------------------------------------------- bad input


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_printed(
    branch: Database, fixtures: Path, tmp_path: Path
) -> None:
    found = read(branch, fixtures / "problems_bad.xlsx")
    where = [(p.file, p.sheet, p.row, p.column) for p in found.problems]
    assert where == [
        ("problems_bad.xlsx", "异常件", 2, "A（运单号）"),
        ("problems_bad.xlsx", "异常件", 3, "E（电话）"),
        ("problems_bad.xlsx", "异常件", 4, "A（运单号）"),
        ("problems_bad.xlsx", "异常件", 5, "F（日期）"),
    ]
    messages = [str(p) for p in found.problems]
    assert messages == [
        "problems_bad.xlsx, sheet 异常件, row 2, column A（运单号）: '77312300000000' — "
        "the number was rounded by Excel (shown as 7.73123E+13); "
        "format the column as Text in Excel and export again",
        "problems_bad.xlsx, sheet 异常件, row 3, column E（电话）: '打电话问' — "
        "a phone number is expected (digits only, e.g. 13805741234 or 0574-87654321)",
        "problems_bad.xlsx, sheet 异常件, row 4, column A（运单号）: a value is required here",
        "problems_bad.xlsx, sheet 异常件, row 5, column F（日期）: '2026-13-45' — "
        "a date is expected here, e.g. 2026-11-22",
    ]

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "slips.pdf"
    with branch.session() as s, pytest.raises(SlipsRejected) as rejected:
        print_slips(s, fixtures / "problems_bad.xlsx", out, printed=PRINTED)
    assert "nothing was printed" in str(rejected.value)
    assert "row 5, column F（日期）" in str(rejected.value)
    assert list(folder.iterdir()) == []

    with branch.session() as s:
        done = print_slips(
            s, fixtures / "problems_bad.xlsx", out, skip_invalid=True, printed=PRINTED
        )
    assert out.exists() and done.found.parcels == 1
    assert "YT5000000000033" in "".join(texts(out))


def test_a_list_without_waybill_numbers_says_which_column_is_missing(
    branch: Database, fixtures: Path
) -> None:
    with pytest.raises(HeaderNotFound) as missing:
        read(branch, fixtures / "problems_missing_column.xlsx")
    assert str(missing.value) == (
        "problems_missing_column.xlsx, sheet 问题件: No column found for: Waybill no..\n"
        "“Waybill no.” is read from a column headed: "
        "运单号、单号、快递单号、运单编号、面单号、运单号码、快件单号\n"
        "The header row found (row 1) has: 问题类型、派件员、收件地址.\n"
        "Rename the column header in the file to one of these names, or choose the column by hand."
    )


def test_nothing_to_print(tmp_path: Path) -> None:
    with pytest.raises(BranchDeskError):
        render_slips([CourierSlip("张伟", None, ())], tmp_path / "x.pdf", printed=PRINTED)
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------- the PDF


def test_each_courier_gets_his_own_pages_with_his_parcels(
    branch: Database, fixtures: Path, tmp_path: Path
) -> None:
    out = tmp_path / "slips.pdf"
    with branch.session() as s:
        done = print_slips(
            s, fixtures / "problems_hq.xlsx", out, branch="宁波海曙示例网点", printed=PRINTED
        )
    reader = PdfReader(out)
    assert done.pages == len(reader.pages) == 6  # one page per courier, unmatched last
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=1)
    pages = texts(out)
    for n, slip in enumerate(done.found.slips, start=1):
        text = pages[n - 1]
        title = slip.courier or tr("Unmatched parcels")
        assert text.splitlines()[0].strip() == title, text  # the section's heading
        for line in slip.lines:
            assert pages_with(pages, line.waybill) == [n]
        assert squash(tr("Courier's signature") if slip.courier else tr("Checked by")) in squash(
            text
        )
        assert "problems_hq.xlsx" in text
        assert tr("Date: {date}", date="2026-11-22") in text
    wang = pages[2]
    assert "13805740003" in wang  # the courier's own phone is printed
    assert squash(tr("To check: {names}", names="王强 / 陈静")) in squash(wang)
    # Customers masked: 赵丽 13812341234 → 赵* 138****1234
    assert "138****1234" in wang and "13812341234" not in "".join(pages)
    assert "赵*" in wang and "赵丽" not in wang


def test_show_phones_prints_them_in_full(branch: Database, fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    with branch.session() as s:
        print_slips(s, fixtures / "problems_hq.xlsx", out, mask=False, printed=PRINTED)
    text = "".join(texts(out))
    assert "13812341234" in text and "赵丽" in text and "138****1234" not in text


def test_every_parcel_has_a_box_to_tick(branch: Database, fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "slips.pdf"
    with branch.session() as s:
        done = print_slips(s, fixtures / "problems_hq.xlsx", out, printed=PRINTED)
    with pdfplumber.open(out) as pdf:
        boxes = [
            sum(
                1
                for r in page.rects
                if abs(r["width"] - BOX) < 0.5 and abs(r["height"] - BOX) < 0.5
            )
            for page in pdf.pages
        ]
    assert boxes == [len(slip.lines) for slip in done.found.slips]


def _many(count: int, name: str = "张伟", first: int = 7000000000000) -> CourierSlip:
    lines = tuple(
        SlipLine(
            waybill=f"YT{first + n:013d}",
            problem=["未签收", "漏扫", "派送超时"][n % 3],
            address="浙江省宁波市海曙区春江花月晓风苑12幢1801室" if n % 2 else "海曙区姚江路3号",
            recipient="欧阳建华",
            phone="13812341234",
            date=PRINTED,
            courier=name,
            how=BY_ADDRESS,
        )
        for n in range(count)
    )
    return CourierSlip(name, "13805740001", lines)


def test_a_long_slip_runs_onto_sheets_whole_rows_and_signs_once(tmp_path: Path) -> None:
    slip = _many(45)
    out = tmp_path / "long.pdf"
    pages = render_slips(
        [slip, _many(2, "李娜", 8000000000000)], out, printed=PRINTED, source="问题件.xlsx"
    )
    text = texts(out)
    assert pages == len(text) >= 4
    section = [
        n for n, t in enumerate(text, start=1) if any(line.waybill in t for line in slip.lines)
    ]
    assert section == list(range(1, len(section) + 1)) and len(section) >= 3
    for line in slip.lines:
        assert len(pages_with(text, line.waybill)) == 1  # no row cut across pages
    for n in section:
        assert tr("Waybill no.") in text[n - 1]  # the header row repeats
        sheet = tr("Sheet {sheet} of {sheets}", sheet=n, sheets=len(section))
        assert squash(sheet) in squash(text[n - 1])
    assert squash(tr("{category} (continued)", category="张伟")) in squash(text[1])
    signed = pages_with([squash(t) for t in text], squash(tr("Courier's signature")))
    assert signed == [section[-1], pages]  # once per courier, on his last sheet
    assert tr("Page {page} of {pages}", page=1, pages=pages) in text[0]


def test_a_row_too_tall_for_a_page_is_shortened_not_lost(tmp_path: Path) -> None:
    line = SlipLine("YT9", "未签收", "中山西路" * 600, None, None, None, "张伟", BY_ADDRESS)
    out = tmp_path / "tall.pdf"
    render_slips([CourierSlip("张伟", None, (line,))], out, printed=PRINTED)
    assert "YT9" in "".join(texts(out))


def test_the_same_slips_give_the_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_slips([_many(5)], a, printed=PRINTED)
    render_slips([_many(5)], b, printed=PRINTED)
    assert a.read_bytes() == b.read_bytes()


# ---------------------------------------------------------------- command line


def test_cli_prints_slips(
    sample_db: Database, fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sample branch (as `demo` loads it) from the session's template: a file copy.
    out = tmp_path / "slips.pdf"
    assert main(["print", "slips", str(fixtures / "problems_hq.xlsx"), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Wrote 6 page(s)" in said
    assert "10 parcel(s) for 5 courier(s), 2 unmatched" in said
    text = "".join(texts(out))
    assert "138****1234" in text and "13812341234" not in text

    full = tmp_path / "full.pdf"
    args = ["print", "slips", str(fixtures / "problems_hq.xlsx"), "--show-phones", "-o", str(full)]
    assert main(args) == 0
    assert "13812341234" in "".join(texts(full))


def test_cli_bad_list_exits_1_with_the_problems(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "slips.pdf"
    bad = str(fixtures / "problems_bad.xlsx")
    assert main(["print", "slips", bad, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "4 problem(s)" in err and "row 3, column E（电话）" in err
    assert not out.exists()

    assert main(["print", "slips", bad, "--skip-invalid", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "1 parcel(s) for 1 courier(s), 0 unmatched" in said and "row 2" in said
    assert out.exists()

    assert main(["print", "slips", str(fixtures / "problems_hq.xlsx"), "--sheet", "无此表",
                 "-o", str(out)]) == 1  # fmt: skip
    assert "无此表" in capsys.readouterr().err


def test_cli_without_a_file(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "slips.pdf")
    assert main(["print", "slips", "-o", out]) == 2
    assert "print slips FILE" in capsys.readouterr().err
    assert main(["print", "slips", str(tmp_path / "missing.xlsx"), "-o", out]) == 1
    assert "missing.xlsx" in capsys.readouterr().err
    assert main(["print", "handbook", str(fixtures / "problems_hq.xlsx"), "-o", out]) == 2


# ---------------------------------------------------------------- fixtures


def test_fixtures_are_up_to_date(fixtures: Path, tmp_path: Path) -> None:
    for made in make_problem_fixtures(tmp_path):
        assert made.read_bytes() == (fixtures / made.name).read_bytes(), made.name
