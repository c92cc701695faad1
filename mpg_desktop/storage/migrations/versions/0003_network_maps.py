"""Network maps (bolletjesschema, spec bolletjesschema 4.2): one JSON document per map.

A traject may have several maps, one per centre person (``focus_person_id`` is the household
member in the centre, NULL for "het gezin" or a centre who is not a household member). The
document holds the map with all its snapshots (``models.network_json``); ``revision`` counts the
saves, so an editor that kept an older copy cannot overwrite a newer one unnoticed.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "network_maps",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("map_uid", sa.String(64), nullable=False, unique=True),
        sa.Column("traject_id", sa.Integer, sa.ForeignKey("trajects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("focus_person_id", sa.Integer, sa.ForeignKey("persons.id", ondelete="SET NULL"), nullable=True),
        sa.Column("focus_label", sa.String(200), nullable=False, server_default=""),
        sa.Column("focus_kind", sa.String(32), nullable=False),
        sa.Column("document_version", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_network_maps_traject_id", "network_maps", ["traject_id"])


def downgrade() -> None:
    op.drop_table("network_maps")
