"""Tombstones (spec 4.4.6, EXP-03, IMP-14): a family whose data must go from the pooled dataset.

A bundle carries a tombstone row for every withdrawn family pseudonym for at least 12 months.
The importer stores the tombstones, deletes every row of that pseudonym in all tables, and
discards any row arriving later (in this or another bundle) whose ``row_version`` is earlier
than the tombstone, so a stale bundle cannot bring a withdrawn family back.

The spec gives a tombstone only a month (``vanaf_maand``), not a moment. ``Tombstone.discards``
therefore treats the whole month as covered: a row is discarded when its ``row_version`` is
before the first instant (UTC) of the following month. Why: comparing with the start of the
month would let a bundle made earlier in the month of withdrawal resurrect the family; the cost
is that new data after a re-consent in that same month waits for the next change of the row.

Pure values and functions; thread-safe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused

TOMBSTONE_TABLE = "tombstones"
TOMBSTONE_COLUMNS = ("family_pid", "reden", "vanaf_maand")
REASONS = frozenset({"toestemming_ingetrokken", "verwijderd_op_verzoek", "registratiefout"})
_FAMILY_PID = re.compile(r"G[a-z2-7]{26}")  # EXP-30: prefix G + 26 base32 characters
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Tombstone:
    family_pid: str
    reden: str
    vanaf_maand: str  # YYYY-MM

    @property
    def covers_until(self) -> datetime:
        """First instant (UTC) after the month ``vanaf_maand``; rows older than this are discarded."""
        year, month = (int(part) for part in self.vanaf_maand.split("-"))
        return datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)

    def discards(self, row_version: datetime) -> bool:
        """True when a row of this family with ``row_version`` (timezone-aware) must not be stored."""
        if row_version.tzinfo is None:
            raise ValueError("row_version must be timezone-aware (UTC)")
        return row_version < self.covers_until


def parse_tombstones(rows: Sequence[Mapping[str, str | None]]) -> tuple[Tombstone, ...]:
    """Tombstones from the decoded ``tombstones`` table; E14 ONGELDIGE_WAARDE on a bad row."""
    result = []
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        pid, reason, month = (row.get(column) for column in TOMBSTONE_COLUMNS)
        if (
            pid is None
            or reason is None
            or month is None
            or not _FAMILY_PID.fullmatch(pid)
            or reason not in REASONS
            or not _MONTH.fullmatch(month)
        ):
            raise ImportRefused(
                ImportErrorCode.ONGELDIGE_WAARDE, f"Tabel '{TOMBSTONE_TABLE}' regel {number} is ongeldig."
            )
        result.append(Tombstone(pid, reason, month))
    return tuple(result)
