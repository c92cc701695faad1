"""Feedback to the referrer (spec 5.8): mandatory moments and the consent gate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.consent import Consent, ConsentForm
from mpg_desktop.models.referrer_feedback import (
    DueFeedback,
    FeedbackEvent,
    ReferrerFeedback,
    missing_feedback,
    required_feedback,
    validate_feedback,
)

E = FeedbackEvent
CONSENT = Consent(
    Choice("terugkoppeling_aanmelder"),
    "Leerplicht",
    ("status",),
    date(2026, 3, 10),
    "Sanne Bakker",
    Choice("ouder_met_gezag"),
    ConsentForm.SCHRIFTELIJK,
)
FEEDBACK = ReferrerFeedback(
    E.START,
    date(2026, 3, 17),
    "Leerplicht",
    "J. de Vries",
    Choice("telefonisch"),
    "Begeleiding is gestart.",
    about=date(2026, 3, 16),
)
DATES = {
    "decided_on": date(2026, 3, 9),
    "started_on": date(2026, 3, 16),
    "plan_signed_on": date(2026, 5, 4),
    "evaluations": [date(2026, 8, 4), date(2026, 11, 4)],
    "closed_on": None,
}


def test_professional_referrer_hears_each_evaluation() -> None:
    due = required_feedback(self_referral=False, referrer_is_professional=True, **DATES)  # type: ignore[arg-type]
    assert [d.event for d in due] == [E.BESLUIT, E.START, E.PLAN_ONDERTEKEND, E.EVALUATIE, E.EVALUATIE]
    assert due[3].label == "Evaluatie (04-08-2026)"


def test_non_professional_referrer_does_not_hear_evaluations_and_self_referral_needs_none() -> None:
    due = required_feedback(self_referral=False, referrer_is_professional=False, **DATES)  # type: ignore[arg-type]
    assert E.EVALUATIE not in {d.event for d in due}
    assert required_feedback(self_referral=True, referrer_is_professional=False, **DATES) == []  # type: ignore[arg-type]


def test_missing_feedback_matches_event_and_date() -> None:
    due = [DueFeedback(E.START, date(2026, 3, 16)), DueFeedback(E.EVALUATIE, date(2026, 8, 4))]
    assert missing_feedback(due, [FEEDBACK]) == [due[1]]
    wrong_evaluation = replace(FEEDBACK, event=E.EVALUATIE, given_on=date(2026, 8, 5), about=date(2026, 5, 1))
    assert missing_feedback(due, [FEEDBACK, wrong_evaluation]) == [due[1]]
    right = replace(wrong_evaluation, about=date(2026, 8, 4))
    assert missing_feedback(due, [FEEDBACK, right]) == []
    too_early = replace(FEEDBACK, given_on=date(2026, 3, 1))
    assert missing_feedback(due[:1], [too_early]) == due[:1]


def test_valid_feedback_within_consent() -> None:
    assert validate_feedback(FEEDBACK, today=date(2026, 3, 20), consents=[CONSENT]) == []


def test_feedback_outside_consent_scope_is_blocked() -> None:
    progress = replace(FEEDBACK, event=E.PLAN_ONDERTEKEND)  # category voortgang, consent covers only status
    issues = validate_feedback(progress, today=date(2026, 5, 10), consents=[CONSENT])
    assert [i.field for i in issues] == ["category"] and "niet toegestaan" in issues[0].message
    assert [i.field for i in validate_feedback(FEEDBACK, today=date(2026, 3, 20), consents=[])] == ["category"]


def test_feedback_fields_are_required() -> None:
    empty = ReferrerFeedback(E.BESLUIT, None, "")
    assert {i.field for i in validate_feedback(empty, today=date(2026, 3, 20), consents=[])} == {
        "given_on",
        "recipient",
        "channel",
        "summary",
    }
