"""The five-step GAS scale of 004 (gas.md 1.1), the same scale as the network ratings.

One level has three views: the value from the zero point (-2..+2, the *Vanaf 0-punt* column),
the stored score (1..5 = value + 3) and the bolletjesschema symbol (``++ + +/- - --``). The zero
point is the moment the goal was agreed: 0 means "situation unchanged", +2 "goal fully achieved";
there is no "expected outcome" level. The Dutch labels are data (``resources/gas/gas_scale.csv``,
Tabel 1 of 004, L1969-1978). "Not evaluated" is ``None``, never 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import cache

from mpg_desktop.models.resource_tables import read_resource_csv
from mpg_desktop.models.validation import ValidationError

SCORE_MIN = 1
SCORE_MAX = 5
# How far the stored score lies above the value from the zero point.
SCORE_OFFSET = 3
FIELD = "GAS-score"


@dataclass(frozen=True)
class GasLabels:
    """The Dutch texts of one level, verbatim from Tabel 1 and the NP form."""

    symbol: str  # normalised: '++', '+', '+/-', '-', '--'
    network_label: str  # bolletjesschema: 'zeer goed' .. 'zeer slecht'
    level_label: str  # Schaalniveaus GAS-scores: 'Doel geheel behaald.' ..
    result_label: str  # label in the result figures: 'Doel geheel behaald' ..
    form_legend: str | None  # legend line of the NP resultaatformulier; None for -2 (not printed)


class GasLevel(IntEnum):
    """A GAS level as its value from the zero point (-2..+2)."""

    WORST = -2
    WORSE = -1
    UNCHANGED = 0
    PROGRESS = 1
    ACHIEVED = 2

    @property
    def score(self) -> int:
        """The stored score 1..5."""
        return int(self) + SCORE_OFFSET

    @property
    def labels(self) -> GasLabels:
        return _labels()[int(self)]

    @property
    def symbol(self) -> str:
        return self.labels.symbol

    @property
    def label(self) -> str:
        """The text shown to users (the *Schaalniveaus GAS-scores* column)."""
        return self.labels.level_label

    @property
    def result_label(self) -> str:
        """The category name used in result tables and charts."""
        return self.labels.result_label

    @property
    def network_label(self) -> str:
        return self.labels.network_label

    @classmethod
    def from_score(cls, score: int) -> GasLevel:
        """The level of a stored score 1..5; ValidationError (Dutch) otherwise."""
        return cls(validate_score(score) - SCORE_OFFSET)

    @classmethod
    def from_value(cls, value: int) -> GasLevel:
        """The level of a value -2..+2; ValidationError (Dutch) otherwise."""
        if isinstance(value, bool) or not isinstance(value, int) or not -2 <= value <= 2:
            raise ValidationError(FIELD, f"{FIELD}: {value!r} ligt niet op de schaal. Kies -2, -1, 0, +1 of +2.")
        return cls(value)

    @classmethod
    def from_symbol(cls, text: str) -> GasLevel:
        """The level of a symbol; spaces, the Unicode minus and '±' are accepted ('+ +' is '++')."""
        wanted = normalise_symbol(text)
        for level in cls:
            if level.symbol == wanted:
                return level
        raise ValidationError(
            FIELD, f"{FIELD}: '{text.strip()}' is geen symbool van de schaal. Kies ++, +, +/-, - of --."
        )


def validate_score(score: int, field: str = FIELD) -> int:
    """``score`` if it is a whole number 1..5, else ValidationError with a Dutch message."""
    if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
        raise ValidationError(field, f"{field}: {score!r} ligt niet op de schaal. Kies een score van 1 tot en met 5.")
    return score


def score_to_value(score: int) -> int:
    """Stored score 1..5 -> value -2..+2."""
    return validate_score(score) - SCORE_OFFSET


def value_to_score(value: int) -> int:
    """Value -2..+2 -> stored score 1..5."""
    return GasLevel.from_value(value).score


def normalise_symbol(text: str) -> str:
    """'+ +' -> '++', '− −' -> '--', '±' -> '+/-'."""
    cleaned = "".join(text.split()).replace("\u2212", "-").replace("\u2013", "-")
    return "+/-" if cleaned == "\u00b1" else cleaned


@cache
def _labels() -> dict[int, GasLabels]:
    labels: dict[int, GasLabels] = {}
    for row in read_resource_csv("gas", "gas_scale.csv"):
        symbol, _, network_label = row["bolletjesschema"].partition(" = ")
        legend = row["resultaatformulier_legenda"]
        labels[int(row["vanaf_0_punt"])] = GasLabels(
            symbol=normalise_symbol(symbol),
            network_label=network_label.strip(),
            level_label=row["schaalniveau_gas_score"],
            result_label=row["figuur_categorie"],
            form_legend=None if legend.startswith("(") else legend,
        )
    if sorted(labels) != [-2, -1, 0, 1, 2]:
        raise RuntimeError("resources/gas/gas_scale.csv must hold the five levels -2..+2")
    return labels
