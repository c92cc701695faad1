"""Age rules for reporting (spec 3.3, after the ReSet coding rules, 004 L1709-1714).

Store the date of birth; derive the age at the start of the current traject. For reports: when a
birthday falls within one month after the start, round the age up; ages under 4 are expressed in
quarters of a year. When only an age is known, the birth date is estimated as the date the age was
noted minus that age, and flagged as estimated.
"""

from __future__ import annotations

from datetime import date

from mpg_desktop.models.evaluation_schedule import add_months

QUARTER_AGE_LIMIT_YEARS = 4
ROUND_UP_WITHIN_MONTHS = 1


def completed_months(birth_date: date, day: date) -> int:
    """Whole months lived on ``day`` (0 before birth). A month is complete on the same day number,
    so a 29 February birthday counts from 1 March in other years, as ``Person.age_on`` does."""
    months = (day.year - birth_date.year) * 12 + day.month - birth_date.month
    if day.day < birth_date.day:
        months -= 1
    return max(months, 0)


def age_at_start(birth_date: date, start: date) -> int:
    """Completed years on the start date of the traject."""
    return completed_months(birth_date, start) // 12


def reporting_age(birth_date: date, start: date) -> float:
    """The age used in reports, in years: whole years from 4 on, quarters (0.25 steps) below.

    A boundary (birthday, or the next quarter under 4) that falls within one month after the
    start rounds the age up, as the ReSet coding rules do.
    """
    soon = add_months(start, ROUND_UP_WITHIN_MONTHS)
    quarters = completed_months(birth_date, start) // 3
    if add_months(birth_date, (quarters + 1) * 3) <= soon:
        quarters += 1
    if quarters < QUARTER_AGE_LIMIT_YEARS * 4:
        return quarters / 4
    years = age_at_start(birth_date, start)
    if add_months(birth_date, (years + 1) * 12) <= soon:
        years += 1
    return float(years)


def estimated_birth_date(age_years: int, noted_on: date) -> date:
    """The birth date estimated from an age noted on ``noted_on``; store it with the estimated flag."""
    return add_months(noted_on, -12 * age_years)
