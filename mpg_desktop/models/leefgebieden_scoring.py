"""The exact leefgebieden scoring rules R1-R8 of leefgebieden-scoring.md (De Ploeg, seed 002).

R1 every item and domain score is a whole number 1..5, lower = bigger problems.
R2 items -> domain score: half-up rounded mean of the answered items, at least three answered
   (Proposed; ``ItemAggregation.MIN`` is the alternative setting).
R3 two sources per domain (family interview, file/coach) merge as the minimum.
R4 a problem domain has S <= 3; bands 1 / 2 / 3 are reported apart.
R5 Z = sum S*(6-S) / sum (6-S) over the scored domains (a weighted mean, always within 1..5);
   Z is missing when more than two domains are unscored (7 of 9, Proposed).
R6 category = Z rounded half-up to a whole number, labelled with the zelfredzaamheid scale.
R7 display: one decimal, half-up; a group total is the mean of the one-decimal family values.
R8 change: per domain improved / same / worse; per family the category change and delta Z.
Exact arithmetic (Fraction) throughout, so rounding is never disturbed by binary floats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from mpg_desktop.models.leefgebieden_sets import scale_labels
from mpg_desktop.models.rounding import round_half_up, round_half_up_int
from mpg_desktop.models.validation import ValidationError

SCORE_MIN = 1
SCORE_MAX = 5
DISPLAY_DECIMALS = 1


class ItemAggregation(StrEnum):
    ROUND_MEAN = "round_mean"
    MIN = "min"


@dataclass(frozen=True)
class ScoringRules:
    """Per-instrument settings (leefgebieden-scoring 9); the defaults are De Ploeg's."""

    item_aggregation: ItemAggregation = ItemAggregation.ROUND_MEAN
    min_items_answered: int = 3
    problem_threshold: int = 3  # a domain with S <= this is a problem domain
    max_missing_domains: int = 2  # Z needs all but this many domains scored (7 of 9)


DE_PLOEG_RULES = ScoringRules()


def validate_domain_score(score: int, field: str = "Score") -> int:
    """``score`` if it is a whole number 1..5, else ValidationError with a Dutch message."""
    if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
        raise ValidationError(field, f"{field}: {score!r} ligt niet op de schaal. Kies een score van 1 tot en met 5.")
    return score


def aggregate_items(scores: Iterable[int | None], rules: ScoringRules = DE_PLOEG_RULES) -> int | None:
    """R2: one domain score from item scores; None when fewer than the minimum are answered."""
    answered = [validate_domain_score(score, "Item") for score in scores if score is not None]
    if len(answered) < rules.min_items_answered or not answered:
        return None
    if rules.item_aggregation is ItemAggregation.MIN:
        return min(answered)
    return round_half_up_int(Fraction(sum(answered), len(answered)))


def merge_sources(scores: Iterable[int | None]) -> int | None:
    """R3: the lower of the source scores that are present; None when none is."""
    present = [validate_domain_score(score) for score in scores if score is not None]
    return min(present) if present else None


def is_problem_domain(score: int, rules: ScoringRules = DE_PLOEG_RULES) -> bool:
    """R4: S <= 3."""
    return score <= rules.problem_threshold


def weighted_self_reliance(scores: Sequence[int | None], rules: ScoringRules = DE_PLOEG_RULES) -> Fraction | None:
    """R5: Z over one meting's domain scores (one entry per domain of the set, None = unscored)."""
    present = [validate_domain_score(score) for score in scores if score is not None]
    if not present or len(scores) - len(present) > rules.max_missing_domains:
        return None
    weights = [SCORE_MAX + 1 - score for score in present]
    return Fraction(sum(s * w for s, w in zip(present, weights, strict=True)), sum(weights))


def unweighted_mean(scores: Iterable[int | None]) -> Fraction | None:
    """Plain mean of the scored domains (the weighting check I6)."""
    present = [score for score in scores if score is not None]
    return Fraction(sum(present), len(present)) if present else None


def self_reliance_category(z: Fraction) -> int:
    """R6: Z rounded half-up to 1..5."""
    return round_half_up_int(z)


def display(value: Fraction) -> Decimal:
    """R7: one decimal, half-up (2.35 -> 2.4)."""
    return round_half_up(value, DISPLAY_DECIMALS)


class Change(StrEnum):
    IMPROVED = "verbeterd"
    SAME = "gelijk"
    WORSE = "verslechterd"


def domain_change(earlier: int | None, later: int | None) -> Change | None:
    """R8 per domain; None when either meting lacks the score."""
    if earlier is None or later is None:
        return None
    if later > earlier:
        return Change.IMPROVED
    return Change.SAME if later == earlier else Change.WORSE


@dataclass(frozen=True)
class MetingResult:
    """The merged domain scores of one family at one meting and everything derived from them."""

    number: int  # 0 = nulmeting
    scores: Mapping[str, int | None]  # in the set's domain order
    rules: ScoringRules = DE_PLOEG_RULES

    @property
    def z(self) -> Fraction | None:
        return weighted_self_reliance(list(self.scores.values()), self.rules)

    @property
    def z_display(self) -> Decimal | None:
        z = self.z
        return None if z is None else display(z)

    @property
    def category(self) -> int | None:
        z = self.z
        return None if z is None else self_reliance_category(z)

    @property
    def category_label(self) -> str | None:
        category = self.category
        return None if category is None else scale_labels().zelfredzaamheid[category]

    @property
    def problem_domains(self) -> tuple[str, ...]:
        return tuple(code for code, s in self.scores.items() if s is not None and is_problem_domain(s, self.rules))

    @property
    def band_counts(self) -> dict[int, int]:
        """Domains per problem band: 1 aanzienlijk probleem, 2 probleem, 3 geeft wel wat problemen."""
        bands = range(SCORE_MIN, self.rules.problem_threshold + 1)
        return {band: sum(1 for s in self.scores.values() if s == band) for band in bands}

    @property
    def unweighted_mean(self) -> Fraction | None:
        return unweighted_mean(self.scores.values())


def problem_label(score: int) -> str:
    """The scale-a label of a domain score ('Aanzienlijk probleem' .. 'Geen enkel probleem')."""
    return scale_labels().problematiek[validate_domain_score(score)]
