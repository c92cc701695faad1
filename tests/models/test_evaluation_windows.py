"""The additions of gas.md 1.5 to the evaluation schedule: ReSet interim window, NP trajectory blocks."""

from __future__ import annotations

from datetime import date

import pytest

from mpg_desktop.models.evaluation_schedule import interim_evaluation_window, trajectory_period


def test_reset_interim_evaluation_four_to_six_weeks_after_the_goals() -> None:
    assert interim_evaluation_window(date(2026, 3, 2)) == (date(2026, 3, 30), date(2026, 4, 13))


def test_np_trajectories_are_three_month_blocks() -> None:
    start = date(2026, 11, 30)
    assert trajectory_period(start, 1) == (date(2026, 11, 30), date(2027, 2, 28))
    assert trajectory_period(start, 2) == (date(2027, 2, 28), date(2027, 5, 30))
    with pytest.raises(ValueError):
        trajectory_period(start, 0)
