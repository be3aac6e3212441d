"""Look at a spreadsheet's structure before python-calamine reads it, so no file can kill us.

calamine turns a sheet into one dense grid sized by its farthest cell: a 5 KB .xlsx with one
value at XFD1048576 asks for 17 billion cells and the process aborts in Rust (no Python
exception to catch). So before calamine sees a file we read, without building anything
large, where its cells really are:

- .xlsx/.xlsm: the zip's parts are inflated as a stream and their real bytes counted (a
  header may lie about the size); the sheet's XML is scanned with regular expressions in
  chunks for the reference of every cell that holds something, its merged ranges and its
  formulas without a saved result; the shared strings and styles are only counted.
- .ods: content.xml (all sheets: calamine reads them all when it opens the file) is parsed
  as a stream, with row and column repeats and spans applied.
- .xls: the BIFF records of the workbook stream are walked for the row and column of every
  cell (the format caps rows at 65,536 but a record may name column 65,535).

Chosen over reading in a child process: the scan names the limit, the sheet and the cell in
its refusal, costs one pass of inflating and regex matching (no Python object per cell), and
needs no second process (slow to start on Windows, awkward in a frozen app).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from xml.etree import ElementTree as ET

from branchdesk.i18n import tr
from branchdesk.io import limits
from branchdesk.io.limits import LimitExceeded

Range = tuple[tuple[int, int], tuple[int, int]]

_CHUNK = 4 * 1024 * 1024
_MAX_META_BYTES = 64 * 1024 * 1024  # workbook.xml and relationship parts
_MAX_BLANK_FORMULAS = 100_000


class ScanError(Exception):
    """The structure cannot be read: the reader reports the file as damaged."""


@dataclass
class SheetShape:
    """Where one sheet's cells are: all 0-based, `rows`/`columns` count from A1."""

    rows: int = 0
    columns: int = 0
    merged: list[Range] = field(default_factory=list)
    # Cells holding a formula whose result was never saved, with the formula's text.
    blank_formulas: dict[tuple[int, int], str] = field(default_factory=dict)


def column_index(letters: bytes | str) -> int:
    """b"A" → 0, b"XFD" → 16383."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def cell_name(row: int, column: int) -> str:
    letters = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _place(path: Path, sheet: str | None) -> str:
    if sheet:
        return tr("{file}, sheet {sheet}", file=path.name, sheet=sheet)
    return path.name


def check_shape(path: Path, sheet: str | None, rows: int, columns: int) -> None:
    """Refuse a sheet whose used area (from A1) exceeds the rows, columns or cells limits."""
    if (
        rows <= limits.MAX_ROWS
        and columns <= limits.MAX_COLUMNS
        and rows * columns <= limits.MAX_CELLS
    ):
        return
    raise LimitExceeded(
        tr(
            "{place}: the sheet uses cells up to {cell} ({rows} rows × {columns} columns); "
            "BranchDesk reads at most {max_rows} rows, {max_columns} columns and {max_cells} "
            "cells of a sheet. Delete the rows and columns far below or to the right of the "
            "table (or copy only the table into a new workbook), save, and choose the file "
            "again.",
            place=_place(path, sheet),
            cell=cell_name(max(rows, 1) - 1, max(columns, 1) - 1),
            rows=f"{rows:,}",
            columns=f"{columns:,}",
            max_rows=f"{limits.MAX_ROWS:,}",
            max_columns=f"{limits.MAX_COLUMNS:,}",
            max_cells=f"{limits.MAX_CELLS:,}",
        ),
        path,
    )


def _too_many_merged(path: Path, sheet: str | None, count: int) -> LimitExceeded:
    return LimitExceeded(
        tr(
            "{place}: the sheet has {count} merged ranges; BranchDesk reads at most {limit}. "
            "Unmerge the cells (Home → Merge & Center), save, and choose the file again.",
            place=_place(path, sheet),
            count=f"{count:,}",
            limit=f"{limits.MAX_MERGED:,}",
        ),
        path,
    )


def _unpacks_too_large(path: Path, part: str) -> LimitExceeded:
    return LimitExceeded(
        tr(
            "{file}: its part {part} unpacks to more than {limit} MB, more than any table "
            "BranchDesk reads (or the file is built to fill the memory). Open it in Excel, "
            "copy only the table into a new workbook, save it, and choose that file.",
            file=path.name,
            part=part,
            limit=limits.megabytes(limits.MAX_UNPACKED_BYTES),
        ),
        path,
    )


# --- counted reading of zip parts ---------------------------------------------------------


class _Budget:
    """Real inflated bytes of one file's parts, against MAX_UNPACKED_BYTES."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.used = 0

    def take(self, size: int, part: str) -> None:
        self.used += size
        if self.used > limits.MAX_UNPACKED_BYTES:
            raise _unpacks_too_large(self.path, part)


