"""Drill cards from the branch's own tables (pure): one question per source row's content.

A card's key hashes its question side (the table, the kind of question, the prompt), so the
card is the same after a re-import of the same row; its fingerprint hashes the answer side, so
a row whose answer changed is learned again. Ties are kept: when two couriers serve the same
place, both are right answers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from branchdesk.i18n import tr

DECKS = ("areas", "routes", "times", "handbook", "scripts")
# A courier's areas are listed up to this many names on the back of the card.
AREAS_SHOWN = 12


def deck_label(deck: str) -> str:
    """The table a deck is made from, as the branch calls it."""
    return {
        "areas": tr("Delivery-area table"),
        "routes": tr("Route table"),
        "times": tr("Arrival-time table"),
        "handbook": tr("Penalty handbook"),
        "scripts": tr("Reply scripts"),
    }.get(deck, deck)


def kind_question(kind: str) -> str:
    """The question a card asks, above its prompt."""
    return {
        "area_courier": tr("Who delivers here?"),
        "courier_areas": tr("Which areas does this courier deliver?"),
        "route": tr("Which route or hub does a parcel to this destination take?"),
        "days": tr("How many days to arrive?"),
        "fine": tr("What is the fine?"),
        "avoid": tr("How is it avoided?"),
        "script_category": tr("Which complaint category is this?"),
    }.get(kind, "")


@dataclass(frozen=True)
class CardSpec:
    deck: str
    kind: str
    prompt: str
    answers: tuple[str, ...]  # every answer that counts as right, best first
    focus: str | None = None  # the area keyword (looked-up addresses come first)

    @property
    def answer(self) -> str:
        return " / ".join(self.answers)

    @property
    def key(self) -> str:
        return _hash(self.deck, self.kind, self.prompt)

    @property
    def fingerprint(self) -> str:
        return _hash(*sorted(self.answers))


def shown_answers(kind: str, answers: Iterable[str]) -> tuple[str, ...]:
    """The answers as the drill and the copy-out key show them, in the UI's language now (the
    cards store them in none, so changing the language never makes a card "changed")."""
    if kind == "days":
        return tuple(tr("{days} day(s)", days=a) for a in answers)
    return tuple(answers)


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AreaSource:
    district: str | None
    keyword: str
    read_as: str
    courier: str


@dataclass(frozen=True)
class HandbookSource:
    category: str
    cause: str
    fine: str
    avoidance: str


def area_cards(
    rows: Iterable[AreaSource], ties: Mapping[str, Sequence[str]] | None = None
) -> list[CardSpec]:
    """Address → courier for each rule as read (two couriers on one place: both right), and
    courier → their areas. `ties` adds the couriers the lookup matcher cannot tell apart for
    a keyword."""
    ties = ties or {}
    by_place: dict[str, list[str]] = {}
    keyword_of: dict[str, str] = {}
    by_courier: dict[str, list[str]] = {}
    for row in rows:
        place = row.read_as or row.keyword
        if row.district:
            place = f"{row.district} · {place}"
        couriers = by_place.setdefault(place, [])
        if row.courier not in couriers:
            couriers.append(row.courier)
        keyword_of.setdefault(place, row.keyword)
        names = by_courier.setdefault(row.courier, [])
        if row.keyword not in names:
            names.append(row.keyword)
    cards = []
    for place, couriers in by_place.items():
        keyword = keyword_of[place]
        answers = list(couriers)
        for other in ties.get(keyword, ()):
            if other not in answers:
                answers.append(other)
        cards.append(CardSpec("areas", "area_courier", place, tuple(answers), keyword))
    for courier, names in by_courier.items():
        shown = "、".join(names[:AREAS_SHOWN])
        if len(names) > AREAS_SHOWN:
            # Stored as data in no language: the card must not change when the UI's does.
            shown += f" …(+{len(names) - AREAS_SHOWN})"
        cards.append(CardSpec("areas", "courier_areas", courier, (shown,)))
    return cards


def route_cards(rows: Iterable[tuple[str, str]]) -> list[CardSpec]:
    """(destination, route or hub) → destination → route."""
    seen: dict[str, list[str]] = {}
    for destination, route in rows:
        if destination and route:
            answers = seen.setdefault(destination, [])
            if route not in answers:
                answers.append(route)
    return [CardSpec("routes", "route", d, tuple(a)) for d, a in seen.items()]


def time_cards(rows: Iterable[tuple[str, str]]) -> list[CardSpec]:
    """(destination, days) → destination → days. The days are stored as the table has them
    ("1", "2-3"), in no language; `shown_answers` adds the unit for the reader."""
    seen: dict[str, list[str]] = {}
    for destination, days in rows:
        if destination and days:
            answers = seen.setdefault(destination, [])
            if days not in answers:
                answers.append(days)
    return [CardSpec("times", "days", d, tuple(a)) for d, a in seen.items()]


def handbook_cards(rows: Iterable[HandbookSource]) -> list[CardSpec]:
    """Cause → fine, and cause → how to avoid it (when the handbook says)."""
    cards: dict[str, CardSpec] = {}
    for row in rows:
        prompt = f"{row.category} · {row.cause}"
        for kind, answer in (("fine", row.fine), ("avoid", row.avoidance)):
            answer = (answer or "").strip()
            if not answer:
                continue
            spec = CardSpec("handbook", kind, prompt, (answer,))
            held = cards.get(spec.key)
            if held is not None and answer not in held.answers:
                spec = CardSpec("handbook", kind, prompt, (*held.answers, answer))
            cards[spec.key] = spec
    return list(cards.values())


def script_cards(rows: Iterable[tuple[str, str]]) -> list[CardSpec]:
    """(situation: the script's title, category path) → situation → category."""
    seen: dict[str, list[str]] = {}
    for situation, category in rows:
        if situation and category:
            answers = seen.setdefault(situation, [])
            if category not in answers:
                answers.append(category)
    return [CardSpec("scripts", "script_category", s, tuple(a)) for s, a in seen.items()]
