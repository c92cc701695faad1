"""Contact log (spec process-and-forms 5.1).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("traject_id", sa.Integer, sa.ForeignKey("trajects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("contact_date", sa.Date, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_contacts_traject_id", "contacts", ["traject_id"])


def downgrade() -> None:
    op.drop_table("contacts")
