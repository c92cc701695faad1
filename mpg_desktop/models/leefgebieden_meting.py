"""The leefgebieden form of one meting: per domain the source scores and a written justification.

De Ploeg filled in the form twice per meting, from the family interview and from the file plus
the coach (002 L6245-6282); each source gives a domain score either from its items or entered
directly (the coaches' own *nulmeting*). The merged score is the minimum of the sources (R3).
A score needs a written *beschrijving problematiek* (002 L1850-1858); missing ones are reported
as Dutch warnings and never block saving a draft.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from mpg_desktop.models.leefgebieden_scoring import (
    DE_PLOEG_RULES,
    MetingResult,
    ScoringRules,
    aggregate_items,
    merge_sources,
    validate_domain_score,
)
from mpg_desktop.models.leefgebieden_sets import LeefgebiedenSet
from mpg_desktop.models.validation import ValidationError


class SourceType(StrEnum):
    GEZIN = "gezin"
    DOSSIER = "dossier"

    @property
    def label(self) -> str:
        return "Gesprek met het gezin" if self is SourceType.GEZIN else "Dossier en gezinscoach"


@dataclass(frozen=True)
class SourceScore:
    """One source's view of a domain: a direct score, or item scores (item id -> 1..5 or None)."""

    source: SourceType
    direct: int | None = None
    items: Mapping[str, int | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.direct is not None:
            validate_domain_score(self.direct, f"Score {self.source.label.lower()}")
        for score in self.items.values():
            if score is not None:
                validate_domain_score(score, "Item")

    def value(self, rules: ScoringRules = DE_PLOEG_RULES) -> int | None:
        """The direct score when entered, else the items aggregated by R2."""
        if self.direct is not None:
            return self.direct
        return aggregate_items(self.items.values(), rules)


@dataclass(frozen=True)
class DomainEntry:
    """One leefgebied on the form: up to one score per source plus the justification text."""

    code: str
    sources: tuple[SourceScore, ...] = ()
    justification: str = ""

    def __post_init__(self) -> None:
        kinds = [score.source for score in self.sources]
        if len(kinds) != len(set(kinds)):
            raise ValidationError("Bron", "Elke bron geeft per leefgebied één score.")

    def source(self, kind: SourceType) -> SourceScore | None:
        return next((score for score in self.sources if score.source is kind), None)

    def merged(self, rules: ScoringRules = DE_PLOEG_RULES) -> int | None:
        """R3: the minimum over the sources that give a score."""
        return merge_sources(score.value(rules) for score in self.sources)


@dataclass(frozen=True)
class Meting:
    """One measurement moment of a family: 0 = nulmeting, then one per evaluation and at closure."""

    number: int
    entries: tuple[DomainEntry, ...]
    held_on: date | None = None

    def __post_init__(self) -> None:
        codes = [entry.code for entry in self.entries]
        if len(codes) != len(set(codes)):
            raise ValidationError("Leefgebied", "Elk leefgebied staat maar één keer in een meting.")

    def entry(self, code: str) -> DomainEntry | None:
        return next((entry for entry in self.entries if entry.code == code), None)

    def result(self, lset: LeefgebiedenSet, rules: ScoringRules = DE_PLOEG_RULES) -> MetingResult:
        """Merged scores in the set's order (None = not scored). An entry outside the set is an error."""
        unknown = sorted({entry.code for entry in self.entries} - set(lset.codes))
        if unknown:
            raise ValidationError("Leefgebied", f"Leefgebied '{unknown[0]}' hoort niet bij {lset.name_nl}.")
        scores: dict[str, int | None] = {}
        for code in lset.codes:
            entry = self.entry(code)
            scores[code] = None if entry is None else entry.merged(rules)
        return MetingResult(self.number, scores, rules)

    def warnings(self, lset: LeefgebiedenSet, rules: ScoringRules = DE_PLOEG_RULES) -> list[str]:
        """Dutch notes: unscored leefgebieden and scores without a written justification."""
        notes = []
        for domain in lset.domains:
            entry = self.entry(domain.code)
            if entry is None or entry.merged(rules) is None:
                notes.append(f"{domain.label_nl}: nog geen score.")
            elif not entry.justification.strip():
                notes.append(f"{domain.label_nl}: beschrijf de problematiek die bij deze score hoort.")
        return notes
