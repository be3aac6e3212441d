"""ORM models of the knowledge base: the search index's documents, FAQ entries with their
versions and readers' flags, searches that found nothing useful, and the suggestion box.

Items of other features (penalty items, reply scripts, guide steps, area rows, good-handling
examples) are referred to by kind and id only (no key across features): the search index is
rebuilt from their public listings, and a suggestion keeps the title the item had.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branchdesk.db.base import Base, utcnow


class KnowledgeDoc(Base):
    """One searchable item of any kind, as the search shows and ranks it.

    `knowledge_fts` (a trigram FTS5 index over title, body and keys, content='knowledge_doc')
    is kept in step by search.reindex, which rewrites the documents of one kind at a time.
    """

    __tablename__ = "knowledge_doc"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # handbook|script|guide|faq|area|good
    ref_id: Mapped[int] = mapped_column(Integer)  # the item's id in its own feature
    # Where to open it: the guide's step number, the script's category id … (0 when unused).
    ref_pos: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    # Where it belongs, shown beside the title: the handbook chapter, the script's category,
    # the guide and step, the area's courier …
    context: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    # Pinyin of the title (initials and full syllables) for cjhy-style queries.
    keys: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_knowledge_doc_kind", "kind", "ref_id"),)


class KnowledgeStamp(Base):
    """What a kind's source looked like when its documents were last built (see reindex)."""

    __tablename__ = "knowledge_stamp"

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    stamp: Mapped[str] = mapped_column(Text)
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FaqEntry(Base):
    """A question agents meet, with the branch's answer (placeholders as in reply scripts)."""

    __tablename__ = "faq_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200), unique=True)
    answer: Mapped[str] = mapped_column(Text)  # rich text (HTML) or plain text
    category: Mapped[str] = mapped_column(String(40), default="")
    tags: Mapped[str] = mapped_column(String(200), default="")  # space-separated
    owner: Mapped[str] = mapped_column(String(40), default="")  # the agent who keeps it right
    review_by: Mapped[date | None] = mapped_column(Date, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(40), default="")


class FaqVersion(Base):
    """An earlier state of an FAQ entry, kept on every save (restore brings it back)."""

    __tablename__ = "faq_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    faq_id: Mapped[int] = mapped_column(ForeignKey("faq_entry.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40), default="")
    tags: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    who: Mapped[str] = mapped_column(String(40), default="")


class FaqFlag(Base):
    """A reader's "still correct?" doubt about an entry, until the owner resolves it."""

    __tablename__ = "faq_flag"

    id: Mapped[int] = mapped_column(primary_key=True)
    faq_id: Mapped[int] = mapped_column(ForeignKey("faq_entry.id", ondelete="CASCADE"), index=True)
    agent: Mapped[str] = mapped_column(String(40), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


class SearchMiss(Base):
    """A search that found nothing useful: the raw query, and its normalised form to group by."""

    __tablename__ = "search_miss"

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(100))
    normalised: Mapped[str] = mapped_column(String(100), index=True)
    agent: Mapped[str] = mapped_column(String(40), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The FAQ entry that now answers it (set when a gap is turned into an entry).
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("faq_entry.id", ondelete="SET NULL"))


class Suggestion(Base):
    """纠错与建议: a flagged wrong fact or a proposed improvement on any item."""

    __tablename__ = "knowledge_suggestion"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_kind: Mapped[str] = mapped_column(String(12))  # as KnowledgeDoc.kind, or "" (general)
    item_id: Mapped[int | None] = mapped_column(Integer)
    item_title: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(10))  # wrong | better
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open|accepted|declined
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
