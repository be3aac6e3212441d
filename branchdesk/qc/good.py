"""The good-handling library (优秀处理): items marked good, with a note, kept as examples."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.permissions import actor
from branchdesk.qc.models import QcGoodHandling
from branchdesk.qc.sampling import QcError, sample_item
from branchdesk.team import agents as team


@dataclass(frozen=True)
class GoodExample:
    """One example of good handling: what was said, by whom, and why it is good."""

    id: int
    sample_item_id: int | None
    agent_name: str
    kind: str
    item_id: int
    title: str
    text: str
    note: str
    marked_by: str
    marked_at: datetime


def mark_good(
    session: Session, sample_item_id: int, note: str, who: str | None = None
) -> GoodExample:
    """Keep a sampled item as good handling; marking it again updates the note."""
    if not note.strip():
        raise QcError(tr("Write what makes it good, so others can learn from it."))
    item = sample_item(session, sample_item_id)
    row = session.scalar(
        select(QcGoodHandling).where(QcGoodHandling.sample_item_id == sample_item_id)
    )
    if row is None:
        names = {a.id: a.name for a in team.list_agents(session, active_only=False)}
        row = QcGoodHandling(
            sample_item_id=item.id,
            agent_id=item.agent_id,
            agent_name=names.get(item.agent_id, ""),
            item_kind=item.item_kind,
            item_id=item.item_id,
            title=item.title,
            text=item.text,
        )
        session.add(row)
    row.note = note.strip()
    row.marked_by = (actor() if who is None else who)[:40]
    row.marked_at = datetime.now().replace(microsecond=0)
    session.flush()
    return _example(row)


def unmark_good(session: Session, example_id: int) -> None:
    row = session.get(QcGoodHandling, example_id)
    if row is not None:
        session.delete(row)
        session.flush()


def _example(r: QcGoodHandling) -> GoodExample:
    return GoodExample(
        r.id,
        r.sample_item_id,
        r.agent_name,
        r.item_kind,
        r.item_id,
        r.title,
        r.text,
        r.note,
        r.marked_by,
        r.marked_at,
    )


def good_examples(session: Session, query: str = "", limit: int = 200) -> list[GoodExample]:
    """Examples of good handling, newest first; `query` finds words in the item, the note or
    the agent's name. For training and reply scripts as much as for the QC page."""
    stmt = select(QcGoodHandling).order_by(QcGoodHandling.marked_at.desc(), QcGoodHandling.id)
    for word in query.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        stmt = stmt.where(
            or_(
                QcGoodHandling.title.like(like, escape="\\"),
                QcGoodHandling.text.like(like, escape="\\"),
                QcGoodHandling.note.like(like, escape="\\"),
                QcGoodHandling.agent_name.like(like, escape="\\"),
            )
        )
    return [_example(r) for r in session.scalars(stmt.limit(limit))]


def good_item_ids(session: Session, sample_item_ids: list[int]) -> set[int]:
    """Which of these sampled items are marked good."""
    return set(
        session.scalars(
            select(QcGoodHandling.sample_item_id).where(
                QcGoodHandling.sample_item_id.in_(sample_item_ids)
            )
        )
    )


def search_stamp(session: Session) -> str:
    """Changes whenever an example is marked, its note changed, or unmarked."""
    row = session.execute(
        select(
            select(func.count()).select_from(QcGoodHandling).scalar_subquery(),
            select(func.max(QcGoodHandling.id)).scalar_subquery(),
            select(func.max(QcGoodHandling.marked_at)).scalar_subquery(),
        )
    ).one()
    return repr(tuple(row))
