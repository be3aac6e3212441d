"""What BranchDesk reads at most, declared once, and the refusal when a file asks for more.

Every reader checks these before it allocates, so a small hostile file (a cell at XFD1048576,
a zip entry that claims 4 KB and inflates to 1 GB, a 8000×8000 picture) is refused with a
message instead of exhausting or killing the program. The caps are sized for the branch's
office PC with 4–8 GB of memory: far above any real HQ export or screenshot, far below what
would stall that PC.
"""

from __future__ import annotations

from pathlib import Path

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr

MB = 1024 * 1024

# One file chosen by the user (spreadsheet, CSV, guide pack, list of addresses).
MAX_FILE_BYTES = 200 * MB
# Rows of one sheet (an .xlsx holds at most 1,048,576; a CSV could hold any number).
MAX_ROWS = 2_000_000
# Columns of one sheet: HQ exports have a few dozen; Excel allows 16,384.
MAX_COLUMNS = 1_000
# Cells of the used area of one sheet (rows × columns), what the spreadsheet reader allocates
# at about 32 bytes each before a value is read: 1,000,000 rows × 25 columns.
MAX_CELLS = 25_000_000
# Bytes an .xlsx/.ods part may inflate to (the sheet, shared strings, styles…), counted
# while inflating, whatever the zip's header claims.
MAX_UNPACKED_BYTES = 2_000 * MB
# Merged ranges of one sheet.
MAX_MERGED = 100_000
# Pixels of one picture (a 4K screenshot is 8.3 million): counted from the image's header
# before its pixels are decoded.
MAX_IMAGE_PIXELS = 40_000_000
# Characters of one cell: Excel's own limit, so what imports also exports whole.
MAX_CELL_CHARS = 32_767


class LimitExceeded(BranchDeskError):
    """A file asks for more than a declared limit; nothing of it was read."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


def megabytes(size: int) -> str:
    return f"{size / MB:,.0f}" if size >= 10 * MB else f"{size / MB:,.1f}"


def file_too_large(path: Path, size: int) -> LimitExceeded:
    return LimitExceeded(
        tr(
            "{file} is too large to read ({size} MB; BranchDesk reads files of at most "
            "{limit} MB). Split it into smaller files, or export fewer rows or columns.",
            file=path.name,
            size=megabytes(size),
            limit=megabytes(MAX_FILE_BYTES),
        ),
        path,
    )


def check_file_size(path: Path) -> int:
    """The size of `path`; raises LimitExceeded above MAX_FILE_BYTES (OSError passes)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise file_too_large(path, size)
    return size


def image_too_large(width: int, height: int) -> str:
    """The message for a picture over MAX_IMAGE_PIXELS (the caller adds where it is)."""
    return tr(
        "The picture is too large ({width}×{height} = {pixels} million pixels; at most "
        "{limit} million). Make it smaller or capture only the part of the screen the step "
        "is about.",
        width=width,
        height=height,
        pixels=f"{width * height / 1e6:.0f}",
        limit=f"{MAX_IMAGE_PIXELS / 1e6:.0f}",
    )
