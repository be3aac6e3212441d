"""quality control

Quality control: the day's sample (per agent, with its seed and rule), versioned scorecards
with sections and items, scores with their lines, coaching records and the good-handling
library; complaint history gains an index on its time (who handled what on a day).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 17:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "qc_sample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("drawn_at", sa.DateTime(), nullable=False),
        sa.Column("drawn_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_sample")),
        sa.UniqueConstraint("day", name=op.f("uq_qc_sample_day")),
    )
    op.create_table(
        "qc_scorecard",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_scorecard")),
    )
    op.create_table(
        "qc_sample_agent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("agent_name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=10), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=False),
        sa.Column("handled", sa.Integer(), nullable=False),
        sa.Column("banned", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["qc_sample.id"],
            name=op.f("fk_qc_sample_agent_sample_id_qc_sample"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_sample_agent")),
    )
    with op.batch_alter_table("qc_sample_agent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qc_sample_agent_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_qc_sample_agent_sample_id"), ["sample_id"], unique=False
        )

    op.create_table(
        "qc_sample_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=10), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=10), nullable=False),
        sa.Column("phrases", sa.Text(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["qc_sample.id"],
            name=op.f("fk_qc_sample_item_sample_id_qc_sample"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_sample_item")),
    )
    with op.batch_alter_table("qc_sample_item", schema=None) as batch_op:
        batch_op.create_index("ix_qc_sample_item_agent", ["agent_id", "sample_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_qc_sample_item_sample_id"), ["sample_id"], unique=False
        )

    op.create_table(
        "qc_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scorecard_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scorecard_id"],
            ["qc_scorecard.id"],
            name=op.f("fk_qc_section_scorecard_id_qc_scorecard"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_section")),
    )
    with op.batch_alter_table("qc_section", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_qc_section_scorecard_id"), ["scorecard_id"], unique=False
        )

    op.create_table(
        "qc_coaching",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("agent_name", sa.String(length=40), nullable=False),
        sa.Column("sample_item_id", sa.Integer(), nullable=True),
        sa.Column("went_well", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=False),
        sa.Column("acknowledgement", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_item_id"],
            ["qc_sample_item.id"],
            name=op.f("fk_qc_coaching_sample_item_id_qc_sample_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_coaching")),
    )
    with op.batch_alter_table("qc_coaching", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qc_coaching_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index("ix_qc_coaching_open", ["closed_at", "follow_up_on"], unique=False)

    op.create_table(
        "qc_criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["qc_section.id"],
            name=op.f("fk_qc_criterion_section_id_qc_section"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_criterion")),
    )
    with op.batch_alter_table("qc_criterion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_qc_criterion_section_id"), ["section_id"], unique=False
        )

    op.create_table(
        "qc_good_handling",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_item_id", sa.Integer(), nullable=True),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("agent_name", sa.String(length=40), nullable=False),
        sa.Column("item_kind", sa.String(length=10), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("marked_by", sa.String(length=40), nullable=False),
        sa.Column("marked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_item_id"],
            ["qc_sample_item.id"],
            name=op.f("fk_qc_good_handling_sample_item_id_qc_sample_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_good_handling")),
        sa.UniqueConstraint("sample_item_id", name=op.f("uq_qc_good_handling_sample_item_id")),
    )
    op.create_table(
        "qc_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_item_id", sa.Integer(), nullable=False),
        sa.Column("scorecard_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(length=40), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("scored_at", sa.DateTime(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_item_id"],
            ["qc_sample_item.id"],
            name=op.f("fk_qc_score_sample_item_id_qc_sample_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scorecard_id"],
            ["qc_scorecard.id"],
            name=op.f("fk_qc_score_scorecard_id_qc_scorecard"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_score")),
    )
    with op.batch_alter_table("qc_score", schema=None) as batch_op:
        batch_op.create_index("ix_qc_score_day_agent", ["day", "agent_id"], unique=False)
        batch_op.create_index(
            "ix_qc_score_item_reviewer", ["sample_item_id", "reviewer"], unique=True
        )

    op.create_table(
        "qc_score_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("score_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["qc_criterion.id"],
            name=op.f("fk_qc_score_line_criterion_id_qc_criterion"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["score_id"],
            ["qc_score.id"],
            name=op.f("fk_qc_score_line_score_id_qc_score"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_score_line")),
    )
    with op.batch_alter_table("qc_score_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qc_score_line_score_id"), ["score_id"], unique=False)

    with op.batch_alter_table("complaint_event", schema=None) as batch_op:
        batch_op.create_index("ix_complaint_event_at", ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("complaint_event", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_event_at")

    with op.batch_alter_table("qc_score_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_score_line_score_id"))

    op.drop_table("qc_score_line")
    with op.batch_alter_table("qc_score", schema=None) as batch_op:
        batch_op.drop_index("ix_qc_score_item_reviewer")
        batch_op.drop_index("ix_qc_score_day_agent")

    op.drop_table("qc_score")
    op.drop_table("qc_good_handling")
    with op.batch_alter_table("qc_criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_criterion_section_id"))

    op.drop_table("qc_criterion")
    with op.batch_alter_table("qc_coaching", schema=None) as batch_op:
        batch_op.drop_index("ix_qc_coaching_open")
        batch_op.drop_index(batch_op.f("ix_qc_coaching_agent_id"))

    op.drop_table("qc_coaching")
    with op.batch_alter_table("qc_section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_section_scorecard_id"))

    op.drop_table("qc_section")
    with op.batch_alter_table("qc_sample_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_sample_item_sample_id"))
        batch_op.drop_index("ix_qc_sample_item_agent")

    op.drop_table("qc_sample_item")
    with op.batch_alter_table("qc_sample_agent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_sample_agent_sample_id"))
        batch_op.drop_index(batch_op.f("ix_qc_sample_agent_agent_id"))

    op.drop_table("qc_sample_agent")
    op.drop_table("qc_scorecard")
    op.drop_table("qc_sample")
