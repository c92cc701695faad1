"""Extensions of the support period (*verlenging*, spec 1.5).

An extension moves the end of the support period; the profile may cap its length (ST and NP:
3 months) and count. The spec gives no count in the seeds, so by default there is no maximum and
the app warns from the third extension on (ST needed a second one in one case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from mpg_desktop.models.evaluation_schedule import add_months
from mpg_desktop.models.programme_profiles import ProgrammeProfile
from mpg_desktop.models.validation import FieldIssue, Severity


@dataclass(frozen=True)
class Extension:
    """One extension record. ``months`` is the length in whole months; ``extended_to`` the new end."""

    sequence: int  # volgnummer: 1, 2, …
    decided_on: date  # datum
    extended_to: date  # verlengd tot
    months: int  # duur in maanden
    reason: str  # reden (required)
    approved_by: str = ""  # akkoord door


def support_end(start: date | None, profile: ProgrammeProfile, extensions: Sequence[Extension]) -> date | None:
    """The current end of the support period: the last extension's date, else start plus the
    profile's standard duration, else None (open-ended profile without extensions)."""
    if extensions:
        return max(extensions, key=lambda extension: extension.sequence).extended_to
    if start is None or profile.duration_months is None:
        return None
    return add_months(start, profile.duration_months)


def validate_extension(
    extension: Extension, *, previous: Sequence[Extension], start: date | None, profile: ProgrammeProfile
) -> list[FieldIssue]:
    """Check a new extension against the earlier ones and the profile's limits (Dutch messages)."""
    issues: list[FieldIssue] = []
    limits = profile.extension
    if not extension.reason.strip():
        issues.append(FieldIssue("reason", "Reden is verplicht. Schrijf waarom de begeleiding langer nodig is."))
    if not extension.approved_by.strip():
        issues.append(
            FieldIssue("approved_by", "Akkoord door: vul in wie de verlenging goedkeurde.", Severity.WAARSCHUWING)
        )
    expected = len(previous) + 1
    if extension.sequence != expected:
        issues.append(FieldIssue("sequence", f"Volgnummer: dit is verlenging {expected}, niet {extension.sequence}."))
    if extension.months < 1:
        issues.append(FieldIssue("months", "Duur in maanden: vul minstens 1 maand in."))
    elif limits.max_months is not None and extension.months > limits.max_months:
        issues.append(
            FieldIssue(
                "months",
                f"Duur in maanden: {profile.label} staat hoogstens {limits.max_months} maanden per verlenging toe. "
                "Kies een kortere verlenging; later kan er opnieuw verlengd worden.",
            )
        )
    current_end = support_end(start, profile, previous)
    if current_end is not None:
        if extension.extended_to <= current_end:
            issues.append(
                FieldIssue("extended_to", f"Verlengd tot moet na de huidige einddatum ({current_end:%d-%m-%Y}) liggen.")
            )
        elif extension.months >= 1 and extension.extended_to != add_months(current_end, extension.months):
            issues.append(
                FieldIssue(
                    "extended_to",
                    f"Verlengd tot ({extension.extended_to:%d-%m-%Y}) past niet bij {extension.months} maand(en) na "
                    f"{current_end:%d-%m-%Y}. Controleer de datum of de duur.",
                    Severity.WAARSCHUWING,
                )
            )
    if extension.decided_on > extension.extended_to:
        issues.append(FieldIssue("decided_on", "Datum: de verlenging kan niet na de nieuwe einddatum besloten zijn."))
    if limits.max_count is not None and extension.sequence > limits.max_count:
        issues.append(
            FieldIssue(
                "sequence",
                f"{profile.label} staat hoogstens {limits.max_count} verlenging(en) toe. "
                "Overweeg overdracht of afronding.",
            )
        )
    elif limits.warn_after is not None and extension.sequence > limits.warn_after:
        issues.append(
            FieldIssue(
                "sequence",
                f"Dit is verlenging {extension.sequence}. Bespreek of verder begeleiden nog past of dat overdracht "
                "beter is, en leg dat vast in de reden.",
                Severity.WAARSCHUWING,
            )
        )
    return issues
