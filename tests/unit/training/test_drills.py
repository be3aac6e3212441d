"""Drills on the branch's own area table: cards follow re-imports, ties show both couriers,
due cards come before new ones, Again brings a card back sooner than Good."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from branchdesk.db.engine import Database
from branchdesk.team.agents import list_agents
from branchdesk.training import drills
from tests.conftest import SAMPLE_WAYBILLS
from tests.unit.training.conftest import add_agents, import_areas

NOW = datetime(2026, 12, 1, 9, 0)
AREAS = [
    ("春江花月", "张伟", "13900000001"),
    ("月湖小区", "李娜", "13900000002"),
    ("天一家园", "王强", "13900000003"),
]


def _sync(db: Database, at: datetime = NOW) -> drills.SyncReport:
    with db.session() as s:
        return drills.sync_cards(s, now=at)


def _session(db: Database, agent: int, at: datetime = NOW) -> list[drills.DrillItem]:
    with db.read_session() as s:
        return drills.build_session(s, agent, at)


def _area_card(items: list[drills.DrillItem], place: str) -> drills.DrillItem:
    return next(i for i in items if i.kind == "area_courier" and i.prompt.endswith(place))


def test_cards_ask_who_delivers_each_place_and_each_couriers_areas(
    db: Database, tmp_path: Path
) -> None:
    import_areas(db, tmp_path, AREAS)
    ids = add_agents(db, "林子涵")
    _sync(db)
    items = _session(db, ids["林子涵"])
    assert _area_card(items, "春江花月").answers == ("张伟",)
    courier = next(i for i in items if i.kind == "courier_areas" and i.prompt == "李娜")
    assert "月湖小区" in courier.answers[0]
    assert all(i.new for i in items)


def test_a_changed_row_is_learned_again_and_a_removed_one_never_asked(
    db: Database, tmp_path: Path
) -> None:
    import_areas(db, tmp_path, AREAS)
    ids = add_agents(db, "林子涵")
    agent = ids["林子涵"]
    _sync(db)
    with db.session() as s:
        for item in drills.build_session(s, agent, NOW):
            drills.grade(s, agent, item.card_id, 4, NOW)
    later = NOW + timedelta(hours=1)
    assert _session(db, agent, later) == []  # everything learned, nothing due yet

    # Re-import: 春江花月 changes courier, 天一家园 is gone, 月湖小区 stays as it was.
    import_areas(db, tmp_path, [("春江花月", "赵敏", "13900000009"), AREAS[1]])
    report = _sync(db, later)
    assert report.retired >= 1 and report.changed >= 1
    items = _session(db, agent, later)
    changed = _area_card(items, "春江花月")
    assert changed.new and changed.answers == ("赵敏",)
    assert not any("天一家园" in i.prompt for i in items)
    assert not any(i.prompt.endswith("月湖小区") for i in items)  # unchanged: still learned


def test_a_place_two_couriers_share_counts_both_as_right(db: Database, tmp_path: Path) -> None:
    import_areas(db, tmp_path, [*AREAS, ("春江花月", "李娜", "13900000002")])
    ids = add_agents(db, "林子涵")
    _sync(db)
    card = _area_card(_session(db, ids["林子涵"]), "春江花月")
    assert card.tie
    assert set(card.answers) == {"张伟", "李娜"}


def test_due_cards_come_before_new_ones(db: Database, tmp_path: Path) -> None:
    import_areas(db, tmp_path, AREAS)
    ids = add_agents(db, "林子涵")
    agent = ids["林子涵"]
    _sync(db)
    first = _session(db, agent)[0]
    with db.session() as s:
        drills.grade(s, agent, first.card_id, 3, NOW)
    items = _session(db, agent, NOW + timedelta(days=5))
    assert items[0].card_id == first.card_id and not items[0].new
    assert all(i.new for i in items[1:])


def test_again_brings_a_card_back_sooner_than_good(db: Database, tmp_path: Path) -> None:
    import_areas(db, tmp_path, AREAS)
    ids = add_agents(db, "林子涵", "王芳")
    _sync(db)
    card = _session(db, ids["林子涵"])[0].card_id
    with db.session() as s:
        again = drills.grade(s, ids["林子涵"], card, 1, NOW)
        good = drills.grade(s, ids["王芳"], card, 3, NOW)
    assert again < good


def test_a_looked_up_place_is_drilled_first(db: Database, tmp_path: Path) -> None:
    import_areas(db, tmp_path, AREAS)
    ids = add_agents(db, "林子涵")
    agent = ids["林子涵"]
    _sync(db)
    assert not _session(db, agent)[0].prompt.endswith("天一家园")
    with db.session() as s:
        assert drills.note_lookup(s, agent, "天一家园5幢301", at=NOW) == ("天一家园",)
    first = _session(db, agent)[0]
    assert first.prompt.endswith("天一家园") and first.looked_up


def test_a_session_fits_fifteen_minutes_and_progress_is_per_table(
    db: Database, tmp_path: Path
) -> None:
    rows = [(f"测试小区{n}", "张伟" if n % 2 else "李娜", "13900000001") for n in range(200)]
    import_areas(db, tmp_path, rows)
    ids = add_agents(db, "林子涵")
    agent = ids["林子涵"]
    _sync(db)
    items = _session(db, agent)
    assert 0 < len(items) <= drills.NEW_PER_DAY
    assert sum(drills.SECONDS_NEW for _ in items) <= drills.SESSION_MINUTES * 60
    with db.session() as s:
        day = NOW
        card = items[0].card_id
        for _ in range(4):  # good, day after day: remembered for more than a week
            day = drills.grade(s, agent, card, 3, day)
        progress = {p.deck: p for p in drills.mastery(s, agent)}
    areas = progress["areas"]
    assert areas.mastered == 1 and areas.cards == 202
    assert areas.percent == round(100 / 202)


def test_a_place_got_wrong_comes_first_next_time(db: Database, tmp_path: Path) -> None:
    import_areas(db, tmp_path, AREAS)
    ids = add_agents(db, "林子涵")
    agent = ids["林子涵"]
    _sync(db)
    items = _session(db, agent)
    wrong = _area_card(items, "天一家园")
    with db.session() as s:
        for item in items:
            if item is not wrong:
                drills.grade(s, agent, item.card_id, 3, NOW)
        # Got wrong a day later: due after all the others, and still asked first.
        drills.grade(s, agent, wrong.card_id, 1, NOW + timedelta(days=1))
    later = _session(db, agent, NOW + timedelta(days=2))  # everything due again
    assert later[0].card_id == wrong.card_id and later[0].looked_up


def test_switching_the_language_leaves_every_card_and_its_memory_alone(
    sample_of: Callable[[int], Database],
) -> None:
    """The sample was loaded in English; the agent now works in Chinese. No card may count as
    changed (that would make everyone learn the arrival times again), and the days read in
    Chinese."""
    from branchdesk import i18n

    db = sample_of(SAMPLE_WAYBILLS)
    with db.read_session() as s:
        hire = next(a for a in list_agents(s) if a.name == "林子涵")
        before = drills.mastery(s, hire.id)
    i18n.set_language("zh_CN")
    try:
        report = _sync(db)
        assert (report.added, report.changed, report.retired) == (0, 0, 0)
        with db.read_session() as s:
            assert drills.mastery(s, hire.id) == before
            days = [c for c in drills.deck_cards(s, "times") if c.kind == "days"]
        assert days and all(a.endswith("天") for c in days for a in c.answers)
    finally:
        i18n.set_language("en")


def test_a_drill_graded_at_once_records_what_grading_one_by_one_does(
    db: Database, tmp_path: Path
) -> None:
    import_areas(db, tmp_path, AREAS)
    ids = add_agents(db, "林子涵", "郭晓燕")
    _sync(db)
    # Three days of drills, every grade, a card answered twice in one go: each agent's
    # memory and reviews after grade_all must be those after grade() one answer at a time.
    grades = [1, 3, 4, 2, 1, 3]

    def answers(agent: int, day: int) -> list[drills.Answer]:
        at = NOW + timedelta(days=day)
        items = _session(db, agent, at)
        picked = [i.card_id for i in items] + [items[0].card_id]
        return [
            drills.Answer(card, grades[(n + day) % len(grades)], at + timedelta(seconds=20 * n), 9)
            for n, card in enumerate(picked)
        ]

    def recorded(agent: int) -> tuple[list[tuple[object, ...]], ...]:
        from sqlalchemy import select

        from branchdesk.training.models import TrainingLookup, TrainingMemory, TrainingReview

        with db.read_session() as s:
            memory = [
                (m.card_id, m.fsrs, m.due, m.state, m.stability, m.reps, m.lapses, m.last_review)
                for m in s.scalars(
                    select(TrainingMemory)
                    .where(TrainingMemory.agent_id == agent)
                    .order_by(TrainingMemory.card_id)
                )
            ]
            reviews = [
                (r.card_id, r.rating, r.at, r.seconds)
                for r in s.scalars(
                    select(TrainingReview)
                    .where(TrainingReview.agent_id == agent)
                    .order_by(TrainingReview.id)
                )
            ]
            # A place got wrong (grade 1) is noted to be drilled first.
            lookups = [
                (r.keyword, r.at, r.wrong)
                for r in s.scalars(
                    select(TrainingLookup)
                    .where(TrainingLookup.agent_id == agent)
                    .order_by(TrainingLookup.id)
                )
            ]
        return memory, reviews, lookups

    one_by_one, at_once = ids["林子涵"], ids["郭晓燕"]
    for day in range(3):
        for answer in answers(one_by_one, day):
            with db.session() as s:
                drills.grade(
                    s, one_by_one, answer.card_id, answer.rating, answer.at, seconds=answer.seconds
                )
        drill = answers(at_once, day)
        with db.session() as s:
            assert len(drills.grade_all(s, at_once, drill)) == len(drill)
    assert recorded(one_by_one) == recorded(at_once)
    assert recorded(at_once)[1]  # something was graded
    assert any(wrong for _k, _at, wrong in recorded(at_once)[2])  # and a place got wrong


def test_a_refused_answer_in_a_drill_records_none_of_it(db: Database, tmp_path: Path) -> None:
    import pytest

    from branchdesk.training.models import TrainingCard

    import_areas(db, tmp_path, AREAS)
    agent = add_agents(db, "林子涵")["林子涵"]
    _sync(db)
    items = _session(db, agent)
    first, second = items[0].card_id, items[1].card_id
    with db.session() as s:
        s.get(TrainingCard, second).retired_at = NOW  # type: ignore[union-attr]
    for refused in (drills.Answer(items[2].card_id, 5, NOW), drills.Answer(second, 3, NOW)):
        # In a session that commits: grade_all refuses before it writes the first answer.
        with db.session() as s, pytest.raises(drills.TrainingError):
            drills.grade_all(s, agent, [drills.Answer(first, 3, NOW), refused])
    assert all(i.new for i in _session(db, agent))


def test_a_grade_taken_back_leaves_the_memory_and_the_lookups_as_they_were(
    db: Database, tmp_path: Path
) -> None:
    from sqlalchemy import func, select

    from branchdesk.training.models import TrainingLookup, TrainingMemory, TrainingReview

    import_areas(db, tmp_path, AREAS)
    agent = add_agents(db, "林子涵")["林子涵"]
    _sync(db)
    card = _area_card(_session(db, agent), "春江花月").card_id

    def state() -> tuple[object, ...]:
        with db.read_session() as s:
            memory = s.scalar(select(TrainingMemory).where(TrainingMemory.card_id == card))
            return (
                None if memory is None else (memory.fsrs, memory.due, memory.reps, memory.lapses),
                s.scalar(select(func.count()).select_from(TrainingReview)),
                s.scalar(select(func.count()).select_from(TrainingLookup)),
            )

    new = state()
    with db.session() as s:
        first = drills.grade_undoably(s, agent, card, 3)
    with db.session() as s:
        drills.undo_grade(s, first)
    assert state() == new  # the card is new again
    with db.session() as s:
        drills.grade(s, agent, card, 3)
    known = state()
    with db.session() as s:
        wrong = drills.grade_undoably(s, agent, card, 1)  # again: its place marked as got wrong
    assert state() != known
    with db.session() as s:
        drills.undo_grade(s, wrong)
    assert state() == known


def test_a_grade_is_not_taken_back_over_a_newer_one(db: Database, tmp_path: Path) -> None:
    """Graded again at another PC meanwhile: Ctrl+Z here would have put back an older memory
    over the newer grade and left its review behind."""
    import pytest
    from sqlalchemy import func, select

    from branchdesk.training.models import TrainingReview

    import_areas(db, tmp_path, AREAS)
    agent = add_agents(db, "林子涵")["林子涵"]
    _sync(db)
    card = _area_card(_session(db, agent), "春江花月").card_id
    with db.session() as s:
        undo = drills.grade_undoably(s, agent, card, 1)
    with db.session() as s:
        drills.grade(s, agent, card, 4)  # the other PC
    with pytest.raises(drills.TrainingError, match="graded again"), db.session() as s:
        drills.undo_grade(s, undo)
    with db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(TrainingReview)) == 2


@pytest.fixture
def beijing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The PC's clock in Beijing time (UTC+8), as at a branch in China."""
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone is set through TZ only where time.tzset exists")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_new_card_limit_and_noted_lookups_go_by_the_branchs_day(
    db: Database, tmp_path: Path, beijing: None
) -> None:
    rows = [(f"测试小区{n}", "张伟" if n % 2 else "李娜", "13900000001") for n in range(200)]
    import_areas(db, tmp_path, rows)
    agent = add_agents(db, "林子涵")["林子涵"]
    before_shift = datetime(2027, 3, 1, 23, 30)  # 07:30 on 2 March in Beijing (UTC 23:30)
    after_shift = datetime(2027, 3, 2, 0, 30)  # 08:30 the same morning (a new UTC day)
    next_morning = datetime(2027, 3, 2, 23, 30)  # 07:30 on 3 March
    _sync(db, before_shift)
    with db.session() as s:
        first = [i for i in drills.build_session(s, agent, before_shift) if i.new]
        assert len(first) == drills.NEW_PER_DAY
        for k, item in enumerate(first):
            drills.grade(s, agent, item.card_id, 3, before_shift + timedelta(seconds=10 * k))
        noted = drills.note_lookup(s, agent, "测试小区7", at=before_shift)
        assert noted
    with db.session() as s:
        assert [i for i in drills.build_session(s, agent, after_shift) if i.new] == []
        assert drills.note_lookup(s, agent, "测试小区7", at=after_shift) == ()  # noted today
    with db.session() as s:
        assert len([i for i in drills.build_session(s, agent, next_morning) if i.new]) > 0
        assert drills.note_lookup(s, agent, "测试小区7", at=next_morning) == noted
