"""Import history and undo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.models import ImportBatch
from branchdesk.permissions import Action, require_owner


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: str
    file_name: str
    sheet: str | None
    rows_ok: int
    rows_skipped: int
    created_at: datetime
    undone_at: datetime | None
    replaced: bool
    is_sample: bool

    @property
    def active(self) -> bool:
        return self.undone_at is None and not self.replaced


def history(session: Session) -> list[BatchInfo]:
    """Every import, newest first."""
    return [
        BatchInfo(
            b.id,
            b.kind,
            b.file_name,
            b.sheet,
            b.rows_ok,
            b.rows_skipped,
            b.created_at,
            b.undone_at,
            b.replaced_by_id is not None,
            b.is_sample,
        )
        for b in session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
    ]


def undo_batch(session: Session, batch_id: int) -> ImportBatch:
    """Remove what batch `batch_id` imported (its kind's own undo) and bring back the table
    it replaced."""
    from branchdesk.io.importing import kinds

    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise BranchDeskError(tr("Import {id} does not exist.", id=batch_id))
    if batch.undone_at is not None:
        raise BranchDeskError(tr("Import {id} has already been undone.", id=batch_id))
    require_owner(
        Action.UNDO_IMPORT,
        session,
        tr("Import {id} ({file}) undone", id=batch_id, file=batch.file_name),
    )
    kind = kinds().get(batch.kind)
    if kind is None:
        raise BranchDeskError(
            tr(
                "Import {id} is of a kind this BranchDesk does not know ({kind}); nothing was "
                "changed.",
                id=batch_id,
                kind=batch.kind,
            )
        )
    kind.undo(session, batch)
    # The table this batch replaced takes its place: active again if this batch was active,
    # still replaced (by this batch's successor) if this batch had been replaced itself.
    for old in session.scalars(select(ImportBatch).where(ImportBatch.replaced_by_id == batch_id)):
        old.replaced_by_id = batch.replaced_by_id
    batch.undone_at = utcnow()
    return batch
