"""The GAS scale of gas.md 1.1: three views of one level, Dutch labels verbatim from Tabel 1."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpg_desktop.models.gas_scale import GasLevel, normalise_symbol, score_to_value, validate_score, value_to_score
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.validation import ValidationError

# value, score, symbol, level label, result label, bolletjesschema label (004 L1969-1978, L5937-5941)
TABEL_1 = [
    (2, 5, "++", "Doel geheel behaald.", "Doel geheel behaald", "zeer goed"),
    (1, 4, "+", "Een vooruitgang in de richting van het doel.", "Doel deels behaald", "goed"),
    (0, 3, "+/-", "Situatie hetzelfde gebleven.", "Situatie hetzelfde gebleven", "redelijk"),
    (-1, 2, "-", "Een achteruitgang t.o.v. de beginsituatie.", "Situatie verslechterd", "slecht"),
    (-2, 1, "--", "Slechtste achteruitgang.", "Slechtst denkbare situatie", "zeer slecht"),
]


@pytest.mark.parametrize(("value", "score", "symbol", "label", "result", "network"), TABEL_1)
def test_tabel_1(value: int, score: int, symbol: str, label: str, result: str, network: str) -> None:
    level = GasLevel.from_value(value)
    assert level.score == score
    assert level.symbol == symbol
    assert level.label == label
    assert level.result_label == result
    assert level.network_label == network
    assert GasLevel.from_score(score) is level
    assert GasLevel.from_symbol(symbol) is level
    assert score_to_value(score) == value and value_to_score(value) == score


def test_form_legend_stops_at_minus_one() -> None:
    assert GasLevel.ACHIEVED.labels.form_legend == "+2 : doel bereikt;"
    assert GasLevel.WORSE.labels.form_legend == "-1 : achteruitgang ten opzichte van de beginsituatie;"
    assert GasLevel.WORST.labels.form_legend is None  # the app still offers -2 (gas.md 1.1)


def test_same_scale_as_the_network_ratings() -> None:
    for level in GasLevel:
        rating = Rating.from_value(int(level))
        assert (rating.symbol, rating.label_nl, rating.score_1_5) == (level.symbol, level.network_label, level.score)


@pytest.mark.parametrize(
    ("printed", "level"),
    [
        ("+ +", GasLevel.ACHIEVED),
        ("- -", GasLevel.WORST),
        ("\u2212", GasLevel.WORSE),
        ("\u00b1", GasLevel.UNCHANGED),
        (" +/- ", GasLevel.UNCHANGED),
    ],
)
def test_printed_symbols_are_normalised(printed: str, level: GasLevel) -> None:
    assert GasLevel.from_symbol(printed) is level
    assert normalise_symbol(printed) == level.symbol


@pytest.mark.parametrize("bad", [0, 6, -1, True, 3.0, "3"])
def test_scores_outside_1_to_5_are_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="Kies een score van 1 tot en met 5"):
        validate_score(bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        GasLevel.from_score(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [3, -3, False])
def test_values_outside_the_scale_are_refused(bad: int) -> None:
    with pytest.raises(ValidationError, match="Kies -2, -1, 0, \\+1 of \\+2"):
        GasLevel.from_value(bad)


def test_unknown_symbol_is_refused() -> None:
    with pytest.raises(ValidationError, match="geen symbool"):
        GasLevel.from_symbol("+++")


@given(st.integers(min_value=1, max_value=5))
def test_round_trip(score: int) -> None:
    level = GasLevel.from_score(score)
    assert GasLevel.from_symbol(level.symbol).score == score
    assert value_to_score(score_to_value(score)) == score
