"""Bad input: every importer, fed random spreadsheets, imports cleanly or refuses cleanly.

Each example builds a file whose header row uses the kind's real column names (so its rows
are parsed) and whose cells are anything a spreadsheet can hold: huge and control-character
text, emoji, full-width and right-to-left text, thousands of digits, NaN and 1e300, dates,
formulas, Excel error values, empty and merged cells; as .xlsx, .ods, CSV/TXT in UTF-8,
GBK, GB18030 or UTF-16, text saved as .xls, or a damaged file; with or without a column
mapping chosen by hand. The problem-parcel list reader and guide packs get the same. The
property: the import returns a report or raises a BranchDeskError (a message for the user),
never another exception; when it raises, every table and search index is exactly as before;
when it writes, the DB passes its integrity, foreign-key and search-index checks.

BRANCHDESK_BAD_INPUT_EXAMPLES sets the examples per importer (default 50) for a longer run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import sqlite3
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, currently_in_test_context, given, settings
from hypothesis import event as hypothesis_event
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from PIL import Image

from branchdesk.complaints.slips import FIELDS as PROBLEM_FIELDS
from branchdesk.complaints.slips import read_problem_list, render, require_printable
from branchdesk.db.engine import Database, open_database
from branchdesk.errors import BranchDeskError
from branchdesk.guides import packs
from branchdesk.handbook import service as handbook
from branchdesk.io.importing import ImportRejected, kinds, run_import, validate
from branchdesk.io.reader import read_sheet
from branchdesk.io.tabular import Field
from tests.conftest import sample_with_work_orders
from tests.unit.db.crash_worker import assert_consistent, snapshot

EXAMPLES = int(os.environ.get("BRANCHDESK_BAD_INPUT_EXAMPLES", "50"))
CAMPAIGN = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # Not Phase.explain: on Python < 3.12 it traces every line to explain a failure, which
    # turned one failing example into a two-minute timeout that hid the real error.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
DATA = Path(__file__).parents[2] / "data"

# --- a database with something to lose ----------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DB file at the head revision holding the sample branch, its handbook and guides,
    and HQ work orders: every importer finds data it could damage."""

    return sample_with_work_orders(tmp_path_factory)


Snapshot = dict[str, tuple[int, str]]


class Copies:
    """A fresh copy of the template DB for each example (a file copy: about 1 ms)."""

    def __init__(self, template: Path, folder: Path) -> None:
        self.template = template
        self.folder = folder
        self.count = 0
        self._before: Snapshot | None = None

    def open(self) -> Database:
        self.count += 1
        path = self.folder / f"example-{self.count}.sqlite3"
        shutil.copyfile(self.template, path)
        db = open_database(path)
        if self._before is None:
            self._before = snapshot(db.engine)
        return db

    @property
    def before(self) -> Snapshot:
        """The rows of a copy just opened: every copy is the same file, so they are those of
        the first copy (taken once, not before each example: a snapshot reads every table)."""
        assert self._before is not None, "open a copy first"
        return self._before

    def close(self, db: Database) -> None:
        db.dispose()
        path = Path(str(db.engine.url.database))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.fixture
def copies(template: Path, tmp_path: Path) -> Copies:
    return Copies(template, tmp_path)


