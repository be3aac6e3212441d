"""The new-hire plan (新人培训计划): a template in stages and weeks, each step tied to BranchDesk
content by a pass rule; trainees with a mentor (带教师傅) who signs each step off; steps that
reopen when their source changes; who is ready for which job (上岗准备).

The practice this follows: three months of probation, planned step by step — the business
first, then the rules and the right attitude, then one-to-one shadowing of a good senior agent
whose own results count with the new hire's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from branchdesk import permissions
from branchdesk.db.base import utcnow
from branchdesk.i18n import tr
from branchdesk.permissions import Action
from branchdesk.training.cards import DECKS, deck_label
from branchdesk.training.drills import TrainingError, mastery
from branchdesk.training.models import PlanItem, PlanProgress, Trainee, TrainingCard

STAGES = ("overview", "rules", "shadowing")
RULES = ("drill", "exam", "guide", "complaints", "signoff")
JOBS = ("lookup", "phone", "complaints")


def stage_label(stage: str) -> str:
    return {
        "overview": tr("Business overview"),
        "rules": tr("Rules and attitude"),
        "shadowing": tr("Shadowing a senior agent"),
    }.get(stage, stage)


def job_label(job: str) -> str:
    return {
        "lookup": tr("Look up addresses and parcels"),
        "phone": tr("Answer customers"),
        "complaints": tr("Handle complaints"),
    }.get(job, job)


@dataclass(frozen=True)
class ItemSpec:
    stage: str
    week: int
    title: str
    rule: str
    target: str = ""
    threshold: int = 0
    jobs: tuple[str, ...] = ()


def QT_TR_NOOP(source: str) -> str:  # the name the i18n extractor knows
    """A text stored in English and translated when shown (a plan step's default title must
    not stay in the language the plan was first made in)."""
    return source


def default_plan() -> list[ItemSpec]:
    """Thirteen weeks: the business (the branch's tables, the guides), then the rules (the
    handbook, the scripts, service attitude), then shadowing a senior agent."""
    return [
        ItemSpec(
            "overview",
            1,
            QT_TR_NOOP("Read the operation guides with the mentor"),
            "guide",
            "",
            0,
            ("lookup",),
        ),
        ItemSpec(
            "overview",
            2,
            QT_TR_NOOP("Delivery-area table mastered"),
            "drill",
            "areas",
            80,
            ("lookup", "phone"),
        ),
        ItemSpec(
            "overview",
            3,
            QT_TR_NOOP("Route table mastered"),
            "drill",
            "routes",
            70,
            ("lookup", "phone"),
        ),
        ItemSpec(
            "overview",
            4,
            QT_TR_NOOP("Arrival-time table mastered"),
            "drill",
            "times",
            70,
            ("lookup", "phone"),
        ),
        ItemSpec(
            "rules",
            5,
            QT_TR_NOOP("Penalty handbook copied out and recited"),
            "drill",
            "handbook",
            70,
            ("complaints",),
        ),
        ItemSpec("rules", 6, QT_TR_NOOP("Handbook exam passed"), "exam", "", 80, ("complaints",)),
        ItemSpec(
            "rules",
            7,
            QT_TR_NOOP("Reply scripts mastered"),
            "drill",
            "scripts",
            70,
            ("phone", "complaints"),
        ),
        ItemSpec(
            "rules",
            8,
            QT_TR_NOOP("Service attitude, assessment and pay rules explained"),
            "signoff",
            "",
            0,
            ("phone",),
        ),
        ItemSpec(
            "shadowing",
            10,
            QT_TR_NOOP("Complaints handled beside the mentor"),
            "complaints",
            "",
            10,
            ("complaints",),
        ),
        ItemSpec(
            "shadowing",
            13,
            QT_TR_NOOP("Mentor's verdict: ready to work alone"),
            "signoff",
            "",
            0,
            ("phone", "complaints"),
        ),
    ]


def rule_text(item: PlanItem | ItemSpec) -> str:
    """The pass rule as the owner reads it."""
    if item.rule == "drill":
        return tr(
            "{table} mastered ≥ {percent}%", table=deck_label(item.target), percent=item.threshold
        )
    if item.rule == "exam":
        return tr("Handbook exam ≥ {points} points", points=item.threshold)
    if item.rule == "guide":
        return (
            tr("Guide “{title}” read, checklist done", title=item.target)
            if item.target
            else tr("Every operation guide read, checklist done")
        )
    if item.rule == "complaints":
        return tr("{count} complaints handled under the mentor", count=item.threshold)
    return tr("Signed off by the mentor")


def ensure_plan(session: Session) -> list[PlanItem]:
    """The branch's plan template (the default one, the first time)."""
    items = list(session.scalars(select(PlanItem).order_by(PlanItem.position, PlanItem.id)))
    if items:
        return items
    for n, spec in enumerate(default_plan()):
        session.add(
            PlanItem(
                stage=spec.stage,
                week=spec.week,
                title=spec.title,
                rule=spec.rule,
                target=spec.target,
                threshold=spec.threshold,
                jobs=",".join(spec.jobs),
                position=n,
            )
        )
    session.flush()
    return list(session.scalars(select(PlanItem).order_by(PlanItem.position, PlanItem.id)))


