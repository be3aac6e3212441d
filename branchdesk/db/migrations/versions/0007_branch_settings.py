"""branch settings

The branch's own settings (how long waybills and backups are kept, banned phrases, the
branch's name, reminders, how long the owner PIN unlocks) move from settings.json into the
database, where only an audited owner action changes them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branch_setting",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_branch_setting")),
    )


def downgrade() -> None:
    op.drop_table("branch_setting")
