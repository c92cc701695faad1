"""The Kiresuk-Sherman T-score on the 004 scale: the worked values of gas.md 4 and its properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpg_desktop.models.gas_tscore import T_SCORE_LABEL, kiresuk_sherman_t, t_score

values = st.integers(min_value=-2, max_value=2)
weights = st.integers(min_value=1, max_value=3)


@pytest.mark.parametrize(("x", "expected"), [(-2, 22.61), (-1, 36.31), (0, 50.00), (1, 63.69), (2, 77.39)])
def test_three_unweighted_goals(x: int, expected: float) -> None:
    assert round(kiresuk_sherman_t([x, x, x]), 2) == expected


@pytest.mark.parametrize(("n", "ceiling"), [(1, 70.00), (2, 74.81), (3, 77.39), (4, 79.02), (5, 80.15)])
def test_ceiling_depends_on_the_number_of_goals(n: int, ceiling: float) -> None:
    assert round(kiresuk_sherman_t([2] * n), 2) == ceiling


def test_mixed_and_weighted_example() -> None:
    result = t_score([(5, 1), (4, 1), (3, 1)])
    assert result is not None and round(result.value, 2) == 63.69 and result.n_goals == 3
    weighted = t_score([(5, 3), (4, 1), (3, 1)])
    assert weighted is not None and round(weighted.value, 2) == 67.95


def test_unscored_goals_are_left_out_and_zero_goals_give_no_t() -> None:
    result = t_score([(5, 1), (None, 1), (4, 1), (3, 1)])
    assert result is not None and result.n_goals == 3 and round(result.value, 2) == 63.69
    assert t_score([(None, 1)]) is None
    assert t_score([]) is None


def test_note_explains_that_zero_means_unchanged() -> None:
    result = t_score([(3, 1)])
    assert result is not None and result.value == 50.0
    assert "geen verandering" in result.note and "ρ = 0,3" in result.note
    assert "004-schaal" in T_SCORE_LABEL


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(([],), {}), (([3],), {}), (([1, 1], [1]), {}), (([1], [0]), {}), (([1],), {"rho": 1.5})],
)
def test_bad_input_is_refused(args: tuple[object, ...], kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        kiresuk_sherman_t(*args, **kwargs)  # type: ignore[arg-type]


@given(st.lists(st.tuples(values, weights), min_size=1, max_size=8), st.data())
def test_t_is_monotone_in_every_goal(goals: list[tuple[int, int]], data: st.DataObject) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(goals) - 1))
    x, w = goals[index]
    if x == 2:
        return
    better = list(goals)
    better[index] = (x + 1, w)
    before = kiresuk_sherman_t([g[0] for g in goals], [g[1] for g in goals])
    after = kiresuk_sherman_t([g[0] for g in better], [g[1] for g in better])
    assert after > before


@given(st.lists(st.tuples(values, weights), min_size=1, max_size=8), st.floats(min_value=0, max_value=1))
def test_t_is_symmetric_around_50_and_bounded(goals: list[tuple[int, int]], rho: float) -> None:
    xs, ws = [g[0] for g in goals], [g[1] for g in goals]
    t = kiresuk_sherman_t(xs, ws, rho)
    mirrored = kiresuk_sherman_t([-x for x in xs], ws, rho)
    assert math.isclose(t - 50, 50 - mirrored, abs_tol=1e-9)
    ceiling = kiresuk_sherman_t([2] * len(xs), ws, rho)
    assert 100 - ceiling - 1e-9 <= t <= ceiling + 1e-9
