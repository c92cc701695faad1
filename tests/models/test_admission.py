"""Admission criteria per profile (spec 2.3) and the go/no-go decision record (spec 2.4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mpg_desktop.models.admission import (
    AdmissionFacts,
    CriterionResult,
    CriterionStatus,
    Decision,
    DecisionKind,
    admission_facts,
    assess_admission,
    referral_age_days,
    unmet_criteria,
    validate_decision,
)
from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.household import Person, Role
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.programme_profiles import AdmissionCriterion, default_programme_profiles
from mpg_desktop.models.referral import DomainProblem, Referral, RiskFactorMark
from mpg_desktop.models.referrer_feedback import FeedbackEvent, ReferrerFeedback
from mpg_desktop.models.validation import Severity

PROFILES = default_programme_profiles()
ON = date(2026, 3, 10)
C = AdmissionCriterion
S = CriterionStatus
MOTHER = Person("Sanne", "Bakker", date(1988, 4, 2), Role.MOEDER, id=1)
SON = Person("Emre", "Yilmaz", date(2012, 9, 30), Role.KIND, id=2)
REFERRAL = Referral(
    area=Choice("tuinwijk"),
    reasons=(Choice("financien"), Choice("opvoeding"), Choice("huishouden")),
    problem_domains=(DomainProblem(Choice("inkomen")), DomainProblem(Choice("opvoeding"))),
    risk_factors=(RiskFactorMark(Choice("financien_schulden"), 1, "beslag"),),
)
FEEDBACK = ReferrerFeedback(FeedbackEvent.BESLUIT, date(2026, 3, 11), "Leerplicht", channel=Choice("telefonisch"))


def statuses(profile_id: str, facts: AdmissionFacts) -> dict[AdmissionCriterion, CriterionStatus]:
    return {r.criterion: r.status for r in assess_admission(PROFILES[profile_id], facts)}


def test_facts_from_referral_and_household() -> None:
    facts = admission_facts(REFERRAL, [MOTHER, SON], ON, team_answers={C.GEEN_CRISIS: Tri.JA})
    assert (facts.adults_at_home, facts.minors_at_home) == (1, 1)
    assert facts.problem_domains == {"inkomen", "opvoeding"} and facts.parenting_problems
    assert facts.area == "tuinwijk" and facts.team_answers[C.GEEN_CRISIS] is Tri.JA


def test_standard_profile_all_met() -> None:
    facts = admission_facts(REFERRAL, [MOTHER, SON], ON, team_answers={C.GEEN_CONFLICTEREND_TRAJECT: Tri.JA})
    assert set(statuses("standaard", facts).values()) == {S.VOLDAAN}


def test_household_needs_adult_and_minor_at_home() -> None:
    grown_up = replace(SON, birth_date=date(2006, 1, 1))
    placed = replace(SON, placed_out_of_home=True)
    for members in ([MOTHER], [MOTHER, grown_up], [MOTHER, placed], [SON]):
        assert statuses("standaard", admission_facts(REFERRAL, members, ON))[C.HUISHOUDEN] is S.NIET_VOLDAAN
    assert statuses("standaard", admission_facts(REFERRAL, [], ON))[C.HUISHOUDEN] is S.ONBEKEND


def test_one_domain_is_not_enough() -> None:
    single = replace(REFERRAL, problem_domains=(DomainProblem(Choice("inkomen")),))
    result = {
        r.criterion: r for r in assess_admission(PROFILES["standaard"], admission_facts(single, [MOTHER, SON], ON))
    }
    assert result[C.MEERDERE_LEEFGEBIEDEN].status is S.NIET_VOLDAAN
    assert result[C.MEERDERE_LEEFGEBIEDEN].explanation == "1 leefgebied(en) met problemen vastgelegd (nodig: 2)."


def test_de_ploeg_area() -> None:
    inside = statuses("de_ploeg", admission_facts(REFERRAL, [MOTHER, SON], ON))
    assert inside[C.WERKGEBIED] is S.VOLDAAN
    outside = statuses(
        "de_ploeg", admission_facts(replace(REFERRAL, area=Choice("anders", "Vinkhuizen")), [MOTHER, SON], ON)
    )
    assert outside[C.WERKGEBIED] is S.NIET_VOLDAAN
    unknown = statuses("de_ploeg", admission_facts(replace(REFERRAL, area=None), [MOTHER, SON], ON))
    assert unknown[C.WERKGEBIED] is S.ONBEKEND


def test_reset_variant_and_crisis() -> None:
    facts = admission_facts(REFERRAL, [MOTHER, SON], ON)
    reset = statuses("reset", facts)
    assert reset[C.RESET_VARIANT] is S.VOLDAAN and reset[C.GEEN_CRISIS] is S.ONBEKEND
    no_risk = statuses("reset", admission_facts(replace(REFERRAL, risk_factors=()), [MOTHER, SON], ON))
    assert no_risk[C.RESET_VARIANT] is S.NIET_VOLDAAN
    acute = admission_facts(replace(REFERRAL, acute_situations=(Choice("huisuitzetting"),)), [MOTHER, SON], ON)
    crisis = {r.criterion: r for r in assess_admission(PROFILES["reset"], acute)}[C.GEEN_CRISIS]
    assert "acute situatie" in crisis.explanation


def test_team_judged_criteria_follow_the_answer() -> None:
    profile = replace(
        PROFILES["standaard"],
        admission_criteria=(C.GEEN_INDICATIE_NODIG, C.DRIE_HULPVRAGEN, C.RESET_DRIE_RISICOFACTOREN),
    )
    facts = AdmissionFacts(team_answers={C.GEEN_INDICATIE_NODIG: Tri.NEE}, referral_reasons=frozenset({"a", "b", "c"}))
    result = {r.criterion: r.status for r in assess_admission(profile, facts)}
    assert result == {
        C.GEEN_INDICATIE_NODIG: S.NIET_VOLDAAN,
        C.DRIE_HULPVRAGEN: S.VOLDAAN,
        C.RESET_DRIE_RISICOFACTOREN: S.NIET_VOLDAAN,
    }


def test_np_has_no_criteria() -> None:
    assert assess_admission(PROFILES["nieuwe_perspectieven"], AdmissionFacts()) == ()


def _criteria(all_met: bool) -> tuple[CriterionResult, ...]:
    answers = {C.GEEN_CONFLICTEREND_TRAJECT: Tri.JA if all_met else Tri.ONBEKEND}
    return assess_admission(PROFILES["standaard"], admission_facts(REFERRAL, [MOTHER, SON], ON, team_answers=answers))


def test_go_with_all_criteria_met() -> None:
    go = Decision(DecisionKind.GO, date(2026, 3, 10), "teamleider", coach="coach A", feedback=FEEDBACK)
    assert validate_decision(go, criteria=_criteria(True), today=ON) == []
    assert go.kind is not None and go.kind.next_phase is Phase.KENNISMAKING


def test_go_with_unmet_criterion_needs_a_written_reason() -> None:
    criteria = _criteria(False)
    assert [r.criterion for r in unmet_criteria(criteria)] == [C.GEEN_CONFLICTEREND_TRAJECT]
    go = Decision(DecisionKind.GO, date(2026, 3, 10), "teamleider", coach="coach A", feedback=FEEDBACK)
    issues = validate_decision(go, criteria=criteria, today=ON)
    assert [i.field for i in issues] == ["unmet_criteria_reason"]
    assert "geen ander traject of maatregel zonder afstemming" in issues[0].message
    reasoned = replace(go, unmet_criteria_reason="Afgestemd met de gezinsvoogd; wij nemen de regie.")
    assert validate_decision(reasoned, criteria=criteria, today=ON) == []


def test_go_needs_one_coach_but_waiting_list_not_yet() -> None:
    go = Decision(DecisionKind.GO, date(2026, 3, 10), "teamleider", feedback=FEEDBACK)
    assert [i.field for i in validate_decision(go, criteria=_criteria(True), today=ON)] == ["coach"]
    waiting = replace(go, kind=DecisionKind.GO_WACHTLIJST)
    assert validate_decision(waiting, criteria=_criteria(True), today=ON) == []
    assert DecisionKind.GO_WACHTLIJST.next_phase is Phase.WACHTLIJST


def test_no_go_needs_reason_code_explanation_and_feedback() -> None:
    bare = Decision(DecisionKind.NO_GO, date(2026, 3, 10), "teamleider")
    issues = validate_decision(bare, criteria=(), today=ON)
    assert {(i.field, i.severity) for i in issues} == {
        ("no_go_reason", Severity.FOUT),
        ("explanation", Severity.FOUT),
        ("feedback", Severity.WAARSCHUWING),
    }
    other = replace(bare, no_go_reason=Choice("anders"), explanation="x", feedback=FEEDBACK)
    assert [i.field for i in validate_decision(other, criteria=(), today=ON)] == ["no_go_reason"]
    full = replace(other, no_go_reason=Choice("buiten_werkgebied"), explanation="Woont in Vinkhuizen.")
    assert validate_decision(full, criteria=(), today=ON) == []
    assert DecisionKind.NO_GO.next_phase is Phase.NIET_GESTART


def test_no_go_with_help_still_needed_asks_for_warm_handover() -> None:
    no_go = Decision(
        DecisionKind.NO_GO,
        date(2026, 3, 10),
        "tl",
        Choice("te_zwaar"),
        "GGZ-problematiek op de voorgrond.",
        help_still_needed=Tri.JA,
        feedback=FEEDBACK,
    )
    assert [i.field for i in validate_decision(no_go, criteria=(), today=ON)] == ["warm_handover_to"]
    handed = replace(no_go, warm_handover_to="GGZ Noord")
    assert [(i.field, i.severity) for i in validate_decision(handed, criteria=(), today=ON)] == [
        ("warm_handover_on", Severity.WAARSCHUWING)
    ]


def test_late_decision_warns_and_future_decision_is_an_error() -> None:
    go = Decision(DecisionKind.GO, date(2026, 3, 20), "tl", coach="c", feedback=FEEDBACK)
    late = validate_decision(go, criteria=_criteria(True), today=date(2026, 3, 25), decision_due=date(2026, 3, 16))
    assert [(i.field, i.severity) for i in late] == [("decided_on", Severity.WAARSCHUWING)]
    assert "16-03-2026" in late[0].message
    future = validate_decision(go, criteria=_criteria(True), today=date(2026, 3, 19))
    assert [(i.field, i.severity) for i in future] == [("decided_on", Severity.FOUT)]


@pytest.mark.parametrize(
    ("kind", "label"),
    [(DecisionKind.GO_WACHTLIJST, "Go – wachtlijst"), (DecisionKind.INGETROKKEN, "Ingetrokken door aanmelder")],
)
def test_decision_labels(kind: DecisionKind, label: str) -> None:
    assert kind.label == label


def test_referral_age_in_days() -> None:
    assert referral_age_days(date(2026, 3, 2), ON) == 8
    assert referral_age_days(None, ON) is None