def _chunks(archive: zipfile.ZipFile, name: str, budget: _Budget) -> Generator[bytes, None, None]:
    """The inflated bytes of member `name`, chunk by chunk, each counted against the budget."""
    info = archive.getinfo(name)
    if info.file_size > limits.MAX_UNPACKED_BYTES:
        raise _unpacks_too_large(budget.path, name)
    try:
        with archive.open(info) as member:
            # zipfile stops at the declared size and checks the CRC there: a member that
            # inflates past its header fails its check instead of running on.
            while True:
                chunk = member.read(_CHUNK)
                if not chunk:
                    return
                budget.take(len(chunk), name)
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ScanError(str(exc)) from exc


def _read_part(archive: zipfile.ZipFile, name: str, budget: _Budget, limit: int) -> bytes:
    out = bytearray()
    for chunk in _chunks(archive, name, budget):
        out += chunk
        if len(out) > limit:
            raise _unpacks_too_large(budget.path, name)
    return bytes(out)


def _count_part(archive: zipfile.ZipFile, name: str, budget: _Budget) -> None:
    for _chunk in _chunks(archive, name, budget):
        pass


def _xml(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ScanError("a document type declaration")  # never in a real workbook
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ScanError(str(exc)) from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# --- xlsx ---------------------------------------------------------------------------------

# What Excel, WPS and openpyxl write: `<c r="B7" …>` with the reference first and no prefix;
# "[^>/]*>" leaves out the self-closing (empty, maybe styled) cells. Four times faster
# than the general pattern below, which is used for a piece only when this one misses
# cells.
_CELL_REF_COMMON = re.compile(rb'<c r="([A-Z]{1,4})([0-9]{1,9})"[^>/]*>')
_CELL_REF = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br="([A-Za-z]{1,4})([0-9]{1,9})"[^>]*?(?<!/)>'
)
_CELL_END = (b"</c>", b":c>")
_FORMULA_CELL = re.compile(
    rb'<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Za-z]{1,4})([0-9]{1,9})"[^>]*?(?<!/)>'
    rb"((?:(?!</(?:[\w.-]+:)?c>).)*?)</(?:[\w.-]+:)?c>",
    re.DOTALL,
)
_HAS_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s/>]")


def _might_hold_formulas(piece: bytes) -> bool:
    """A quick look (bytes.find) before the slower regex: "<f" or a prefixed ":f"."""
    return b"<f" in piece or b":f>" in piece or b":f " in piece


_FORMULA_TEXT = re.compile(rb"<(?:[\w.-]+:)?f(?:\s[^>]*)?>(.*?)</(?:[\w.-]+:)?f>", re.DOTALL)
_VALUE = re.compile(rb"<(?:[\w.-]+:)?(?:v|is)(?:\s[^>]*)?>\s*[^<\s]")
_MERGE = re.compile(
    rb'<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref="([A-Za-z]{1,4})([0-9]{1,9})'
    rb'(?::([A-Za-z]{1,4})([0-9]{1,9}))?"'
)
# The exact walk, for sheets whose cells do not all carry a reference.
_TOKEN = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c|v|is|f)\b([^>]*?)(/?)>")
_ATTR_R = re.compile(rb'\br="([A-Za-z]{0,4})([0-9]{1,9})"')


