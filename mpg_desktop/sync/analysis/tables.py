"""The tables of one imported bundle, typed by the schema, as the analysis receives them.

The importer (bundle reader, supervisor database) hands over one ``BundleTables`` per imported
bundle: the manifest fields the analysis needs plus one DataFrame per table. ``conform`` types a
frame by ``schema.TABLES`` and refuses columns the schema does not know, as the importer does
(E13): an unexpected column could carry identifying data. ``parse_table`` reads the CSV dialect
of EXP-23 (UTF-8, comma, header, empty field = missing). Pure functions, any thread.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from mpg_desktop.sync.analysis.schema import TABLES


class SchemaMismatch(ValueError):
    """A table's columns differ from the schema (unknown or missing columns) or a value has the wrong type."""


@dataclass(frozen=True)
class BundleTables:
    """One imported bundle: manifest fields (4.8) and its tables by name (``families`` ...).

    ``generalisation_profile`` is the k-gate profile P0..P6 of the manifest; the loader uses it
    to tell a generalised household code from a detailed one. Missing tables count as empty.
    """

    bundle_id: str
    device_pid: str
    device_seq: int
    pseudonym_key_id: str
    tables: Mapping[str, pd.DataFrame]
    data_as_of: str = ""  # ISO date of the export's reference date
    generalisation_profile: str = "P0"
    families_in_scope: int | None = None
    families_exported: int | None = None
    programmas: tuple[str, ...] = field(default_factory=tuple)


def empty_table(name: str) -> pd.DataFrame:
    """An empty, typed frame with the columns of table ``name``."""
    schema = TABLES[name]
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in schema.dtypes().items()})


def conform(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` typed by the schema of table ``name``, columns in schema order (a copy).

    Raises SchemaMismatch for an unknown or a missing required column, or a value that cannot
    take the column's type. Missing optional columns are added as all-missing.
    """
    schema = TABLES[name]
    unknown = sorted(set(frame.columns) - set(schema.column_names))
    missing = sorted(schema.required - set(frame.columns))
    if unknown or missing:
        raise SchemaMismatch(f"{name}: onbekende kolommen {unknown}, ontbrekende kolommen {missing}")
    dtypes = schema.dtypes()
    typed = {col.name: _typed(frame, col.name, col.kind, dtypes[col.name], schema.name) for col in schema.columns}
    return pd.DataFrame(typed, index=pd.RangeIndex(len(frame)))


def _typed(frame: pd.DataFrame, column: str, kind: str, dtype: str, table: str) -> pd.Series:
    length = len(frame)
    if column not in frame.columns:
        return pd.Series([None] * length, dtype=dtype)
    values = frame[column].reset_index(drop=True)
    if values.isna().all():
        return pd.Series([None] * length, dtype=dtype)  # common for optional fields; skip the parsing
    try:
        if kind in ("int", "flag") and pd.api.types.is_numeric_dtype(values):
            return values.astype(dtype)  # already numbers: no text round trip
        # Text: an empty or blank field is missing, whatever the column's type (EXP-23).
        text = values.astype("string").str.strip()
        text = text.mask(text == "")
        if kind == "str":
            return text
        if kind == "time":
            return pd.to_datetime(text, utc=True, format="ISO8601").astype(dtype)
        return pd.to_numeric(text).astype(dtype)
    except (ValueError, TypeError) as exc:
        raise SchemaMismatch(f"{table}.{column}: waarde heeft niet het type {kind}") from exc


def parse_table(name: str, source: bytes | str | Path) -> pd.DataFrame:
    """Read one exported CSV (bytes, text or a path) into a typed frame (see ``conform``)."""
    if isinstance(source, Path):
        source = source.read_bytes()
    raw = source.encode("utf-8") if isinstance(source, str) else source
    frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8")
    return conform(frame, name)


def from_imported(bundle: Any) -> BundleTables:
    """``BundleTables`` from the importer's verified bundle (``sync.import_result.ImportedBundle``).

    Duck-typed on ``manifest`` (bundle_id, device_pid, device_seq, pseudonym_key_id,
    data_as_of, generalisation_profile, counts, programmas) and ``tables`` (name -> object with
    ``columns`` and text ``rows``), so the analysis does not depend on the reader's classes.
    """
    manifest = bundle.manifest
    frames = {
        name: pd.DataFrame(list(table.rows), columns=list(table.columns), dtype="string")
        for name, table in bundle.tables.items()
        if name in TABLES
    }
    counts = dict(manifest.counts)
    return BundleTables(
        bundle_id=str(manifest.bundle_id),
        device_pid=str(manifest.device_pid),
        device_seq=int(manifest.device_seq),
        pseudonym_key_id=str(manifest.pseudonym_key_id),
        tables=frames,
        data_as_of=str(manifest.data_as_of),
        generalisation_profile=str(manifest.generalisation_profile),
        families_in_scope=counts.get("families_in_scope"),
        families_exported=counts.get("families_exported"),
        programmas=tuple(manifest.programmas),
    )
