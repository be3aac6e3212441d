"""The import framework every table import shares: header detection, column mapping,
cell parsing and validation, with every problem named by file, sheet, row and column.

Pure Python: it turns a sheet (a `RawSheet` or a streamed `SheetStream`) into `Prepared` rows
and problems; the per-kind writers decide what to store. Parsers are called on every cell, so
their common paths avoid regexes and translation look-ups; `tr()` is only called once a
problem is found.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import cast

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import commas, tr
from branchdesk.io.limits import MAX_CELL_CHARS
from branchdesk.io.reader import FormulaWithoutResult, Sheet


class CellError(ValueError):
    """Raised by a field parser; str() says, for the user, what the cell should hold."""


class ImportCancelled(Exception):
    """Raised by a progress callback when the user cancels an import."""


class HeaderNotFound(BranchDeskError):
    """No header row with all required columns; the message names them and accepted names."""

    def __init__(self, message: str, missing: Sequence[Field] = ()) -> None:
        super().__init__(message)
        self.missing = list(missing)


# --- cell parsers -----------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000  # 1954-10-03 … 2119-01-10
_MAX_EXACT = 2**53
_DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?")
_TIME_TEXT = re.compile(r"(\d{1,2})\s*(?::|点|时)\s*(?:(\d{1,2})\s*(?::\s*\d{1,2}(?:\.\d+)?|分)?)?")
_DECIMAL_ZERO = re.compile(r"[+-]?\d+\.0*")
_PHONE = re.compile(r"\+?\d[\d-]{3,}\d(?:(?:转|#|,|ext\.?|x)\d{1,6})?", re.IGNORECASE)
_WAYBILL = re.compile(r"[0-9A-Z][0-9A-Z-]*")


# Control characters no text field takes: C0 but tab, line feed and carriage return; DEL; C1.
# Refused in every field alike (a NUL or ESC in a cell is damage or an attack, never data);
# the problem shows the character as \x1b so the user can find it (Excel's CLEAN removes it).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible_controls(text: str) -> str:
    """`text` with each control character shown as \\x1b (for messages and terminals)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def cell_issue(value: object) -> str | None:
    """What makes a raw cell unusable whatever its column means, or None.

    Control characters, text longer than an Excel cell holds, and a formula whose result was
    never saved (read as empty by calamine: importing it would silently lose the value).
    """
    cls = value.__class__
    if cls is str:
        text = cast(str, value)
        if len(text) > MAX_CELL_CHARS:
            return tr(
                "the cell holds {length} characters; a cell may hold at most {limit} (Excel's "
                "own limit). Shorten it in the file and import again",
                length=f"{len(text):,}",
                limit=f"{MAX_CELL_CHARS:,}",
            )
        if not text.isprintable():
            found = _CONTROL.search(text)
            if found is not None:
                return tr(
                    "the cell contains a control character ({char}) that is not text; remove "
                    "it (in Excel: =CLEAN(…) or Find and Replace) and import again",
                    char=f"\\x{ord(found.group()):02x}",
                )
        return None
    if cls is FormulaWithoutResult:
        return tr(
            "the formula {formula} has no calculated result (the file was saved by a program "
            "that does not calculate formulas). Open the file in Excel or WPS, save it there, "
            "and import it again",
            formula=str(value),
        )
    return None


def _is_empty(value: object) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return f"{value:.15g}"


def _excel_shows(number: float) -> str:
    """How Excel's General format shows a long number: 7.73123E+13."""
    mantissa, exponent = f"{number:.5E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E+{int(exponent):02d}"


def _rounded(number: int) -> bool:
    """Whether a long integral number looks like one Excel rounded.

    Excel keeps 15 significant digits and shows numbers of 12+ digits as 7.73123E+13; a
    value saved from that display keeps only the shown digits, followed by zeros. A real
    waybill number rarely ends in three zeros, so 12+ digits ending in 000 count as rounded.
    """
    text = str(abs(number))
    length = len(text)
    if length > 15:
        return True
    if length < 12:
        return False
    return length - len(text.rstrip("0")) >= 3


