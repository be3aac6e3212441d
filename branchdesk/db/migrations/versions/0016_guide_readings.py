"""guide readings

A reader who ticks every step of a guide's checklist is recorded with the guide's version, so
the training plan's "guide read, checklist done" is a fact rather than the mentor's word, and
reopens when the guide changes.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 20:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guide_reading",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guide_id", sa.Integer(), nullable=False),
        sa.Column("reader", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["guide_id"],
            ["guide.id"],
            name=op.f("fk_guide_reading_guide_id_guide"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guide_reading")),
    )
    op.create_index(op.f("ix_guide_reading_guide_id"), "guide_reading", ["guide_id"])
    op.create_index(op.f("ix_guide_reading_reader"), "guide_reading", ["reader"])


def downgrade() -> None:
    op.drop_index(op.f("ix_guide_reading_reader"), table_name="guide_reading")
    op.drop_index(op.f("ix_guide_reading_guide_id"), table_name="guide_reading")
    op.drop_table("guide_reading")
