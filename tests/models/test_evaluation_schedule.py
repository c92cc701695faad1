"""The three-monthly evaluation cycle from the plan signature."""

from __future__ import annotations

from datetime import date

from mpg_desktop.models.evaluation_schedule import add_months, is_evaluation_due, next_evaluation_date


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert add_months(date(2026, 1, 15), 12) == date(2027, 1, 15)


def test_first_evaluation_three_months_after_signing() -> None:
    assert next_evaluation_date(date(2026, 1, 10), None) == date(2026, 4, 10)


def test_evaluation_held_moves_to_next_cycle() -> None:
    signed = date(2026, 1, 10)
    assert next_evaluation_date(signed, date(2026, 4, 12)) == date(2026, 7, 10)
    # Held a week early still covers that cycle.
    assert next_evaluation_date(signed, date(2026, 4, 3)) == date(2026, 7, 10)
    # Held far too early does not.
    assert next_evaluation_date(signed, date(2026, 2, 1)) == date(2026, 4, 10)


def test_due_window_and_overdue() -> None:
    signed = date(2026, 1, 10)
    assert not is_evaluation_due(signed, None, date(2026, 3, 26))
    assert is_evaluation_due(signed, None, date(2026, 3, 27))  # 14 days before
    assert is_evaluation_due(signed, None, date(2026, 9, 1))  # overdue
    assert not is_evaluation_due(None, None, date(2026, 9, 1))  # no signed plan, no cycle
