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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import cast

from python_calamine import (
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io import limits
from branchdesk.io.limits import LimitExceeded
from branchdesk.io.prescan import Prescan, ScanError, SheetShape, check_shape

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")
_TEXT_SUFFIXES = (".csv", ".txt")
_DELIMITERS = ("\t", ",", ";", "|")
_SNIFF_LINES = 50
_HEAD_BYTES = 64 * 1024
_CHUNK = 1024 * 1024

Cell = object
Range = tuple[tuple[int, int], tuple[int, int]]


class FileReadError(BranchDeskError):
    """The file cannot be read: missing, locked, damaged or of an unsupported kind."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class FormulaWithoutResult:
    """A cell holding a formula whose result was never saved (a file written by a program
    that does not calculate). calamine reads it as empty; the import reports it instead."""

    __slots__ = ("formula",)

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return self.formula

    def __repr__(self) -> str:
        return f"FormulaWithoutResult({self.formula!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FormulaWithoutResult) and other.formula == self.formula

    def __hash__(self) -> int:
        return hash(self.formula)


@dataclass
class RawSheet:
    """A sheet held in memory: row i is spreadsheet row i + 1."""

    file: Path
    name: str
    rows: list[list[object]]
    encoding: str | None = None
    # For a sheet laid out again by an importer (a wide table turned into rows): per row,
    # the spreadsheet row it came from and, per column index, the cell it came from
    # (e.g. {0: "D8"}), so problems name where the text really is.
    origins: list[tuple[int, dict[int, str]]] | None = None

    @property
    def row_hint(self) -> int:
        return len(self.rows)

    def iter_rows(self) -> Iterator[list[object]]:
        return iter(self.rows)

    def head(self, count: int) -> list[list[object]]:
        return self.rows[:count]


class SheetStream:
    """A sheet read row by row, as often as asked (an import validates, then writes), so a
    million-row file is never held as Python lists. Trailing blank rows are left out."""

    def __init__(self, file: Path, name: str, encoding: str | None, row_hint: int) -> None:
        self.file = file
        self.name = name
        self.encoding = encoding
        self.row_hint = row_hint  # about how many rows (for progress)

    def _raw_rows(self) -> Iterator[list[object]]:
        raise NotImplementedError

    def iter_rows(self) -> Iterator[list[object]]:
        blank = 0
        count = 0
        for row in self._raw_rows():
            count += 1
            if count > limits.MAX_ROWS:
                check_shape(self.file, self.name, count, len(row))
            if not any(v is not None for v in row):
                blank += 1
                continue
            while blank:
                blank -= 1
                yield []
            yield row

    def head(self, count: int) -> list[list[object]]:
        return list(islice(self.iter_rows(), count))

    def materialize(self) -> RawSheet:
        rows = _trim(list(self.iter_rows()))
        return RawSheet(file=self.file, name=self.name, rows=rows, encoding=self.encoding)


Sheet = RawSheet | SheetStream


def sheet_names(path: Path, *, visible_only: bool = False) -> list[str]:
    """The names of the sheets in `path`, the visible ones first (the first is the one read
    when none is named), or with `visible_only` the visible ones alone (all where none is);
    a CSV/TXT file has one sheet named after the file."""
    path = Path(path)
    _check_path(path)
    if _is_text(path):
        return [path.stem]
    with _prescan(path):
        workbook = _open_workbook(path)
    try:
        shown, hidden = _shown_and_hidden(workbook)
    finally:
        workbook.close()
    return (shown or hidden) if visible_only else shown + hidden


def _visible_first(workbook: CalamineWorkbook) -> list[str]:
    shown, hidden = _shown_and_hidden(workbook)
    return shown + hidden


def _shown_and_hidden(workbook: CalamineWorkbook) -> tuple[list[str], list[str]]:
    """The sheet names Excel shows (in workbook order), and the hidden ones and those that
    hold no table (charts): the first shown is the one to read when none is named. HQ exports
    often hide a notes or lookup sheet in front of the data, and owners an old table."""
    names = [str(name) for name in workbook.sheet_names]
    try:
        shown = {
            str(meta.name)
            for meta in workbook.sheets_metadata
            if meta.visible == SheetVisibleEnum.Visible and meta.typ == SheetTypeEnum.WorkSheet
        }
    except Exception:  # a format calamine knows no visibility of: the workbook's order
        return names, []
    return [n for n in names if n in shown], [n for n in names if n not in shown]


def read_all_sheets(path: Path) -> list[RawSheet]:
    """Every sheet Excel shows of `path` (every sheet where it shows none; one for a CSV/TXT
    file), in workbook order: a hidden 旧表2019 is not read as a table of today's."""
    return (
        [read_sheet(path, name) for name in sheet_names(path, visible_only=True)]
        if not _is_text(Path(path))
        else [read_sheet(path)]
    )


def read_sheet(path: Path, sheet: str | None = None) -> RawSheet:
    """Read `sheet` (the first visible one when None) of `path` with merged ranges filled,
    all at once."""
    return open_sheet(path, sheet).materialize()


def open_sheet(path: Path, sheet: str | None = None) -> SheetStream:
    """`sheet` (the first visible one when None) of `path` as a stream of rows, merged
    ranges filled.

    Everything that can be checked before the rows are read is checked here: the file's
    size, its structure and the sheet's extent against `limits` (LimitExceeded), damage,
    passwords and the encoding of a text file (FileReadError).
    """
    path = Path(path)
    _check_path(path)
    if _is_text(path):
        return _open_text(path)
    if path.suffix.lower() == ".xls" and _looks_like_text_export(path):
        # HQ systems often save tab-separated text under an .xls name.
        return _open_text(path)
    with _prescan(path) as scan:
        workbook = _open_workbook(path)
        try:
            names = _visible_first(workbook)
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
                shape = scan.sheet(sheet)
            except ScanError as exc:
                raise _damaged(path) from exc
            try:
                calamine_sheet = workbook.get_sheet_by_name(sheet)
                merged = calamine_sheet.merged_cell_ranges
            except Exception as exc:  # calamine raises its own error types for damaged parts
                raise _damaged(path) from exc
        finally:
            workbook.close()
    if scan.kind in ("xlsx", "ods") or merged is None:
        merged = shape.merged  # calamine gives none for .ods; the scan read them for .xlsx
    return _CalamineStream(path, sheet, calamine_sheet, merged, shape)


class _prescan:
    """The structure check of `Prescan`, with its failures turned into the reader's errors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.scan: Prescan | None = None

    def __enter__(self) -> Prescan:
        try:
            self.scan = Prescan(self.path)
        except LimitExceeded:
            raise
        except ScanError as exc:
            raise _damaged(self.path) from exc
        except PermissionError as exc:
            raise _locked(self.path) from exc
        except OSError as exc:
            raise _damaged(self.path) from exc
        return self.scan

    def __exit__(self, *exc: object) -> None:
        if self.scan is not None:
            self.scan.close()


class _CalamineStream(SheetStream):
    def __init__(
        self,
        path: Path,
        name: str,
        sheet: CalamineSheet,
        merged: list[Range],
        shape: SheetShape,
    ) -> None:
        end = sheet.end
        super().__init__(path, name, None, (end[0] + 1) if end else 0)
        self._sheet = sheet
        self._merged = sorted(merged)
        self._blanks: dict[int, list[tuple[int, str]]] = {}
        for (r, c), formula in shape.blank_formulas.items():
            self._blanks.setdefault(r, []).append((c, formula))

    def _raw_rows(self) -> Iterator[list[object]]:
        start = self._sheet.start
        # iter_rows starts at row 1 but at the first used column: pad to column A.
        pad: list[object] = [None] * (start[1] if start else 0)
        merged, blanks = self._merged, self._blanks
        pending = 0  # index of the next merged range to start
        active: list[tuple[int, int, int, object]] = []  # (bottom, left, right, value)
        for r, values in enumerate(self._sheet.iter_rows()):
            row = cast(list[object], [None if v == "" else v for v in values])
            if pad:
                row = pad + row
            if r in blanks:
                for c, formula in blanks[r]:
                    if c >= len(row):
                        row.extend([None] * (c + 1 - len(row)))
                    if row[c] is None:
                        row[c] = FormulaWithoutResult(formula)
            while pending < len(merged) and merged[pending][0][0] <= r:
                (top, left), (bottom, right) = merged[pending]
                pending += 1
                if top == r and left < len(row) and row[left] is not None:
                    active.append((bottom, left, right, row[left]))
            if active:
                active = [a for a in active if a[0] >= r]
                for _bottom, left, right, value in active:
                    if len(row) <= right:
                        row.extend([None] * (right + 1 - len(row)))
                    for c in range(left, right + 1):
                        row[c] = value
            yield row


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
    try:
        limits.check_file_size(path)
    except PermissionError as exc:
        raise _locked(path) from exc
    except OSError as exc:
        raise _damaged(path) from exc


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


def _text_error(path: Path, reason: object) -> FileReadError:
    return FileReadError(
        tr(
            "{file} cannot be read as a table: {reason}. Open it in Excel, save it as .xlsx, "
            "and choose the saved file.",
            file=path.name,
            reason=str(reason),
        ),
        path,
    )


def _chunks(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                yield chunk
    except PermissionError as exc:
        raise _locked(path) from exc
    except OSError as exc:
        raise _damaged(path) from exc


def _encoding(path: Path, head: bytes) -> tuple[str, str, int, str, int]:
    """(codec, errors, BOM length, the encoding's name for the user, newlines counted).

    BOM first; then the first of UTF-8, GBK and GB18030 that decodes the whole file
    strictly (read in chunks, never whole); then charset-normalizer's guess on the start.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", "replace", len(codecs.BOM_UTF8), "utf-8-sig", _newlines(path)
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return name, "replace", len(bom), "utf-16", _newlines(path) // 2
    for name in ("utf-8", "gbk", "gb18030"):
        decoder = codecs.getincrementaldecoder(name)("strict")
        lines = 0
        try:
            for chunk in _chunks(path):
                decoder.decode(chunk)
                lines += chunk.count(b"\n")
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return name, "strict", 0, name, lines
    try:
        from charset_normalizer import from_bytes

        with path.open("rb") as f:
            best = from_bytes(f.read(4 * _CHUNK)).best()
    except Exception:  # charset-normalizer is a last resort; never let it crash a read
        best = None
    if best is not None and best.encoding:
        return best.encoding, "replace", 0, best.encoding, _newlines(path)
    raise FileReadError(
        tr(
            "{file} is not a text file in a known encoding (UTF-8, GBK or GB18030). Open it in "
            "Excel and save it as .xlsx or as “CSV UTF-8”.",
            file=path.name,
        ),
        path,
    )


def _newlines(path: Path) -> int:
    return sum(chunk.count(b"\n") for chunk in _chunks(path))


class _TextStream(SheetStream):
    def __init__(
        self, path: Path, codec: str, errors: str, skip: int, label: str, lines: int, delimiter: str
    ) -> None:
        super().__init__(path, path.stem, label, lines + 1)
        self._codec, self._errors, self._skip, self._delimiter = codec, errors, skip, delimiter

    def _raw_rows(self) -> Iterator[list[object]]:
        path = self.file
        # Cells far over Excel's 32,767 characters are read, so the import names their row.
        csv.field_size_limit(1 << 24)
        try:
            with path.open("rb") as raw:
                raw.seek(self._skip)
                text = io.TextIOWrapper(raw, encoding=self._codec, errors=self._errors, newline="")
                for record in csv.reader(text, delimiter=self._delimiter):
                    if len(record) > limits.MAX_COLUMNS:
                        check_shape(path, None, 1, len(record))
                    yield [v if v != "" else None for v in record]
        except csv.Error as exc:
            raise _text_error(path, exc) from exc
        except UnicodeDecodeError as exc:  # the file changed since its encoding was found
            raise _text_error(path, exc) from exc
        except PermissionError as exc:
            raise _locked(path) from exc
        except OSError as exc:
            raise _damaged(path) from exc


def _open_text(path: Path) -> SheetStream:
    head = _head(path, _HEAD_BYTES)
    if b"\x00" in head[:4096] and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileReadError(
            tr(
                "{file} is not a text file (it contains binary data). If it is an Excel file, "
                "give it the .xlsx extension; otherwise export the table again as CSV.",
                file=path.name,
            ),
            path,
        )
    codec, errors, skip, label, lines = _encoding(path, head)
    sample = head[skip:].decode(codec, errors="ignore")
    return _TextStream(path, codec, errors, skip, label, lines, _sniff_delimiter(sample))