def plan_items(session: Session) -> list[PlanItem]:
    """The plan template's steps in order (read only: empty before the first trainee)."""
    return list(session.scalars(select(PlanItem).order_by(PlanItem.position, PlanItem.id)))


def _check_spec(spec: ItemSpec) -> None:
    if spec.stage not in STAGES:
        raise TrainingError(tr("Unknown stage “{stage}”.", stage=spec.stage))
    if spec.rule not in RULES:
        raise TrainingError(tr("Unknown pass rule “{rule}”.", rule=spec.rule))
    if not spec.title.strip():
        raise TrainingError(tr("Give the step a title, e.g. 派件区域表 背熟."))
    if not 1 <= spec.week <= 26:
        raise TrainingError(tr("The week is 1 to 26 (weeks after the start date)."))
    if spec.rule == "drill" and spec.target not in DECKS:
        raise TrainingError(
            tr("A drill step names its table: one of {decks}.", decks=", ".join(DECKS))
        )
    if spec.rule in ("drill", "exam") and not 1 <= spec.threshold <= 100:
        raise TrainingError(tr("The pass mark is 1 to 100."))
    if spec.rule == "complaints" and spec.threshold < 1:
        raise TrainingError(tr("Say how many complaints the trainee handles (at least 1)."))


def add_item(session: Session, spec: ItemSpec) -> int:
    """A step added to the plan template (an owner action, audited)."""
    _check_spec(spec)
    permissions.require_owner(Action.MANAGE_TRAINING, session, spec.title)
    position = session.scalar(select(func.max(PlanItem.position))) or 0
    item = PlanItem(
        stage=spec.stage,
        week=spec.week,
        title=spec.title.strip()[:120],
        rule=spec.rule,
        target=spec.target,
        threshold=spec.threshold,
        jobs=",".join(j for j in spec.jobs if j in JOBS),
        position=position + 1,
    )
    session.add(item)
    session.flush()
    return item.id


def remove_item(session: Session, item_id: int) -> None:
    item = session.get(PlanItem, item_id)
    if item is None:
        raise TrainingError(tr("That step is no longer in the plan: reopen the page."))
    permissions.require_owner(Action.MANAGE_TRAINING, session, tr(item.title))
    session.execute(delete(PlanProgress).where(PlanProgress.item_id == item_id))
    session.delete(item)
    session.flush()


# --- trainees and mentors ---------------------------------------------------------------


@dataclass(frozen=True)
class TraineeInfo:
    agent_id: int
    name: str
    mentor_id: int | None
    mentor: str
    started_on: date


def _names(session: Session) -> dict[int, str]:
    from branchdesk.team.agents import list_agents

    return {a.id: a.name for a in list_agents(session, active_only=False)}


def enrol(
    session: Session,
    agent_id: int,
    mentor_id: int | None,
    started_on: date | None = None,
    *,
    audit: bool = True,
) -> TraineeInfo:
    """Put a new hire on the plan with a mentor, or change their mentor (an owner action,
    audited; the sample branch passes audit=False)."""
    from branchdesk.team.agents import get_agent

    trainee = get_agent(session, agent_id)
    if mentor_id is not None:
        mentor = get_agent(session, mentor_id)
        if mentor.id == trainee.id:
            raise TrainingError(tr("A trainee cannot be their own mentor: choose a senior agent."))
    if audit:
        permissions.require_owner(Action.MANAGE_TRAINING, session, trainee.name)
    ensure_plan(session)
    row = session.scalar(select(Trainee).where(Trainee.agent_id == agent_id))
    if row is None:
        row = Trainee(agent_id=agent_id, started_on=started_on or trainee.started_on)
        session.add(row)
    elif started_on is not None:
        row.started_on = started_on
    row.mentor_id = mentor_id
    session.flush()
    return trainees(session, agent_id=agent_id)[0]


def trainees(session: Session, *, agent_id: int | None = None) -> list[TraineeInfo]:
    names = _names(session)
    query = select(Trainee).order_by(Trainee.started_on.desc(), Trainee.id)
    if agent_id is not None:
        query = query.where(Trainee.agent_id == agent_id)
    return [
        TraineeInfo(
            t.agent_id,
            names.get(t.agent_id, "?"),
            t.mentor_id,
            names.get(t.mentor_id, "") if t.mentor_id is not None else "",
            t.started_on,
        )
        for t in session.scalars(query)
    ]


