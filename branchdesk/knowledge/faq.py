"""FAQ entries (常见问题): questions agents meet with the branch's answer, kept current.

Every save keeps the previous state as a version (restore brings it back as a new version);
readers flag an entry they doubt ("still correct?"); searches that found nothing useful are
logged, and the most frequent of them are the FAQ's gaps (FAQ 缺口), each turned into an entry
in one step. Answers use the reply scripts' placeholders ({运单号} …), filled by the
complaints feature's public fill_script.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from branchdesk.complaints.scripts import PLACEHOLDERS, fill_script, normalise_braces
from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.knowledge.models import FaqEntry, FaqFlag, FaqVersion, SearchMiss
from branchdesk.knowledge.text import fold, normalise_query, plain_text
from branchdesk.permissions import Action, actor, require_owner

MAX_QUESTION = 200
MAX_CATEGORY = 40
MAX_TAGS = 200


class FaqError(BranchDeskError):
    """An FAQ entry that cannot be saved as given (the message says what to change)."""


@dataclass(frozen=True)
class FaqInfo:
    id: int
    question: str
    answer: str
    category: str
    tags: str
    owner: str
    review_by: date | None
    version: int
    updated_at: datetime
    updated_by: str
    open_flags: int = 0

    def needs_review(self, today: date) -> bool:
        return self.review_by is not None and self.review_by <= today


@dataclass(frozen=True)
class FaqFields:
    question: str
    answer: str
    category: str = ""
    tags: str = ""
    owner: str = ""
    review_by: date | None = None


@dataclass(frozen=True)
class VersionInfo:
    version: int
    question: str
    answer: str
    category: str
    tags: str
    at: datetime
    who: str


@dataclass(frozen=True)
class FlagInfo:
    id: int
    faq_id: int
    question: str
    agent: str
    comment: str
    created_at: datetime


@dataclass(frozen=True)
class Gap:
    """Queries that found nothing useful, grouped by their normalised form."""

    key: str
    query: str  # the most recent wording
    count: int
    agents: int
    last_at: datetime


def unknown_placeholders(answer: str) -> tuple[str, ...]:
    """{names} in an answer that are not reply-script placeholders (typos)."""
    return fill_script(plain_text(normalise_braces(answer)), {}).unknown


def check_fields(fields: FaqFields) -> FaqFields:
    """The fields cleaned, or FaqError saying what is wrong."""
    question = " ".join(fields.question.split())
    if not question:
        raise FaqError(tr("Write the question the FAQ entry answers."))
    if len(question) > MAX_QUESTION:
        raise FaqError(
            tr("The question is longer than {n} characters: shorten it.", n=MAX_QUESTION)
        )
    answer = normalise_braces((fields.answer or "").strip())
    if not plain_text(answer).strip():
        raise FaqError(tr("The answer is empty: write what agents should say or do."))
    unknown = unknown_placeholders(answer)
    if unknown:
        raise FaqError(
            tr(
                "The answer uses {names}, which BranchDesk cannot fill. Use one of: {known}",
                names="、".join("{" + n + "}" for n in unknown),
                known=" ".join("{" + n + "}" for n in PLACEHOLDERS),
            )
        )
    category = fields.category.strip()[:MAX_CATEGORY]
    tags = " ".join(fields.tags.replace("，", " ").replace(",", " ").split())[:MAX_TAGS]
    return FaqFields(question, answer, category, tags, fields.owner.strip()[:40], fields.review_by)


def _info(e: FaqEntry, flags: int = 0) -> FaqInfo:
    return FaqInfo(
        e.id,
        e.question,
        e.answer,
        e.category,
        e.tags,
        e.owner,
        e.review_by,
        e.version,
        e.updated_at,
        e.updated_by,
        flags,
    )


def _entry(session: Session, faq_id: int) -> FaqEntry:
    entry = session.get(FaqEntry, faq_id)
    if entry is None:
        raise FaqError(tr("This FAQ entry no longer exists."))
    return entry


def _same_question(session: Session, question: str, other_than: int | None) -> FaqEntry | None:
    key = fold(question)
    for entry in session.scalars(select(FaqEntry).where(FaqEntry.id != (other_than or 0))):
        if fold(entry.question) == key:
            return entry
    return None


def list_entries(session: Session, query: str = "", category: str = "") -> list[FaqInfo]:
    """Entries by category then question; `query` words must all appear in some field."""
    flags = dict(
        session.execute(
            select(FaqFlag.faq_id, func.count())
            .where(FaqFlag.resolved_at.is_(None))
            .group_by(FaqFlag.faq_id)
        ).all()
    )
    words = [fold(w) for w in query.split()]
    out = []
    for e in session.scalars(select(FaqEntry).order_by(FaqEntry.category, FaqEntry.question)):
        if category and e.category != category:
            continue
        if words:
            hay = fold(" ".join((e.question, plain_text(e.answer), e.category, e.tags, e.owner)))
            if not all(w in hay for w in words):
                continue
        out.append(_info(e, flags.get(e.id, 0)))
    return out


def entries_for_search(session: Session) -> list[FaqInfo]:
    return [_info(e) for e in session.scalars(select(FaqEntry).order_by(FaqEntry.id))]


def get_entry(session: Session, faq_id: int) -> FaqInfo:
    return _info(_entry(session, faq_id))


def categories(session: Session) -> list[str]:
    return [
        c
        for c in session.scalars(select(FaqEntry.category).distinct().order_by(FaqEntry.category))
        if c
    ]


def _keep_version(session: Session, entry: FaqEntry) -> None:
    session.add(
        FaqVersion(
            faq_id=entry.id,
            version=entry.version,
            question=entry.question,
            answer=entry.answer,
            category=entry.category,
            tags=entry.tags,
            at=entry.updated_at,
            who=entry.updated_by,
        )
    )


def save_entry(
    session: Session,
    fields: FaqFields,
    faq_id: int | None = None,
    *,
    who: str | None = None,
    batch_id: int | None = None,
) -> FaqInfo:
    """Add an entry, or change entry `faq_id` (its previous state is kept as a version)."""
    clean = check_fields(fields)
    same = _same_question(session, clean.question, faq_id)
    if same is not None:
        raise FaqError(
            tr("The FAQ already has the question “{q}”: edit that entry instead.", q=same.question)
        )
    require_owner(Action.MANAGE_KNOWLEDGE, session, tr("FAQ entry “{q}” saved", q=clean.question))
    who = (actor() if who is None else who)[:40]
    now = utcnow()
    if faq_id is None:
        entry = FaqEntry(version=1, created_at=now, batch_id=batch_id)
        session.add(entry)
    else:
        entry = _entry(session, faq_id)
        _keep_version(session, entry)
        entry.version += 1
    entry.question, entry.answer = clean.question, clean.answer
    entry.category, entry.tags, entry.owner = clean.category, clean.tags, clean.owner
    entry.review_by = clean.review_by
    entry.updated_at, entry.updated_by = now, who
    session.flush()
    return _info(entry)


def delete_entry(session: Session, faq_id: int) -> None:
    entry = _entry(session, faq_id)
    require_owner(Action.DELETE_RECORDS, session, tr("FAQ entry “{q}” deleted", q=entry.question))
    session.delete(entry)
    session.flush()


def versions(session: Session, faq_id: int) -> list[VersionInfo]:
    """The entry's earlier states, newest first (the current one not among them)."""
    return [
        VersionInfo(v.version, v.question, v.answer, v.category, v.tags, v.at, v.who)
        for v in session.scalars(
            select(FaqVersion)
            .where(FaqVersion.faq_id == faq_id)
            .order_by(FaqVersion.version.desc())
        )
    ]


