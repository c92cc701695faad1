"""Aftercare (*nazorg*, spec 5.7): the agreed plan, each contact, and the profile's limits.

ST found aftercare varied from active help to one phone call without a stated reason, so the plan
requires a reason for its form. Choosing *heropenen* on a contact asks for the re-open transition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.evaluation_schedule import add_months
from mpg_desktop.models.programme_profiles import ProgrammeProfile
from mpg_desktop.models.validation import FieldIssue, Severity, required


class AftercareBy(StrEnum):
    COACH = "coach"
    ANDERE_ORGANISATIE = "andere_organisatie"


class AftercareAction(StrEnum):
    GEEN = "geen"
    ADVIES = "advies"
    KORT_INGRIJPEN = "kort_ingrijpen"
    HEROPENEN = "heropenen"
    ANDERS = "anders"

    @property
    def label(self) -> str:
        return {
            "geen": "Geen",
            "advies": "Advies",
            "kort_ingrijpen": "Kort ingrijpen",
            "heropenen": "Heropenen",
            "anders": "Anders, namelijk …",
        }[self.value]


@dataclass(frozen=True)
class AftercarePlan:
    form: Choice | None  # nazorg_vorm
    frequency: str
    until: date | None
    reason: str  # reden keuze (required: the seed found no rationale behind the choice)


@dataclass(frozen=True)
class AftercareContact:
    on: date | None
    by: AftercareBy | None
    contact_type: Choice | None  # contact_type
    still_on_track: Tri | None  # alles nog op orde
    organisation: str = ""  # when by another organisation
    signals: str = ""
    action: AftercareAction | None = None
    action_text: str = ""


def validate_aftercare_plan(
    plan: AftercarePlan, *, started_on: date | None, profile: ProgrammeProfile, code_lists: CodeLists | None = None
) -> list[FieldIssue]:
    lists = code_lists or default_code_lists()
    issues = lists[ListId.NAZORG_VORM].check(plan.form, "form", "Vorm", is_required=True)
    if not plan.frequency.strip():
        issues.append(required("frequency", "Frequentie"))
    if plan.until is None:
        issues.append(required("until", "Tot datum"))
    elif started_on is not None:
        if plan.until < started_on:
            issues.append(FieldIssue("until", "Tot datum ligt vóór de start van de nazorg."))
        elif profile.aftercare.max_months is not None and plan.until > add_months(
            started_on, profile.aftercare.max_months
        ):
            issues.append(
                FieldIssue(
                    "until",
                    f"Tot datum: {profile.label} kent hoogstens {profile.aftercare.max_months} maanden nazorg. "
                    "Leg in de reden uit waarom het langer duurt.",
                    Severity.WAARSCHUWING,
                )
            )
    if not plan.reason.strip():
        issues.append(FieldIssue("reason", "Reden keuze is verplicht: schrijf waarom deze vorm en frequentie passen."))
    return issues


def validate_aftercare_contact(
    contact: AftercareContact, *, today: date, code_lists: CodeLists | None = None
) -> list[FieldIssue]:
    lists = code_lists or default_code_lists()
    issues: list[FieldIssue] = []
    if contact.on is None:
        issues.append(required("on", "Datum"))
    elif contact.on > today:
        issues.append(FieldIssue("on", "Datum ligt in de toekomst. Leg een contact vast nadat het er was."))
    if contact.by is None:
        issues.append(required("by", "Door wie"))
    elif contact.by is AftercareBy.ANDERE_ORGANISATIE and not contact.organisation.strip():
        issues.append(FieldIssue("organisation", "Organisatie: vul in welke organisatie het contact had."))
    issues += lists[ListId.CONTACT_TYPE].check(contact.contact_type, "contact_type", "Soort contact", is_required=True)
    if contact.still_on_track is None:
        issues.append(required("still_on_track", "Alles nog op orde"))
    if contact.action is None:
        issues.append(required("action", "Actie"))
    elif contact.action is AftercareAction.ANDERS and not contact.action_text.strip():
        issues.append(FieldIssue("action", "Actie: vul bij 'Anders' in wat er gebeurt."))
    if contact.still_on_track is Tri.NEE and contact.action is AftercareAction.GEEN:
        issues.append(
            FieldIssue("action", "Het gaat niet goed, maar er is geen actie gekozen. Klopt dat?", Severity.WAARSCHUWING)
        )
    return issues


def reopen_requested(contact: AftercareContact) -> bool:
    """True when the contact asks to re-open the traject (phase NAZORG/AFGESLOTEN -> UITVOERING)."""
    return contact.action is AftercareAction.HEROPENEN


def aftercare_limit_warnings(
    contacts: Sequence[AftercareContact], *, started_on: date, today: date, profile: ProgrammeProfile
) -> list[str]:
    """Dutch warnings when aftercare runs past the profile's limits (never a block)."""
    warnings = []
    limits = profile.aftercare
    if limits.max_contacts is not None and len(contacts) > limits.max_contacts:
        warnings.append(
            f"Er zijn {len(contacts)} nazorgcontacten; {profile.label} gaat uit van hoogstens {limits.max_contacts}. "
            "Overweeg heropenen of overdracht."
        )
    if limits.max_months is not None and today > add_months(started_on, limits.max_months):
        warnings.append(
            f"De nazorg loopt langer dan {limits.max_months} maanden. Sluit af, of leg vast waarom de nazorg doorloopt."
        )
    return warnings
