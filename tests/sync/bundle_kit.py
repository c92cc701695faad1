"""Test kit for bundles: a small schema, sample tables, keys, an in-memory register and import log,
and tools to take a bundle apart and put it back together (re-signed or not) for tampering tests.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

import nacl.public

from mpg_desktop.sync.bundle_archive import pack_archive, unpack_archive
from mpg_desktop.sync.bundle_format import MANIFEST_ENTRY, SIGNATURE_ENTRY, content_sha256, unpack_container
from mpg_desktop.sync.bundle_reader import ContentCheck, open_bundle
from mpg_desktop.sync.bundle_schema import BundleSchema, SchemaVersion, TableSpec
from mpg_desktop.sync.bundle_writer import ExportInfo, build_bundle, seal_archive
from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused
from mpg_desktop.sync.import_context import RegisteredDevice
from mpg_desktop.sync.import_result import ImportedBundle
from mpg_desktop.sync.keys import KeyPair, key_id, new_device_key, new_supervisor_key, signing_key

SCOPE_COUNTS = ("families_in_scope", "excluded_no_consent", "special_withheld")


def make_schema(version: str = "1.0.0", *, extra: bool = False) -> BundleSchema:
    """A cut-down version of the spec 4.4 tables. ``extra`` adds what a later minor might add."""
    families = TableSpec(
        "families",
        ("family_pid", "area_code", "gemeente_code", "huishouden_type", "n_kinderen", "row_version"),
        count_key="families_exported",
    )
    trajectories = TableSpec(
        "trajectories", ("traj_pid", "family_pid", "programma", "status", "eind_dag", "row_version"), "trajectories"
    )
    tombstones = TableSpec("tombstones", ("family_pid", "reden", "vanaf_maand"), "tombstones")
    aggregates = TableSpec(
        "referral_aggregates", ("aanmeld_kwartaal", "gemeente_code", "n"), count_key="referral_aggregate_rows"
    )
    parsed = SchemaVersion.parse(version)
    assert parsed is not None
    tables = [families, trajectories, tombstones, aggregates]
    if extra:
        tables[0] = TableSpec(
            "families", (*families.columns, "netwerk_omvang"), families.count_key, column_since={"netwerk_omvang": 1}
        )
        tables.append(TableSpec("goals", ("goal_pid", "traj_pid", "leefgebied"), "goals", since_minor=1))
    return BundleSchema(parsed, tuple(tables), SCOPE_COUNTS)


def pid(prefix: str, seed: str) -> str:
    """A pseudonym of the spec's form (EXP-30): prefix + 26 base32 lower-case characters."""
    return prefix + base64.b32encode(hashlib.sha256(seed.encode()).digest()).decode()[:26].lower()


def sample_tables(*, extra: bool = False) -> dict[str, list[dict[str, Any]]]:
    families = [
        {
            "family_pid": pid("G", f"family{i}"),
            "area_code": "noord" if i % 2 else "*",
            "gemeente_code": "GM0014",
            "huishouden_type": "eenouder",
            "n_kinderen": i % 5 + 1,
            "row_version": "2025-03-01T10:00:00Z",
        }
        for i in range(7)
    ]
    trajectories = [
        {
            "traj_pid": pid("T", f"traj{i}"),
            "family_pid": pid("G", f"family{i}"),
            "programma": "ploeg",
            "status": "afgesloten" if i % 3 == 0 else "lopend",
            "eind_dag": 180 + i if i % 3 == 0 else None,
            "row_version": "2025-03-01T10:00:00Z",
        }
        for i in range(7)
    ]
    tables: dict[str, list[dict[str, Any]]] = {
        "families": families,
        "trajectories": trajectories,
        "tombstones": [
            {"family_pid": pid("G", "withdrawn"), "reden": "toestemming_ingetrokken", "vanaf_maand": "2025-02"}
        ],
        "referral_aggregates": [
            {"aanmeld_kwartaal": "2025-Q1", "gemeente_code": "GM0014", "n": 12},
            {"aanmeld_kwartaal": "2024-Q4", "gemeente_code": "GM0014", "n": 9},
        ],
    }
    if extra:
        for row in families:
            row["netwerk_omvang"] = "4-9"
        tables["goals"] = [{"goal_pid": pid("D", "goal"), "traj_pid": pid("T", "traj0"), "leefgebied": "financien"}]
    return tables


def sample_info(**changes: Any) -> ExportInfo:
    info = ExportInfo(
        device_pid=pid("A", "laptop"),
        device_seq=3,
        previous_bundle_id=None,
        data_as_of=date(2025, 3, 31),
        org_code="ORG01",
        gemeente_codes=("GM0014",),
        programmas=("ploeg",),
        pseudonym_key_id="0123456789abcdef",
        consent_basis="toestemming",
        k=5,
        generalisation_profile="P5",
        n_locally_suppressed=1,
        scope_counts={"families_in_scope": 9, "excluded_no_consent": 2, "special_withheld": 3},
    )
    return replace(info, **changes)


