"""Removing old waybills: customers' names, phones and addresses are kept no longer than needed.

A waybill's age is its event date, or the day its list was imported when the list had no
dates. Waybills leave in chunks, each committed on its own, so a purge of a million rows
never holds the database's write lock for long (a complaint saved meanwhile waits for one
chunk, under a second; lookups never wait in WAL mode) and a purge cut short by a power cut
leaves a consistent, smaller table.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.orm import Session

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.models import ImportBatch
from branchdesk.lookup import search
from branchdesk.lookup.models import Waybill
from branchdesk.permissions import Action, require_owner

log = logging.getLogger(__name__)

PURGE_CHUNK = 10_000
MAX_DAYS = 36_500


def _dated_before(cutoff: date) -> ColumnElement[bool]:
    """Waybills dated before `cutoff`.

    A waybill counts from its own date, else from its import's (a UTC timestamp: the day is
    close enough for a limit counted in months). One with neither is kept: its age is unknown.
    """
    imported = (
        select(ImportBatch.created_at).where(ImportBatch.id == Waybill.batch_id).scalar_subquery()
    )
    return or_(
        Waybill.event_date < cutoff,
        and_(Waybill.event_date.is_(None), imported < datetime.combine(cutoff, time())),
    )


def cutoff_date(older_than_days: int, today: date | None = None) -> date:
    """The first day kept: waybills dated before it are older than `older_than_days`."""
    if not 1 <= older_than_days <= MAX_DAYS:
        raise BranchDeskError(
            tr(
                "Give a number of days between 1 and {most}, not {days}.",
                most=MAX_DAYS,
                days=older_than_days,
            )
        )
    return (today or date.today()) - timedelta(days=older_than_days)


def count_old_waybills(session: Session, older_than_days: int, *, today: date | None = None) -> int:
    """How many waybills purge_waybills would remove (for its confirmation)."""
    cutoff = cutoff_date(older_than_days, today)
    return session.scalar(select(func.count()).where(_dated_before(cutoff))) or 0


def purge_waybills(
    session: Session,
    older_than_days: int,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Remove waybills older than `older_than_days`; returns how many went.

    Commits after every chunk of PURGE_CHUNK waybills. `progress(done, total)` follows.
    """
    cutoff = cutoff_date(older_than_days, today)
    require_owner(Action.DELETE_RECORDS)
    total = count_old_waybills(session, older_than_days, today=today)
    if not total:
        return 0
    # The audit entry is committed with every chunk and says how many are gone by then: a
    # purge stopped (or cut off by a power cut) half-way is logged as far as it got.
    entry = require_owner(Action.DELETE_RECORDS, session)
    if entry is None:  # with a session, require_owner always returns the entry it wrote
        raise RuntimeError("the purge's audit entry was not written")
    done = 0
    after = 0
    # Walk the table once in id order: each chunk continues where the last one stopped.
    while True:
        rows = session.execute(
            select(Waybill.id, Waybill.recipient, Waybill.address)
            .where(_dated_before(cutoff), Waybill.id > after)
            .order_by(Waybill.id)
            .limit(PURGE_CHUNK)
        ).all()
        if not rows:
            break
        ids = [r[0] for r in rows]
        # The short-query index is contentless: it forgets a row only when told what it held.
        # The trigram index follows by trigger.
        search.unindex_waybills(session, [(r[0], r[1], r[2]) for r in rows])
        session.execute(delete(Waybill).where(Waybill.id.in_(ids)))
        done += len(ids)
        entry.detail = _purged(done, total, cutoff)
        session.commit()
        after = ids[-1]
        if progress is not None:
            progress(done, max(total, done))
    if done:
        log.info("Removed %d waybill(s) dated before %s", done, cutoff)
    return done


def _purged(done: int, total: int, cutoff: date) -> str:
    if done >= total:
        return tr("Removed {count} waybills from before {date}", count=done, date=cutoff)
    return tr(
        "Removing {total} waybills from before {date}: {count} removed so far",
        total=total,
        count=done,
        date=cutoff,
    )
