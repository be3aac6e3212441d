"""ORM models of the operation guides: categories, guides, steps, images, flags, versions.

Images are stored once per content hash (compressed PNG/JPEG bytes, never raw bitmaps); a
step refers to its image by id and keeps its annotations as JSON drawn over the original.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchdesk.db.base import Base, utcnow


class GuideCategory(Base):
    __tablename__ = "guide_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class GuideImage(Base):
    """One screenshot, stored once however many steps (or versions) use it."""

    __tablename__ = "guide_image"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    # Loaded only when asked for: listing a guide's steps must not read every screenshot.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Guide(Base):
    __tablename__ = "guide"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    category_id: Mapped[int] = mapped_column(
        ForeignKey("guide_category.id", ondelete="RESTRICT"), index=True
    )
    owner: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    review_by: Mapped[date | None] = mapped_column(Date, index=True)
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    steps: Mapped[list[GuideStep]] = relationship(
        back_populates="guide", order_by="GuideStep.position", cascade="all, delete-orphan"
    )


class GuideStep(Base):
    __tablename__ = "guide_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guide.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    instruction: Mapped[str] = mapped_column(Text)
    tip: Mapped[str] = mapped_column(Text, default="")
    tip_kind: Mapped[str] = mapped_column(String(10), default="tip")  # tip | warning
    image_id: Mapped[int | None] = mapped_column(
        ForeignKey("guide_image.id", ondelete="RESTRICT"), index=True
    )
    annotations: Mapped[str] = mapped_column(Text, default="[]")

    guide: Mapped[Guide] = relationship(back_populates="steps")
    image: Mapped[GuideImage | None] = relationship()


class GuideReading(Base):
    """A reader went through a guide and ticked every step of its checklist, at a version of
    the guide: a new hire's plan step "guide read, checklist done" is met by it until the guide
    changes (readers by name, as the complaint log records its agents)."""

    __tablename__ = "guide_reading"

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guide.id", ondelete="CASCADE"), index=True)
    reader: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer)
    read_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class GuideFlag(Base):
    """A reader's note that a step is outdated; the owner sees and resolves it."""

    __tablename__ = "guide_flag"

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guide.id", ondelete="CASCADE"), index=True)
    step_number: Mapped[int] = mapped_column(Integer)
    # The step's instruction when it was flagged: steps move and get renumbered, the note
    # finds its step again by this text.
    step_text: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(40))


class GuideVersion(Base):
    """A saved state of a guide (steps, images by hash, annotations) for history and restore."""

    __tablename__ = "guide_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guide.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    who: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[str] = mapped_column(Text)  # JSON
