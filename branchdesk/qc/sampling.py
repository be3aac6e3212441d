"""The day's sample: for every agent who worked on a day, the items quality control checks.

The rule is the same for everyone (一视同仁): an agent's quota is the base number, or more for
a new hire (first 3 months) or for an agent whose last two scored days were under the pass
mark; every item whose reply holds a banned phrase comes first, the rest of the quota is drawn
at random from the agent's other items with the day's seed. The sample is stored with its seed
and rule, so reopening the day shows the same items and anyone can redraw it to check.
"""

from __future__ import annotations

import json
import random
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk.complaints import service as complaints
from branchdesk.complaints.scripts import banned_matcher
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import labelled, tr
from branchdesk.permissions import actor
from branchdesk.qc.models import QcSample, QcSampleAgent, QcSampleItem, QcScore
from branchdesk.settings import branch_value
from branchdesk.team import agents as team
from branchdesk.team import contacts

# How far back the two bad days that make an agent unstable are looked for.
UNSTABLE_LOOKBACK_DAYS = 14
BASE, NEW_HIRE, UNSTABLE = "base", "new_hire", "unstable"
BANNED, RANDOM = "banned", "random"


class QcError(BranchDeskError):
    """A quality-control action was refused; the message says why and what to do."""


def reason_label(reason: str) -> str:
    return {
        BASE: tr("Everyone"),
        NEW_HIRE: tr("New hire (first 3 months)"),
        UNSTABLE: tr("Two bad days in a row"),
        BANNED: tr("Banned phrase"),
        RANDOM: tr("Random"),
    }.get(reason, reason)