# --- fingerprints of the sources: a passed step reopens when its source changes ------------


def _hash(parts: Sequence[str]) -> str:
    return hashlib.sha1("\x1e".join(parts).encode("utf-8")).hexdigest()


class _Sources:
    """The content fingerprints of the sources the plan's steps stand on (computed once)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._held: dict[str, str] = {}

    def of(self, item: PlanItem) -> str:
        key = f"{item.rule}:{item.target}"
        if key not in self._held:
            self._held[key] = self._compute(item)
        return self._held[key]

    def _compute(self, item: PlanItem) -> str:
        if item.rule == "drill":
            rows = self.session.execute(
                select(TrainingCard.key, TrainingCard.fingerprint)
                .where(TrainingCard.deck == item.target, TrainingCard.retired_at.is_(None))
                .order_by(TrainingCard.key)
            )
            return _hash([f"{k}:{f}" for k, f in rows])
        if item.rule == "exam":
            from branchdesk.handbook.service import entries

            return _hash(
                [
                    f"{e.category}|{e.cause}|{e.fine}|{e.standard}|{e.avoidance}"
                    for e in entries(self.session)
                ]
            )
        if item.rule == "guide":
            from branchdesk.guides.service import search_guides

            return _hash(
                [
                    f"{g.id}:{g.version}"
                    for g in search_guides(self.session)
                    if not item.target or g.title == item.target
                ]
            )
        return ""  # complaints handled and the mentor's verdict do not go out of date


# --- where a trainee stands -----------------------------------------------------------------

OPEN, MET, PASSED, REOPENED = "open", "met", "passed", "reopened"


def status_label(status: str) -> str:
    return {
        OPEN: tr("To do"),
        MET: tr("Rule met: waiting for the mentor's sign-off"),
        PASSED: tr("Passed"),
        REOPENED: tr("Reopened: its source changed"),
    }.get(status, status)


@dataclass(frozen=True)
class StepState:
    item_id: int
    stage: str
    week: int
    title: str
    rule: str
    jobs: tuple[str, ...]
    due: date
    status: str
    progress: str  # 72% · 3 of 10 · 85 points
    signed_by: str = ""
    passed_at: datetime | None = None

    def is_overdue(self, today: date) -> bool:
        return self.status != PASSED and self.due < today


@dataclass(frozen=True)
class TraineeRecord:
    trainee: TraineeInfo
    steps: tuple[StepState, ...]

    @property
    def passed(self) -> int:
        return sum(1 for s in self.steps if s.status == PASSED)

    def ready_for(self, job: str) -> bool:
        """Every step that prepares for `job` is passed."""
        wanted = [s for s in self.steps if job in s.jobs]
        return bool(wanted) and all(s.status == PASSED for s in wanted)

    def overdue(self, today: date) -> int:
        return sum(1 for s in self.steps if s.is_overdue(today))


def _measure(
    session: Session, item: PlanItem, trainee: TraineeInfo, now: datetime
) -> tuple[bool, str]:
    """(the rule is met, how far along) for one step of one trainee."""
    if item.rule == "drill":
        p = next((d for d in mastery(session, trainee.agent_id) if d.deck == item.target), None)
        percent = p.percent if p else 0
        return percent >= item.threshold, f"{percent}%"
    if item.rule == "exam":
        from branchdesk.handbook.service import results

        start = datetime.combine(trainee.started_on, time())
        scores = [r.percent for r in results(session, trainee.name) if r.taken_at >= start]
        best = max(scores, default=None)
        if best is None:
            return False, tr("no exam yet")
        return best >= item.threshold, tr("{points} points", points=best)
    if item.rule == "complaints":
        from branchdesk.complaints.service import agent_work

        start = datetime.combine(trainee.started_on, time())
        work = agent_work(session, start, now + timedelta(seconds=1)).get(trainee.name)
        done = work.closed if work else 0
        return done >= item.threshold, tr(
            "{done} of {count} handled", done=done, count=item.threshold
        )
    if item.rule == "guide":
        from branchdesk.guides.service import readings, search_guides

        guides = [g for g in search_guides(session) if not item.target or g.title == item.target]
        if not guides:
            return False, tr("no guide to read yet")
        read = readings(session, trainee.name)
        done = sum(1 for g in guides if read.get(g.id, 0) >= g.version)
        return done == len(guides), tr(
            "{done} of {count} guide(s) read, checklist done", done=done, count=len(guides)
        )
    return True, ""  # sign-off: the mentor's judgement


def reopen_changed(session: Session, now: datetime | None = None) -> int:
    """Reopen every passed step whose source changed since it was passed, for everyone who
    passed it; returns how many reopened."""
    now = now or utcnow()
    sources = _Sources(session)
    reopened = 0
    rows = session.execute(
        select(PlanProgress, PlanItem)
        .join(PlanItem, PlanProgress.item_id == PlanItem.id)
        .where(PlanProgress.passed_at.is_not(None))
    ).all()
    for progress, item in rows:
        if progress.fingerprint and progress.fingerprint != sources.of(item):
            progress.passed_at = None
            progress.signed_at = None
            progress.reopened_at = now
            reopened += 1
    session.flush()
    return reopened


def record(session: Session, agent_id: int, now: datetime | None = None) -> TraineeRecord:
    """Where one trainee stands on each step of the plan."""
    now = now or utcnow()
    found = trainees(session, agent_id=agent_id)
    if not found:
        raise TrainingError(
            tr("This agent is not on the training plan: add them as a trainee first.")
        )
    trainee = found[0]
    progress = {
        p.item_id: p
        for p in session.scalars(select(PlanProgress).where(PlanProgress.agent_id == agent_id))
    }
    steps = []
    for item in ensure_plan(session):
        held = progress.get(item.id)
        met, shown = _measure(session, item, trainee, now)
        if held is not None and held.passed_at is not None:
            status = PASSED
        elif held is not None and held.reopened_at is not None:
            status = REOPENED  # the mentor checks again, on the changed source
        else:
            status = MET if met and item.rule != "signoff" else OPEN
        steps.append(
            StepState(
                item.id,
                item.stage,
                item.week,
                tr(item.title),  # a default title in the UI's language; an owner's as written
                item.rule,
                tuple(j for j in item.jobs.split(",") if j),
                trainee.started_on + timedelta(weeks=item.week),
                status,
                shown,
                held.signed_by if held is not None and held.passed_at is not None else "",
                held.passed_at if held is not None else None,
            )
        )
    return TraineeRecord(trainee, tuple(steps))


def sign_off(
    session: Session, agent_id: int, item_id: int, by: str, now: datetime | None = None
) -> StepState:
    """The mentor signs a step off: its rule must be met (a guide read with every step ticked
    in the viewer; a verdict is the mentor's own judgement). The source's fingerprint is kept,
    to reopen the step when it changes."""
    now = now or utcnow()
    item = session.get(PlanItem, item_id)
    if item is None:
        raise TrainingError(tr("That step is no longer in the plan: reopen the page."))
    trainee = trainees(session, agent_id=agent_id)
    if not trainee:
        raise TrainingError(
            tr("This agent is not on the training plan: add them as a trainee first.")
        )
    if not by.strip():
        raise TrainingError(tr("Say who signs off: the mentor picks their name at this PC first."))
    met, shown = _measure(session, item, trainee[0], now)
    if not met:
        raise TrainingError(
            tr(
                "“{title}” is not met yet ({shown}; the rule: {rule}). Sign it off once it is.",
                title=tr(item.title),
                shown=shown,
                rule=rule_text(item),
            )
        )
    row = session.scalar(
        select(PlanProgress).where(
            PlanProgress.agent_id == agent_id, PlanProgress.item_id == item_id
        )
    )
    if row is None:
        row = PlanProgress(agent_id=agent_id, item_id=item_id)
        session.add(row)
    row.passed_at = now
    row.signed_at = now
    row.signed_by = by.strip()[:40]
    row.fingerprint = _Sources(session).of(item)
    row.reopened_at = None
    session.flush()
    return next(s for s in record(session, agent_id, now).steps if s.item_id == item_id)


# --- the owner's board and the mentor's record ------------------------------------------------


@dataclass(frozen=True)
class ReadinessRow:
    agent_id: int
    name: str
    mentor: str
    on_plan: bool
    passed: int
    steps: int
    overdue: int
    ready: dict[str, bool]


def readiness(session: Session, today: date | None = None) -> list[ReadinessRow]:
    """上岗准备: for every active agent, which jobs they are ready for (an agent not on the plan
    is an experienced one: ready for all)."""
    from branchdesk.team.agents import list_agents

    today = today or date.today()
    on_plan = {t.agent_id for t in trainees(session)}
    rows = []
    for agent in list_agents(session):
        if agent.id in on_plan:
            rec = record(session, agent.id)
            rows.append(
                ReadinessRow(
                    agent.id,
                    agent.name,
                    rec.trainee.mentor,
                    True,
                    rec.passed,
                    len(rec.steps),
                    rec.overdue(today),
                    {job: rec.ready_for(job) for job in JOBS},
                )
            )
        else:
            rows.append(
                ReadinessRow(agent.id, agent.name, "", False, 0, 0, 0, dict.fromkeys(JOBS, True))
            )
    return rows


def mentor_record(session: Session, mentor_id: int) -> list[TraineeRecord]:
    """The mentor's trainees and their results (a senior agent is rated with their trainee)."""
    return [record(session, t.agent_id) for t in trainees(session) if t.mentor_id == mentor_id]
