"""Trajectory indicators IND-05..IND-10 (privacy-export-analysis 3.2).

All read the record-level trajectories (consented families). Day columns are offsets from
the referral (day 0, EXP-40), so a duration is a difference of two offsets; months are
days / 30.4375 (C-5). Status comes from the export (derived from dates and closure reason,
C-4): ``lopend`` and ``afgesloten`` trajectories are the admitted ones. Each function states its
unit and default trajectory selection. Pure functions of ``PooledData``; run on a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from mpg_desktop.sync.analysis import codes, tidy
from mpg_desktop.sync.analysis.methods import Norm, maanden, norm_days
from mpg_desktop.sync.analysis.pooled import FAMILY_KEY, TRAJ_KEY, PooledData
from mpg_desktop.sync.analysis.selection import Period, TrajectorySelection, order_trajectories, trajectory_frame

DURATION_CLASSES = ("3", "6", "9", "12", ">12")  # months of guidance in three-month periods (Tabel 86)


def admitted_trajectories(data: PooledData, *, period: Period, selection: TrajectorySelection) -> pd.DataFrame:
    """Selected trajectories that were taken into guidance (status lopend or afgesloten)."""
    frame = trajectory_frame(data, period=period, selection=selection)
    return frame.loc[frame["status"].isin(codes.ADMITTED_STATUS)].reset_index(drop=True)


def ind_doorlooptijd_plan(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
    norm_dagen: Norm = 28,
    trajectory_selection: TrajectorySelection = "all",
) -> pd.DataFrame:
    """IND-05: days from intake to concept plan and to signed plan; share signed; share signed within norm.

    The start is ``intake_dag``, or the ``informatiefase_start`` event when intake is missing.
    The norm (days, or per programma) applies to the signed plan; its share is over the
    trajectories with a signed plan. Unit: trajectory (admitted).
    """
    frame = admitted_trajectories(data, period=period, selection=trajectory_selection)
    events = data.phase_events
    info = events.loc[events["event"] == codes.EVENT_INFORMATIEFASE_START].groupby(TRAJ_KEY)["dag"].min()
    fallback = frame.set_index(TRAJ_KEY).index.map(info.to_dict()) if not info.empty else None
    start = frame["intake_dag"].astype("Float64")
    if fallback is not None:
        start = start.fillna(pd.Series(fallback, index=frame.index, dtype="Float64"))
    frame["_concept"] = frame["plan_concept_dag"].astype("Float64") - start
    frame["_getekend"] = frame["plan_getekend_dag"].astype("Float64") - start
    limit = norm_days(frame, norm_dagen)
    within = (frame["_getekend"] <= limit).where(frame["_getekend"].notna() & limit.notna())
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-05", "unit": "traject"}
    rates: dict[str, Any] = {**common, "denominator": denominator}
    return tidy.combine(
        [
            tidy.summary(
                frame, "_concept", measure="dagen_tot_conceptplan", statistics=("median", "p75", "mean"), **common
            ),
            tidy.summary(
                frame, "_getekend", measure="dagen_tot_getekend_plan", statistics=("median", "p75", "mean"), **common
            ),
            tidy.share(
                frame, frame["plan_getekend_dag"].notna(), measure="plan_getekend", category="getekend", **rates
            ),
            tidy.share(frame, within, measure="getekend_binnen_norm", category="binnen_norm", **rates),
        ]
    )


def ind_duur(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
    trajectory_selection: TrajectorySelection = "last",
) -> pd.DataFrame:
    """IND-06: months from intake to end of closed trajectories: mean, median, shares <= 6, <= 12, > 12, > 6.

    A closed trajectory without end date (``einddatum_ontbreekt``) or intake has an unknown
    duration; ``duur_bekend`` is the share with a known one. Unit: family (last trajectory, C-2),
    closed only (C-6).
    """
    frame = admitted_trajectories(data, period=period, selection=trajectory_selection)
    closed = frame.loc[frame["status"] == "afgesloten"].copy()
    months = maanden(closed["eind_dag"].astype("Float64") - closed["intake_dag"].astype("Float64"))
    closed["_maanden"] = months
    known = months.notna()
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-06", "unit": "gezin"}
    rates: dict[str, Any] = {**common, "denominator": denominator}
    parts = [
        tidy.summary(closed, "_maanden", measure="duur_maanden", statistics=("mean", "median"), **common),
        tidy.share(closed, known, measure="duur_bekend", category="bekend", **rates),
    ]
    for name, condition in (
        ("duur_tot_6", months <= 6),
        ("duur_tot_12", months <= 12),
        ("duur_boven_12", months > 12),
        ("duur_boven_6", months > 6),
    ):
        parts.append(tidy.share(closed, condition.where(known), measure=name, category=name, **rates))
    return tidy.combine(parts)


def ind_verlenging(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
    trajectory_selection: TrajectorySelection = "first",
) -> pd.DataFrame:
    """IND-07: extensions and three-month periods (Tabel 86 layout) and aftercare.

    A trajectory has ``n_verlengingen + 1`` periods of three months. Measures: ``perioden``
    (trajectories with exactly k periods), ``evaluaties`` (trajectories with at least k
    periods, i.e. evaluations after 3k months; category = months), ``evaluaties_totaal``,
    ``verlengd`` (at least one extension), ``duur_klasse`` (3, 6, 9, 12, > 12 months),
    ``nazorg`` (closed trajectories with aftercare) and ``nazorg_dagen``. Unit: trajectory; the
    default selection is the first trajectory per family, as NP counted returning youths (C-2).
    """
    frame = admitted_trajectories(data, period=period, selection=trajectory_selection)
    periods = frame["n_verlengingen"].astype("Int64") + 1
    frame["_perioden"] = periods.astype("string")
    frame["_klasse"] = (periods * 3).astype("string").where((periods <= 4).fillna(False), ">12").where(periods.notna())
    top = int(periods.max()) if periods.notna().any() else 0
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-07", "unit": "traject"}
    rates: dict[str, Any] = {**common, "denominator": denominator}
    parts = [
        tidy.distribution(
            frame, "_perioden", measure="perioden", categories=[str(k) for k in range(1, top + 1)], **rates
        )
    ]
    for k in range(1, top + 1):
        reached = frame.loc[(periods >= k).fillna(False)]
        parts.append(tidy.counts(reached, measure="evaluaties", category=str(3 * k), **common))
    frame["_evaluaties"] = periods
    parts.append(tidy.counts(frame, weight="_evaluaties", measure="evaluaties_totaal", **common))
    parts.append(tidy.share(frame, frame["n_verlengingen"] >= 1, measure="verlengd", category="verlengd", **rates))
    parts.append(tidy.distribution(frame, "_klasse", measure="duur_klasse", categories=DURATION_CLASSES, **rates))
    closed = frame.loc[frame["status"] == "afgesloten"].copy()
    parts.append(tidy.share(closed, closed["nazorg_start_dag"].notna(), measure="nazorg", category="nazorg", **rates))
    closed["_nazorg"] = closed["nazorg_eind_dag"].astype("Float64") - closed["nazorg_start_dag"].astype("Float64")
    with_aftercare = closed.loc[closed["nazorg_start_dag"].notna()]
    parts.append(
        tidy.summary(with_aftercare, "_nazorg", measure="nazorg_dagen", statistics=("mean", "median"), **common)
    )
    return tidy.combine(parts)


def ind_resultaat(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
    trajectory_selection: TrajectorySelection = "last",
    exclude_ongoing: bool = False,
) -> pd.DataFrame:
    """IND-08: result among admitted families (Tabel 3.2) and closure reasons of closed trajectories.

    Category ``lopend`` for ongoing trajectories, otherwise the result judgement; ``onbekend``
    results are unknown. ``exclude_ongoing`` drops ongoing ones from the denominator (the B2.2
    layout). Unit: family (last trajectory, C-2).
    """
    frame = admitted_trajectories(data, period=period, selection=trajectory_selection)
    frame["_resultaat"] = frame["resultaat"].where(frame["status"] != codes.LOPEND, codes.LOPEND)
    if exclude_ongoing:
        frame = frame.loc[frame["status"] != codes.LOPEND]
    categories = [c for c in codes.RESULTAAT_CATEGORIEEN if not (exclude_ongoing and c == codes.LOPEND)]
    closed = frame.loc[frame["status"] == "afgesloten"]
    observed = set(closed["afsluitreden"].dropna())
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-08", "unit": "gezin", "denominator": denominator}
    return tidy.combine(
        [
            tidy.distribution(frame, "_resultaat", measure="resultaat", categories=categories, **common),
            tidy.distribution(
                closed,
                "afsluitreden",
                measure="afsluitreden",
                categories=[c for c in codes.AFSLUITREDEN if c in observed],
                **common,
            ),
        ]
    )


def ind_uitval(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
    trajectory_selection: TrajectorySelection = "all",
) -> pd.DataFrame:
    """IND-09: families whose guidance ended prematurely, the phase of dropout, and dropout within three contacts.

    A family dropped out when one of its selected trajectories has an ``uitval_fase`` other
    than ``geen``; its phase is that of its first such trajectory. ``binnen_3_contacten`` is the
    share of dropouts before or within the first three face-to-face contacts, over the dropouts
    outside return trajectories (004 L9211). Group values come from that trajectory, or the last
    one for families without dropout. Unit: family (all trajectories by default).
    """
    frame = trajectory_frame(data, period=period, selection=trajectory_selection)
    families = _family_dropout(frame)
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-09", "unit": "gezin"}
    rates: dict[str, Any] = {**common, "denominator": denominator}
    dropouts = families.loc[families["_uitval"].eq(True).fillna(False)]
    not_return = dropouts.loc[dropouts["uitval_fase"] != "terugkomsttraject"]
    return tidy.combine(
        [
            tidy.share(families, families["_uitval"], measure="uitval", category="uitval", **rates),
            tidy.distribution(dropouts, "uitval_fase", measure="uitval_fase", categories=codes.UITVAL, **rates),
            tidy.share(
                not_return,
                not_return["uitval_fase"].isin(codes.UITVAL_VROEG),
                measure="uitval_binnen_3_contacten",
                category="binnen_3_contacten",
                **rates,
            ),
        ]
    )


def _family_dropout(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per family: its first dropout trajectory, else its last trajectory; ``_uitval`` True/False/missing."""
    phase = frame["uitval_fase"]
    ordered = order_trajectories(frame.assign(_uitval=phase.isin(codes.UITVAL).astype("boolean").mask(phase.isna())))
    first_dropout = ordered.loc[ordered["_uitval"].eq(True).fillna(False)].drop_duplicates(FAMILY_KEY, keep="first")
    others = ordered.loc[~ordered.set_index(FAMILY_KEY).index.isin(first_dropout.set_index(FAMILY_KEY).index)]
    last = others.drop_duplicates(FAMILY_KEY, keep="last")
    # A family without dropout is known only when none of its trajectories lacks the phase.
    unknown = others["_uitval"].isna().groupby([others[c] for c in FAMILY_KEY]).any().rename("_onbekend")
    last = last.merge(unknown.reset_index(), on=FAMILY_KEY, how="left")
    last["_uitval"] = pd.Series(False, index=last.index, dtype="boolean").mask(last.pop("_onbekend"))
    return pd.concat([first_dropout, last], ignore_index=True)