@dataclass
class _Walk:
    """Where the exact walk of a sheet is."""

    row: int = -1
    col: int = -1
    in_cell: bool = False
    value: bool = False
    formula: bool = False


class _XlsxScan:
    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.budget = _Budget(path)
        self.sheets: dict[str, str] = {}  # sheet name → part name
        names = set(archive.namelist())
        workbook = self._office_document(names)
        rels = self._rels(workbook, names)
        root = _xml(_read_part(archive, workbook, self.budget, _MAX_META_BYTES))
        for element in root.iter():
            if _local(element.tag) != "sheet":
                continue
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
            target = rels.get(rid or "")
            if target is not None:
                self.sheets[element.get("name", "")] = target
        # What calamine reads when it opens the workbook: inflate and count it now.
        base = posixpath.dirname(workbook)
        for name in sorted(names):
            lower = name.lower()
            if lower.startswith(f"{base}/sharedstrings") or lower.startswith(f"{base}/styles"):
                _count_part(archive, name, self.budget)

    def _office_document(self, names: set[str]) -> str:
        if "_rels/.rels" in names:
            root = _xml(_read_part(self.archive, "_rels/.rels", self.budget, _MAX_META_BYTES))
            for rel in root:
                if rel.get("Type", "").endswith("/officeDocument"):
                    target = rel.get("Target", "").lstrip("/")
                    if target in names:
                        return target
        if "xl/workbook.xml" in names:
            return "xl/workbook.xml"
        raise ScanError("no workbook part")

    def _rels(self, workbook: str, names: set[str]) -> dict[str, str]:
        base, leaf = posixpath.split(workbook)
        rels_name = posixpath.join(base, "_rels", leaf + ".rels")
        if rels_name not in names:
            return {}
        root = _xml(_read_part(self.archive, rels_name, self.budget, _MAX_META_BYTES))
        found = {}
        for rel in root:
            target = rel.get("Target", "")
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = posixpath.normpath(posixpath.join(base, target))
            if part in names:
                found[rel.get("Id", "")] = part
        return found

    def sheet(self, name: str) -> SheetShape:
        part = self.sheets.get(name)
        if part is None:
            # calamine found a sheet we did not: scan every worksheet part, the largest wins.
            shapes = [self._scan(p, name) for p in sorted(set(self.sheets.values()))]
            return max(shapes, key=lambda s: s.rows * s.columns, default=SheetShape())
        return self._scan(part, name)

    def _scan(self, part: str, sheet: str) -> SheetShape:
        shape = SheetShape()
        # closing(): a refusal raised mid-sheet must not leave the zip member open.
        with closing(self._pieces(part)) as pieces:
            for piece in pieces:
                if not self._fast(piece, shape, sheet):
                    break
            else:
                return shape
        # A cell without a reference (or a "</c>" the fast count cannot place): walk the
        # sheet again, tag by tag, as calamine does.
        shape = SheetShape()
        state = _Walk()
        with closing(self._pieces(part)) as pieces:
            for piece in pieces:
                self._exact(piece, shape, sheet, state)
        return shape

    def _pieces(self, part: str) -> Generator[bytes, None, None]:
        """The part's XML in pieces that end after a row (so no cell is cut in two)."""
        rest = b""
        for chunk in _chunks(self.archive, part, self.budget):
            data = rest + chunk
            cut = max(data.rfind(b"</row>"), data.rfind(b":row>"))
            if cut < 0:
                if len(data) <= 16 * _CHUNK:
                    rest = data
                    continue
                cut = data.rfind(b">")  # one enormous row: cut after any tag
            end = data.index(b">", cut) + 1
            rest = data[end:]
            yield data[:end]
        if rest:
            yield rest

    def _fast(self, piece: bytes, shape: SheetShape, sheet: str) -> bool:
        ends = piece.count(_CELL_END[0]) + piece.count(_CELL_END[1])
        refs = _CELL_REF_COMMON.findall(piece)
        if ends != len(refs):
            refs = _CELL_REF.findall(piece)
            if ends != len(refs):
                return False
        if refs:
            rows = set(map(itemgetter(1), refs))
            shape.rows = max(shape.rows, max(map(int, rows)))
            letters = set(map(itemgetter(0), refs))
            shape.columns = max(shape.columns, max(column_index(c) for c in letters) + 1)
            check_shape(self.path, sheet, shape.rows, shape.columns)
        if _might_hold_formulas(piece) and _HAS_FORMULA.search(piece):
            for letters, row, body in _FORMULA_CELL.findall(piece):
                if _HAS_FORMULA.search(body) and not _VALUE.search(body):
                    self._blank_formula(shape, int(row) - 1, column_index(letters), body)
        self._merges(piece, shape, sheet)
        return True

    def _merges(self, piece: bytes, shape: SheetShape, sheet: str) -> None:
        if b"mergeCell" in piece:
            for c1, r1, c2, r2 in _MERGE.findall(piece):
                top, left = int(r1) - 1, column_index(c1)
                bottom = int(r2) - 1 if r2 else top
                right = column_index(c2) if c2 else left
                self._merge(shape, sheet, top, left, bottom, right)

    def _blank_formula(self, shape: SheetShape, row: int, col: int, body: bytes) -> None:
        if len(shape.blank_formulas) >= _MAX_BLANK_FORMULAS:
            return
        m = _FORMULA_TEXT.search(body)
        text = m.group(1).decode("utf-8", "replace") if m else ""
        shape.blank_formulas[(row, col)] = "=" + _unescape(text)

    def _merge(
        self, shape: SheetShape, sheet: str, top: int, left: int, bottom: int, right: int
    ) -> None:
        top, bottom = sorted((top, bottom))
        left, right = sorted((left, right))
        if top < 0 or left < 0 or (top, left) == (bottom, right):
            return
        shape.merged.append(((top, left), (bottom, right)))
        if len(shape.merged) > limits.MAX_MERGED:
            raise _too_many_merged(self.path, sheet, len(shape.merged))
        # A merged value is copied into every cell of its range: the range counts as used.
        check_shape(self.path, sheet, bottom + 1, right + 1)

    def _exact(self, piece: bytes, shape: SheetShape, sheet: str, walk: _Walk) -> None:
        for m in _TOKEN.finditer(piece):
            closing, tag, attrs, empty = m.group(1), m.group(2), m.group(3), m.group(4)
            if tag == b"row":
                if not closing:
                    r = _ATTR_R.search(attrs)
                    walk.row = int(r.group(2)) - 1 if r else walk.row + 1
                    walk.col = -1
            elif tag == b"c":
                if closing:
                    if walk.in_cell and (walk.value or walk.formula):
                        self._used(shape, sheet, walk.row, walk.col)
                        blank = walk.formula and not walk.value
                        if blank and len(shape.blank_formulas) < _MAX_BLANK_FORMULAS:
                            shape.blank_formulas[(walk.row, walk.col)] = "="
                    walk.in_cell = False
                    continue
                r = _ATTR_R.search(attrs)
                if r and r.group(1):
                    walk.row, walk.col = int(r.group(2)) - 1, column_index(r.group(1))
                else:
                    walk.col += 1
                walk.in_cell, walk.value, walk.formula = not empty, False, False
            elif not closing and not empty:
                if tag == b"f":
                    walk.formula = True
                else:
                    walk.value = True
        self._merges(piece, shape, sheet)

    def _used(self, shape: SheetShape, sheet: str, row: int, col: int) -> None:
        if row + 1 > shape.rows or col + 1 > shape.columns:
            shape.rows = max(shape.rows, row + 1)
            shape.columns = max(shape.columns, col + 1)
            check_shape(self.path, sheet, shape.rows, shape.columns)


