"""Waybill search behind one interface: FTS5 on SQLite, plain LIKE on other databases.

SQLite-only SQL lives here and in the initial migration's DDL, nowhere else. On SQLite:
- numbers, phones and phone tails use ordinary B-tree indexes;
- text of 3+ characters uses the `waybill_fts` trigram index over number, recipient and
  address (filled in bulk by insert_waybills, kept by triggers on delete and update);
- text of 1-2 characters uses `waybill_short_fts`, an index of the character pairs of
  recipients' names that this module keeps in step with every insert and delete.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import BindParameter, bindparam, insert, text
from sqlalchemy.orm import Session

MAX_QUERY_CHARS = 64  # longer text adds nothing to a search and only costs time


_NOT_WORD = re.compile(r"[\W_]+")


def _pairs(value: str | None) -> str:
    """Space-separated overlapping character pairs of `value`, then its last character.

    A 2-character query is one token; a 1-character query is a prefix query, which finds
    every pair it starts and, through the last character, the end of the text too.
    """
    if not value:
        return ""
    chars = _NOT_WORD.sub("", value.lower())
    if len(chars) < 2:
        return chars
    return " ".join(map(operator.add, chars, chars[1:])) + " " + chars[-1]


def _grams_of(recipient: str | None, address: str | None) -> str:
    """What the short-query index holds of a waybill: the pairs of the recipient's name.

    A 1-2 character query is a name in practice (a recipient, a courier, the start of an
    estate; couriers and estates are found through the area table). Addresses find
    waybills from 3 characters on, through the trigram index: indexing their pairs too
    cost a fifth of a large import, for queries like 万达 that match thousands of parcels.
    """
    return _pairs(recipient)


def _fts_phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _is_sqlite(bind: Session) -> bool:
    return bind.get_bind().dialect.name == "sqlite"


WAYBILL_COLUMNS = (
    "batch_id",
    "number",
    "carrier",
    "recipient",
    "phone",
    "phone_tail",
    "address",
    "status",
    "event_date",
    "courier_name",
    "source_row",
    # The sending customer where the HQ export has it; callers may leave these two off.
    "sender_name",
    "sender_phone",
)
_RECIPIENT, _ADDRESS = WAYBILL_COLUMNS.index("recipient"), WAYBILL_COLUMNS.index("address")
INSERT_CHUNK = 20_000


def insert_waybills(
    session: Session,
    rows: Sequence[tuple[Any, ...]],
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Insert waybills and add them to both search indexes.

    `rows` are tuples in WAYBILL_COLUMNS order holding SQL-ready values (dates as ISO text);
    a row may stop before the sender's two columns (then blank).
    """
    width = len(WAYBILL_COLUMNS)
    if rows and len(rows[0]) < width:
        rows = [(*r, *(None,) * (width - len(r))) for r in rows]
    if not _is_sqlite(session):
        from branchdesk.lookup.models import Waybill

        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start : start + INSERT_CHUNK]
            session.execute(
                insert(Waybill), [dict(zip(WAYBILL_COLUMNS, r, strict=True)) for r in chunk]
            )
            if progress is not None:
                progress(start + len(chunk), len(rows))
        return
    # The driver's executemany inside the session's transaction: no per-row ORM work, and
    # the trigram index is filled by one INSERT … SELECT per chunk instead of a per-row
    # trigger (which made FTS5 flush at every statement).
    cursor = session.connection().connection.cursor()
    # A bigger page cache while the indexes grow, back to normal afterwards.
    normal_cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
    cursor.execute("PRAGMA cache_size=-131072")
    # Ids are never reused (AUTOINCREMENT keeps the highest one ever given in
    # sqlite_sequence), so an index entry can never attach to a different waybill later.
    next_id = (
        session.scalar(
            text(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'waybill'), 0),"
                " coalesce((SELECT max(id) FROM waybill), 0))"
            )
        )
        or 0
    ) + 1
    marks = ", ".join("?" * (len(WAYBILL_COLUMNS) + 1))
    insert_row = f"INSERT INTO waybill (id, {', '.join(WAYBILL_COLUMNS)}) VALUES ({marks})"
    try:
        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start : start + INSERT_CHUNK]
            first = next_id + start
            last = first + len(chunk) - 1
            cursor.executemany(
                insert_row,
                [(first + i, *row) for i, row in enumerate(chunk)],
            )
            cursor.execute(
                "INSERT INTO waybill_fts(rowid, number, recipient, address) "
                "SELECT id, number, recipient, address FROM waybill "
                "WHERE id BETWEEN ? AND ?",
                (first, last),
            )
            cursor.executemany(
                "INSERT INTO waybill_short_fts(rowid, grams) VALUES (?, ?)",
                _chunk_grams(chunk, first),
            )
            if progress is not None:
                progress(start + len(chunk), len(rows))
    finally:
        cursor.execute(f"PRAGMA cache_size={int(normal_cache)}")
        cursor.close()


def _chunk_grams(chunk: Sequence[tuple[Any, ...]], first: int) -> list[tuple[int, str]]:
    return [(first + i, _grams_of(row[_RECIPIENT], row[_ADDRESS])) for i, row in enumerate(chunk)]


