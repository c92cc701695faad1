"""Builders for the analysis tests: synthetic record-level tables that match published tables.

No tests here (pytest collects the module and finds none). ``Dataset`` accumulates rows of the
exported tables with plausible defaults, ``row``/``rows`` pick result rows, and ``pct``/``shown``
apply the presentation rounding (C-8) the seed figures were printed with.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from mpg_desktop.sync.analysis import BundleTables, PooledData, pool_bundles
from mpg_desktop.sync.analysis.methods import afronden, percentage
from mpg_desktop.sync.analysis.schema import TABLES

DATA = Path(__file__).parent / "data"
ROW_VERSION = "2024-03-01T12:00:00Z"

FAMILY_DEFAULTS: dict[str, Any] = {
    "area_code": "W01",
    "in_doelgebied": 1,
    "gemeente_code": "GM0599",
    "huishouden_type": "eenouder",
    "n_kinderen": "2",
    "jongste_kind_leeftijd": "5-12",
    "leeftijdssamenstelling": "basisschool",
    "row_version": ROW_VERSION,
}
TRAJECTORY_DEFAULTS: dict[str, Any] = {
    "programma": "st",
    "org_code": "ORG1",
    "team_code": "T1",
    "coach_pid": "M0001",
    "aanmeld_periode": "2012-05",
    "aanmelder_type": "cjg",
    "besluit": "go",
    "besluit_dag": 10,
    "intake_dag": 20,
    "status": "lopend",
    "n_verlengingen": 0,
    "uitval_fase": "geen",
    "kader": "vrijwillig",
    "jeugdbescherming": 0,
    "eerdere_trajecten": 0,
    "row_version": ROW_VERSION,
}


def read(name: str) -> pd.DataFrame:
    """A transcribed seed table from tests/sync/data."""
    return pd.read_csv(DATA / name)


def expand(counts: Sequence[tuple[Any, int]]) -> list[Any]:
    """[(a, 2), (b, 1)] -> [a, a, b]."""
    return [value for value, n in counts for _ in range(n)]


@dataclass
class Dataset:
    """Rows of one device's export tables; ``bundle`` and ``pooled`` turn them into analysis input."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def family(self, pid: str | None = None, **fields: Any) -> str:
        pid = pid or f"G{next(self._ids):06d}"
        self.rows["families"].append({"family_pid": pid, **FAMILY_DEFAULTS, **fields})
        return pid

    def trajectory(self, family: str, pid: str | None = None, **fields: Any) -> str:
        pid = pid or f"T{next(self._ids):06d}"
        self.rows["trajectories"].append({"traj_pid": pid, "family_pid": family, **TRAJECTORY_DEFAULTS, **fields})
        return pid

    def score(
        self, traj: str, meting: int, domain: str, score: int | None, bron: str = "gecombineerd", **fields: Any
    ) -> None:
        row = {"traj_pid": traj, "meting_nr": meting, "dag": 30 + 180 * meting, "leefgebied": domain, "score": score}
        self.rows["leefgebied_scores"].append({**row, "bron": bron, "withheld": 0, **fields})

    def goal(
        self, traj: str, categorie: str, scores: Iterable[dict[str, Any]] = (), leefgebied: str = "huisvesting"
    ) -> str:
        pid = f"D{next(self._ids):06d}"
        self.rows["goals"].append(
            {"goal_pid": pid, "traj_pid": traj, "leefgebied": leefgebied, "doelcategorie": categorie, "gesteld_dag": 25}
        )
        for number, score in enumerate(scores, start=1):
            self.rows["goal_evaluations"].append(
                {"goal_pid": pid, "periode_nr": number, "dag": 25 + 91 * number, **score}
            )
        return pid

    def event(self, traj: str, event: str, dag: int, volgnr: int = 1) -> None:
        self.rows["phase_events"].append({"traj_pid": traj, "event": event, "dag": dag, "volgnr": volgnr})

    def tombstone(self, family: str, month: str, reden: str = "toestemming_ingetrokken") -> None:
        self.rows["tombstones"].append({"family_pid": family, "reden": reden, "vanaf_maand": month})

    def aggregate(self, n: int, **fields: Any) -> None:
        defaults = {"aanmeld_kwartaal": "2012-Q2", "gemeente_code": "GM0599", "team_code": "T1", "programma": "st"}
        row = {**defaults, "aanmelder_type": "cjg", "besluit": "go", "afwijsreden": None, "huishouden_bekend": 1}
        self.rows["referral_aggregates"].append({**row, **fields, "n": n})

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            name: pd.DataFrame(rows).reindex(columns=list(TABLES[name].column_names))
            for name, rows in self.rows.items()
            if rows
        }

    def bundle(
        self, bundle_id: str = "B1", device: str = "A1", seq: int = 1, key: str = "K1", **meta: Any
    ) -> BundleTables:
        return BundleTables(bundle_id, device, seq, key, self.tables(), **meta)

    def pooled(self, **meta: Any) -> PooledData:
        return pool_bundles([self.bundle(**meta)])


def rows(table: pd.DataFrame, **match: Any) -> pd.DataFrame:
    """Result rows whose columns equal the given values (None matches a missing value)."""
    mask = pd.Series(True, index=table.index)
    for column, value in match.items():
        mask &= table[column].isna() if value is None else table[column].astype("string").eq(str(value)).fillna(False)
    return table.loc[mask]


def row(table: pd.DataFrame, **match: Any) -> pd.Series:
    """Exactly one result row."""
    found = rows(table, **match)
    assert len(found) == 1, f"{len(found)} rows for {match}"
    return found.iloc[0]


def pct(table: pd.DataFrame, decimals: int = 0, **match: Any) -> Decimal:
    """A percentage row rounded half-up as printed (exact from numerator and denominator)."""
    found = row(table, statistic="percent", **match)
    return percentage(int(found["numerator"]), int(found["denominator"]), decimals)


def shown(value: object, decimals: int) -> Decimal:
    """A statistic rounded half-up as printed."""
    return afronden(float(str(value)), decimals)


def dec(value: object) -> Decimal:
    """A printed number (int, float or numpy scalar) as a Decimal, for comparing with ``pct``."""
    return Decimal(str(value))
