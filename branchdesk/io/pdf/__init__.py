"""Printing: the penalty handbook, vehicle sheets, exam papers, results and problem-parcel
slips as A4 PDF files.

Pure reportlab (no Qt), set in the embedded CJK font; every renderer takes an output path,
writes atomically, accepts `progress(done, total)` (raise from it to cancel) and returns the
number of pages.
"""

from __future__ import annotations

from branchdesk.io.pdf.exam import render_exam
from branchdesk.io.pdf.fonts import cjk_font
from branchdesk.io.pdf.handbook import render_handbook
from branchdesk.io.pdf.layout import Progress
from branchdesk.io.pdf.results import render_results
from branchdesk.io.pdf.sheets import render_vehicle_sheets
from branchdesk.io.pdf.slips import render_slips

__all__ = [
    "Progress",
    "cjk_font",
    "render_exam",
    "render_handbook",
    "render_results",
    "render_slips",
    "render_vehicle_sheets",
]
