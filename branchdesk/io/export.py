"""Excel exports with openpyxl: a styled header, sensible widths, numbers kept as text, and
every cell inert.

Every export of every feature goes through `write_table`/`write_sheets`, which write each
text as text that Excel does not evaluate (the OWASP CSV-injection rules: a text starting
with = + - @, a tab or a carriage return — full-width ＝＋－＠ too — is stored as a string
with Excel's quote prefix, so `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` shows as typed and
stays text even after the cell is edited); openpyxl would otherwise store a str starting
with "=" as a formula. Control characters XML cannot hold are shown as \x1b instead of
failing the whole export, and a text longer than Excel's 32,767 characters per cell is cut
with a visible mark and reported in the result's notes, never silently.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from branchdesk.db import live
from branchdesk.errors import BranchDeskError, disk_full, is_disk_full, os_reason
from branchdesk.i18n import tr
from branchdesk.io.limits import MAX_CELL_CHARS
from branchdesk.permissions import Action

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet
    from sqlalchemy.orm import Session

# openpyxl is imported when a workbook is written, not at start-up (it costs a fifth of a
# second, and the window has no use for it until the user exports).

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# What XML 1.0 cannot hold (openpyxl raises IllegalCharacterError for them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Written(int):
    """The number of rows written, with notes for the user (cells cut at Excel's limit)."""

    notes: list[str]

    def __new__(cls, count: int, notes: list[str] | None = None) -> Written:
        value = super().__new__(cls, count)
        value.notes = list(notes or [])
        return value


def notes_of(written: object) -> list[str]:
    """What an export has to tell the user besides its count (cells cut at Excel's limit)."""
    notes = getattr(written, "notes", None)
    return list(notes) if notes else []


def cell_text(value: str) -> tuple[str, bool]:
    """`value` as an export writes it, and whether it had to be cut at Excel's limit."""
    if _NOT_XML.search(value):
        value = _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    if len(value) <= MAX_CELL_CHARS:
        return value, False
    mark = tr("…[cut: {length} characters in all]", length=f"{len(value):,}")
    return value[: MAX_CELL_CHARS - len(mark)] + mark, True


def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "Sheet1",
    title: str | None = None,
    wrap: bool = False,
) -> Written:
    """Write one sheet: optional title row, bold header row, frozen panes. Returns rows written.

    Long digit strings (waybill and phone numbers) are written as text so Excel never rounds
    them; the file is written to a temp name and renamed, so a failed export leaves nothing.
    `wrap` keeps multi-line cells readable: wrapped text, top-aligned, widths capped.
    """
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    notes: list[str] = []
    count = _fill_sheet(ws, sheet, headers, rows, notes, title=title, wrap=wrap)
    _save(wb, Path(path))
    return Written(count, notes)


def write_sheets(
    path: Path,
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[object]]]],
    *,
    wrap: bool = False,
) -> Written:
    """Write several sheets, each `(name, headers, rows)` styled as `write_table` styles one,
    into one workbook (atomically). Returns the rows written over all sheets."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    count = 0
    notes: list[str] = []
    for n, (name, headers, rows) in enumerate(sheets):
        ws = first if n == 0 else wb.create_sheet()
        count += _fill_sheet(ws, name, headers, rows, notes, wrap=wrap)
    _save(wb, Path(path))
    return Written(count, notes)


def _fill_sheet(
    ws: Worksheet,
    sheet: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    notes: list[str],
    *,
    title: str | None = None,
    wrap: bool = False,
) -> int:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.title = sheet[:31]
    if title:
        ws.append([cell_text(title)[0]])
        _inert(ws.cell(row=1, column=1))
        ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.append([cell_text(str(h))[0] for h in headers])
    header_row = ws.max_row
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col in range(1, len(headers) + 1):
        cell = ws.cell(row=header_row, column=col)
        _inert(cell)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
    widths = [max(6, len(str(h)) * 2 + 2) for h in headers]
    count = 0
    for row in rows:
        values = ["" if v is None else v for v in row]
        for c, value in enumerate(values):
            if isinstance(value, str):
                values[c], cut = cell_text(value)
                if cut:
                    notes.append(_cut_note(ws.title, count + 1, headers, c, len(value)))
        ws.append(values)
        count += 1
        # The row just appended, counted: Worksheet.max_row scans every cell of the sheet,
        # and asked after each row it made an export of 23,000 rows take four minutes.
        r = header_row + count
        for c, value in enumerate(values, start=1):
            if isinstance(value, str):
                cell = ws.cell(row=r, column=c)
                _inert(cell)
                cell.number_format = "@"
                longest = max(len(line) for line in value.split("\n")) if value else 0
                widths[c - 1] = min(40 if wrap else 60, max(widths[c - 1], longest * 2 + 2))
                if wrap:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(value, datetime) and c <= len(widths):
                # A date and time to the minute, wide enough not to show as ####.
                ws.cell(row=r, column=c).number_format = "yyyy-mm-dd hh:mm"
                widths[c - 1] = max(widths[c - 1], 18)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    return count


def _inert(cell: Cell) -> None:
    """Text stays text: never a formula, and Excel keeps it text when the cell is edited."""
    value = cell.value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def _cut_note(sheet: str, row: int, headers: Sequence[str], col: int, length: int) -> str:
    column = str(headers[col]) if col < len(headers) else str(col + 1)
    return tr(
        "Sheet {sheet}, record {row}, column {column}: the text has {length} characters, more "
        "than an Excel cell holds ({limit}); the file has its first part, marked as cut.",
        sheet=sheet,
        row=row,
        column=column,
        length=f"{length:,}",
        limit=f"{MAX_CELL_CHARS:,}",
    )


def _save(wb: Workbook, path: Path) -> None:
    live.refuse(path)  # never replace the open database (or its WAL) with a workbook
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent or ".")
        os.close(fd)
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full(path) from exc
        raise BranchDeskError(
            tr(
                "Cannot write {path}: {error}. Check that the folder exists and that the file "
                "is not open in Excel, then export again.",
                path=path,
                error=os_reason(exc),
            )
        ) from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.remove(tmp)


# --- the export registry -----------------------------------------------------------------
# Each feature registers the tables it exports (branchdesk.features loads them); the command
# line's `export KIND` and any page find them here, never by importing the feature.

# (session, path, mask) -> rows written; mask False: customers' phones in full (the writer
# checks and audits that owner action).
ExportWriter = Callable[["Session", Path, bool], int]


@dataclass(frozen=True)
class ExportKind:
    name: str  # areas | routes | … | audit: the command line's `export KIND`
    write: ExportWriter
    # An owner action checked before the export (the audit log: only the owner sees it).
    required: Action | None = None


EXPORTS: dict[str, ExportKind] = {}
_export_loader: Callable[[], None] | None = None


def register_export(kind: ExportKind) -> ExportKind:
    EXPORTS[kind.name] = kind
    return kind


def set_export_loader(loader: Callable[[], None] | None) -> None:
    global _export_loader
    _export_loader = loader


def export_kinds() -> dict[str, ExportKind]:
    """The registered exports (the features register theirs on first use)."""
    global _export_loader
    if _export_loader is not None:
        loader, _export_loader = _export_loader, None
        loader()
    return EXPORTS
