"""知识搜索: one search over penalty items, reply scripts, guide steps, FAQ entries, area rows
and good-handling examples, ranked together.

The index: every item is a row of `knowledge_doc` (title, context, body, pinyin keys of the
title) and `knowledge_fts` is a trigram FTS5 index over it. Documents are rebuilt one kind at
a time (`reindex`) from the features' public listings. Freshness is checked lazily and
cheaply at each search (`refresh`): when nothing was committed since the last check (SQLite's
data_version for other connections, a commit counter for this process) nothing is read;
otherwise each kind's stamp (counts, highest ids, last change times, read through the
feature's own `search_stamp`-style function) is compared with the one stored when its
documents were built, and only the kinds whose stamp moved are rebuilt. So an import from the
command line, an edit on a page or an undo are all picked up at the next search, without the
features having to call anything — `reindex(session, kinds=…)` is public for those that want
the index rebuilt at once (the sample branch, the benchmark).

Matching:
- 3+ characters: the trigram index (every word of the query as a phrase);
- 1-2 characters: a scan of titles and bodies with instr() (trigrams cannot match them);
- letters only: the pinyin of titles — initials (cjhy → 春江花月) or whole syllables;
- when these find little: one-typo matches (晓风园 → 晓风苑, 破损赔尝 → 破损赔偿) among the
  documents that share a character pair with the query, checked with Levenshtein distance.
`did_you_mean` offers the nearest titles when nothing useful is found.
"""

from __future__ import annotations

import operator
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.db.writes import WriteCounter
from branchdesk.knowledge.models import KnowledgeDoc, KnowledgeStamp
from branchdesk.knowledge.sources import KINDS, SOURCES, Doc
from branchdesk.knowledge.text import fold, normalise_query
from branchdesk.simplified import to_simplified

MAX_QUERY = 64
CANDIDATES = 200  # rows read from the index per path before ranking
PINYIN_CHARS = 16

# Scores: how a hit was found; higher ranks first (a kind's small bonus breaks ties).
TITLE_EXACT = 100.0
TITLE_PREFIX = 95.0
TITLE_CONTAINS = 90.0
PINYIN_EXACT = 88.0
PINYIN_PREFIX = 85.0
CONTEXT_CONTAINS = 82.0
PINYIN_CONTAINS = 80.0
BODY_CONTAINS = 70.0
RELATED = 60.0  # a sentence holding most of a title's words (+ up to 20 by their share)
TYPO = 60.0
# A hit below this is "nothing useful": the search is logged as a gap by the caller.
USEFUL = TYPO
KIND_BONUS = {"faq": 3.0, "handbook": 2.0, "script": 2.0, "guide": 1.0, "good": 0.5, "area": 0.0}


@dataclass(frozen=True)
class Hit:
    kind: str  # handbook | script | guide | faq | area | good
    id: int  # the item's id in its own feature (penalty item, script, guide, FAQ, area rule …)
    title: str
    context: str  # chapter, category, guide and step, courier …
    snippet: str  # the words around the match
    score: float
    # Where to open it: a guide's step number, a script's category id, an area row's sheet row.
    position: int
    how: str  # text | pinyin | typo | related


# --- keeping the index fresh -----------------------------------------------------------

