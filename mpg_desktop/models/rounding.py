"""Half-up rounding and Dutch number display, shared by the scoring modules.

Python's ``round`` rounds half to even (2.25 -> 2.2); the specs ask for half-up (2.25 -> 2.3,
leefgebieden-scoring 4.7). Rounding here is exact: a ``Fraction`` is never passed through a float.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

Number = int | Fraction | Decimal | float


def _exact(value: Number) -> Fraction:
    if isinstance(value, float):
        # A float such as 2.25 is taken at its printed value, not its binary expansion.
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def round_half_up(value: Number, decimals: int = 0) -> Decimal:
    """``value`` rounded to ``decimals`` places, ties away from zero (Decimal ROUND_HALF_UP)."""
    exact = _exact(value)
    quantum = Decimal(1).scaleb(-decimals)
    scaled = exact * 10**decimals
    magnitude = int(abs(scaled) + Fraction(1, 2))  # floor(|x| + 1/2) is half-up on the magnitude
    signed = -magnitude if scaled < 0 else magnitude
    return (Decimal(signed) * quantum).quantize(quantum, rounding=ROUND_HALF_UP)


def round_half_up_int(value: Number) -> int:
    """``value`` rounded half-up to a whole number."""
    return int(round_half_up(value, 0))


def format_nl(value: Number, decimals: int = 1) -> str:
    """Dutch display with a decimal comma: 2.35 -> '2,4' (half-up)."""
    return str(round_half_up(value, decimals)).replace(".", ",")
