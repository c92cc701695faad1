"""Open and check a bundle at the supervisor (spec 4.9 steps 1-9 and 13, IMP-10/11).

``read_bundle`` reads the file, ``open_bundle`` does the rest on bytes. Either returns an
``ImportedBundle`` after every check has passed, or raises ``ImportRefused`` carrying the spec's
error code; no other exception escapes for any file content (a hypothesis test holds us to that).
Nothing is written anywhere: moving a refused file to ``quarantaine``, logging the refusal and
the one-transaction apply of step 14 (E18) are the caller's.

Value checks (E14 types, code lists, ranges), the personal-data tripwire (E15) and the k-gate
re-check (E16) belong to the analysis side; pass them as ``checks``. They run after the tables
are verified and before the idempotence check, as in the spec's order, and refuse by raising
``ImportRefused``.

Threading: CPU-bound and, for ``read_bundle``, file I/O; run it on a worker, never on the GUI
thread. It holds no state, so several imports may run at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

import nacl.exceptions
import nacl.public
import nacl.signing

from mpg_desktop.sync.bundle_archive import unpack_archive
from mpg_desktop.sync.bundle_format import MANIFEST_ENTRY, MAX_BUNDLE_BYTES, SIGNATURE_ENTRY, unpack_container
from mpg_desktop.sync.bundle_manifest import Envelope, Manifest, parse_envelope, parse_manifest
from mpg_desktop.sync.bundle_schema import BundleSchema, SchemaVersion
from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused
from mpg_desktop.sync.import_context import DeviceRegistry, ImportLog, RegisteredDevice
from mpg_desktop.sync.import_result import ImportedBundle, ImportStatus, Table
from mpg_desktop.sync.keys import encryption_private_key, key_id
from mpg_desktop.sync.table_checks import check_tables
from mpg_desktop.sync.tombstones import TOMBSTONE_TABLE, parse_tombstones

ContentCheck = Callable[[Manifest, Mapping[str, Table]], None]


def read_bundle(
    path: Path,
    *,
    supervisor_private_key: bytes,
    devices: DeviceRegistry,
    import_log: ImportLog,
    schema: BundleSchema,
    checks: Sequence[ContentCheck] = (),
    accept_newer_minor: bool = True,
) -> ImportedBundle:
    """Read ``path`` (at most ``MAX_BUNDLE_BYTES``) and check it; see ``open_bundle``."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BUNDLE_BYTES + 1)
    except OSError as exc:
        raise ImportRefused(
            ImportErrorCode.ONLEESBAAR,
            "Het bestand kan niet worden geopend (verplaatst, geen leesrechten of de USB-stick is verwijderd).",
            advice="Controleer waar het bestand staat en probeer het opnieuw.",
        ) from exc
    if len(data) > MAX_BUNDLE_BYTES:
        raise ImportRefused(ImportErrorCode.ONLEESBAAR, "Het bestand is te groot voor een bundel.")
    return open_bundle(
        data,
        supervisor_private_key=supervisor_private_key,
        devices=devices,
        import_log=import_log,
        schema=schema,
        checks=checks,
        accept_newer_minor=accept_newer_minor,
    )


