"""Dates and required fields: clear Dutch errors that name the field."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpg_desktop.models.validation import ValidationError, parse_date, require_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("02-04-1988", date(1988, 4, 2)), ("2/4/1988", date(1988, 4, 2)), ("1988-04-02", date(1988, 4, 2))],
)
def test_accepted_date_forms(text: str, expected: date) -> None:
    assert parse_date(text, "Geboortedatum") == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31-02-2020", "31-02-2020 bestaat niet"),
        ("29-02-2023", "bestaat niet"),
        ("00-01-2020", "bestaat niet"),
        ("12-13-2020", "bestaat niet"),
        ("morgen", "is geen datum"),
        ("", "vul een datum in"),
        ("01-01-1850", "te vroeg"),
    ],
)
def test_impossible_dates_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_date(text, "Geboortedatum")
    assert error.value.field == "Geboortedatum"
    assert error.value.message.startswith("Geboortedatum")
    assert fragment in error.value.message


def test_future_birth_date_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        parse_date("01-01-2030", "Geboortedatum", not_after=date(2026, 11, 23))
    assert "in de toekomst" in error.value.message


def test_required_text() -> None:
    assert require_text("  Bakker ", "Achternaam") == "Bakker"
    with pytest.raises(ValidationError) as error:
        require_text("   ", "Achternaam")
    assert error.value.message == "Achternaam is verplicht. Vul dit veld in."


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_real_date_round_trips(day: date) -> None:
    assert parse_date(f"{day:%d-%m-%Y}", "Datum") == day


@given(st.text(max_size=30))
def test_any_text_gives_a_date_or_a_validation_error(text: str) -> None:
    try:
        parse_date(text, "Datum")
    except ValidationError as error:
        assert error.message.startswith("Datum")
