"""The scorecard (sections and items with weights), scoring a sampled item, and calibration.

Sections carry weights in percent that add up to 100; an item carries a share of its section
(relative weights). An item is given 0–100 points; a section's score is the weighted mean of
its items, the total the sections' scores by their weights. Saving an edited card keeps the
old version, so a score always adds up on the card it was given on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from branchdesk.i18n import joined, tr
from branchdesk.permissions import Action, require_owner
from branchdesk.qc.models import QcCriterion, QcSampleItem, QcScore, QcScorecard, QcScoreLine
from branchdesk.qc.models import QcSection as QcSectionRow
from branchdesk.qc.sampling import QcError, item_day, sample_item


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    weight: int = 1
    id: int | None = None  # set when read from the database


@dataclass(frozen=True)
class SectionSpec:
    name: str
    weight: int
    criteria: tuple[CriterionSpec, ...]
    id: int | None = None


@dataclass(frozen=True)
class Scorecard:
    id: int
    name: str
    sections: tuple[SectionSpec, ...]

    def criteria(self) -> list[CriterionSpec]:
        return [c for s in self.sections for c in s.criteria]


# The card of the branch-management practice: 25 / 50 / 25.
DEFAULT_NAME = "客服质检评分表"
DEFAULT_CARD: tuple[SectionSpec, ...] = (
    SectionSpec(
        "服务规范/服务礼仪",
        25,
        tuple(CriterionSpec(n) for n in ("服务用语", "回复速度", "开头语", "等候语", "结束语")),
    ),
    SectionSpec(
        "业务规范及能力",
        50,
        tuple(
            CriterionSpec(n)
            for n in ("流程操作", "产品知识", "需求探索", "方案提供", "表达技巧", "准确完整")
        ),
    ),
    SectionSpec(
        "服务意识",
        25,
        tuple(CriterionSpec(n) for n in ("服务禁忌", "风险意识", "主动性")),
    ),
)


def check_card(name: str, sections: tuple[SectionSpec, ...] | list[SectionSpec]) -> None:
    """Refuse a card that cannot score: no sections, a blank or repeated name, a weight out of
    bounds, or section weights that do not add up to 100 % (the sum is shown)."""
    if not name.strip():
        raise QcError(tr("Give the scorecard a name."))
    if not sections:
        raise QcError(tr("A scorecard needs at least one section."))
    seen: set[str] = set()
    for section in sections:
        title = section.name.strip()
        if not title:
            raise QcError(tr("A section has no name: name it or remove it."))
        if len(title) > 40:
            raise QcError(tr("The section name “{name}” is longer than 40 characters.", name=title))
        if title in seen:
            raise QcError(tr("There are two sections named “{name}”.", name=title))
        seen.add(title)
        if not isinstance(section.weight, int) or not 1 <= section.weight <= 100:
            raise QcError(
                tr(
                    "The weight of section “{name}” is {weight}: a weight is a whole number "
                    "from 1 to 100.",
                    name=title,
                    weight=section.weight,
                )
            )
        if not section.criteria:
            raise QcError(tr("Section “{name}” has no items: add at least one.", name=title))
        names: set[str] = set()
        for criterion in section.criteria:
            item = criterion.name.strip()
            if not item:
                raise QcError(tr("An item of section “{name}” has no name.", name=title))
            if len(item) > 40:
                raise QcError(tr("The item name “{name}” is longer than 40 characters.", name=item))
            if item in names:
                raise QcError(
                    tr(
                        "Section “{section}” has two items named “{name}”.",
                        section=title,
                        name=item,
                    )
                )
            names.add(item)
            if not isinstance(criterion.weight, int) or not 1 <= criterion.weight <= 100:
                raise QcError(
                    tr(
                        "The weight of item “{name}” is {weight}: a weight is a whole number "
                        "from 1 to 100.",
                        name=item,
                        weight=criterion.weight,
                    )
                )
    total = sum(s.weight for s in sections)
    if total != 100:
        raise QcError(
            tr(
                "The section weights add up to {total}%, not 100%: change them so they do. "
                "Nothing was saved.",
                total=total,
            )
        )


def _read(card: QcScorecard) -> Scorecard:
    return Scorecard(
        card.id,
        card.name,
        tuple(
            SectionSpec(
                s.name,
                s.weight,
                tuple(CriterionSpec(c.name, c.weight, c.id) for c in s.criteria),
                s.id,
            )
            for s in card.sections
        ),
    )


def _store(session: Session, name: str, sections: tuple[SectionSpec, ...]) -> QcScorecard:
    session.execute(update(QcScorecard).values(current=False))
    card = QcScorecard(name=name.strip(), current=True, created_at=datetime.now())
    for position, section in enumerate(sections):
        row = QcSectionRow(name=section.name.strip(), weight=section.weight, position=position)
        row.criteria = [
            QcCriterion(name=c.name.strip(), weight=c.weight, position=n)
            for n, c in enumerate(section.criteria)
        ]
        card.sections.append(row)
    session.add(card)
    session.flush()
    return card


def _load(session: Session, scorecard_id: int) -> Scorecard:
    card = session.scalar(
        select(QcScorecard)
        .where(QcScorecard.id == scorecard_id)
        .options(selectinload(QcScorecard.sections).selectinload(QcSectionRow.criteria))
    )
    if card is None:
        raise QcError(tr("That scorecard no longer exists: reopen the quality-control page."))
    return _read(card)


def current_scorecard(session: Session) -> Scorecard:
    """The card in use; the default 25/50/25 card the first time."""
    card_id = session.scalar(select(QcScorecard.id).where(QcScorecard.current.is_(True)))
    if card_id is None:
        card_id = _store(session, DEFAULT_NAME, DEFAULT_CARD).id
    return _load(session, card_id)


def save_scorecard(session: Session, name: str, sections: list[SectionSpec]) -> Scorecard:
    """Replace the card in use (an owner action, audited); scores keep the old version."""
    check_card(name, sections)
    summary = joined(
        f"{s.name.strip()} {s.weight}% ({'、'.join(c.name.strip() for c in s.criteria)})"
        for s in sections
    )
    require_owner(
        Action.CHANGE_SETTINGS, session, tr("Quality-control scorecard: {card}", card=summary)
    )
    return _load(session, _store(session, name, tuple(sections)).id)


# --- scoring --------------------------------------------------------------------------------


def section_scores(card: Scorecard, points: dict[int, int]) -> list[tuple[SectionSpec, float]]:
    """Each section's score (0–100): the weighted mean of its items' points."""
    out = []
    for section in card.sections:
        weight = sum(c.weight for c in section.criteria)
        got = sum(c.weight * points[c.id] for c in section.criteria if c.id is not None)
        out.append((section, got / weight))
    return out


def total_of(card: Scorecard, points: dict[int, int]) -> float:
    return round(sum(s.weight * score for s, score in section_scores(card, points)) / 100, 1)


@dataclass(frozen=True)
class ScoreRow:
    id: int
    sample_item_id: int
    reviewer: str
    total: float
    comment: str
    scored_at: datetime
    points: dict[int, int]
    comments: dict[int, str]
    scorecard_id: int


def score_item(
    session: Session,
    sample_item_id: int,
    reviewer: str,
    points: dict[int, int],
    *,
    comments: dict[int, str] | None = None,
    comment: str = "",
) -> ScoreRow:
    """Score a sampled item on the current card: points 0–100 for every item of the card,
    with a comment each. The same reviewer scoring again replaces their score."""
    reviewer = " ".join(reviewer.split())
    if not reviewer:
        raise QcError(
            tr("Enter the reviewer's name (your name in Settings) before scoring an item.")
        )
    item = sample_item(session, sample_item_id)
    card = current_scorecard(session)
    comments = comments or {}
    clean: dict[int, int] = {}
    for criterion in card.criteria():
        assert criterion.id is not None
        value = points.get(criterion.id)
        if value is None:
            raise QcError(tr("Give “{name}” its points (0–100).", name=criterion.name))
        if not isinstance(value, int) or not 0 <= value <= 100:
            raise QcError(
                tr(
                    "“{name}” has {points} points: give 0 to 100.",
                    name=criterion.name,
                    points=value,
                )
            )
        clean[criterion.id] = value
    unknown = set(points) - set(clean)
    if unknown:
        raise QcError(
            tr("The scorecard has changed since this form was opened: open the item again.")
        )
    old = session.scalar(
        select(QcScore).where(QcScore.sample_item_id == item.id, QcScore.reviewer == reviewer[:40])
    )
    if old is not None:
        session.delete(old)
        session.flush()
    score = QcScore(
        sample_item_id=item.id,
        scorecard_id=card.id,
        reviewer=reviewer[:40],
        total=total_of(card, clean),
        comment=comment.strip(),
        scored_at=datetime.now().replace(microsecond=0),
        agent_id=item.agent_id,
        day=item_day(session, item),
    )
    score.lines = [
        QcScoreLine(criterion_id=cid, points=p, comment=comments.get(cid, "").strip())
        for cid, p in clean.items()
    ]
    session.add(score)
    session.flush()
    return _score_row(score)


def _score_row(score: QcScore) -> ScoreRow:
    return ScoreRow(
        score.id,
        score.sample_item_id,
        score.reviewer,
        score.total,
        score.comment,
        score.scored_at,
        {line.criterion_id: line.points for line in score.lines},
        {line.criterion_id: line.comment for line in score.lines},
        score.scorecard_id,
    )


def scores_of(session: Session, sample_item_id: int) -> list[ScoreRow]:
    rows = session.scalars(
        select(QcScore)
        .where(QcScore.sample_item_id == sample_item_id)
        .options(selectinload(QcScore.lines))
        .order_by(QcScore.scored_at, QcScore.id)
    )
    return [_score_row(s) for s in rows]


def item_totals(session: Session, sample_item_ids: list[int]) -> dict[int, float]:
    """Sampled item id → its total (the mean of its reviewers'), for the scored ones."""
    totals: dict[int, list[float]] = defaultdict(list)
    for item_id, total in session.execute(
        select(QcScore.sample_item_id, QcScore.total).where(
            QcScore.sample_item_id.in_(sample_item_ids)
        )
    ):
        totals[item_id].append(total)
    return {k: round(sum(v) / len(v), 1) for k, v in totals.items()}


@dataclass(frozen=True)
class AgentDay:
    agent_id: int
    day: date
    average: float
    scored: int


def agent_days(session: Session, day: date) -> dict[int, AgentDay]:
    """Per agent, the day's average score and how many items were scored."""
    items: dict[int, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for agent_id, item_id, total in session.execute(
        select(QcScore.agent_id, QcScore.sample_item_id, QcScore.total).where(QcScore.day == day)
    ):
        items[agent_id][item_id].append(total)
    out = {}
    for agent_id, by_item in items.items():
        means = [sum(v) / len(v) for v in by_item.values()]
        out[agent_id] = AgentDay(agent_id, day, round(sum(means) / len(means), 1), len(means))
    return out


# --- calibration ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionDifference:
    section: str
    first: float
    second: float

    @property
    def difference(self) -> float:
        return round(self.second - self.first, 1)


@dataclass(frozen=True)
class Calibration:
    sample_item_id: int
    title: str
    agent_id: int
    first_reviewer: str
    second_reviewer: str
    first_total: float
    second_total: float
    sections: list[SectionDifference]

    @property
    def difference(self) -> float:
        return round(self.second_total - self.first_total, 1)


def _sections_of(session: Session, score: ScoreRow) -> dict[str, float]:
    card = _load(session, score.scorecard_id)
    return {s.name: round(v, 1) for s, v in section_scores(card, score.points)}


def calibration(session: Session, sample_item_id: int) -> Calibration | None:
    """The first two reviewers' scores of an item side by side, per section (None: fewer than
    two reviewers scored it)."""
    scores = scores_of(session, sample_item_id)
    if len(scores) < 2:
        return None
    a, b = scores[0], scores[1]
    first, second = _sections_of(session, a), _sections_of(session, b)
    item = session.get(QcSampleItem, sample_item_id)
    assert item is not None
    return Calibration(
        sample_item_id,
        item.title,
        item.agent_id,
        a.reviewer,
        b.reviewer,
        a.total,
        b.total,
        [
            SectionDifference(name, first[name], second.get(name, 0.0))
            for name in first
            if name in second
        ],
    )


def calibrations(session: Session, start: date, end: date) -> list[Calibration]:
    """Every item scored by two reviewers on a day in [start, end)."""
    from sqlalchemy import func

    ids = session.scalars(
        select(QcScore.sample_item_id)
        .where(QcScore.day >= start, QcScore.day < end)
        .group_by(QcScore.sample_item_id)
        .having(func.count(QcScore.id) >= 2)
        .order_by(QcScore.sample_item_id)
    )
    return [c for i in list(ids) if (c := calibration(session, i)) is not None]
