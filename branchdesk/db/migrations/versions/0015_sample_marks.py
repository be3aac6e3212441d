"""sample marks

The sample branch's agents and complaints are marked, so 移除示例数据 removes them (and what
hangs off them: shifts, contacts, ownership, QC, statements) without touching the branch's own.
Before, undoing the sample imports left four sample agents, a month of their contacts and the
sample's complaints in a real branch.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 19:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE … ADD COLUMN, not a batch (copy-and-move) operation: the batch
    # rewrites the table's constraints in an order that varies from run to run, and a backup's
    # schema is checked statement by statement against what the migrations make.
    for table in ("agent", "complaint"):
        op.add_column(
            table, sa.Column("is_sample", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch rebuild would drop complaint's triggers.
    for table in ("agent", "complaint"):
        op.drop_column(table, "is_sample")
