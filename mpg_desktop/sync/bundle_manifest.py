"""``manifest.json``: the signed table of contents of a bundle (spec 4.8), written and checked.

Fields as in the spec, plus ``device_key_id`` (hex of the first 16 bytes of SHA-256 of the
device's Ed25519 public key), by which the importer finds the registered key to verify
``manifest.sig`` with. The spec is silent on how the key is found; ``device_pid`` cannot serve,
since only the coach side can compute it.

Checking happens in two stages because the spec verifies the signature (step 7) before it knows
whether the schema version is supported (step 8): ``parse_envelope`` reads just enough to verify
the signature and the version; ``parse_manifest`` then checks every field (E07 MANIFEST_ONGELDIG).
For a known schema version unknown fields are refused; a newer minor version may add fields,
which are ignored.

Pure functions; thread-safe.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from mpg_desktop.sync.bundle_format import (
    CONTAINER_VERSION,
    FORMAT_NAME,
    MAX_MANIFEST_BYTES,
    content_sha256,
    table_path,
)
from mpg_desktop.sync.bundle_schema import BundleSchema, SchemaVersion, is_name
from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused

MAX_COUNT = 10**9
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_DEVICE_PID = re.compile(r"A[a-z2-7]{26}")  # EXP-30: prefix A + 26 base32 characters
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
_CREATED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class TableEntry:
    """One table as the manifest describes it."""

    name: str
    path: str
    rows: int
    sha256: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Manifest:
    """The checked manifest. ``created_utc`` is rounded down to the minute; ``counts`` is read-only."""

    schema_version: SchemaVersion
    bundle_id: str
    device_pid: str
    device_seq: int
    previous_bundle_id: str | None
    device_key_id: str
    created_utc: datetime
    data_as_of: date
    org_code: str
    gemeente_codes: tuple[str, ...]
    programmas: tuple[str, ...]
    app_version: str
    pseudonym_key_id: str
    consent_basis: str
    k: int
    generalisation_profile: str
    n_locally_suppressed: int
    counts: Mapping[str, int]
    tables: tuple[TableEntry, ...]
    content_sha256: str
    container_version: int = CONTAINER_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "container_version": self.container_version,
            "schema_version": str(self.schema_version),
            "bundle_id": self.bundle_id,
            "device_pid": self.device_pid,
            "device_seq": self.device_seq,
            "previous_bundle_id": self.previous_bundle_id,
            "device_key_id": self.device_key_id,
            "created_utc": self.created_utc.strftime("%Y-%m-%dT%H:%M:00Z"),
            "data_as_of": self.data_as_of.isoformat(),
            "org_code": self.org_code,
            "gemeente_codes": list(self.gemeente_codes),
            "programmas": list(self.programmas),
            "app_version": self.app_version,
            "pseudonym_key_id": self.pseudonym_key_id,
            "consent_basis": self.consent_basis,
            "k": self.k,
            "generalisation_profile": self.generalisation_profile,
            "n_locally_suppressed": self.n_locally_suppressed,
            "counts": dict(self.counts),
            "tables": [
                {"name": t.name, "path": t.path, "rows": t.rows, "sha256": t.sha256, "columns": list(t.columns)}
                for t in self.tables
            ],
            "content_sha256": self.content_sha256,
        }

    def to_bytes(self) -> bytes:
        """The exact bytes that are signed: compact UTF-8 JSON with sorted keys."""
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Envelope:
    """What is known before the signature is checked: the raw document, version and signer."""

    document: Mapping[str, Any]
    schema_version: SchemaVersion
    device_key_id: bytes


def _invalid(detail: str) -> ImportRefused:
    return ImportRefused(ImportErrorCode.MANIFEST_ONGELDIG, detail)


def parse_envelope(data: bytes) -> Envelope:
    """Parse the JSON and read format, schema version and device key id (step 6, E07)."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise _invalid("De inhoudsopgave is te groot.")
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _invalid("De inhoudsopgave is geen geldige JSON.") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _invalid("De inhoudsopgave hoort niet bij een MPG-bundel.")
    version = SchemaVersion.parse(document.get("schema_version"))
    key_id = document.get("device_key_id")
    if version is None or not isinstance(key_id, str) or not _HEX32.fullmatch(key_id):
        raise _invalid("De inhoudsopgave mist de versie of de apparaatsleutel.")
    return Envelope(document, version, bytes.fromhex(key_id))