def _rounded_error(shown: str) -> CellError:
    return CellError(
        tr(
            "the number was rounded by Excel (shown as {shown}); format the column as Text "
            "in Excel and export again",
            shown=shown,
        )
    )


def text(value: object) -> str | None:
    """Cell text, stripped; empty → None; a number stored as a number loses its ".0"."""
    if value is None:
        return None
    if value.__class__ is str:
        stripped = value.strip()
        return stripped or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return _number_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M") if value.second == 0 else value.strftime("%H:%M:%S")
    stripped = str(value).strip()
    return stripped or None


def required_text(value: object) -> str:
    result = text(value)
    if result is None:
        raise CellError(tr("a value is required here"))
    return result


def digits(value: object) -> str | None:
    """A phone or waybill number as text; a number Excel already rounded is an error.

    Letters stay (YT…, SF…, JD…); spaces are removed. "7.73123E+13" as text, or a float
    that ends in the zeros Excel's rounding leaves, raises CellError.
    """
    if value is None:
        return None
    if value.__class__ is str:
        s = value.strip()
        if not s:
            return None
        if s.isascii() and s.isdigit():
            return s
        if " " in s or "\u3000" in s or "\t" in s:
            s = "".join(s.split())
        upper = s.upper()
        if "E+" in upper:
            raise _rounded_error(s)
        if "." in s and _DECIMAL_ZERO.fullmatch(s):
            return s.split(".", 1)[0]
        return s
    cls = value.__class__
    if cls is float or (cls is not bool and isinstance(value, float)):
        number = float(value)  # type: ignore[arg-type]
        if number != number:  # NaN
            return None
        if not number.is_integer() or number < 0:
            raise CellError(tr("a number without decimals is expected here"))
        if number >= _MAX_EXACT or (number >= 1e11 and _rounded(int(number))):
            raise _rounded_error(_excel_shows(number))
        return str(int(number))
    if cls is int or (cls is not bool and isinstance(value, int)):
        integral = int(value)  # type: ignore[call-overload]
        if integral < 0:
            raise CellError(tr("a number is expected here (digits and letters only)"))
        if _rounded(integral):
            raise _rounded_error(_excel_shows(integral))
        return str(integral)
    if isinstance(value, bool | date | time):
        raise CellError(tr("a number is expected here (digits and letters only)"))
    return digits(str(value))


def phone(value: object) -> str | None:
    """A mobile or landline number: digits, optionally +86, hyphens and an extension."""
    result = digits(value)
    if result is None:
        return None
    if not (result.isascii() and result.isdigit()) and not _PHONE.fullmatch(result):
        raise CellError(
            tr("a phone number is expected (digits only, e.g. 13805741234 or 0574-87654321)")
        )
    return result


def waybill_no(value: object) -> str | None:
    """A waybill number: digits and upper-case letters (and hyphens of 子母件 numbers)."""
    result = digits(value)
    if result is None:
        return None
    result = result.upper()
    if not (result.isascii() and _WAYBILL.fullmatch(result)):
        raise CellError(
            tr("a waybill number is expected (digits and letters only, e.g. YT1234567890123)")
        )
    return result


# A whole number a database column holds (SQLite's INTEGER is 64-bit, 19 digits). Text is
# checked by its length before int(): Python refuses to convert over 4,300 digits (ValueError).
_LARGEST_INTEGER = 2**63 - 1


