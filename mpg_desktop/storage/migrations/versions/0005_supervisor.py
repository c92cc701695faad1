"""Supervisor mode (issue #8, spec privacy-export-analysis 4.9): the register of coach laptops,
the import log, and the imported bundles.

An imported bundle is kept whole: its manifest and each table as one JSON document (inside the
encrypted store), so the analysis can rebuild it exactly as the importer checked it. The
supervisor's own X25519 private key is not a table: it lives in ``store_meta``.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supervisor_devices",
        sa.Column("key_id", sa.String(32), primary_key=True),  # hex of the 16-byte key id
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("label", sa.String(100), nullable=False, server_default=""),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("device_pid", sa.String(64), nullable=True),
        sa.Column("registered_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "supervisor_import_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("bundle_id", sa.String(64), nullable=True),
        sa.Column("content_sha256", sa.String(64), nullable=True),
        sa.Column("device_key_id", sa.String(32), nullable=True),
        sa.Column("device_seq", sa.Integer, nullable=True),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("error_code", sa.String(8), nullable=True),
        sa.Column("file_name", sa.String(255), nullable=False, server_default=""),
    )
    op.create_index("ix_supervisor_import_log_bundle_id", "supervisor_import_log", ["bundle_id"])
    op.create_table(
        "supervisor_bundles",
        sa.Column("bundle_id", sa.String(64), primary_key=True),
        sa.Column("device_key_id", sa.String(32), nullable=False),
        sa.Column("manifest_json", sa.Text, nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "supervisor_bundle_tables",
        sa.Column(
            "bundle_id",
            sa.String(64),
            sa.ForeignKey("supervisor_bundles.bundle_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("table_json", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("supervisor_bundle_tables", "supervisor_bundles", "supervisor_import_log", "supervisor_devices"):
        op.drop_table(table)