@dataclass(frozen=True)
class SampleRule:
    """What a day's sample was drawn by, stored with it."""

    base: int
    new_hire: int
    unstable: int
    pass_mark: int
    phrases: tuple[str, ...]

    @classmethod
    def current(cls) -> SampleRule:
        """The branch's settings now."""
        return cls(
            base=int(branch_value("qc_sample_size")),
            new_hire=int(branch_value("qc_sample_new_hire")),
            unstable=int(branch_value("qc_sample_unstable")),
            pass_mark=int(branch_value("qc_pass_mark")),
            phrases=tuple(str(p) for p in branch_value("banned_phrases")),
        )

    def quota(self, reason: str) -> int:
        return {BASE: self.base, NEW_HIRE: self.new_hire, UNSTABLE: self.unstable}[reason]

    def describe(self) -> str:
        return tr(
            "{base} items per agent who worked; {new_hire} for a new hire; {unstable} after two "
            "days in a row under {pass_mark} points. Items with a banned phrase first, the rest "
            "at random.",
            base=self.base,
            new_hire=self.new_hire,
            unstable=self.unstable,
            pass_mark=self.pass_mark,
        )

    def to_json(self, unmatched: list[str]) -> str:
        return json.dumps(
            {
                "base": self.base,
                "new_hire": self.new_hire,
                "unstable": self.unstable,
                "pass_mark": self.pass_mark,
                "phrases": list(self.phrases),
                "unmatched": unmatched,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> tuple[SampleRule, list[str]]:
        data = json.loads(text)
        rule = cls(
            int(data["base"]),
            int(data["new_hire"]),
            int(data["unstable"]),
            int(data["pass_mark"]),
            tuple(data["phrases"]),
        )
        return rule, [str(n) for n in data.get("unmatched", [])]


@dataclass(frozen=True)
class WorkItem:
    """A complaint or contact an agent handled on the day, with what they wrote."""

    kind: str  # complaint | contact
    id: int
    agent_id: int
    at: datetime
    title: str
    text: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class AgentShare:
    """One agent's line of the fairness view."""

    agent_id: int
    name: str
    reason: str
    quota: int
    handled: int
    banned: int
    drawn: int

    @property
    def share(self) -> float:
        """The part of the agent's work that is checked (0–1)."""
        return self.drawn / self.handled if self.handled else 0.0


@dataclass(frozen=True)
class SampleItemRow:
    id: int
    agent_id: int
    agent_name: str
    kind: str
    item_id: int
    reason: str
    phrases: tuple[str, ...]
    handled_at: datetime
    title: str
    text: str


@dataclass(frozen=True)
class DaySample:
    day: date
    seed: int
    rule: SampleRule
    drawn_at: datetime | None
    drawn_by: str
    agents: list[AgentShare]
    items: list[SampleItemRow]
    # Names in the complaint history that no agent of the team has (renamed or never added).
    unmatched: list[str] = field(default_factory=list)
    stored: bool = True

    def items_of(self, agent_id: int) -> list[SampleItemRow]:
        return [i for i in self.items if i.agent_id == agent_id]


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time())
    return start, start + timedelta(days=1)


def _complaint_text(c: complaints.HandledComplaint) -> str:
    parts = [
        (tr("Description"), c.description),
        (tr("Reply"), c.reply),
        (tr("Resolution"), c.resolution),
    ]
    return "\n".join(labelled(label, text) for label, text in parts if text.strip())


def work_of_day(
    session: Session, day: date, phrases: tuple[str, ...]
) -> tuple[dict[int, list[WorkItem]], set[int], list[str]]:
    """The items each agent handled on `day` (by agent id), the ids of who signed in, and the
    names in complaint histories that match no agent."""
    start, end = _bounds(day)
    by_name = {a.name: a.id for a in team.list_agents(session, active_only=False)}
    find_banned = banned_matcher(phrases)
    work: dict[int, list[WorkItem]] = defaultdict(list)
    unmatched: set[str] = set()
    for c in complaints.handled_between(session, start, end):
        agent_id = by_name.get(c.agent)
        if agent_id is None:
            unmatched.add(c.agent)
            continue
        # What the agent said to the customer or wrote as the outcome; the description holds
        # the customer's own words ("态度差") and is left to the sweep.
        said = "\n".join((c.reply, c.resolution))
        work[agent_id].append(
            WorkItem(
                "complaint",
                c.id,
                agent_id,
                c.first_at,
                f"{c.ticket_no} {c.category}".strip(),
                _complaint_text(c),
                tuple(find_banned(said)),
            )
        )
    for k in contacts.contacts_between(session, start, end):
        if k.agent_id is None:
            continue
        text = "\n".join(
            labelled(label, value)
            for label, value in ((tr("Customer asked"), k.question), (tr("Reply"), k.reply))
            if value.strip()
        )
        title = " ".join(p for p in (contacts.channel_label(k.channel), k.waybill_no) if p)
        work[k.agent_id].append(
            WorkItem(
                "contact",
                k.id,
                k.agent_id,
                k.at,
                title,
                text,
                tuple(find_banned(k.reply)),
            )
        )
    for items in work.values():
        items.sort(key=lambda w: (w.at, w.kind, w.id))
    return dict(work), team.signed_in_on(session, day), sorted(unmatched)


def day_averages(
    session: Session, start: date, end: date, agent_id: int | None = None
) -> dict[int, dict[date, float]]:
    """Agent id → day → the day's average score in [start, end): the mean of the items'
    totals, an item scored by two reviewers counting once (the mean of the two)."""
    per_item = (
        select(
            QcScore.agent_id,
            QcScore.day,
            func.avg(QcScore.total).label("total"),
        )
        .where(QcScore.day >= start, QcScore.day < end)
        .group_by(QcScore.sample_item_id, QcScore.agent_id, QcScore.day)
    )
    if agent_id is not None:
        per_item = per_item.where(QcScore.agent_id == agent_id)
    sub = per_item.subquery()
    query = select(sub.c.agent_id, sub.c.day, func.avg(sub.c.total)).group_by(
        sub.c.agent_id, sub.c.day
    )
    out: dict[int, dict[date, float]] = defaultdict(dict)
    for who, day, avg in session.execute(query):
        out[who][day] = round(float(avg), 1)
    return dict(out)


def unstable_agents(session: Session, day: date, pass_mark: int) -> set[int]:
    """Agents whose last two scored days before `day` (within two weeks) were both under the
    pass mark."""
    days = day_averages(session, day - timedelta(days=UNSTABLE_LOOKBACK_DAYS), day)
    out = set()
    for agent_id, by_day in days.items():
        last = [by_day[d] for d in sorted(by_day)[-2:]]
        if len(last) == 2 and all(avg < pass_mark for avg in last):
            out.add(agent_id)
    return out


def agent_rng(seed: int, agent_id: int) -> random.Random:
    """One generator per agent: an agent's draw does not depend on who else worked."""
    return random.Random(f"{seed}-{agent_id}")


def choose(items: list[WorkItem], quota: int, rng: random.Random) -> list[tuple[WorkItem, str]]:
    """Every item with a banned phrase, then random others up to the quota (time order)."""
    banned = [w for w in items if w.phrases]
    rest = [w for w in items if not w.phrases]
    room = max(0, quota - len(banned))
    drawn = rng.sample(rest, min(room, len(rest)))
    drawn.sort(key=lambda w: (w.at, w.kind, w.id))
    return [(w, BANNED) for w in banned] + [(w, RANDOM) for w in drawn]


def _names(session: Session) -> dict[int, str]:
    return {a.id: a.name for a in team.list_agents(session, active_only=False)}


def _reason(info: team.AgentInfo | None, day: date, unstable: bool, rule: SampleRule) -> str:
    candidates = [BASE]
    if info is not None and info.is_new_hire(day):
        candidates.append(NEW_HIRE)
    if unstable:
        candidates.append(UNSTABLE)
    # The largest quota wins; on a tie the later (more specific) reason is named.
    return max(reversed(candidates), key=rule.quota)


def preview(
    session: Session, day: date, seed: int, rule: SampleRule | None = None
) -> tuple[list[AgentShare], list[tuple[WorkItem, str]], list[str]]:
    """The sample the rule and seed give for `day`, without storing anything."""
    rule = rule or SampleRule.current()
    work, signed_in, unmatched = work_of_day(session, day, rule.phrases)
    unstable = unstable_agents(session, day, rule.pass_mark)
    infos = {a.id: a for a in team.list_agents(session, active_only=False)}
    shares: list[AgentShare] = []
    chosen: list[tuple[WorkItem, str]] = []
    for agent_id in sorted(set(work) | signed_in, key=lambda i: (infos[i].name, i)):
        items = work.get(agent_id, [])
        reason = _reason(infos.get(agent_id), day, agent_id in unstable, rule)
        quota = rule.quota(reason)
        picked = choose(items, quota, agent_rng(seed, agent_id))
        chosen.extend(picked)
        shares.append(
            AgentShare(
                agent_id,
                infos[agent_id].name,
                reason,
                quota,
                len(items),
                sum(1 for w in items if w.phrases),
                len(picked),
            )
        )
    return shares, chosen, unmatched


def day_sample(session: Session, day: date) -> DaySample | None:
    """The stored sample of `day` (None: not drawn yet), names as the team has them now."""
    sample = session.scalar(select(QcSample).where(QcSample.day == day))
    if sample is None:
        return None
    current = _names(session)
    names = {a.agent_id: current.get(a.agent_id, a.agent_name) for a in sample.agents}
    rule, unmatched = SampleRule.from_json(sample.rule)
    rows = session.scalars(
        select(QcSampleItem)
        .where(QcSampleItem.sample_id == sample.id)
        .order_by(QcSampleItem.position, QcSampleItem.id)
    )
    items = [
        SampleItemRow(
            r.id,
            r.agent_id,
            names.get(r.agent_id, ""),
            r.item_kind,
            r.item_id,
            r.reason,
            tuple(p for p in r.phrases.split("\n") if p),
            r.handled_at,
            r.title,
            r.text,
        )
        for r in rows
    ]
    drawn: dict[int, int] = defaultdict(int)
    for item in items:
        drawn[item.agent_id] += 1
    agents = [
        AgentShare(
            a.agent_id,
            names[a.agent_id],
            a.reason,
            a.quota,
            a.handled,
            a.banned,
            drawn[a.agent_id],
        )
        for a in sample.agents
    ]
    return DaySample(
        day, sample.seed, rule, sample.drawn_at, sample.drawn_by, agents, items, unmatched
    )


def draw_sample(
    session: Session,
    day: date,
    *,
    seed: int | None = None,
    who: str | None = None,
    today: date | None = None,
) -> DaySample:
    """Draw and store the sample of `day`; the stored one when it was drawn before. A day with
    no work gives an empty sample that is not stored (work logged later can still be drawn)."""
    today = today or date.today()
    if day >= today:
        raise QcError(
            tr(
                "{day} is not over yet: its sample is drawn from the next day on.",
                day=day.isoformat(),
            )
        )
    stored = day_sample(session, day)
    if stored is not None:
        return stored
    rule = SampleRule.current()
    seed = secrets.randbelow(2**31) if seed is None else seed
    shares, chosen, unmatched = preview(session, day, seed, rule)
    if not shares:
        return DaySample(day, seed, rule, None, "", [], [], unmatched, stored=False)
    sample = QcSample(
        day=day,
        seed=seed,
        rule=rule.to_json(unmatched),
        drawn_at=datetime.now().replace(microsecond=0),
        drawn_by=(actor() if who is None else who)[:40],
    )
    session.add(sample)
    for position, share in enumerate(shares):
        sample.agents.append(
            QcSampleAgent(
                agent_id=share.agent_id,
                agent_name=share.name,
                position=position,
                reason=share.reason,
                quota=share.quota,
                handled=share.handled,
                banned=share.banned,
            )
        )
    session.flush()
    order = {s.agent_id: n for n, s in enumerate(shares)}
    chosen.sort(key=lambda pair: order[pair[0].agent_id])
    session.add_all(
        QcSampleItem(
            sample_id=sample.id,
            agent_id=w.agent_id,
            position=position,
            item_kind=w.kind,
            item_id=w.id,
            reason=reason,
            phrases="\n".join(w.phrases),
            handled_at=w.at,
            title=w.title[:120],
            text=w.text,
        )
        for position, (w, reason) in enumerate(chosen)
    )
    session.flush()
    result = day_sample(session, day)
    assert result is not None
    return result


def sampled_days(session: Session, limit: int = 60) -> list[date]:
    """The days with a stored sample, newest first."""
    return list(session.scalars(select(QcSample.day).order_by(QcSample.day.desc()).limit(limit)))


def sample_item(session: Session, item_id: int) -> QcSampleItem:
    item = session.get(QcSampleItem, item_id)
    if item is None:
        raise QcError(tr("That sampled item no longer exists: reopen the day's sample."))
    return item


def item_day(session: Session, item: QcSampleItem) -> date:
    return session.scalar(select(QcSample.day).where(QcSample.id == item.sample_id))  # type: ignore[return-value]
