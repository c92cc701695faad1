"""Half-up rounding (leefgebieden-scoring 4.7) and Dutch display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from mpg_desktop.models.rounding import format_nl, round_half_up, round_half_up_int


def test_ties_go_up_not_to_even() -> None:
    assert round(2.25, 1) == 2.2  # Python's own rounding, for contrast
    assert round_half_up(2.25, 1) == Decimal("2.3")
    assert round_half_up(Fraction(5, 2)) == Decimal("3")
    assert round_half_up_int(Fraction(7, 2)) == 4
    assert round_half_up(Fraction(-5, 2)) == Decimal("-3")
    assert round_half_up(Fraction(72, 34), 1) == Decimal("2.1")
    assert format_nl(Fraction(79, 25)) == "3,2"
    assert format_nl(3, 0) == "3"


@given(
    st.decimals(min_value=-1000, max_value=1000, places=4, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=3),
)
def test_matches_decimal_half_up(value: Decimal, decimals: int) -> None:
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert round_half_up(value, decimals) == expected
    assert round_half_up(Fraction(value), decimals) == expected