_writes = WriteCounter("branchdesk_knowledge_dirty")  # this process's committed writes
_checked: dict[str, tuple[object, ...]] = {}
_lock = threading.Lock()


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _mark(session: Session) -> tuple[str, tuple[object, ...]] | None:
    """(the database, what says "nothing was committed since") or None where unknown."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    raw = connection.connection.driver_connection
    version = raw.execute("PRAGMA data_version").fetchone()[0]  # type: ignore[union-attr]
    mark = (id(raw), version, _writes.generation, _writes.dirty(session))
    return str(connection.engine.url), mark


def _pinyin_keys(titles: Sequence[str]) -> list[str]:
    """ "initials syllables" of each title (cjhy chunjianghuayue), one conversion per title."""
    # pypinyin takes ~150 ms to import: only when documents are built.
    from pypinyin import lazy_pinyin

    keys = []
    for title in titles:
        # The first 16 characters: a name typed as initials is short (cjhy, xjqs), and the
        # conversion (word segmentation for 重庆 / 银行) is most of a rebuild's time.
        syllables = [s.lower() for s in lazy_pinyin(fold(title)[:PINYIN_CHARS]) if s.strip()]
        keys.append("".join(s[:1] for s in syllables) + " " + "".join(syllables))
    return keys


_NOT_WORD = re.compile(r"[\W_]+")


def _pairs(value: str, limit: int = 4000) -> str:
    """Space-separated overlapping character pairs of `value`, then its last character: a
    2-character query is one token, a 1-character query a prefix (the lookup's technique)."""
    chars = _NOT_WORD.sub("", value.lower())[:limit]
    if len(chars) < 2:
        return chars
    pairs = dict.fromkeys(map(operator.add, chars, chars[1:]))
    return " ".join(pairs) + " " + chars[-1]


def _write_docs(session: Session, kind: str, docs: Sequence[Doc]) -> None:
    sqlite = _is_sqlite(session)
    if sqlite:
        session.execute(
            text(
                "INSERT INTO knowledge_fts(knowledge_fts, rowid, title, context, body, keys) "
                "SELECT 'delete', id, title, context, body, keys FROM knowledge_doc "
                "WHERE kind = :k"
            ),
            {"k": kind},
        )
        session.execute(
            text(
                "DELETE FROM knowledge_short_fts WHERE rowid IN "
                "(SELECT id FROM knowledge_doc WHERE kind = :k)"
            ),
            {"k": kind},
        )
    session.execute(delete(KnowledgeDoc).where(KnowledgeDoc.kind == kind))
    if not docs:
        return
    keys = _pinyin_keys([d[2] for d in docs])
    rows = [
        {
            "kind": kind,
            "ref_id": ref_id,
            "ref_pos": ref_pos,
            "title": (title or "")[:200],
            "context": (context or "")[:200],
            "body": body or "",
            "keys": key,
        }
        for (ref_id, ref_pos, title, context, body), key in zip(docs, keys, strict=True)
    ]
    session.execute(
        text(
            "INSERT INTO knowledge_doc (kind, ref_id, ref_pos, title, context, body, keys) "
            "VALUES (:kind, :ref_id, :ref_pos, :title, :context, :body, :keys)"
        ),
        rows,
    )
    if sqlite:
        session.execute(
            text(
                "INSERT INTO knowledge_fts(rowid, title, context, body, keys) "
                "SELECT id, title, context, body, keys FROM knowledge_doc WHERE kind = :k"
            ),
            {"k": kind},
        )
        session.execute(
            text(
                "INSERT INTO knowledge_short_fts(rowid, tgrams, bgrams, kgrams) "
                "VALUES (:i, :t, :b, :k)"
            ),
            [
                {
                    "i": i,
                    "t": _pairs(f"{title} {context}"),
                    "b": _pairs(body),
                    "k": _pairs(keys.split(" ", 1)[0]),
                }
                for i, title, context, body, keys in session.execute(
                    text(
                        "SELECT id, title, context, body, keys FROM knowledge_doc WHERE kind = :k"
                    ),
                    {"k": kind},
                )
            ],
        )


def reindex(session: Session, kinds: Iterable[str] | None = None) -> list[str]:
    """Rebuild the documents of `kinds` (all by default) from their features; returns them."""
    wanted = [k for k in (KINDS if kinds is None else kinds) if k in SOURCES]
    for kind in wanted:
        source = SOURCES[kind]
        stamp = source.stamp(session)
        _write_docs(session, kind, source.docs(session))
        row = session.get(KnowledgeStamp, kind)
        if row is None:
            session.add(KnowledgeStamp(kind=kind, stamp=stamp, built_at=utcnow()))
        else:
            row.stamp, row.built_at = stamp, utcnow()
    session.flush()
    return wanted


def stale_kinds(session: Session) -> list[str]:
    """The kinds whose source changed since their documents were built."""
    stored = dict(session.execute(select(KnowledgeStamp.kind, KnowledgeStamp.stamp)).all())
    return [k for k in KINDS if stored.get(k) != SOURCES[k].stamp(session)]


def is_fresh(session: Session) -> bool:
    """Whether a search now would find the index as it stands (no rebuild first): cheap when
    nothing was written since, else one stamp per kind. Any session will do."""
    mark = _mark(session)
    with _lock:
        if mark is not None and _checked.get(mark[0]) == mark[1]:
            return True
    if stale_kinds(session):
        return False
    if mark is not None:
        with _lock:
            _checked[mark[0]] = mark[1]
    return True


def refresh(session: Session, announce: Callable[[list[str]], None] | None = None) -> list[str]:
    """Rebuild what changed since the last search (cheap when nothing was written);
    `announce` hears of the stale kinds before their rebuild starts."""
    mark = _mark(session)
    with _lock:
        if mark is not None and _checked.get(mark[0]) == mark[1]:
            return []
    stale = stale_kinds(session)
    if stale:
        if announce is not None:
            announce(stale)
        reindex(session, stale)
        mark = _mark(session)
    if mark is not None:
        with _lock:
            _checked[mark[0]] = mark[1]
    return stale


# --- searching -------------------------------------------------------------------------


def _phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


_COLUMNS = "d.id, d.kind, d.ref_id, d.ref_pos, d.title, d.context, d.body, d.keys"
Row = tuple[object, ...]


def _rows(session: Session, sql: str, **params: object) -> list[Row]:
    # On the connection, not through the session: a text() statement run by the session
    # counts as a write for the "has anything changed?" listeners (this module's and
    # lookup's), which would then check their stamps again after every search.
    return [tuple(r) for r in session.connection().execute(text(sql), params)]


def _fts(session: Session, match: str, limit: int) -> list[Row]:
    # No ORDER BY rank: a common word matches thousands of documents and ranking them all
    # costs more than the whole search may; candidates are ranked here, by how they match.
    return _rows(
        session,
        f"SELECT {_COLUMNS} FROM knowledge_doc d WHERE d.id IN "
        "(SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH :m LIMIT :lim)",
        m=match,
        lim=limit,
    )


def _short(session: Session, match: str, limit: int) -> list[Row]:
    return _rows(
        session,
        f"SELECT {_COLUMNS} FROM knowledge_doc d WHERE d.id IN "
        "(SELECT rowid FROM knowledge_short_fts WHERE knowledge_short_fts MATCH :m LIMIT :lim)",
        m=match,
        lim=limit,
    )


def _short_match(word: str) -> str | None:
    """The pairs index's query for a 1-2 character word (a prefix for one character)."""
    chars = _NOT_WORD.sub("", word.lower())
    if not chars:
        return None
    return _phrase(chars[:2]) if len(chars) >= 2 else _phrase(chars) + " *"


def _like(session: Session, words: Sequence[str], limit: int) -> list[Row]:
    """Other databases (no FTS5): every word in title, context or body."""
    where = " AND ".join(
        f"(instr(lower(d.title), :w{i}) OR instr(lower(d.context), :w{i}) "
        f"OR instr(lower(d.body), :w{i}))"
        for i in range(len(words))
    )
    params: dict[str, object] = {f"w{i}": w for i, w in enumerate(words)}
    return _rows(
        session,
        f"SELECT {_COLUMNS} FROM knowledge_doc d WHERE {where} LIMIT :lim",
        lim=limit,
        **params,
    )


def _text_rows(session: Session, words: Sequence[str]) -> list[Row]:
    """Documents holding every word: title and context matches first, then any field."""
    if not _is_sqlite(session):
        return _like(session, words, CANDIDATES)
    long_words = [w for w in words if len(w) >= 3]
    short_words = [w for w in words if len(w) < 3]
    if long_words:
        phrases = " ".join(_phrase(w) for w in long_words)
        rows = _fts(session, "{title context} : (" + phrases + ")", CANDIDATES)
        if len(rows) < CANDIDATES:
            rows += _fts(session, phrases, CANDIDATES)
        if short_words:
            rows = [r for r in rows if all(w in fold(f"{r[4]}{r[5]}{r[6]}") for w in short_words)]
        return rows
    matches = [m for m in (_short_match(w) for w in short_words) if m]
    if not matches:
        return []
    rows = _short(session, "tgrams : (" + " ".join(matches) + ")", CANDIDATES)
    if len(rows) < CANDIDATES:
        rows += _short(session, " ".join(matches), CANDIDATES)
    return rows


def _pinyin_rows(session: Session, q: str) -> list[Row]:
    if not _is_sqlite(session):
        return _rows(
            session,
            f"SELECT {_COLUMNS} FROM knowledge_doc d WHERE instr(d.keys, :q) LIMIT :lim",
            q=q,
            lim=CANDIDATES,
        )
    if len(q) >= 3:
        return _fts(session, "keys : " + _phrase(q), CANDIDATES)
    return _short(session, "kgrams : " + _phrase(q), CANDIDATES)


def _pair_candidates(session: Session, q: str, limit: int) -> list[Row]:
    """Documents whose title shares a character pair with `q` (candidates for one typo)."""
    pairs = list(dict.fromkeys(q[i : i + 2] for i in range(len(q) - 1)))[:8]
    pairs = [p for p in pairs if not _NOT_WORD.search(p)]
    if not pairs:
        return []
    if not _is_sqlite(session):
        where = " OR ".join(f"instr(lower(d.title), :p{i})" for i in range(len(pairs)))
        params: dict[str, object] = {f"p{i}": p for i, p in enumerate(pairs)}
        return _rows(
            session,
            f"SELECT {_COLUMNS} FROM knowledge_doc d WHERE {where} LIMIT :lim",
            lim=limit,
            **params,
        )
    return _short(session, "tgrams : (" + " OR ".join(_phrase(p) for p in pairs) + ")", limit)


def _best_window(q: str, title: str) -> int:
    """The fewest edits that turn `q` into some part of `title` (a typo inside a long title)."""
    t = fold(title)
    n = len(q)
    if not t:
        return n
    best = Levenshtein.distance(q, t) if len(t) <= n + 1 else n
    for width in (n - 1, n, n + 1):
        if width <= 0 or width > len(t):
            continue
        for start in range(len(t) - width + 1):
            d = Levenshtein.distance(q, t[start : start + width], score_cutoff=best)
            if d < best:
                best = d
                if best == 0:
                    return 0
    return best


def _near(session: Session, q: str, most: int, limit: int = 20) -> list[tuple[Row, int]]:
    """Documents whose title holds `q` with at most `most` edits, nearest first."""
    rows = _pair_candidates(session, q, CANDIDATES * 2)
    if not rows:
        return []
    titles = [fold(str(r[4])) for r in rows]
    close = process.extract(q, titles, scorer=fuzz.partial_ratio, score_cutoff=50, limit=limit)
    found = []
    for _title, _similarity, index in close:
        distance = _best_window(q, str(rows[index][4]))
        if 0 < distance <= most:
            found.append((rows[index], distance))
    return sorted(found, key=lambda f: f[1])


def _related(session: Session, q: str) -> list[tuple[Row, float]]:
    """For a question typed as a sentence (客户说快件破损了怎么办): documents whose title or
    context hold most of its character runs, with the share they hold (0.5-1)."""
    key = normalise_query(q)
    if len(key) < 3:
        return []
    grams = list(dict.fromkeys(key[i : i + 3] for i in range(len(key) - 2)))[:12]
    if _is_sqlite(session):
        rows = _fts(
            session,
            "{title context} : (" + " OR ".join(_phrase(g) for g in grams) + ")",
            CANDIDATES,
        )
    else:
        rows = _like(session, grams[:1], CANDIDATES)
    if len(rows) < CANDIDATES:
        # A short question shares no run of three with its answer's title (破损怎么赔 →
        # 快件破损客户要求赔偿怎么办): titles sharing a character pair are candidates too.
        seen = {row[0] for row in rows}
        rows += [r for r in _pair_candidates(session, key, CANDIDATES) if r[0] not in seen]
    # Found by a shared run of characters; judged by the share of the sentence's
    # character pairs the title holds (a run of three breaks at every inserted word).
    pairs = list(dict.fromkeys(key[i : i + 2] for i in range(len(key) - 1)))
    found = []
    for row in rows:
        hay = fold(f"{row[4]} {row[5]}")
        share = sum(p in hay for p in pairs) / len(pairs)
        if share >= 0.5:
            found.append((row, share))
    return found


def _snippet(body: str, words: Sequence[str], width: int = 60) -> str:
    flat = " ".join(body.split())
    low = flat.lower()
    for w in words:
        at = low.find(w)
        if at >= 0:
            start = max(0, at - width // 3)
            piece = flat[start : start + width]
            return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
    return flat[:width] + ("…" if len(flat) > width else "")


def _score_text(row: Row, words: Sequence[str]) -> float:
    title, context, body = fold(str(row[4])), fold(str(row[5])), str(row[6]).lower()
    joined = "".join(words)
    if title == joined:
        return TITLE_EXACT
    if title.startswith(joined):
        return TITLE_PREFIX
    if all(w in title for w in words):
        return TITLE_CONTAINS
    if all(w in title or w in context for w in words):
        return CONTEXT_CONTAINS
    if not all(w in title or w in context or w in body for w in words):
        return 0.0
    found = sum(w in title for w in words) + sum(body.count(w) for w in words)
    return BODY_CONTAINS + min(found, 5) * 0.2


def _score_pinyin(row: Row, q: str) -> float:
    initials, _, syllables = str(row[7]).partition(" ")
    if q in (initials, syllables):
        return PINYIN_EXACT
    if initials.startswith(q) or (len(q) >= 2 and syllables.startswith(q)):
        return PINYIN_PREFIX
    if q in initials or (len(q) >= 3 and q in syllables):
        return PINYIN_CONTAINS
    return 0.0


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_AMOUNT = re.compile(r"([零一二两三四五六七八九十百千万]+)(?=[元块])")
_SPACED_AMOUNT = re.compile(r"(?<=[0-9])\s+(?=[元块])")
_BLOCKS = re.compile(r"(?<=[0-9])块(?:钱)?")


def _cn_number(text: str) -> int | None:
    """五十 → 50, 一百五 → 150, 三千零五 → 3005, 两万 → 20000; None when not a number."""
    total = section = number = 0
    last_unit = 1
    for char in text:
        if char in _CN_DIGITS:
            number = _CN_DIGITS[char]
            if char == "零":
                last_unit = 1
        elif char in _CN_UNITS:
            section += (number or 1) * _CN_UNITS[char]
            number, last_unit = 0, _CN_UNITS[char]
        else:  # 万
            total += (section + number or 1) * 10000
            section = number = 0
            last_unit = 10000  # 两万五 is 25000
    if number and last_unit > 1:
        number *= last_unit // 10  # 一百五 is 150, not 105
    value = total + section + number
    return value if value or text == "零" else None


def amount_forms(query: str) -> str:
    """The query with amounts written as the handbook writes them: "五十元" and "50 元" and
    "50块" are all 50元 (a space before 元 made "50" a word of its own, which 500元 holds)."""
    text = unicodedata.normalize("NFKC", query)
    text = _SPACED_AMOUNT.sub("", text)
    text = _BLOCKS.sub("元", text)

    def digits(match: re.Match[str]) -> str:
        value = _cn_number(match[1])
        return match[0] if value is None else str(value)

    return _BLOCKS.sub("元", _CN_AMOUNT.sub(digits, text))


def search(
    session: Session, query: str, limit: int = 30, *, refresh_first: bool = True
) -> list[Hit]:
    """The items that answer `query`, best first (an empty list when nothing matches).

    With `refresh_first` it needs a session that may write: a stale index is rebuilt in it
    first (see refresh). Without, any session will do and the index is read as it stands
    (while another program holds the write lock, say). Traditional characters are read as
    simplified (滯留件 is 滞留件).
    """
    simplified = to_simplified(query)
    words = [w for w in (fold(w) for w in amount_forms(simplified).split()[:8]) if w]
    # As typed too, when an amount in Chinese numerals was rewritten: a text may say 五十元.
    typed = [w for w in (fold(w) for w in simplified.split()[:8]) if w]
    if not _CN_AMOUNT.search(simplified):
        typed = words
    q = "".join(words)[:MAX_QUERY]
    if not q or limit <= 0:
        return []
    if refresh_first:
        refresh(session)
    found: dict[int, tuple[float, str, Row]] = {}

    def offer(row: Row, score: float, how: str) -> None:
        if score <= 0:
            return
        score += KIND_BONUS.get(str(row[1]), 0.0)
        doc_id = int(row[0])  # type: ignore[call-overload]
        if score > found.get(doc_id, (-1.0, "", ()))[0]:
            found[doc_id] = (score, how, row)

    for row in _text_rows(session, words):
        offer(row, _score_text(row, words), "text")
    if typed != words:
        for row in _text_rows(session, typed):
            offer(row, _score_text(row, typed), "text")
    if q.isascii() and q.isalpha() and len(q) >= 2:
        for row in _pinyin_rows(session, q):
            offer(row, _score_pinyin(row, q), "pinyin")
    if len(found) < 3 and len(q) >= 5 and not q.isascii():
        for row, share in _related(session, q):
            offer(row, RELATED + share * 20, "related")
    if len(found) < 3 and len(q) >= 3:
        most = 1 if len(q) <= 6 else 2
        for row, distance in _near(session, q, most):
            offer(row, TYPO + (most - distance) * 5, "typo")
    ranked = sorted(found.values(), key=lambda f: (-f[0], len(str(f[2][4])), int(f[2][0])))  # type: ignore[call-overload]
    return [
        Hit(
            kind=str(row[1]),
            id=int(row[2]),  # type: ignore[call-overload]
            title=str(row[4]),
            context=str(row[5]),
            snippet=_snippet(str(row[6]), words),
            score=round(score, 2),
            position=int(row[3]),  # type: ignore[call-overload]
            how=how,
        )
        for score, how, row in ranked[:limit]
    ]


def useful(hits: Sequence[Hit]) -> bool:
    """Whether a search found something worth opening (else it counts as a gap)."""
    return any(h.score >= USEFUL for h in hits)


def did_you_mean(session: Session, query: str, limit: int = 5) -> list[str]:
    """Titles close to `query` (two edits at most), for "did you mean …" when nothing matched."""
    q = fold(query)[:MAX_QUERY]
    if len(q) < 2:
        return []
    titles: dict[str, int] = {}
    for row, distance in _near(session, q, min(2, len(q) - 1), limit=limit * 4):
        titles.setdefault(str(row[4]), distance)
    return list(titles)[:limit]


def doc_count(session: Session, kind: str | None = None) -> int:
    """How many documents the index holds (of `kind`)."""
    from sqlalchemy import func

    stmt = select(func.count()).select_from(KnowledgeDoc)
    if kind is not None:
        stmt = stmt.where(KnowledgeDoc.kind == kind)
    return int(session.scalar(stmt) or 0)
