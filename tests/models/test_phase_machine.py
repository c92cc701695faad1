"""The state machine of spec 1.2: every pair of phases, dropout, re-open, back-steps, requirements."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.phase_log import PhaseTransition, TransitionKind, closed_on, entered_on, replay
from mpg_desktop.models.phase_machine import (
    allowed_targets,
    check_transition,
    request_transition,
    requirements_for,
    transition_kind,
)
from mpg_desktop.models.phase_requirements import Requirement
from mpg_desktop.models.phases import Phase

# Spec 1.2, column "Allowed next states", copied by state number (including the transition rules
# below the table: back-steps 9->8 and 8->7, re-open 10/11->8, dropout 5-8 -> 11).
SPEC_TABLE: dict[int, set[int]] = {
    1: {2, 3},
    2: {3, 4, 5},
    3: set(),
    4: {5, 3},
    5: {6, 11},
    6: {7, 11},
    7: {8, 11},
    8: {9, 11, 7},
    9: {10, 11, 8},
    10: {11, 8},
    11: {8},
}
BY_NUMBER = {phase.number: phase for phase in Phase}
PAIRS = [(a, b) for a in Phase for b in Phase]
ALL_MET = frozenset(Requirement)
AT = datetime(2026, 3, 2, 10, 30)


def _move(current: Phase, target: Phase) -> PhaseTransition:
    """A request with everything a legal move could need."""
    closure = "uitval_onbereikbaar" if current.number in (5, 6, 7, 8) else "doelen_behaald"
    return request_transition(
        current,
        target,
        at=AT,
        by="coach A",
        reason="gezin terugval",
        met=ALL_MET,
        closure_reason=closure if target is Phase.AFGESLOTEN else "",
        closed_on=date(2026, 1, 15),
    )


def test_phase_numbers_follow_the_spec_table() -> None:
    assert [p.number for p in Phase] == list(range(1, 12))
    assert Phase.AFGESLOTEN.number == 11 and Phase.KENNISMAKING.number == 5


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=[f"{a.number}->{b.number}" for a, b in PAIRS])
def test_every_pair_is_allowed_exactly_per_spec(current: Phase, target: Phase) -> None:
    expected = target.number in SPEC_TABLE[current.number]
    assert (target in allowed_targets(current)) is expected
    if expected:
        row = _move(current, target)
        assert (row.from_phase, row.to_phase, row.by) == (current, target, "coach A")
    else:
        with pytest.raises(DomainError) as refused:
            _move(current, target)
        assert "kan nu niet" in refused.value.message


def test_allowed_targets_match_table_as_sets() -> None:
    for number, targets in SPEC_TABLE.items():
        assert {p.number for p in allowed_targets(BY_NUMBER[number])} == targets


def test_terminal_not_started_explains_new_referral() -> None:
    check = check_transition(Phase.NIET_GESTART, Phase.AANGEMELD, at=AT, by="coach A", met=ALL_MET)
    assert not check.allowed
    assert "nieuw traject" in check.message


def test_refusal_lists_the_allowed_targets_in_dutch() -> None:
    check = check_transition(Phase.AANGEMELD, Phase.UITVOERING, at=AT, by="coach A", met=ALL_MET)
    assert "'Checks en besluit', 'Niet gestart'" in check.message


@pytest.mark.parametrize("current", [Phase.KENNISMAKING, Phase.INFORMATIEFASE, Phase.PLANVORMING, Phase.UITVOERING])
def test_dropout_from_5_to_8_goes_straight_to_closed(current: Phase) -> None:
    # Only the closure record is needed: not the work of the interrupted phase, not phases 9-10.
    met = {Requirement.END_DATE, Requirement.CLOSURE_FORM_COMPLETE, Requirement.REFERRER_INFORMED}
    row = request_transition(current, Phase.AFGESLOTEN, at=AT, by="coach A", met=met, closure_reason="uitval_conflict")
    assert row.kind is TransitionKind.UITVAL
    assert row.closure_reason == "uitval_conflict"


def test_dropout_needs_an_uitval_reason() -> None:
    with pytest.raises(DomainError) as refused:
        request_transition(
            Phase.UITVOERING, Phase.AFGESLOTEN, at=AT, by="coach A", met=ALL_MET, closure_reason="doelen_behaald"
        )
    assert "Uitval: niet meer bereikbaar" in refused.value.message
    assert "Afronding" in refused.value.message


def test_closing_needs_a_known_reason() -> None:
    no_reason = check_transition(Phase.AFRONDING, Phase.AFGESLOTEN, at=AT, by="c", met=ALL_MET)
    assert "Kies een reden van beëindiging." in no_reason.problems
    unknown = check_transition(Phase.AFRONDING, Phase.AFGESLOTEN, at=AT, by="c", met=ALL_MET, closure_reason="x")
    assert not unknown.allowed and "geen reden van beëindiging" in unknown.message


def test_dropout_still_needs_end_date_which_cannot_be_skipped() -> None:
    check = check_transition(
        Phase.INFORMATIEFASE,
        Phase.AFGESLOTEN,
        at=AT,
        by="coach A",
        met={Requirement.CLOSURE_FORM_COMPLETE, Requirement.REFERRER_INFORMED},
        waivers={Requirement.END_DATE: "weet ik niet"},
        closure_reason="verhuisd",
    )
    assert not check.allowed
    assert "'einddatum begeleiding' kan niet worden overgeslagen." in check.problems


def test_regular_closure_from_afronding_needs_report_and_dossier_but_dropout_does_not() -> None:
    met = {Requirement.END_DATE, Requirement.CLOSURE_FORM_COMPLETE, Requirement.REFERRER_INFORMED}
    regular = check_transition(
        Phase.AFRONDING, Phase.AFGESLOTEN, at=AT, by="c", met=met, closure_reason="doelen_behaald"
    )
    assert Requirement.FINAL_REPORT in regular.missing and Requirement.DOSSIER_COMPLETE in regular.missing
    dropout = check_transition(Phase.AFRONDING, Phase.AFGESLOTEN, at=AT, by="c", met=met, closure_reason="verhuisd")
    assert dropout.allowed and dropout.kind is TransitionKind.UITVAL


@pytest.mark.parametrize("current", [Phase.NAZORG, Phase.AFGESLOTEN])
def test_reopen_needs_a_reason(current: Phase) -> None:
    with pytest.raises(DomainError) as refused:
        request_transition(current, Phase.UITVOERING, at=AT, by="coach A", closed_on=date(2026, 2, 1))
    assert "reden voor de heropening" in refused.value.message
    row = request_transition(
        current, Phase.UITVOERING, at=AT, by="coach A", reason="terugval na verhuizing", closed_on=date(2026, 2, 1)
    )
    assert row.kind is TransitionKind.HEROPENING and row.reason == "terugval na verhuizing"


def test_reopen_of_closed_case_inside_six_months_including_last_day() -> None:
    closed = date(2026, 1, 31)
    last_day = datetime(2026, 7, 31, 17, 0)
    row = request_transition(Phase.AFGESLOTEN, Phase.UITVOERING, at=last_day, by="c", reason="r", closed_on=closed)
    assert row.to_phase is Phase.UITVOERING


def test_reopen_of_closed_case_outside_six_months_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        request_transition(
            Phase.AFGESLOTEN,
            Phase.UITVOERING,
            at=datetime(2026, 8, 1, 9, 0),
            by="c",
            reason="r",
            closed_on=date(2026, 1, 31),
        )
    assert "31-07-2026" in refused.value.message and "nieuwe aanmelding" in refused.value.message


def test_reopen_from_aftercare_has_no_time_window() -> None:
    row = request_transition(
        Phase.NAZORG, Phase.UITVOERING, at=datetime(2030, 1, 1), by="c", reason="r", closed_on=date(2026, 1, 1)
    )
    assert row.kind is TransitionKind.HEROPENING


def test_reopen_without_known_closure_date_is_refused() -> None:
    check = check_transition(Phase.AFGESLOTEN, Phase.UITVOERING, at=AT, by="c", reason="r")
    assert not check.allowed and "afsluitdatum is onbekend" in check.message


@pytest.mark.parametrize(
    ("current", "target"), [(Phase.AFRONDING, Phase.UITVOERING), (Phase.UITVOERING, Phase.PLANVORMING)]
)
def test_back_steps_need_a_reason_and_are_logged(current: Phase, target: Phase) -> None:
    without = check_transition(current, target, at=AT, by="coach A")
    assert not without.allowed and "reden voor de terugstap" in without.message
    row = request_transition(current, target, at=AT, by="coach A", reason="  nieuw plan nodig ")
    assert row.kind is TransitionKind.TERUGSTAP and row.reason == "nieuw plan nodig"
    assert requirements_for(current, target, TransitionKind.TERUGSTAP) == ()


def test_forward_move_lists_what_is_missing() -> None:
    check = check_transition(
        Phase.INFORMATIEFASE, Phase.PLANVORMING, at=AT, by="c", met={Requirement.HOUSEHOLD_COMPLETE}
    )
    assert not check.allowed
    assert Requirement.BASELINE_COMPLETE in check.missing and Requirement.DRAFT_PLAN in check.missing
    assert Requirement.HOUSEHOLD_COMPLETE not in check.missing
    assert "nulmeting per leefgebied met toelichting" in check.message
    assert "sla een onderdeel over met een reden" in check.message


def test_waiver_with_reason_lets_the_case_move_on_and_is_logged() -> None:
    needed = requirements_for(Phase.PLANVORMING, Phase.UITVOERING, TransitionKind.VOORUIT)
    assert needed == (Requirement.PLAN_DISCUSSED, Requirement.PLAN_SIGNED)
    row = request_transition(
        Phase.PLANVORMING,
        Phase.UITVOERING,
        at=AT,
        by="c",
        met={Requirement.PLAN_SIGNED},
        waivers={Requirement.PLAN_DISCUSSED: "belronde i.p.v. MDO", Requirement.FINAL_REPORT: "niet nodig"},
    )
    assert [(w.requirement, w.reason) for w in row.waivers] == [(Requirement.PLAN_DISCUSSED, "belronde i.p.v. MDO")]


def test_waiver_without_reason_is_refused() -> None:
    check = check_transition(
        Phase.PLANVORMING,
        Phase.UITVOERING,
        at=AT,
        by="c",
        met={Requirement.PLAN_SIGNED},
        waivers={Requirement.PLAN_DISCUSSED: " "},
    )
    assert not check.allowed and any("Geef een reden om" in p for p in check.problems)


def test_signed_plan_cannot_be_skipped_for_execution() -> None:
    check = check_transition(
        Phase.PLANVORMING,
        Phase.UITVOERING,
        at=AT,
        by="c",
        met={Requirement.PLAN_DISCUSSED},
        waivers={Requirement.PLAN_SIGNED: "tekent volgende week"},
    )
    assert not check.allowed and "kan niet worden overgeslagen" in check.message


def test_family_must_be_informed_before_introduction() -> None:
    met = ALL_MET - {Requirement.FAMILY_INFORMED}
    check = check_transition(Phase.IN_BEOORDELING, Phase.KENNISMAKING, at=AT, by="c", met=met)
    assert check.missing == (Requirement.FAMILY_INFORMED,)
    assert check.message.endswith("Vul dit eerst aan.")


def test_not_started_does_not_demand_checks() -> None:
    # A no-go for a family outside the area must not require police checks (privacy spec PRV-03).
    met = {Requirement.NOT_STARTED_REASON, Requirement.REFERRER_FEEDBACK}
    row = request_transition(Phase.IN_BEOORDELING, Phase.NIET_GESTART, at=AT, by="c", met=met)
    assert row.kind is TransitionKind.VOORUIT


def test_who_is_required() -> None:
    check = check_transition(Phase.AANGEMELD, Phase.IN_BEOORDELING, at=AT, by=" ", met=ALL_MET)
    assert "Vul in wie de overgang maakt." in check.problems


def test_transition_record_is_immutable() -> None:
    row = _move(Phase.AANGEMELD, Phase.IN_BEOORDELING)
    with pytest.raises(AttributeError):
        row.to_phase = Phase.AFGESLOTEN  # type: ignore[misc]


def test_transition_kind_classification() -> None:
    assert transition_kind(Phase.UITVOERING, Phase.AFGESLOTEN) is TransitionKind.UITVAL
    assert transition_kind(Phase.AFRONDING, Phase.AFGESLOTEN) is TransitionKind.VOORUIT
    assert transition_kind(Phase.AFRONDING, Phase.AFGESLOTEN, dropout=True) is TransitionKind.UITVAL
    assert transition_kind(Phase.AANGEMELD, Phase.AFGESLOTEN) is None


def test_replay_and_dates_from_the_log() -> None:
    log = [
        _move(Phase.AANGEMELD, Phase.IN_BEOORDELING),
        PhaseTransition(Phase.IN_BEOORDELING, Phase.KENNISMAKING, datetime(2026, 3, 10), "c", TransitionKind.VOORUIT),
        PhaseTransition(Phase.KENNISMAKING, Phase.AFGESLOTEN, datetime(2026, 4, 1), "c", TransitionKind.UITVAL),
    ]
    assert replay(log) is Phase.AFGESLOTEN
    assert entered_on(log, Phase.KENNISMAKING) == date(2026, 3, 10)
    assert closed_on(log) == date(2026, 4, 1)
    assert entered_on(log, Phase.NAZORG) is None


def test_replay_refuses_a_broken_log() -> None:
    broken = [PhaseTransition(Phase.PLANVORMING, Phase.UITVOERING, AT, "c", TransitionKind.VOORUIT)]
    with pytest.raises(DomainError, match="fase-logboek klopt niet"):
        replay(broken)
    backwards = [
        PhaseTransition(Phase.AANGEMELD, Phase.IN_BEOORDELING, datetime(2026, 3, 2), "c", TransitionKind.VOORUIT),
        PhaseTransition(Phase.IN_BEOORDELING, Phase.WACHTLIJST, datetime(2026, 3, 1), "c", TransitionKind.VOORUIT),
    ]
    with pytest.raises(DomainError, match="vóór de overgang ervoor"):
        replay(backwards)
