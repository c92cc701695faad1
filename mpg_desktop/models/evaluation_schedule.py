"""When the next three-monthly evaluation is due (spec process-and-forms 1.4, gas 1.5).

The cycle runs from the plan signature; an evaluation counts for the cycle in which it falls.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

EVALUATION_INTERVAL_MONTHS = 3
# An evaluation shows as "due" this many days before its date, so the coach can plan the visit.
DUE_SOON_DAYS = 14


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the last day of a shorter month."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def next_evaluation_date(plan_signed_on: date, last_evaluation_on: date | None) -> date:
    """The first cycle date after the last evaluation (or the first cycle after signing)."""
    reference = last_evaluation_on or plan_signed_on
    cycle = 1
    while True:
        candidate = add_months(plan_signed_on, cycle * EVALUATION_INTERVAL_MONTHS)
        # An evaluation held up to DUE_SOON_DAYS early covers that cycle.
        if candidate - timedelta(days=DUE_SOON_DAYS) > reference:
            return candidate
        cycle += 1


def is_evaluation_due(plan_signed_on: date | None, last_evaluation_on: date | None, today: date) -> bool:
    """True when an evaluation is overdue or falls within DUE_SOON_DAYS."""
    if plan_signed_on is None:
        return False
    due = next_evaluation_date(plan_signed_on, last_evaluation_on)
    return due - timedelta(days=DUE_SOON_DAYS) <= today


# ReSet: an interim evaluation with referrer and clients 4 to 6 weeks after the goals are set
# (gas.md 1.5, 004 L14040-14042).
INTERIM_EVALUATION_WEEKS = (4, 6)


def interim_evaluation_window(goals_set_on: date) -> tuple[date, date]:
    """First and last day of the ReSet interim evaluation window after the goals were set."""
    first, last = INTERIM_EVALUATION_WEEKS
    return goals_set_on + timedelta(weeks=first), goals_set_on + timedelta(weeks=last)


def trajectory_period(start: date, seq: int) -> tuple[date, date]:
    """Start and end of NP three-month trajectory ``seq`` (1, 2, ..); its GAS evaluation is due at the end."""
    if seq < 1:
        raise ValueError("trajectories are numbered from 1")
    return (
        add_months(start, (seq - 1) * EVALUATION_INTERVAL_MONTHS),
        add_months(start, seq * EVALUATION_INTERVAL_MONTHS),
    )
