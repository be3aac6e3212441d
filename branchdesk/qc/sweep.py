"""The banned-phrase sweep: every stored reply and note checked against the branch's banned
phrases, with the hits per agent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from branchdesk.complaints import service as complaints
from branchdesk.complaints.scripts import banned_matcher
from branchdesk.i18n import tr
from branchdesk.settings import branch_value
from branchdesk.team import agents as team
from branchdesk.team import contacts


def field_label(name: str) -> str:
    return {
        "description": tr("Description"),
        "reply": tr("Reply"),
        "resolution": tr("Resolution"),
    }.get(name, name)


@dataclass(frozen=True)
class SweepHit:
    kind: str  # complaint | contact
    id: int
    title: str
    agent: str
    at: datetime
    field: str  # description | reply | resolution
    phrases: tuple[str, ...]
    text: str


@dataclass
class SweepResult:
    hits: list[SweepHit] = field(default_factory=list)
    checked: int = 0

    def per_agent(self) -> list[tuple[str, int]]:
        """(agent, texts with a hit), most first; "" for texts nobody signed."""
        counts = Counter(h.agent for h in self.hits)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def sweep(
    session: Session,
    start: datetime | None = None,
    end: datetime | None = None,
    phrases: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SweepResult:
    """Check complaints' descriptions, replies and resolutions and contacts' replies logged in
    [start, end) (everything when not given) for the banned phrases. `progress(done, total)`
    is called now and then (in thousandths of the period, complaints then contacts)."""
    wanted = [str(p) for p in (branch_value("banned_phrases") if phrases is None else phrases)]
    result = SweepResult()
    find = banned_matcher(wanted)
    if not any(p.strip() for p in wanted):
        return result
    span = (end - start).total_seconds() if start and end and end > start else 0.0

    def report(phase: int, at: datetime) -> None:
        if progress is not None and result.checked % 500 == 1:
            part = (at - start).total_seconds() / span if span and start else 0.0
            progress(phase * 1000 + int(1000 * max(0.0, min(1.0, part))), 2000)

    for c in complaints.complaint_texts(session, start, end):
        result.checked += 1
        report(0, c.received_at)
        for name, text in (
            ("description", c.description),
            ("reply", c.reply),
            ("resolution", c.resolution),
        ):
            found = find(text)
            if found:
                result.hits.append(
                    SweepHit(
                        "complaint",
                        c.id,
                        c.ticket_no,
                        c.agent,
                        c.received_at,
                        name,
                        tuple(found),
                        text,
                    )
                )
    names = {a.id: a.name for a in team.list_agents(session, active_only=False)}
    for k in contacts.contacts_between(session, start or datetime.min, end or datetime.max):
        result.checked += 1
        report(1, k.at)
        found = find(k.reply)
        if found:
            result.hits.append(
                SweepHit(
                    "contact",
                    k.id,
                    " ".join(p for p in (contacts.channel_label(k.channel), k.waybill_no) if p),
                    names.get(k.agent_id, "") if k.agent_id is not None else "",
                    k.at,
                    "reply",
                    tuple(found),
                    k.reply,
                )
            )
    result.hits.sort(key=lambda h: (h.at, h.kind, h.id))
    return result