def integer(value: object) -> int | None:
    if value is None:
        return None
    number: int | None = None
    if value.__class__ is int:
        number = value
    elif isinstance(value, float) and not math.isnan(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        s = value.strip().replace(",", "").replace("，", "")
        if not s:
            return None
        if s.isascii() and s.isdigit():
            whole, digits_only = s, s
        elif _DECIMAL_ZERO.fullmatch(s):  # 12.0 or -3.00, as a spreadsheet writes a number
            whole = s.split(".", 1)[0]
            digits_only = whole.lstrip("+-")
        else:
            whole = digits_only = ""
        if digits_only:
            # Leading zeros are no size, but int() counts them towards its 4,300 digits.
            significant = digits_only.lstrip("0") or "0"
            if len(significant) > 19:
                raise CellError(tr("the number is too large (more than 19 digits)"))
            number = -int(significant) if whole.startswith("-") else int(significant)
    if number is None:
        raise CellError(tr("a whole number is expected here, e.g. 12"))
    if abs(number) > _LARGEST_INTEGER:
        raise CellError(tr("the number is too large (more than 19 digits)"))
    return number


def date_value(value: object) -> date | None:
    """A date from a real date, an Excel serial number or text like 2026-11-22 / 2026年11月22日."""
    if value is None:
        return None
    if value.__class__ is str and len(value) == 10 and value[4] == "-":
        try:  # the common ISO form, without the general parser
            return date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            if _SERIAL_MIN <= value <= _SERIAL_MAX:
                return _EXCEL_EPOCH + timedelta(days=int(value))
            if isinstance(value, int) or value.is_integer():
                return _compact_date(str(int(value)))
        elif value.__class__ is str:
            s = value.strip()
            if not s:
                return None
            s = unicodedata.normalize("NFKC", s)
            match = _DATE_TEXT.fullmatch(s)
            if match:
                return date(int(match[1]), int(match[2]), int(match[3]))
            if s.isascii() and s.isdigit():
                if len(s) == 5 and _SERIAL_MIN <= int(s) <= _SERIAL_MAX:
                    return _EXCEL_EPOCH + timedelta(days=int(s))
                return _compact_date(s)
    except ValueError:
        pass  # a day or month out of range, e.g. 2026-02-30
    raise CellError(tr("a date is expected here, e.g. 2026-11-22"))


def _compact_date(s: str) -> date:
    if len(s) != 8:
        raise ValueError(s)
    return date(int(s[:4]), int(s[4:6]), int(s[6:]))


def time_text(value: object) -> str | None:
    """A time of day as "HH:MM", from a time, an Excel fraction of a day, or text like 18:30."""
    if value is None:
        return None
    hour = minute = -1
    if isinstance(value, datetime | time):
        hour, minute = value.hour, value.minute
    elif isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        hour, minute = divmod(minutes, 60)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            minutes = round(value * 24 * 60)
            hour, minute = divmod(minutes, 60)
        elif isinstance(value, int) or value.is_integer():
            hour, minute = int(value), 0  # a bare hour such as 18
    elif value.__class__ is str:
        s = unicodedata.normalize("NFKC", value.strip())
        if not s:
            return None
        match = _TIME_TEXT.fullmatch(s)
        if match:
            hour, minute = int(match[1]), int(match[2] or 0)
        elif s.isascii() and s.isdigit() and len(s) <= 2:
            hour, minute = int(s), 0
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return f"{hour:02d}:{minute:02d}"
    if hour == 24 and minute == 0:
        return "24:00"
    raise CellError(tr("a time of day is expected here, e.g. 18:30"))


# --- fields, problems and results -------------------------------------------------------


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False
    parse: Callable[[object], object] = text
    # A blank cell means "same as above" (a grouping column whose merged cells Excel saved
    # as CSV: only the first row keeps the value). With `fill_follows`, only while that
    # field is itself blank in the row (a courier's phone is not carried to the next one).
    fill_down: bool = False
    fill_follows: str | None = None
    # How well a column's cells fit this field (0-1), to choose among columns whose headers
    # all name it (片区 = 城东二片 beside 道路/小区): the best reading wins.
    content: Callable[[Sequence[object]], float] | None = None


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str
    row: int | None
    column: str | None
    value: object
    message: str

    def __str__(self) -> str:
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(tr("sheet {sheet}", sheet=self.sheet))
        if self.row is not None:
            parts.append(tr("row {row}", row=self.row))
        if self.column:
            parts.append(tr("column {column}", column=self.column))
        place = commas(parts)
        if _is_empty(self.value):
            if not place:
                return self.message
            return tr("{place}: {message}", place=place, message=self.message)
        shown = show_value(self.value)
        if not place:
            return tr("'{value}' — {message}", value=shown, message=self.message)
        return tr("{place}: '{value}' — {message}", place=place, value=shown, message=self.message)


_SHOWN_CHARS = 200


def show_value(value: object) -> str:
    """A cell value as the user saw it in the spreadsheet (control characters as \\x1b,
    a very long text cut after 200 characters)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    shown = text(value)
    if shown is None:
        return ""
    if len(shown) > _SHOWN_CHARS:
        shown = shown[:_SHOWN_CHARS] + "…"
    return shown if shown.isprintable() else visible_controls(shown)


@dataclass
class ParsedRow:
    row_no: int
    values: dict[str, object]
    raw: dict[str, object]
    sheet: str = ""
    # (field key or None, message): the row is imported, but read only in part
    warnings: list[tuple[str | None, str]] = field(default_factory=list)


@dataclass
class Prepared:
    file: Path
    sheet: str
    header_row: int
    mapping: dict[int, str]
    headers: list[str]
    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0
    total: int = 0
    filled: int = 0  # blank grouping cells filled from the row above
    # field key → (chosen column, [(column, content score) …]) where several columns fit
    choices: dict[str, tuple[int, list[tuple[int, float]]]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # rows imported, read in part
    notes: list[str] = field(default_factory=list)  # for the report (a sheet skipped …)
    valid: int = 0  # valid rows, whether kept in `rows` or not (an import streams them)
    reader: RowReader | None = None  # to parse the rows again (a streamed import)

    @property
    def ok(self) -> bool:
        return not self.problems


RowCheck = Callable[[ParsedRow], list[tuple[str | None, str]]]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_label(index: int, header: str) -> str:
    """How problems name a column: its letter and header, e.g. C（手机）."""
    return f"{column_letter(index)}（{header}）" if header else column_letter(index)


# --- header detection -------------------------------------------------------------------

_HEADER_SUFFIXES = ("(必填)", "(选填)", "(可选)", "(必选)", "(必须)", "必填", "*", ":", "★")


def normalize_header(value: object) -> str:
    """Header text for comparison: half-width, no spaces, no * / ： / (必填) marks, lower case."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value))
    s = "".join(s.split())
    changed = True
    while changed and s:
        changed = False
        for suffix in _HEADER_SUFFIXES:
            if s.endswith(suffix) and len(s) > len(suffix):
                s = s[: -len(suffix)]
                changed = True
        while s[:1] in ("*", "★") and len(s) > 1:
            s = s[1:]
            changed = True
    return s.lower()


def _header_text(value: object) -> str:
    shown = text(value)
    return shown if shown is not None else ""


def _map_row(
    row: Sequence[object], fields: Sequence[Field], manual: Mapping[str, str]
) -> dict[int, str]:
    """Column index → field key for one candidate header row."""
    keys = {f.key for f in fields}
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    normalized = [normalize_header(v) for v in row]
    ignored: set[int] = set()
    for col, name in enumerate(normalized):
        if name and name in manual:
            key = manual[name]
            if key in keys and key not in taken:
                mapping[col] = key
                taken.add(key)
            else:
                ignored.add(col)  # the user chose "do not import" for this column
    candidates: list[tuple[int, int, int, str]] = []
    for col, name in enumerate(normalized):
        if not name or col in mapping or col in ignored:
            continue
        for f in fields:
            if f.key in taken:
                continue
            for synonym in _synonyms(f):
                if name == synonym:
                    candidates.append((3, len(synonym), -col, f.key))
                elif len(synonym) >= 2 and synonym in name:
                    # Chinese headers put the head noun last: 业务员手机 is a phone number.
                    kind = 2 if name.endswith(synonym) else 1
                    candidates.append((kind, len(synonym), -col, f.key))
    candidates.sort(reverse=True)
    for _kind, _length, neg_col, key in candidates:
        col = -neg_col
        if col in mapping or key in taken:
            continue
        mapping[col] = key
        taken.add(key)
    return dict(sorted(mapping.items()))


_synonym_cache: dict[Field, tuple[str, ...]] = {}


def _synonyms(f: Field) -> tuple[str, ...]:
    cached = _synonym_cache.get(f)
    if cached is None:
        names = [normalize_header(s) for s in (*f.synonyms, f.label)]
        cached = tuple(dict.fromkeys(n for n in names if n))
        _synonym_cache[f] = cached
    return cached


def detect_header(
    rows: list[list[object]],
    fields: Sequence[Field],
    manual: Mapping[str, str] | None = None,
    search_rows: int = 30,
) -> tuple[int, dict[int, str]]:
    """The 1-based header row and its column → field key mapping.

    The header is the row among the first `search_rows` that maps the most fields (the
    first on a tie), so title rows above it are passed over. Raises HeaderNotFound when a
    required field has no column.
    """
    return _detect_header(rows, fields, manual, search_rows, "", "")


def _detect_header(
    rows: list[list[object]],
    fields: Sequence[Field],
    manual: Mapping[str, str] | None,
    search_rows: int,
    file: str,
    sheet: str,
    *,
    empty: bool | None = None,
) -> tuple[int, dict[int, str]]:
    manual_norm = {normalize_header(k): v for k, v in (manual or {}).items()}
    best_row, best_mapping = -1, dict[int, str]()
    names = {normalize_header(s) for f in fields for s in _synonyms(f)} | set(manual_norm)
    for index, row in enumerate(rows[:search_rows]):
        if _title_row(row) and not _one_header(row, names):
            continue  # a merged title, its text repeated across the merge: never the header
        mapping = _map_row(row, fields, manual_norm)
        if len(mapping) > len(best_mapping):
            best_row, best_mapping = index, mapping
    if empty is None:
        empty = not any(any(not _is_empty(v) for v in row) for row in rows)
    if empty:
        raise HeaderNotFound(_empty_message(file, sheet))
    mapped = set(best_mapping.values())
    missing = [f for f in fields if f.required and f.key not in mapped]
    if best_row < 0 or missing:
        if not missing:
            missing = list(fields)
        found = rows[best_row] if best_row >= 0 else _first_filled(rows)
        raise HeaderNotFound(_missing_message(file, sheet, missing, found, best_row), missing)
    return best_row + 1, best_mapping


def _title_row(row: Sequence[object]) -> bool:
    """One distinct text in the whole row (a title, merged or not)."""
    seen: object = None
    for value in row:
        if _is_empty(value):
            continue
        if seen is None:
            seen = value
        elif value != seen:
            return False
    return seen is not None


def _one_header(row: Sequence[object], names: set[str]) -> bool:
    """A row of one text that is exactly a column name (运单号): a one-column table's header,
    not a title (a title names a table or a courier, never exactly one column)."""
    value = next((v for v in row if not _is_empty(v)), None)
    return value is not None and normalize_header(value) in names


def choose_by_content(
    rows: list[list[object]],
    header_row: int,
    mapping: dict[int, str],
    fields: Sequence[Field],
    manual: Mapping[str, str] | None = None,
    sample: int = 60,
) -> dict[str, tuple[int, list[tuple[int, float]]]]:
    """Move a field to the column whose cells read best as it, among the columns whose header
    names it (changes `mapping` in place); returns the choices made, for the preview."""
    header = rows[header_row - 1]
    manual_keys = {normalize_header(k) for k in (manual or {})}
    body = rows[header_row : header_row + sample]
    choices: dict[str, tuple[int, list[tuple[int, float]]]] = {}
    for f in fields:
        if f.content is None:
            continue
        names = _synonyms(f)
        columns = []
        for col, value in enumerate(header):
            name = normalize_header(value)
            if not name or name in manual_keys:
                continue
            if any(name == s or (len(s) >= 2 and s in name) for s in names):
                columns.append(col)
        if len(columns) < 2:
            continue
        scored = [(c, f.content([r[c] for r in body if c < len(r)])) for c in columns]
        best = max(scored, key=lambda cs: (cs[1], -cs[0]))[0]
        current = next((c for c, k in mapping.items() if k == f.key), None)
        if current is not None and current != best:
            displaced = mapping.pop(best, None)
            mapping[best] = f.key
            del mapping[current]
            if displaced is not None:
                mapping[current] = displaced
        choices[f.key] = (best, scored)
    return choices


def _first_filled(rows: list[list[object]]) -> list[object]:
    return next((row for row in rows if any(not _is_empty(v) for v in row)), [])


def _place(file: str, sheet: str) -> str:
    if file and sheet:
        return tr("{file}, sheet {sheet}", file=file, sheet=sheet)
    return file or sheet


def _empty_message(file: str, sheet: str) -> str:
    place = _place(file, sheet)
    message = tr("The sheet is empty. Choose the sheet that holds the table.")
    return tr("{place}: {message}", place=place, message=message) if place else message


def _missing_message(
    file: str, sheet: str, missing: Sequence[Field], found: Sequence[object], found_row: int
) -> str:
    place = _place(file, sheet)
    lines = [tr("No column found for: {columns}.", columns="、".join(tr(f.label) for f in missing))]
    if place:
        lines[0] = tr("{place}: {message}", place=place, message=lines[0])
    for f in missing:
        lines.append(
            tr(
                "“{label}” is read from a column headed: {names}",
                label=tr(f.label),
                names="、".join(f.synonyms) or f.label,
            )
        )
    headers = [h for h in (_header_text(v) for v in found) if h]
    if headers:
        row = found_row + 1 if found_row >= 0 else None
        lines.append(
            tr(
                "The header row found (row {row}) has: {headers}.",
                row=row,
                headers="、".join(headers),
            )
            if row is not None
            else tr("The first row has: {headers}.", headers="、".join(headers))
        )
    lines.append(
        tr(
            "Rename the column header in the file to one of these names, or choose the column "
            "by hand."
        )
    )
    return "\n".join(lines)


# --- preparing rows ---------------------------------------------------------------------

_NOTE_PREFIXES = ("注", "备注", "说明", "合计", "小计", "制表", "总计")
_NOTE_FIRST = frozenset(prefix[0] for prefix in _NOTE_PREFIXES)
_TOTAL_PREFIXES = ("合计", "小计", "总计")
_PROGRESS_EVERY = 1000


def _note_row(row: Sequence[object]) -> bool:
    """A remark, signature or totals row: one distinct text that starts with 注/备注/合计/…

    A merged note row is filled into every cell, so one *distinct* value counts as one cell.
    """
    first: object = None
    for value in row:
        if value is None or (value.__class__ is str and not value.strip()):
            continue
        if first is None:
            if value.__class__ is not str:
                return False
            first = value
            stripped = value.strip()
            if not stripped.startswith(_NOTE_PREFIXES):
                return False
            if stripped.startswith(_TOTAL_PREFIXES):
                return True  # totals rows carry numbers in other columns
        elif value != first:
            return False
    return first is not None


class RowReader:
    """The header of a sheet found once; its data rows parsed as often as asked.

    An import parses a file twice instead of keeping a million parsed rows: once to
    validate (keeping only the problems), once more to write (`rows(skip=…)`).
    """

    def __init__(
        self,
        raw: Sheet,
        fields: Sequence[Field],
        *,
        manual: Mapping[str, str] | None = None,
        row_check: RowCheck | None = None,
    ) -> None:
        self.raw = raw
        self.row_check = row_check
        self.file, self.sheet = raw.file.name, raw.name
        head = raw.head(30)
        empty = not any(any(not _is_empty(v) for v in row) for row in head) and not any(
            any(not _is_empty(v) for v in row) for row in raw.iter_rows()
        )
        self.header_row, mapping = _detect_header(
            head, fields, manual, 30, self.file, self.sheet, empty=empty
        )
        # Which of several columns named alike reads as the field (a sample of the body).
        self.choices = choose_by_content(
            raw.head(self.header_row + 60), self.header_row, mapping, fields, manual
        )
        self.mapping = dict(sorted(mapping.items()))
        header_cells = head[self.header_row - 1]
        headers = [_header_text(v) for v in header_cells]
        while headers and not headers[-1] and len(headers) > max(self.mapping) + 1:
            headers.pop()  # empty trailing columns of a CSV with a delimiter at each line end
        self.headers = headers
        by_key = {f.key: f for f in fields}
        self.columns = [
            (
                col,
                key,
                by_key[key].parse,
                by_key[key].required,
                column_label(col, headers[col] if col < len(headers) else ""),
            )
            for col, key in self.mapping.items()
        ]
        self.column_of = {key: label for _c, key, _p, _r, label in self.columns}
        self.empty_values: dict[str, object] = dict.fromkeys(by_key)
        self.first_col = self.columns[0][0]
        self.first_header = (
            header_cells[self.first_col] if self.first_col < len(header_cells) else None
        )
        self.header_norm = [
            normalize_header(header_cells[c]) if c < len(header_cells) else ""
            for c, *_ in self.columns
        ]
        # Grouping columns whose blank cells mean "same as above".
        self.fill = [
            (col, key, by_key[key].fill_follows)
            for col, key in self.mapping.items()
            if by_key[key].fill_down
        ]

    def new_result(self) -> Prepared:
        return Prepared(
            file=self.raw.file,
            sheet=self.sheet,
            header_row=self.header_row,
            mapping=self.mapping,
            headers=self.headers,
            choices=self.choices,
        )

    def rows(
        self,
        result: Prepared,
        progress: Callable[[int, int], None] | None = None,
        skip: frozenset[int] | set[int] = frozenset(),
    ) -> Iterator[ParsedRow]:
        """The valid data rows, in order; problems, skipped and total rows go to `result`.

        Rows whose number is in `skip` are passed over unparsed (rows found invalid before).
        """
        file, sheet, header_row = self.file, self.sheet, self.header_row
        columns, column_of, empty_values = self.columns, self.column_of, self.empty_values
        first_col, first_header, header_norm = self.first_col, self.first_header, self.header_norm
        row_check = self.row_check
        problems = result.problems
        required_missing = ""
        total_rows = max(0, self.raw.row_hint - header_row)
        skipped = 0
        offset = -1
        fill = self.fill
        above: dict[str, object] = {}  # the last value of each fill-down column
        filled_count = 0
        # A sheet assembled from another layout (one column per courier) knows each cell's
        # own row and column, for messages that name the cell the user sees.
        origins = getattr(self.raw, "origins", None)
        if progress is not None:
            progress(0, total_rows)
        for offset, row in enumerate(islice(self.raw.iter_rows(), header_row, None)):
            if progress is not None and offset and offset % _PROGRESS_EVERY == 0:
                progress(offset, max(total_rows, offset))
            row_no = header_row + offset + 1
            if origins is not None and header_row + offset < len(origins):
                row_no = origins[header_row + offset][0]
            width = len(row)
            first = row[0] if width else None
            if (first is None or (first.__class__ is str and first[:1] in _NOTE_FIRST)) and (
                _note_row(row)
            ):
                skipped += 1
                continue
            if fill:
                row, filled_here = _fill_down(row, fill, above)
                width = len(row)
                filled_count += filled_here
            if row_no in skip:
                continue
            values = dict(empty_values)
            raw_values = dict(empty_values)
            filled = False
            issues: list[tuple[str, object, str | None]] = []  # (column, value, message or None)
            for col, key, parse, required, label in columns:
                value = row[col] if col < width else None
                if value is None:
                    if required:
                        issues.append((label, None, None))
                    continue
                raw_values[key] = value
                if value.__class__ is str and not value.strip():
                    if required:
                        issues.append((label, value, None))
                    continue
                filled = True
                if value.__class__ is not str or not value.isprintable() or len(value) > 1000:
                    issue = cell_issue(value)
                    if issue is not None:
                        issues.append((label, value, issue))
                        continue
                try:
                    values[key] = parse(value)
                except CellError as exc:
                    issues.append((label, value, str(exc)))
            if not filled:
                skipped += 1  # nothing in any imported column
                continue
            if (
                first_col < width
                and row[first_col] == first_header
                and header_norm
                == [normalize_header(row[c]) if c < width else "" for c, *_ in columns]
            ):
                skipped += 1  # the header repeated, as on every printed page
                continue
            where_of = column_of
            if origins is not None and header_row + offset < len(origins):
                real = origins[header_row + offset][1]
                where_of = {k: real.get(c, column_of[k]) for c, k, *_ in columns}
            if issues:
                for label, value, message in issues:
                    if message is None:
                        if not required_missing:
                            required_missing = tr("a value is required here")
                        message = required_missing
                    if where_of is not column_of:
                        label = next(
                            (where_of[k] for k, lb in column_of.items() if lb == label), label
                        )
                    problems.append(Problem(file, sheet, row_no, label, value, message))
                continue
            parsed = ParsedRow(row_no, values, raw_values, sheet)
            if row_check is not None:
                extra = row_check(parsed)
                if extra:
                    for check_key, message in extra:
                        where = where_of.get(check_key) if check_key else None
                        shown = raw_values.get(check_key) if check_key else None
                        problems.append(Problem(file, sheet, row_no, where, shown, message))
                    continue
            for check_key, message in parsed.warnings:
                where = where_of.get(check_key) if check_key else None
                shown = raw_values.get(check_key) if check_key else None
                result.warnings.append(Problem(file, sheet, row_no, where, shown, message))
            result.valid += 1
            yield parsed
        seen = offset + 1
        if progress is not None:
            progress(seen, seen)
        result.skipped = skipped
        result.total = seen - skipped
        result.filled = filled_count


def prepare(
    raw: Sheet,
    fields: Sequence[Field],
    *,
    manual: Mapping[str, str] | None = None,
    row_check: RowCheck | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Prepared:
    """Parse every data row below the header; collect every problem rather than stop at one."""
    reader = RowReader(raw, fields, manual=manual, row_check=row_check)
    result = reader.new_result()
    result.rows.extend(reader.rows(result, progress))
    return result


def _fill_down(
    row: list[object], fill: list[tuple[int, str, str | None]], above: dict[str, object]
) -> tuple[list[object], int]:
    """`row` with its blank grouping cells taken from the rows above; how many were filled."""
    if all(_is_empty(v) for v in row):
        return row, 0  # a blank separator row carries nothing and breaks nothing
    blank = {key for col, key, _f in fill if col >= len(row) or _is_empty(row[col])}
    count = 0
    out = row
    for col, key, follows in fill:
        if key not in blank:
            above[key] = row[col]
            continue
        if key not in above or (follows is not None and follows not in blank):
            if follows is not None and follows not in blank:
                above.pop(key, None)  # a new group starts: its own value or none
            continue
        if out is row:
            out = list(row)
        if col >= len(out):
            out.extend([None] * (col + 1 - len(out)))
        out[col] = above[key]
        count += 1
    return out, count
