"""Checks of the referral form (spec 2.2): field-named Dutch messages, never an exception.

``validate_referral`` reports what must be filled before the case leaves AANGEMELD; the form can be
saved with any of these open (spec 0.2). Fields the spec requires later (the family's own question,
risk factors, checks) are checked by their own helpers for the phase requirements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.consent import validate_consent
from mpg_desktop.models.programme_profiles import ProgrammeProfile, default_programme_profiles
from mpg_desktop.models.referral import (
    FIELD_LABELS,
    PROBLEM_SEVERITY_LABELS,
    SEVERITY_ESTIMATE_RANGE,
    Referral,
)
from mpg_desktop.models.validation import FieldIssue, Severity, has_errors, required

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def coded_answers(referral: Referral) -> Iterator[tuple[str, ListId, Choice]]:
    """Every coded answer of the form: (field, list, choice). Used for code checks and exports."""
    single = [
        ("area", ListId.WERKGEBIED, referral.area),
        ("referrer_type", ListId.AANMELDER_TYPE, referral.referrer_type),
        ("referring_organisation", ListId.AANMELDENDE_ORGANISATIE, referral.referring_organisation),
        ("family_profile", ListId.PROFIEL_SYSTEEM, referral.family_profile),
        ("urgency", ListId.URGENTIE, referral.urgency),
        ("legal_frame", ListId.KADER, referral.legal_frame),
        ("funding", ListId.FINANCIERING, referral.funding),
    ]
    for name, list_id, choice in single:
        if choice is not None:
            yield name, list_id, choice
    yield from (("reasons", ListId.REDEN_AANMELDING, c) for c in referral.reasons)
    yield from (("problem_domains", ListId.LEEFGEBIED, p.domain) for p in referral.problem_domains)
    yield from (("risk_factors", ListId.RISICOFACTOR, m.factor) for m in referral.risk_factors)
    yield from (("acute_situations", ListId.ACUTE_SITUATIE, c) for c in referral.acute_situations)
    yield from (("pressure_levers", ListId.DRANGMIDDEL, c) for c in referral.pressure_levers)
    yield from (("checks", ListId.CHECK_INSTANTIE, c.agency) for c in referral.checks)
    yield from (("parent_education", ListId.OPLEIDING, e.education) for e in referral.parent_education)


def _label(name: str) -> str:
    return FIELD_LABELS[name]


def _dates(referral: Referral, today: date) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if referral.referral_date is None:
        issues.append(required("referral_date", _label("referral_date")))
    elif referral.referral_date > today:
        issues.append(
            FieldIssue("referral_date", "Aanmelddatum ligt in de toekomst. Vul een datum tot en met vandaag in.")
        )
    if referral.received_date is None:
        issues.append(required("received_date", _label("received_date")))
    elif referral.referral_date is not None and referral.received_date < referral.referral_date:
        issues.append(FieldIssue("received_date", "Datum ontvangst ligt vóór de aanmelddatum. Controleer beide data."))
    elif referral.received_date > today:
        issues.append(
            FieldIssue("received_date", "Datum ontvangst ligt in de toekomst. Vul een datum tot en met vandaag in.")
        )
    return issues


def _referrer(referral: Referral, lists: CodeLists) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    referrer_type = referral.referrer_type
    if referrer_type is None or not referrer_type.code:
        issues.append(required("referrer_type", _label("referrer_type")))
        return issues
    professional = referrer_type.code in lists[ListId.AANMELDER_TYPE].codes_tagged("professional")
    if professional and referral.referring_organisation is None:
        issues.append(
            FieldIssue(
                "referring_organisation",
                "Aanmeldende organisatie is verplicht bij een professional. Kies de organisatie.",
            )
        )
    if referrer_type.code != "zelfmelder":
        contact = referral.referrer_contact
        if not contact.name.strip():
            issues.append(
                FieldIssue(
                    "referrer_contact",
                    "Contactpersoon aanmelder: vul een naam in; die is nodig voor de terugkoppeling.",
                )
            )
        if not contact.phone.strip() and not contact.email.strip():
            issues.append(
                FieldIssue("referrer_contact", "Contactpersoon aanmelder: vul een telefoonnummer of e-mailadres in.")
            )
        if contact.email.strip() and not _EMAIL.match(contact.email.strip()):
            issues.append(
                FieldIssue(
                    "referrer_contact",
                    f"Contactpersoon aanmelder: '{contact.email}' is geen e-mailadres. Controleer het.",
                )
            )
    return issues


def _content(referral: Referral) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if not referral.reasons:
        issues.append(FieldIssue("reasons", "Reden van aanmelding: kies minstens één reden."))
    if not referral.referrer_question.strip():
        issues.append(required("referrer_question", _label("referrer_question")))
    if not referral.problem_domains:
        issues.append(FieldIssue("problem_domains", "Leefgebieden met problemen: kies minstens één leefgebied."))
    domains = [p.domain.code for p in referral.problem_domains if p.domain.code != "anders"]
    if len(domains) != len(set(domains)):
        issues.append(
            FieldIssue("problem_domains", "Leefgebieden met problemen: een leefgebied staat er twee keer in.")
        )
    for problem in referral.problem_domains:
        if problem.severity is not None and problem.severity not in PROBLEM_SEVERITY_LABELS:
            issues.append(FieldIssue("problem_domains", "Leefgebieden met problemen: ernst is 1, 2 of 3."))
    for mark in referral.risk_factors:
        if not mark.explanation.strip():
            issues.append(
                FieldIssue(
                    "risk_factors",
                    "Risicofactoren: schrijf bij elke aangevinkte factor in één regel waarop die is gebaseerd.",
                    Severity.WAARSCHUWING,
                )
            )
            break
    if referral.severity_estimate is not None and referral.severity_estimate not in SEVERITY_ESTIMATE_RANGE:
        issues.append(FieldIssue("severity_estimate", "Ernsttaxatie: kies een getal van 1 tot en met 5."))
    return issues


def _safety_and_frame(referral: Referral, lists: CodeLists) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if referral.child_safety_concerns is None:
        issues.append(required("child_safety_concerns", _label("child_safety_concerns")))
    elif referral.child_safety_concerns is Tri.JA and not referral.child_safety_note.strip():
        issues.append(FieldIssue("child_safety_concerns", "Zorgen over veiligheid kinderen: beschrijf de zorgen."))
    frame = referral.legal_frame
    if frame is not None and frame.code in lists[ListId.KADER].codes_tagged("drang_dwang"):
        if not referral.pressure_levers:
            issues.append(FieldIssue("pressure_levers", "Drangmiddel: kies minstens één middel bij drang of dwang."))
        if not referral.consequences_of_not_cooperating.strip():
            issues.append(
                FieldIssue(
                    "consequences_of_not_cooperating",
                    "Consequenties bij niet meewerken: schrijf op wat er gebeurt als het gezin niet meewerkt "
                    "(zoals in de overdrachtsbrief).",
                )
            )
    if referral.case_manager_involved is None:
        issues.append(required("case_manager_involved", _label("case_manager_involved")))
    elif referral.case_manager_involved is Tri.JA and not referral.case_manager.strip():
        issues.append(FieldIssue("case_manager_involved", "Casemanager / gezinsvoogd: vul naam en organisatie in."))
    if not referral.involved_help and not referral.no_involved_help:
        issues.append(
            FieldIssue(
                "involved_help", "(Eerder) betrokken hulpverlening: vul de hulpverlening in, of vink 'geen' aan."
            )
        )
    for help_ in referral.involved_help:
        if not help_.organisation.strip():
            issues.append(
                FieldIssue("involved_help", "(Eerder) betrokken hulpverlening: vul bij elke regel de organisatie in.")
            )
        if help_.from_date and help_.to_date and help_.to_date < help_.from_date:
            issues.append(
                FieldIssue(
                    "involved_help",
                    f"(Eerder) betrokken hulpverlening: bij {help_.organisation} ligt 'tot' vóór 'van'.",
                )
            )
    return issues


def _family_and_funding(referral: Referral, lists: CodeLists, today: date) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if referral.family_informed is None:
        issues.append(required("family_informed", _label("family_informed")))
    elif not referral.family_informed:
        issues.append(
            FieldIssue(
                "family_informed",
                "Het gezin weet nog niet van de aanmelding. "
                "De begeleiding kan pas starten als het gezin op de hoogte is.",
                Severity.WAARSCHUWING,
            )
        )
    elif referral.family_informed_on is not None and referral.family_informed_on > today:
        issues.append(FieldIssue("family_informed", "Gezin op de hoogte: de datum ligt in de toekomst."))
    if referral.funding is None:
        issues.append(required("funding", _label("funding")))
    elif referral.funding.code in lists[ListId.FINANCIERING].codes_tagged("wmo") and referral.own_contribution is None:
        issues.append(
            FieldIssue("own_contribution", "Eigen bijdrage: geef aan of het gezin een eigen bijdrage betaalt (WMO).")
        )
    for consent in referral.consents:
        issues += [
            FieldIssue(
                "consents", f"Toestemming ({consent.recipient or 'zonder ontvanger'}): {issue.message}", issue.severity
            )
            for issue in validate_consent(consent, today=today, code_lists=lists)
        ]
    return issues


def validate_referral(
    referral: Referral,
    *,
    today: date,
    code_lists: CodeLists | None = None,
    profiles: Mapping[str, ProgrammeProfile] | None = None,
) -> list[FieldIssue]:
    """Every problem of the referral, in form order. Errors must be solved before the case leaves
    AANGEMELD (or skipped with a reason); warnings inform."""
    lists = code_lists or default_code_lists()
    known_profiles = profiles if profiles is not None else default_programme_profiles()
    issues = _dates(referral, today)
    if referral.area is None:
        issues.append(required("area", _label("area")))
    if not referral.programme_profile:
        issues.append(required("programme_profile", _label("programme_profile")))
    elif referral.programme_profile not in known_profiles:
        issues.append(
            FieldIssue(
                "programme_profile", f"Programma-profiel '{referral.programme_profile}' bestaat niet. Kies een profiel."
            )
        )
    issues += _referrer(referral, lists)
    issues += _content(referral)
    if referral.urgency is None:
        issues.append(required("urgency", _label("urgency")))
    issues += _safety_and_frame(referral, lists)
    if referral.legal_frame is None:
        issues.append(required("legal_frame", _label("legal_frame")))
    issues += _family_and_funding(referral, lists, today)
    for name, list_id, choice in coded_answers(referral):
        issues += lists[list_id].check(choice, name, _label(name))
    return issues


def referral_complete(referral: Referral, *, today: date, code_lists: CodeLists | None = None) -> bool:
    """Requirement REFERRAL_COMPLETE: no errors left on the form."""
    return not has_errors(validate_referral(referral, today=today, code_lists=code_lists))


def checks_complete(referral: Referral, code_lists: CodeLists | None = None) -> bool:
    """Requirement CHECKS_DONE: each mandatory agency (tag ``verplicht``) has an outcome and a date."""
    lists = code_lists or default_code_lists()
    mandatory = lists[ListId.CHECK_INSTANTIE].codes_tagged("verplicht")
    done = {c.agency.code for c in referral.checks if c.known is not None and c.checked_on is not None}
    return mandatory <= done


def family_question_recorded(referral: Referral) -> bool:
    """Requirement FAMILY_QUESTION_RECORDED (spec 2.2: by the end of the information phase)."""
    return bool(referral.family_question.strip())