def restore_version(session: Session, faq_id: int, version: int, who: str | None = None) -> FaqInfo:
    """Bring an earlier state back as the newest version (nothing is lost)."""
    entry = _entry(session, faq_id)
    old = session.scalar(
        select(FaqVersion).where(FaqVersion.faq_id == faq_id, FaqVersion.version == version)
    )
    if old is None:
        raise FaqError(tr("Version {v} of this FAQ entry is not kept.", v=version))
    return save_entry(
        session,
        FaqFields(old.question, old.answer, old.category, old.tags, entry.owner, entry.review_by),
        faq_id,
        who=who,
    )


def mark_reviewed(session: Session, faq_id: int, review_by: date | None) -> FaqInfo:
    """The owner checked the entry: readers' doubts are resolved, the next review is set."""
    entry = _entry(session, faq_id)
    require_owner(
        Action.MANAGE_KNOWLEDGE, session, tr("FAQ entry “{q}” reviewed", q=entry.question)
    )
    entry.review_by = review_by
    for flag in session.scalars(
        select(FaqFlag).where(FaqFlag.faq_id == faq_id, FaqFlag.resolved_at.is_(None))
    ):
        flag.resolved_at = utcnow()
    session.flush()
    return _info(entry)


def needs_review(session: Session, today: date | None = None) -> list[FaqInfo]:
    today = today or date.today()
    return [e for e in list_entries(session) if e.needs_review(today) or e.open_flags]


