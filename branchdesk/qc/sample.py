"""Quality control in the sample branch: the last days' samples, a few scores, one open
coaching record and one example of good handling, drawn from the sample team's work.

Does nothing when the branch has no team or no work in those days (the team's sample is
loaded first), so it can run after any sample loader.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.qc import coaching, good, scorecard
from branchdesk.qc.sampling import draw_sample
from branchdesk.team import agents as team

DAYS = 3
SCORED_PER_AGENT = 3
REVIEWER = "店主"


def load_sample_qc(session: Session, today: date | None = None) -> str:
    """Draw the samples of the last days, score some items, open one coaching record; returns a
    line for the sample summary ("" when there was nothing to sample)."""
    agents = team.list_agents(session)
    if not agents:
        return ""
    from branchdesk.team.sample import sample_agent_ids

    if set(sample_agent_ids(session)) != {a.id for a in agents}:
        # The branch has agents of its own: their real work gets no made-up scores.
        return ""
    today = today or date.today()
    rng = random.Random(14)
    card = scorecard.current_scorecard(session)
    taboo = {c.id for s in card.sections for c in s.criteria if c.name == "服务禁忌"}
    samples = []
    for back in range(DAYS, 0, -1):
        day = today - timedelta(days=back)
        sample = draw_sample(session, day, seed=20_000 + day.toordinal(), who=REVIEWER, today=today)
        if sample.stored:
            samples.append(sample)
    if not samples:
        return ""
    scores = 0
    best: tuple[float, int] | None = None
    # Yesterday's sample is left for the user to score; the days before are scored.
    for sample in samples[:-1] if len(samples) > 1 else samples:
        for share in sample.agents:
            for item in sample.items_of(share.agent_id)[:SCORED_PER_AGENT]:
                points = {
                    c.id: rng.choice((70, 80, 90, 100)) for c in card.criteria() if c.id is not None
                }
                if item.phrases:
                    points.update({cid: 30 for cid in taboo if cid is not None})
                row = scorecard.score_item(
                    session, item.id, REVIEWER, points, comment=tr("Sample score")
                )
                scores += 1
                if not item.phrases and (best is None or row.total > best[0]):
                    best = (row.total, item.id)
    flagged = [i for s in samples for i in s.items if i.phrases]
    coached = 0
    if flagged:
        item = flagged[0]
        coaching.open_coaching(
            session,
            item.agent_id,
            went_well="接听及时，语气亲切，客户信息记录完整。",
            problem=f"答复中出现禁语“{'、'.join(item.phrases)}”。",
            direction="先查件再答复；不确定时说“我帮您核实一下，稍后回电”。",
            follow_up_on=today + timedelta(days=3),
            sample_item_id=item.id,
            who=REVIEWER,
            today=today,
        )
        coached = 1
    if best is not None:
        good.mark_good(session, best[1], "主动告知派送时间和快递员电话，客户无需再问。", REVIEWER)
    return tr(
        "Quality control: {days} day(s) sampled, {scores} item(s) scored, {coached} coaching "
        "record(s) open.",
        days=len(samples),
        scores=scores,
        coached=coached,
    )


def remove_sample_qc(
    session: Session, agent_ids: list[int], complaint_ids: list[int], contact_ids: list[int]
) -> None:
    """Forget QC's records of the sample: the sample agents' shares of the daily samples,
    every drawn item that was a sample complaint or contact (with its scores), their coaching
    and good-handling records. A day whose sample is left empty is forgotten too (drawn again
    from the branch's own work when asked)."""
    from sqlalchemy import delete, exists, select

    from branchdesk.qc.models import (
        QcCoaching,
        QcGoodHandling,
        QcSample,
        QcSampleAgent,
        QcSampleItem,
        QcScore,
        QcScoreLine,
    )

    def of_sample(model: type[QcSampleItem] | type[QcGoodHandling]) -> object:
        return (
            model.agent_id.in_(agent_ids)
            | ((model.item_kind == "complaint") & model.item_id.in_(complaint_ids))
            | ((model.item_kind == "contact") & model.item_id.in_(contact_ids))
        )

    items = select(QcSampleItem.id).where(of_sample(QcSampleItem))  # type: ignore[arg-type]
    scores = select(QcScore.id).where(QcScore.sample_item_id.in_(items))
    session.execute(delete(QcScoreLine).where(QcScoreLine.score_id.in_(scores)))
    session.execute(delete(QcScore).where(QcScore.sample_item_id.in_(items)))
    session.execute(delete(QcCoaching).where(QcCoaching.agent_id.in_(agent_ids)))
    session.execute(
        QcCoaching.__table__.update()  # type: ignore[attr-defined]
        .where(QcCoaching.sample_item_id.in_(items))
        .values(sample_item_id=None)
    )
    session.execute(delete(QcGoodHandling).where(of_sample(QcGoodHandling)))  # type: ignore[arg-type]
    session.execute(delete(QcSampleItem).where(of_sample(QcSampleItem)))  # type: ignore[arg-type]
    session.execute(delete(QcSampleAgent).where(QcSampleAgent.agent_id.in_(agent_ids)))
    session.execute(delete(QcSample).where(~exists().where(QcSampleAgent.sample_id == QcSample.id)))
