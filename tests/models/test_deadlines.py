"""Deadlines per profile (spec 1.4, 1.3), suspension (1.6.5), extensions (1.5) and the dashboard."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.deadlines import (
    Bucket,
    KeyDates,
    Termijn,
    TermijnState,
    compute_deadlines,
    dashboard_bucket,
    deadline_due,
    next_evaluation_due,
)
from mpg_desktop.models.extensions import Extension, support_end, validate_extension
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.programme_profiles import DeadlineKind, default_programme_profiles
from mpg_desktop.models.suspensions import Suspension, shift_for_suspensions, validate_suspension
from mpg_desktop.models.validation import Severity

PROFILES = default_programme_profiles()
STANDARD = PROFILES["standaard"]
K = DeadlineKind
CRISIS = Choice("crisis")

# A traject well into execution: every single-shot deadline has been met.
FULL = KeyDates(
    referral=date(2026, 3, 2),  # a Monday
    received=date(2026, 3, 2),
    decision=date(2026, 3, 9),
    decision_fed_back=date(2026, 3, 10),
    start=date(2026, 3, 16),
    plan_signed=date(2026, 5, 4),
    entered={Phase.IN_BEOORDELING: date(2026, 3, 3), Phase.PLANVORMING: date(2026, 4, 20)},
)


def _by_kind(deadlines: tuple[Termijn, ...]) -> dict[DeadlineKind, Termijn]:
    return {termijn.kind: termijn for termijn in deadlines}


# Expected due dates from the spec's numbers for the FULL key dates (None: no such deadline).
PER_PROFILE = {
    # besluit, kennismaking, informatiefase, plan, first evaluation, end of support period
    "standaard": ("2026-03-16", "2026-03-23", "2026-05-11", "2026-05-11", "2026-08-04", None),
    "mpg_plus": ("2026-03-16", "2026-03-23", "2026-05-11", "2026-05-11", "2026-08-04", None),
    "de_ploeg": ("2026-03-16", "2026-03-23", "2026-04-13", "2026-05-11", "2026-08-04", None),
    "take5": ("2026-03-05", "2026-03-30", "2026-04-27", "2026-05-11", "2026-09-16", "2027-03-16"),
    "sociaal_team": ("2026-03-16", "2026-03-23", "2026-05-11", "2026-05-16", "2026-06-16", "2026-09-16"),
    "reset": ("2026-03-16", "2026-03-23", "2026-04-27", "2026-04-27", "2026-08-04", "2027-03-16"),
    "nieuwe_perspectieven": ("2026-03-09", "2026-03-16", "2026-04-27", "2026-05-11", "2026-08-04", "2026-06-16"),
}


@pytest.mark.parametrize("profile_id", sorted(PER_PROFILE))
def test_due_dates_per_profile(profile_id: str) -> None:
    deadlines = _by_kind(compute_deadlines(PROFILES[profile_id], FULL, Phase.UITVOERING, date(2026, 5, 20)))
    kinds = (K.BESLUIT, K.KENNISMAKING, K.INFORMATIEFASE, K.PLAN_ONDERTEKEND, K.EVALUATIE, K.EINDE_BEGELEIDING)
    expected = PER_PROFILE[profile_id]
    for kind, iso in zip(kinds, expected, strict=True):
        if iso is None:
            assert kind not in deadlines, kind
        else:
            assert deadlines[kind].due == date.fromisoformat(iso), kind
    assert deadlines[K.BESLUIT].state is TermijnState.GEHAALD
    assert deadlines[K.EVALUATIE].state is TermijnState.OPEN


def test_reset_interim_evaluation_with_referrer() -> None:
    deadlines = _by_kind(compute_deadlines(PROFILES["reset"], FULL, Phase.UITVOERING, date(2026, 6, 16)))
    interim = deadlines[K.TUSSENEVALUATIE]
    assert (interim.due, interim.warn_on, interim.state) == (date(2026, 6, 15), date(2026, 6, 1), TermijnState.VERLOPEN)
    assert K.TUSSENEVALUATIE not in _by_kind(compute_deadlines(STANDARD, FULL, Phase.UITVOERING, date(2026, 6, 16)))


def test_referral_phase_deadlines_and_states() -> None:
    dates = KeyDates(referral=date(2026, 3, 2), received=date(2026, 3, 6))  # received on a Friday
    early = _by_kind(compute_deadlines(STANDARD, dates, Phase.AANGEMELD, date(2026, 3, 9)))
    assert early[K.CHECKS_STARTEN].due == date(2026, 3, 10)  # 2 working days over the weekend
    assert early[K.BESLUIT].due == date(2026, 3, 20)  # 14 days from receipt (spec 2.2: the clock starts there)
    assert early[K.BESLUIT].state is TermijnState.OPEN
    late = _by_kind(compute_deadlines(STANDARD, dates, Phase.IN_BEOORDELING, date(2026, 3, 21)))
    assert late[K.BESLUIT].state is TermijnState.VERLOPEN and late[K.BESLUIT].days_left(date(2026, 3, 21)) == -1
    assert K.CHECKS_STARTEN not in late  # unmet, but the case has moved on
    on_the_day = _by_kind(compute_deadlines(STANDARD, dates, Phase.IN_BEOORDELING, date(2026, 3, 20)))
    assert on_the_day[K.BESLUIT].state is TermijnState.OPEN


def test_received_date_falls_back_to_referral_date() -> None:
    due = deadline_due(STANDARD, K.BESLUIT, KeyDates(referral=date(2026, 3, 2)), today=date(2026, 3, 2))
    assert due == date(2026, 3, 16)


def test_met_late_is_still_met() -> None:
    dates = KeyDates(referral=date(2026, 3, 2), decision=date(2026, 3, 20))
    besluit = _by_kind(compute_deadlines(STANDARD, dates, Phase.KENNISMAKING, date(2026, 3, 25)))[K.BESLUIT]
    assert besluit.state is TermijnState.GEHAALD and besluit.met_late


def test_information_phase_warns_at_4_weeks_and_is_overdue_after_8() -> None:
    dates = KeyDates(start=date(2026, 3, 16))
    info = _by_kind(compute_deadlines(STANDARD, dates, Phase.INFORMATIEFASE, date(2026, 4, 14)))[K.INFORMATIEFASE]
    assert (info.warn_on, info.due) == (date(2026, 4, 13), date(2026, 5, 11))
    assert dashboard_bucket(info, date(2026, 4, 14)) is Bucket.DEZE_WEEK
    before_warning = _by_kind(compute_deadlines(STANDARD, dates, Phase.INFORMATIEFASE, date(2026, 4, 1)))
    assert dashboard_bucket(before_warning[K.INFORMATIEFASE], date(2026, 4, 1)) is Bucket.LATER
    overdue = _by_kind(compute_deadlines(STANDARD, dates, Phase.INFORMATIEFASE, date(2026, 5, 12)))
    assert dashboard_bucket(overdue[K.INFORMATIEFASE], date(2026, 5, 12)) is Bucket.TE_LAAT


def test_dashboard_buckets() -> None:
    open_ = Termijn(K.BESLUIT, "Besluit", date(2026, 3, 1), date(2026, 3, 15), TermijnState.OPEN)
    assert dashboard_bucket(open_, date(2026, 3, 9)) is Bucket.DEZE_WEEK  # due in 6 days
    assert dashboard_bucket(open_, date(2026, 3, 8)) is Bucket.LATER  # due in 7 days
    met = Termijn(K.BESLUIT, "Besluit", date(2026, 3, 1), date(2026, 3, 15), TermijnState.GEHAALD)
    assert dashboard_bucket(met, date(2026, 3, 9)) is None
    paused = Termijn(K.BESLUIT, "Besluit", date(2026, 3, 1), date(2026, 3, 15), TermijnState.OPGESCHORT)
    assert dashboard_bucket(paused, date(2026, 3, 20)) is None


def test_suspension_shifts_due_date_by_the_suspended_days() -> None:
    dates = KeyDates(start=date(2026, 3, 16))
    ten_days = Suspension(date(2026, 4, 1), CRISIS, end=date(2026, 4, 11))
    info = _by_kind(compute_deadlines(STANDARD, dates, Phase.INFORMATIEFASE, date(2026, 5, 15), suspensions=[ten_days]))
    termijn = info[K.INFORMATIEFASE]
    assert (termijn.due, termijn.warn_on, termijn.suspended_days) == (date(2026, 5, 21), date(2026, 4, 23), 10)
    assert termijn.state is TermijnState.OPEN  # would have been overdue since 12 May without the pause


def test_running_suspension_pauses_every_open_deadline() -> None:
    dates = KeyDates(start=date(2026, 3, 16), plan_signed=None)
    running = Suspension(date(2026, 4, 1), Choice("zorgmijdend_eropaf"))
    deadlines = compute_deadlines(STANDARD, dates, Phase.INFORMATIEFASE, date(2026, 4, 5), suspensions=[running])
    assert {t.state for t in deadlines if t.met_on is None} == {TermijnState.OPGESCHORT}
    assert _by_kind(deadlines)[K.INFORMATIEFASE].due == date(2026, 5, 15)  # 4 days so far


def test_suspension_after_a_deadline_passed_does_not_rescue_it() -> None:
    dates = KeyDates(start=date(2026, 3, 16))
    later = Suspension(date(2026, 5, 20), CRISIS, end=date(2026, 5, 30))
    info = _by_kind(compute_deadlines(STANDARD, dates, Phase.INFORMATIEFASE, date(2026, 6, 1), suspensions=[later]))
    assert info[K.INFORMATIEFASE].due == date(2026, 5, 11) and info[K.INFORMATIEFASE].state is TermijnState.VERLOPEN


def test_shift_counts_suspensions_that_fall_inside_the_extended_window() -> None:
    # The first pause pushes the due date past the start of the second pause, which then counts too.
    first = Suspension(date(2026, 1, 5), CRISIS, end=date(2026, 1, 15))
    second = Suspension(date(2026, 1, 18), CRISIS, end=date(2026, 1, 20))
    assert shift_for_suspensions(date(2026, 1, 1), date(2026, 1, 16), [second, first], date(2026, 2, 1)) == (
        date(2026, 1, 28),
        12,
    )


def test_unmet_deadlines_disappear_after_dropout() -> None:
    dates = KeyDates(start=date(2026, 3, 16), entered={Phase.AFGESLOTEN: date(2026, 4, 1)})
    assert compute_deadlines(STANDARD, dates, Phase.AFGESLOTEN, date(2026, 6, 1)) == ()


def test_evaluation_cycle_moves_on_when_held() -> None:
    signed = date(2026, 1, 10)
    assert next_evaluation_due(STANDARD, signed, []) == date(2026, 4, 10)
    assert next_evaluation_due(STANDARD, signed, [date(2026, 4, 3)]) == date(2026, 7, 10)  # a week early counts
    take5 = PROFILES["take5"]
    start = date(2026, 1, 10)
    assert next_evaluation_due(take5, start, []) == date(2026, 7, 10)  # 6 months
    assert next_evaluation_due(take5, start, [date(2026, 7, 10), date(2026, 10, 9)]) == date(2027, 1, 10)  # 12 months
    assert next_evaluation_due(take5, start, [date(2027, 1, 10)]) == date(2027, 4, 10)  # then every 3 months


def test_duration_reviews_at_6_and_12_months() -> None:
    dates = KeyDates(start=date(2026, 1, 15), plan_signed=date(2026, 3, 1), duration_reviews=(date(2026, 7, 6),))
    reviews = [
        t for t in compute_deadlines(STANDARD, dates, Phase.UITVOERING, date(2026, 8, 1)) if t.kind is K.DUURBEOORDELING
    ]
    assert [(t.label, t.due, t.state) for t in reviews] == [
        ("Duurbeoordeling: doorgaan of afronden (6 maanden)", date(2026, 7, 15), TermijnState.GEHAALD),
        ("Duurbeoordeling: doorgaan of afronden (12 maanden)", date(2027, 1, 15), TermijnState.OPEN),
    ]


def test_waiting_list_is_reviewed_weekly() -> None:
    dates = KeyDates(
        decision=date(2026, 3, 9),
        entered={Phase.WACHTLIJST: date(2026, 3, 9)},
        waiting_list_reviews=(date(2026, 3, 16),),
    )
    review = _by_kind(compute_deadlines(STANDARD, dates, Phase.WACHTLIJST, date(2026, 3, 17)))[
        K.WACHTLIJST_HERBEOORDELING
    ]
    assert review.due == date(2026, 3, 23) and review.state is TermijnState.OPEN


def test_closing_and_aftercare_deadlines() -> None:
    dates = KeyDates(
        start=date(2026, 1, 5), entered={Phase.AFRONDING: date(2027, 1, 4), Phase.NAZORG: date(2027, 2, 1)}
    )
    closing = _by_kind(compute_deadlines(STANDARD, dates, Phase.NAZORG, date(2027, 2, 2)))
    assert closing[K.AFRONDING].due == date(2027, 2, 1) and closing[K.AFRONDING].state is TermijnState.GEHAALD
    assert closing[K.EINDE_NAZORG].due == date(2027, 5, 1)  # at most 3 months (ST, spec 1.4)
    assert K.EINDE_NAZORG not in _by_kind(
        compute_deadlines(PROFILES["de_ploeg"], dates, Phase.NAZORG, date(2027, 2, 2))
    )


def test_extension_moves_the_end_of_the_support_period() -> None:
    st = PROFILES["sociaal_team"]
    start = date(2026, 1, 5)
    assert support_end(start, st, []) == date(2026, 7, 5)  # 6 months
    first = Extension(1, date(2026, 6, 20), date(2026, 10, 5), 3, "doelen financiën nog niet gehaald", "teamleider")
    dates = KeyDates(start=start, plan_signed=date(2026, 2, 20))
    end = _by_kind(compute_deadlines(st, dates, Phase.UITVOERING, date(2026, 7, 10), extensions=[first]))
    assert end[K.EINDE_BEGELEIDING].due == date(2026, 10, 5) and end[K.EINDE_BEGELEIDING].state is TermijnState.OPEN
    assert support_end(start, STANDARD, []) is None


def test_extension_valid_within_profile_limits() -> None:
    st = PROFILES["sociaal_team"]
    first = Extension(1, date(2026, 6, 20), date(2026, 10, 5), 3, "reden", "teamleider")
    assert validate_extension(first, previous=[], start=date(2026, 1, 5), profile=st) == []


def test_extension_longer_than_profile_maximum_is_an_error() -> None:
    st = PROFILES["sociaal_team"]
    too_long = Extension(1, date(2026, 6, 20), date(2026, 11, 5), 4, "reden", "teamleider")
    issues = validate_extension(too_long, previous=[], start=date(2026, 1, 5), profile=st)
    assert [(i.field, i.severity) for i in issues] == [("months", Severity.FOUT)]
    assert "hoogstens 3 maanden" in issues[0].message


def test_extension_needs_reason_sequence_and_later_date() -> None:
    st = PROFILES["sociaal_team"]
    bad = Extension(2, date(2026, 6, 20), date(2026, 7, 1), 3, " ", "")
    fields = {(i.field, i.severity) for i in validate_extension(bad, previous=[], start=date(2026, 1, 5), profile=st)}
    assert fields == {
        ("reason", Severity.FOUT),
        ("approved_by", Severity.WAARSCHUWING),
        ("sequence", Severity.FOUT),
        ("extended_to", Severity.FOUT),
    }


def test_third_extension_warns() -> None:
    start = date(2026, 1, 5)
    np_ = PROFILES["nieuwe_perspectieven"]
    ext = [
        Extension(1, date(2026, 3, 30), date(2026, 7, 5), 3, "r", "tl"),
        Extension(2, date(2026, 6, 30), date(2026, 10, 5), 3, "r", "tl"),
    ]
    third = Extension(3, date(2026, 9, 30), date(2027, 1, 5), 3, "r", "tl")
    assert validate_extension(ext[1], previous=ext[:1], start=start, profile=np_) == []
    issues = validate_extension(third, previous=ext, start=start, profile=np_)
    assert [(i.field, i.severity) for i in issues] == [("sequence", Severity.WAARSCHUWING)]
    assert "verlenging 3" in issues[0].message


def test_extension_date_not_matching_months_warns() -> None:
    st = PROFILES["sociaal_team"]
    odd = Extension(1, date(2026, 6, 20), date(2026, 9, 1), 3, "r", "tl")
    issues = validate_extension(odd, previous=[], start=date(2026, 1, 5), profile=st)
    assert [(i.field, i.severity) for i in issues] == [("extended_to", Severity.WAARSCHUWING)]


def test_suspension_needs_reason_and_sensible_dates() -> None:
    today = date(2026, 4, 20)
    ok = Suspension(date(2026, 4, 1), Choice("ziekenhuisopname"), end=date(2026, 4, 15))
    assert validate_suspension(ok, others=[], today=today) == []
    other = Suspension(date(2026, 4, 1), Choice("anders"), end=date(2026, 4, 1))
    assert {i.field for i in validate_suspension(other, others=[], today=today)} == {"reason", "end"}
    assert validate_suspension(replace(other, reason=Choice("anders", "rouw"), end=None), others=[], today=today) == []


def test_suspensions_may_not_overlap() -> None:
    today = date(2026, 6, 1)
    running = Suspension(date(2026, 5, 1), CRISIS)
    new = Suspension(date(2026, 5, 20), CRISIS, end=date(2026, 5, 25))
    issues = validate_suspension(new, others=[running], today=today)
    assert [i.field for i in issues] == ["start"] and "01-05-2026" in issues[0].message
    before = Suspension(date(2026, 4, 1), CRISIS, end=date(2026, 5, 1))  # ends the day the other starts
    assert validate_suspension(before, others=[running], today=today) == []
