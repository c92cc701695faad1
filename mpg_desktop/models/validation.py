"""Input validation with messages in Dutch for the coach: what is wrong and what to do."""

from __future__ import annotations

import re
from datetime import date


class ValidationError(ValueError):
    """Bad input. ``message`` is Dutch and names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_date(text: str, field: str, *, not_after: date | None = None) -> date:
    """Parse ``dd-mm-jjjj`` (or ISO ``jjjj-mm-dd``) into a date.

    Raises ValidationError for an empty field, a wrong format, a date that does not exist
    (31-02) or a date after ``not_after`` (a birth date in the future).
    """
    if not text.strip():
        raise ValidationError(field, f"{field}: vul een datum in (dd-mm-jjjj).")
    match = _DUTCH_DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _ISO_DATE.match(text)
        if not match:
            raise ValidationError(field, f"{field}: '{text.strip()}' is geen datum. Schrijf de datum als dd-mm-jjjj.")
        year, month, day = (int(part) for part in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise ValidationError(
            field, f"{field}: {day:02d}-{month:02d}-{year} bestaat niet. Controleer dag en maand."
        ) from None
    if value.year < 1900:
        raise ValidationError(field, f"{field}: het jaar {year} is te vroeg. Controleer het jaartal.")
    if not_after is not None and value > not_after:
        raise ValidationError(
            field, f"{field}: {value:%d-%m-%Y} ligt in de toekomst. Vul een datum in tot en met vandaag."
        )
    return value


def require_text(value: str, field: str) -> str:
    """A required one-line text field, trimmed."""
    cleaned = value.strip()
    if not cleaned:
        raise ValidationError(field, f"{field} is verplicht. Vul dit veld in.")
    return cleaned
