"""Build and write an export bundle on the coach's laptop (spec 4.2 steps 7-8, 4.8).

Input: the anonymiser's tables (table name -> rows; a row is a mapping or a dataclass), the
``BundleSchema`` that is the allowlist, and ``ExportInfo`` with the manifest fields only the
export pipeline knows. Every cell must be in a column on the allowlist; anything else stops the
export with ``ExportRefused`` (a fault in the pipeline, never silently dropped).

Everything is built in memory: CSV bytes, SHA-256 per table, ``manifest.json``, its Ed25519
signature, the ZIP, the sealed box. The only bytes that reach the disk are the finished
ciphertext, written atomically as ``<bundle_id>.mpgb``: no plaintext temporary file, ever.
The manifest is checked with the importer's own rules before signing, so a bundle this writer
makes is always one the reader accepts.

Threading: CPU-bound plus one file write; run on a worker, not the GUI thread. No shared state.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

import nacl.public

import mpg_desktop
from mpg_desktop.storage.errors import DiskFull
from mpg_desktop.storage.paths import atomic_write_bytes
from mpg_desktop.sync.bundle_archive import pack_archive
from mpg_desktop.sync.bundle_csv import CellTypeError, CellValue, encode_table
from mpg_desktop.sync.bundle_format import (
    FILE_SUFFIX,
    MANIFEST_ENTRY,
    SIGNATURE_ENTRY,
    content_sha256,
    pack_container,
    sha256_hex,
    table_path,
)
from mpg_desktop.sync.bundle_manifest import Manifest, TableEntry, parse_envelope, parse_manifest
from mpg_desktop.sync.bundle_schema import BundleSchema, TableSpec
from mpg_desktop.sync.errors import BundleWriteFailed, ExportRefused, ImportRefused, shown_names
from mpg_desktop.sync.keys import KeyKind, is_valid_public_key, key_id, signing_key

RowInput = Mapping[str, CellValue] | Any  # a mapping, or a dataclass instance whose fields are columns


@dataclass(frozen=True)
class ExportInfo:
    """Manifest fields that come from the export pipeline (spec 4.8 ``manifest.json``).

    ``scope_counts`` holds the counts that are not row counts of a table (EXP-05), with exactly
    the schema's ``scope_count_keys``; row counts are filled in by the writer.
    """

    device_pid: str
    device_seq: int
    previous_bundle_id: str | None
    data_as_of: date
    org_code: str
    gemeente_codes: tuple[str, ...]
    programmas: tuple[str, ...]
    pseudonym_key_id: str
    consent_basis: str
    k: int
    generalisation_profile: str
    n_locally_suppressed: int
    scope_counts: Mapping[str, int]


@dataclass(frozen=True)
class WrittenBundle:
    """The written file and its manifest (bundle id, counts, hashes) for the local export log (EXP-14)."""

    path: Path
    manifest: Manifest

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id


def write_bundle(
    folder: Path,
    tables: Mapping[str, Sequence[RowInput]],
    *,
    schema: BundleSchema,
    info: ExportInfo,
    device_private_key: bytes,
    supervisor_public_key: bytes,
) -> WrittenBundle:
    """Build the bundle in memory and write ``folder/<bundle_id>.mpgb`` atomically.

    Raises ``ExportRefused`` for input the bundle may not carry, storage ``DiskFull`` when the
    disk is full and ``BundleWriteFailed`` when the folder cannot be written; in every case no
    bundle file is left behind.
    """
    data, manifest = build_bundle(
        tables,
        schema=schema,
        info=info,
        device_private_key=device_private_key,
        supervisor_public_key=supervisor_public_key,
    )
    target = folder / f"{manifest.bundle_id}{FILE_SUFFIX}"
    try:
        atomic_write_bytes(target, data)
    except DiskFull:
        raise
    except OSError as exc:
        raise BundleWriteFailed() from exc
    return WrittenBundle(target, manifest)


def build_bundle(
    tables: Mapping[str, Sequence[RowInput]],
    *,
    schema: BundleSchema,
    info: ExportInfo,
    device_private_key: bytes,
    supervisor_public_key: bytes,
    bundle_id: str | None = None,
    now: datetime | None = None,
) -> tuple[bytes, Manifest]:
    """The complete bundle file content (container + sealed archive) and its manifest."""
    if not is_valid_public_key(KeyKind.SUPERVISOR_ENCRYPTION, supervisor_public_key):
        raise ExportRefused("de publieke sleutel van de supervisor is ongeldig.")
    archive, manifest = build_archive(
        tables, schema=schema, info=info, device_private_key=device_private_key, bundle_id=bundle_id, now=now
    )
    return seal_archive(archive, supervisor_public_key), manifest


def seal_archive(archive: bytes, supervisor_public_key: bytes) -> bytes:
    """Encrypt ``archive`` to the supervisor (sealed box) and put the container header in front."""
    sealed = nacl.public.SealedBox(nacl.public.PublicKey(supervisor_public_key)).encrypt(archive)
    return pack_container(key_id(supervisor_public_key), sealed)


def build_archive(
    tables: Mapping[str, Sequence[RowInput]],
    *,
    schema: BundleSchema,
    info: ExportInfo,
    device_private_key: bytes,
    bundle_id: str | None = None,
    now: datetime | None = None,
) -> tuple[bytes, Manifest]:
    """The signed inner ZIP (plaintext, in memory only) and its manifest.

    ``bundle_id`` (a UUIDv4 string) and ``now`` (timezone-aware) are for tests; by default a
    random id and the current time, rounded down to the minute.
    """
    unknown = sorted(set(tables) - {table.name for table in schema.tables})
    if unknown:
        raise ExportRefused(f"de tabel(len) {shown_names(unknown)} staan niet in de exportindeling.")
    missing = [table.name for table in schema.tables if table.name not in tables]
    if missing:
        raise ExportRefused(f"de tabel(len) {shown_names(missing)} ontbreken.")
    if set(info.scope_counts) != set(schema.scope_count_keys):
        raise ExportRefused("de aantallen voor de inhoudsopgave zijn onvolledig.")

    encoded = [(table, _encode(table, tables[table.name])) for table in schema.tables]
    signer = signing_key(device_private_key)
    manifest = _manifest(encoded, schema, info, key_id(signer.verify_key.encode()).hex(), bundle_id, now)
    manifest_bytes = manifest.to_bytes()
    signature = signer.sign(manifest_bytes).signature
    entries = [(MANIFEST_ENTRY, manifest_bytes), (SIGNATURE_ENTRY, signature)]
    entries += [(table_path(table.name), data) for (table, (data, _rows)) in encoded]
    return pack_archive(entries), manifest


def _encode(table: TableSpec, rows: Sequence[RowInput]) -> tuple[bytes, int]:
    mappings = [_as_mapping(table.name, row) for row in rows]
    allowed = set(table.columns)
    for row in mappings:
        extra = [column for column in row if column not in allowed]
        if extra:
            raise ExportRefused(
                f"de kolom(men) {shown_names(extra)} van tabel {shown_names([table.name])} staan niet op de "
                "lijst van toegestane kolommen."
            )
    try:
        return encode_table(table.columns, mappings), len(mappings)
    except CellTypeError as exc:
        raise ExportRefused(
            f"kolom {shown_names([exc.column])} van tabel {shown_names([table.name])} bevat een soort waarde "
            "die niet in een bundel mag (bijvoorbeeld een datum of een ongeldig getal)."
        ) from exc


def _as_mapping(table: str, row: RowInput) -> Mapping[str, CellValue]:
    if isinstance(row, Mapping):
        return row
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {field.name: getattr(row, field.name) for field in dataclasses.fields(row)}
    raise ExportRefused(f"een regel van tabel {shown_names([table])} is geen tabelregel.")


def _manifest(
    encoded: list[tuple[TableSpec, tuple[bytes, int]]],
    schema: BundleSchema,
    info: ExportInfo,
    device_key_id: str,
    bundle_id: str | None,
    now: datetime | None,
) -> Manifest:
    entries = tuple(
        TableEntry(table.name, table_path(table.name), rows, sha256_hex(data), table.columns)
        for table, (data, rows) in encoded
    )
    counts = dict(info.scope_counts)
    counts.update({table.count_key: rows for table, (_data, rows) in encoded if table.count_key})
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(second=0, microsecond=0)
    manifest = Manifest(
        schema_version=schema.version,
        bundle_id=bundle_id or str(uuid.uuid4()),
        device_pid=info.device_pid,
        device_seq=info.device_seq,
        previous_bundle_id=info.previous_bundle_id,
        device_key_id=device_key_id,
        created_utc=created,
        data_as_of=info.data_as_of,
        org_code=info.org_code,
        gemeente_codes=info.gemeente_codes,
        programmas=info.programmas,
        app_version=mpg_desktop.__version__,
        pseudonym_key_id=info.pseudonym_key_id,
        consent_basis=info.consent_basis,
        k=info.k,
        generalisation_profile=info.generalisation_profile,
        n_locally_suppressed=info.n_locally_suppressed,
        counts=MappingProxyType(counts),
        tables=entries,
        content_sha256=content_sha256({entry.name: entry.sha256 for entry in entries}),
    )
    # The importer's own checks, so a manifest the reader would refuse is never signed.
    try:
        parse_manifest(parse_envelope(manifest.to_bytes()), schema)
    except ImportRefused as exc:
        raise ExportRefused(f"de inhoudsopgave is ongeldig ({exc.detail or exc.code.label}).") from exc
    return manifest
