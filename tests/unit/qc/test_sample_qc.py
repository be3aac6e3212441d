"""Quality control in the sample branch: drawn from the team's work, nothing without a team."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from branchdesk.db.engine import Database
from branchdesk.qc import coaching, good, scorecard
from branchdesk.qc.sample import load_sample_qc
from branchdesk.qc.sampling import day_sample, sampled_days
from tests.unit.qc.conftest import DAY, Team


def test_sample_qc_scores_some_items_and_opens_a_coaching_record(team: Team) -> None:
    today = DAY + timedelta(days=2)
    with team.db.session() as s:
        # The sample's QC works on the sample's own agents only (marked as the sample marks them).
        s.execute(text("UPDATE agent SET is_sample = 1"))
        summary = load_sample_qc(s, today)
        assert "3 day(s) sampled" in summary
        assert sampled_days(s) == [DAY + timedelta(days=1), DAY, DAY - timedelta(days=1)]
        sample = day_sample(s, DAY)
        assert sample is not None
        totals = scorecard.item_totals(s, [i.id for i in sample.items])
        assert totals and all(0 <= t <= 100 for t in totals.values())
        # The banned-phrase item's 服务禁忌 is marked down.
        banned = [i for i in sample.items if i.phrases and i.id in totals]
        assert banned and all(totals[i.id] < 100 for i in banned)
        (record,) = coaching.coaching_list(s)
        assert record.is_open and record.agent_name == "王芳"
        assert record.follow_up_on == today + timedelta(days=3)
        assert len(good.good_examples(s)) == 1
        # Yesterday's sample is left for the user to score.
        yesterday = day_sample(s, today - timedelta(days=1))
        assert yesterday is not None
        assert scorecard.item_totals(s, [i.id for i in yesterday.items]) == {}


def test_sample_qc_does_nothing_without_a_team(db: Database) -> None:
    with db.session() as s:
        assert load_sample_qc(s) == ""
        assert sampled_days(s) == []