def index_waybills(session: Session, rows: Iterable[tuple[int, str | None, str | None]]) -> None:
    """Add (id, recipient, address) of newly inserted waybills to the short-query index."""
    if not _is_sqlite(session):
        return
    params = [{"id": i, "g": _grams_of(r, a)} for i, r, a in rows]
    if params:
        session.execute(
            text("INSERT INTO waybill_short_fts(rowid, grams) VALUES (:id, :g)"), params
        )


def unindex_waybills(session: Session, rows: Iterable[tuple[int, str | None, str | None]]) -> None:
    """Remove waybills (id, recipient, address) from the short-query index before deleting them."""
    if not _is_sqlite(session):
        return
    params = [{"id": i, "g": _grams_of(r, a)} for i, r, a in rows]
    if params:
        session.execute(
            text(
                "INSERT INTO waybill_short_fts(waybill_short_fts, rowid, grams) "
                "VALUES ('delete', :id, :g)"
            ),
            params,
        )


def _ids(session: Session, sql: str, **params: object) -> list[int]:
    return [row[0] for row in session.execute(text(sql), params)]


def find_by_number(session: Session, number: str, limit: int) -> list[int]:
    return _ids(
        session,
        "SELECT id FROM waybill WHERE number = :n ORDER BY id DESC LIMIT :lim",
        n=number,
        lim=limit,
    )


def find_by_phone(session: Session, phone: str, limit: int) -> list[int]:
    return _ids(
        session,
        "SELECT id FROM waybill WHERE phone_tail = :t AND phone = :p ORDER BY id DESC LIMIT :lim",
        t=phone[-4:],
        p=phone,
        lim=limit,
    )


def find_by_phone_tail(session: Session, tail: str, limit: int) -> list[int]:
    return _ids(
        session,
        "SELECT id FROM waybill WHERE phone_tail = :t ORDER BY id DESC LIMIT :lim",
        t=tail,
        lim=limit,
    )


_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


def _anchor(query: str) -> str | None:
    """The name in an address-like query (8+ characters with digits), or None."""
    if len(query) < 8 or not any(c.isdigit() for c in query):
        return None
    runs = _NAME_RUN.findall(query)
    return max(runs, key=len) if runs else None


def find_text(session: Session, query: str, limit: int) -> list[int]:
    """Waybills whose number, recipient or address contains `query`, newest first.

    Phones are found whole or by their last four digits (find_by_phone, find_by_phone_tail).
    """
    query = "".join(query.split())[:MAX_QUERY_CHARS]
    if not query:
        return []
    if not _is_sqlite(session):
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return _ids(
            session,
            "SELECT id FROM waybill WHERE number LIKE :q ESCAPE '\\' "
            "OR recipient LIKE :q ESCAPE '\\' OR address LIKE :q ESCAPE '\\' "
            "ORDER BY id DESC LIMIT :lim",
            q=pattern,
            lim=limit,
        )
    anchor = _anchor(query)
    if anchor is not None:
        # 柳月港广场B座1403室: the trigrams of B座14…, 403室 are in a large share of all
        # addresses and make the phrase slow; the name finds the few rows, which are then
        # checked for the whole text (the same rows as the phrase would give).
        return _ids(
            session,
            "SELECT rowid FROM waybill_fts WHERE waybill_fts MATCH :a "
            "AND (instr(lower(address), :q) OR instr(lower(recipient), :q) "
            "OR instr(lower(number), :q)) ORDER BY rowid DESC LIMIT :lim",
            a=_fts_phrase(anchor),
            q=query.lower(),
            lim=limit,
        )
    if len(query) >= 3:
        return _ids(
            session,
            "SELECT rowid FROM waybill_fts WHERE waybill_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :lim",
            q=_fts_phrase(query),
            lim=limit,
        )
    chars = [c for c in query.lower() if c.isalnum()]
    if not chars:
        return []
    match = _fts_phrase("".join(chars)) if len(chars) == 2 else _fts_phrase(chars[0]) + "*"
    return _ids(
        session,
        "SELECT rowid FROM waybill_short_fts WHERE waybill_short_fts MATCH :q "
        "ORDER BY rowid DESC LIMIT :lim",
        q=match,
        lim=limit,
    )


def rebuild_short_index(session: Session) -> None:
    """Rebuild the short-query index from the waybill table (after a bulk change)."""
    if not _is_sqlite(session):
        return
    session.execute(text("INSERT INTO waybill_short_fts(waybill_short_fts) VALUES ('delete-all')"))
    rows = session.execute(text("SELECT id, recipient, address FROM waybill")).all()
    index_waybills(session, [(r[0], r[1], r[2]) for r in rows])


def ids_param() -> BindParameter[Any]:
    return bindparam("ids", expanding=True)


def load(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The waybill rows for `ids`, in the order given."""
    if not ids:
        return []
    rows = session.execute(
        text(
            "SELECT id, number, carrier, recipient, phone, address, status, event_date, "
            "courier_name, sender_name FROM waybill WHERE id IN :ids"
        ).bindparams(ids_param()),
        {"ids": list(ids)},
    ).mappings()
    by_id = {row["id"]: dict(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]
