"""Method helpers of ANA-05, vectorised over pandas objects.

* ``zelfredzaamheid_gewogen``: Z = sum S*(6-S) / sum (6-S) over the scored domains (R5);
  missing when more than ``max_ontbrekend`` domains are unscored (7 of 9 needed, Proposed).
* ``zelfredzaamheid_afgerond``: Z per family rounded half-up to one decimal, the value a group
  total averages (R7).
* ``zelfredzaamheid_categorie``: Z rounded half-up to 1..5 (R6).
* ``aantal_probleemgebieden``: domains with S <= ``drempel`` (R4, default 3).
* ``combine_scores``: C-7, ``"ploeg"`` (family score unless the file score is lower, i.e. the
  minimum) or ``"np"`` (mean of youth and coach, a .5 mean rounded toward the youth); with one
  score missing the other is used (Proposed in gas.md 1.4 and leefgebieden-scoring 4.3).
* ``maanden``: days / 30.4375 (C-5).
* ``afronden``, ``percentage``: half-up rounding for presentation (C-8), exact for whole-number ratios.
* ``norm_days``: a programme norm (B.8) per row.
Pure functions, any thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import numpy as np
import pandas as pd

from mpg_desktop.models.rounding import round_half_up

DAYS_PER_MONTH = 30.4375  # 365.25 / 12
ScoreStrategy = Literal["ploeg", "np"]
Norm = int | Mapping[str, int]  # days, or days per programma


def maanden(dagen: pd.Series) -> pd.Series:
    """Days to months (C-5)."""
    return dagen / DAYS_PER_MONTH


def zelfredzaamheid_gewogen(scores: pd.DataFrame, *, max_ontbrekend: int = 2) -> pd.Series:
    """R5 per row of a wide frame: one row per family and meting, one column per domain."""
    values = scores.astype("Float64")
    weights = 6 - values
    z = (values * weights).sum(axis=1, skipna=True) / weights.sum(axis=1, skipna=True)
    enough = values.notna().sum(axis=1) >= scores.shape[1] - max_ontbrekend
    return z.where(enough & values.notna().any(axis=1)).astype("Float64")


def zelfredzaamheid_afgerond(scores: pd.DataFrame, *, decimals: int = 1, max_ontbrekend: int = 2) -> pd.Series:
    """Z rounded half-up to ``decimals`` per row, exactly: Z = a/b is rounded as whole numbers (R7)."""
    values = scores.astype("Int64")
    weights = 6 - values
    a = (values * weights).sum(axis=1, skipna=True)
    b = weights.sum(axis=1, skipna=True)
    scale = 10**decimals
    # floor(a/b * scale + 1/2) == floor((2 * a * scale + b) / (2 * b)) for positive whole numbers.
    rounded = ((2 * a * scale + b) // (2 * b).where(b > 0)).astype("Float64") / scale
    enough = values.notna().sum(axis=1) >= scores.shape[1] - max_ontbrekend
    return rounded.where(enough & values.notna().any(axis=1)).astype("Float64")


def zelfredzaamheid_categorie(z: pd.Series) -> pd.Series:
    """R6: Z rounded half-up to a whole number 1..5 (exact: a tie Z = a/b = k + 1/2 is exact in binary)."""
    return np.floor(z.astype("Float64") + 0.5).astype("Int64")


def aantal_probleemgebieden(scores: pd.DataFrame, *, drempel: int = 3) -> pd.Series:
    """R4: per row, the number of domains with a score at or below ``drempel`` (unscored never counts)."""
    return (scores.astype("Float64") <= drempel).fillna(False).sum(axis=1).astype("Int64")


def combine_scores(
    first: pd.Series | int | None, second: pd.Series | int | None, strategy: ScoreStrategy = "ploeg"
) -> pd.Series | int | None:
    """C-7 on two scores 1..5: ``first`` is the family (ploeg) or youth (np) score, ``second`` the file or coach's."""
    if not isinstance(first, pd.Series) and not isinstance(second, pd.Series):
        a = pd.Series([first], dtype="Int64")
        b = pd.Series([second], dtype="Int64")
        value = combine_scores(a, b, strategy)
        assert isinstance(value, pd.Series)
        return None if pd.isna(value.iloc[0]) else int(value.iloc[0])
    index = first.index if isinstance(first, pd.Series) else second.index  # type: ignore[union-attr]
    a = _as_scores(first, index)
    b = _as_scores(second, index)
    if strategy == "ploeg":
        both = pd.concat([a, b], axis=1).min(axis=1, skipna=True)
    else:
        total = a + b
        # A .5 mean goes toward the youth: down when the youth scored lower, up otherwise.
        both = (total // 2).where((total % 2 == 0) | (a < b), total // 2 + 1)
    return both.where(a.notna() & b.notna(), a.fillna(b)).astype("Int64")


def _as_scores(value: pd.Series | int | None, index: pd.Index) -> pd.Series:
    if isinstance(value, pd.Series):
        return value.astype("Int64")
    return pd.Series([value] * len(index), index=index, dtype="Int64")


def afronden(value: float | Fraction | int, decimals: int = 0) -> Decimal:
    """Half-up rounding for presentation (C-8); pass a Fraction for exact percentages."""
    return round_half_up(value, decimals)


def percentage(numerator: int, denominator: int, decimals: int = 1) -> Decimal:
    """numerator / denominator as a percentage, rounded half-up exactly (no binary float on the way)."""
    return round_half_up(Fraction(100 * numerator, denominator), decimals)


def norm_days(frame: pd.DataFrame, norm: Norm) -> pd.Series:
    """The norm in days for every row: one number, or looked up by ``programma`` (missing if not listed)."""
    if isinstance(norm, int):
        return pd.Series(float(norm), index=frame.index, dtype="Float64")
    return frame["programma"].map(dict(norm)).astype("Float64")
