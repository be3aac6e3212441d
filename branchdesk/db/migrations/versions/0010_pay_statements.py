"""pay statements

The monthly pay statement: the owner's pay rates (one row per change), fines charged to agents,
and approved statements kept as frozen snapshots; complaints gain an index on closed_at (the
statement counts the complaints each agent closed in a month).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 17:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pay_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("per_complaint_fen", sa.Integer(), nullable=False),
        sa.Column("per_work_order_fen", sa.Integer(), nullable=False),
        sa.Column("per_contact_fen", sa.Integer(), nullable=False),
        sa.Column("bands", sa.Text(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.Column("set_by", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pay_rates")),
    )
    op.create_table(
        "pay_fine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agent.id"], name=op.f("fk_pay_fine_agent_id_agent"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pay_fine")),
    )
    with op.batch_alter_table("pay_fine", schema=None) as batch_op:
        batch_op.create_index("ix_pay_fine_month_agent", ["month", "agent_id"], unique=False)

    op.create_table(
        "pay_statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("agent_name", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("total_fen", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by", sa.String(length=60), nullable=False),
        sa.Column("reissue_reason", sa.Text(), nullable=True),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("superseded_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["pay_statement.id"],
            name=op.f("fk_pay_statement_replaces_id_pay_statement"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pay_statement")),
    )
    with op.batch_alter_table("pay_statement", schema=None) as batch_op:
        batch_op.create_index("ix_pay_statement_month_agent", ["month", "agent_id"], unique=False)
        batch_op.create_index(
            "ix_pay_statement_one_approved",
            ["month", "agent_id"],
            unique=True,
            sqlite_where=sa.text("status = 'approved'"),
        )

    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.create_index("ix_complaint_closed_at", ["closed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_closed_at")

    with op.batch_alter_table("pay_statement", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_pay_statement_one_approved", sqlite_where=sa.text("status = 'approved'")
        )
        batch_op.drop_index("ix_pay_statement_month_agent")

    op.drop_table("pay_statement")
    with op.batch_alter_table("pay_fine", schema=None) as batch_op:
        batch_op.drop_index("ix_pay_fine_month_agent")

    op.drop_table("pay_fine")
    op.drop_table("pay_rates")