def open_bundle(
    data: bytes,
    *,
    supervisor_private_key: bytes,
    devices: DeviceRegistry,
    import_log: ImportLog,
    schema: BundleSchema,
    checks: Sequence[ContentCheck] = (),
    accept_newer_minor: bool = True,
) -> ImportedBundle:
    """Check a bundle held in memory, in the spec's order, and return its verified content.

    ``supervisor_private_key`` is the 32-byte X25519 key; ``schema`` is the schema this version
    of the app imports. ``accept_newer_minor=False`` refuses a newer minor version with E10
    instead of importing the columns it knows. A private key that is not 32 bytes is a
    programming error (``ValueError``), not a property of the bundle.
    """
    if len(data) > MAX_BUNDLE_BYTES:
        raise ImportRefused(ImportErrorCode.ONLEESBAAR, "Het bestand is te groot voor een bundel.")
    container = unpack_container(data)  # E01-E03
    private = encryption_private_key(supervisor_private_key)
    if container.recipient_key_id != key_id(private.public_key.encode()):
        raise ImportRefused(ImportErrorCode.VERKEERDE_ONTVANGER)
    try:
        archive = nacl.public.SealedBox(private).decrypt(container.ciphertext)
    except nacl.exceptions.CryptoError as exc:
        raise ImportRefused(ImportErrorCode.ONTSLEUTELEN_MISLUKT) from exc
    entries = unpack_archive(archive)  # E06
    envelope = parse_envelope(entries[MANIFEST_ENTRY])  # E07
    device = _verify_signature(envelope, entries[MANIFEST_ENTRY], entries[SIGNATURE_ENTRY], devices)  # E08/E09
    _check_version(envelope.schema_version, schema.version, accept_newer_minor)  # E10
    manifest = parse_manifest(envelope, schema)  # E07
    if device.device_pid is not None and device.device_pid != manifest.device_pid:
        raise ImportRefused(
            ImportErrorCode.HANDTEKENING_ONGELDIG,
            "De bundel noemt een andere laptop dan de laptop die hem ondertekende.",
            advice="Gebruik deze bundel niet en neem contact op met de beheerder.",
        )
    checked = check_tables(manifest, entries, schema)  # E11-E13 (E14 for malformed CSV)
    tombstone_table = checked.tables.get(TOMBSTONE_TABLE)
    tombstones = parse_tombstones(tombstone_table.rows) if tombstone_table is not None else ()
    for check in checks:
        check(manifest, checked.tables)
    return ImportedBundle(
        status=_import_status(manifest, import_log),  # E17
        manifest=manifest,
        device=device,
        tables=MappingProxyType(dict(checked.tables)),
        tombstones=tombstones,
        ignored_tables=checked.ignored_tables,
        ignored_columns=MappingProxyType(dict(checked.ignored_columns)),
    )


def _verify_signature(
    envelope: Envelope, manifest: bytes, signature: bytes, devices: DeviceRegistry
) -> RegisteredDevice:
    device = devices.device_for_key_id(envelope.device_key_id)
    # A register entry whose key does not hash to the id asked for is as good as no entry.
    if device is None or key_id(device.public_key) != envelope.device_key_id:
        raise ImportRefused(ImportErrorCode.APPARAAT_ONBEKEND)
    if device.revoked:
        raise ImportRefused(
            ImportErrorCode.APPARAAT_ONBEKEND,
            "De bundel is ondertekend met een laptopsleutel die in uw apparatenregister is ingetrokken.",
            advice="Gebruik deze bundel niet. Vraag de coach om een nieuwe bundel van een geregistreerde laptop.",
        )
    try:
        nacl.signing.VerifyKey(device.public_key).verify(manifest, signature)
    except nacl.exceptions.CryptoError as exc:  # BadSignatureError, or a signature of the wrong length
        raise ImportRefused(ImportErrorCode.HANDTEKENING_ONGELDIG) from exc
    return device


def _check_version(bundle: SchemaVersion, ours: SchemaVersion, accept_newer_minor: bool) -> None:
    newer_minor = bundle.major == ours.major and bundle.minor > ours.minor
    if bundle.major > ours.major or (newer_minor and not accept_newer_minor):
        raise ImportRefused(
            ImportErrorCode.SCHEMA_NIET_ONDERSTEUND,
            f"De bundel heeft gegevensindeling {bundle}; deze versie van MPG Desktop kent {ours}.",
        )
    if bundle.major < ours.major:
        raise ImportRefused(
            ImportErrorCode.SCHEMA_NIET_ONDERSTEUND,
            f"De bundel heeft de verouderde gegevensindeling {bundle}; deze versie van MPG Desktop kent {ours}.",
            advice="Vraag de coach om MPG Desktop bij te werken en een nieuwe bundel te maken.",
        )


def _import_status(manifest: Manifest, import_log: ImportLog) -> ImportStatus:
    earlier = import_log.content_sha256_of(manifest.bundle_id)
    if earlier is None:
        return ImportStatus.NEW
    if earlier != manifest.content_sha256:
        raise ImportRefused(ImportErrorCode.BUNDELCONFLICT)
    return ImportStatus.ALREADY_IMPORTED
