"""The client's valuation of a relation on the bolletjesschema (spec bolletjesschema 1.4, 4.3.1).

A rating is stored as ``Rating`` -2..+2 and has three other views: the symbol (``++ + +/- - --``),
the score 1..5 (value + 3, the same five-step scale as the GAS levels of gas.md 1.1) and a
``RatingStyle`` for drawing: colour AND line style AND width AND the printed symbol, so a map never
relies on colour alone (greyscale print, colour blindness). ``None`` means "nog niet gewaardeerd"
and is never 0 (0 is *redelijk*). Labels, colours and line styles are data:
``resources/network/rating_scale.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from functools import cache

from mpg_desktop.models.resource_tables import read_resource_csv
from mpg_desktop.models.validation import ValidationError

SCORE_OFFSET = 3  # score_1_5 = value + 3 (bolletjesschema 4.3.1)
FIELD = "Waardering"
UNRATED_SYMBOL = "?"


class LineStyle(StrEnum):
    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"


@dataclass(frozen=True)
class RatingStyle:
    """How one rating (or 'not rated') looks: symbol, Dutch label, colour, line style, width in points."""

    symbol: str
    label_nl: str
    label_en: str
    colour: str  # '#RRGGBB'
    line_style: LineStyle
    line_width_pt: float


class Rating(IntEnum):
    """A valuation from -2 (*zeer slecht*) to +2 (*zeer goed*)."""

    ZEER_SLECHT = -2
    SLECHT = -1
    REDELIJK = 0
    GOED = 1
    ZEER_GOED = 2

    @property
    def score_1_5(self) -> int:
        return int(self) + SCORE_OFFSET

    @property
    def style(self) -> RatingStyle:
        return _styles()[int(self)]

    @property
    def symbol(self) -> str:
        return self.style.symbol

    @property
    def label_nl(self) -> str:
        return self.style.label_nl

    @classmethod
    def from_value(cls, value: int) -> Rating:
        """-2..+2 -> Rating; ValidationError (Dutch) otherwise."""
        if isinstance(value, bool) or not isinstance(value, int) or not -2 <= value <= 2:
            raise ValidationError(FIELD, f"{FIELD}: {value!r} ligt niet op de schaal. Kies -2, -1, 0, +1 of +2.")
        return cls(value)

    @classmethod
    def from_score(cls, score: int) -> Rating:
        """1..5 -> Rating; ValidationError (Dutch) otherwise."""
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise ValidationError(FIELD, f"{FIELD}: score {score!r} bestaat niet. Kies een score van 1 tot en met 5.")
        return cls(score - SCORE_OFFSET)

    @classmethod
    def from_symbol(cls, text: str) -> Rating:
        """'++' .. '--' -> Rating. Spaces ('+ +' as printed in 004), the Unicode minus and '±' are accepted."""
        wanted = normalise_symbol(text)
        for rating in cls:
            if rating.symbol == wanted:
                return rating
        raise ValidationError(FIELD, f"{FIELD}: '{text.strip()}' is geen waardering. Kies ++, +, +/-, - of --.")


def normalise_symbol(text: str) -> str:
    """'+ +' -> '++', '− −' -> '--', '±' -> '+/-'."""
    cleaned = "".join(text.split()).replace("\u2212", "-").replace("\u2013", "-")
    return "+/-" if cleaned == "\u00b1" else cleaned


def parse_rating(value: object) -> Rating | None:
    """A rating from user or file input: None/'' /'?' -> None, an int -2..+2, or a symbol."""
    if value is None or isinstance(value, Rating):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in ("", UNRATED_SYMBOL):
            return None
        try:
            number = int(stripped)
        except ValueError:
            return Rating.from_symbol(stripped)
        return Rating.from_value(number)
    if isinstance(value, int):
        return Rating.from_value(value)
    raise ValidationError(FIELD, f"{FIELD}: {value!r} is geen waardering. Kies ++, +, +/-, - of --.")


def rating_style(rating: Rating | None) -> RatingStyle:
    """The drawing style of a rating; None gives the dotted 'nog niet gewaardeerd' style."""
    return _styles()[None if rating is None else int(rating)]


def rating_symbol(rating: Rating | None) -> str:
    """'++' .. '--', or '?' when not yet rated."""
    return rating_style(rating).symbol


def rating_label(rating: Rating | None) -> str:
    """'zeer goed' .. 'zeer slecht', or 'nog niet gewaardeerd'."""
    return rating_style(rating).label_nl


def rating_score(rating: Rating | None) -> int | None:
    """The score 1..5, or None when not yet rated."""
    return None if rating is None else rating.score_1_5


@cache
def _styles() -> dict[int | None, RatingStyle]:
    styles: dict[int | None, RatingStyle] = {}
    for row in read_resource_csv("network", "rating_scale.csv"):
        value = int(row["value"]) if row["value"].strip() else None
        if value is not None and int(row["score_1_5"]) != value + SCORE_OFFSET:
            raise RuntimeError(f"rating_scale.csv: score of {value} must be {value + SCORE_OFFSET}")
        styles[value] = RatingStyle(
            symbol=normalise_symbol(row["symbol"]),
            label_nl=row["label_nl"],
            label_en=row["label_en"],
            colour=row["colour"],
            line_style=LineStyle(row["line_style"]),
            line_width_pt=float(row["line_width_pt"]),
        )
    if set(styles) != {-2, -1, 0, 1, 2, None}:
        raise RuntimeError("resources/network/rating_scale.csv must hold -2..+2 and one 'not rated' row")
    return styles
