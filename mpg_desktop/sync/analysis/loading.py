"""Pool the tables of many imported bundles into one dataset (IMP-13..15, ANA-01).

Rules, applied the same way whatever the order of the bundles and however often one repeats:

* a bundle id seen twice is used once (re-import, IMP-10);
* families and trajectories: one row per pseudonym (within one ``pseudonym_key_id``); the row
  with the greatest ``row_version`` wins, ties go to the greater ``device_pid`` and then the
  later ``device_seq`` (IMP-13; the spec's tie-break, made order-independent);
* phase events, leefgebied scores and goals are replaced as a set with their trajectory: they
  come from the bundle whose trajectory row won; goal evaluations likewise follow their goal;
* tombstones (IMP-14): a family or trajectory row of a tombstoned pseudonym is dropped unless
  its ``row_version`` lies after the tombstone month, so stale bundles cannot resurrect a
  withdrawn family; child rows go with their trajectory;
* referral aggregates (IMP-15): per device and quarter, the rows of the bundle with the highest
  ``device_seq`` that covers the quarter; the analysis sums across devices.

Pure function of its input; run it on a worker for large pools.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from mpg_desktop.sync.analysis.codes import HUISHOUDEN_L1
from mpg_desktop.sync.analysis.pooled import FAMILY_KEY, GOAL_KEY, TRAJ_KEY, PooledData
from mpg_desktop.sync.analysis.schema import PROVENANCE_COLUMNS, TABLES, TRAJECTORY_CHILDREN
from mpg_desktop.sync.analysis.selection import period_parts
from mpg_desktop.sync.analysis.tables import BundleTables, conform, empty_table

# From profile P4 on the household type is exported at level L1 (EXP-51).
HOUSEHOLD_L1_PROFILES = frozenset({"P4", "P5", "P6"})
_ORDER = ["row_version", "device_pid", "device_seq"]


def pool_bundles(bundles: Iterable[BundleTables]) -> PooledData:
    """One ``PooledData`` from the given bundles (any order, repeats allowed)."""
    unique = _unique_bundles(bundles)
    raw = {name: _stack(unique, name) for name in TABLES}
    families = _latest(raw["families"], FAMILY_KEY)
    trajectories = _latest(raw["trajectories"], TRAJ_KEY)
    tombstones = _tombstones(raw["tombstones"])
    families = _drop_tombstoned(families, tombstones)
    trajectories = _drop_tombstoned(trajectories, tombstones)
    children = {name: _children_of(raw[name], trajectories, TRAJ_KEY, name) for name in TRAJECTORY_CHILDREN}
    evaluations = _children_of(raw["goal_evaluations"], children["goals"], GOAL_KEY, "goal_evaluations")
    meta = _bundle_frame(unique)
    return PooledData(
        families=_with_profile(families, meta),
        trajectories=_with_periods(trajectories),
        phase_events=children["phase_events"],
        leefgebied_scores=children["leefgebied_scores"],
        goals=children["goals"],
        goal_evaluations=evaluations,
        tombstones=tombstones,
        referral_aggregates=_latest_aggregates(raw["referral_aggregates"]),
        bundles=meta,
    )


def _unique_bundles(bundles: Iterable[BundleTables]) -> list[BundleTables]:
    ordered = sorted(bundles, key=lambda b: (b.device_pid, b.device_seq, b.bundle_id))
    seen: dict[str, BundleTables] = {}
    for bundle in ordered:
        seen.setdefault(bundle.bundle_id, bundle)
    return list(seen.values())


def _stack(bundles: list[BundleTables], name: str) -> pd.DataFrame:
    parts = []
    for bundle in bundles:
        frame = bundle.tables.get(name)
        if frame is None or frame.empty:
            continue
        typed = conform(frame, name)
        typed.insert(0, "pseudonym_key_id", bundle.pseudonym_key_id)
        typed.insert(1, "bundle_id", bundle.bundle_id)
        typed.insert(2, "device_pid", bundle.device_pid)
        typed.insert(3, "device_seq", bundle.device_seq)
        parts.append(typed)
    if not parts:
        empty = empty_table(name)
        for position, (column, dtype) in enumerate(PROVENANCE_COLUMNS.items()):
            empty.insert(position, column, pd.Series(dtype=dtype))
        return empty
    stacked = pd.concat(parts, ignore_index=True)
    return stacked.astype(PROVENANCE_COLUMNS)


def _latest(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The winning row per key (IMP-13): greatest row_version, then device_pid, then device_seq."""
    ordered = frame.sort_values(key + _ORDER, kind="mergesort", na_position="first")
    return ordered.drop_duplicates(key, keep="last").sort_values(key, kind="mergesort").reset_index(drop=True)


