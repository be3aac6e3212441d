"""Read one sheet of a spreadsheet or delimited text file into rows of plain cell values.

Excel (.xlsx/.xlsm/.xls) and .ods go through python-calamine; merged ranges are filled so a
merged street or courier cell applies to every row it spans. CSV/TXT exports from HQ systems
come in UTF-8, UTF-8 with BOM, GBK or GB18030, with comma, tab or semicolon separators.
Row i of `RawSheet.rows` is spreadsheet row i + 1, so messages can name the row the user sees.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from xml.etree import ElementTree as ET

from python_calamine import CalamineWorkbook, PasswordError

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")
_TEXT_SUFFIXES = (".csv", ".txt")
_DELIMITERS = ("\t", ",", ";", "|")
_SNIFF_LINES = 50

Cell = object
Range = tuple[tuple[int, int], tuple[int, int]]


class FileReadError(BranchDeskError):
    """The file cannot be read: missing, locked, damaged or of an unsupported kind."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass
class RawSheet:
    file: Path
    name: str
    rows: list[list[object]]
    encoding: str | None = None
    # For a sheet laid out again by an importer (a wide table turned into rows): per row,
    # the spreadsheet row it came from and, per column index, the cell it came from
    # (e.g. {0: "D8"}), so problems name where the text really is.
    origins: list[tuple[int, dict[int, str]]] | None = None


def sheet_names(path: Path) -> list[str]:
    """The names of the sheets in `path`; a CSV/TXT file has one sheet named after the file."""
    path = Path(path)
    _check_path(path)
    if _is_text(path):
        return [path.stem]
    workbook = _open_workbook(path)
    try:
        return [str(name) for name in workbook.sheet_names]
    finally:
        workbook.close()


def read_all_sheets(path: Path) -> list[RawSheet]:
    """Every sheet of `path` (one for a CSV/TXT file), in workbook order."""
    return (
        [read_sheet(path, name) for name in sheet_names(path)]
        if not _is_text(Path(path))
        else [read_sheet(path)]
    )


def read_sheet(path: Path, sheet: str | None = None) -> RawSheet:
    """Read `sheet` (the first when None) of `path` with merged ranges filled."""
    path = Path(path)
    _check_path(path)
    if _is_text(path):
        return _read_text(path)
    if path.suffix.lower() == ".xls" and _looks_like_text_export(path):
        # HQ systems often save tab-separated text under an .xls name.
        return _read_text(path)
    workbook = _open_workbook(path)
    try:
        names = [str(name) for name in workbook.sheet_names]
        if not names:
            raise FileReadError(
                tr(
                    "{file} contains no sheets. Open it in Excel, check it, and save it again.",
                    file=path.name,
                ),
                path,
            )
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise FileReadError(
                tr(
                    "{file} has no sheet named “{sheet}”. Its sheets are: {names}.",
                    file=path.name,
                    sheet=sheet,
                    names="、".join(names),
                ),
                path,
            )
        try:
            calamine_sheet = workbook.get_sheet_by_name(sheet)
            values = calamine_sheet.to_python(skip_empty_area=False)
            merged = calamine_sheet.merged_cell_ranges
        except Exception as exc:  # calamine raises its own error types for damaged parts
            raise _damaged(path) from exc
    finally:
        workbook.close()
    # Empty cells come as "": make them None, copying only the rows that have any.
    rows = cast(
        list[list[object]],
        [[None if v == "" else v for v in row] if "" in row else row for row in values],
    )
    if merged is None:
        merged = _fallback_merged_ranges(path, sheet)
    _fill_merged(rows, merged)
    return RawSheet(file=path, name=sheet, rows=_trim(rows))


# --- checks and errors ------------------------------------------------------------------


def _is_text(path: Path) -> bool:
    return path.suffix.lower() in _TEXT_SUFFIXES


def _check_path(path: Path) -> None:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise FileReadError(
            tr(
                "{file} is not a file BranchDesk can read. Save it from Excel as .xlsx "
                "(or .xls, .ods, .csv) and choose that file.",
                file=path.name,
            ),
            path,
        )
    if not path.is_file():
        raise FileReadError(
            tr(
                "{file} cannot be found. Check that it has not been moved or renamed.",
                file=path.name,
            ),
            path,
        )


def _damaged(path: Path) -> FileReadError:
    return FileReadError(
        tr(
            "{file} cannot be read: it is damaged or not really a {kind} file. Open it in "
            "Excel or WPS, save it again as .xlsx, and choose the saved file.",
            file=path.name,
            kind=path.suffix.lower().lstrip("."),
        ),
        path,
    )


