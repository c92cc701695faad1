"""Outcome indicator IND-11: life domains (De Ploeg method and the Netwerkkracht variant).

Leefgebied scores: per trajectory, meting and domain one score 1..5 (1 = aanzienlijk probleem).
A ``gecombineerd`` row is used as is; otherwise the family (``gezin``) and file (``dossier`` /
``coach``) scores are combined with ``combine_scores`` (C-7, default De Ploeg: the lower one).
Withheld special-category rows (EXP-02) are missing. The rules R4-R8 of leefgebieden-scoring
apply; the self-reliance total is the mean of the family scores rounded to one decimal (R7),
which is how the seed's totals were made. No per-family rows leave the ``ind_`` functions
(SUP-06); ``leefgebied_matrix`` is per family and for the analyst's own checks only.
Pure functions; run on a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from mpg_desktop.sync.analysis import codes, tidy
from mpg_desktop.sync.analysis.methods import (
    ScoreStrategy,
    aantal_probleemgebieden,
    combine_scores,
    zelfredzaamheid_afgerond,
    zelfredzaamheid_categorie,
    zelfredzaamheid_gewogen,
)
from mpg_desktop.sync.analysis.pooled import TRAJ_KEY, PooledData
from mpg_desktop.sync.analysis.selection import Period, TrajectorySelection, trajectory_frame

PROBLEM_CLASSES = ("0", "1", "2", "3 of meer")
CATEGORIES = ("1", "2", "3", "4", "5")
CHANGES = ("verbeterd", "gelijk", "verslechterd")
COUNT_CHANGES = ("afgenomen", "gelijk", "toegenomen")


def leefgebied_matrix(
    data: PooledData, *, combine: ScoreStrategy = "ploeg", domains: Sequence[str] | None = codes.LEEFGEBIEDEN_PLOEG
) -> pd.DataFrame:
    """One row per trajectory and meting, one column per domain, the combined score (missing if none).

    ``domains=None`` keeps every domain that occurs.
    """
    scores = data.leefgebied_scores
    key = [*TRAJ_KEY, "meting_nr", "leefgebied"]
    usable = scores.loc[scores["score"].notna() & ~scores["withheld"].eq(1).fillna(False)]
    stated = usable.loc[usable["bron"] == codes.BRON_GECOMBINEERD].groupby(key)["score"].min()
    family = usable.loc[usable["bron"] == codes.BRON_GEZIN].groupby(key)["score"].min()
    file = usable.loc[usable["bron"].isin(codes.BRON_DOSSIER)].groupby(key)["score"].min()
    pair = pd.concat([family.rename("gezin"), file.rename("dossier")], axis=1)
    combined = combine_scores(pair["gezin"], pair["dossier"], combine) if not pair.empty else pair["gezin"]
    assert isinstance(combined, pd.Series)
    final = stated.combine_first(combined).astype("Int64")
    metingen = scores[[*TRAJ_KEY, "meting_nr"]].drop_duplicates()
    index = pd.MultiIndex.from_frame(metingen)
    wide = final.unstack("leefgebied") if not final.empty else pd.DataFrame(index=index)
    columns = list(domains) if domains is not None else sorted(str(c) for c in wide.columns)
    wide = wide.reindex(index=index, columns=columns).astype("Int64")
    wide.columns.name = None
    return wide.reset_index()


def _scored(
    data: PooledData,
    *,
    combine: ScoreStrategy,
    domains: Sequence[str] | None,
    period: Period,
    selection: TrajectorySelection,
    by: Sequence[str],
) -> pd.DataFrame:
    wide = leefgebied_matrix(data, combine=combine, domains=domains)
    trajectories = trajectory_frame(data, period=period, selection=selection)
    attributes = trajectories[[*TRAJ_KEY, *[c for c in by if c not in wide.columns]]]
    return wide.merge(attributes, on=TRAJ_KEY, how="inner")


def _domains(wide: pd.DataFrame, domains: Sequence[str] | None, extra: Sequence[str]) -> list[str]:
    if domains is not None:
        return list(domains)
    fixed = {*TRAJ_KEY, "meting_nr", *extra}
    return [c for c in wide.columns if c not in fixed and not c.startswith("_")]


def _enough(scores: pd.DataFrame, max_missing: int = 2) -> pd.Series:
    return scores.notna().sum(axis=1) >= scores.shape[1] - max_missing


def ind_leefgebieden(
    data: PooledData,
    *,
    by: Sequence[str] = (),
    period: Period = None,
    trajectory_selection: TrajectorySelection = "all",
    combine: ScoreStrategy = "ploeg",
    domains: Sequence[str] = codes.LEEFGEBIEDEN_PLOEG,
    drempel: int = 3,
    familie_afronding: bool = True,
) -> pd.DataFrame:
    """IND-11 (De Ploeg): per meting the domain means, self-reliance, problem domains and categories.

    Measures: ``domeinscore`` (mean per domain, category = domain), ``zelfredzaamheid`` (mean of
    the family Z, each rounded half-up to one decimal first unless ``familie_afronding`` is off,
    R7), ``probleemgebieden`` (mean number of domains <= ``drempel``), ``probleemgebieden_klasse``
    (0, 1, 2, 3 of meer) and ``zelfredzaamheid_categorie`` (Z rounded half-up, 1..5, R6).
    Group column ``meting_nr`` is added to ``by``. Unit: family (trajectory) per meting.
    """
    wide = _scored(data, combine=combine, domains=domains, period=period, selection=trajectory_selection, by=by)
    scores = wide[list(domains)]
    groups = [*by, "meting_nr"]
    common: dict[str, Any] = {"by": groups, "indicator_id": "IND-11", "unit": "gezin"}
    parts = [
        tidy.summary(wide, domain, measure="domeinscore", category=domain, statistics=("mean",), **common)
        for domain in domains
    ]
    z = zelfredzaamheid_gewogen(scores)
    wide["_z"] = zelfredzaamheid_afgerond(scores) if familie_afronding else z
    problems = aantal_probleemgebieden(scores, drempel=drempel).where(_enough(scores))
    wide["_problemen"] = problems
    wide["_klasse"] = problems.astype("string").where((problems < 3).fillna(False), PROBLEM_CLASSES[-1])
    wide["_klasse"] = wide["_klasse"].where(problems.notna())
    wide["_categorie"] = zelfredzaamheid_categorie(z).astype("string")
    parts += [
        tidy.summary(wide, "_z", measure="zelfredzaamheid", statistics=("mean",), **common),
        tidy.summary(wide, "_problemen", measure="probleemgebieden", statistics=("mean",), **common),
        tidy.distribution(wide, "_klasse", measure="probleemgebieden_klasse", categories=PROBLEM_CLASSES, **common),
        tidy.distribution(wide, "_categorie", measure="zelfredzaamheid_categorie", categories=CATEGORIES, **common),
    ]
    return tidy.combine(parts)


def ind_leefgebieden_verandering(
    data: PooledData,
    *,
    van: int = 0,
    naar: int | None = None,
    by: Sequence[str] = (),
    period: Period = None,
    trajectory_selection: TrajectorySelection = "all",
    combine: ScoreStrategy = "ploeg",
    domains: Sequence[str] = codes.LEEFGEBIEDEN_PLOEG,
    drempel: int = 3,
) -> pd.DataFrame:
    """IND-11 change from meting ``van`` to ``naar`` (default: each family's latest later meting), R8.

    Measures: ``domeinverandering:<domain>`` (verbeterd / gelijk / verslechterd),
    ``categorieverandering`` (self-reliance category), ``probleemgebiedenverandering``
    (afgenomen / gelijk / toegenomen) and ``zelfredzaamheid_gestegen`` (Z rose). Unit: family.
    """
    wide = _scored(data, combine=combine, domains=domains, period=period, selection=trajectory_selection, by=by)
    before = wide.loc[wide["meting_nr"] == van]
    later = wide.loc[wide["meting_nr"] > van] if naar is None else wide.loc[wide["meting_nr"] == naar]
    later = later.sort_values([*TRAJ_KEY, "meting_nr"]).drop_duplicates(TRAJ_KEY, keep="last")
    pairs = before.merge(later[[*TRAJ_KEY, *domains]], on=TRAJ_KEY, suffixes=("", "_na"))
    a = pairs[list(domains)]
    b = pairs[[f"{d}_na" for d in domains]].set_axis(list(domains), axis=1)
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-11", "unit": "gezin"}
    parts = []
    for domain in domains:
        pairs["_verandering"] = _change(a[domain], b[domain], CHANGES)
        parts.append(
            tidy.distribution(
                pairs, "_verandering", measure=f"domeinverandering:{domain}", categories=CHANGES, **common
            )
        )
    z_a, z_b = zelfredzaamheid_gewogen(a), zelfredzaamheid_gewogen(b)
    pairs["_categorie"] = _change(zelfredzaamheid_categorie(z_a), zelfredzaamheid_categorie(z_b), CHANGES)
    problems_a = aantal_probleemgebieden(a, drempel=drempel).where(_enough(a))
    problems_b = aantal_probleemgebieden(b, drempel=drempel).where(_enough(b))
    # Fewer problem domains is progress, so the order of the comparison is reversed.
    pairs["_problemen"] = _change(problems_b, problems_a, COUNT_CHANGES)
    parts += [
        tidy.distribution(pairs, "_categorie", measure="categorieverandering", categories=CHANGES, **common),
        tidy.distribution(
            pairs, "_problemen", measure="probleemgebiedenverandering", categories=COUNT_CHANGES, **common
        ),
        tidy.share(
            pairs,
            (z_b > z_a).where(z_a.notna() & z_b.notna()),
            measure="zelfredzaamheid_gestegen",
            category="gestegen",
            **common,
        ),
    ]
    return tidy.combine(parts)


def _change(earlier: pd.Series, later: pd.Series, labels: Sequence[str]) -> pd.Series:
    """labels[0] when later > earlier, labels[1] when equal, labels[2] when lower; missing if either is."""
    diff = later.astype("Float64") - earlier.astype("Float64")
    result = pd.Series(pd.NA, index=diff.index, dtype="string")
    result = result.mask((diff > 0).fillna(False), labels[0]).mask((diff == 0).fillna(False), labels[1])
    return result.mask((diff < 0).fillna(False), labels[2])


def ind_problemen(
    data: PooledData,
    *,
    by: Sequence[str] = (),
    period: Period = None,
    trajectory_selection: TrajectorySelection = "all",
    combine: ScoreStrategy = "ploeg",
    domains: Sequence[str] | None = None,
    drempel: int = 3,
    per_leefgebied: bool = False,
) -> pd.DataFrame:
    """IND-11 Netwerkkracht variant: mean number of problems and mean severity per meting.

    A problem is a domain scored <= ``drempel``; its severity on the 1 (light) .. 3 (very
    serious) scale is ``drempel + 1 - score`` (3 -> 1, 2 -> 2, 1 -> 3). ``aantal_problemen`` is
    per family (unit gezin); ``ernst`` is over all problems (unit probleem), per domain as well
    when ``per_leefgebied`` (the Tabel A.3 layout). ``domains=None`` uses every domain scored.
    """
    wide = _scored(data, combine=combine, domains=domains, period=period, selection=trajectory_selection, by=by)
    names = _domains(wide, domains, by)
    scores = wide[names]
    groups = [*by, "meting_nr"]
    wide["_aantal"] = aantal_probleemgebieden(scores, drempel=drempel)
    long = wide.melt(id_vars=[*TRAJ_KEY, *groups], value_vars=names, var_name="leefgebied", value_name="_score")
    long = long.loc[(long["_score"] <= drempel).fillna(False)].copy()
    long["_ernst"] = (drempel + 1 - long["_score"]).astype("Float64")
    severity_by = [*groups, "leefgebied"] if per_leefgebied else groups
    return tidy.combine(
        [
            tidy.summary(
                wide,
                "_aantal",
                by=groups,
                measure="aantal_problemen",
                statistics=("mean",),
                indicator_id="IND-11",
                unit="gezin",
            ),
            tidy.summary(
                long,
                "_ernst",
                by=severity_by,
                measure="ernst",
                statistics=("mean",),
                indicator_id="IND-11",
                unit="probleem",
            ),
        ]
    )
