"""How sure a lookup answer is, in words: the levels the lookup page, 批量分单, the CLI and the
exports show. Apart from the lookup service so that the 查件 page can be built (in the start-up
look) before the storage layer is imported."""

from __future__ import annotations

from branchdesk.i18n import tr

LEVELS = ("exact", "inferred", "fuzzy", "note", "district", "none")
# How sure an answer is, in the words the lookup page, 批量分单 and its export show.
LEVEL_LABELS = {
    "exact": "Exact rule",
    "inferred": "Building inferred",
    "fuzzy": "Did you mean (fuzzy)",
    "note": "Note mentions",
    "district": "District fallback",
    "none": "No match",
}
SURE_LEVELS = ("exact", "inferred")


def level_text(level: str, tie: bool = False, check: bool = False) -> str:
    """The confidence in words: 精确匹配, 您是不是要找（模糊匹配）… and a tie said as such;
    `check`: the answer has a caution (LookupResult.caution), so it is not said as sure."""
    words = tr(LEVEL_LABELS.get(level, LEVEL_LABELS["none"]))
    if tie:
        return tr("{level} · tie, check", level=words)
    return tr("{level} · to be checked", level=words) if check else words


__all__ = ["LEVELS", "LEVEL_LABELS", "SURE_LEVELS", "level_text"]