def _locked(path: Path) -> FileReadError:
    return FileReadError(
        tr(
            "{file} cannot be opened: it is open in another program or you may not read it. "
            "Close it in Excel and try again.",
            file=path.name,
        ),
        path,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise _locked(path) from exc
    except OSError as exc:
        raise _damaged(path) from exc


# --- Excel and ODS ----------------------------------------------------------------------


def _open_workbook(path: Path) -> CalamineWorkbook:

    try:
        with path.open("rb"):
            pass
    except PermissionError as exc:
        raise _locked(path) from exc
    except OSError as exc:
        raise _damaged(path) from exc
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise FileReadError(
            tr(
                "{file} is protected by a password. Open it in Excel, remove the password "
                "(File → Info → Protect Workbook), save it, and try again.",
                file=path.name,
            ),
            path,
        ) from exc
    except Exception as exc:  # CalamineError, ZipError, XmlError, and IO errors inside
        if _head(path).lstrip().lower().startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
            raise FileReadError(
                tr(
                    "{file} is a web page saved with a spreadsheet name, as some HQ systems "
                    "export it. Open it in Excel, save it as .xlsx, and choose the saved file.",
                    file=path.name,
                ),
                path,
            ) from exc
        raise _damaged(path) from exc


def _head(path: Path, size: int = 512) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(size)
    except OSError:
        return b""


def _looks_like_text_export(path: Path) -> bool:
    """An .xls/.xlsx that is really delimited text (no zip or OLE signature, no NUL bytes)."""
    head = _head(path, 4096)
    if not head or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if b"\x00" in head or head.lstrip().startswith(b"<"):
        return False
    try:
        text = _decode(head, path, partial=True)[0]
    except FileReadError:
        return False
    return any(d in text for d in ("\t", ","))


def _fallback_merged_ranges(path: Path, sheet: str) -> list[Range]:
    """Merged ranges when calamine does not report them (it does not for .ods)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".ods":
            return _ods_merged_ranges(path, sheet)
        if suffix in (".xlsx", ".xlsm"):
            return _openpyxl_merged_ranges(path, sheet)
    except Exception as exc:  # a damaged part we could not parse for merges
        raise _damaged(path) from exc
    return []


def _openpyxl_merged_ranges(path: Path, sheet: str) -> list[Range]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=False)
    try:
        ranges = workbook[sheet].merged_cells.ranges
        return [((r.min_row - 1, r.min_col - 1), (r.max_row - 1, r.max_col - 1)) for r in ranges]
    finally:
        workbook.close()


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_merged_ranges(path: Path, sheet: str) -> list[Range]:
    t = _ODS_TABLE
    ranges: list[Range] = []
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        in_sheet = False
        row = col = 0
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == t + "table":
                    in_sheet = element.get(t + "name") == sheet
                    row = 0
                elif tag == t + "table-row":
                    col = 0
                continue
            if tag in (t + "table-cell", t + "covered-table-cell"):
                if in_sheet:
                    rows_spanned = int(element.get(t + "number-rows-spanned", "1"))
                    cols_spanned = int(element.get(t + "number-columns-spanned", "1"))
                    if rows_spanned > 1 or cols_spanned > 1:
                        ranges.append(
                            ((row, col), (row + rows_spanned - 1, col + cols_spanned - 1))
                        )
                    col += int(element.get(t + "number-columns-repeated", "1"))
                element.clear()
            elif tag == t + "table-row":
                row += int(element.get(t + "number-rows-repeated", "1"))
                element.clear()
            elif tag == t + "table":
                if in_sheet:
                    break
                element.clear()
    return ranges


def _fill_merged(rows: list[list[object]], merged: list[Range]) -> None:
    for (top, left), (bottom, right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        if value is None:
            continue
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            line = rows[r]
            if len(line) <= right:
                line.extend([None] * (right + 1 - len(line)))
            for c in range(left, right + 1):
                line[c] = value


def _trim(rows: list[list[object]]) -> list[list[object]]:
    """Drop trailing fully-empty rows and columns; every row gets the same width."""
    end = len(rows)
    while end and all(v is None for v in rows[end - 1]):
        end -= 1
    rows = rows[:end]
    width = max(map(len, rows), default=0)
    # Shrink while the last column is empty everywhere (any() stops at the first value).
    while width and not any(len(r) >= width and r[width - 1] is not None for r in rows):
        width -= 1
    for i, row in enumerate(rows):
        if len(row) > width:
            rows[i] = row[:width]
        elif len(row) < width:
            row.extend([None] * (width - len(row)))
    return rows


# --- CSV and TXT ------------------------------------------------------------------------


def _decode(data: bytes, path: Path, partial: bool = False) -> tuple[str, str]:
    """Text and encoding name: BOM first, then strict UTF-8, GBK and GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), "utf-16"
    errors = "ignore" if partial else "strict"  # a 4 KB sample may cut a character in two
    for name in ("utf-8", "gbk", "gb18030"):
        try:
            text = data.decode(name, errors="strict")
        except UnicodeDecodeError as exc:
            if partial and exc.start >= len(data) - 4:
                return data.decode(name, errors=errors), name
            continue
        return text, name
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # charset-normalizer is a last resort; never let it crash a read
        best = None
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise FileReadError(
        tr(
            "{file} is not a text file in a known encoding (UTF-8, GBK or GB18030). Open it in "
            "Excel and save it as .xlsx or as “CSV UTF-8”.",
            file=path.name,
        ),
        path,
    )


def _sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the same number of fields most often."""
    sample = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        if not any(delimiter in line for line in sample):
            continue
        try:
            counts = [len(fields) for fields in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:
            continue
        width, frequency = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (frequency, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_text(path: Path) -> RawSheet:
    data = _read_bytes(path)
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileReadError(
            tr(
                "{file} is not a text file (it contains binary data). If it is an Excel file, "
                "give it the .xlsx extension; otherwise export the table again as CSV.",
                file=path.name,
            ),
            path,
        )
    text, encoding = _decode(data, path)
    delimiter = _sniff_delimiter(text)
    csv.field_size_limit(1 << 24)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise FileReadError(
            tr(
                "{file} cannot be read as a table: {reason}. Open it in Excel, save it as .xlsx, "
                "and choose the saved file.",
                file=path.name,
                reason=str(exc),
            ),
            path,
        ) from exc
    rows: list[list[object]] = [[v if v != "" else None for v in record] for record in records]
    return RawSheet(file=path, name=path.stem, rows=_trim(rows), encoding=encoding)
