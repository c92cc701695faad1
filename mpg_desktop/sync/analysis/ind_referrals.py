"""Referral indicators IND-01..IND-04 (privacy-export-analysis 3.2).

Two sources (EXP-04): ``"records"`` are the trajectories of families with monitoring consent,
counted per family after trajectory selection (C-2); ``"aggregate"`` is the anonymous referral
aggregate of all referrals, consent or not, counted per referral (no pseudonyms, so no unique
families). Admission figures default to the aggregate because non-admitted families were
hardly ever asked for consent: from records alone nearly everybody would look admitted.
Pure functions of ``PooledData``; run on a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

from mpg_desktop.sync.analysis import codes, tidy
from mpg_desktop.sync.analysis.methods import Norm, norm_days
from mpg_desktop.sync.analysis.pooled import FAMILY_KEY, PooledData
from mpg_desktop.sync.analysis.selection import Period, TrajectorySelection, in_period, trajectory_frame

Source = Literal["records", "aggregate"]


def referral_frame(
    data: PooledData, *, source: Source, period: Period = None, trajectory_selection: TrajectorySelection = "last"
) -> pd.DataFrame:
    """One row per counted referral: ``toelating`` (in_begeleiding, geen_begeleiding, missing) and weight ``n``."""
    if source == "aggregate":
        frame = data.referral_aggregates.assign(aanmeld_maand=pd.Series(pd.NA, dtype="string"))
        frame = frame.loc[in_period(frame, period)].copy()
        decided = frame["besluit"]
        frame["toelating"] = _admission(decided.isin(codes.BESLUIT_GO), decided.isin(codes.BESLUIT_NO_GO))
        return frame.reset_index(drop=True)
    frame = trajectory_frame(data, period=period, selection=trajectory_selection)
    status = frame["status"]
    frame["toelating"] = _admission(status.isin(codes.ADMITTED_STATUS), status.isin(codes.REJECTED_STATUS))
    frame["n"] = 1
    return frame


def _admission(admitted: pd.Series, rejected: pd.Series) -> pd.Series:
    result = pd.Series(pd.NA, index=admitted.index, dtype="string")
    return result.mask(admitted.fillna(False), codes.IN_BEGELEIDING).mask(
        rejected.fillna(False), codes.GEEN_BEGELEIDING
    )


def _unit(source: Source) -> str:
    return "aanmelding" if source == "aggregate" else "gezin"


def ind_aanmeldingen(
    data: PooledData, *, period: Period = None, by: Sequence[str] = (), source: Source = "records"
) -> pd.DataFrame:
    """IND-01: referral registrations, unique families and repeat registrations (C-1).

    From the aggregate only the number of referrals exists (no pseudonyms).
    """
    if source == "aggregate":
        frame = referral_frame(data, source="aggregate", period=period)
        return tidy.counts(frame, by=by, weight="n", indicator_id="IND-01", measure="aanmeldingen", unit="aanmelding")
    frame = trajectory_frame(data, period=period)
    referrals = tidy.counts(frame, by=by, indicator_id="IND-01", measure="aanmeldingen", unit="aanmelding")
    families = frame.drop_duplicates([*FAMILY_KEY, *by])
    unique = tidy.counts(families, by=by, indicator_id="IND-01", measure="unieke_gezinnen", unit="gezin")
    repeats = referrals.copy()
    repeats["measure"] = "herhaalde_aanmeldingen"
    repeats["numerator"] = referrals["numerator"] - unique["numerator"]
    repeats["value"] = repeats["numerator"]
    return tidy.combine([referrals, unique, repeats])


def ind_aanmelder(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
    source: Source = "aggregate",
    trajectory_selection: TrajectorySelection = "first",
) -> pd.DataFrame:
    """IND-02: referrals per referrer type, and per type the share taken into guidance (Tabel B2.1).

    Records count each family once, at its first referral in the period.
    """
    frame = referral_frame(data, source=source, period=period, trajectory_selection=trajectory_selection)
    observed = set(frame["aanmelder_type"].dropna())
    types = [code for code in codes.AANMELDER_TYPE if code in observed]
    unit = _unit(source)
    shares = tidy.distribution(
        frame,
        "aanmelder_type",
        by=by,
        categories=types,
        denominator=denominator,
        weight="n",
        indicator_id="IND-02",
        measure="aanmelder",
        unit=unit,
    )
    known = frame.assign(aanmelder_type=frame["aanmelder_type"].where(frame["aanmelder_type"].isin(types)))
    admitted = tidy.distribution(
        known,
        "toelating",
        by=[*by, "aanmelder_type"],
        categories=codes.TOELATING,
        denominator=denominator,
        weight="n",
        indicator_id="IND-02",
        measure="toelating",
        unit=unit,
    )
    return tidy.combine([shares, admitted])


def ind_toelating(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
    source: Source = "aggregate",
    trajectory_selection: TrajectorySelection = "last",
) -> pd.DataFrame:
    """IND-03: taken into guidance or not (Tabel 3.1, B2.1 rows) and the reasons for not admitting.

    Referrals without a decision yet are ``n_unknown``.
    """
    frame = referral_frame(data, source=source, period=period, trajectory_selection=trajectory_selection)
    unit = _unit(source)
    admission = tidy.distribution(
        frame,
        "toelating",
        by=by,
        categories=codes.TOELATING,
        denominator=denominator,
        weight="n",
        indicator_id="IND-03",
        measure="toelating",
        unit=unit,
    )
    rejected = frame.loc[frame["toelating"].eq(codes.GEEN_BEGELEIDING).fillna(False)]
    reasons = tidy.distribution(
        rejected,
        "afwijsreden",
        by=by,
        categories=[c for c in codes.AFWIJSREDEN if c in set(rejected["afwijsreden"].dropna())],
        denominator=denominator,
        weight="n",
        indicator_id="IND-03",
        measure="afwijsreden",
        unit=unit,
    )
    return tidy.combine([admission, reasons])


def ind_doorlooptijd_besluit(
    data: PooledData,
    *,
    period: Period = None,
    by: Sequence[str] = (),
    norm_besluit_dagen: Norm = 14,
    norm_eerste_contact_dagen: Norm = 3,
) -> pd.DataFrame:
    """IND-04: days from referral to decision and to first contact: median, P75, mean, share within norm.

    A norm is a number of days or a mapping programma -> days (B.8: De Ploeg 14 days to a
    decision, Take 5 three; NP first conversation within three days). Referrals of a programme
    without a norm count as unknown for the norm share. Unit: referral (all trajectories).
    """
    frame = trajectory_frame(data, period=period)
    parts = []
    for column, norm, name in (
        ("besluit_dag", norm_besluit_dagen, "besluit"),
        ("eerste_contact_dag", norm_eerste_contact_dagen, "eerste_contact"),
    ):
        parts.append(
            tidy.summary(
                frame,
                column,
                by=by,
                statistics=("median", "p75", "mean"),
                indicator_id="IND-04",
                measure=f"dagen_tot_{name}",
                unit="aanmelding",
            )
        )
        limit = norm_days(frame, norm)
        within = (frame[column].astype("Float64") <= limit).where(frame[column].notna() & limit.notna())
        parts.append(
            tidy.share(
                frame,
                within,
                by=by,
                category="binnen_norm",
                indicator_id="IND-04",
                measure=f"{name}_binnen_norm",
                unit="aanmelding",
            )
        )
    return tidy.combine(parts)