@pytest.fixture
def files(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Paths for the examples' files, each example its own name."""
    counter = itertools.count()
    folder = tmp_path / "files"
    folder.mkdir()

    def name(suffix: str) -> Path:
        return folder / f"input-{next(counter)}{suffix}"

    yield name


@pytest.fixture
def small_unpack_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hostile "bomb" files inflate to 12 MB: an 8 MB limit stands for the real 2 GB."""
    from branchdesk.io import limits

    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 8 << 20)


# --- cell values ----------------------------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    "\u3000",
    "\t\n\r",
    "\x00",
    "\x0b\x0c\x1f",
    "\x7f\x85",
    "😀👨‍👩‍👧‍👦🇨🇳",
    "１２３４５６７８９０１２３",  # full-width digits
    "ＹＴ１２３４５６７８９０１２３",
    "\u202eabc\u202c",  # right-to-left override
    "שלום עולם",
    "مرحبا",
    "\ufeff",
    "\u200b\u200d",
    "'; DROP TABLE waybill; --",
    '"',
    "''",
    "\\",
    "%_",
    "NEAR(",
    "*",
    "^",
    "AND OR NOT",
    "(.*)+$[",
    "{name}",
    "{0}",
    "%s%d",
    "<b>粗</b>&amp;",
    "注：以上数据仅供参考",
    "合计",
    "None",
    "nan",
    "NaN",
    "inf",
    "-0",
    "7.73123E+13",
    "773123456789000",
    "1.5",
    "0x1F",
    "1e309",
    "2026-02-30",
    "2026年13月1日",
    "24:00",
    "25:61",
    "1-5",
    "下午3:30",
    "浙江省宁波市海曙区药行街1号",
    "春江花月（晓风苑、江树苑）；姚江路3号-5号",
]
EXCEL_ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"]
FORMULAS = ["=1/0", "=A1", "=SUM(A1:A9)", '="文本"', "=NA()", "=", "=#REF!"]

huge_text = st.builds(
    lambda unit, n: (unit * n)[:50_000],
    st.text(min_size=1, max_size=6),
    st.integers(min_value=1, max_value=50_000),
)
any_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(NASTY_TEXT),
    st.text(
        alphabet=st.sampled_from("".join(NASTY_TEXT) + "区路号幢栋单双-—~～;；,，、()（）")
    ).map(lambda s: s[:200]),
    huge_text,
    # Thousands of digits: Python refuses int() of more than 4,300 of them.
    st.builds(
        lambda prefix, n, suffix: prefix + "9" * n + suffix,
        st.sampled_from(["", "1-", "药行街"]),
        st.integers(4000, 50_000),
        st.sampled_from(["", "号", "天"]),
    ),
)
numbers = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [0, -1, 0.5, -0.0, 1e300, -1e300, 7.73123e13, 773123456789012.0, 2**53 + 1, 45000, 45000.75]
    ),
)
moments = st.one_of(
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
)
any_cell = st.one_of(
    st.none(),
    any_text,
    numbers,
    st.booleans(),
    moments,
    st.sampled_from(EXCEL_ERRORS + FORMULAS),
)

# Values a real file holds in each column, so that rows pass and the writers run too.
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "number": st.one_of(
        st.from_regex(r"(YT|SF|JT)?[0-9]{12,14}", fullmatch=True),
        st.integers(min_value=10**11, max_value=10**14),
    ),
    "hq_order_no": st.from_regex(r"GD[0-9]{6,12}", fullmatch=True),
    "waybill_no": st.from_regex(r"YT[0-9]{13}", fullmatch=True),
    "phone": st.one_of(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.just("0574-87654321")),
    "province": st.sampled_from(["浙江", "江苏省", "上海市", "广东", "新疆维吾尔自治区"]),
    "city": st.sampled_from(["宁波", "杭州市", "苏州"]),
    "days": st.sampled_from(["1-2", 2, "3天", "1~3"]),
    "express_days": st.sampled_from(["1", 1, None]),
    "cutoff_time": st.sampled_from(["18:30", time(18, 30), 0.75, 18]),
    "area": st.sampled_from(
        ["春江花月", "药行街1-99号单号", "中山西路", "月湖小区1-12幢", "望京路151号以后"]
    ),
    "range": st.sampled_from(["单号", "1-200号", None]),
    "courier": st.sampled_from(["张伟", "李娜", "王强"]),
    "courier_name": st.sampled_from(["张伟", "李娜", "王强"]),
    "category": st.sampled_from(handbook.DEFAULT_CATEGORIES),
    "fine": st.sampled_from(["10元/票", 50, "1-5元/票", "100元"]),
    "type": st.sampled_from(["催件", "丢件", "其他", "修改地址", "投诉"]),
    "received_at": st.sampled_from([datetime(2026, 11, 2, 9), "2026-11-02 10:30"]),
    "due_at": st.sampled_from([datetime(2026, 11, 4, 9), "2026/11/05 10:30", None]),
    "event_date": st.sampled_from([date(2026, 11, 2), "2026-11-02", 46000]),
    "date": st.sampled_from([date(2026, 11, 2), "2026年11月2日"]),
    "effective": st.sampled_from([date(2026, 1, 1), "2026-01-01", None]),
    "updated": st.sampled_from([datetime(2026, 3, 1, 8), "2026/3/1", None]),
    "problem": st.sampled_from(["超时未签收", "漏扫", "无人签收", "其他"]),
}


def cell_for(key: str | None, junk: int) -> st.SearchStrategy[Any]:
    """A cell of column `key`: any value `junk` percent of the time, else a plausible one."""
    if key is None:
        return any_cell
    plausible = PLAUSIBLE.get(
        key, st.text(alphabet="张伟李娜海曙区药行街1号", min_size=1, max_size=12)
    )
    return st.integers(0, 99).flatmap(lambda n: any_cell if n < junk else plausible)


# How much of a file is junk: some files are all junk, most hold a few bad cells only, so
# that valid rows reach the writers too.
JUNK = st.sampled_from([0, 5, 20, 50, 100])


# --- sheets -----------------------------------------------------------------------------

DECORATIONS = ["{}", "{}*", "*{}", "{}(必填)", " {} ", "{}："]


@st.composite
def headers(draw: st.DrawFn, fields: tuple[Field, ...]) -> list[tuple[str | None, str]]:
    """(field key or None for an unknown column, header text), in a random column order."""
    columns: list[tuple[str | None, str]] = []
    for f in fields:
        if draw(st.floats(0, 1)) < (0.95 if f.required else 0.5):
            name = draw(st.sampled_from((*f.synonyms, f.label)))
            columns.append((f.key, draw(st.sampled_from(DECORATIONS)).format(name)))
    columns.extend((None, name) for name in draw(st.lists(any_text, max_size=2)))
    return draw(st.permutations(columns))


@st.composite
def sheets(draw: st.DrawFn, fields: tuple[Field, ...]) -> tuple[list[list[Any]], list[Any]]:
    """Rows (a title row maybe, the header, data rows) and merged ranges (r1, c1, r2, c2)."""
    columns = draw(headers(fields))
    rows: list[list[Any]] = []
    if draw(st.booleans()):
        rows.append([draw(any_text)] + [None] * (len(columns) - 1))
    rows.append([name for _key, name in columns])
    junk = draw(JUNK)
    for _ in range(draw(st.integers(0, 8))):
        rows.append([draw(cell_for(key, junk)) for key, _name in columns])
    merged: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    width = max(len(columns), 1)
    for _ in range(draw(st.integers(0, 3))):
        r1 = draw(st.integers(1, len(rows)))
        c1 = draw(st.integers(1, width))
        r2 = draw(st.integers(r1, len(rows) + 1))
        c2 = draw(st.integers(c1, width))
        cells = {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        if len(cells) > 1 and not cells & taken:
            merged.append((r1, c1, r2, c2))
            taken |= cells
    return rows, merged


def _excel_text(value: str) -> str:
    # openpyxl refuses control characters; Excel stores them escaped as _x000B_.
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def write_xlsx(
    path: Path,
    rows: list[list[Any]],
    merged: list[Any],
    change: Callable[[Any], None] | None = None,
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "导入"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, str):
                value = _excel_text(value)
            elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**63:
                value = float(value)
            sheet.cell(r, c, value)
    for r1, c1, r2, c2 in merged:
        sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    if change is not None:
        change(sheet)
    workbook.save(path)


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def csv_bytes(rows: list[list[Any]], encoding: str, delimiter: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    for row in rows:
        writer.writerow([_csv_text(v) for v in row])
    # GBK cannot encode emoji and much else: those become "?", as a GBK export shows them.
    return out.getvalue().encode(encoding, errors="replace")


ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
)
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _ods_cell(value: Any, span: str) -> str:
    def typed(kind: str, attribute: str, raw: str) -> str:
        shown = escape(_NOT_XML.sub("\ufffd", str(value)))
        return (
            f'<table:table-cell{span} office:value-type="{kind}" '
            f'office:{attribute}="{escape(raw)}"><text:p>{shown}</text:p></table:table-cell>'
        )

    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, bool):
        return typed("boolean", "boolean-value", str(value).lower())
    if isinstance(value, int | float):
        return typed("float", "value", repr(value))  # nan, inf and 1e300 as LibreOffice can't
    if isinstance(value, datetime | date):
        return typed("date", "date-value", value.isoformat())
    if isinstance(value, time):
        return typed("time", "time-value", value.strftime("PT%HH%MM%SS"))
    if isinstance(value, timedelta):
        return typed("time", "time-value", f"PT{value.total_seconds() / 3600:.6f}H")
    return typed("string", "string-value", str(value))


def write_ods(path: Path, rows: list[list[Any]], merged: list[Any]) -> None:
    """A minimal .ods (content.xml and manifest), merged ranges as spanned cells."""
    body = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            span: str | None = ""
            for r1, c1, r2, c2 in merged:
                if (r, c) == (r1, c1):
                    span = (
                        f' table:number-rows-spanned="{r2 - r1 + 1}"'
                        f' table:number-columns-spanned="{c2 - c1 + 1}"'
                    )
                elif r1 <= r <= r2 and c1 <= c <= c2:
                    span = None
            cells.append("<table:covered-table-cell/>" if span is None else _ods_cell(value, span))
        body.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="导入">'
        f"{''.join(body)}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {ODS_NS} '
        f'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{ODS_TYPE}"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", ODS_TYPE, zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def raw_text_bytes(rows: list[list[Any]], text: str, encoding: str, delimiter: str) -> bytes:
    """The header line, then any text at all: stray quotes, ragged lines, lone CRs."""
    header = delimiter.join(_csv_text(v) for v in rows[0])
    return (header + "\n" + text).encode(encoding, errors="replace")


# --- hostile files (issue 11): small files built to exhaust, kill or mislead the reader -------

CONTROL_NAMES = ["导\x1b[2J入", "a\x07b", "\x9b31m", "ok"]


def _far_cell(draw: st.DrawFn) -> str:
    """A cell reference far out, up to Excel's last cell XFD1048576."""
    column = draw(st.integers(1, 16384))
    row = draw(st.integers(1, 1_048_576))
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@st.composite
def hostile_files(
    draw: st.DrawFn, rows: list[list[Any]], merged: list[Any], new_path: Callable[[str], Path]
) -> Path:
    """A sound sheet made hostile: a value at a far cell, a huge merge or ODS span/repeat,
    formulas without a saved result, a part that inflates far beyond the others, control
    characters in the sheet's or the file's name."""
    how = draw(
        st.sampled_from(
            ["far-cell", "far-merge", "ods-span", "ods-repeat", "formula", "bomb", "names"]
        )
    )
    event(f"hostile: {how}")
    suffix = ".ods" if how.startswith("ods") else ".xlsx"
    name = draw(st.sampled_from(CONTROL_NAMES)) if how == "names" else ""
    path = new_path(f"{name}{suffix}") if name else new_path(suffix)
    if suffix == ".ods":
        write_ods(path, rows, merged)
        with zipfile.ZipFile(path) as zf:
            content = zf.read("content.xml").decode("utf-8")
        big = draw(st.sampled_from([16384, 1_048_576, 10**9, 2**31]))
        if how == "ods-span":
            attribute = draw(st.sampled_from(["number-columns-spanned", "number-rows-spanned"]))
        else:
            attribute = draw(st.sampled_from(["number-columns-repeated", "number-rows-repeated"]))
        target = "<table:table-row" if "rows" in attribute else "<table:table-cell"
        content = content.replace(target + " ", f'{target} table:{attribute}="{big}" ', 1)
        content = content.replace(target + ">", f'{target} table:{attribute}="{big}">', 1)
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("mimetype", ODS_TYPE, zipfile.ZIP_STORED)
            zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        return path
    far = _far_cell(draw)
    far_text = _excel_text(draw(any_text)) or "x"
    formulas = [
        (r, draw(st.integers(1, max(1, len(rows[0])))), draw(st.sampled_from(FORMULAS)))
        for r in range(2, len(rows) + 2)
    ]
    title = draw(st.sampled_from(["\u202e表", "导入·1", "工作表\u3000"]))

    def change(sheet: Any) -> None:
        if how == "far-cell":
            sheet[far] = far_text
        elif how == "far-merge":
            sheet.cell(len(rows) + 2, 1, "合并")  # the merge itself is added to the XML below
        elif how == "formula":
            for r, c, formula in formulas:
                if not isinstance(sheet.cell(r, c), MergedCell):
                    sheet.cell(r, c, formula)
        elif how == "names":
            sheet.title = title

    write_xlsx(path, rows, merged, change)
    if how == "far-merge":
        # openpyxl would create a cell object for every cell of the range: write the XML.
        ref = f"A{len(rows) + 2}:{_far_cell(draw)}"
        merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'.encode()
        data = io.BytesIO()
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as dst:
            for info in src.infolist():
                part = src.read(info)
                if info.filename.startswith("xl/worksheets/sheet"):
                    part = re.sub(rb"<mergeCells.*?</mergeCells>", b"", part, flags=re.S)
                    part = part.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
                dst.writestr(info.filename, part, zipfile.ZIP_DEFLATED)
        path.write_bytes(data.getvalue())
    if how == "bomb":
        data = io.BytesIO()
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as dst:
            for info in src.infolist():
                dst.writestr(info.filename, src.read(info), zipfile.ZIP_DEFLATED)
            # 12 MB of spaces in the shared strings: over the test's 8 MB inflate limit.
            dst.writestr("xl/sharedStrings.xml", " " * (12 << 20), zipfile.ZIP_DEFLATED)
        path.write_bytes(data.getvalue())
    return path


FORMATS = ["xlsx", "ods", "csv", "raw-text", "xls-text", "txt", "garbage", "hostile"]
ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le"]


@st.composite
def table_files(
    draw: st.DrawFn, fields: tuple[Field, ...], new_path: Callable[[str], Path]
) -> Path:
    """A file holding a random sheet for `fields`, in a random format and encoding."""
    rows, merged = draw(sheets(fields))
    fmt = draw(st.sampled_from(FORMATS))
    event(f"format: {fmt}")
    if fmt == "hostile":
        return draw(hostile_files(rows, merged, new_path))
    if fmt == "xlsx":
        path = new_path(".xlsx")
        write_xlsx(path, rows, merged)
        return path
    if fmt == "ods":
        path = new_path(".ods")
        write_ods(path, rows, merged)
        return path
    if fmt == "garbage":
        path = new_path(draw(st.sampled_from([".xlsx", ".xls", ".ods", ".csv", ".xlsm"])))
        how = draw(st.sampled_from(["random", "truncated", "flipped", "empty"]))
        if how == "random":
            path.write_bytes(draw(st.binary(max_size=2000)))
        elif how == "empty":
            path.write_bytes(b"")
        else:
            whole = new_path(".xlsx")
            write_xlsx(whole, rows, merged)
            data = bytearray(whole.read_bytes())
            # Positions as fractions: the file's length varies with the time saved in it.
            if how == "truncated":
                data = data[: len(data) * draw(st.integers(0, 999)) // 1000]
            else:
                for _ in range(draw(st.integers(1, 20))):
                    data[len(data) * draw(st.integers(0, 999)) // 1000] = draw(st.integers(0, 255))
            path.write_bytes(bytes(data))
        return path
    encoding = draw(st.sampled_from(ENCODINGS))
    delimiter = draw(st.sampled_from([",", "\t", ";", "|"]))
    suffix = {"csv": ".csv", "raw-text": ".csv", "xls-text": ".xls", "txt": ".txt"}[fmt]
    path = new_path(suffix)
    if fmt == "raw-text":
        lines = st.text(alphabet=st.sampled_from(f'{delimiter}"\r\n 张伟1号a\ufeff'))
        path.write_bytes(raw_text_bytes(rows, draw(lines), encoding, delimiter))
    else:
        path.write_bytes(csv_bytes(rows, encoding, delimiter))
    return path


# --- the property -----------------------------------------------------------------------


def event(text: str) -> None:
    """An outcome for --hypothesis-show-statistics (the fixed examples below have none)."""
    if currently_in_test_context():
        hypothesis_event(text)


class Commits:
    """Whether any connection committed to a DB file since the last look: SQLite's
    `PRAGMA data_version`, read on a connection of its own (it changes when another
    connection commits). No commit means the rows are exactly as before, so a refusal that
    wrote nothing needs no snapshot of every table (a third of an example's time)."""

    def __init__(self, db: Database) -> None:
        self._con = sqlite3.connect(str(db.engine.url.database))
        try:
            self._version = self._read()
        except BaseException:
            self._con.close()
            raise

    def _read(self) -> int:
        return int(self._con.execute("PRAGMA data_version").fetchone()[0])

    def since(self) -> bool:
        version = self._read()
        changed, self._version = version != self._version, version
        return changed

    def close(self) -> None:
        self._con.close()


def refuses_cleanly_or_imports(
    db: Database, action: Callable[[], Any], before: Snapshot
) -> tuple[Any, Snapshot]:
    """Run `action` (an import in one session) on the DB whose rows were `before`;
    BranchDeskError must leave the DB as before. The result (None when refused) and the
    rows after."""
    commits = Commits(db)
    try:
        try:
            result = action()
        except BranchDeskError as exc:
            event(f"refused: {type(exc).__name__}")
            assert str(exc).strip(), "an error without a message for the user"
            after = snapshot(db.engine) if commits.since() else before
            assert after == before, f"partial write after: {exc}"
            return None, after
        after = snapshot(db.engine) if commits.since() else before
    finally:
        commits.close()
    event("written" if after != before else "nothing written")
    assert_consistent(db.engine)
    return result, after


@pytest.mark.parametrize("kind", sorted(kinds()))
@CAMPAIGN
@given(data=st.data())
def test_every_importer_takes_any_sheet(
    kind: str,
    copies: Copies,
    files: Callable[[str], Path],
    data: st.DataObject,
    small_unpack_limit: None,
) -> None:
    spec = kinds()[kind]
    path = data.draw(table_files(tuple(spec.fields), files), label="file")
    skip_invalid = data.draw(st.booleans(), label="skip_invalid")
    dry_run = data.draw(st.booleans(), label="dry_run")
    via_dialog = data.draw(st.booleans(), label="via_dialog")
    options = {"create_categories": data.draw(st.booleans(), label="create_categories")}
    # A column mapping the user chose by hand (remembered in the settings), sound or not.
    names = [name for f in spec.fields for name in f.synonyms]
    manual = data.draw(
        st.none()
        | st.dictionaries(
            st.sampled_from(names) | any_text,
            st.sampled_from([f.key for f in spec.fields] + ["", "no-such-field"]),
            max_size=3,
        ),
        label="manual",
    )
    db = copies.open()
    try:

        def action() -> Any:
            with db.session() as s:
                prepared = None
                if via_dialog:  # the import dialog validates first, then imports
                    prepared = validate(read_sheet(path), spec, manual, session=s, options=options)
                return run_import(
                    s,
                    path,
                    kind,
                    manual=manual,
                    skip_invalid=skip_invalid,
                    dry_run=dry_run,
                    prepared=prepared,
                    options=options,
                )

        report, after = refuses_cleanly_or_imports(db, action, copies.before)
        if report is not None and dry_run:
            assert after == copies.before
    finally:
        copies.close(db)


@CAMPAIGN
@given(data=st.data())
def test_problem_list_reader_takes_any_sheet(
    copies: Copies,
    files: Callable[[str], Path],
    tmp_path: Path,
    data: st.DataObject,
    small_unpack_limit: None,
) -> None:
    path = data.draw(table_files(PROBLEM_FIELDS, files), label="file")
    skip_invalid = data.draw(st.booleans(), label="skip_invalid")
    db = copies.open()
    try:

        def action() -> Any:
            with db.session() as s:
                found = read_problem_list(s, path)
            require_printable(found, skip_invalid=skip_invalid)
            return render(found, tmp_path / "slips.pdf")

        _, after = refuses_cleanly_or_imports(db, action, copies.before)
        assert after == copies.before  # reading a list writes nothing
    finally:
        copies.close(db)


# --- guide packs ------------------------------------------------------------------------


def _png(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, "PNG")
    return out.getvalue()


PICTURES = [_png("white"), _png("orange")]
json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
)
json_values = st.one_of(
    json_leaves,
    st.lists(json_leaves, max_size=4),
    st.dictionaries(st.text(max_size=8), json_leaves | st.lists(json_leaves, max_size=3)),
)


@st.composite
def pack_files(draw: st.DrawFn, new_path: Callable[[str], Path]) -> Path:
    """A guide pack: mostly sound structure, with random fields, members and damage."""
    junk = draw(JUNK)

    def pick(sound: st.SearchStrategy[Any]) -> Any:
        """Mostly a sound value, `junk` percent of the time any JSON at all."""
        return draw(json_values) if draw(st.integers(0, 99)) < junk else draw(sound)

    images = {hashlib.sha256(p).hexdigest(): p for p in PICTURES}
    shas = list(images)
    coordinate = st.floats(0.0, 1.0)
    extent = st.floats(-0.4, 0.4)
    words = st.text(alphabet="月结对账点确认打印 AB12😀", min_size=1, max_size=30)
    wording = st.one_of(words, words, words, any_text)

    def annotation() -> dict[str, Any]:
        mark = {
            "kind": pick(st.sampled_from(["rect", "arrow", "number", "text", "blur"])),
            "x": pick(coordinate),
            "y": pick(coordinate),
        }
        for key, value in (
            ("w", extent),
            ("h", extent),
            ("label", any_text),
            ("color", st.sampled_from(["#1e63c6", "#E53935", "red"])),
        ):
            if draw(st.booleans()):
                mark[key] = pick(value)
        return mark

    def step() -> dict[str, Any]:
        return {
            "instruction": pick(wording),
            "tip": pick(wording),
            "tip_kind": pick(st.sampled_from(["tip", "warning"])),
            "image": pick(
                st.sampled_from([None, *shas])
                if draw(st.integers(0, 99)) >= junk
                else st.just("0" * 64)
            ),
            "annotations": [annotation() for _ in range(draw(st.integers(0, 3)))],
        }

    steps = [step() for _ in range(draw(st.integers(0, 4)))]
    guide = {
        "title": pick(wording),
        "category": pick(st.sampled_from(["财务", "操作", "新分类"]) | wording),
        "owner": pick(wording),
        "summary": pick(wording),
        "version": pick(st.integers()),
        "steps": pick(st.just(steps)),
    }
    document = {
        "format": pick(st.just(packs.FORMAT_NAME)),
        "format_version": pick(st.sampled_from([1] * 8 + [2, 0])),
        "app_version": "0.1",
        "guide": pick(st.just(guide)),
    }
    path = new_path(".zip")
    with zipfile.ZipFile(path, "w") as zf:
        if draw(st.integers(0, 99)) >= junk // 5:
            text = json.dumps(document, ensure_ascii=draw(st.booleans()))
            zf.writestr(packs.GUIDE_JSON, text.encode("utf-8", "surrogatepass"))
        for sha, data in images.items():
            if draw(st.integers(0, 99)) >= junk // 5:
                damaged = draw(st.integers(0, 99)) < junk // 2
                damage = draw(st.sampled_from(["cut", "other"])) if damaged else "none"
                if damage == "cut":
                    data = data[: len(data) // 2]
                elif damage == "other":
                    data = PICTURES[1] if data == PICTURES[0] else PICTURES[0]
                zf.writestr(f"images/{sha}.png", data)
        extra = ["../evil.txt", "/abs.png", "a\\b", "C:x", "images/x.png", packs.GUIDE_JSON]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # a member twice is part of the test
            for name in draw(st.lists(st.sampled_from(extra), max_size=3 if junk > 20 else 0)):
                zf.writestr(name, b"x")
    if draw(st.integers(0, 99)) < junk // 5:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * draw(st.integers(0, 999)) // 1000])
    return path


@CAMPAIGN
@given(data=st.data())
def test_guide_pack_import_takes_any_pack(
    copies: Copies, files: Callable[[str], Path], data: st.DataObject
) -> None:
    path = data.draw(pack_files(files), label="pack")
    db = copies.open()
    try:

        def action() -> Any:
            with db.session() as s:
                return packs.import_pack(s, path, who="测试")

        refuses_cleanly_or_imports(db, action, copies.before)
    finally:
        copies.close(db)


# --- fixed nasty files every run sees, whatever hypothesis draws ---------------------------

WAYBILL_HEADER = ["运单号", "快递公司", "收件人", "收件电话", "收件地址", "状态", "日期", "派件员"]


@pytest.mark.parametrize(
    "row",
    [
        ["#N/A", "中通", "王芳", "#VALUE!", "#DIV/0!", "#REF!", "#N/A", "#NAME?"],
        ["773123456789012", "中通", "x" * 50_000, "13805741234", "😀" * 10_000, "", "", ""],
        ["7.73123E+13", "", "", "", "", "", "", ""],
        [float("nan"), float("inf"), -0.0, 1e300, "", "", "", ""],
        ["\u202eYT1234567890123", "\x00", "'; DROP TABLE waybill; --", "", "", "", "", ""],
        [
            "ＹＴ１２３４５６７８９０１２３",
            "顺丰",
            "王\u3000芳",
            "１３８０５７４１２３４",
            "",
            "",
            "",
            "",
        ],
    ],
    ids=["excel-errors", "huge", "rounded", "nan-inf", "rtl-nul-sql", "full-width"],
)
@pytest.mark.parametrize("fmt", ["xlsx", "csv-gbk", "csv-gb18030"])
def test_known_nasty_waybill_rows(
    row: list[Any], fmt: str, copies: Copies, files: Callable[[str], Path]
) -> None:
    rows = [WAYBILL_HEADER, row]
    if fmt == "xlsx":
        path = files(".xlsx")
        write_xlsx(path, rows, [])
    else:
        path = files(".csv")
        path.write_bytes(csv_bytes(rows, fmt.split("-")[1], ","))
    db = copies.open()
    try:
        before = copies.before
        for skip_invalid in (False, True):

            def action(skip: bool = skip_invalid) -> Any:
                with db.session() as s:
                    return run_import(s, path, "waybills", skip_invalid=skip)

            _, before = refuses_cleanly_or_imports(db, action, before)
    finally:
        copies.close(db)


def test_commits_sees_an_import_that_writes_and_none_for_a_refusal(
    copies: Copies, files: Callable[[str], Path]
) -> None:
    # The campaigns trust "no commit" to mean "rows as before": it must see a real write.
    good = files(".csv")
    good.write_bytes(
        csv_bytes([WAYBILL_HEADER, ["YT9900000000001", "圆通"] + [""] * 6], "utf-8", ",")
    )
    bad = files(".csv")
    bad.write_bytes(csv_bytes([["目的省", "标准时效"], ["浙江", "9" * 4301]], "utf-8", ","))
    db = copies.open()
    commits = Commits(db)
    try:
        with pytest.raises(ImportRejected), db.session() as s:
            run_import(s, bad, "times")
        assert not commits.since()
        with db.session() as s:
            run_import(s, good, "waybills")
        assert commits.since()
        assert not commits.since()
    finally:
        commits.close()
        copies.close(db)


# --- bugs this campaign found: each crashed the import, now each is a cell problem ---------


def test_days_with_thousands_of_digits_is_a_cell_problem(
    copies: Copies, files: Callable[[str], Path]
) -> None:
    # int() of more than 4,300 digits raises ValueError (Python's limit), not CellError.
    path = files(".csv")
    path.write_bytes(csv_bytes([["目的省", "标准时效"], ["浙江", "9" * 4301]], "utf-8", ","))
    db = copies.open()
    try:
        with pytest.raises(ImportRejected, match="row 2"), db.session() as s:
            run_import(s, path, "times")
    finally:
        copies.close(db)


@pytest.mark.parametrize(
    ("volume", "said"),
    [
        ("9" * 4301, "the number is too large (more than 19 digits)"),
        ("9" * 20, "the number is too large (more than 19 digits)"),
        ("1e300", "a whole number is expected"),
        ("1" + "0" * 7, "a daily volume between 0 and 1,000,000 parcels is expected"),
    ],
)
def test_a_customer_volume_with_thousands_of_digits_is_a_cell_problem(
    copies: Copies, files: Callable[[str], Path], volume: str, said: str
) -> None:
    # The same limit in the shared whole-number parser (customers' daily volume): ValueError;
    # and a number past SQLite's 64-bit INTEGER would have failed at the insert.
    path = files(".csv")
    rows = [["客户名称", "电话", "日均件量"], ["宁波甬优贸易", "13805741234", volume]]
    path.write_bytes(csv_bytes(rows, "utf-8", ","))
    db = copies.open()
    try:
        with pytest.raises(ImportRejected, match="row 2") as refused, db.session() as s:
            run_import(s, path, "customers")
        assert said in str(refused.value)
    finally:
        copies.close(db)


def test_work_order_created_in_year_9999_without_deadline(
    copies: Copies, files: Callable[[str], Path]
) -> None:
    # The default deadline, creation time + the category's hours, overflowed (OverflowError).
    path = files(".csv")
    rows = [["工单号", "工单类型", "创建时间"], ["GD20261122001", "催件", "9999-12-31 23:00"]]
    path.write_bytes(csv_bytes(rows, "utf-8", ","))
    db = copies.open()
    try:
        with pytest.raises(ImportRejected, match="row 2"), db.session() as s:
            run_import(s, path, "complaints")
    finally:
        copies.close(db)
