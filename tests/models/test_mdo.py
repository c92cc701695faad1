"""MDO and internal case review records (spec 5.3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.mdo import MdoRecord, MeetingAgreement, validate_mdo
from mpg_desktop.models.validation import Severity

TODAY = date(2026, 5, 1)
MDO = MdoRecord(
    held_on=date(2026, 4, 28),
    meeting_type=Choice("mdo"),
    chair="coach A",
    invited=("MJD", "school"),
    present=("MJD",),
    family_present_ids=(1,),
    plan_version=1,
    agreements=(MeetingAgreement("Schuldenoverzicht maken", "moeder + MJD", date(2026, 5, 15)),),
    next_meeting_on=date(2026, 7, 1),
    minutes_sent_to=("MJD",),
    minutes_sent_on=date(2026, 4, 29),
)


def test_complete_mdo() -> None:
    assert validate_mdo(MDO, today=TODAY) == []


def test_family_absent_warns_except_in_internal_review() -> None:
    absent = validate_mdo(replace(MDO, family_present_ids=()), today=TODAY)
    assert [(i.field, i.severity) for i in absent] == [("family_present_ids", Severity.WAARSCHUWING)]
    review = replace(MDO, meeting_type=Choice("casuistiekbespreking"), family_present_ids=(), present=("team",))
    assert [i.field for i in validate_mdo(review, today=TODAY)] == ["advice"]
    assert validate_mdo(replace(review, advice="Eerst inkomen stabiliseren."), today=TODAY) == []


def test_agreements_dates_and_required_fields() -> None:
    vague = replace(MDO, agreements=(MeetingAgreement("Iets regelen", ""),))
    assert [i.field for i in validate_mdo(vague, today=TODAY)] == ["agreements"]
    assert [i.field for i in validate_mdo(replace(MDO, next_meeting_on=date(2026, 4, 1)), today=TODAY)] == [
        "next_meeting_on"
    ]
    assert [i.severity for i in validate_mdo(replace(MDO, minutes_sent_on=None), today=TODAY)] == [
        Severity.WAARSCHUWING
    ]
    empty = MdoRecord(None, None)
    assert {i.field for i in validate_mdo(empty, today=TODAY)} == {
        "meeting_type",
        "held_on",
        "chair",
        "present",
        "family_present_ids",
    }
