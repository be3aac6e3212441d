"""Waybill search behind one interface: FTS5 on SQLite, plain LIKE on other databases.

SQLite-only SQL lives here and in the initial migration's DDL, nowhere else. On SQLite:
- numbers, phones and phone tails use ordinary B-tree indexes;
- text of 3+ characters uses the `waybill_fts` trigram index (kept by triggers);
- text of 1-2 characters uses `waybill_short_fts`, an index of character pairs that this
  module keeps in step with every insert and delete of waybills.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import BindParameter, bindparam, text
from sqlalchemy.orm import Session

MAX_QUERY_CHARS = 64  # longer text adds nothing to a search and only costs time


def _pairs(value: str | None) -> str:
    """Space-separated overlapping character pairs (and single characters) of `value`."""
    if not value:
        return ""
    chars = [c for c in value.lower() if c.isalnum()]
    grams = {a + b for a, b in itertools.pairwise(chars)}
    grams.update(chars)
    return " ".join(sorted(grams))


def _grams_of(recipient: str | None, address: str | None) -> str:
    return _pairs(recipient) + " " + _pairs(address)


def _fts_phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _is_sqlite(bind: Session) -> bool:
    return bind.get_bind().dialect.name == "sqlite"


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
        "SELECT id FROM waybill WHERE phone = :p ORDER BY id DESC LIMIT :lim",
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


def find_text(session: Session, query: str, limit: int) -> list[int]:
    """Waybills whose number, phone, recipient or address contains `query`, newest first."""
    query = "".join(query.split())[:MAX_QUERY_CHARS]
    if not query:
        return []
    if not _is_sqlite(session):
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return _ids(
            session,
            "SELECT id FROM waybill WHERE number LIKE :q ESCAPE '\\' OR phone LIKE :q ESCAPE '\\' "
            "OR recipient LIKE :q ESCAPE '\\' OR address LIKE :q ESCAPE '\\' "
            "ORDER BY id DESC LIMIT :lim",
            q=pattern,
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
    match = _fts_phrase("".join(chars)) if len(chars) == 2 else _fts_phrase(chars[0])
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
    session.execute(text("DELETE FROM waybill_short_fts"))
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
            "courier_name FROM waybill WHERE id IN :ids"
        ).bindparams(ids_param()),
        {"ids": list(ids)},
    ).mappings()
    by_id = {row["id"]: dict(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]