def fill_answer(answer: str, facts: dict[str, str | None]) -> str:
    """The answer as plain text with the facts filled in (unknown facts left as blanks)."""
    return fill_script(plain_text(answer), facts).text


# --- "still correct?" flags -----------------------------------------------------------


def flag_entry(session: Session, faq_id: int, comment: str, agent: str | None = None) -> FlagInfo:
    entry = _entry(session, faq_id)
    flag = FaqFlag(
        faq_id=entry.id,
        agent=(actor() if agent is None else agent)[:40],
        comment=comment.strip(),
        created_at=utcnow(),
    )
    session.add(flag)
    session.flush()
    return FlagInfo(flag.id, entry.id, entry.question, flag.agent, flag.comment, flag.created_at)


def open_flags(session: Session) -> list[FlagInfo]:
    return [
        FlagInfo(f.id, f.faq_id, q, f.agent, f.comment, f.created_at)
        for f, q in session.execute(
            select(FaqFlag, FaqEntry.question)
            .join(FaqEntry, FaqEntry.id == FaqFlag.faq_id)
            .where(FaqFlag.resolved_at.is_(None))
            .order_by(FaqFlag.created_at.desc())
        )
    ]


def resolve_flag(session: Session, flag_id: int) -> None:
    flag = session.get(FaqFlag, flag_id)
    if flag is not None and flag.resolved_at is None:
        flag.resolved_at = utcnow()
        session.flush()


# --- searches with no useful hit and the FAQ's gaps -----------------------------------


def log_miss(session: Session, query: str, agent: str | None = None) -> bool:
    """Record a search that found nothing useful; False when the query is too short to count."""
    query = " ".join(query.split())[:100]
    key = normalise_query(query)
    if len(key) < 2:
        return False
    session.add(
        SearchMiss(query=query, normalised=key, agent=(actor() if agent is None else agent)[:40])
    )
    session.flush()
    return True


def gaps(session: Session, limit: int = 50) -> list[Gap]:
    """The most frequent unanswered queries: how often, by how many agents, when last."""
    rows = session.execute(
        select(
            SearchMiss.normalised,
            func.count(),
            func.count(SearchMiss.agent.distinct()),
            func.max(SearchMiss.at),
            func.max(SearchMiss.id),
        )
        .where(SearchMiss.answered_by.is_(None))
        .group_by(SearchMiss.normalised)
        .order_by(func.count().desc(), func.max(SearchMiss.at).desc())
        .limit(limit)
    ).all()
    latest = dict(
        session.execute(
            select(SearchMiss.id, SearchMiss.query).where(SearchMiss.id.in_([r[4] for r in rows]))
        ).all()
    )
    return [
        Gap(key, latest.get(last_id, key), n, agents, at) for key, n, agents, at, last_id in rows
    ]


def answer_gap(session: Session, key: str, fields: FaqFields, who: str | None = None) -> FaqInfo:
    """Turn a gap into an FAQ entry: the entry is saved and the gap's searches marked answered."""
    info = save_entry(session, fields, who=who)
    session.execute(
        update(SearchMiss)
        .where(SearchMiss.normalised == key, SearchMiss.answered_by.is_(None))
        .values(answered_by=info.id)
    )
    session.flush()
    return info


def dismiss_gap(session: Session, key: str) -> None:
    """Forget a gap that needs no entry (a typo, a test): its searches are deleted."""
    require_owner(Action.DELETE_RECORDS, session, tr("FAQ gap “{q}” dismissed", q=key))
    for miss in session.scalars(
        select(SearchMiss).where(SearchMiss.normalised == key, SearchMiss.answered_by.is_(None))
    ):
        session.delete(miss)
    session.flush()


def search_stamp(session: Session) -> str:
    row = session.execute(
        select(
            select(func.count()).select_from(FaqEntry).scalar_subquery(),
            select(func.max(FaqEntry.id)).scalar_subquery(),
            select(func.max(FaqEntry.updated_at)).scalar_subquery(),
            select(func.total(FaqEntry.version * FaqEntry.id)).scalar_subquery(),
        )
    ).one()
    return repr(tuple(row))
