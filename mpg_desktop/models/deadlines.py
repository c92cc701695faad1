"""Deadlines (*termijnen*) of a traject, computed from its profile and key dates (spec 1.1, 1.4, 1.6.5, 1.8).

Every function is pure and takes ``today``. Deadlines colour the dashboard and never block a
transition or a form (spec 0.3.2). A due date is still on time; the day after it is ``verlopen``.

Suspension (*termijnen opgeschort*, spec 1.6.5, module ``suspensions``): while set, unmet deadlines
show ``opgeschort``; each suspended day between a deadline's anchor and its due date moves that due
date one day on, so after resumption the coach has the same time left as when the suspension began.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from mpg_desktop.models.evaluation_schedule import DUE_SOON_DAYS, add_months
from mpg_desktop.models.extensions import Extension, support_end
from mpg_desktop.models.phases import EVALUATED_PHASES, Phase
from mpg_desktop.models.programme_profiles import Anchor, DeadlineKind, ProgrammeProfile
from mpg_desktop.models.suspensions import Suspension, active_suspension, shift_for_suspensions

P = Phase
K = DeadlineKind
# A deadline that is not met shows only while the case is in one of these phases; met deadlines
# always show (history). Once a case has moved past a phase, its unmet deadline no longer applies.
ACTIVE_PHASES: dict[DeadlineKind, frozenset[Phase]] = {
    K.CHECKS_STARTEN: frozenset({P.AANGEMELD}),
    K.BESLUIT: frozenset({P.AANGEMELD, P.IN_BEOORDELING}),
    K.TERUGKOPPELING_BESLUIT: frozenset(
        {P.IN_BEOORDELING, P.NIET_GESTART, P.WACHTLIJST, P.KENNISMAKING, P.INFORMATIEFASE}
    ),
    K.WACHTLIJST_HERBEOORDELING: frozenset({P.WACHTLIJST}),
    K.KENNISMAKING: frozenset({P.WACHTLIJST, P.KENNISMAKING}),
    K.INFORMATIEFASE: frozenset({P.INFORMATIEFASE}),
    K.PLAN_ONDERTEKEND: frozenset({P.INFORMATIEFASE, P.PLANVORMING}),
    K.TUSSENEVALUATIE: frozenset({P.UITVOERING}),
    K.EVALUATIE: EVALUATED_PHASES,
    K.DUURBEOORDELING: frozenset({P.INFORMATIEFASE, P.PLANVORMING, P.UITVOERING}),
    K.EINDE_BEGELEIDING: frozenset({P.INFORMATIEFASE, P.PLANVORMING, P.UITVOERING}),
    K.AFRONDING: frozenset({P.AFRONDING}),
    K.EINDE_NAZORG: frozenset({P.NAZORG}),
}
DASHBOARD_DAYS = 7  # "deze week": due within the next seven days, today included


class TermijnState(StrEnum):
    OPEN = "open"
    GEHAALD = "gehaald"
    VERLOPEN = "verlopen"
    OPGESCHORT = "opgeschort"


class Bucket(StrEnum):
    """Where an open deadline sits on the coach's dashboard."""

    TE_LAAT = "te laat"
    DEZE_WEEK = "deze week"
    LATER = "later"


@dataclass(frozen=True)
class KeyDates:
    """The dates deadlines count from and the events that meet them (spec 1.8).

    ``entered`` is the date each phase was last entered, from the phase log
    (``phase_log.entered_on``).
    """

    referral: date | None = None  # aanmelddatum
    received: date | None = None  # datum ontvangst; the clock starts here (spec 2.2)
    decision: date | None = None  # besluitdatum
    decision_fed_back: date | None = None  # referrer told of the decision (spec 2.4)
    start: date | None = None  # startdatum begeleiding = introduction meeting held
    plan_signed: date | None = None  # first signed plan version
    evaluations: tuple[date, ...] = ()
    duration_reviews: tuple[date, ...] = ()  # "doorgaan / afronden" recorded
    waiting_list_reviews: tuple[date, ...] = ()
    end_of_support: date | None = None  # einddatum begeleiding
    end_of_aftercare: date | None = None
    entered: Mapping[Phase, date] = field(default_factory=dict)


