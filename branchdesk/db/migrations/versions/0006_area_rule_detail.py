"""area rule detail: the parts of a fragment beyond the table columns

Lanes, lettered blocks, the building a unit or floor range is in, phase, exclusions, side,
a condition kept as written, and the warning of a row read only in part, as JSON. Rules
imported before this revision have none and are read from their columns as before.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("area_rule", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("area_rule", schema=None) as batch_op:
        batch_op.drop_column("detail")
