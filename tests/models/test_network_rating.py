"""Ratings of the bolletjesschema: -2..+2 <-> score 1..5 <-> symbol, labels, and drawing styles (spec 4.3.1, T1)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpg_desktop.models.network_rating import (
    LineStyle,
    Rating,
    parse_rating,
    rating_label,
    rating_score,
    rating_style,
    rating_symbol,
)
from mpg_desktop.models.validation import ValidationError

# 004 Tabel 1 (004_52d41406753d5716.txt L1969-1978), copied from the domain data:
# symbol as printed in the source, normalised symbol, label, value from zero, score 1-5.
TABEL_1 = [
    ("+ +", "++", "zeer goed", 2, 5),
    ("+", "+", "goed", 1, 4),
    ("+/-", "+/-", "redelijk", 0, 3),
    ("-", "-", "slecht", -1, 2),
    ("- -", "--", "zeer slecht", -2, 1),
]


@pytest.mark.parametrize(("printed", "symbol", "label", "value", "score"), TABEL_1)
def test_every_row_of_tabel_1(printed: str, symbol: str, label: str, value: int, score: int) -> None:
    rating = Rating(value)
    assert rating.symbol == symbol
    assert rating.label_nl == label
    assert rating.score_1_5 == score
    assert Rating.from_score(score) is rating
    assert Rating.from_symbol(printed) is rating
    assert Rating.from_symbol(symbol) is rating
    assert parse_rating(symbol) is rating
    assert parse_rating(value) is rating
    assert parse_rating(str(value)) is rating


def test_exactly_five_steps() -> None:
    assert [int(r) for r in Rating] == [-2, -1, 0, 1, 2]


def test_not_rated_is_none_and_shows_a_question_mark() -> None:
    assert parse_rating(None) is None
    assert parse_rating("") is None
    assert parse_rating("?") is None
    assert rating_symbol(None) == "?"
    assert rating_label(None) == "nog niet gewaardeerd"
    assert rating_score(None) is None
    assert parse_rating("0") is Rating.REDELIJK  # 0 is 'redelijk', never 'not rated'


@pytest.mark.parametrize("text", ["\u2212 \u2212", "\u2212\u2212", "\u00b1", " + "])
def test_printed_variants_are_accepted(text: str) -> None:
    assert Rating.from_symbol(text) in (Rating.ZEER_SLECHT, Rating.REDELIJK, Rating.GOED)


@pytest.mark.parametrize("bad", [3, -3, "+++", "goed", 2.0, True])
def test_values_off_the_scale_are_refused_in_dutch(bad: object) -> None:
    with pytest.raises(ValidationError) as error:
        parse_rating(bad)
    assert error.value.field == "Waardering"
    assert "Kies" in error.value.message


@pytest.mark.parametrize("score", [0, 6, -1])
def test_scores_off_the_scale_are_refused(score: int) -> None:
    with pytest.raises(ValidationError, match="1 tot en met 5"):
        Rating.from_score(score)


@given(st.integers(min_value=-2, max_value=2))
def test_three_views_round_trip(value: int) -> None:
    rating = Rating.from_value(value)
    assert Rating.from_score(rating.score_1_5) is rating
    assert Rating.from_symbol(rating.symbol) is rating
    assert rating.score_1_5 == value + 3


def test_styles_never_rely_on_colour_alone() -> None:
    styles = [rating_style(r) for r in [*Rating, None]]
    # Without colour, symbol and line (style, width) still tell every rating apart.
    assert len({s.symbol for s in styles}) == 6
    assert len({(s.line_style, s.line_width_pt) for s in styles}) == 6
    assert rating_style(None).line_style is LineStyle.DOTTED
    assert rating_style(Rating.ZEER_SLECHT).line_style is LineStyle.DASHED
    assert rating_style(Rating.ZEER_GOED).line_style is LineStyle.SOLID
    assert all(s.colour.startswith("#") and len(s.colour) == 7 for s in styles)


def test_same_scale_as_the_gas_levels() -> None:
    gas_scale = pytest.importorskip("mpg_desktop.models.gas_scale")
    for rating in Rating:
        level = gas_scale.GasLevel(int(rating))
        assert (level.symbol, level.score, level.network_label) == (rating.symbol, rating.score_1_5, rating.label_nl)
