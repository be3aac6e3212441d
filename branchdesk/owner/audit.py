"""The audit log: who did which owner-level action when, and wrong PIN attempts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk import permissions
from branchdesk.i18n import tr
from branchdesk.io.export import ExportKind, register_export
from branchdesk.owner.models import AuditEntry

AUDIT_LABELS = {
    "edit_handbook": "Handbook changed",
    "delete_records": "Records deleted",
    "undo_import": "Import undone",
    "restore": "Backup restored",
    "change_settings": "Settings changed",
    "replace_areas": "Area table replaced",
    "show_phones": "Full phone numbers printed or exported",
    "manage_team": "Team changed",
    "pin_set": "Owner PIN set",
    "pin_changed": "Owner PIN changed",
    "pin_cleared": "Owner PIN removed",
    "pin_failed": "Wrong owner PIN",
    "set_pay_rates": "Pay rates set",
    "charge_fine": "Agent's fine changed",
    "approve_statement": "Pay statement approved or reissued",
    "manage_training": "Training plan changed",
    "manage_knowledge": "Knowledge base changed",
}
AUDIT_HEADER_LABELS = ("Time", "Action", "Details", "Who", "With PIN")


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # local time
    action: str
    detail: str
    who: str
    with_pin: bool

    @property
    def label(self) -> str:
        source = AUDIT_LABELS.get(self.action)
        return tr(source) if source else self.action


def record(
    session: Session, action: str, detail: str = "", *, who: str = "", with_pin: bool = False
) -> AuditEntry:
    """Add an entry to the session's transaction: committed with the change it describes."""
    entry = AuditEntry(action=action[:30], detail=detail[:2000], who=who[:60], with_pin=with_pin)
    session.add(entry)
    return entry


def _record_owner_action(
    session: Session, action: str, detail: str, who: str, with_pin: bool
) -> AuditEntry:
    return record(session, action, detail, who=who, with_pin=with_pin)


# Every `permissions.require_owner(action, session, …)` writes its entry through this module.
permissions.set_audit_recorder(_record_owner_action)


def _local(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def count(session: Session, action: str | None = None) -> int:
    query = select(func.count()).select_from(AuditEntry)
    if action:
        query = query.where(AuditEntry.action == action)
    return session.scalar(query) or 0


def entries(
    session: Session, *, action: str | None = None, limit: int | None = None
) -> list[AuditRow]:
    """The newest first."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if action:
        query = query.where(AuditEntry.action == action)
    if limit is not None:
        query = query.limit(limit)
    return [
        AuditRow(e.id, _local(e.at), e.action, e.detail, e.who, e.with_pin)
        for e in session.scalars(query)
    ]


def export_audit(session: Session, path: Path) -> int:
    """The whole log as an Excel sheet, newest first. Returns the entries written."""
    from branchdesk.io.export import write_table

    rows = [
        (
            row.at.strftime("%Y-%m-%d %H:%M:%S"),
            row.label,
            row.detail,
            row.who,
            tr("yes") if row.with_pin else tr("no"),
        )
        for row in entries(session)
    ]
    return write_table(
        Path(path),
        [tr(h) for h in AUDIT_HEADER_LABELS],
        rows,
        sheet=tr("Audit log"),
        title=tr("BranchDesk audit log"),
        wrap=True,
    )


# Only the owner sees the audit log (checked before the export, not itself audited).
register_export(
    ExportKind(
        "audit",
        lambda session, path, _mask: export_audit(session, path),
        required=permissions.Action.VIEW_AUDIT,
    )
)
