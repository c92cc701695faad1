"""Consent per recipient (*toestemming*, spec 2.2, 5.8; privacy PRV-01..07, SHR-01, ACC-04).

One record per consenting person, purpose and recipient: who may receive what, since when, signed
by whom, and whether it was withdrawn. Withdrawal takes effect at once for every later share
(PRV-06). A compulsory frame (*dwang*) is never consent (PRV-07): sharing then needs a recorded
legal basis, which the caller passes explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.validation import FieldIssue, required


class LegalBasis(StrEnum):
    """The basis of a share (SHR-01)."""

    TOESTEMMING = "toestemming"
    CONVENANT = "convenant"
    MANDAAT = "mandaat"
    WETTELIJKE_TAAK = "wettelijke_taak"
    VEILIGHEID = "veiligheid"  # child-safety override: needs a reason and is logged (PRV-04)


class ConsentForm(StrEnum):
    SCHRIFTELIJK = "schriftelijk"  # signed paper form
    MONDELING = "mondeling"  # given verbally and noted by the coach


@dataclass(frozen=True)
class Consent:
    """One consent. ``recipient`` names the organisation or recipient category exactly as chosen in
    the form; ``categories`` are codes of the list deel_categorie (what may be shared)."""

    purpose: Choice  # toestemming_doel
    recipient: str
    categories: tuple[str, ...]
    granted_on: date | None
    given_by: str  # name of the person who consented / signed
    given_by_role: Choice | None  # toestemming_rol
    form: ConsentForm | None
    recorded_by: str = ""
    withdrawn_on: date | None = None
    person_id: int | None = None
    parents_informed: bool | None = None  # for a young person under 16 (PRV-05)

    def active_on(self, day: date) -> bool:
        """Granted on or before ``day`` and not withdrawn on or before it."""
        if self.granted_on is None or self.granted_on > day:
            return False
        return self.withdrawn_on is None or day < self.withdrawn_on


def validate_consent(consent: Consent, *, today: date, code_lists: CodeLists | None = None) -> list[FieldIssue]:
    lists = code_lists or default_code_lists()
    issues = lists[ListId.TOESTEMMING_DOEL].check(consent.purpose, "purpose", "Doel", is_required=True)
    if not consent.recipient.strip():
        issues.append(required("recipient", "Ontvanger"))
    if not consent.categories:
        issues.append(FieldIssue("categories", "Wat mag gedeeld worden: kies minstens één soort gegevens."))
    sharing = lists[ListId.DEEL_CATEGORIE]
    for code in consent.categories:
        if sharing.item(code) is None:
            issues.append(FieldIssue("categories", f"Wat mag gedeeld worden: '{code}' staat niet in de lijst."))
    if consent.granted_on is None:
        issues.append(required("granted_on", "Datum toestemming"))
    elif consent.granted_on > today:
        issues.append(
            FieldIssue("granted_on", "Datum toestemming ligt in de toekomst. Vul de datum van vandaag of eerder in.")
        )
    if not consent.given_by.strip():
        issues.append(required("given_by", "Getekend door"))
    issues += lists[ListId.TOESTEMMING_ROL].check(consent.given_by_role, "given_by_role", "Rol", is_required=True)
    if consent.form is None:
        issues.append(required("form", "Vorm (schriftelijk of mondeling)"))
    if (
        consent.withdrawn_on is not None
        and consent.granted_on is not None
        and consent.withdrawn_on < consent.granted_on
    ):
        issues.append(
            FieldIssue("withdrawn_on", "Ingetrokken op ligt vóór de datum van toestemming. Controleer de data.")
        )
    return issues


@dataclass(frozen=True)
class SharingDecision:
    """Whether something may be shared, on which basis, and (if not) a Dutch explanation."""

    allowed: bool
    basis: LegalBasis | None
    consent: Consent | None = None
    message: str = ""


def may_share(
    consents: Sequence[Consent],
    *,
    purpose: str,
    recipient: str,
    category: str,
    on: date,
    legal_basis: LegalBasis | None = None,
    override_reason: str = "",
) -> SharingDecision:
    """Check a share against the consent register.

    Allowed when an active consent for this purpose and recipient covers ``category``, or when a
    recorded ``legal_basis`` other than consent applies; the safety override needs a reason.
    """
    if legal_basis is LegalBasis.VEILIGHEID:
        if not override_reason.strip():
            return SharingDecision(False, None, message="Geef een reden om zonder toestemming te delen (veiligheid).")
        return SharingDecision(True, LegalBasis.VEILIGHEID)
    if legal_basis is not None and legal_basis is not LegalBasis.TOESTEMMING:
        return SharingDecision(True, legal_basis)
    wanted = recipient.strip().casefold()
    for consent in consents:
        if consent.purpose.code == purpose and consent.recipient.strip().casefold() == wanted and consent.active_on(on):
            if category in consent.categories:
                return SharingDecision(True, LegalBasis.TOESTEMMING, consent)
            return SharingDecision(
                False,
                None,
                consent,
                f"De toestemming voor {recipient} dekt dit soort gegevens niet. Deel alleen wat is toegestaan, "
                "of vraag het gezin om aanvullende toestemming.",
            )
    return SharingDecision(
        False,
        None,
        message=f"Er is geen geldige toestemming om dit met {recipient} te delen. "
        "Vraag het gezin om toestemming of leg een wettelijke grondslag vast.",
    )
