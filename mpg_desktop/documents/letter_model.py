"""What a plain-language letter says, apart from how it is rendered (PDF or a print preview).

Kept free of reportlab so that screens can build letters without loading the PDF library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: date) -> str:
    """'3 maart 2025': the month written out is easier to read than 03-03-2025."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class PlainLetter:
    """What a letter says, independent of how it is rendered (PDF here, print preview in the UI)."""

    organisation: str
    reference: str  # our case number (kenmerk)
    letter_date: date
    address_lines: tuple[str, ...]
    subject: str
    heading: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: tuple[str, ...]  # "Met vriendelijke groet," then the signature lines (room to sign between)
    title: str = "Brief"  # PDF document title (metadata); never holds case data

    @property
    def footer_text(self) -> str:
        """Case number and date; the organisation heads every page."""
        parts = [f"Kenmerk {self.reference}" if self.reference else "", dutch_date(self.letter_date)]
        return " · ".join(part for part in parts if part)