class MemoryRegistry:
    """The supervisor's device register, in memory."""

    def __init__(self) -> None:
        self.devices: dict[bytes, RegisteredDevice] = {}

    def register(self, public: bytes, **details: Any) -> None:
        self.devices[key_id(public)] = RegisteredDevice(public, **details)

    def device_for_key_id(self, key_id: bytes) -> RegisteredDevice | None:
        return self.devices.get(key_id)


class MemoryImportLog:
    def __init__(self) -> None:
        self.hashes: dict[str, str] = {}

    def content_sha256_of(self, bundle_id: str) -> str | None:
        return self.hashes.get(bundle_id)


NOW = datetime(2025, 4, 2, 9, 41, 37, tzinfo=UTC)
BUNDLE_ID = "5f0c2d0e-3b7a-4c55-9a51-2f7e8d1c6b90"


@dataclass
class Kit:
    """Keys, register, log and schema of one test, plus bundle tools."""

    supervisor: KeyPair = field(default_factory=new_supervisor_key)
    device: KeyPair = field(default_factory=new_device_key)
    registry: MemoryRegistry = field(default_factory=MemoryRegistry)
    log: MemoryImportLog = field(default_factory=MemoryImportLog)
    schema: BundleSchema = field(default_factory=make_schema)

    def __post_init__(self) -> None:
        self.registry.register(self.device.public, label="Laptop test", device_pid=pid("A", "laptop"))

    def bundle(
        self,
        tables: Mapping[str, Sequence[Any]] | None = None,
        *,
        schema: BundleSchema | None = None,
        device: KeyPair | None = None,
        supervisor_public: bytes | None = None,
        bundle_id: str = BUNDLE_ID,
        **info_changes: Any,
    ) -> bytes:
        data, _manifest = build_bundle(
            sample_tables() if tables is None else tables,
            schema=schema or self.schema,
            info=sample_info(**info_changes),
            device_private_key=(device or self.device).private,
            supervisor_public_key=supervisor_public or self.supervisor.public,
            bundle_id=bundle_id,
            now=NOW,
        )
        return data

    def open(self, data: bytes, *, checks: Sequence[ContentCheck] = (), **kwargs: Any) -> ImportedBundle:
        return open_bundle(
            data,
            supervisor_private_key=self.supervisor.private,
            devices=self.registry,
            import_log=self.log,
            schema=kwargs.pop("schema", self.schema),
            checks=checks,
            **kwargs,
        )

    def refused(self, data: bytes, **kwargs: Any) -> ImportRefused:
        """Open ``data`` expecting a refusal; returns the exception."""
        try:
            self.open(data, **kwargs)
        except ImportRefused as exc:
            return exc
        raise AssertionError("the bundle was accepted")

    # -- taking bundles apart -----------------------------------------------------------------
    def archive_of(self, data: bytes) -> bytes:
        container = unpack_container(data)
        return nacl.public.SealedBox(nacl.public.PrivateKey(self.supervisor.private)).decrypt(container.ciphertext)

    def entries_of(self, data: bytes) -> dict[str, bytes]:
        return unpack_archive(self.archive_of(data))

    def seal(self, archive: bytes) -> bytes:
        return seal_archive(archive, self.supervisor.public)

    def repack(self, entries: Mapping[str, bytes]) -> bytes:
        """Put entries back (manifest first, as the writer does) without re-signing."""
        order = sorted(entries, key=lambda name: (name != MANIFEST_ENTRY, name != SIGNATURE_ENTRY, name))
        return self.seal(pack_archive([(name, entries[name]) for name in order]))

    def resign(
        self, entries: Mapping[str, bytes], manifest: Mapping[str, Any], *, device: KeyPair | None = None
    ) -> bytes:
        """Replace the manifest by ``manifest``, sign it with the (registered) device key, reseal."""
        manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
        signature = signing_key((device or self.device).private).sign(manifest_bytes).signature
        return self.repack({**entries, MANIFEST_ENTRY: manifest_bytes, SIGNATURE_ENTRY: signature})


def manifest_of(entries: Mapping[str, bytes]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(entries[MANIFEST_ENTRY])
    return document


def with_table(manifest: dict[str, Any], name: str, data: bytes, **changes: Any) -> dict[str, Any]:
    """``manifest`` with table ``name``'s hash (and ``changes``) updated and content_sha256 recomputed."""
    tables = []
    for table in manifest["tables"]:
        if table["name"] == name:
            table = {**table, "sha256": hashlib.sha256(data).hexdigest(), **changes}
        tables.append(table)
    hashes = {table["name"]: table["sha256"] for table in tables}
    return {**manifest, "tables": tables, "content_sha256": content_sha256(hashes)}


def assert_dutch_refusal(exc: ImportRefused, code: ImportErrorCode) -> None:
    """The refusal carries ``code`` and a Dutch message that names it and says nothing changed."""
    assert exc.code is code, f"expected {code.label}, got {exc.code.label}: {exc.message}"
    assert f"Foutcode {code.label}." in exc.message
    assert "Er is niets geïmporteerd." in exc.message
