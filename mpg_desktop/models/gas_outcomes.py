"""Building blocks for the 004 outcome layouts (gas.md 1.6, 6: R1-R6), over lists of scores.

* ``OutcomeDistribution``: per goal the N, count and percentage per category and "improved"
  (= geheel + deels behaald); percentages one decimal, half-up (R1-R3).
* ``ScoreSummary``: mean and SD of scores 1..5; ``pooled`` combines groups exactly (the margins of
  Tabel 89, R6); ``remainder`` is the part of a total not covered by listed groups (the check of
  Bijlage 15's "Alle jongeren" against its duration rows, R4).
* ``trajectory_count_table``: evaluations and youths by number of three-month trajectories (Tabel
  86, R5): every trajectory ends in one GAS evaluation.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from mpg_desktop.models.gas_scale import GasLevel, validate_score
from mpg_desktop.models.rounding import round_half_up

LEVELS_BEST_FIRST = tuple(sorted(GasLevel, reverse=True))
TRAJECTORY_MONTHS = 3


def percentage(part: int, whole: int, decimals: int = 1) -> Decimal:
    """100 * part / whole, half-up to ``decimals`` places. ValueError when ``whole`` is 0."""
    if whole <= 0:
        raise ValueError("a percentage of nothing is undefined")
    return round_half_up(Fraction(100 * part, whole), decimals)


@dataclass(frozen=True)
class OutcomeDistribution:
    """Counts of one goal's scores over the five categories."""

    counts: Mapping[GasLevel, int]

    @classmethod
    def from_scores(cls, scores: Iterable[int]) -> OutcomeDistribution:
        """From stored scores 1..5 (leave unscored goals out before calling)."""
        tally = Counter(GasLevel.from_score(score) for score in scores)
        return cls({level: tally.get(level, 0) for level in LEVELS_BEST_FIRST})

    @classmethod
    def from_counts(cls, counts: Mapping[GasLevel, int]) -> OutcomeDistribution:
        return cls({level: int(counts.get(level, 0)) for level in LEVELS_BEST_FIRST})

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    @property
    def improved(self) -> int:
        """Doel geheel behaald + Doel deels behaald."""
        return self.counts[GasLevel.ACHIEVED] + self.counts[GasLevel.PROGRESS]

    def percentage(self, level: GasLevel, decimals: int = 1) -> Decimal:
        return percentage(self.counts[level], self.n, decimals)

    def improved_percentage(self, decimals: int = 1) -> Decimal:
        return percentage(self.improved, self.n, decimals)

    def mean_score(self) -> Fraction:
        """Mean on the 1..5 scale (Bijlage 15 style); ValueError when empty."""
        if self.n == 0:
            raise ValueError("no scores")
        return Fraction(sum(level.score * count for level, count in self.counts.items()), self.n)


@dataclass(frozen=True)
class ScoreSummary:
    """N, mean and sample SD (n - 1) of scores on the 1..5 scale; SD is None below two scores."""

    n: int
    mean: float
    sd: float | None = None

    @classmethod
    def from_scores(cls, scores: Iterable[int]) -> ScoreSummary:
        values = [validate_score(score) for score in scores]
        if not values:
            raise ValueError("no scores")
        sd = statistics.stdev(values) if len(values) > 1 else None
        return cls(len(values), statistics.fmean(values), sd)


def pooled(groups: Sequence[ScoreSummary]) -> ScoreSummary:
    """The summary of the union of disjoint groups (exact for mean and sample SD)."""
    n = sum(group.n for group in groups)
    if n == 0:
        raise ValueError("no groups")
    mean = sum(group.n * group.mean for group in groups) / n
    if n < 2 or any(group.sd is None and group.n > 1 for group in groups):
        return ScoreSummary(n, mean, None)
    squares = sum((group.n - 1) * (group.sd or 0.0) ** 2 + group.n * (group.mean - mean) ** 2 for group in groups)
    return ScoreSummary(n, mean, math.sqrt(squares / (n - 1)))


def remainder(total: ScoreSummary, parts: Sequence[ScoreSummary]) -> ScoreSummary | None:
    """N and mean of the members of ``total`` outside ``parts`` (SD unknown).

    None when the parts already cover the total. ValueError when the parts are larger than the
    total: the groups cannot be subsets of it (as in Bijlage 15 D4 goal 1 at 3 months, gas.md 8.10).
    """
    n = total.n - sum(part.n for part in parts)
    if n < 0:
        raise ValueError(f"the parts hold {-n} more than the total")
    if n == 0:
        return None
    rest = total.n * total.mean - sum(part.n * part.mean for part in parts)
    return ScoreSummary(n, rest / n, None)


@dataclass(frozen=True)
class TrajectoryCountRow:
    """One row of Tabel 86: ``n_trajectories`` three-month blocks = ``months`` of support."""

    n_trajectories: int
    evaluations: int  # youths with at least this many trajectories: one GAS evaluation each
    youths: int  # youths with exactly this many trajectories

    @property
    def months(self) -> int:
        return TRAJECTORY_MONTHS * self.n_trajectories


def trajectory_count_table(trajectories_per_youth: Iterable[int]) -> list[TrajectoryCountRow]:
    """Tabel 86 from the number of trajectories of each youth (each at least 1).

    The evaluations column sums to the total number of GAS evaluations, the youths column to the
    number of youths.
    """
    counts = Counter(trajectories_per_youth)
    if any(n < 1 for n in counts):
        raise ValueError("every youth has at least one trajectory")
    if not counts:
        return []
    rows = []
    for k in range(1, max(counts) + 1):
        at_least = sum(count for n, count in counts.items() if n >= k)
        rows.append(TrajectoryCountRow(k, at_least, counts.get(k, 0)))
    return rows
