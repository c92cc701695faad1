"""The data-quality rules of spec 6, one named rule per fix, for the "Dossier compleet?" panel.

Each rule has a stable id, a Dutch title, the spec-6 problem it answers and its severity: ``fout``
for what the spec states as "requires / cannot / needs", ``waarschuwing`` for what it "flags /
warns / reports". Some rules warn while the case is still in an earlier phase and become an error
once the spec's moment has passed. Findings never block saving (spec 0.2).

Three rows of spec 6 need no case check: the network (VIP) column is optional by design, the
family history screen is a view, and country of birth is not a field by default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import CodeLists, ListId, TextRule, default_code_lists
from mpg_desktop.models.contact_log import is_cancelled, missing_summary_weeks, required_week_label
from mpg_desktop.models.data_quality_input import CaseRecord, MemberRecord
from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.family_type import FamilyType, derive_family_type
from mpg_desktop.models.household import CHILD_ROLES, PARENT_ROLES, Person, Role
from mpg_desktop.models.phase_log import TransitionKind, replay
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral_validation import coded_answers
from mpg_desktop.models.validation import Severity

F, W = Severity.FOUT, Severity.WAARSCHUWING
ADULT_AGE = 18
SCORE_ADVICE = "Schrijf waarop de score steunt."
SIGNATURE_ADVICE = "Scan of fotografeer de getekende versie."
Hit = tuple[Severity, str]


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    title: str
    message: str  # Dutch: what is wrong and what to do


@dataclass(frozen=True)
class QualityRule:
    id: str
    title: str
    problem: str  # the spec-6 problem (English gloss, for developers)
    severity: Severity  # the most serious outcome of this rule
    check: Callable[[CaseRecord, CodeLists], list[Hit]]


def _reached(record: CaseRecord, phase: Phase) -> bool:
    """The case is in ``phase`` or a later support phase now, or the log shows it was there."""
    support = (Phase.INFORMATIEFASE, Phase.PLANVORMING, Phase.UITVOERING, Phase.AFRONDING, Phase.NAZORG)
    later = {p for p in support if p.number >= phase.number}
    return record.phase in later or any(row.to_phase in later for row in record.transitions)


def _dropout(record: CaseRecord, lists: CodeLists) -> bool:
    closing = [row for row in record.transitions if row.to_phase is Phase.AFGESLOTEN]
    if closing and closing[-1].kind is TransitionKind.UITVAL:
        return True
    return record.closure_reason in lists[ListId.REDEN_BEEINDIGING].codes_tagged("uitval")


def _regularly_closed(record: CaseRecord, lists: CodeLists) -> bool:
    return record.phase is Phase.AFGESLOTEN and not _dropout(record, lists)


def _end_date(record: CaseRecord, _: CodeLists) -> list[Hit]:
    closed = record.phase is Phase.AFGESLOTEN or (record.phase is Phase.NAZORG)
    if closed and record.dates.end_of_support is None:
        return [(F, "Deze casus is afgesloten maar heeft geen einddatum begeleiding. Vul de einddatum in.")]
    return []


def _start_date(record: CaseRecord, _: CodeLists) -> list[Hit]:
    if _reached(record, Phase.INFORMATIEFASE) and record.dates.start is None:
        message = (
            "De startdatum begeleiding (kennismakingsgesprek) ontbreekt. Vul die in; de duur wordt ervan berekend."
        )
        return [(F, message)]
    return []


def _date_order(record: CaseRecord, _: CodeLists) -> list[Hit]:
    d = record.dates
    pairs = [
        ("Aanmelddatum", d.referral, "datum ontvangst", d.received),
        ("Aanmelddatum", d.referral, "besluitdatum", d.decision),
        ("Besluitdatum", d.decision, "startdatum begeleiding", d.start),
        ("Startdatum begeleiding", d.start, "datum plan ondertekend", d.plan_signed),
        ("Startdatum begeleiding", d.start, "einddatum begeleiding", d.end_of_support),
        ("Einddatum begeleiding", d.end_of_support, "einde nazorg", d.end_of_aftercare),
    ]
    return [
        (F, f"{first} ({a:%d-%m-%Y}) ligt na {second} ({b:%d-%m-%Y}). Controleer beide data.")
        for first, a, second, b in pairs
        if a is not None and b is not None and a > b
    ]


def _is_adult(member: MemberRecord, today: date) -> bool:
    if member.role in PARENT_ROLES or member.role in (Role.GROOTOUDER, Role.VOLWASSEN_KIND):
        return True
    person = member.to_person()
    return person is not None and person.role not in CHILD_ROLES and person.age_on(today) >= ADULT_AGE


def _household(record: CaseRecord, _: CodeLists) -> list[Hit]:
    has_adult = any(_is_adult(m, record.today) for m in record.members)
    if has_adult and any(m.role in CHILD_ROLES for m in record.members):
        return []
    severity = F if record.phase.number >= Phase.KENNISMAKING.number and record.phase is not Phase.NIET_GESTART else W
    return [(severity, "Vul de gezinssamenstelling aan: minstens één volwassene en één kind, elk met een rol.")]


def _persons(record: CaseRecord) -> list[Person]:
    return [p for p in (m.to_person() for m in record.members) if p is not None]


def _family_type(record: CaseRecord, _: CodeLists) -> list[Hit]:
    persons = _persons(record)
    if not persons:
        return []
    result = derive_family_type(persons, record.today, separating=record.separating)
    return [(W, result.explanation)] if result.family_type is FamilyType.ONBEKEND else []


def _answers(record: CaseRecord, lists: CodeLists) -> Iterator[tuple[str, str, str, bool, bool]]:
    """(field, list title, code, code known, other-text missing) for every coded answer."""
    answers = list(coded_answers(record.referral)) if record.referral else []
    answers += [("contacts", ListId.CONTACT_TYPE, c.contact_type) for c in record.contacts if c.contact_type]
    for name, list_id, choice in answers:
        item = lists[list_id].item(choice.code)
        text_missing = item is not None and item.text is TextRule.REQUIRED and not choice.text.strip()
        yield name, lists[list_id].title, choice.code, item is not None, text_missing


def _other_text(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    return [
        (F, f"{title}: bij '{code}' ontbreekt de toelichting ('namelijk …'). Vul in wat er bedoeld wordt.")
        for _, title, code, known, text_missing in _answers(record, lists)
        if known and text_missing
    ]


def _known_codes(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    return [
        (F, f"{title}: de code '{code}' staat niet (meer) in de codelijst. Kies een bestaande optie.")
        for _, title, code, known, _ in _answers(record, lists)
        if not known
    ]


def _phase_log(record: CaseRecord, _: CodeLists) -> list[Hit]:
    if not record.transitions:
        if record.phase is Phase.AANGEMELD:
            return []
        return [(F, f"De casus staat in '{record.phase.label}' maar er zijn geen fase-overgangen vastgelegd.")]
    try:
        logged = replay(record.transitions)
    except DomainError as error:
        return [(F, error.message)]
    if logged is not record.phase:
        message = f"De fase '{record.phase.label}' klopt niet met het logboek ('{logged.label}')."
        return [(F, message + " Neem contact op met de beheerder.")]
    return []


def _score_justification(baseline: bool) -> Callable[[CaseRecord, CodeLists], list[Hit]]:
    def check(record: CaseRecord, _: CodeLists) -> list[Hit]:
        what = "nulmeting" if baseline else "herscore"
        return [
            (F, f"Leefgebied {s.domain}: de {what} (score {s.score}) heeft geen beschrijving. " + SCORE_ADVICE)
            for s in record.scores
            if s.baseline is baseline and s.score is not None and not s.justification.strip()
        ]

    return check


def _baseline_coverage(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    if not _reached(record, Phase.INFORMATIEFASE) or _dropout(record, lists):
        return []
    scored = {s.domain for s in record.scores if s.baseline and s.score is not None}
    missing = [code for code in record.expected_domains if code not in scored]
    if not missing:
        return []
    severity = F if _reached(record, Phase.PLANVORMING) else W
    labels = lists[ListId.LEEFGEBIED]
    names = ", ".join(labels.display(Choice(code)).lower() for code in missing)
    return [(severity, f"De nulmeting mist {len(missing)} leefgebied(en): {names}. Scoor ze met een beschrijving.")]


def _dossier(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    if record.phase not in (Phase.AFRONDING, Phase.NAZORG, Phase.AFGESLOTEN) or _dropout(record, lists):
        return []
    missing = [item.label for item in record.dossier if not item.ok]
    if not missing:
        return []
    severity = F if record.phase is Phase.AFGESLOTEN else W
    advice = "Voeg ze toe of geef per onderdeel een reden."
    return [(severity, f"Dossieronderdelen ontbreken: {', '.join(missing)}. {advice}")]


def _definitive(record: CaseRecord) -> int | None:
    numbers = [v.number for v in record.plan_versions if v.definitive]
    return max(numbers) if numbers else None


def _family_print(record: CaseRecord, _: CodeLists) -> list[Hit]:
    current, printed = _definitive(record), record.last_family_print_version
    if current is not None and printed is not None and printed < current:
        message = f"Het gezin heeft nog versie {printed} van het plan op papier; versie {current} geldt."
        return [(W, message + " Print de nieuwe versie voor het gezin.")]
    return []


def _signature_captured(record: CaseRecord, _: CodeLists) -> list[Hit]:
    return [
        (W, f"Versie {v.number} van het plan: handtekening nog niet ingevoerd. {SIGNATURE_ADVICE}")
        for v in record.plan_versions
        if v.definitive and v.signed_on is not None and not v.signature_captured
    ]


def _signed_plan(record: CaseRecord, _: CodeLists) -> list[Hit]:
    if _reached(record, Phase.UITVOERING) and not any(v.signed_on for v in record.plan_versions):
        message = "De casus is in uitvoering geweest zonder ondertekend gezinsplan. Leg de ondertekende versie vast."
        return [(F, message)]
    return []


def _final_report(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    if _regularly_closed(record, lists) and not record.final_report:
        return [(F, "Het eindverslag ontbreekt. Voeg het toe (alleen bij uitval is het niet nodig).")]
    return []


def _plan_goal(record: CaseRecord, _: CodeLists) -> list[Hit]:
    return [
        (F, f"Versie {v.number} van het plan is definitief maar heeft geen doel. Voeg minstens één doel toe.")
        for v in record.plan_versions
        if v.definitive and v.goal_count < 1
    ]


def _goal_evaluated(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    if _regularly_closed(record, lists):
        severity = F
    elif record.phase in (Phase.AFRONDING, Phase.NAZORG):
        severity = W
    else:
        return []
    return [
        (severity, f"Doel '{g.text}' is nog nooit geëvalueerd. Evalueer het (GAS) met het gezin voor de afsluiting.")
        for g in record.goals
        if g.evaluation_count < 1
    ]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _duplicates(record: CaseRecord, _: CodeLists) -> list[Hit]:
    hits = []
    for m in record.members:
        for other in record.other_people:
            same_name = _norm(m.first_name) == _norm(other.first_name) and _norm(m.surname) == _norm(other.surname)
            if same_name and m.birth_date == other.birth_date:
                where = f"{m.name} ({other.birth_date:%d-%m-%Y}) staat ook bij gezin '{other.family_name}'."
                hits.append((W, where + " Is dit hetzelfde gezin? Koppel dan het traject aan dat gezin."))
    return hits


def _birth_dates(record: CaseRecord, _: CodeLists) -> list[Hit]:
    hits = []
    for m in record.members:
        if m.birth_date is None:
            hits.append((F, f"{m.name}: de geboortedatum ontbreekt. Vul die in, of schat hem en vink 'geschat' aan."))
        elif m.birth_date > record.today:
            hits.append((F, f"{m.name}: de geboortedatum ligt in de toekomst. Controleer de datum."))
    return hits


def _risk_factor_support(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    if record.referral is None:
        return []
    factors = lists[ListId.RISICOFACTOR]
    evaluated = bool(record.dates.evaluations)
    hits = []
    for mark in record.referral.risk_factors:
        if mark.explanation.strip():
            continue
        item = factors.item(mark.factor.code)
        name = item.label if item else mark.factor.code
        if evaluated:
            advice = "Bevestig met een toelichting of haal het vinkje weg."
            hits.append((W, f"Risicofactor '{name}' is aangevinkt maar niet onderbouwd. {advice}"))
        else:
            hits.append((W, f"Risicofactor '{name}': schrijf in één regel waarop dit is gebaseerd."))
    return hits


def _activity_without_goal(record: CaseRecord, lists: CodeLists) -> list[Hit]:
    signed = record.dates.plan_signed
    if signed is None:
        return []
    loose = [c for c in record.contacts if c.at.date() >= signed and not c.goal_keys and not is_cancelled(c, lists)]
    if not loose:
        return []
    advice = "Koppel ze, of maak er een doel van."
    return [(W, f"{len(loose)} contact(en) sinds het plan zijn aan geen doel gekoppeld. {advice}")]


def _smart_goals(record: CaseRecord, _: CodeLists) -> list[Hit]:
    hits = []
    for goal in record.goals:
        gaps = [
            word for word, ok in (("meetbaar", goal.measurable.strip()), ("tijdgebonden", goal.target_date)) if not ok
        ]
        if gaps:
            advice = "Vul aan hoe en wanneer het doel bereikt is."
            hits.append((W, f"Doel '{goal.text}' is nog niet {' en '.join(gaps)}. {advice}"))
    return hits


def _satisfaction(record: CaseRecord, _: CodeLists) -> list[Hit]:
    hits = []
    for number, form in enumerate(record.satisfaction, start=1):
        if form.named and form.traject_id is None:
            hits.append(
                (F, f"Tevredenheidsformulier {number} is op naam maar niet aan het traject gekoppeld. Koppel het.")
            )
        if not form.programme.strip() or not form.team.strip():
            advice = "Vul ze in, ook als het anoniem is."
            hits.append((F, f"Tevredenheidsformulier {number} mist programma of team. {advice}"))
    return hits


def _weekly_summaries(record: CaseRecord, _: CodeLists) -> list[Hit]:
    missing = missing_summary_weeks(record.transitions, record.weekly_summaries, record.today)
    if not missing:
        return []
    shown = ", ".join(required_week_label(week) for week in missing[:3])
    more = f" en {len(missing) - 3} andere" if len(missing) > 3 else ""
    advice = "Het concept wordt uit de contacten gemaakt."
    return [(W, f"{len(missing)} weekoverzicht(en) ontbreken: {shown}{more}. {advice}")]


RULES: tuple[QualityRule, ...] = (
    QualityRule("einddatum", "Einddatum begeleiding", "end dates of support often missing", F, _end_date),
    QualityRule("startdatum", "Startdatum begeleiding", "duration missing for 48% (intake date)", F, _start_date),
    QualityRule("datumvolgorde", "Volgorde van de data", "trajectory status contradictory", F, _date_order),
    QualityRule("fase_logboek", "Fase volgt het logboek", "trajectory status contradictory", F, _phase_log),
    QualityRule("huishouden", "Gezinssamenstelling", "household composition unknown", F, _household),
    QualityRule("type_gezin", "Type gezin", "household composition unknown (type derived)", W, _family_type),
    QualityRule(
        "anders_toelichting", "Toelichting bij 'Anders'", "different definitions for the same questions", F, _other_text
    ),
    QualityRule("bekende_codes", "Bekende codes", "local standards; stable codes for export", F, _known_codes),
    QualityRule(
        "score_toelichting", "Score met toelichting", "domain severity data unusable", F, _score_justification(False)
    ),
    QualityRule(
        "nulmeting_beschrijving",
        "Nulmeting met beschrijving",
        "baseline scored differently",
        F,
        _score_justification(True),
    ),
    QualityRule("nulmeting_dekking", "Nulmeting compleet", "baseline file lacked items", F, _baseline_coverage),
    QualityRule("dossier", "Dossieronderdelen", "files varied and were incomplete", F, _dossier),
    QualityRule(
        "afdruk_gezin", "Papieren versie gezin", "latest plan only digital, old draft on paper", W, _family_print
    ),
    QualityRule("handtekening_ingevoerd", "Handtekening ingevoerd", "latest plan only digital", W, _signature_captured),
    QualityRule("plan_ondertekend", "Ondertekend plan", "no plan found in files", F, _signed_plan),
    QualityRule("eindverslag", "Eindverslag", "no final report found in files", F, _final_report),
    QualityRule("plan_doel", "Plan met doelen", "files without set goals were unusable", F, _plan_goal),
    QualityRule("doel_evaluatie", "Doelen geëvalueerd", "files without set goals were unusable", F, _goal_evaluated),
    QualityRule("dubbele_persoon", "Mogelijk dubbel gezin", "separate files for one family", W, _duplicates),
    QualityRule("geboortedatum", "Geboortedata", "parents' and children's dates of birth missing", F, _birth_dates),
    QualityRule(
        "risicofactor_toelichting",
        "Onderbouwde risicofactoren",
        "risk factors ticked without support",
        W,
        _risk_factor_support,
    ),
    QualityRule(
        "activiteit_zonder_doel", "Activiteiten met doel", "activities not turned into goals", W, _activity_without_goal
    ),
    QualityRule("doel_smart", "Doelen SMART", "unclear goals needed follow-up", W, _smart_goals),
    QualityRule(
        "tevredenheid_herleidbaar",
        "Tevredenheid herleidbaar",
        "anonymous forms could not be attributed",
        F,
        _satisfaction,
    ),
    QualityRule(
        "weekoverzicht", "Weekoverzichten", "administration burden; weekly summary from contacts", W, _weekly_summaries
    ),
)


def check_case(
    record: CaseRecord, *, rules: tuple[QualityRule, ...] = RULES, code_lists: CodeLists | None = None
) -> list[Finding]:
    """All findings for one traject: errors first, then warnings, each in rule order."""
    lists = code_lists or default_code_lists()
    findings = [
        Finding(rule.id, severity, rule.title, message)
        for rule in rules
        for severity, message in rule.check(record, lists)
    ]
    return sorted(findings, key=lambda f: f.severity is not Severity.FOUT)


RULES_BY_ID: dict[str, QualityRule] = {rule.id: rule for rule in RULES}
