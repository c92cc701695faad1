"""Import step 9 of spec 4.9: every table's hash, row count and column set against the manifest.

Order per table: SHA-256 (E11 HASH_WIJKT_AF), CSV syntax (E14 ONGELDIGE_WAARDE), header equals
the manifest's columns and the schema's exact column set (E13 ONVERWACHTE_KOLOMMEN), row count
equals the manifest's ``rows`` and ``counts`` (E12 AANTAL_WIJKT_AF).

Schema versions (spec 4.8 plus the issue's rule for newer minors):

* same or older minor of our major: the column set must be exactly that minor's set; an
  unknown table or column is refused (E13), never ignored, since it could carry personal data;
* newer minor of our major: every table and column we know must be there; what the newer
  minor added is hash-checked, then dropped and reported in ``ignored_*``, never returned.

Pure functions; thread-safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mpg_desktop.sync.bundle_csv import CsvFormatError, decode_table
from mpg_desktop.sync.bundle_format import TABLES_FOLDER, sha256_hex
from mpg_desktop.sync.bundle_manifest import Manifest, TableEntry
from mpg_desktop.sync.bundle_schema import BundleSchema, TableSpec
from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused, shown_names
from mpg_desktop.sync.import_result import Table


@dataclass(frozen=True)
class CheckedTables:
    tables: Mapping[str, Table]
    ignored_tables: tuple[str, ...]
    ignored_columns: Mapping[str, tuple[str, ...]]


def check_tables(manifest: Manifest, entries: Mapping[str, bytes], schema: BundleSchema) -> CheckedTables:
    """The verified tables of a bundle whose manifest and signature were already checked."""
    table_entries = {name for name in entries if name.startswith(TABLES_FOLDER)}
    if table_entries != {table.path for table in manifest.tables}:
        raise ImportRefused(
            ImportErrorCode.ARCHIEF_ONGELDIG, "De tabellen in de bundel kloppen niet met de inhoudsopgave."
        )
    newer_minor = manifest.schema_version.minor > schema.version.minor
    minor = min(manifest.schema_version.minor, schema.version.minor)
    known = {table.name: table for table in schema.tables_for(minor)}
    missing = set(known) - {table.name for table in manifest.tables}
    if missing:
        raise ImportRefused(
            ImportErrorCode.MANIFEST_ONGELDIG, f"De bundel mist de tabel(len) {shown_names(sorted(missing))}."
        )
    tables: dict[str, Table] = {}
    ignored_tables: list[str] = []
    ignored_columns: dict[str, tuple[str, ...]] = {}
    for entry in manifest.tables:
        header, rows = _read_table(entry, entries[entry.path])
        table_spec = known.get(entry.name)
        if table_spec is None:
            if not newer_minor:
                raise ImportRefused(
                    ImportErrorCode.ONVERWACHTE_KOLOMMEN, f"Onbekende tabel {shown_names([entry.name])}."
                )
            ignored_tables.append(entry.name)
            continue
        _check_count(entry, len(rows), manifest, table_spec)
        extra = _check_columns(entry.name, header, table_spec.columns_for(minor), newer_minor)
        if extra:
            ignored_columns[entry.name] = extra
        cells = [dict(zip(header, row, strict=True)) for row in rows]
        tables[entry.name] = Table(
            entry.name,
            table_spec.columns,
            tuple({column: cell.get(column) for column in table_spec.columns} for cell in cells),
        )
    return CheckedTables(tables, tuple(ignored_tables), ignored_columns)


def _read_table(entry: TableEntry, data: bytes) -> tuple[tuple[str, ...], list[tuple[str | None, ...]]]:
    if sha256_hex(data) != entry.sha256:
        raise ImportRefused(ImportErrorCode.HASH_WIJKT_AF, f"Tabel {shown_names([entry.name])} is gewijzigd.")
    try:
        header, rows = decode_table(data)
    except CsvFormatError as exc:
        raise ImportRefused(
            ImportErrorCode.ONGELDIGE_WAARDE, f"Tabel {shown_names([entry.name])} regel {exc.line} is geen geldige CSV."
        ) from exc
    if header != entry.columns:
        raise ImportRefused(
            ImportErrorCode.ONVERWACHTE_KOLOMMEN,
            f"De kolommen van tabel {shown_names([entry.name])} kloppen niet met de inhoudsopgave.",
        )
    return header, rows


def _check_count(entry: TableEntry, rows: int, manifest: Manifest, table: TableSpec) -> None:
    stated = {entry.rows}
    if table.count_key is not None:
        stated.add(manifest.counts[table.count_key])
    if stated != {rows}:
        raise ImportRefused(
            ImportErrorCode.AANTAL_WIJKT_AF,
            f"Tabel {shown_names([entry.name])} heeft {rows} regels; de inhoudsopgave noemt een ander aantal.",
        )


def _check_columns(name: str, header: tuple[str, ...], expected: tuple[str, ...], newer_minor: bool) -> tuple[str, ...]:
    """The extra columns a newer minor added (to be dropped); raises E13 on anything else."""
    if len(set(header)) != len(header):
        raise ImportRefused(
            ImportErrorCode.ONVERWACHTE_KOLOMMEN, f"Tabel {shown_names([name])} heeft dubbele kolommen."
        )
    missing = [column for column in expected if column not in header]
    if missing:
        raise ImportRefused(
            ImportErrorCode.ONVERWACHTE_KOLOMMEN,
            f"Tabel {shown_names([name])} mist de kolom(men) {shown_names(missing)}.",
        )
    extra = tuple(column for column in header if column not in expected)
    if extra and not newer_minor:
        raise ImportRefused(
            ImportErrorCode.ONVERWACHTE_KOLOMMEN,
            f"Tabel {shown_names([name])} heeft onverwachte kolom(men) {shown_names(extra)}.",
        )
    return extra
