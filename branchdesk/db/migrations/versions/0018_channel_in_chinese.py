"""channel in Chinese

The channel of complaints from HQ work orders was stored as "HQ工单", half English on a
Chinese page; it is "总部工单", as the branch says it. Complaints and their "created" events
(whose note is the channel) are renamed; older spellings typed or imported are still taken.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_RENAMES = (
    "UPDATE complaint SET channel = :new WHERE channel = :old",
    "UPDATE complaint_event SET note = :new WHERE action = 'created' AND note = :old",
)


def _rename(old: str, new: str) -> None:
    for statement in _RENAMES:
        op.execute(sa.text(statement).bindparams(old=old, new=new))


def upgrade() -> None:
    _rename("HQ工单", "总部工单")


def downgrade() -> None:
    _rename("总部工单", "HQ工单")
