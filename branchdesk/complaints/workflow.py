"""The complaint workflow: 新建 → 处理中 → 已升级 → 待回访 → 已结案, and 重开; deadlines.

Pure rules, no storage: the service asks `check_transition` before it changes a status, so an
illegal step is refused with a message that says what is allowed instead.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr

NEW, PROCESSING, ESCALATED, CALLBACK, CLOSED = (
    "new",
    "processing",
    "escalated",
    "callback",
    "closed",
)
STATUSES = (NEW, PROCESSING, ESCALATED, CALLBACK, CLOSED)
OPEN_STATUSES = (NEW, PROCESSING, ESCALATED, CALLBACK)

# English sources; the UI and printouts translate them.
STATUS_LABELS = {
    NEW: "New",
    PROCESSING: "In progress",
    ESCALATED: "Escalated",
    CALLBACK: "Awaiting call-back",
    CLOSED: "Closed",
}

# Which status may follow which. Reopening (重开) is closed → processing.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    NEW: (PROCESSING, ESCALATED),
    PROCESSING: (ESCALATED, CALLBACK, CLOSED),
    ESCALATED: (PROCESSING, CALLBACK, CLOSED),
    CALLBACK: (PROCESSING, CLOSED),
    CLOSED: (PROCESSING,),
}

CHANNELS = ("电话", "总部工单", "电商平台", "上门", "12305/邮政申诉")
# Names a channel was once stored or typed under (migration 0018 renamed the stored ones).
_CHANNEL_ALIASES = {"hq工单": "总部工单", "hq": "总部工单", "总部": "总部工单"}


def channel_named(text: str) -> str | None:
    """The channel `text` names (one of CHANNELS, or an older name of one); None if none."""
    value = "".join(text.split())
    if value in CHANNELS:
        return value
    return _CHANNEL_ALIASES.get(value.lower())


class WorkflowError(BranchDeskError):
    """A status change the workflow does not allow, or closing without what closing needs."""


def status_label(status: str) -> str:
    return tr(STATUS_LABELS.get(status, status))


def allowed(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(
    current: str,
    target: str,
    *,
    resolution: str | None = None,
    compensation_fen: int | None = None,
) -> None:
    """Raise WorkflowError unless `current` → `target` is allowed with what is given."""
    if target not in STATUSES:
        raise WorkflowError(tr("Unknown status '{status}'.", status=target))
    if target not in allowed(current):
        choices = "、".join(status_label(s) for s in allowed(current)) or "—"
        raise WorkflowError(
            tr(
                "A complaint that is “{current}” cannot become “{target}”. From here it can "
                "become: {choices}.",
                current=status_label(current),
                target=status_label(target),
                choices=choices,
            )
        )
    if target == CLOSED:
        if not (resolution or "").strip():
            raise WorkflowError(
                tr("Write how the complaint was resolved (处理结果) before closing it.")
            )
        if compensation_fen is None:
            raise WorkflowError(
                tr("Enter the compensation paid before closing (0 when none was paid).")
            )
        if compensation_fen < 0:
            raise WorkflowError(tr("The compensation cannot be negative."))


def due_at(received: datetime, sla_hours: int) -> datetime:
    """The deadline: `sla_hours` after the complaint was received (clock hours)."""
    return received + timedelta(hours=max(0, sla_hours))


def is_overdue(due: datetime, now: datetime, status: str) -> bool:
    return status in OPEN_STATUSES and due < now


def is_due_soon(due: datetime, now: datetime, status: str, lead_hours: float) -> bool:
    """Open, not yet overdue, and due within the lead time."""
    return status in OPEN_STATUSES and now <= due <= now + timedelta(hours=lead_hours)
