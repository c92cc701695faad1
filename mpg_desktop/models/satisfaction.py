"""The client-satisfaction form of Nieuwe Perspectieven (004 Bijlage 11, gas.md 5.1) and its summary.

Items and answer options are data (``resources/gas/np_client_satisfaction_items.csv``, verbatim).
CT0 asks the duration of support; CT1-CT8 use five agreement options plus *niet van toepassing*:
a 5-point scale plus n.v.t., stored as 1..5 and NIET_VAN_TOEPASSING = 9 (a separate code, never
averaged). Up to three tips and three tops. The seed defines no score; the summary is the
distribution per item and the tips/tops lists (R12, Proposed in gas.md 6).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from functools import cache

from mpg_desktop.models.resource_tables import read_resource_csv
from mpg_desktop.models.validation import ValidationError

ORGANISATION_PLACEHOLDER = "…"
MAX_TIPS = 3
AGREEMENT = "agreement"


class Agreement(IntEnum):
    HELEMAAL_ONEENS = 1
    ONEENS = 2
    NEUTRAAL = 3
    EENS = 4
    HELEMAAL_EENS = 5
    NIET_VAN_TOEPASSING = 9

    @property
    def score(self) -> int | None:
        """1..5, or None for n.v.t."""
        return None if self is Agreement.NIET_VAN_TOEPASSING else int(self)

    @property
    def label(self) -> str:
        """The form's text, verbatim ('Helemaal oneens' .. 'niet van toepassing')."""
        return _agreement_labels()[self]


class SupportDuration(StrEnum):
    """CT0: how long the client has been in support."""

    TOT_3_MAANDEN = "1-3"
    TOT_6_MAANDEN = "3-6"
    LANGER = "6+"

    @property
    def label(self) -> str:
        return _duration_labels()[self]


@dataclass(frozen=True)
class SatisfactionItem:
    item_id: str
    section_nl: str
    text_nl: str
    gloss_en: str
    response_type: str  # 'single choice', 'agreement' or 'free text'

    def text_for(self, organisation: str) -> str:
        """The item with the organisation's name in place of '…'."""
        return self.text_nl.replace(ORGANISATION_PLACEHOLDER, organisation.strip() or ORGANISATION_PLACEHOLDER)


@cache
def satisfaction_items() -> tuple[SatisfactionItem, ...]:
    """All rows of the form in order: CT0, CT1-CT8, TIP1-3, TOP1-3."""
    return tuple(
        SatisfactionItem(row["item_id"], row["section_nl"], row["item_nl"], row["gloss_en"], row["response_type"])
        for row in read_resource_csv("gas", "np_client_satisfaction_items.csv")
    )


def agreement_items() -> tuple[SatisfactionItem, ...]:
    """CT1-CT8."""
    return tuple(item for item in satisfaction_items() if item.response_type == AGREEMENT)


@cache
def _options(response_type: str) -> tuple[str, ...]:
    rows = read_resource_csv("gas", "np_client_satisfaction_items.csv")
    row = next(r for r in rows if r["response_type"] == response_type)
    return tuple(option.strip() for option in row["options_nl"].split("|"))


def _agreement_labels() -> dict[Agreement, str]:
    return dict(zip(Agreement, _options(AGREEMENT), strict=True))


def _duration_labels() -> dict[SupportDuration, str]:
    return dict(zip(SupportDuration, _options("single choice"), strict=True))


@dataclass(frozen=True)
class SatisfactionResponse:
    """One filled-in form. ``anonymous`` forms are stored without a link to a case (gas.md 5.1).

    ``answers`` maps CT1..CT8 to an answer; an item left out is unanswered. Raises ValidationError
    (Dutch) for an unknown item or more than three tips or tops.
    """

    anonymous: bool
    duration: SupportDuration | None = None
    answers: Mapping[str, Agreement] = field(default_factory=dict)
    tips: tuple[str, ...] = ()
    tops: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        known = {item.item_id for item in agreement_items()}
        unknown = sorted(set(self.answers) - known)
        if unknown:
            raise ValidationError("Vraag", f"Vraag {unknown[0]} staat niet op het tevredenheidsformulier.")
        try:
            answers = {item_id: Agreement(answer) for item_id, answer in self.answers.items()}
        except ValueError:
            message = "Kies een antwoord van 1 tot en met 5, of 'niet van toepassing'."
            raise ValidationError("Antwoord", message) from None
        object.__setattr__(self, "answers", answers)
        for field_name, label in (("tips", "tips"), ("tops", "tops")):
            cleaned = tuple(text.strip() for text in getattr(self, field_name) if text.strip())
            if len(cleaned) > MAX_TIPS:
                raise ValidationError(label, f"Vul maximaal {MAX_TIPS} {label} in.")
            object.__setattr__(self, field_name, cleaned)


@dataclass(frozen=True)
class ItemDistribution:
    """How often each answer was given to one item, plus the forms that left it open."""

    item_id: str
    counts: Mapping[Agreement, int]
    unanswered: int

    @property
    def n_scored(self) -> int:
        """Answers on the 1..5 scale (n.v.t. and open left out)."""
        return sum(n for answer, n in self.counts.items() if answer.score is not None)


@dataclass(frozen=True)
class SatisfactionSummary:
    n_forms: int
    items: tuple[ItemDistribution, ...]
    durations: Mapping[SupportDuration | None, int]
    tips: tuple[str, ...]
    tops: tuple[str, ...]


def summarise(responses: Iterable[SatisfactionResponse]) -> SatisfactionSummary:
    """Distribution per item (all six answers, n.v.t. apart), durations and all tips and tops."""
    forms = list(responses)
    distributions = []
    for item in agreement_items():
        given = Counter(form.answers[item.item_id] for form in forms if item.item_id in form.answers)
        counts = {answer: given.get(answer, 0) for answer in Agreement}
        distributions.append(ItemDistribution(item.item_id, counts, len(forms) - sum(given.values())))
    durations = Counter(form.duration for form in forms)
    return SatisfactionSummary(
        n_forms=len(forms),
        items=tuple(distributions),
        durations={d: durations.get(d, 0) for d in (*SupportDuration, None)},
        tips=tuple(tip for form in forms for tip in form.tips),
        tops=tuple(top for form in forms for top in form.tops),
    )
