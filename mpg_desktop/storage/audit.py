"""The audit log: every create/update/delete of a record, by type and id, never content."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from mpg_desktop.storage.tables import AuditEntry, StoreMeta

_NOT_AUDITED = (AuditEntry, StoreMeta)


def _record_id(obj: Any) -> int | None:
    """The row's primary key when it is one integer (tables keyed by another row's id included)."""
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    if len(key) == 1 and isinstance(key[0], int):
        return key[0]
    return None


def _rows(objects: Any, action: str, now: datetime) -> list[dict[str, Any]]:
    return [
        {"at": now, "action": action, "record_type": obj.__tablename__, "record_id": _record_id(obj)}
        for obj in objects
        if not isinstance(obj, _NOT_AUDITED)
    ]


def _record(session: Session, _flush_context: object) -> None:
    now = datetime.now()
    rows = (
        _rows(session.new, "create", now)
        + _rows((obj for obj in session.dirty if session.is_modified(obj)), "update", now)
        + _rows(session.deleted, "delete", now)
    )
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def install(factory: sessionmaker[Session]) -> None:
    """Audit every flush of sessions made by ``factory``."""
    event.listen(factory, "after_flush", _record)
