"""Every data-quality rule of spec 6: a clean case passes all, and one change makes each rule fail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import pytest

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.contact_log import ContactLogEntry, WeeklySummary, weeks_requiring_summary
from mpg_desktop.models.data_quality import RULES, RULES_BY_ID, check_case
from mpg_desktop.models.data_quality_input import (
    DEFAULT_DOMAINS,
    CaseRecord,
    DomainScoreRecord,
    GoalRecord,
    MemberRecord,
    OtherPerson,
    PlanVersionRecord,
    SatisfactionRecord,
)
from mpg_desktop.models.deadlines import KeyDates
from mpg_desktop.models.dossier import dossier_checklist
from mpg_desktop.models.household import Role
from mpg_desktop.models.phase_log import PhaseTransition, TransitionKind
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import Referral, RiskFactorMark
from mpg_desktop.models.validation import Severity

P = Phase
TODAY = date(2027, 3, 1)
PATH = [
    (P.AANGEMELD, P.IN_BEOORDELING, date(2026, 3, 2)),
    (P.IN_BEOORDELING, P.KENNISMAKING, date(2026, 3, 9)),
    (P.KENNISMAKING, P.INFORMATIEFASE, date(2026, 3, 16)),
    (P.INFORMATIEFASE, P.PLANVORMING, date(2026, 4, 20)),
    (P.PLANVORMING, P.UITVOERING, date(2026, 5, 4)),
    (P.UITVOERING, P.AFRONDING, date(2027, 1, 4)),
    (P.AFRONDING, P.AFGESLOTEN, date(2027, 2, 1)),
]
LOG = tuple(
    PhaseTransition(a, b, datetime.combine(d, datetime.min.time()), "coach", TransitionKind.VOORUIT) for a, b, d in PATH
)
MOTHER = MemberRecord("Sanne", "Bakker", Role.MOEDER, date(1988, 4, 2), id=1)
CHILD = MemberRecord("Emre", "Yilmaz", Role.KIND, date(2015, 9, 30), id=2, biological_parent_ids=(1, 9))
ALL_PARTS = {item.code for item in default_code_lists()[ListId.DOSSIERONDERDEEL].items}
GOALS = (
    GoalRecord("g1", "Schulden op een rij", "overzicht bij de bewindvoerder", date(2026, 12, 1), 2),
    GoalRecord("g2", "Emre gaat elke dag naar school", "verzuim 0 uur per maand", date(2026, 10, 1), 1),
)

CLEAN = CaseRecord(
    today=TODAY,
    phase=P.AFGESLOTEN,
    transitions=LOG,
    dates=KeyDates(
        referral=date(2026, 3, 2),
        received=date(2026, 3, 2),
        decision=date(2026, 3, 9),
        start=date(2026, 3, 16),
        plan_signed=date(2026, 5, 4),
        evaluations=(date(2026, 8, 4), date(2026, 11, 4)),
        end_of_support=date(2027, 2, 1),
    ),
    closure_reason="doelen_behaald",
    members=(MOTHER, CHILD),
    referral=Referral(
        reasons=(Choice("financien"), Choice("anders", "schuldhulp loopt vast")),
        risk_factors=(RiskFactorMark(Choice("financien_schulden"), 1, "beslag op uitkering sinds januari"),),
    ),
    scores=(
        *(DomainScoreRecord(code, 2, "beschrijving van de situatie", True) for code in DEFAULT_DOMAINS),
        DomainScoreRecord("inkomen", 3, "betalingsregeling loopt", False),
    ),
    plan_versions=(PlanVersionRecord(1, True, 2, date(2026, 5, 4), True),),
    last_family_print_version=1,
    goals=GOALS,
    contacts=(ContactLogEntry(datetime(2026, 6, 2, 10), Choice("huisbezoek"), 60, summary="post", goal_keys=("g1",)),),
    weekly_summaries=tuple(
        WeeklySummary(week, "activiteiten", "geen", "geen", None) for week in weeks_requiring_summary(LOG, TODAY)
    ),
    dossier=dossier_checklist(ALL_PARTS, aftercare_reached=False),
    final_report=True,
    satisfaction=(SatisfactionRecord(True, 1, "standaard", "Team Noord"),),
    other_people=(OtherPerson("Sanne", "Bakker", date(1990, 1, 1), "Bakker (ander gezin)"),),
)


def _dates(**changes: object) -> Callable[[CaseRecord], CaseRecord]:
    return lambda r: replace(r, dates=replace(r.dates, **changes))  # type: ignore[arg-type]


def _referral(**changes: object) -> Callable[[CaseRecord], CaseRecord]:
    return lambda r: replace(r, referral=replace(r.referral or Referral(), **changes))  # type: ignore[arg-type]


FAILING: dict[str, Callable[[CaseRecord], CaseRecord]] = {
    "einddatum": _dates(end_of_support=None),
    "startdatum": _dates(start=None),
    "datumvolgorde": _dates(decision=date(2026, 3, 20)),
    "fase_logboek": lambda r: replace(r, phase=P.UITVOERING),
    "huishouden": lambda r: replace(r, members=(MOTHER,)),
    "type_gezin": lambda r: replace(r, members=(MOTHER, replace(CHILD, birth_date=date(2005, 1, 1)))),
    "anders_toelichting": _referral(reasons=(Choice("anders"),)),
    "bekende_codes": _referral(reasons=(Choice("bestaat_niet"),)),
    "score_toelichting": lambda r: replace(r, scores=(*r.scores[:-1], DomainScoreRecord("inkomen", 3, " ", False))),
    "nulmeting_beschrijving": lambda r: replace(r, scores=(DomainScoreRecord("inkomen", 1, "", True), *r.scores[1:])),
    "nulmeting_dekking": lambda r: replace(r, scores=r.scores[1:]),
    "dossier": lambda r: replace(r, dossier=dossier_checklist(ALL_PARTS - {"eindverslag"}, aftercare_reached=False)),
    "afdruk_gezin": lambda r: replace(
        r, plan_versions=(PlanVersionRecord(1, False, 2), PlanVersionRecord(2, True, 3, date(2026, 9, 1), True))
    ),
    "handtekening_ingevoerd": lambda r: replace(
        r, plan_versions=(PlanVersionRecord(1, True, 2, date(2026, 5, 4), False),)
    ),
    "plan_ondertekend": lambda r: replace(r, plan_versions=(PlanVersionRecord(1, True, 2),)),
    "eindverslag": lambda r: replace(r, final_report=False),
    "plan_doel": lambda r: replace(r, plan_versions=(PlanVersionRecord(1, True, 0, date(2026, 5, 4), True),)),
    "doel_evaluatie": lambda r: replace(r, goals=(GOALS[0], replace(GOALS[1], evaluation_count=0))),
    "dubbele_persoon": lambda r: replace(
        r, other_people=(OtherPerson(" sanne", "BAKKER ", date(1988, 4, 2), "Bakker-2"),)
    ),
    "geboortedatum": lambda r: replace(r, members=(MOTHER, replace(CHILD, birth_date=None))),
    "risicofactor_toelichting": _referral(risk_factors=(RiskFactorMark(Choice("sociaal_isolement"), 1),)),
    "activiteit_zonder_doel": lambda r: replace(
        r, contacts=(ContactLogEntry(datetime(2026, 6, 9, 10), Choice("huisbezoek"), 45, summary="koffie"),)
    ),
    "doel_smart": lambda r: replace(r, goals=(replace(GOALS[0], measurable=""), GOALS[1])),
    "tevredenheid_herleidbaar": lambda r: replace(
        r, satisfaction=(SatisfactionRecord(True, None, "standaard", "Noord"),)
    ),
    "weekoverzicht": lambda r: replace(r, weekly_summaries=r.weekly_summaries[1:]),
}


def test_every_rule_has_a_failing_case() -> None:
    assert set(FAILING) == set(RULES_BY_ID)
    assert len(RULES) == len(RULES_BY_ID)  # ids are unique


def test_clean_case_passes_every_rule() -> None:
    assert check_case(CLEAN) == []


@pytest.mark.parametrize("rule_id", sorted(FAILING))
def test_rule_fails_on_its_problem(rule_id: str) -> None:
    findings = check_case(FAILING[rule_id](CLEAN))
    mine = [f for f in findings if f.rule_id == rule_id]
    assert mine, findings
    rule = RULES_BY_ID[rule_id]
    assert all(f.severity is rule.severity and f.title == rule.title for f in mine)
    assert all(f.message.endswith(".") and (f.message[0].isupper() or f.message[0].isdigit()) for f in mine)


def test_errors_are_listed_before_warnings() -> None:
    broken = replace(CLEAN, final_report=False, goals=(replace(GOALS[0], measurable=""), GOALS[1]))
    severities = [f.severity for f in check_case(broken)]
    assert severities == [Severity.FOUT, Severity.WAARSCHUWING]


def test_dropout_is_exempt_from_plan_report_dossier_and_goal_rules() -> None:
    log = (
        *LOG[:3],
        PhaseTransition(P.INFORMATIEFASE, P.AFGESLOTEN, datetime(2026, 4, 1), "coach", TransitionKind.UITVAL),
    )
    dropout = replace(
        CLEAN,
        transitions=log,
        closure_reason="uitval_onbereikbaar",
        dates=replace(CLEAN.dates, plan_signed=None, evaluations=(), end_of_support=date(2026, 4, 1)),
        plan_versions=(),
        goals=(replace(GOALS[0], evaluation_count=0),),
        final_report=False,
        dossier=dossier_checklist(set(), aftercare_reached=False),
        scores=(),
        contacts=(),
        weekly_summaries=tuple(WeeklySummary(w, "a", "b", "c", None) for w in weeks_requiring_summary(log, TODAY)),
    )
    assert check_case(dropout) == []


def test_household_is_a_warning_before_introduction_and_an_error_after() -> None:
    early = replace(CLEAN, phase=P.AANGEMELD, transitions=(), members=(MOTHER,))
    assert [(f.rule_id, f.severity) for f in check_case(early) if f.rule_id == "huishouden"] == [
        ("huishouden", Severity.WAARSCHUWING)
    ]


def test_baseline_coverage_warns_in_information_phase() -> None:
    info = replace(CLEAN, phase=P.INFORMATIEFASE, transitions=LOG[:3], scores=CLEAN.scores[1:])
    hits = [f for f in check_case(info) if f.rule_id == "nulmeting_dekking"]
    assert [f.severity for f in hits] == [Severity.WAARSCHUWING] and "onderwijs/werk" in hits[0].message


def test_goal_evaluation_warns_while_closing() -> None:
    closing = replace(CLEAN, phase=P.AFRONDING, transitions=LOG[:6], goals=(replace(GOALS[0], evaluation_count=0),))
    hits = [f for f in check_case(closing) if f.rule_id == "doel_evaluatie"]
    assert [f.severity for f in hits] == [Severity.WAARSCHUWING]


def test_unsupported_risk_factor_message_changes_after_first_evaluation() -> None:
    ticked = FAILING["risicofactor_toelichting"](CLEAN)
    after = [f.message for f in check_case(ticked) if f.rule_id == "risicofactor_toelichting"]
    assert "niet onderbouwd" in after[0] and "Sociaal isolement" in after[0]
    before = replace(ticked, dates=replace(ticked.dates, evaluations=()))
    first = next(f.message for f in check_case(before) if f.rule_id == "risicofactor_toelichting")
    assert "waarop dit is gebaseerd" in first


def test_phase_without_log_is_reported() -> None:
    no_log = replace(CLEAN, transitions=(), weekly_summaries=())
    assert any(f.rule_id == "fase_logboek" and "geen fase-overgangen" in f.message for f in check_case(no_log))
