"""The Kiresuk-Sherman GAS T-score applied to the 004 scale (gas.md 4).

    T = 50 + 10 * sum(w_i * x_i) / sqrt((1 - rho) * sum(w_i^2) + rho * (sum w_i)^2)

with x_i the value from the zero point (-2..+2, i.e. score - 3), weights w_i > 0 (default 1) and
rho = 0.3. On the 004 scale 0 means "unchanged since the goal was set", not the "expected
outcome" of classic GAS, so T = 50 means "no change on average" and the values are not
comparable with published GAS T-scores (T_SCORE_NOTE). 004 itself never uses T.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mpg_desktop.models.gas_scale import score_to_value

DEFAULT_RHO = 0.3
T_SCORE_LABEL = "T-score (Kiresuk–Sherman-formule op 004-schaal)"
T_SCORE_NOTE = (
    "Op deze schaal is 0 'situatie hetzelfde gebleven' en +2 'doel geheel behaald'. "
    "T = 50 betekent dus: gemiddeld geen verandering sinds de doelen zijn opgesteld. "
    "De waarde is niet te vergelijken met gepubliceerde GAS T-scores. Berekend met ρ = {rho}."
)


@dataclass(frozen=True)
class TScore:
    """A T-score with the number of goals it rests on (show both; the ceiling depends on n)."""

    value: float
    n_goals: int
    rho: float = DEFAULT_RHO

    @property
    def note(self) -> str:
        return T_SCORE_NOTE.format(rho=str(self.rho).replace(".", ","))


def kiresuk_sherman_t(values: Sequence[int], weights: Sequence[float] | None = None, rho: float = DEFAULT_RHO) -> float:
    """T for goal values -2..+2 and positive weights (all 1 when None).

    Raises ValueError for no goals, a value off the scale, a non-positive weight, unequal lengths
    or rho outside 0..1.
    """
    if not values:
        raise ValueError("a T-score needs at least one scored goal")
    if any(isinstance(x, bool) or x not in (-2, -1, 0, 1, 2) for x in values):
        raise ValueError(f"GAS values must be -2..+2, got {list(values)}")
    w = [1.0] * len(values) if weights is None else [float(weight) for weight in weights]
    if len(w) != len(values):
        raise ValueError("one weight per goal")
    if any(not weight > 0 for weight in w):
        raise ValueError("weights must be positive")
    if not 0.0 <= rho <= 1.0:
        raise ValueError("rho must lie in 0..1")
    numerator = sum(weight * x for weight, x in zip(w, values, strict=True))
    denominator = math.sqrt((1 - rho) * sum(weight * weight for weight in w) + rho * sum(w) ** 2)
    return 50.0 + 10.0 * numerator / denominator


def t_score(scored_goals: Iterable[tuple[int | None, float]], rho: float = DEFAULT_RHO) -> TScore | None:
    """T from (score 1..5 or None, weight) pairs; unscored goals are left out, None when none is left."""
    pairs = [(score, weight) for score, weight in scored_goals if score is not None]
    if not pairs:
        return None
    values = [score_to_value(score) for score, _ in pairs]
    weights = [weight for _, weight in pairs]
    return TScore(kiresuk_sherman_t(values, weights, rho), len(pairs), rho)
