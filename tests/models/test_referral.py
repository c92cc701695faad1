"""The referral form of spec 2.2: required fields, conditional fields and "Anders, namelijk …"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.consent import Consent, ConsentForm
from mpg_desktop.models.referral import (
    FIELD_LABELS,
    AgencyCheck,
    DomainProblem,
    InvolvedHelp,
    ProblemDuration,
    Referral,
    ReferrerContact,
    RiskFactorMark,
)
from mpg_desktop.models.referral_validation import (
    checks_complete,
    coded_answers,
    family_question_recorded,
    referral_complete,
    validate_referral,
)
from mpg_desktop.models.validation import Severity

TODAY = date(2026, 3, 4)

COMPLETE = Referral(
    referral_date=date(2026, 3, 2),
    received_date=date(2026, 3, 3),
    area=Choice("korrewegwijk"),
    programme_profile="de_ploeg",
    referrer_type=Choice("professional", "leerplichtambtenaar"),
    referring_organisation=Choice("leerplicht"),
    referrer_contact=ReferrerContact("J. de Vries", "leerplichtambtenaar", "050-1234567", "j.devries@gemeente.nl"),
    reasons=(Choice("financien"), Choice("opvoeding")),
    referrer_question="Zoon verzuimt; moeder heeft schulden en kan het overzicht niet houden.",
    problem_domains=(
        DomainProblem(Choice("inkomen"), ProblemDuration.EEN_TOT_3_JAAR, 2),
        DomainProblem(Choice("opvoeding"), ProblemDuration.KORTER_DAN_1_JAAR, 1),
    ),
    risk_factors=(RiskFactorMark(Choice("financien_schulden"), 1, "beslag op de uitkering"),),
    urgency=Choice("regulier"),
    child_safety_concerns=Tri.NEE,
    legal_frame=Choice("vrijwillig"),
    case_manager_involved=Tri.NEE,
    involved_help=(InvolvedHelp("MJD", "schuldhulp", from_date=date(2025, 1, 1)),),
    family_informed=True,
    family_informed_on=date(2026, 3, 1),
    funding=Choice("zonder_indicatie"),
)


def fields(referral: Referral, severity: Severity = Severity.FOUT) -> set[str]:
    return {issue.field for issue in validate_referral(referral, today=TODAY) if issue.severity is severity}


def test_complete_referral_has_no_issues() -> None:
    assert validate_referral(COMPLETE, today=TODAY) == []
    assert referral_complete(COMPLETE, today=TODAY)


def test_empty_draft_lists_every_required_field_by_name() -> None:
    issues = validate_referral(Referral(), today=TODAY)
    assert {issue.field for issue in issues} == {
        "referral_date",
        "received_date",
        "area",
        "programme_profile",
        "referrer_type",
        "reasons",
        "referrer_question",
        "problem_domains",
        "urgency",
        "child_safety_concerns",
        "legal_frame",
        "case_manager_involved",
        "involved_help",
        "family_informed",
        "funding",
    }
    by_field = {issue.field: issue.message for issue in issues}
    assert by_field["referral_date"] == "Aanmelddatum is verplicht. Vul dit veld in."
    assert by_field["urgency"].startswith(FIELD_LABELS["urgency"])
    assert not referral_complete(Referral(), today=TODAY)


def test_dates_must_be_plausible() -> None:
    assert "referral_date" in fields(replace(COMPLETE, referral_date=date(2026, 3, 5), received_date=date(2026, 3, 5)))
    before = validate_referral(replace(COMPLETE, received_date=date(2026, 3, 1)), today=TODAY)
    assert [i.message for i in before] == ["Datum ontvangst ligt vóór de aanmelddatum. Controleer beide data."]


def test_professional_needs_organisation_and_contact() -> None:
    bare = replace(COMPLETE, referring_organisation=None, referrer_contact=ReferrerContact())
    assert fields(bare) == {"referring_organisation", "referrer_contact"}
    assert len([i for i in validate_referral(bare, today=TODAY) if i.field == "referrer_contact"]) == 2


def test_self_referral_needs_no_contact_person() -> None:
    self_referred = replace(
        COMPLETE, referrer_type=Choice("zelfmelder"), referring_organisation=None, referrer_contact=ReferrerContact()
    )
    assert validate_referral(self_referred, today=TODAY) == []


def test_non_professional_must_say_who() -> None:
    neighbour = replace(COMPLETE, referrer_type=Choice("niet_professional"), referring_organisation=None)
    messages = [i.message for i in validate_referral(neighbour, today=TODAY)]
    assert messages == ["Type aanmelder: vul bij 'Niet professional, namelijk …' in wat u bedoelt."]
    assert (
        validate_referral(replace(neighbour, referrer_type=Choice("niet_professional", "buurvrouw")), today=TODAY) == []
    )


def test_bad_email_is_explained() -> None:
    contact = replace(COMPLETE.referrer_contact, email="jdevries.gemeente.nl")
    messages = [i.message for i in validate_referral(replace(COMPLETE, referrer_contact=contact), today=TODAY)]
    assert messages == ["Contactpersoon aanmelder: 'jdevries.gemeente.nl' is geen e-mailadres. Controleer het."]


def test_other_reason_needs_its_text_and_unknown_codes_are_refused() -> None:
    other = replace(COMPLETE, reasons=(Choice("anders"),))
    assert fields(other) == {"reasons"}
    assert validate_referral(replace(COMPLETE, reasons=(Choice("anders", "gokschulden"),)), today=TODAY) == []
    assert fields(replace(COMPLETE, area=Choice("utrecht"))) == {"area"}


def test_pressure_frame_needs_levers_and_consequences() -> None:
    drang = replace(COMPLETE, legal_frame=Choice("drang"))
    assert fields(drang) == {"pressure_levers", "consequences_of_not_cooperating"}
    filled = replace(drang, pressure_levers=(Choice("leerplicht"),), consequences_of_not_cooperating="proces-verbaal")
    assert validate_referral(filled, today=TODAY) == []


def test_safety_concerns_and_case_manager_need_details() -> None:
    assert fields(replace(COMPLETE, child_safety_concerns=Tri.JA)) == {"child_safety_concerns"}
    assert fields(replace(COMPLETE, case_manager_involved=Tri.JA)) == {"case_manager_involved"}


def test_wmo_funding_asks_about_own_contribution() -> None:
    assert fields(replace(COMPLETE, funding=Choice("wmo"))) == {"own_contribution"}
    assert validate_referral(replace(COMPLETE, funding=Choice("wmo"), own_contribution=False), today=TODAY) == []


def test_involved_help_can_be_an_explicit_none() -> None:
    assert fields(replace(COMPLETE, involved_help=())) == {"involved_help"}
    assert validate_referral(replace(COMPLETE, involved_help=(), no_involved_help=True), today=TODAY) == []
    backwards = InvolvedHelp("GGZ", from_date=date(2025, 5, 1), to_date=date(2025, 1, 1))
    assert fields(replace(COMPLETE, involved_help=(backwards,))) == {"involved_help"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"problem_domains": (DomainProblem(Choice("inkomen"), None, 4),)}, "problem_domains"),
        ({"problem_domains": (DomainProblem(Choice("inkomen")), DomainProblem(Choice("inkomen")))}, "problem_domains"),
        ({"severity_estimate": 6}, "severity_estimate"),
        ({"programme_profile": "onbekend"}, "programme_profile"),
    ],
)
def test_value_ranges(change: dict[str, object], field: str) -> None:
    assert fields(replace(COMPLETE, **change)) == {field}  # type: ignore[arg-type]


def test_unsupported_risk_factor_and_uninformed_family_are_warnings() -> None:
    loose = replace(COMPLETE, risk_factors=(RiskFactorMark(Choice("sociaal_isolement"), 1),), family_informed=False)
    assert fields(loose) == set()
    assert fields(loose, Severity.WAARSCHUWING) == {"risk_factors", "family_informed"}
    assert referral_complete(loose, today=TODAY)


def test_consents_are_validated_with_the_referral() -> None:
    consent = Consent(
        Choice("terugkoppeling_aanmelder"), "Leerplicht", ("status",), None, "", None, ConsentForm.SCHRIFTELIJK
    )
    issues = [
        i for i in validate_referral(replace(COMPLETE, consents=(consent,)), today=TODAY) if i.field == "consents"
    ]
    assert any("Datum toestemming is verplicht" in i.message for i in issues)
    assert all(i.message.startswith("Toestemming (Leerplicht)") for i in issues)


def test_checks_complete_needs_all_four_agencies() -> None:
    done = tuple(
        AgencyCheck(Choice(code), Tri.NEE, date(2026, 3, 5), "coach")
        for code in ("politie", "sociale_dienst", "bjz_gi", "woningcorporatie")
    )
    assert checks_complete(replace(COMPLETE, checks=done))
    assert not checks_complete(replace(COMPLETE, checks=done[:3]))
    assert not checks_complete(replace(COMPLETE, checks=(*done[:3], AgencyCheck(Choice("woningcorporatie")))))


def test_family_question_and_coded_answers() -> None:
    assert not family_question_recorded(COMPLETE)
    assert family_question_recorded(replace(COMPLETE, family_question="Rust in huis en geen schulden meer."))
    answers = list(coded_answers(COMPLETE))
    assert ("reasons", "reden_aanmelding", Choice("opvoeding")) in answers
    assert len(answers) == 11  # 6 single choices, 2 reasons, 2 domains, 1 risk factor
