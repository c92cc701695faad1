"""What a successful bundle check hands to the caller, who applies it in one transaction.

The reader returns an ``ImportedBundle`` only after every check has passed, so the caller never
sees part of a bundle. Applying it (spec 4.9 step 14, IMP-13..15) is the caller's job::

    BEGIN IMMEDIATE
      if status is ALREADY_IMPORTED: nothing (report "reeds geïmporteerd")
      store the tombstones; delete every row of those family pseudonyms (IMP-14)
      upsert the rows by their pseudonym keys where row_version is newer and no tombstone
        discards them (IMP-13, IMP-14); replace referral aggregates per device (IMP-15)
      log bundle_id, content_sha256, device_seq
    COMMIT   (any exception: ROLLBACK and raise ImportRefused(E18 OPSLAAN_MISLUKT))

Immutable values; safe to pass from the import worker to the database worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from mpg_desktop.sync.bundle_manifest import Manifest
from mpg_desktop.sync.import_context import RegisteredDevice
from mpg_desktop.sync.tombstones import Tombstone

Row = Mapping[str, str | None]


class ImportStatus(Enum):
    NEW = "nieuw"
    ALREADY_IMPORTED = "reeds geïmporteerd"


@dataclass(frozen=True)
class Table:
    """A verified table. ``columns`` are the schema's columns for this table (all of them, in
    schema order); every row has exactly these keys. Cells are text as exported, or None for an
    empty cell; a column the bundle's older minor version did not have is None in every row.
    Type and code-list checks (E14) are not done here.
    """

    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class ImportedBundle:
    """A bundle that passed every check. ``ignored_*`` list what a newer minor version added and
    this version does not know: those cells were dropped and are not in ``tables``; show them.
    """

    status: ImportStatus
    manifest: Manifest
    device: RegisteredDevice
    tables: Mapping[str, Table]
    tombstones: tuple[Tombstone, ...]
    ignored_tables: tuple[str, ...] = ()
    ignored_columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """A Dutch line for the import log and the status bar."""
        if self.status is ImportStatus.ALREADY_IMPORTED:
            return "Deze bundel is al eerder geïmporteerd; er is niets veranderd."
        rows = sum(len(table.rows) for table in self.tables.values())
        tables, removals = len(self.tables), len(self.tombstones)
        return f"Bundel gecontroleerd: {tables} tabellen, {rows} regels, {removals} gezin(nen) te verwijderen."
