"""Did-you-mean suggestions when an address matches no rule: typos, pinyin initials, pinyin.

`Suggester(["春江花月", "晓风苑"]).suggest("cjhy")` → ["春江花月"]. Any text is accepted
(emoji, quotes, 10,000 characters); a query that resembles nothing gives [].
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

_MAX_QUERY = 64  # longer queries are cut: no name is that long

# Scores: how a suggestion was found; a higher score is offered first.
EXACT = 100
PREFIX = 95
SUBSTRING = 90
PINYIN_EXACT = 88
PINYIN_PREFIX = 85
TYPO = 80
PINYIN_TYPO = 75
SIMILAR = 60


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


@dataclass(frozen=True)
class _Entry:
    name: str
    folded: str
    initials: str
    pinyin: str


class Suggester:
    """Suggestions among keywords, courier names and community names."""

    def __init__(self, names: Iterable[str]) -> None:
        # pypinyin takes ~150 ms to import: only pay it when suggestions are first built.
        from pypinyin import lazy_pinyin

        seen: set[str] = set()
        self._entries: list[_Entry] = []
        for name in names:
            if not isinstance(name, str):
                continue
            folded = _fold(name)
            if not folded or name in seen:
                continue
            seen.add(name)
            # One reading per name: the initials are its syllables' first letters (what
            # Style.FIRST_LETTER gives too, at twice the cost).
            syllables = [s.lower() for s in lazy_pinyin(folded, errors="default")]
            initials = "".join(s[:1] for s in syllables)
            self._entries.append(_Entry(name, folded, initials, "".join(syllables)))
        self._folded = [e.folded for e in self._entries]
        self._pinyin = [e.pinyin for e in self._entries]

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Up to `limit` names that the user may have meant by `query`, best first."""
        if limit <= 0 or not isinstance(query, str) or not self._entries:
            return []
        q = _fold(query)[:_MAX_QUERY]
        if not q:
            return []
        scores: dict[int, float] = {}

        def offer(index: int, score: float) -> None:
            if score > scores.get(index, -1.0):
                scores[index] = score

        for index, entry in enumerate(self._entries):
            if entry.folded == q:
                offer(index, EXACT)
            elif entry.folded.startswith(q):
                offer(index, PREFIX)
            elif q in entry.folded:
                offer(index, SUBSTRING)
        if q.isascii() and q.isalpha():
            for index, entry in enumerate(self._entries):
                if q in (entry.initials, entry.pinyin):
                    offer(index, PINYIN_EXACT)
                elif entry.initials.startswith(q) or (len(q) >= 2 and entry.pinyin.startswith(q)):
                    offer(index, PINYIN_PREFIX)
            if len(q) >= 4:
                for _name, _dist, index in process.extract(
                    q, self._pinyin, scorer=Levenshtein.distance, score_cutoff=1, limit=None
                ):
                    offer(index, PINYIN_TYPO)
        if len(q) >= 3:
            # one character wrong, missing or extra: 晓风园 → 晓风苑
            for _name, _dist, index in process.extract(
                q, self._folded, scorer=Levenshtein.distance, score_cutoff=1, limit=None
            ):
                offer(index, TYPO)
            for _name, similarity, index in process.extract(
                q, self._folded, scorer=fuzz.ratio, score_cutoff=70, limit=limit * 4
            ):
                offer(index, SIMILAR + similarity / 10)
        ranked = sorted(
            scores.items(),
            key=lambda item: (-item[1], len(self._entries[item[0]].name), item[0]),
        )
        return [self._entries[index].name for index, _score in ranked[:limit]]


__all__ = ["Suggester"]
