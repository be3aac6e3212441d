"""Drills: keep the cards in step with the branch's tables, build a day's session for one
employee, grade an answer (FSRS), and say how much of each table they have mastered.

Read other features through their public faces only: lookup's table listings and matcher,
the handbook's entries, the complaint categories with their scripts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler
from sqlalchemy import case, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.training.cards import (
    DECKS,
    AreaSource,
    CardSpec,
    HandbookSource,
    area_cards,
    deck_label,
    handbook_cards,
    kind_question,
    route_cards,
    script_cards,
    shown_answers,
    time_cards,
)
from branchdesk.training.models import TrainingCard, TrainingLookup, TrainingMemory, TrainingReview

# A day's session: 15 minutes, a review taking about 12 s and a new card about 30 s.
SESSION_MINUTES = 15
SECONDS_REVIEW = 12
SECONDS_NEW = 30
NEW_PER_DAY = 20
# A card counts as mastered once it is in review and will be remembered for a week.
MASTERED_DAYS = 7.0
# Looked-up keywords are drilled first for this long.
LOOKUP_DAYS = 30
RATINGS = {1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy}
_SCHEDULER = Scheduler(enable_fuzzing=False)  # the same history gives the same schedule


class TrainingError(BranchDeskError):
    """A drill or plan request that cannot be done, said so that the user can act."""


# --- cards from the tables ---------------------------------------------------------------


def source_cards(session: Session) -> list[CardSpec]:
    """Every card the branch's tables make now, in drill order (areas first)."""
    from branchdesk.complaints.service import category_tree
    from branchdesk.handbook.service import entries
    from branchdesk.lookup.service import lookup_index, tied_couriers
    from branchdesk.lookup.tables import area_rows, route_rows, time_rows

    areas = area_rows(session)
    ties: dict[str, tuple[str, ...]] = {}
    if areas:
        index = lookup_index(session)
        for keyword in {r.keyword for r in areas}:
            tied = tied_couriers(index, keyword)
            if tied:
                ties[keyword] = tied
    specs = area_cards(
        (AreaSource(r.district, r.keyword, r.read_as, r.courier) for r in areas), ties
    )
    specs += route_cards(
        (
            " ".join(p for p in (r.province, r.city, r.district) if p),
            " · ".join(p for p in (r.hub, r.transit_center, r.route_code) if p),
        )
        for r in route_rows(session)
    )
    specs += time_cards(
        (
            " ".join(p for p in (t.province, t.city) if p),
            t.days,
        )
        for t in time_rows(session)
    )
    specs += handbook_cards(
        HandbookSource(e.category, e.cause, e.fine, e.avoidance) for e in entries(session)
    )
    specs += script_cards(
        (script.title, category.path)
        for category in category_tree(session)
        for script in category.scripts
    )
    return specs


@dataclass(frozen=True)
class SyncReport:
    added: int = 0
    changed: int = 0  # answer changed: everyone learns it again
    retired: int = 0  # its row is gone: kept for history, never asked
    revived: int = 0  # a retired card's row came back


def sync_cards(
    session: Session, specs: Sequence[CardSpec] | None = None, now: datetime | None = None
) -> SyncReport:
    """Bring the cards in step with the tables (after an import or an edit)."""
    specs = source_cards(session) if specs is None else specs
    now = now or utcnow()
    held = {
        key: (card_id, fingerprint, retired)
        for card_id, key, fingerprint, retired in session.execute(
            select(
                TrainingCard.id, TrainingCard.key, TrainingCard.fingerprint, TrainingCard.retired_at
            )
        )
    }
    new_rows: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []
    changed_ids: list[int] = []
    seen: set[str] = set()
    revived = 0
    for position, spec in enumerate(specs):
        key = spec.key
        if key in seen:
            continue
        seen.add(key)
        fields = {
            "prompt": spec.prompt,
            "answer": spec.answer,
            "answers": json.dumps(list(spec.answers), ensure_ascii=False),
            "focus": spec.focus,
            "fingerprint": spec.fingerprint,
            "position": DECKS.index(spec.deck) * 1_000_000 + position,
        }
        found = held.get(key)
        if found is None:
            new_rows.append(
                {"key": key, "deck": spec.deck, "kind": spec.kind, "changed_at": now, **fields}
            )
            continue
        card_id, fingerprint, retired = found
        if fingerprint != spec.fingerprint:
            changed_ids.append(card_id)
            changes.append({"id": card_id, "changed_at": now, "retired_at": None, **fields})
        elif retired is not None:
            revived += 1
            changes.append({"id": card_id, "retired_at": None, **fields})
    gone = [cid for key, (cid, _f, retired) in held.items() if key not in seen and retired is None]
    if new_rows:
        session.execute(insert(TrainingCard), new_rows)
    if changes:
        session.execute(update(TrainingCard), changes)
    for chunk in _chunks(gone):
        session.execute(
            update(TrainingCard).where(TrainingCard.id.in_(chunk)).values(retired_at=now)
        )
    for chunk in _chunks(changed_ids):
        # The answer changed: the old memory is of a wrong answer; the reviews stay.
        session.execute(delete(TrainingMemory).where(TrainingMemory.card_id.in_(chunk)))
    session.flush()
    return SyncReport(len(new_rows), len(changed_ids), len(gone), revived)