@dataclass(frozen=True)
class Termijn:
    """One computed deadline. ``due`` already includes suspended days."""

    kind: DeadlineKind
    label: str
    anchor_date: date
    due: date
    state: TermijnState
    warn_on: date | None = None
    met_on: date | None = None
    suspended_days: int = 0

    @property
    def met_late(self) -> bool:
        return self.met_on is not None and self.met_on > self.due

    def days_left(self, today: date) -> int:
        """Days until due (negative when overdue)."""
        return (self.due - today).days


def _anchor_date(anchor: Anchor, dates: KeyDates) -> date | None:
    return {
        Anchor.REFERRAL: dates.referral,
        Anchor.RECEIVED: dates.received or dates.referral,
        Anchor.DECISION: dates.decision,
        Anchor.START: dates.start,
        Anchor.PLAN_SIGNED: dates.plan_signed,
        Anchor.CLOSING: dates.entered.get(P.AFRONDING),
        Anchor.AFTERCARE: dates.entered.get(P.NAZORG),
    }[anchor]


def _first_on_or_after(candidates: Sequence[date | None], anchor: date) -> date | None:
    valid = [day for day in candidates if day is not None and day >= anchor]
    return min(valid) if valid else None


def _met_on(kind: DeadlineKind, anchor: date, dates: KeyDates) -> date | None:
    """The date the event that satisfies ``kind`` happened (on or after its anchor), if it did."""
    entered = dates.entered
    table: dict[DeadlineKind, list[date | None]] = {
        K.CHECKS_STARTEN: [entered.get(P.IN_BEOORDELING)],
        K.BESLUIT: [dates.decision],
        K.TERUGKOPPELING_BESLUIT: [dates.decision_fed_back],
        K.KENNISMAKING: [dates.start],
        K.INFORMATIEFASE: [entered.get(P.PLANVORMING)],
        K.PLAN_ONDERTEKEND: [dates.plan_signed],
        K.TUSSENEVALUATIE: list(dates.evaluations),
        K.AFRONDING: [entered.get(P.NAZORG), entered.get(P.AFGESLOTEN)],
        K.EINDE_BEGELEIDING: [entered.get(P.AFRONDING), dates.end_of_support],
        K.EINDE_NAZORG: [dates.end_of_aftercare, entered.get(P.AFGESLOTEN)],
    }
    return _first_on_or_after(table.get(kind, []), anchor)


def _evaluation_moments(profile: ProgrammeProfile, anchor: date) -> Iterator[date]:
    """Fixed moments first (months after the anchor), then every interval after the last one."""
    plan = profile.evaluation
    last = 0
    for months in sorted(plan.at_months):
        last = months
        yield add_months(anchor, months)
    if plan.interval_months:
        for step in range(1, 400):  # bounded: 400 cycles is more than a century of evaluations
            yield add_months(anchor, last + step * plan.interval_months)


def next_evaluation_due(profile: ProgrammeProfile, anchor: date, evaluations: Sequence[date]) -> date | None:
    """The first evaluation moment not yet covered. As in ``evaluation_schedule``, an evaluation
    held up to DUE_SOON_DAYS before a moment covers that moment."""
    reference = max([anchor, *evaluations])
    for moment in _evaluation_moments(profile, anchor):
        if moment - timedelta(days=DUE_SOON_DAYS) > reference:
            return moment
    return None


@dataclass(frozen=True)
class _Raw:
    kind: DeadlineKind
    label: str
    anchor: date
    due: date
    warn_on: date | None
    met_on: date | None