def _children_of(children: pd.DataFrame, parents: pd.DataFrame, parent_key: list[str], name: str) -> pd.DataFrame:
    """Child rows delivered by the same bundle as their winning parent row; duplicates dropped."""
    owner = parents[[*parent_key, "bundle_id"]]
    kept = children.merge(owner, on=[*parent_key, "bundle_id"], how="inner")
    key = ["pseudonym_key_id", *TABLES[name].key]
    return kept.drop_duplicates(key, keep="last").sort_values(key, kind="mergesort").reset_index(drop=True)


def _tombstones(frame: pd.DataFrame) -> pd.DataFrame:
    """One tombstone per family (the latest month), with the instant from which rows may live again.

    The month is all the export tells; a row changed during the withdrawal month is treated as
    older than the withdrawal, so privacy wins over a same-month re-consent.
    """
    latest = frame.sort_values([*FAMILY_KEY, "vanaf_maand"], kind="mergesort").drop_duplicates(FAMILY_KEY, keep="last")
    month = pd.to_datetime(latest["vanaf_maand"].astype("string") + "-01", format="%Y-%m-%d", utc=True)
    latest = latest.assign(geldig_tot=month + pd.offsets.MonthBegin(1))
    return latest.reset_index(drop=True)


def _drop_tombstoned(frame: pd.DataFrame, tombstones: pd.DataFrame) -> pd.DataFrame:
    marks = tombstones[[*FAMILY_KEY, "geldig_tot"]]
    joined = frame.merge(marks, on=FAMILY_KEY, how="left")
    stale = joined["geldig_tot"].notna() & ~(joined["row_version"] >= joined["geldig_tot"]).fillna(False)
    return joined.loc[~stale].drop(columns="geldig_tot").reset_index(drop=True)


def _latest_aggregates(frame: pd.DataFrame) -> pd.DataFrame:
    """Per (device, quarter) the rows of the newest bundle covering that quarter (IMP-15)."""
    if frame.empty:
        return frame.assign(aanmeld_jaar=pd.Series(dtype="string"))
    newest = frame.groupby(["device_pid", "aanmeld_kwartaal"], dropna=False)["device_seq"].transform("max")
    kept = frame.loc[frame["device_seq"] == newest].reset_index(drop=True)
    return kept.assign(aanmeld_jaar=kept["aanmeld_kwartaal"].str.slice(0, 4))


def _bundle_frame(bundles: list[BundleTables]) -> pd.DataFrame:
    rows = [
        {
            "bundle_id": b.bundle_id,
            "device_pid": b.device_pid,
            "device_seq": b.device_seq,
            "pseudonym_key_id": b.pseudonym_key_id,
            "data_as_of": b.data_as_of,
            "generalisation_profile": b.generalisation_profile,
            "families_in_scope": b.families_in_scope,
            "families_exported": b.families_exported,
            "programmas": " ".join(sorted(b.programmas)),
        }
        for b in bundles
    ]
    dtypes = {
        "bundle_id": "string",
        "device_pid": "string",
        "device_seq": "Int64",
        "pseudonym_key_id": "string",
        "data_as_of": "string",
        "generalisation_profile": "string",
        "families_in_scope": "Int64",
        "families_exported": "Int64",
        "programmas": "string",
    }
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


def _with_profile(families: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Add the bundle's generalisation profile and a household column at level L1.

    'eenouder' is both an L0 and an L1 code; only the profile tells which one a row holds, so
    an L0 breakdown treats household codes from P4+ bundles as generalised.
    """
    profile = families[["bundle_id"]].merge(meta[["bundle_id", "generalisation_profile"]], on="bundle_id", how="left")
    out = families.assign(generalisation_profile=profile["generalisation_profile"].to_numpy())
    level_l1 = out["generalisation_profile"].isin(HOUSEHOLD_L1_PROFILES)
    household = out["huishouden_type"]
    l1 = household.map(lambda code: HUISHOUDEN_L1.get(code, code) if isinstance(code, str) else code)
    out["huishouden_l1"] = l1.astype("string")
    out["huishouden_l0"] = household.mask(level_l1 | household.isin(["tweeouder"]), "*")
    return out


def _with_periods(trajectories: pd.DataFrame) -> pd.DataFrame:
    parts = period_parts(trajectories["aanmeld_periode"])
    return pd.concat([trajectories, parts], axis=1)
