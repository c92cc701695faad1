"""The closure form (spec 5.6), regular and dropout (uitval)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.closure import (
    Closure,
    DropoutDetails,
    Handover,
    StabilityCheck,
    Success,
    closure_form_complete,
    is_dropout,
    validate_closure,
)
from mpg_desktop.models.validation import Severity

START, TODAY = date(2026, 3, 16), date(2027, 2, 1)
REGULAR = Closure(
    end_date=date(2027, 2, 1),
    reason=Choice("doelen_behaald"),
    success=Success.JA,
    stability=(
        StabilityCheck(Choice("inkomen"), Tri.JA),
        StabilityCheck(Choice("opvoeding"), Tri.JA, "school gaat goed"),
    ),
    coach_impression="Moeder houdt zelf overzicht.",
    goal_evaluation_notes="Beide doelen behaald.",
    conclusions="Vinger aan de pols via MJD.",
    handovers=(Handover("MJD", "mevr. Smit"),),
    follow_on_help=Tri.JA,
    follow_on=(Choice("maatschappelijk_werk"),),
    aftercare_agreed=True,
    aftercare_note="Coach belt maandelijks, 3 maanden.",
    referrer_informed_on=date(2027, 2, 2),
)
DROPOUT = Closure(
    end_date=date(2026, 6, 1),
    reason=Choice("uitval_onbereikbaar"),
    success=Success.NEE,
    no_handover=True,
    follow_on_help=Tri.ONBEKEND,
    aftercare_agreed=False,
    referrer_informed_on=date(2026, 6, 2),
    dropout=DropoutDetails(date(2026, 4, 20), 5, Tri.NEE, network_informed=True),
)


def fields(closure: Closure) -> set[str]:
    return {i.field for i in validate_closure(closure, start=START, today=TODAY) if i.severity is Severity.FOUT}


def test_complete_regular_and_dropout_closures() -> None:
    assert validate_closure(REGULAR, start=START, today=TODAY) == []
    assert validate_closure(DROPOUT, start=START, today=TODAY) == []
    assert not is_dropout(REGULAR) and is_dropout(DROPOUT)
    assert closure_form_complete(DROPOUT, start=START, today=TODAY)


def test_end_date_required_and_not_before_start() -> None:
    assert "end_date" in fields(replace(REGULAR, end_date=None))
    early = validate_closure(replace(REGULAR, end_date=date(2026, 3, 1)), start=START, today=TODAY)
    assert early[0].message == "Einddatum begeleiding ligt vóór de start (16-03-2026). Controleer de datum."


def test_regular_closure_needs_stability_check_and_texts() -> None:
    bare = replace(REGULAR, stability=(), coach_impression="", goal_evaluation_notes=" ", conclusions="")
    assert fields(bare) == {"stability", "coach_impression", "goal_evaluation_notes", "conclusions"}
    unanswered = replace(REGULAR, stability=(StabilityCheck(Choice("inkomen")),))
    assert fields(unanswered) == {"stability"}


def test_dropout_asks_the_dropout_details_instead() -> None:
    assert fields(replace(DROPOUT, dropout=None)) == {"dropout"}
    messages = [i.message for i in validate_closure(replace(DROPOUT, dropout=None), start=START, today=TODAY)]
    assert len(messages) == 4 and "Laatste contact is verplicht. Vul dit veld in." in messages
    known = replace(DROPOUT, dropout=replace(DROPOUT.dropout, reason_known=Tri.JA))  # type: ignore[type-var]
    assert [i.message for i in validate_closure(known, start=START, today=TODAY)] == [
        "Reden bekend: schrijf de reden op."
    ]


def test_follow_on_aftercare_and_handover() -> None:
    assert fields(replace(REGULAR, follow_on=())) == {"follow_on"}
    assert fields(replace(REGULAR, follow_on=(Choice("anders"),))) == {"follow_on"}
    assert fields(replace(REGULAR, aftercare_note="")) == {"aftercare_note"}
    assert fields(replace(REGULAR, handovers=())) == {"handovers"}
    assert fields(replace(REGULAR, reason=None, success=None)) == {"reason", "success"}


def test_referrer_not_yet_informed_is_a_warning() -> None:
    issues = validate_closure(replace(REGULAR, referrer_informed_on=None), start=START, today=TODAY)
    assert [(i.field, i.severity) for i in issues] == [("referrer_informed_on", Severity.WAARSCHUWING)]
    assert closure_form_complete(replace(REGULAR, referrer_informed_on=None), start=START, today=TODAY)
