"""Consent per recipient (spec 2.2, 5.8; privacy PRV, SHR, ACC-04)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.consent import Consent, ConsentForm, LegalBasis, may_share, validate_consent

CONSENT = Consent(
    purpose=Choice("terugkoppeling_aanmelder"),
    recipient="CJG Noord",
    categories=("status", "voortgang"),
    granted_on=date(2026, 3, 10),
    given_by="Sanne Bakker",
    given_by_role=Choice("ouder_met_gezag"),
    form=ConsentForm.SCHRIFTELIJK,
    recorded_by="coach A",
)


def share(
    consents: list[Consent],
    category: str = "status",
    on: date = date(2026, 4, 1),
    legal_basis: LegalBasis | None = None,
) -> bool:
    decision = may_share(
        consents,
        purpose="terugkoppeling_aanmelder",
        recipient="cjg noord ",
        category=category,
        on=on,
        legal_basis=legal_basis,
    )
    return decision.allowed


def test_valid_consent() -> None:
    assert validate_consent(CONSENT, today=date(2026, 4, 1)) == []


def test_consent_fields_are_required() -> None:
    empty = Consent(Choice(""), "", (), None, "", None, None)
    assert {i.field for i in validate_consent(empty, today=date(2026, 4, 1))} == {
        "purpose",
        "recipient",
        "categories",
        "granted_on",
        "given_by",
        "given_by_role",
        "form",
    }
    odd = replace(CONSENT, categories=("alles",), withdrawn_on=date(2026, 3, 1))
    assert {i.field for i in validate_consent(odd, today=date(2026, 4, 1))} == {"categories", "withdrawn_on"}


def test_active_period_and_immediate_withdrawal() -> None:
    assert not CONSENT.active_on(date(2026, 3, 9))
    assert CONSENT.active_on(date(2026, 3, 10))
    withdrawn = replace(CONSENT, withdrawn_on=date(2026, 5, 1))
    assert withdrawn.active_on(date(2026, 4, 30)) and not withdrawn.active_on(date(2026, 5, 1))
    assert not share([withdrawn], on=date(2026, 5, 1))


def test_sharing_is_limited_to_recipient_purpose_and_category() -> None:
    assert share([CONSENT], "status") and share([CONSENT], "voortgang")
    refused = may_share(
        [CONSENT],
        purpose="terugkoppeling_aanmelder",
        recipient="CJG Noord",
        category="plan_inhoud",
        on=date(2026, 4, 1),
    )
    assert not refused.allowed and "dekt dit soort gegevens niet" in refused.message
    other = may_share(
        [CONSENT], purpose="terugkoppeling_aanmelder", recipient="Politie", category="status", on=date(2026, 4, 1)
    )
    assert not other.allowed and "geen geldige toestemming" in other.message
    assert not may_share(
        [CONSENT], purpose="delen_partner", recipient="CJG Noord", category="status", on=date(2026, 4, 1)
    ).allowed


def test_legal_basis_and_safety_override() -> None:
    assert (
        may_share(
            [],
            purpose="delen_partner",
            recipient="X",
            category="status",
            on=date(2026, 4, 1),
            legal_basis=LegalBasis.CONVENANT,
        ).basis
        is LegalBasis.CONVENANT
    )
    no_reason = may_share(
        [],
        purpose="delen_partner",
        recipient="Veilig Thuis",
        category="status",
        on=date(2026, 4, 1),
        legal_basis=LegalBasis.VEILIGHEID,
    )
    assert not no_reason.allowed and "reden" in no_reason.message
    override = may_share(
        [],
        purpose="delen_partner",
        recipient="Veilig Thuis",
        category="status",
        on=date(2026, 4, 1),
        legal_basis=LegalBasis.VEILIGHEID,
        override_reason="acuut onveilig",
    )
    assert override.allowed and override.basis is LegalBasis.VEILIGHEID
    # Recording consent as the basis still requires a matching consent.
    assert not share([], legal_basis=LegalBasis.TOESTEMMING)
