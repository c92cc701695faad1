"""Leefgebieden indicators per family and over a group of families (leefgebieden-scoring 6, I1-I8).

Pure functions over ``MetingResult`` values: one family's change between two metingen
(``FamilyChange``, R8) and the group figures the 002 study prints (domain means, self-reliance
total, problem-domain counts, per-domain profile, categories). Means are exact Fractions; show
them with ``leefgebieden_scoring.display`` (one decimal, half-up).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from mpg_desktop.models.leefgebieden_scoring import (
    SCORE_MAX,
    SCORE_MIN,
    Change,
    MetingResult,
    display,
    domain_change,
)

TARGET_GROUP_MIN_DOMAINS = 5  # 002 L5006-5009: (serious) problems on at least five domains


@dataclass(frozen=True)
class FamilyChange:
    """One family from meting ``earlier`` to ``later`` (default: 0 versus the latest)."""

    earlier: MetingResult
    later: MetingResult

    def domain_changes(self) -> dict[str, Change | None]:
        return {code: domain_change(s, self.later.scores.get(code)) for code, s in self.earlier.scores.items()}

    def change_counts(self) -> dict[Change, int]:
        changes = list(self.domain_changes().values())
        return {kind: changes.count(kind) for kind in Change}

    @property
    def delta_z(self) -> Fraction | None:
        a, b = self.earlier.z, self.later.z
        return None if a is None or b is None else b - a

    @property
    def category_change(self) -> Change | None:
        """R8: progress in self-reliance is a rise of the category."""
        return domain_change(self.earlier.category, self.later.category)

    def goal_domain_progress(self, goal_domains: Collection[str]) -> tuple[int, int, int]:
        """I7: (domains with a goal, of these improved, improved domains without a goal)."""
        changes = self.domain_changes()
        with_goal = [code for code in changes if code in goal_domains]
        improved_with = sum(changes[code] is Change.IMPROVED for code in with_goal)
        improved_without = sum(kind is Change.IMPROVED for code, kind in changes.items() if code not in goal_domains)
        return len(with_goal), improved_with, improved_without


def in_target_group(result: MetingResult, min_domains: int = TARGET_GROUP_MIN_DOMAINS) -> bool:
    """I8: problems on at least ``min_domains`` domains (threshold from the result's rules)."""
    return len(result.problem_domains) >= min_domains


def domain_means(results: Sequence[MetingResult]) -> dict[str, Fraction | None]:
    """I2 / the 'Totaal' row: per domain the mean over the families that have a score."""
    codes = results[0].scores.keys() if results else ()
    means: dict[str, Fraction | None] = {}
    for code in codes:
        present = [s for r in results if (s := r.scores.get(code)) is not None]
        means[code] = Fraction(sum(present), len(present)) if present else None
    return means


def self_reliance_total(results: Sequence[MetingResult]) -> Decimal | None:
    """R7: the mean of the one-decimal family Z values, rounded half-up to one decimal."""
    shown = [z for r in results if (z := r.z_display) is not None]
    return display(Fraction(sum(shown, Decimal(0))) / len(shown)) if shown else None


def mean_problem_domains(results: Sequence[MetingResult]) -> Fraction | None:
    """I3: mean number of problem domains per family."""
    return Fraction(sum(len(r.problem_domains) for r in results), len(results)) if results else None


def category_counts(results: Sequence[MetingResult]) -> dict[int, int]:
    """I5: families per self-reliance category 1..5 (families without Z are left out)."""
    categories = [r.category for r in results]
    return {c: categories.count(c) for c in range(SCORE_MIN, SCORE_MAX + 1)}


@dataclass(frozen=True)
class DomainProfile:
    """I4 for one domain over a group of families (pairs of metingen)."""

    code: str
    earlier: tuple[int | None, ...]  # per family, S at the earlier meting
    later: tuple[int | None, ...]

    def counts(self, later: bool = False) -> dict[int, int]:
        """Families per score 1..5 at the earlier (or later) meting."""
        scores = self.later if later else self.earlier
        return {s: scores.count(s) for s in range(SCORE_MIN, SCORE_MAX + 1)}

    def at_most(self, threshold: int, later: bool = False) -> int:
        """Families with S <= threshold (3: a problem; 2: probleem or worse; 1: aanzienlijk)."""
        scores = self.later if later else self.earlier
        return sum(1 for s in scores if s is not None and s <= threshold)

    def _changes(self) -> list[tuple[int, int, Change]]:
        pairs = zip(self.earlier, self.later, strict=True)
        return [(a, b, kind) for a, b in pairs if a is not None and b is not None and (kind := domain_change(a, b))]

    def change_count(self, kind: Change, among_at_most: int | None = None) -> int:
        """Families with this change, optionally only those with S <= ``among_at_most`` earlier."""
        return sum(1 for a, _, k in self._changes() if k is kind and (among_at_most is None or a <= among_at_most))

    def improved_reaching(self, minimum: int) -> int:
        """Improved families whose later score is at least ``minimum`` (4: gaat redelijk goed, 5)."""
        return sum(1 for _, b, k in self._changes() if k is Change.IMPROVED and b >= minimum)


def domain_profile(families: Sequence[FamilyChange], code: str) -> DomainProfile:
    return DomainProfile(
        code,
        tuple(f.earlier.scores.get(code) for f in families),
        tuple(f.later.scores.get(code) for f in families),
    )
