"""What a renderer returns: the number of pages, and the characters its font could not set.

Kept apart from reportlab (no import of it here), so the screens that show a PDF's page count
can read the note without loading the PDF toolkit.
"""

from __future__ import annotations

from branchdesk.i18n import tr

# Chinese print's own mark for a character the type cannot set (缺字): what stands in the
# page for it, so a name is never printed short by a character without anyone seeing it.
MISSING_MARK = "□"


class PageCount(int):
    """The number of pages of a PDF written; `missing` holds the characters the font has no
    glyph for (each was printed as MISSING_MARK), in the order they first appeared."""

    missing: str

    def __new__(cls, pages: int, missing: str = "") -> PageCount:
        count = super().__new__(cls, pages)
        count.missing = missing
        return count


def missing_note(pages: int) -> str:
    """What the user is told when a PDF holds characters its font cannot set ("" if none):
    which ones, how they look on the paper, and what to do."""
    missing = getattr(pages, "missing", "")
    if not missing:
        return ""
    return tr(
        "The printing font has no “{chars}”: each is printed as {mark}. Write them in by "
        "hand on the printed page.",
        chars="、".join(missing),
        mark=MISSING_MARK,
    )
