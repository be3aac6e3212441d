"""The day's sample: who is sampled, how many, banned phrases first, reproducible, stored."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from branchdesk.db.engine import Database
from branchdesk.owner import policy
from branchdesk.qc import sampling
from branchdesk.qc.sampling import QcError, draw_sample
from branchdesk.team import agents
from tests.unit.qc.conftest import DAY, TODAY, Team, log_complaint


def test_every_agent_who_worked_gets_a_share_by_the_same_rule(team: Team) -> None:
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
    shares = {a.name: a for a in sample.agents}
    assert set(shares) == {"王芳", "李强", "张敏"}  # 赵磊 did not work that day
    assert (shares["王芳"].reason, shares["王芳"].quota, shares["王芳"].handled) == ("base", 5, 14)
    assert (shares["李强"].reason, shares["李强"].quota, shares["李强"].drawn) == (
        "new_hire",
        10,
        10,
    )
    assert (shares["张敏"].handled, shares["张敏"].drawn) == (0, 0)
    assert len(sample.items_of(team.ids["王芳"])) == 5


def test_banned_phrase_items_come_first_and_are_marked(team: Team) -> None:
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
    items = sample.items_of(team.ids["王芳"])
    assert [i.reason for i in items[:2]] == ["banned", "banned"]
    assert {p for i in items[:2] for p in i.phrases} == {"不知道", "去投诉吧"}
    assert all(i.reason == "random" and not i.phrases for i in items[2:])
    # The customer's words in a description ("态度差") do not make a reply banned.
    assert all("态度" not in i.phrases for i in items)
    assert next(a for a in sample.agents if a.name == "王芳").banned == 2


def test_every_banned_item_is_taken_even_beyond_the_quota(team: Team) -> None:
    at = sampling._bounds(DAY)[0]
    for n in range(7):
        log_complaint(team.db, "王芳", at + timedelta(hours=12, minutes=n), "没办法，懂吗")
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
    items = sample.items_of(team.ids["王芳"])
    assert len(items) == 9 and all(i.reason == "banned" for i in items)


def test_the_same_seed_draws_the_same_items(team: Team) -> None:
    with team.db.read_session() as s:
        first = sampling.preview(s, DAY, 1234)[1]
        again = sampling.preview(s, DAY, 1234)[1]
        other = sampling.preview(s, DAY, 4321)[1]
    ids = [(w.kind, w.id) for w, _ in first]
    assert ids == [(w.kind, w.id) for w, _ in again]
    assert ids != [(w.kind, w.id) for w, _ in other]


def test_the_stored_sample_is_shown_again_and_redraws_from_its_seed(team: Team) -> None:
    with team.db.session() as s:
        drawn = draw_sample(s, DAY, today=TODAY)
    # Work logged afterwards does not change a stored sample.
    log_complaint(team.db, "李强", sampling._bounds(DAY)[0].replace(hour=15), "不知道")
    with team.db.session() as s:
        again = draw_sample(s, DAY, today=TODAY)
        reopened = sampling.day_sample(s, DAY)
    assert reopened is not None
    assert (
        [i.id for i in again.items] == [i.id for i in drawn.items] == [i.id for i in reopened.items]
    )
    assert reopened.seed == drawn.seed


def test_a_new_hire_and_an_unstable_agent_get_more(team: Team) -> None:
    with team.db.session() as s:
        policy.change(s, {"qc_sample_size": 3, "qc_sample_new_hire": 8})
        sample = draw_sample(s, DAY, today=TODAY)
    shares = {a.name: a for a in sample.agents}
    assert shares["王芳"].quota == 3 and shares["李强"].quota == 8
    assert "3" in sample.rule.describe() and "8" in sample.rule.describe()


def test_two_bad_days_in_a_row_make_an_agent_unstable(team: Team, db: Database) -> None:
    from branchdesk.qc import scorecard

    # 王芳 worked the two days before DAY too; both days scored under the pass mark.
    from tests.unit.qc.conftest import log_contacts

    for back in (2, 1):
        day = DAY - timedelta(days=back)
        log_contacts(db, team.ids["王芳"], day, ["好的"])
        with db.session() as s:
            sample = draw_sample(s, day, today=TODAY)
            card = scorecard.current_scorecard(s)
            for item in sample.items_of(team.ids["王芳"]):
                points = {c.id: 50 for c in card.criteria() if c.id is not None}
                scorecard.score_item(s, item.id, "质检员", points)
    with db.session() as s:
        assert sampling.unstable_agents(s, DAY, 80) == {team.ids["王芳"]}
        sample = draw_sample(s, DAY, today=TODAY)
    share = next(a for a in sample.agents if a.name == "王芳")
    assert (share.reason, share.quota) == ("unstable", 10)
    assert share.drawn == 10


def test_a_day_with_no_work_gives_an_empty_sample_that_is_not_stored(db: Database) -> None:
    with db.session() as s:
        agents.add_agent(s, "王芳")
        sample = draw_sample(s, date(2026, 11, 1), today=TODAY)
        assert sample.agents == [] and not sample.stored
        assert sampling.day_sample(s, date(2026, 11, 1)) is None


def test_a_day_not_over_yet_is_refused(team: Team) -> None:
    with team.db.session() as s, pytest.raises(QcError, match="not over yet"):
        draw_sample(s, TODAY, today=TODAY)


def test_a_renamed_agent_keeps_their_sample_under_the_new_name(team: Team) -> None:
    from branchdesk.team.models import Agent  # the test renames as the team page would

    with team.db.session() as s:
        drawn = draw_sample(s, DAY, today=TODAY)
        s.execute(update(Agent).where(Agent.id == team.ids["王芳"]).values(name="王芳芳"))
    with team.db.session() as s:
        reopened = sampling.day_sample(s, DAY)
    assert reopened is not None
    assert [i.id for i in reopened.items_of(team.ids["王芳"])] == [
        i.id for i in drawn.items_of(team.ids["王芳"])
    ]
    assert {a.name for a in reopened.agents} == {"王芳芳", "李强", "张敏"}


def test_history_names_no_agent_has_are_reported(team: Team) -> None:
    log_complaint(team.db, "老员工", sampling._bounds(DAY)[0].replace(hour=9))
    with team.db.session() as s:
        sample = draw_sample(s, DAY, today=TODAY)
    assert sample.unmatched == ["老员工"]
    assert "老员工" not in {a.name for a in sample.agents}
