"""Alembic environment: always called from mpg_desktop.storage.migrate with an open connection."""

from __future__ import annotations

from alembic import context

from mpg_desktop.storage import (
    lifecycle_tables,  # noqa: F401 (registers its tables)
    supervisor_tables,  # noqa: F401 (registers its tables)
)
from mpg_desktop.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
