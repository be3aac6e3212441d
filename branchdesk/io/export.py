"""Excel exports with openpyxl: a styled header, sensible widths, numbers kept as text."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from branchdesk.db import live
from branchdesk.errors import BranchDeskError, disk_full, is_disk_full
from branchdesk.i18n import tr


def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "Sheet1",
    title: str | None = None,
    wrap: bool = False,
) -> int:
    """Write one sheet: optional title row, bold header row, frozen panes. Returns rows written.

    Long digit strings (waybill and phone numbers) are written as text so Excel never rounds
    them; the file is written to a temp name and renamed, so a failed export leaves nothing.
    `wrap` keeps multi-line cells readable: wrapped text, top-aligned, widths capped.
    """
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    count = _fill_sheet(ws, sheet, headers, rows, title=title, wrap=wrap)
    _save(wb, Path(path))
    return count


def write_sheets(
    path: Path,
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[object]]]],
    *,
    wrap: bool = False,
) -> int:
    """Write several sheets, each `(name, headers, rows)` styled as `write_table` styles one,
    into one workbook (atomically). Returns the rows written over all sheets."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    count = 0
    for n, (name, headers, rows) in enumerate(sheets):
        ws = first if n == 0 else wb.create_sheet()
        count += _fill_sheet(ws, name, headers, rows, wrap=wrap)
    _save(wb, Path(path))
    return count


def _fill_sheet(
    ws: Worksheet,
    sheet: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    title: str | None = None,
    wrap: bool = False,
) -> int:
    ws.title = sheet[:31]
    if title:
        ws.append([title])
        ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.append(list(headers))
    header_row = ws.max_row
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col in range(1, len(headers) + 1):
        cell = ws.cell(row=header_row, column=col)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
    widths = [max(6, len(str(h)) * 2 + 2) for h in headers]
    count = 0
    for row in rows:
        values = ["" if v is None else v for v in row]
        ws.append(values)
        count += 1
        r = ws.max_row
        for c, value in enumerate(values, start=1):
            if isinstance(value, str):
                cell = ws.cell(row=r, column=c)
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
                error=exc.strerror or exc,
            )
        ) from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.remove(tmp)
