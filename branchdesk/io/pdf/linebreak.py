"""Line breaking for Chinese text in narrow cells, by the usual rules (避头尾).

reportlab's CJK wrapping knows Japanese punctuation only and lets at most one mark hang,
so in Chinese a line can start with "，" after a closing quote, and "1000元" can be cut
between its digits. Here a break never falls before closing punctuation, after opening
punctuation, or inside a run of Latin letters and digits ("16:00", "10-50元", "ZT-004");
the characters before the break move down to the next line instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# Full- and half-width marks that must not begin a line; "/" is here because "元/票" cut
# before the slash reads as two separate words.
CANNOT_START = frozenset("，。、；：？！）】》」』〉〕〗”’…％‰℃·,.;:?!)]}%/")
CANNOT_END = frozenset("（【《「『〈〔〖“‘([{￥$#")
_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-+_:")
NBSP = "\xa0"  # a space that holds its neighbours together (and is never collapsed)
_FUZZ = 1e-6


def _joined(before: str, after: str) -> bool:
    """True when no line break may fall between these two characters."""
    if after in CANNOT_START or before in CANNOT_END or NBSP in (before, after):
        return True
    return before in _WORD and after in _WORD


def _break_point(text: str, start: int, overflow: int) -> int:
    """Where to end the line text[start:…] whose character `overflow` no longer fits."""
    # Move back at most half the line, so a long Latin run (a URL) is cut rather than
    # leaving a line half empty.
    lowest = max(start + 1, overflow - max(1, (overflow - start) // 2))
    for cut in range(overflow, lowest - 1, -1):
        if not _joined(text[cut - 1], text[cut]):
            return cut
    if text[overflow] in CANNOT_START:
        return overflow + 1  # nothing better: let the one mark hang in the margin
    return overflow


def break_lines(text: str, widths: Sequence[float], advance: Callable[[str], float]) -> list[str]:
    """Split `text` (no line breaks in it) into lines; line k is at most widths[k] wide
    (the last width repeats), measured with `advance(char)`. Spaces at a break vanish;
    runs of spaces are expected to be collapsed already (Paragraph does that)."""
    lines: list[str] = []
    start, used, i, n = 0, 0.0, 0, len(text)
    while i < n:
        w = advance(text[i])
        width = widths[min(len(lines), len(widths) - 1)]
        if used + w > width + _FUZZ and i > start and text[i] != " ":
            cut = _break_point(text, start, i)
            lines.append(text[start:cut].rstrip(" "))
            start = cut
            while start < n and text[start] == " ":
                start += 1
            i, used = start, 0.0
            continue
        used += w
        i += 1
    if start < n or not lines:
        lines.append(text[start:].rstrip(" "))
    return lines
