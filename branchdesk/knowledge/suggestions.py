"""纠错与建议 (the suggestion box): anyone flags a wrong or outdated fact on any item, or
proposes an improvement; the owner accepts or declines with a reason; accepted ones credit
their author, counted per month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.knowledge.models import Suggestion
from branchdesk.permissions import Action, actor, require_owner

WRONG, BETTER = "wrong", "better"
OPEN, ACCEPTED, DECLINED = "open", "accepted", "declined"


class SuggestionError(BranchDeskError):
    """A suggestion that cannot be recorded or decided as asked."""


@dataclass(frozen=True)
class SuggestionInfo:
    id: int
    item_kind: str
    item_id: int | None
    item_title: str
    kind: str
    text: str
    author: str
    created_at: datetime
    status: str
    reason: str
    decided_by: str
    decided_at: datetime | None


@dataclass(frozen=True)
class Credit:
    author: str
    month: str  # 2026-12
    accepted: int
    proposed: int


def kind_text(kind: str) -> str:
    return tr("Wrong or outdated") if kind == WRONG else tr("Improvement")


def status_text(status: str) -> str:
    return {OPEN: tr("Open"), ACCEPTED: tr("Accepted"), DECLINED: tr("Declined")}.get(
        status, status
    )


def _info(s: Suggestion) -> SuggestionInfo:
    return SuggestionInfo(
        s.id,
        s.item_kind,
        s.item_id,
        s.item_title,
        s.kind,
        s.text,
        s.author,
        s.created_at,
        s.status,
        s.reason,
        s.decided_by,
        s.decided_at,
    )


def propose(
    session: Session,
    text: str,
    *,
    kind: str = WRONG,
    item_kind: str = "",
    item_id: int | None = None,
    item_title: str = "",
    author: str | None = None,
) -> SuggestionInfo:
    """Record a suggestion on an item (or on nothing in particular)."""
    text = text.strip()
    if not text:
        raise SuggestionError(tr("Write what is wrong or what would be better."))
    if kind not in (WRONG, BETTER):
        raise SuggestionError(tr("A suggestion is either a wrong fact or an improvement."))
    row = Suggestion(
        item_kind=item_kind[:12],
        item_id=item_id,
        item_title=item_title[:200],
        kind=kind,
        text=text,
        author=(actor() if author is None else author)[:40],
        created_at=utcnow(),
        status=OPEN,
    )
    session.add(row)
    session.flush()
    return _info(row)


def suggestions(session: Session, status: str | None = None) -> list[SuggestionInfo]:
    """Suggestions, open ones first, newest first."""
    stmt = select(Suggestion).order_by(
        (Suggestion.status != OPEN), Suggestion.created_at.desc(), Suggestion.id.desc()
    )
    if status is not None:
        stmt = stmt.where(Suggestion.status == status)
    return [_info(s) for s in session.scalars(stmt)]


def decide(
    session: Session, suggestion_id: int, accept: bool, reason: str, who: str | None = None
) -> SuggestionInfo:
    """The owner's decision; a decline needs a reason the author can read."""
    row = session.get(Suggestion, suggestion_id)
    if row is None:
        raise SuggestionError(tr("This suggestion no longer exists."))
    if row.status != OPEN:
        raise SuggestionError(tr("This suggestion was already decided."))
    reason = reason.strip()
    if not accept and not reason:
        raise SuggestionError(tr("Say why the suggestion is declined, so its author learns why."))
    require_owner(
        Action.MANAGE_KNOWLEDGE,
        session,
        tr(
            "Suggestion by {author} {decision}",
            author=row.author or "—",
            decision=tr("accepted") if accept else tr("declined"),
        ),
    )
    row.status = ACCEPTED if accept else DECLINED
    row.reason = reason
    row.decided_by = (actor() if who is None else who)[:40]
    row.decided_at = utcnow()
    session.flush()
    return _info(row)


def credits(session: Session, month: date | None = None) -> list[Credit]:
    """Per author and month: suggestions accepted and proposed (most accepted first)."""
    month_of = func.strftime("%Y-%m", Suggestion.created_at)
    accepted = func.sum(func.iif(Suggestion.status == ACCEPTED, 1, 0))
    stmt = select(Suggestion.author, month_of, accepted, func.count()).group_by(
        Suggestion.author, month_of
    )
    if month is not None:
        stmt = stmt.where(month_of == month.strftime("%Y-%m"))
    rows = session.execute(stmt.order_by(month_of.desc(), accepted.desc(), Suggestion.author))
    return [Credit(a or "—", m, int(n or 0), int(total)) for a, m, n, total in rows]
