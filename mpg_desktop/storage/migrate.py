"""Run Alembic migrations on open; refuse a store written by a newer app.

Callers back the store up before calling ``upgrade`` when ``pending`` says there is work.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from mpg_desktop.storage.errors import StoreTooNew

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def pending(engine: Engine) -> bool:
    """True when the store is older than this app's schema. Raises StoreTooNew when newer."""
    script = ScriptDirectory.from_config(_config())
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is None:
        return True
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise StoreTooNew()
    return current != script.get_current_head()


def upgrade(engine: Engine, target: str = "head") -> None:
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
