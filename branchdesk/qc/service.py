"""Quality control's public face: what other features (the monthly statement) and the CLI use.

The day's sample is in `sampling`, the scorecard and scoring in `scorecard`, coaching in
`coaching`, the good-handling library in `good`, the banned-phrase sweep in `sweep`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.qc.good import GoodExample, good_examples
from branchdesk.qc.models import QcCoaching, QcScore
from branchdesk.qc.sampling import DaySample, QcError, day_averages, day_sample, draw_sample
from branchdesk.team import agents as team

__all__ = [
    "DaySample",
    "GoodExample",
    "QcError",
    "QualitySummary",
    "day_sample",
    "draw_sample",
    "good_examples",
    "month_bounds",
    "monthly_quality",
]


@dataclass(frozen=True)
class QualitySummary:
    """One agent's quality in a month (for the monthly statement and `qc report`)."""

    agent_id: int
    agent_name: str
    average: float | None  # the mean of the scored items' totals; None: nothing scored
    scored: int  # items scored
    daily: tuple[tuple[date, float], ...]  # the trend: each scored day's average, in order
    bad_days: int  # days under the pass mark
    coaching_open: int  # coaching records open at the month's end
    coaching_closed: int  # coaching records closed in the month


def month_bounds(month: str) -> tuple[date, date]:
    """ "2026-11" → (2026-11-01, 2026-12-01)."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", month.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise QcError(tr("A month like 2026-11 is expected, not “{month}”.", month=month))
    year, number = int(m[1]), int(m[2])
    start = date(year, number, 1)
    end = date(year + number // 12, number % 12 + 1, 1)
    return start, end


def monthly_quality(session: Session, month: str) -> dict[int, QualitySummary]:
    """Agent id → the month's quality: average score, items scored, the daily averages (the
    trend), days under the pass mark, coaching records open at its end and closed in it."""
    from branchdesk.settings import branch_value

    start, end = month_bounds(month)
    pass_mark = int(branch_value("qc_pass_mark"))
    days = day_averages(session, start, end)
    item_means: dict[int, list[float]] = {}
    per_item = (
        select(QcScore.agent_id, func.avg(QcScore.total))
        .where(QcScore.day >= start, QcScore.day < end)
        .group_by(QcScore.sample_item_id, QcScore.agent_id)
    )
    for agent_id, mean in session.execute(per_item):
        item_means.setdefault(agent_id, []).append(float(mean))
    # Open: opened before the month ended and not closed by then; closed: closed in the month.
    coaching: dict[int, list[int]] = {}
    month_start, month_end = datetime.combine(start, time()), datetime.combine(end, time())
    for agent_id, closed_at in session.execute(
        select(QcCoaching.agent_id, QcCoaching.closed_at).where(
            QcCoaching.created_at < month_end,
            or_(QcCoaching.closed_at.is_(None), QcCoaching.closed_at >= month_start),
        )
    ):
        counts = coaching.setdefault(agent_id, [0, 0])
        if closed_at is None or closed_at >= month_end:
            counts[0] += 1
        else:
            counts[1] += 1
    names = {a.id: a.name for a in team.list_agents(session, active_only=False)}
    out = {}
    for agent_id in sorted(set(item_means) | set(coaching)):
        means = item_means.get(agent_id, [])
        daily = tuple(sorted(days.get(agent_id, {}).items()))
        open_, closed = coaching.get(agent_id, [0, 0])
        out[agent_id] = QualitySummary(
            agent_id,
            names.get(agent_id, ""),
            round(sum(means) / len(means), 1) if means else None,
            len(means),
            daily,
            sum(1 for _, avg in daily if avg < pass_mark),
            open_,
            closed,
        )
    return out
