"""Excel exports with openpyxl: a styled header, sensible widths, numbers kept as text."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from branchdesk.errors import BranchDeskError
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
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent or ".")
        os.close(fd)
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
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
    return count
