"""The CJK font every BranchDesk PDF is set in: the shipped WenQuanYi Micro Hei, registered once.

reportlab embeds a subset of a TrueType font (only the glyphs a document uses), so a page
prints the same on any PC and pdftotext still returns the Chinese. CFF-flavoured OpenType
fonts (most Noto/Source Han .otf files) cannot be embedded by reportlab, hence the
fallback list holds TrueType files only.

A character the font has no glyph for (a rare one in a name, 䶮; an emoji) would be left out
by reportlab without a trace: 王䶮 printed as 王. The font here sets it as □ instead, and
`noting_missing` collects such characters so the user is told which ones (pages.missing_note).
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.pdf.pages import MISSING_MARK

FONT_NAME = "BranchDeskCJK"
SHIPPED_FONT = ("fonts", "wqy-microhei.ttc")

# A broken install (the font file deleted by an over-eager cleaner) should still print on
# a Chinese PC: these fonts come with Windows and the usual Linux CJK packages.
WINDOWS_FONTS = ("simhei.ttf", "msyh.ttc", "simsun.ttc")
LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
)


def system_fonts() -> Iterator[Path]:
    """TrueType CJK fonts of the operating system, most likely first."""
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        yield from (windir / "Fonts" / name for name in WINDOWS_FONTS)
    else:
        yield from (Path(p) for p in LINUX_FONTS)


# The characters without a glyph met while the current document is laid out (noting_missing).
_missing: ContextVar[dict[str, None] | None] = ContextVar("branchdesk_pdf_missing", default=None)


@contextmanager
def noting_missing() -> Iterator[dict[str, None]]:
    """Collect (as the keys, in order) the characters the font set as □ within this block."""
    noted: dict[str, None] = {}
    token = _missing.set(noted)
    try:
        yield noted
    finally:
        _missing.reset(token)


def _invisible(char: str) -> bool:
    """Controls, format characters and combining marks (a variation selector after an
    emoji): nothing to see is lost when the font has no glyph for them. A private-use or
    unassigned character is not one of them: old systems keep rare name characters there."""
    return unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me", "Mc")


class _MarkingFont(TTFont):
    """A TrueType font that sets a visible character it lacks as □ (and notes it), where
    reportlab would draw nothing, and leaves out an invisible one it lacks (reportlab put a
    NUL in the page's text for it); measuring and drawing both see the same text."""

    def settable(self, text: str | bytes) -> str:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        glyphs = self.face.charToGlyph
        if text.isascii() or all(ord(c) in glyphs for c in text):
            return text
        noted = _missing.get()
        out = []
        for char in text:
            if ord(char) in glyphs:
                out.append(char)
            elif unicodedata.category(char)[0] == "Z":
                out.append(" ")  # a space the font lacks (a no-break one) is still a space
            elif not _invisible(char):  # an invisible one is left out: nothing to see is lost
                out.append(MISSING_MARK)
                if noted is not None:
                    noted[char] = None
        return "".join(out)

    def splitString(self, text: str | bytes, doc: object, encoding: str = "utf-8") -> object:
        return super().splitString(self.settable(text), doc, encoding)

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        return super().stringWidth(self.settable(text), size, encoding)


def _register(path: Path) -> bool:
    try:
        font = _MarkingFont(FONT_NAME, str(path), subfontIndex=0)
    except (OSError, TTFError):
        return False
    pdfmetrics.registerFont(font)
    # The font has no bold or italic face; mapping the family to itself keeps <b> in a
    # Paragraph from failing (headings get a stroked "fake bold" instead, see layout.py).
    pdfmetrics.registerFontFamily(
        FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
    )
    return True


def _shipped_font() -> Traversable:
    return resources.files("branchdesk.resources").joinpath(*SHIPPED_FONT)


@cache
def cjk_font() -> str:
    """Register the CJK font with reportlab (once per process) and return its name.

    Raises BranchDeskError when neither the shipped font nor a system CJK font is usable.
    """
    shipped = _shipped_font()
    if shipped.is_file():
        # as_file gives a real path even from a zipped install; TTFont reads the whole file
        # while it is constructed, so the path may go away afterwards.
        with resources.as_file(shipped) as path:
            if _register(path):
                return FONT_NAME
    for path in system_fonts():
        if path.is_file() and _register(path):
            return FONT_NAME
    raise BranchDeskError(
        tr(
            "The Chinese font for printing is missing ({font}) and no Chinese TrueType font "
            "was found on this PC. Reinstall BranchDesk to restore it, then print again.",
            font=SHIPPED_FONT[-1],
        )
    )
