"""A traject (episode): one referral and everything after it, until closure (spec 1.1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mpg_desktop.models.phases import Phase


@dataclass(frozen=True)
class Traject:
    referral_date: date
    phase: Phase = Phase.AANGEMELD
    programme_profile: str = "standaard"
    plan_signed_on: date | None = None
    last_evaluation_on: date | None = None
    closed_on: date | None = None
    case_number: str = ""  # assigned by the store
    id: int | None = None


@dataclass(frozen=True)
class Contact:
    """One entry of the contact log (spec 5.1)."""

    contact_date: date
    kind: str
    duration_minutes: int = 0
    note: str = ""
    id: int | None = None


CONTACT_KINDS = {
    "huisbezoek": "Huisbezoek",
    "telefonisch": "Telefonisch",
    "kantoor": "Op kantoor",
    "overleg": "Overleg met professional",
    "digitaal": "Mail / app",
}
