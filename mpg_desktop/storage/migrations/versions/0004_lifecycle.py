"""Case lifecycle (spec process-and-forms 1-3, 5): traject details and key dates, the phase log,
case records (MDO, aftercare, requests, feedback, extensions, suspensions …), consents, and the
household members' further details.

Forms such as the referral are kept whole as JSON documents (inside the encrypted store); the
dates that lists, deadlines and exports query are columns.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "traject_details",
        sa.Column("traject_id", sa.Integer, sa.ForeignKey("trajects.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("received_date", sa.Date, nullable=True),
        sa.Column("decision_date", sa.Date, nullable=True),
        sa.Column("start_date", sa.Date, nullable=True),
        sa.Column("end_date", sa.Date, nullable=True),
        sa.Column("aftercare_end_date", sa.Date, nullable=True),
        sa.Column("coach", sa.String(200), nullable=False, server_default=""),
        sa.Column("referral_json", sa.Text, nullable=False, server_default="{}"),
        sa.Column("decision_json", sa.Text, nullable=True),
        sa.Column("closure_json", sa.Text, nullable=True),
    )
    op.create_table(
        "phase_transitions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("traject_id", sa.Integer, sa.ForeignKey("trajects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("from_phase", sa.String(32), nullable=False),
        sa.Column("to_phase", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("transition_json", sa.Text, nullable=False),
    )
    op.create_index("ix_phase_transitions_traject_id", "phase_transitions", ["traject_id"])
    op.create_table(
        "case_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("traject_id", sa.Integer, sa.ForeignKey("trajects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_date", sa.Date, nullable=True),
        sa.Column("payload_json", sa.Text, nullable=False),
    )
    op.create_index("ix_case_records_traject_kind", "case_records", ["traject_id", "kind"])
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="CASCADE"), nullable=False),
        sa.Column("payload_json", sa.Text, nullable=False),
    )
    op.create_index("ix_consents_family_id", "consents", ["family_id"])
    op.create_table(
        "person_details",
        sa.Column("person_id", sa.Integer, sa.ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("details_json", sa.Text, nullable=False, server_default="{}"),
    )
    # Every traject that already exists gets its details row; its referral date is also the date
    # the team received it (the best we know for stores from before this revision).
    op.execute(
        "INSERT INTO traject_details (traject_id, received_date, end_date) "
        "SELECT id, referral_date, closed_on FROM trajects"
    )


def downgrade() -> None:
    for table in ("person_details", "consents", "case_records", "phase_transitions", "traject_details"):
        op.drop_table(table)