def parse_manifest(envelope: Envelope, schema: BundleSchema) -> Manifest:
    """Check every field against the schema; the version is already known to be supported.

    Also checks: tables unique, paths canonical, ``content_sha256`` consistent with the tables,
    and every count the schema requires present. Row counts and hashes against the archive are
    checked later (E11/E12), column sets too (E13).
    """
    doc = envelope.document
    version = envelope.schema_version
    newer_minor = version.minor > schema.version.minor
    known = set(_FIELDS) | {"format"}
    unknown = set(doc) - known
    if unknown and not newer_minor:
        raise _invalid("De inhoudsopgave bevat onbekende velden.")
    missing = known - set(doc)
    if missing:
        raise _invalid("De inhoudsopgave is onvolledig.")
    values = {name: check(doc[name]) for name, check in _FIELDS.items()}
    if values["container_version"] != CONTAINER_VERSION:
        raise _invalid("De inhoudsopgave hoort bij een andere containerversie.")
    tables = values["tables"]
    names = [table.name for table in tables]
    if len(set(names)) != len(names):
        raise _invalid("Een tabel staat dubbel in de inhoudsopgave.")
    if content_sha256({t.name: t.sha256 for t in tables}) != values["content_sha256"]:
        raise ImportRefused(ImportErrorCode.HASH_WIJKT_AF, "De controlegetallen in de inhoudsopgave kloppen niet.")
    _check_counts(values["counts"], schema, version, newer_minor)
    values["schema_version"] = version
    values["device_key_id"] = envelope.device_key_id.hex()
    return Manifest(**values)


def _check_counts(counts: Mapping[str, int], schema: BundleSchema, version: SchemaVersion, newer_minor: bool) -> None:
    expected = set(schema.scope_count_keys)
    expected |= {t.count_key for t in schema.tables_for(version.minor) if t.count_key}
    if not expected <= set(counts):
        raise _invalid("Er ontbreken aantallen in de inhoudsopgave.")
    if not newer_minor and set(counts) - expected:
        raise _invalid("De inhoudsopgave bevat onbekende aantallen.")


# -- field checks: each returns the checked value or raises E07 ------------------------------
def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise _invalid("Een aantal in de inhoudsopgave is ongeldig.")
    return value


def _matching(pattern: re.Pattern[str]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise _invalid("Een veld in de inhoudsopgave heeft een ongeldige waarde.")
        return value

    return check


def _uuid4(value: Any) -> str:
    try:
        parsed = uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.version != 4 or str(parsed) != value:
        raise _invalid("Het bundelnummer in de inhoudsopgave is ongeldig.")
    return str(value)


def _optional_uuid4(value: Any) -> str | None:
    return None if value is None else _uuid4(value)


def _codes(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > 1000:
        raise _invalid("Een lijst in de inhoudsopgave is ongeldig.")
    return tuple(_matching(_CODE)(item) for item in value)


def _created(value: Any) -> datetime:
    text = _matching(_CREATED)(value)
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise _invalid("Het aanmaakmoment in de inhoudsopgave is ongeldig.") from exc


def _date(value: Any) -> date:
    text = _matching(_DATE)(value)
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise _invalid("De peildatum in de inhoudsopgave is ongeldig.") from exc


def _app_version(value: Any) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 32 or not value.isprintable():
        raise _invalid("De programmaversie in de inhoudsopgave is ongeldig.")
    return value


def _counts(value: Any) -> Mapping[str, int]:
    if not isinstance(value, dict) or not all(is_name(key) for key in value):
        raise _invalid("De aantallen in de inhoudsopgave zijn ongeldig.")
    return MappingProxyType({key: _count(number) for key, number in value.items()})


def _tables(value: Any) -> tuple[TableEntry, ...]:
    if not isinstance(value, list):
        raise _invalid("De tabellenlijst in de inhoudsopgave is ongeldig.")
    return tuple(_table(item) for item in value)


def _table(value: Any) -> TableEntry:
    if not isinstance(value, dict) or set(value) != {"name", "path", "rows", "sha256", "columns"}:
        raise _invalid("Een tabel in de inhoudsopgave is ongeldig.")
    name, columns = value["name"], value["columns"]
    if not is_name(name) or value["path"] != table_path(name):
        raise _invalid("Een tabelnaam in de inhoudsopgave is ongeldig.")
    if not isinstance(columns, list) or not columns or not all(is_name(column) for column in columns):
        raise _invalid("De kolommen van een tabel in de inhoudsopgave zijn ongeldig.")
    return TableEntry(name, value["path"], _count(value["rows"]), _matching(_HEX64)(value["sha256"]), tuple(columns))


def _passthrough(value: Any) -> Any:
    return value  # checked in parse_envelope


_FIELDS: dict[str, Callable[[Any], Any]] = {
    "container_version": _count,
    "schema_version": _passthrough,
    "bundle_id": _uuid4,
    "device_pid": _matching(_DEVICE_PID),
    "device_seq": _count,
    "previous_bundle_id": _optional_uuid4,
    "device_key_id": _passthrough,
    "created_utc": _created,
    "data_as_of": _date,
    "org_code": _matching(_CODE),
    "gemeente_codes": _codes,
    "programmas": _codes,
    "app_version": _app_version,
    "pseudonym_key_id": _matching(_HEX16),
    "consent_basis": _matching(_CODE),
    "k": _count,
    "generalisation_profile": _matching(_CODE),
    "n_locally_suppressed": _count,
    "counts": _counts,
    "tables": _tables,
    "content_sha256": _matching(_HEX64),
}
