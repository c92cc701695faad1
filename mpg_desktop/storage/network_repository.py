"""Reading and writing network maps (bolletjesschema): one JSON document per map, all snapshots in it.

Functions take the store and return domain values (``NetworkMap``); ORM rows never leave this
module. Every save is one transaction: the document, its revision and the audit entry are
written together or not at all. ``save_map`` refuses to overwrite a map that was saved elsewhere
in the meantime when the caller says which revision it edited (after a restore, for instance).

Threading: like every store function, call from the store worker (``ui.workers.STORE_POOL``) or
any thread that owns no Qt objects; the values returned are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from mpg_desktop.models.network_codes import FocusKind
from mpg_desktop.models.network_json import FORMAT_VERSION, NetworkDocumentTooNew, map_from_json, map_to_json
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.errors import StoreError
from mpg_desktop.storage.tables import NetworkMapRow, TrajectRow


class MapChangedElsewhere(StoreError):
    message = (
        "Deze netwerkkaart is intussen op een andere manier gewijzigd (bijvoorbeeld door een teruggezette "
        "back-up). Uw laatste wijziging is niet opgeslagen. Open de kaart opnieuw en voer de wijziging nog eens in."
    )


class MapDocumentTooNew(StoreError):
    message = NetworkDocumentTooNew().message


@dataclass(frozen=True)
class MapListing:
    """What a map chooser shows, without reading the document."""

    map_id: str
    focus_label: str
    focus_kind: FocusKind
    focus_person_id: int | None
    revision: int
    updated_at: datetime


@dataclass(frozen=True)
class StoredMap:
    network_map: NetworkMap
    traject_id: int
    focus_person_id: int | None
    revision: int


def _stored(row: NetworkMapRow) -> StoredMap:
    if row.document_version > FORMAT_VERSION:
        raise MapDocumentTooNew()
    return StoredMap(map_from_json(row.document), row.traject_id, row.focus_person_id, row.revision)


def list_maps(store: CaseStore, traject_id: int) -> list[MapListing]:
    """The maps of one traject in the order they were made."""
    with store.session() as session:
        rows = session.execute(
            select(
                NetworkMapRow.map_uid,
                NetworkMapRow.focus_label,
                NetworkMapRow.focus_kind,
                NetworkMapRow.focus_person_id,
                NetworkMapRow.revision,
                NetworkMapRow.updated_at,
            )
            .where(NetworkMapRow.traject_id == traject_id)
            .order_by(NetworkMapRow.id)
        ).all()
    return [
        MapListing(uid, label, FocusKind(kind), person_id, revision, updated)
        for uid, label, kind, person_id, revision, updated in rows
    ]


def load_map(store: CaseStore, map_id: str) -> StoredMap:
    """One map with its revision; KeyError when there is no such map."""
    with store.session() as session:
        row = session.scalars(select(NetworkMapRow).where(NetworkMapRow.map_uid == map_id)).one_or_none()
        if row is None:
            raise KeyError(map_id)
        return _stored(row)


def load_maps(store: CaseStore, traject_id: int) -> list[StoredMap]:
    """Every map of a traject, in the order they were made."""
    with store.session() as session:
        rows = session.scalars(
            select(NetworkMapRow).where(NetworkMapRow.traject_id == traject_id).order_by(NetworkMapRow.id)
        ).all()
        return [_stored(row) for row in rows]


def save_map(
    store: CaseStore,
    traject_id: int,
    network_map: NetworkMap,
    *,
    focus_person_id: int | None = None,
    expected_revision: int | None = None,
) -> int:
    """Insert or replace the map's document in one transaction; returns the new revision (1 for a new map).

    With ``expected_revision`` the save is refused (MapChangedElsewhere, nothing written) unless the
    stored map still has that revision; 0 means "the map must not exist yet". A map belongs to one
    traject for good: saving it under another traject is refused. KeyError for an unknown traject.
    """
    document = map_to_json(network_map)  # before the transaction: a bad map never opens one
    now = datetime.now()
    with store.session() as session:
        row = session.scalars(select(NetworkMapRow).where(NetworkMapRow.map_uid == network_map.map_id)).one_or_none()
        if row is None:
            if expected_revision not in (None, 0):
                raise MapChangedElsewhere()
            if session.get(TrajectRow, traject_id) is None:
                raise KeyError(traject_id)
            row = NetworkMapRow(
                map_uid=network_map.map_id,
                traject_id=traject_id,
                revision=1,
                created_at=network_map.created_at or now,
            )
            session.add(row)
        else:
            if row.traject_id != traject_id:
                raise StoreError("Deze netwerkkaart hoort bij een ander dossier en is niet opgeslagen.")
            if expected_revision is not None and row.revision != expected_revision:
                raise MapChangedElsewhere()
            row.revision += 1
        row.focus_person_id = focus_person_id
        row.focus_label = network_map.focus_label
        row.focus_kind = network_map.focus_kind.value
        row.document_version = FORMAT_VERSION
        row.document = document
        row.updated_at = now
        session.flush()
        return row.revision


def delete_map(store: CaseStore, map_id: str) -> None:
    """Remove a map with all its snapshots; KeyError when there is no such map."""
    with store.session() as session:
        row = session.scalars(select(NetworkMapRow).where(NetworkMapRow.map_uid == map_id)).one_or_none()
        if row is None:
            raise KeyError(map_id)
        session.delete(row)
