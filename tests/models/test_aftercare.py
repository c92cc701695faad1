"""Aftercare (spec 5.7): plan with reason, contacts, re-open request and profile limits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mpg_desktop.models.aftercare import (
    AftercareAction,
    AftercareBy,
    AftercareContact,
    AftercarePlan,
    aftercare_limit_warnings,
    reopen_requested,
    validate_aftercare_contact,
    validate_aftercare_plan,
)
from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.programme_profiles import default_programme_profiles
from mpg_desktop.models.validation import Severity

PROFILES = default_programme_profiles()
STARTED = date(2027, 2, 1)
PLAN = AftercarePlan(
    Choice("vinger_aan_de_pols"), "maandelijks bellen", date(2027, 5, 1), "Moeder vraagt zelf hulp als het nodig is."
)
CONTACT = AftercareContact(date(2027, 3, 1), AftercareBy.COACH, Choice("telefoon"), Tri.JA, action=AftercareAction.GEEN)


def test_plan_needs_a_reason_for_its_form() -> None:
    assert validate_aftercare_plan(PLAN, started_on=STARTED, profile=PROFILES["standaard"]) == []
    issues = validate_aftercare_plan(replace(PLAN, reason=" "), started_on=STARTED, profile=PROFILES["standaard"])
    assert [i.field for i in issues] == ["reason"]


def test_plan_longer_than_profile_warns() -> None:
    long = replace(PLAN, until=date(2027, 6, 1))
    issues = validate_aftercare_plan(long, started_on=STARTED, profile=PROFILES["sociaal_team"])
    assert [(i.field, i.severity) for i in issues] == [("until", Severity.WAARSCHUWING)]
    assert "hoogstens 3 maanden" in issues[0].message
    assert validate_aftercare_plan(long, started_on=STARTED, profile=PROFILES["de_ploeg"]) == []  # no limit


def test_contact_validation() -> None:
    assert validate_aftercare_contact(CONTACT, today=date(2027, 3, 2)) == []
    other_org = replace(CONTACT, by=AftercareBy.ANDERE_ORGANISATIE)
    assert [i.field for i in validate_aftercare_contact(other_org, today=date(2027, 3, 2))] == ["organisation"]
    worried = replace(CONTACT, still_on_track=Tri.NEE)
    assert [i.severity for i in validate_aftercare_contact(worried, today=date(2027, 3, 2))] == [Severity.WAARSCHUWING]
    empty = AftercareContact(None, None, None, None)
    assert {i.field for i in validate_aftercare_contact(empty, today=date(2027, 3, 2))} == {
        "on",
        "by",
        "contact_type",
        "still_on_track",
        "action",
    }


def test_reopen_action_asks_for_the_reopen_transition() -> None:
    assert not reopen_requested(CONTACT)
    assert reopen_requested(replace(CONTACT, action=AftercareAction.HEROPENEN))


def test_limits_of_np_three_contacts_and_three_months() -> None:
    np_ = PROFILES["nieuwe_perspectieven"]
    three = [CONTACT] * 3
    assert aftercare_limit_warnings(three, started_on=STARTED, today=date(2027, 4, 1), profile=np_) == []
    four = aftercare_limit_warnings([*three, CONTACT], started_on=STARTED, today=date(2027, 4, 1), profile=np_)
    assert len(four) == 1 and "hoogstens 3" in four[0]
    late = aftercare_limit_warnings(three, started_on=STARTED, today=date(2027, 5, 2), profile=np_)
    assert len(late) == 1 and "langer dan 3 maanden" in late[0]
