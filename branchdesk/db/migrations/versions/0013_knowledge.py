"""knowledge base

The knowledge base: the one search's documents and their trigram index (knowledge_fts, kept
by knowledge/search.py's reindex, no triggers: documents are rewritten a kind at a time), FAQ
entries with versions and readers' flags, searches with no useful hit, and the suggestion box.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 19:22:22.471119
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SQLITE_DDL = [
    "CREATE VIRTUAL TABLE knowledge_fts USING fts5(title, context, body, keys, "
    "content='knowledge_doc', content_rowid='id', tokenize='trigram', columnsize=0)",
    # 1-2 character queries, which trigrams cannot answer: the character pairs of the title
    # and context, of the body, and of the title's pinyin initials (search.py fills it).
    "CREATE VIRTUAL TABLE knowledge_short_fts USING fts5(tgrams, bgrams, kgrams, "
    "tokenize='unicode61 remove_diacritics 0', detail=column, columnsize=0)",
]


def upgrade() -> None:
    op.create_table(
        "knowledge_doc",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("ref_pos", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("context", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_doc")),
    )
    with op.batch_alter_table("knowledge_doc", schema=None) as batch_op:
        batch_op.create_index("ix_knowledge_doc_kind", ["kind", "ref_id"], unique=False)

    op.create_table(
        "knowledge_stamp",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("stamp", sa.Text(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_knowledge_stamp")),
    )
    op.create_table(
        "knowledge_suggestion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=12), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("item_title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_suggestion")),
    )
    with op.batch_alter_table("knowledge_suggestion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_knowledge_suggestion_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "faq_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("tags", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=40), nullable=False),
        sa.Column("review_by", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_faq_entry_batch_id_import_batch"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_entry")),
        sa.UniqueConstraint("question", name=op.f("uq_faq_entry_question")),
    )
    with op.batch_alter_table("faq_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_entry_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_faq_entry_review_by"), ["review_by"], unique=False)

    op.create_table(
        "faq_flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("faq_id", sa.Integer(), nullable=False),
        sa.Column("agent", sa.String(length=40), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["faq_id"],
            ["faq_entry.id"],
            name=op.f("fk_faq_flag_faq_id_faq_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_flag")),
    )
    with op.batch_alter_table("faq_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_flag_faq_id"), ["faq_id"], unique=False)

    op.create_table(
        "faq_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("faq_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("tags", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["faq_id"],
            ["faq_entry.id"],
            name=op.f("fk_faq_version_faq_id_faq_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_version")),
    )
    with op.batch_alter_table("faq_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_version_faq_id"), ["faq_id"], unique=False)

    op.create_table(
        "search_miss",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("query", sa.String(length=100), nullable=False),
        sa.Column("normalised", sa.String(length=100), nullable=False),
        sa.Column("agent", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("answered_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["answered_by"],
            ["faq_entry.id"],
            name=op.f("fk_search_miss_answered_by_faq_entry"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_miss")),
    )
    with op.batch_alter_table("search_miss", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_miss_normalised"), ["normalised"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS knowledge_short_fts")
        op.execute("DROP TABLE IF EXISTS knowledge_fts")
    with op.batch_alter_table("search_miss", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_miss_normalised"))

    op.drop_table("search_miss")
    with op.batch_alter_table("faq_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faq_version_faq_id"))

    op.drop_table("faq_version")
    with op.batch_alter_table("faq_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faq_flag_faq_id"))

    op.drop_table("faq_flag")
    with op.batch_alter_table("faq_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faq_entry_review_by"))
        batch_op.drop_index(batch_op.f("ix_faq_entry_batch_id"))

    op.drop_table("faq_entry")
    with op.batch_alter_table("knowledge_suggestion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_suggestion_created_at"))

    op.drop_table("knowledge_suggestion")
    op.drop_table("knowledge_stamp")
    with op.batch_alter_table("knowledge_doc", schema=None) as batch_op:
        batch_op.drop_index("ix_knowledge_doc_kind")

    op.drop_table("knowledge_doc")
