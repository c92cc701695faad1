"""Supervisor mode over a ``CaseStore`` (issue #8 item 5; spec privacy-export-analysis 4.9, EXP-25).

The supervisor's store is an ordinary encrypted ``CaseStore`` (same passphrase, recovery code and
migrations) holding the register of coach laptops, the import log and the imported bundles
(tables of revision 0005). The supervisor's X25519 private key lives only in ``store_meta``
(base64), never in a file; only its public half is written out, for the coaches.

``SupervisorRepository`` is both the ``DeviceRegistry`` and the ``ImportLog`` the bundle reader
asks. ``import_bundle`` reads and checks a file, then applies it in one transaction: a refused
bundle (``ImportRefused``) writes nothing, and a bundle imported before changes nothing.

Not done yet (spec 4.9): moving refused files to ``quarantaine`` and logging refusals, the
value / tripwire / k re-checks (E14-E16) and the record merge of IMP-13..15 in the database (the
analysis' ``pool_bundles`` de-duplicates and applies tombstones when it pools the bundles).
Single-threaded use; every method opens its own session.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.supervisor_tables import (
    SupervisorBundleRow,
    SupervisorBundleTableRow,
    SupervisorDeviceRow,
    SupervisorImportLogRow,
)
from mpg_desktop.storage.tables import StoreMeta
from mpg_desktop.sync.analysis.tables import BundleTables, from_imported
from mpg_desktop.sync.bundle_reader import read_bundle
from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused, SyncError
from mpg_desktop.sync.export_schema import EXPORT_SCHEMA
from mpg_desktop.sync.import_context import RegisteredDevice
from mpg_desktop.sync.import_result import ImportedBundle, ImportStatus
from mpg_desktop.sync.keys import KeyKind, key_id, new_supervisor_key, supervisor_public_key
from mpg_desktop.sync.public_key_file import PublicKeyFile

META_PRIVATE_KEY = "supervisor_private_key"
META_ROLE = "store_role"
ROLE_SUPERVISOR = "supervisor"
STATUS_IMPORTED = "geimporteerd"


class SupervisorError(SyncError):
    """A supervisor command cannot go on; the message says why, in Dutch."""


class NoSupervisorKey(SupervisorError):
    message = (
        "Dit bestand heeft nog geen supervisorsleutel. Maak die eerst met "
        "'mpg-desktop supervisor keygen --store MAP --out BESTAND'."
    )


class NotASupervisorStore(SupervisorError):
    message = (
        "Dit dossierbestand bevat gezinsdossiers van een coach en kan geen supervisorbestand worden. "
        "Kies een nieuwe, lege map voor het supervisorbestand."
    )


@dataclass(frozen=True)
class StoredManifest:
    """The manifest fields the analysis reads (duck-typed by ``from_imported``)."""

    bundle_id: str
    device_pid: str
    device_seq: int
    pseudonym_key_id: str
    data_as_of: str
    generalisation_profile: str
    counts: Mapping[str, int]
    programmas: tuple[str, ...]


@dataclass(frozen=True)
class StoredTable:
    name: str
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, str | None], ...]


@dataclass(frozen=True)
class StoredBundle:
    """An imported bundle as read back from the store; ``from_imported`` accepts it."""

    manifest: StoredManifest
    tables: Mapping[str, StoredTable] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportOutcome:
    bundle_id: str
    status: ImportStatus
    message: str


def _hex(raw: bytes) -> str:
    return raw.hex()


class SupervisorRepository:
    """The supervisor's register, import log and imported bundles in one open ``CaseStore``."""

    def __init__(self, store: CaseStore) -> None:
        self.store = store

    # -- the key pair ------------------------------------------------------------------------
    def has_key(self) -> bool:
        return bool(self.store.get_meta(META_PRIVATE_KEY))

    def ensure_key(self) -> tuple[bytes, bool]:
        """The supervisor's X25519 public key, made and stored now if absent; True when new.

        An existing key is kept: bundles already made for it must stay readable.
        """
        if not self.has_key() and self.store.count("families") > 0:
            raise NotASupervisorStore()
        if self.has_key():
            return supervisor_public_key(self._private_key()), False
        pair = new_supervisor_key()
        with self.store.session() as session:  # key and role together, or neither
            session.merge(StoreMeta(key=META_PRIVATE_KEY, value=base64.b64encode(pair.private).decode("ascii")))
            session.merge(StoreMeta(key=META_ROLE, value=ROLE_SUPERVISOR))
        return pair.public, True

    def public_key_file(self, label: str = "") -> PublicKeyFile:
        return PublicKeyFile(KeyKind.SUPERVISOR_ENCRYPTION, supervisor_public_key(self._private_key()), label)

    def _private_key(self) -> bytes:
        stored = self.store.get_meta(META_PRIVATE_KEY)
        if not stored:
            raise NoSupervisorKey()
        return base64.b64decode(stored)

    # -- the device register (DeviceRegistry) ------------------------------------------------
    def register_device(self, key: PublicKeyFile, label: str = "") -> bool:
        """Register a coach laptop's public key; False when it was registered already (unchanged)."""
        if key.kind is not KeyKind.DEVICE_SIGNING:
            raise ValueError("not a device key")
        with self.store.session() as session:
            ident = _hex(key_id(key.public))
            if session.get(SupervisorDeviceRow, ident) is not None:
                return False
            session.add(
                SupervisorDeviceRow(
                    key_id=ident,
                    public_key=key.public,
                    label=label or key.label,
                    revoked=False,
                    registered_at=datetime.now().replace(microsecond=0),
                )
            )
        return True

    def device_for_key_id(self, key_id: bytes) -> RegisteredDevice | None:
        with self.store.session() as session:
            row = session.get(SupervisorDeviceRow, _hex(key_id))
            if row is None:
                return None
            return RegisteredDevice(bytes(row.public_key), row.label, row.revoked, row.device_pid)

    # -- the import log (ImportLog) ----------------------------------------------------------
    def content_sha256_of(self, bundle_id: str) -> str | None:
        with self.store.session() as session:
            return session.scalars(
                select(SupervisorImportLogRow.content_sha256).where(
                    SupervisorImportLogRow.bundle_id == bundle_id, SupervisorImportLogRow.status == STATUS_IMPORTED
                )
            ).first()

    def import_log(self) -> list[tuple[str | None, str, str | None]]:
        """(bundle_id, status, error_code) per log entry, oldest first."""
        with self.store.session() as session:
            rows = session.execute(
                select(
                    SupervisorImportLogRow.bundle_id, SupervisorImportLogRow.status, SupervisorImportLogRow.error_code
                ).order_by(SupervisorImportLogRow.id)
            )
            return [(r[0], r[1], r[2]) for r in rows]

    # -- import and read back ----------------------------------------------------------------
    def import_bundle(self, path: Path) -> ImportOutcome:
        """Check ``path`` and apply it in one transaction; raises ``ImportRefused`` (nothing written)."""
        bundle = read_bundle(
            path,
            supervisor_private_key=self._private_key(),
            devices=self,
            import_log=self,
            schema=EXPORT_SCHEMA,
        )
        manifest = bundle.manifest
        if bundle.status is ImportStatus.NEW:
            try:
                self._apply(bundle, path.name)
            except Exception as exc:  # the session rolled back: nothing of this bundle is stored
                raise ImportRefused(ImportErrorCode.OPSLAAN_MISLUKT) from exc
        return ImportOutcome(manifest.bundle_id, bundle.status, bundle.message)

    def _apply(self, bundle: ImportedBundle, file_name: str) -> None:
        manifest = bundle.manifest
        now = datetime.now().replace(microsecond=0)
        device_key_id = manifest.device_key_id
        with self.store.session() as session:
            session.add(
                SupervisorBundleRow(
                    bundle_id=manifest.bundle_id,
                    device_key_id=device_key_id,
                    manifest_json=json.dumps(manifest.to_json(), ensure_ascii=False, sort_keys=True),
                    imported_at=now,
                )
            )
            session.flush()  # the parent row first: the table rows refer to it
            for name, table in bundle.tables.items():
                document = {
                    "columns": list(table.columns),
                    "rows": [[row[c] for c in table.columns] for row in table.rows],
                }
                session.add(
                    SupervisorBundleTableRow(
                        bundle_id=manifest.bundle_id, name=name, table_json=json.dumps(document, ensure_ascii=False)
                    )
                )
            device = session.get(SupervisorDeviceRow, device_key_id)
            if device is not None and device.device_pid is None:
                device.device_pid = manifest.device_pid  # bind the key to this laptop's pseudonym
            session.add(
                SupervisorImportLogRow(
                    bundle_id=manifest.bundle_id,
                    content_sha256=manifest.content_sha256,
                    device_key_id=device_key_id,
                    device_seq=manifest.device_seq,
                    imported_at=now,
                    status=STATUS_IMPORTED,
                    file_name=file_name[:255],
                )
            )

    def stored_bundles(self) -> list[StoredBundle]:
        """Every imported bundle, as the reader verified it, in import order."""
        with self.store.session() as session:
            bundles = list(session.scalars(select(SupervisorBundleRow).order_by(SupervisorBundleRow.imported_at)))
            tables = list(session.scalars(select(SupervisorBundleTableRow)))
        by_bundle: dict[str, dict[str, StoredTable]] = {}
        for row in tables:
            document = json.loads(row.table_json)
            columns = tuple(document["columns"])
            rows = tuple(dict(zip(columns, values, strict=True)) for values in document["rows"])
            by_bundle.setdefault(row.bundle_id, {})[row.name] = StoredTable(row.name, columns, rows)
        return [StoredBundle(_manifest(json.loads(b.manifest_json)), by_bundle.get(b.bundle_id, {})) for b in bundles]

    def bundle_tables(self) -> list[BundleTables]:
        """The analysis' view of every imported bundle (input of ``pool_bundles``)."""
        return [from_imported(bundle) for bundle in self.stored_bundles()]


def _manifest(document: Mapping[str, Any]) -> StoredManifest:
    return StoredManifest(
        bundle_id=str(document["bundle_id"]),
        device_pid=str(document["device_pid"]),
        device_seq=int(document["device_seq"]),
        pseudonym_key_id=str(document["pseudonym_key_id"]),
        data_as_of=date.fromisoformat(document["data_as_of"]).isoformat(),
        generalisation_profile=str(document["generalisation_profile"]),
        counts={str(k): int(v) for k, v in document["counts"].items()},
        programmas=tuple(document["programmas"]),
    )
