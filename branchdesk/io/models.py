"""ImportBatch: one record per import, so every import can be reported on and undone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branchdesk.db.base import Base, utcnow


class ImportBatch(Base):
    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # areas|routes|times|waybills|demo
    file_name: Mapped[str] = mapped_column(String(260))
    sheet: Mapped[str | None] = mapped_column(String(100))
    sha256: Mapped[str | None] = mapped_column(String(64))
    rows_ok: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    # JSON list of the problems of skipped rows, kept for the import history.
    skipped_report: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(60))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    is_sample: Mapped[bool] = mapped_column(default=False)
    # Areas, routes and times replace the whole table: the batch they replaced keeps its rows
    # (inactive) so undoing the new batch brings the old table back.
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL")
    )
