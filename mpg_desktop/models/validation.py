"""Input validation with messages in Dutch for the coach: what is wrong and what to do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


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


class Severity(StrEnum):
    """How serious a finding is. Neither blocks saving a form (spec 0.2); errors block transitions."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one field of a record, for showing next to that field.

    ``field`` is the attribute name of the record (stable, for the form to find its widget);
    ``message`` is Dutch and starts with the field's label.
    """

    field: str
    message: str
    severity: Severity = Severity.FOUT


def has_errors(issues: Iterable[FieldIssue]) -> bool:
    """True when any issue is an error (warnings alone leave a record complete)."""
    return any(issue.severity is Severity.FOUT for issue in issues)


def required(field: str, label: str) -> FieldIssue:
    """The standard message for an empty required field."""
    return FieldIssue(field, f"{label} is verplicht. Vul dit veld in.")
