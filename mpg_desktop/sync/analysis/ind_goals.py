"""Outcome indicator IND-12: goal attainment (GAS, gas.md 1.4-1.6 and section 6 R1).

The score of an evaluation is ``score_gecombineerd``, or the NP rule on the client's and the
coach's score when that is empty (C-7; network scores never count). A goal's result is its
score at one moment: the last scored period (``eind``, "at definitive closure"), the first,
or a given period number. Pure functions; run on a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from mpg_desktop.sync.analysis import codes, tidy
from mpg_desktop.sync.analysis.methods import combine_scores
from mpg_desktop.sync.analysis.pooled import FAMILY_KEY, GOAL_KEY, TRAJ_KEY, PooledData
from mpg_desktop.sync.analysis.selection import Period, TrajectorySelection, trajectory_frame

Moment = Literal["eind", "eerste"] | int


def goal_scores(data: PooledData, *, moment: Moment = "eind") -> pd.DataFrame:
    """Per goal the combined GAS score at ``moment``: ``eind`` (last scored period), ``eerste`` or a period number."""
    evaluations = data.goal_evaluations.copy()
    computed = combine_scores(evaluations["score_client"], evaluations["score_coach"], "np")
    assert isinstance(computed, pd.Series)
    evaluations["_score"] = evaluations["score_gecombineerd"].fillna(computed)
    evaluations = evaluations.loc[evaluations["_score"].notna()]
    if moment == "eind":
        chosen = evaluations.sort_values([*GOAL_KEY, "periode_nr"]).drop_duplicates(GOAL_KEY, keep="last")
    else:
        number = 1 if moment == "eerste" else int(moment)
        chosen = evaluations.loc[evaluations["periode_nr"] == number]
    return chosen[[*GOAL_KEY, "periode_nr", "_score"]].reset_index(drop=True)


def ind_doelrealisatie(
    data: PooledData,
    *,
    by: Sequence[str] = ("doelcategorie",),
    moment: Moment = "eind",
    period: Period = None,
    trajectory_selection: TrajectorySelection = "first",
    denominator: tidy.Denominator = "known",
) -> pd.DataFrame:
    """IND-12: GAS result per goal group (gas.md R1) and the share of persons with such a goal.

    Measures: ``gas`` (five categories, score 5 .. 1), ``verbeterd`` (geheel + deels behaald),
    ``gemiddelde_score`` (1..5) over goals (unit doel; goals without a score at ``moment`` are
    unknown), and ``prevalentie``: families with at least one goal of the group among all
    admitted families of the selection (unit gezin). Default: the first trajectory per family
    with its last score, as NP reported results at closure (gas.md 1.6).
    """
    trajectories = trajectory_frame(data, period=period, selection=trajectory_selection)
    admitted = trajectories.loc[trajectories["status"].isin(codes.ADMITTED_STATUS)]
    goals = data.goals.merge(admitted, on=TRAJ_KEY, how="inner", suffixes=("", "_traject"))
    goals = goals.merge(goal_scores(data, moment=moment), on=GOAL_KEY, how="left")
    goals["_label"] = goals["_score"].map(codes.GAS_LABELS).astype("string")
    common: dict[str, Any] = {"by": by, "indicator_id": "IND-12", "unit": "doel", "denominator": denominator}
    return tidy.combine(
        [
            tidy.distribution(goals, "_label", measure="gas", categories=list(codes.GAS_LABELS.values()), **common),
            tidy.share(goals, goals["_score"] >= 4, measure="verbeterd", category="verbeterd", **common),
            tidy.summary(
                goals,
                "_score",
                by=by,
                measure="gemiddelde_score",
                statistics=("mean",),
                indicator_id="IND-12",
                unit="doel",
            ),
            _prevalence(admitted, goals, by),
        ]
    )


def _prevalence(admitted: pd.DataFrame, goals: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Families with a goal of each goal group among all admitted families (other ``by`` columns kept)."""
    goal_by = [c for c in by if c in ("doelcategorie", "leefgebied")]
    other_by = [c for c in by if c not in goal_by]
    families = admitted.drop_duplicates(FAMILY_KEY)
    family_index = families.set_index(FAMILY_KEY).index
    groups = goals.groupby(goal_by, dropna=False) if goal_by else [((), goals)]
    parts = []
    for values, group in groups:
        having = group.set_index(FAMILY_KEY).index
        flag = pd.Series(np.asarray(family_index.isin(having)), index=families.index)
        part = tidy.share(
            families, flag, by=other_by, measure="prevalentie", category="met_doel", indicator_id="IND-12", unit="gezin"
        )
        for column, value in zip(goal_by, values if isinstance(values, tuple) else (values,), strict=True):
            part[column] = value
        parts.append(part)
    return tidy.combine(parts)