def _chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    return [ids[n : n + size] for n in range(0, len(ids), size)]


# --- what the agent looked up -----------------------------------------------------------


def lookups_to_note(
    session: Session,
    agent_id: int,
    address: str,
    *,
    wrong: bool = False,
    at: datetime | None = None,
) -> tuple[str, ...]:
    """The area keywords an agent's lookup was answered by that are not noted yet today (the
    lookup page searches as one types: once a day is enough). Reads only."""
    from branchdesk.lookup.service import matched_keywords

    keywords = matched_keywords(session, address)
    if not keywords:
        return ()
    day = day_start(at or utcnow())
    noted = set(
        session.scalars(
            select(TrainingLookup.keyword).where(
                TrainingLookup.agent_id == agent_id,
                TrainingLookup.at >= day,
                TrainingLookup.keyword.in_(keywords),
                TrainingLookup.wrong == wrong,
            )
        )
    )
    return tuple(k for k in keywords if k not in noted)


def record_lookups(
    session: Session,
    agent_id: int,
    keywords: Sequence[str],
    *,
    wrong: bool = False,
    at: datetime | None = None,
) -> None:
    at = at or utcnow()
    for keyword in keywords:
        session.add(TrainingLookup(agent_id=agent_id, keyword=keyword[:200], at=at, wrong=wrong))
    session.flush()


def note_lookup(
    session: Session,
    agent_id: int,
    address: str,
    *,
    wrong: bool = False,
    at: datetime | None = None,
) -> tuple[str, ...]:
    """Remember the area keywords an agent's lookup was answered by: drilled first."""
    keywords = lookups_to_note(session, agent_id, address, wrong=wrong, at=at)
    record_lookups(session, agent_id, keywords, wrong=wrong, at=at)
    return keywords


def _looked_up(session: Session, agent_id: int, now: datetime) -> set[str]:
    since = now - timedelta(days=LOOKUP_DAYS)
    return set(
        session.scalars(
            select(TrainingLookup.keyword)
            .where(TrainingLookup.agent_id == agent_id, TrainingLookup.at >= since)
            .distinct()
        )
    )


# --- a day's session --------------------------------------------------------------------


def day_start(at: datetime) -> datetime:
    """The start of the branch's day (midnight on this PC's clock) holding `at`, both naive
    UTC as stored: the day of a Beijing branch starts at 16:00 UTC, not at UTC midnight."""
    local = at.replace(tzinfo=UTC).astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class DrillItem:
    card_id: int
    deck: str
    kind: str
    question: str
    prompt: str
    answers: tuple[str, ...]  # every right answer (a tie: each courier)
    new: bool
    looked_up: bool = False

    @property
    def tie(self) -> bool:
        return self.kind == "area_courier" and len(self.answers) > 1

    @property
    def deck_label(self) -> str:
        return deck_label(self.deck)


def _item(card: TrainingCard, new: bool, looked: set[str]) -> DrillItem:
    return DrillItem(
        card.id,
        card.deck,
        card.kind,
        kind_question(card.kind),
        card.prompt,
        shown_answers(card.kind, json.loads(card.answers or "[]") or (card.answer,)),
        new,
        card.focus is not None and card.focus in looked,
    )


