"""How sure a lookup answer is, shown the same way everywhere: words and a colour."""

from __future__ import annotations

from PySide6.QtGui import QColor

from branchdesk.lookup.levels import level_text

# Background colours of the confidence cell; the words say it too (never colour alone).
LEVEL_COLOURS = {
    "exact": "#d6f0d6",
    "inferred": "#e3eefc",
    "fuzzy": "#ffe2b8",
    "note": "#ece2f7",
    "district": "#e4e4e4",
    "none": "#f7d4d4",
}
TIE_COLOUR = "#ffd0a8"


def colour(level: str, tie: bool = False, check: bool = False) -> QColor:
    """A tie, or an answer to be checked (a caution), is never on a sure answer's colour."""
    if tie or check:
        return QColor(TIE_COLOUR)
    return QColor(LEVEL_COLOURS.get(level, LEVEL_COLOURS["none"]))


def badge(level: str, tie: bool = False, check: bool = False) -> str:
    """Rich text: the confidence words on their colour."""
    import html

    return (
        f"<span style='background-color:{colour(level, tie, check).name()}; padding:2px'>"
        f"&nbsp;{html.escape(level_text(level, tie, check))}&nbsp;</span>"
    )


__all__ = ["LEVEL_COLOURS", "badge", "colour", "level_text"]