_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}


def _unescape(text: str) -> str:
    return re.sub(r"&(?:lt|gt|amp|quot|apos);", lambda m: _ENTITIES[m.group(0)], text)


# --- ods ----------------------------------------------------------------------------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class _Stream(io.RawIOBase):
    """A readable file object over counted chunks, for ElementTree.iterparse."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._rest:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._rest = chunk
        n = min(len(buffer), len(self._rest))
        buffer[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n


def _count(element: ET.Element, name: str) -> int:
    raw = element.get(_TABLE + name, "1")
    try:
        value = int(raw)
    except ValueError:
        return 1
    return max(1, value)


def _scan_ods(path: Path, archive: zipfile.ZipFile) -> dict[str, SheetShape]:
    budget = _Budget(path)
    for name in archive.namelist():
        if name.endswith(".xml") and name != "content.xml":
            _count_part(archive, name, budget)
    if "content.xml" not in archive.namelist():
        raise ScanError("no content.xml")
    shapes: dict[str, SheetShape] = {}
    t = _TABLE
    table = t + "table"
    row_tag, cell_tags = t + "table-row", (t + "table-cell", t + "covered-table-cell")
    shape: SheetShape | None = None
    sheet = ""
    row = col = 0
    row_used = 0  # columns used in the current row (so far)
    row_spans: list[tuple[int, int, int, int]] = []
    chunks = _chunks(archive, "content.xml", budget)
    stream = io.BufferedReader(_Stream(chunks), _CHUNK)
    try:
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == table:
                    sheet = element.get(t + "name", "")
                    shape = shapes.setdefault(sheet, SheetShape())
                    row = 0
                elif tag == row_tag:
                    col, row_used, row_spans = 0, 0, []
                continue
            if tag in cell_tags and shape is not None:
                repeat = _count(element, "number-columns-repeated")
                filled = (
                    element.get(_OFFICE + "value-type") is not None
                    or len(element) > 0
                    or element.get(t + "formula") is not None
                )
                if filled:
                    row_used = col + repeat
                    formula = element.get(t + "formula")
                    blank = element.get(_OFFICE + "value-type") is None and len(element) == 0
                    room = len(shape.blank_formulas) < _MAX_BLANK_FORMULAS
                    if formula is not None and blank and room:
                        shape.blank_formulas[(row, col)] = "=" + formula.split(":=", 1)[-1]
                rows_spanned = _count(element, "number-rows-spanned")
                cols_spanned = _count(element, "number-columns-spanned")
                if (rows_spanned > 1 or cols_spanned > 1) and filled:
                    row_spans.append((col, rows_spanned, cols_spanned, repeat))
                col += repeat
                if col > limits.MAX_COLUMNS and filled:
                    check_shape(path, sheet, row + 1, col)
                element.clear()
            elif tag == row_tag and shape is not None:
                repeat = _count(element, "number-rows-repeated")
                if row_used:
                    last = row + repeat
                    shape.rows = max(shape.rows, last)
                    shape.columns = max(shape.columns, row_used)
                    check_shape(path, sheet, shape.rows, shape.columns)
                for start, rows_spanned, cols_spanned, _rep in row_spans:
                    top, left = row, start
                    bottom, right = row + rows_spanned - 1, start + cols_spanned - 1
                    shape.merged.append(((top, left), (bottom, right)))
                    if len(shape.merged) > limits.MAX_MERGED:
                        raise _too_many_merged(path, sheet, len(shape.merged))
                    check_shape(path, sheet, bottom + 1, right + 1)
                row += repeat
                element.clear()
            elif tag == table:
                element.clear()
    except ET.ParseError as exc:
        raise ScanError(str(exc)) from exc
    finally:
        chunks.close()  # the zip member, even when a limit stopped the parse
    return shapes


# --- xls ----------------------------------------------------------------------------------

_XLS_CELLS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0204, 0x0205, 0x00D6, 0x0001, 0x0003, 0x0004}
_MULRK = 0x00BD
_BOF, _EOF = 0x0809, 0x000A


def _scan_xls(path: Path) -> SheetShape:
    """The farthest cell of any sheet of an .xls (BIFF8/BIFF5 in an OLE container)."""
    import olefile

    try:
        ole = olefile.OleFileIO(str(path))
    except Exception as exc:  # olefile raises several kinds for damaged containers
        raise ScanError(str(exc)) from exc
    try:
        name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
        if name is None:
            raise ScanError("no workbook stream")
        if ole.get_size(name) > limits.MAX_FILE_BYTES:
            raise limits.file_too_large(path, ole.get_size(name))
        data = ole.openstream(name).read()
    except LimitExceeded:
        raise
    except ScanError:
        raise
    except Exception as exc:
        raise ScanError(str(exc)) from exc
    finally:
        ole.close()
    shape = SheetShape()
    unpack = struct.unpack_from
    pos, end = 0, len(data)
    max_row = max_col = -1
    while pos + 4 <= end:
        kind, length = unpack("<HH", data, pos)
        body = pos + 4
        pos = body + length
        if kind in _XLS_CELLS and length >= 4:
            row, col = unpack("<HH", data, body)
            if row > max_row:
                max_row = row
            if col > max_col:
                max_col = col
        elif kind == _MULRK and length >= 6:
            row = unpack("<H", data, body)[0]
            last = unpack("<H", data, body + length - 2)[0]
            if row > max_row:
                max_row = row
            if last > max_col:
                max_col = last
    shape.rows, shape.columns = max_row + 1, max_col + 1
    check_shape(path, None, shape.rows, shape.columns)
    return shape


# --- the entry point ----------------------------------------------------------------------


class Prescan:
    """The structure of one file, read before calamine opens it (see the module's doc).

    `Prescan(path)` checks what calamine reads on opening (raises LimitExceeded or
    ScanError); `sheet(name)` checks one sheet before calamine loads it and says where its
    merged ranges and unsaved formula results are.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind = ""
        self._xlsx: _XlsxScan | None = None
        self._ods: dict[str, SheetShape] = {}
        self._xls: SheetShape | None = None
        head = _head(path)
        if head.startswith(b"PK\x03\x04"):
            try:
                archive = zipfile.ZipFile(path)
            # NotImplementedError: an entry claims a zip version newer than zipfile's (6.3).
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                ValueError,
                OSError,
                NotImplementedError,
            ) as exc:
                raise ScanError(str(exc)) from exc
            self._archive: zipfile.ZipFile | None = archive
            names = archive.namelist()
            try:
                if "content.xml" in names and "xl/workbook.xml" not in names:
                    self.kind = "ods"
                    self._ods = _scan_ods(path, archive)
                else:
                    self.kind = "xlsx"
                    self._xlsx = _XlsxScan(path, archive)
            except BaseException:
                archive.close()
                raise
        elif head.startswith(b"\xd0\xcf\x11\xe0"):
            self._archive = None
            self.kind = "xls"
            self._xls = _scan_xls(path)
        else:
            self._archive = None  # not a container: calamine refuses it without allocating

    def sheet(self, name: str) -> SheetShape:
        if self._xlsx is not None:
            return self._xlsx.sheet(name)
        if self.kind == "ods":
            return self._ods.get(name, SheetShape())
        if self._xls is not None:
            return SheetShape(self._xls.rows, self._xls.columns)
        return SheetShape()

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()

    def __enter__(self) -> Prescan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _head(path: Path, size: int = 8) -> bytes:
    with path.open("rb") as f:
        return f.read(size)
