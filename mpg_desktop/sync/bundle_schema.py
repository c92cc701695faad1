"""The bundle's table schema: which tables and which columns may leave the laptop (the allowlist).

The anonymiser (spec 4.4) owns the actual schema and hands a ``BundleSchema`` to the writer and
the reader; this module only defines its shape and the version rules of spec 4.8:

* ``major`` changes (a column removed, renamed or re-defined) are incompatible;
* ``minor`` changes add optional columns or tables. ``TableSpec.since_minor`` and
  ``column_since`` record in which minor version a table or column appeared, so a reader knows
  the exact column set of every older minor version of its own major.

Immutable and thread-safe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,62}")
_VERSION_PATTERN = re.compile(r"(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})")


@dataclass(frozen=True, order=True)
class SchemaVersion:
    """Semantic version of the table schema, written as ``"1.0.0"`` in the manifest."""

    major: int
    minor: int
    patch: int = 0

    @classmethod
    def parse(cls, text: object) -> SchemaVersion | None:
        """The version in ``text``, or None when it is not exactly ``MAJOR.MINOR.PATCH``."""
        if not isinstance(text, str):
            return None
        match = _VERSION_PATTERN.fullmatch(text)
        if match is None:
            return None
        return cls(*(int(part) for part in match.groups()))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def is_name(text: object) -> bool:
    """Table and column names: lower-case ASCII, digits and underscores, at most 63 characters."""
    return isinstance(text, str) and NAME_PATTERN.fullmatch(text) is not None


@dataclass(frozen=True)
class TableSpec:
    """One table: its name, its allowed columns in the order they are written, and its history.

    ``count_key`` names the manifest ``counts`` entry that must equal the table's row count
    (for example ``families`` -> ``families_exported``); None when the spec has no such count.
    """

    name: str
    columns: tuple[str, ...]
    count_key: str | None = None
    since_minor: int = 0
    column_since: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not is_name(self.name):
            raise ValueError(f"bad table name {self.name!r}")
        if not self.columns or len(set(self.columns)) != len(self.columns):
            raise ValueError(f"table {self.name}: columns empty or repeated")
        if not all(is_name(column) for column in self.columns):
            raise ValueError(f"table {self.name}: bad column name")
        if not set(self.column_since) <= set(self.columns):
            raise ValueError(f"table {self.name}: column_since names an unknown column")
        # Read-only, so a shared schema object cannot be changed under a running import.
        object.__setattr__(self, "column_since", MappingProxyType(dict(self.column_since)))

    def columns_for(self, minor: int) -> tuple[str, ...]:
        """The exact column set of this table in minor version ``minor`` (of the same major)."""
        return tuple(column for column in self.columns if self.column_since.get(column, 0) <= minor)


@dataclass(frozen=True)
class BundleSchema:
    """All tables of one schema version plus the scope counts the manifest must carry (EXP-05)."""

    version: SchemaVersion
    tables: tuple[TableSpec, ...]
    scope_count_keys: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [table.name for table in self.tables]
        if len(set(names)) != len(names):
            raise ValueError("table names repeated")
        count_keys = [table.count_key for table in self.tables if table.count_key] + list(self.scope_count_keys)
        if len(set(count_keys)) != len(count_keys):
            raise ValueError("count keys repeated")
        if any(table.since_minor > self.version.minor for table in self.tables):
            raise ValueError("a table is newer than the schema version")

    def table(self, name: str) -> TableSpec | None:
        return next((table for table in self.tables if table.name == name), None)

    def tables_for(self, minor: int) -> tuple[TableSpec, ...]:
        """The tables that exist in minor version ``minor`` (of the same major)."""
        return tuple(table for table in self.tables if table.since_minor <= minor)