def ind_terugkomst(
    data: PooledData, *, period: Period = None, by: Sequence[str] = (), denominator: tidy.Denominator = "known"
) -> pd.DataFrame:
    """IND-10: families with a new trajectory after an earlier one in the organisation, and months between referrals.

    Re-entry: more than one admitted trajectory in the pool, or an admitted trajectory with
    ``eerdere_trajecten`` > 0 (earlier ones may predate the export). Months between consecutive
    referrals need both referral periods at month level; others are unknown. Unit: family.
    """
    frame = admitted_trajectories(data, period=period, selection="all")
    ordered = order_trajectories(frame)
    grouped = ordered.groupby(FAMILY_KEY, sort=False)
    several = grouped["traj_pid"].transform("size") > 1
    earlier = grouped["eerdere_trajecten"].transform("max").fillna(0) > 0
    ordered["_terug"] = several | earlier
    month_index = _month_index(ordered["aanmeld_maand"])
    ordered["_maanden"] = month_index - month_index.groupby([ordered[c] for c in FAMILY_KEY], sort=False).shift(1)
    families = ordered.drop_duplicates(FAMILY_KEY, keep="last")
    later = ordered.loc[ordered.duplicated(FAMILY_KEY, keep="first")]
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-10", "unit": "gezin"}
    rates: dict[str, Any] = {**common, "denominator": denominator}
    return tidy.combine(
        [
            tidy.share(families, families["_terug"], measure="terugkomst", category="terugkomst", **rates),
            tidy.summary(
                later, "_maanden", measure="maanden_tussen_aanmeldingen", statistics=("mean", "median"), **common
            ),
        ]
    )


def _month_index(months: pd.Series) -> pd.Series:
    text = months.astype("string")
    year = pd.to_numeric(text.str.slice(0, 4)).astype("Float64")
    month = pd.to_numeric(text.str.slice(5, 7)).astype("Float64")
    return year * 12 + month
