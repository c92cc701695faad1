"""IND-15 data quality: the DQ panel (privacy-export-analysis 3.2, ANA-04 f).

One share per check, ``measure`` = the DQ id. DQ-08 (result forms returned for more
information) has no field in the export and is not computed. DQ-09 checks the imported data for
impossible orders of day offsets, since the status itself is derived (C-4). DQ-10 is the spread
(standard deviation) of the coaches' mean start scores; comparable families are not matched.
Pure function; run on a worker.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from mpg_desktop.sync.analysis import codes, tidy
from mpg_desktop.sync.analysis.ind_outcomes import leefgebied_matrix
from mpg_desktop.sync.analysis.ind_trajectories import admitted_trajectories
from mpg_desktop.sync.analysis.pooled import FAMILY_KEY, TRAJ_KEY, PooledData
from mpg_desktop.sync.analysis.selection import Period, TrajectorySelection, trajectory_frame

DEFAULT_CHARACTERISTICS = ("huishouden_type", "n_kinderen", "jongste_kind_leeftijd", "leeftijdssamenstelling")

# Pairs of day columns that must not decrease (earlier, later) on one trajectory.
DATE_ORDER = (
    ("besluit_dag", "intake_dag"),
    ("intake_dag", "plan_concept_dag"),
    ("plan_concept_dag", "plan_getekend_dag"),
    ("intake_dag", "eind_dag"),
    ("eind_dag", "nazorg_eind_dag"),
    ("nazorg_start_dag", "nazorg_eind_dag"),
)
DAY_COLUMNS = ("besluit_dag", "eerste_contact_dag", "intake_dag", "plan_concept_dag", "plan_getekend_dag", "eind_dag")


def ind_datakwaliteit(
    data: PooledData,
    *,
    period: Period = None,
    trajectory_selection: TrajectorySelection = "last",
    kenmerken: Sequence[str] = DEFAULT_CHARACTERISTICS,
) -> pd.DataFrame:
    """IND-15: DQ-01..07, DQ-09 and DQ-10 as shares (DQ-10 as a standard deviation).

    Family-level checks count each family once at its selected (default last) trajectory,
    as the Sociale Teams counts did (C-2).
    """
    selected = trajectory_frame(data, period=period, selection=trajectory_selection)
    admitted = admitted_trajectories(data, period=period, selection=trajectory_selection)
    closed = admitted.loc[admitted["status"] == "afgesloten"]
    families = _families(data, selected)
    in_care = admitted.drop_duplicates(FAMILY_KEY)
    # With one trajectory per family the unit is the family, as in the seeds' counts.
    unit = "traject" if trajectory_selection == "all" else "gezin"
    household = families["huishouden_type"]
    no_end = closed["eind_dag"].isna() | closed["einddatum_ontbreekt"].eq(1).fillna(False)
    parts = [
        _share(closed, no_end, "DQ-01", unit),
        # Only 'onbekend' is unknown here: '*' was generalised away by the k-gate, not unrecorded.
        _share(families, household.isna() | household.eq("onbekend").fillna(False), "DQ-02", "gezin"),
        _share(selected, _unknown(selected["aanmelder_type"]), "DQ-03", unit),
        _share(in_care, in_care["status"] == codes.LOPEND, "DQ-04", "gezin"),
    ]
    for column in kenmerken:
        if column in families.columns:
            part = _share(families, ~_unknown(families[column]), "DQ-05", "gezin")
            parts.append(part.assign(category=column))
    no_age = _unknown(families["leeftijdssamenstelling"]) & _unknown(families["jongste_kind_leeftijd"])
    parts.append(_share(families, no_age, "DQ-06", "gezin"))
    parts.append(_share(closed, closed["plan_getekend_dag"].isna(), "DQ-07", unit))
    parts.append(_share(selected, _impossible_order(selected), "DQ-09", unit))
    parts.append(_coach_spread(data, selected))
    return tidy.combine(parts)


def _families(data: PooledData, selected: pd.DataFrame) -> pd.DataFrame:
    """Family rows of the families that have a selected trajectory."""
    keys = selected[FAMILY_KEY].drop_duplicates()
    return data.families.merge(keys, on=FAMILY_KEY, how="inner")


def _unknown(values: pd.Series) -> pd.Series:
    return values.isna() | values.isin(list(codes.UNKNOWN))


def _share(frame: pd.DataFrame, condition: pd.Series, check: str, unit: str) -> pd.DataFrame:
    return tidy.share(
        frame, condition, indicator_id="IND-15", measure=check, category=check, unit=unit, denominator="total"
    )


def _impossible_order(frame: pd.DataFrame) -> pd.Series:
    bad = pd.Series(False, index=frame.index)
    for earlier, later in DATE_ORDER:
        bad |= (frame[later] < frame[earlier]).fillna(False).astype(bool)
    for column in DAY_COLUMNS:
        bad |= (frame[column] < 0).fillna(False).astype(bool)
    status = frame["status"]
    bad |= ((status == codes.LOPEND) & frame["eind_dag"].notna()).fillna(False).astype(bool)
    closed_without_end = (
        (status == "afgesloten") & frame["eind_dag"].isna() & ~frame["einddatum_ontbreekt"].eq(1).fillna(False)
    )
    return bad | closed_without_end.fillna(False).astype(bool)


def _coach_spread(data: PooledData, selected: pd.DataFrame) -> pd.DataFrame:
    """DQ-10: standard deviation over coaches of their families' mean domain score at the 0-meting."""
    wide = leefgebied_matrix(data, domains=None)
    start = wide.loc[wide["meting_nr"] == 0]
    domains = [c for c in start.columns if c not in (*TRAJ_KEY, "meting_nr")]
    start = start.assign(_gemiddeld=start[domains].astype("Float64").mean(axis=1, skipna=True))
    start = start.merge(selected[[*TRAJ_KEY, "coach_pid"]], on=TRAJ_KEY, how="inner")
    means = start.groupby("coach_pid")["_gemiddeld"].mean().astype("Float64")
    frame = pd.DataFrame({"_coach_gemiddelde": means.to_numpy()})
    result = tidy.summary(
        frame, "_coach_gemiddelde", statistics=("mean",), indicator_id="IND-15", measure="DQ-10", unit="medewerker"
    )
    spread = float(means.std(ddof=1)) if len(means) > 1 else float("nan")
    return result.assign(statistic="sd", numerator=pd.NA, value=spread).astype(
        {"numerator": "Float64", "value": "Float64"}
    )
