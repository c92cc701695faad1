"""Initial schema: store facts, families, household members, trajects, audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "families",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="CASCADE"), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("surname", sa.String(100), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("birth_date_estimated", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("sex", sa.String(16), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("lives_in_household", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("school_work", sa.String(200), nullable=False, server_default=""),
    )
    op.create_index("ix_persons_family_id", "persons", ["family_id"])
    op.create_table(
        "trajects",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="CASCADE"), nullable=False),
        sa.Column("case_number", sa.String(32), nullable=False, unique=True),
        sa.Column("phase", sa.String(32), nullable=False),
        sa.Column("programme_profile", sa.String(64), nullable=False, server_default="standaard"),
        sa.Column("referral_date", sa.Date, nullable=False),
        sa.Column("plan_signed_on", sa.Date, nullable=True),
        sa.Column("last_evaluation_on", sa.Date, nullable=True),
        sa.Column("closed_on", sa.Date, nullable=True),
    )
    op.create_index("ix_trajects_family_id", "trajects", ["family_id"])
    op.create_index("ix_trajects_phase", "trajects", ["phase"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.Integer, nullable=True),
    )


def downgrade() -> None:
    for table in ("audit_log", "trajects", "persons", "families", "store_meta"):
        op.drop_table(table)