def _raw_deadlines(profile: ProgrammeProfile, dates: KeyDates, extensions: Sequence[Extension]) -> Iterator[_Raw]:
    for rule in profile.deadlines:
        anchor = _anchor_date(rule.anchor, dates)
        if anchor is not None:
            warn = rule.warn.after(anchor) if rule.warn else None
            yield _Raw(
                rule.kind, rule.kind.label, anchor, rule.due.after(anchor), warn, _met_on(rule.kind, anchor, dates)
            )
    waiting_since = dates.entered.get(P.WACHTLIJST)
    if profile.waiting_list_review_days and waiting_since is not None:
        last = max([waiting_since, *(d for d in dates.waiting_list_reviews if d >= waiting_since)])
        due = last + timedelta(days=profile.waiting_list_review_days)
        yield _Raw(K.WACHTLIJST_HERBEOORDELING, K.WACHTLIJST_HERBEOORDELING.label, last, due, None, None)
    evaluation_anchor = _anchor_date(profile.evaluation.anchor, dates)
    if evaluation_anchor is not None and dates.plan_signed is not None:
        due_evaluation = next_evaluation_due(profile, evaluation_anchor, dates.evaluations)
        if due_evaluation is not None:
            yield _Raw(K.EVALUATIE, K.EVALUATIE.label, evaluation_anchor, due_evaluation, None, None)
    if dates.start is not None:
        for months in profile.duration_review_months:
            moment = add_months(dates.start, months)
            met = _first_on_or_after(list(dates.duration_reviews), moment - timedelta(days=DUE_SOON_DAYS))
            yield _Raw(
                K.DUURBEOORDELING, f"{K.DUURBEOORDELING.label} ({months} maanden)", dates.start, moment, None, met
            )
        end = support_end(dates.start, profile, extensions)
        if end is not None:
            met = _met_on(K.EINDE_BEGELEIDING, dates.start, dates)
            yield _Raw(K.EINDE_BEGELEIDING, K.EINDE_BEGELEIDING.label, dates.start, end, None, met)
    aftercare_since = dates.entered.get(P.NAZORG)
    if aftercare_since is not None and profile.aftercare.max_months is not None:
        due = add_months(aftercare_since, profile.aftercare.max_months)
        met = _met_on(K.EINDE_NAZORG, aftercare_since, dates)
        yield _Raw(K.EINDE_NAZORG, K.EINDE_NAZORG.label, aftercare_since, due, None, met)


def compute_deadlines(
    profile: ProgrammeProfile,
    dates: KeyDates,
    phase: Phase,
    today: date,
    *,
    suspensions: Sequence[Suspension] = (),
    extensions: Sequence[Extension] = (),
) -> tuple[Termijn, ...]:
    """All deadlines that apply to the traject today, sorted by due date."""
    paused = active_suspension(suspensions, today) is not None
    result: list[Termijn] = []
    for raw in _raw_deadlines(profile, dates, extensions):
        if raw.met_on is None and phase not in ACTIVE_PHASES[raw.kind]:
            continue
        due, shift = shift_for_suspensions(raw.anchor, raw.due, suspensions, today)
        warn_on = raw.warn_on + timedelta(days=shift) if raw.warn_on else None
        if raw.met_on is not None:
            state = TermijnState.GEHAALD
        elif paused:
            state = TermijnState.OPGESCHORT
        elif today > due:
            state = TermijnState.VERLOPEN
        else:
            state = TermijnState.OPEN
        result.append(Termijn(raw.kind, raw.label, raw.anchor, due, state, warn_on, raw.met_on, shift))
    return tuple(sorted(result, key=lambda termijn: (termijn.due, termijn.kind.value)))


def deadline_due(
    profile: ProgrammeProfile,
    kind: DeadlineKind,
    dates: KeyDates,
    *,
    today: date,
    suspensions: Sequence[Suspension] = (),
) -> date | None:
    """The due date of one configured deadline (e.g. to warn when a decision date passes it)."""
    rule = profile.deadline(kind)
    anchor = _anchor_date(rule.anchor, dates) if rule else None
    if rule is None or anchor is None:
        return None
    due, _ = shift_for_suspensions(anchor, rule.due.after(anchor), suspensions, today)
    return due


def dashboard_bucket(termijn: Termijn, today: date) -> Bucket | None:
    """ "te laat" when overdue; "deze week" when due within seven days or its warning date has
    passed (the coach should act now); "later" otherwise; None for met or suspended deadlines."""
    if termijn.state is TermijnState.VERLOPEN:
        return Bucket.TE_LAAT
    if termijn.state is not TermijnState.OPEN:
        return None
    if termijn.due < today + timedelta(days=DASHBOARD_DAYS):
        return Bucket.DEZE_WEEK
    if termijn.warn_on is not None and termijn.warn_on <= today:
        return Bucket.DEZE_WEEK
    return Bucket.LATER
