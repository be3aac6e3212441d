"""The generic PDF toolkit: A4 layout, the embedded CJK font and Chinese line breaking.

Pure reportlab (no Qt) and no feature: each feature's printable documents live in its own
`documents/` package and are built from plain data with this toolkit. Every renderer takes an
output path, writes atomically, accepts `progress(done, total)` (raise from it to cancel) and
returns the number of pages.
"""

from __future__ import annotations

from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.layout import Progress

__all__ = ["Progress", "cjk_font"]