def build_session(
    session: Session,
    agent_id: int,
    now: datetime | None = None,
    *,
    minutes: int = SESSION_MINUTES,
    decks: Sequence[str] = (),
) -> list[DrillItem]:
    """The day's drill: cards due first (looked-up places, then the ones most often
    forgotten, then the longest due), then new cards (looked-up places first, then the
    tables in order), as many as fit in `minutes`."""
    now = now or utcnow()
    budget = minutes * 60
    looked = _looked_up(session, agent_id, now)
    live = [TrainingCard.retired_at.is_(None)]
    if decks:
        live.append(TrainingCard.deck.in_(list(decks)))
    due_rows = list(
        session.execute(
            select(TrainingCard, TrainingMemory.lapses, TrainingMemory.due)
            .join(TrainingMemory, TrainingMemory.card_id == TrainingCard.id)
            .where(TrainingMemory.agent_id == agent_id, TrainingMemory.due <= now, *live)
            .order_by(TrainingMemory.due)
            .limit(budget // SECONDS_REVIEW * 4)
        ).all()
    )
    due_rows.sort(key=lambda r: (r[0].focus not in looked, -r[1], r[2]))
    items = [_item(card, False, looked) for card, _lapses, _due in due_rows]
    items = items[: budget // SECONDS_REVIEW]
    left = budget - len(items) * SECONDS_REVIEW
    start = day_start(now)
    first_seen = (
        select(TrainingReview.card_id)
        .where(TrainingReview.agent_id == agent_id)
        .group_by(TrainingReview.card_id)
        .having(func.min(TrainingReview.at) >= start)
        .subquery()
    )
    started_today = session.scalar(select(func.count()).select_from(first_seen))
    room = min(left // SECONDS_NEW, max(NEW_PER_DAY - int(started_today or 0), 0))
    if room <= 0:
        return items
    unseen = ~exists().where(
        TrainingMemory.card_id == TrainingCard.id, TrainingMemory.agent_id == agent_id
    )
    fresh: list[TrainingCard] = []
    if looked:
        fresh = list(
            session.scalars(
                select(TrainingCard)
                .where(unseen, TrainingCard.focus.in_(sorted(looked)), *live)
                .order_by(TrainingCard.position)
                .limit(room)
            )
        )
    taken = {c.id for c in fresh}
    if len(fresh) < room:
        fresh += [
            c
            for c in session.scalars(
                select(TrainingCard)
                .where(unseen, *live)
                .order_by(TrainingCard.position)
                .limit(room + len(taken))
            )
            if c.id not in taken
        ][: room - len(fresh)]
    return items + [_item(card, True, looked) for card in fresh]


def grade(
    session: Session,
    agent_id: int,
    card_id: int,
    rating: int,
    now: datetime | None = None,
    *,
    seconds: int = 0,
) -> datetime:
    """Record a grade (1 again, 2 hard, 3 good, 4 easy); returns when the card comes back."""
    return grade_all(session, agent_id, [Answer(card_id, rating, now or utcnow(), seconds)])[0]


@dataclass(frozen=True)
class GradeUndo:
    """What one grade changed, to take it back (Ctrl+Z in the drill): the agent's memory of the
    card before it (None: the card was new to them) and the moment of the answer."""

    agent_id: int
    card_id: int
    at: datetime
    memory: dict[str, Any] | None


_MEMORY_FIELDS = ("fsrs", "due", "state", "stability", "reps", "lapses", "fingerprint")


def grade_undoably(
    session: Session, agent_id: int, card_id: int, rating: int, *, seconds: int = 0
) -> GradeUndo:
    """grade(), and what undo_grade() needs to take it back."""
    held = session.scalar(
        select(TrainingMemory).where(
            TrainingMemory.agent_id == agent_id, TrainingMemory.card_id == card_id
        )
    )
    before = (
        None
        if held is None
        else {name: getattr(held, name) for name in (*_MEMORY_FIELDS, "last_review")}
    )
    at = utcnow()
    grade(session, agent_id, card_id, rating, at, seconds=seconds)
    return GradeUndo(agent_id, card_id, at, before)


def undo_grade(session: Session, undo: GradeUndo) -> None:
    """Take back the grade `undo` was made for: its review and the place it marked as got
    wrong go, and the agent's memory of the card is as it was. Refused (TrainingError) when
    the card was graded again since (at another PC): that newer grade stays."""
    memory = session.scalar(
        select(TrainingMemory).where(
            TrainingMemory.agent_id == undo.agent_id, TrainingMemory.card_id == undo.card_id
        )
    )
    if memory is None or memory.last_review != undo.at:
        raise TrainingError(
            tr("This card was graded again since (at another PC?): that grade stays.")
        )
    session.execute(
        delete(TrainingReview).where(
            TrainingReview.agent_id == undo.agent_id,
            TrainingReview.card_id == undo.card_id,
            TrainingReview.at == undo.at,
        )
    )
    card = session.get(TrainingCard, undo.card_id)
    if card is not None and card.focus:
        session.execute(
            delete(TrainingLookup).where(
                TrainingLookup.agent_id == undo.agent_id,
                TrainingLookup.keyword == card.focus[:200],
                TrainingLookup.at == undo.at,
            )
        )
    if undo.memory is None:
        session.delete(memory)
    else:
        for name, value in undo.memory.items():
            setattr(memory, name, value)
    session.flush()


@dataclass(frozen=True)
class Answer:
    """One answer of a drill: the card, its grade (1-4), when, and the seconds it took."""

    card_id: int
    rating: int
    at: datetime
    seconds: int = 0


def grade_all(session: Session, agent_id: int, answers: Sequence[Answer]) -> list[datetime]:
    """Record a drill's answers in order, as grade() one by one would; returns when each card
    comes back. Nothing is recorded when one is refused (a bad grade, a retired card). Reads
    the cards and the agent's memory of them once (the sample branch's two weeks of drills
    are 588 answers)."""
    for answer in answers:
        if answer.rating not in RATINGS:
            raise TrainingError(tr("A grade is 1 (again), 2 (hard), 3 (good) or 4 (easy)."))
    ids = sorted({a.card_id for a in answers})
    cards = {c.id: c for c in session.scalars(select(TrainingCard).where(TrainingCard.id.in_(ids)))}
    if any(c is None or c.retired_at is not None for c in map(cards.get, ids)):
        raise TrainingError(
            tr("This card's row is no longer in the table; the drill moves on to the next card.")
        )
    memories = {
        m.card_id: m
        for m in session.scalars(
            select(TrainingMemory).where(
                TrainingMemory.agent_id == agent_id, TrainingMemory.card_id.in_(ids)
            )
        )
    }
    dues: list[datetime] = []
    for answer in answers:
        card, rating, now = cards[answer.card_id], answer.rating, answer.at
        memory = memories.get(card.id)
        fsrs_card = (
            Card.from_dict(json.loads(memory.fsrs))
            if memory is not None and memory.fingerprint == card.fingerprint
            else Card(card_id=card.id, due=now.replace(tzinfo=UTC))
        )
        fsrs_card, _log = _SCHEDULER.review_card(
            fsrs_card, RATINGS[rating], now.replace(tzinfo=UTC)
        )
        due = fsrs_card.due.astimezone(UTC).replace(tzinfo=None)
        if memory is None:
            memory = TrainingMemory(card_id=card.id, agent_id=agent_id, reps=0, lapses=0)
            session.add(memory)
            memories[card.id] = memory
        elif memory.fingerprint != card.fingerprint:
            memory.reps, memory.lapses = 0, 0
        memory.fsrs = json.dumps(fsrs_card.to_dict())
        memory.due = due
        memory.state = int(fsrs_card.state)
        memory.stability = float(fsrs_card.stability or 0.0)
        memory.reps = (memory.reps or 0) + 1
        memory.lapses = (memory.lapses or 0) + (1 if rating == 1 and memory.reps > 1 else 0)
        memory.fingerprint = card.fingerprint
        memory.last_review = now
        session.add(
            TrainingReview(
                card_id=card.id, agent_id=agent_id, rating=rating, at=now, seconds=answer.seconds
            )
        )
        if rating == 1 and card.focus:
            # A place got wrong is drilled first for a while, as one looked up is.
            record_lookups(session, agent_id, (card.focus,), wrong=True, at=now)
        dues.append(due)
    session.flush()
    return dues


# --- progress -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DeckProgress:
    deck: str
    cards: int
    mastered: int
    seen: int

    @property
    def label(self) -> str:
        return deck_label(self.deck)

    @property
    def percent(self) -> int:
        return round(100 * self.mastered / self.cards) if self.cards else 0


def mastery(session: Session, agent_id: int) -> list[DeckProgress]:
    """Per table: live cards, those the agent has seen and those mastered."""
    totals = dict(
        session.execute(
            select(TrainingCard.deck, func.count())
            .where(TrainingCard.retired_at.is_(None))
            .group_by(TrainingCard.deck)
        ).all()
    )
    known = {
        deck: (int(seen), int(done or 0))
        for deck, seen, done in session.execute(
            select(
                TrainingCard.deck,
                func.count(),
                func.sum(
                    case(
                        (
                            (TrainingMemory.state == 2)
                            & (TrainingMemory.stability >= MASTERED_DAYS),
                            1,
                        ),
                        else_=0,
                    )
                ),
            )
            .join(TrainingMemory, TrainingMemory.card_id == TrainingCard.id)
            .where(TrainingMemory.agent_id == agent_id, TrainingCard.retired_at.is_(None))
            .group_by(TrainingCard.deck)
        )
    }
    return [
        DeckProgress(
            deck, int(totals[deck]), known.get(deck, (0, 0))[1], known.get(deck, (0, 0))[0]
        )
        for deck in DECKS
        if totals.get(deck)
    ]


@dataclass(frozen=True)
class DueCounts:
    due: int
    new: int


def due_counts(session: Session, agent_id: int, now: datetime | None = None) -> DueCounts:
    """Cards due now, and cards never drilled (for 今天)."""
    now = now or utcnow()
    due = session.scalar(
        select(func.count())
        .select_from(TrainingMemory)
        .join(TrainingCard, TrainingMemory.card_id == TrainingCard.id)
        .where(
            TrainingMemory.agent_id == agent_id,
            TrainingMemory.due <= now,
            TrainingCard.retired_at.is_(None),
        )
    )
    live = session.scalar(
        select(func.count()).select_from(TrainingCard).where(TrainingCard.retired_at.is_(None))
    )
    seen = session.scalar(
        select(func.count())
        .select_from(TrainingMemory)
        .join(TrainingCard, TrainingMemory.card_id == TrainingCard.id)
        .where(TrainingMemory.agent_id == agent_id, TrainingCard.retired_at.is_(None))
    )
    return DueCounts(int(due or 0), int(live or 0) - int(seen or 0))


def deck_cards(session: Session, deck: str, limit: int = 40) -> list[DrillItem]:
    """A table's live cards in order (the copy-out sheet)."""
    if deck not in DECKS:
        raise TrainingError(
            tr("Unknown table {deck}: use one of {decks}.", deck=deck, decks=", ".join(DECKS))
        )
    cards = session.scalars(
        select(TrainingCard)
        .where(TrainingCard.deck == deck, TrainingCard.retired_at.is_(None))
        .order_by(TrainingCard.position)
        .limit(limit)
    )
    return [_item(c, False, set()) for c in cards]


# --- the copy-out sheet (默写) -------------------------------------------------------------

SHEET_ROWS = 24  # what fits one A4 page with room to write


@dataclass(frozen=True)
class CopySheet:
    deck: str
    title: str
    question: str
    employee: str
    rows: tuple[tuple[str, str], ...]  # (prompt, answer)


def copy_sheet(
    session: Session, deck: str, *, employee: str = "", agent_id: int | None = None
) -> CopySheet:
    """One page of a table to copy out from memory, with its answers for the key: the
    employee's most-forgotten cards first when an employee is given, else the table's order."""
    cards = deck_cards(session, deck, limit=2000 if agent_id is not None else SHEET_ROWS)
    if not cards:
        raise TrainingError(
            tr(
                "{table} has no rows to copy out yet: import it under 数据 first.",
                table=deck_label(deck),
            )
        )
    if agent_id is not None:
        lapses = dict(
            session.execute(
                select(TrainingMemory.card_id, TrainingMemory.lapses).where(
                    TrainingMemory.agent_id == agent_id
                )
            ).all()
        )
        order = {c.card_id: n for n, c in enumerate(cards)}
        cards.sort(key=lambda c: (-lapses.get(c.card_id, 0), order[c.card_id]))
    cards = cards[:SHEET_ROWS]
    kinds = list(dict.fromkeys(c.kind for c in cards))
    question = " / ".join(kind_question(k) for k in kinds)
    return CopySheet(
        deck,
        tr("Copy-out sheet: {table}", table=deck_label(deck)),
        question,
        employee,
        tuple((c.prompt, " / ".join(c.answers)) for c in cards),
    )
