"""The scorecard, scoring, calibration, coaching, good handling, the sweep and the month."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from branchdesk import permissions
from branchdesk.permissions import OwnerLock, PermissionDenied
from branchdesk.qc import coaching, good, scorecard, service, sweep
from branchdesk.qc.sampling import QcError, draw_sample
from branchdesk.qc.scorecard import CriterionSpec, SectionSpec
from tests.unit.qc.conftest import DAY, TODAY, Team


def _card(*weights: int) -> list[SectionSpec]:
    return [
        SectionSpec(f"第{n}部分", w, (CriterionSpec("服务用语"), CriterionSpec("主动性", 2)))
        for n, w in enumerate(weights)
    ]


def _all(card: scorecard.Scorecard, value: int) -> dict[int, int]:
    return {c.id: value for c in card.criteria() if c.id is not None}


def test_the_default_card_is_the_25_50_25_card(team: Team) -> None:
    with team.db.session() as s:
        card = scorecard.current_scorecard(s)
    assert [(x.name, x.weight, len(x.criteria)) for x in card.sections] == [
        ("服务规范/服务礼仪", 25, 5),
        ("业务规范及能力", 50, 6),
        ("服务意识", 25, 3),
    ]


@pytest.mark.parametrize("weights, total", [((25, 50, 24), 99), ((25, 50, 26), 101)])
def test_a_card_not_adding_up_to_100_is_refused_with_the_sum(
    team: Team, weights: tuple[int, ...], total: int
) -> None:
    with team.db.session() as s:
        with pytest.raises(QcError, match=f"add up to {total}%"):
            scorecard.save_scorecard(s, "新表", _card(*weights))
        assert scorecard.current_scorecard(s).name == scorecard.DEFAULT_NAME


def test_negative_and_zero_weights_are_refused(team: Team) -> None:
    with team.db.session() as s:
        with pytest.raises(QcError, match="-10"):
            scorecard.save_scorecard(s, "新表", _card(100, 10, -10))
        bad_item = [SectionSpec("全部", 100, (CriterionSpec("服务用语", 0),))]
        with pytest.raises(QcError, match="服务用语"):
            scorecard.save_scorecard(s, "新表", bad_item)
        with pytest.raises(QcError, match="no items"):
            scorecard.save_scorecard(s, "新表", [SectionSpec("全部", 100, ())])


def test_editing_the_card_is_an_owner_action_and_keeps_old_scores(team: Team) -> None:
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
        old = scorecard.current_scorecard(s)
        first = scorecard.score_item(s, sample.items[0].id, "质检员", _all(old, 90))
    permissions.set_policy(OwnerLock(True))
    with team.db.session() as s, pytest.raises(PermissionDenied):
        scorecard.save_scorecard(s, "新表", _card(40, 60))
    permissions.set_policy(None)
    with team.db.session() as s:
        new = scorecard.save_scorecard(s, "新表", _card(40, 60))
        assert scorecard.current_scorecard(s).id == new.id != old.id
        assert scorecard.scores_of(s, sample.items[0].id)[0].total == first.total == 90.0


def test_the_total_weighs_sections_and_items(team: Team) -> None:
    with team.db.session() as s:
        scorecard.save_scorecard(s, "新表", _card(40, 60))
        card = scorecard.current_scorecard(s)
        sample = draw_sample(s, DAY, today=TODAY)
        points = _all(card, 100)
        # Section 0: 服务用语 0 (weight 1), 主动性 100 (weight 2) → 66.7; section 1: 100.
        points[card.sections[0].criteria[0].id] = 0  # type: ignore[index]
        row = scorecard.score_item(
            s, sample.items[0].id, "质检员", points, comments={}, comment="开头语缺失"
        )
    assert row.total == round(0.4 * 200 / 3 + 60, 1)


def test_points_out_of_bounds_or_missing_are_refused(team: Team) -> None:
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
        card = scorecard.current_scorecard(s)
        points = _all(card, 80)
        points[card.criteria()[0].id] = 101  # type: ignore[index]
        with pytest.raises(QcError, match="0 to 100"):
            scorecard.score_item(s, sample.items[0].id, "质检员", points)
        del points[card.criteria()[0].id]  # type: ignore[arg-type]
        with pytest.raises(QcError, match="服务用语"):
            scorecard.score_item(s, sample.items[0].id, "质检员", points)
        with pytest.raises(QcError, match="reviewer"):
            scorecard.score_item(s, sample.items[0].id, "  ", _all(card, 80))


def test_two_reviewers_show_their_difference_per_section(team: Team) -> None:
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
        card = scorecard.current_scorecard(s)
        item = sample.items[0].id
        scorecard.score_item(s, item, "质检员甲", _all(card, 90))
        assert scorecard.calibration(s, item) is None
        points = _all(card, 90)
        for c in card.sections[1].criteria:
            points[c.id] = 60  # type: ignore[index]
        scorecard.score_item(s, item, "质检员乙", points)
        result = scorecard.calibration(s, item)
        listed = scorecard.calibrations(s, DAY, DAY + timedelta(days=1))
    assert result is not None and [c.sample_item_id for c in listed] == [item]
    assert [(d.section, d.difference) for d in result.sections] == [
        ("服务规范/服务礼仪", 0.0),
        ("业务规范及能力", -30.0),
        ("服务意识", 0.0),
    ]
    assert result.difference == -15.0


def test_monthly_quality_for_the_statement(team: Team) -> None:
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
        card = scorecard.current_scorecard(s)
        wang = sample.items_of(team.ids["王芳"])
        scorecard.score_item(s, wang[0].id, "质检员甲", _all(card, 70))
        scorecard.score_item(s, wang[0].id, "质检员乙", _all(card, 90))  # the item: 80
        scorecard.score_item(s, wang[1].id, "质检员甲", _all(card, 60))
        coaching.open_coaching(
            s,
            team.ids["王芳"],
            went_well="语气亲切",
            problem="说了“不知道”",
            direction="先查件再答复",
            follow_up_on=TODAY,
            at=datetime(2026, 11, 17, 9, 30),
        )
        month = service.monthly_quality(s, "2026-11")
        assert service.monthly_quality(s, "2026-10") == {}
        with pytest.raises(QcError, match="2026-11"):
            service.monthly_quality(s, "2026-13")
    wang_month = month[team.ids["王芳"]]
    assert (wang_month.average, wang_month.scored) == (70.0, 2)
    assert wang_month.daily == ((DAY, 70.0),)
    assert wang_month.bad_days == 1
    assert (wang_month.coaching_open, wang_month.coaching_closed) == (1, 0)
    assert set(month) == {team.ids["王芳"]}


def test_coaching_praise_first_then_acknowledged_and_closed(team: Team) -> None:
    agent = team.ids["李强"]
    with team.db.session() as s:
        with pytest.raises(QcError, match="went well"):
            coaching.open_coaching(
                s, agent, went_well=" ", problem="p", direction="d", follow_up_on=TODAY
            )
        with pytest.raises(QcError, match="past"):
            coaching.open_coaching(
                s,
                agent,
                went_well="w",
                problem="p",
                direction="d",
                follow_up_on=TODAY - timedelta(days=1),
                today=TODAY,
            )
        row = coaching.open_coaching(
            s,
            agent,
            went_well="回复及时",
            problem="结束语缺失",
            direction="每次结束时说“还有什么可以帮您”",
            follow_up_on=TODAY + timedelta(days=3),
            today=TODAY,
        )
        assert coaching.follow_ups(s, TODAY) == []
        assert [r.id for r in coaching.follow_ups(s, TODAY + timedelta(days=3))] == [row.id]
        coaching.acknowledge(s, row.id, "我会注意")
        with pytest.raises(QcError, match="follow-up"):
            coaching.close_coaching(s, row.id, "")
        closed = coaching.close_coaching(s, row.id, "复查5件，结束语都有了")
        assert not closed.is_open and closed.acknowledgement == "我会注意"
        assert coaching.follow_ups(s, date(2030, 1, 1)) == []


def test_good_handling_is_kept_and_found(team: Team) -> None:
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
        item = sample.items_of(team.ids["李强"])[0]
        with pytest.raises(QcError, match="good"):
            good.mark_good(s, item.id, " ")
        good.mark_good(s, item.id, "耐心解释，主动回访", who="店主")
        good.mark_good(s, item.id, "耐心解释，主动回访，值得学习", who="店主")
        assert [e.note for e in good.good_examples(s)] == ["耐心解释，主动回访，值得学习"]
        assert [e.agent_name for e in good.good_examples(s, "回访")] == ["李强"]
        assert good.good_examples(s, "李强 学习")[0].item_id == item.item_id
        assert good.good_examples(s, "100%") == []
        assert good.good_item_ids(s, [i.id for i in sample.items]) == {item.id}


def test_the_sweep_finds_banned_phrases_per_agent(team: Team) -> None:
    with team.db.session() as s:
        result = sweep.sweep(s)
    per_agent = dict(result.per_agent())
    assert per_agent == {"王芳": 4}
    fields = sorted((h.kind, h.field) for h in result.hits)
    # The reply 去投诉吧, the contact 我不知道, and 态度 in both complaints' descriptions.
    assert fields == [
        ("complaint", "description"),
        ("complaint", "description"),
        ("complaint", "reply"),
        ("contact", "reply"),
    ]
    assert result.checked == 2 + 12 + 15 + 2
    with team.db.session() as s:
        assert sweep.sweep(s, phrases=[]).hits == []
        seen: list[tuple[int, int]] = []
        start = datetime.combine(DAY, datetime.min.time())
        found = sweep.sweep(
            s, start, start + timedelta(days=1), progress=lambda d, t: seen.append((d, t))
        )
        assert len(found.hits) == 4 and found.checked == 2 + 12 + 15
        assert seen and all(0 <= d <= t == 2000 for d, t in seen)


def test_monthly_coaching_counts_what_was_open_at_the_end_and_closed_in_it(team: Team) -> None:
    agent = team.ids["王芳"]
    with team.db.session() as s:
        # Opened in October, still open: open at the end of November too.
        coaching.open_coaching(
            s,
            agent,
            went_well="w",
            problem="p",
            direction="d",
            follow_up_on=date(2026, 11, 3),
            at=datetime(2026, 10, 28, 9, 0),
        )
        closed = coaching.open_coaching(
            s,
            agent,
            went_well="w",
            problem="p",
            direction="d",
            follow_up_on=date(2026, 11, 20),
            at=datetime(2026, 11, 10, 9, 0),
        )
        coaching.close_coaching(s, closed.id, "复查通过", at=datetime(2026, 11, 21, 10, 0))
        late = coaching.open_coaching(
            s,
            agent,
            went_well="w",
            problem="p",
            direction="d",
            follow_up_on=date(2026, 11, 29),
            at=datetime(2026, 11, 25, 9, 0),
        )
        coaching.close_coaching(s, late.id, "复查通过", at=datetime(2026, 12, 2, 10, 0))
        # Opened after November: not part of it.
        coaching.open_coaching(
            s,
            agent,
            went_well="w",
            problem="p",
            direction="d",
            follow_up_on=date(2030, 1, 1),
            at=datetime(2029, 12, 1, 9, 0),
        )
        october = service.monthly_quality(s, "2026-10")[agent]
        november = service.monthly_quality(s, "2026-11")[agent]
    assert (october.coaching_open, october.coaching_closed) == (1, 0)
    # The one closed in December was still open at November's end.
    assert (november.coaching_open, november.coaching_closed) == (2, 1)
    assert november.average is None and november.scored == 0
