"""Training in the sample branch: the sample team's new hire on the plan with the team lead as
mentor, about two weeks of drills on the sample tables, a few addresses looked up, and the
first step signed off, so that every training screen shows something.

Does nothing without a team (the team's sample is loaded first).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.i18n import tr
from branchdesk.training import drills, plan

DAYS = 14
# The sample team's new hire and the mentor (see team/sample.py), and a second agent who
# drills too.
NEW_HIRE, MENTOR, ALSO = "林子涵", "孙丽", "郭晓燕"
LOOKED_UP = ("天一家园3号楼", "望京路99号", "月湖小区5幢")
# Grades of a learner: mostly right, sometimes forgotten.
GRADES = (1, 2, 3, 3, 3, 3, 4)


def load_sample_training(session: Session, now: datetime | None = None) -> str:
    """Returns a line for the sample summary ("" when there is no team)."""
    from branchdesk.team.agents import agent_by_name
    from branchdesk.team.sample import sample_agent_ids

    hire, mentor = agent_by_name(session, NEW_HIRE), agent_by_name(session, MENTOR)
    sample = set(sample_agent_ids(session))
    if hire is None or mentor is None or not {hire.id, mentor.id} <= sample:
        return ""
    now = now or utcnow()
    drills.sync_cards(session, now=now)
    plan.enrol(session, hire.id, mentor.id, audit=False)
    rng = random.Random(15)
    graded = 0
    learners = [hire.id]
    other = agent_by_name(session, ALSO)
    if other is not None:
        learners.append(other.id)
    for back in range(DAYS, 0, -1):
        day = (now - timedelta(days=back)).replace(hour=9, minute=0, second=0, microsecond=0)
        for agent in learners:
            if agent != hire.id and back % 3:
                continue  # the experienced agent drills now and then
            at = day
            answers = []
            for item in drills.build_session(session, agent, at, minutes=10):
                at += timedelta(seconds=rng.randint(8, 30))
                answers.append(drills.Answer(item.card_id, rng.choice(GRADES), at, seconds=15))
            drills.grade_all(session, agent, answers)
            graded += len(answers)
    for address in LOOKED_UP:
        drills.note_lookup(session, hire.id, address, at=now - timedelta(days=1))
    guide = next((i for i in plan.ensure_plan(session) if i.rule == "guide"), None)
    if guide is not None:
        # The new hire went through every guide with the mentor, ticking each step.
        from branchdesk.guides.service import record_reading, search_guides

        for g in search_guides(session):
            record_reading(session, g.id, NEW_HIRE, now - timedelta(days=DAYS))
        plan.sign_off(session, hire.id, guide.id, MENTOR, now - timedelta(days=DAYS))
    return tr(
        "Sample training: {hire} is on the new-hire plan with {mentor} as mentor; "
        "{reviews} drill answers over the last {days} days.",
        hire=NEW_HIRE,
        mentor=MENTOR,
        reviews=graded,
        days=DAYS,
    )


def remove_sample_training(session: Session, agent_ids: list[int]) -> None:
    """Forget the sample agents' drills, looked-up places, plan and passes (移除示例数据). The
    cards stay: they follow the tables, and the sample's go when its tables are undone."""
    from sqlalchemy import delete, update

    from branchdesk.training.models import (
        PlanProgress,
        Trainee,
        TrainingLookup,
        TrainingMemory,
        TrainingReview,
    )

    if not agent_ids:
        return
    for model in (TrainingMemory, TrainingReview, TrainingLookup, PlanProgress, Trainee):
        session.execute(delete(model).where(model.agent_id.in_(agent_ids)))
    session.execute(update(Trainee).where(Trainee.mentor_id.in_(agent_ids)).values(mentor_id=None))
