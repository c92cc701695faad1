"""Process checks (spec 4.4 V8, V9, V10, V12, V13): a failing and a passing case each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mpg_desktop.models.network_codes import ContactPermission, FocusKind, KeepAwayScope, SnapshotKind
from mpg_desktop.models.network_demo import demo_bakker
from mpg_desktop.models.network_issues import Severity
from mpg_desktop.models.network_map import NetworkMap, Person
from mpg_desktop.models.network_reminders import (
    check_coach_contact,
    check_editable,
    check_evaluation_snapshots,
    check_invitees,
    check_startkaart_due,
)
from mpg_desktop.models.network_snapshot import add_person, add_snapshot, finalise, new_map, put_state


def with_permission(permission: ContactPermission) -> NetworkMap:
    m = new_map("Sam", FocusKind.JONGERE)
    m, _ = add_snapshot(m, SnapshotKind.STARTKAART, date(2024, 1, 10), snapshot_id="s1")
    m = add_person(m, "s1", Person("tom", "Tom", "ouder"))
    state = m.snapshot("s1").persons[0]
    return put_state(m, "s1", replace(state, contact_permission=permission))


def test_v8_keep_away_not_to_be_invited() -> None:
    m = demo_bakker()  # Sander: keep away, not to be invited
    (issue,) = check_invitees(m, "bakker-2", ["b-sander", "b-kees"])
    assert (issue.code, issue.severity, issue.person_id) == ("V8", Severity.WAARSCHUWING, "b-sander")
    assert "Haal Sander van de uitnodigingslijst" in issue.message
    assert check_invitees(m, "bakker-2", ["b-kees", "b-ans"]) == []
    assert check_invitees(m, "bakker-1", ["b-sander"]) == []  # not kept away yet in the first snapshot


def test_v8_only_for_the_scope_niet_uitnodigen() -> None:
    m = demo_bakker()
    sander = m.snapshot("bakker-2").state("b-sander")
    assert sander is not None
    m = put_state(m, "bakker-2", replace(sander, keep_away_scope=frozenset({KeepAwayScope.WEG_BIJ_KINDEREN})))
    assert check_invitees(m, "bakker-2", ["b-sander"]) == []


def test_v9_no_permission_blocks_invitation_and_contact() -> None:
    m = with_permission(ContactPermission.NEE)
    (invite,) = check_invitees(m, "s1", ["tom"])
    (contact,) = check_coach_contact(m, "s1", "tom")
    for issue in (invite, contact):
        assert (issue.code, issue.severity, issue.blocking) == ("V9", Severity.FOUT, True)
        assert "De cliënt wil niet dat er contact is met Tom" in issue.message
    assert "bespreek" in contact.message


@pytest.mark.parametrize("permission", [ContactPermission.JA, ContactPermission.NOG_NIET_BESPROKEN])
def test_v9_passes_when_not_refused(permission: ContactPermission) -> None:
    m = with_permission(permission)
    assert check_invitees(m, "s1", ["tom"]) == []
    assert check_coach_contact(m, "s1", "tom") == []
    assert check_coach_contact(m, "s1", "someone-not-on-the-map") == []


def test_v10_finalised_snapshot_is_not_editable() -> None:
    m = with_permission(ContactPermission.JA)
    assert check_editable(m.snapshot("s1")) == []
    (issue,) = check_editable(finalise(m, "s1").snapshot("s1"))
    assert issue.code == "V10" and issue.blocking
    assert "10-01-2024 is vastgesteld" in issue.message and "nieuw meetmoment" in issue.message


START = date(2024, 1, 1)  # startkaart due 12-02-2024


@pytest.mark.parametrize(
    ("today", "fragment"),
    [(date(2024, 1, 29), "vóór 12-02-2024"), (date(2024, 2, 12), "vóór 12-02-2024"), (date(2024, 2, 13), "uiterlijk")],
)
def test_v12_reminds_before_and_after_the_six_weeks(today: date, fragment: str) -> None:
    (issue,) = check_startkaart_due(new_map("Sam", FocusKind.JONGERE), START, today)
    assert (issue.code, issue.severity) == ("V12", Severity.HERINNERING)
    assert fragment in issue.message


def test_v12_quiet_early_on_and_once_a_startkaart_exists() -> None:
    empty = new_map("Sam", FocusKind.JONGERE)
    assert check_startkaart_due(empty, START, date(2024, 1, 28)) == []
    late, _ = add_snapshot(empty, SnapshotKind.STARTKAART, date(2024, 3, 1))
    assert check_startkaart_due(late, START, date(2024, 4, 1)) == []
    other, _ = add_snapshot(empty, SnapshotKind.TUSSENTIJDS, date(2024, 1, 20))
    assert [i.code for i in check_startkaart_due(other, START, date(2024, 3, 1))] == ["V12"]


def test_v13_evaluation_without_a_snapshot_nearby() -> None:
    m = demo_bakker()  # snapshots 04-09-2023 and 16-10-2023
    evaluations = [date(2023, 10, 2), date(2024, 1, 2), date(2024, 4, 2)]
    issues = check_evaluation_snapshots(m, evaluations, today=date(2024, 1, 10))
    # 02-10 has the 16-10 snapshot within 14 days; 02-01 has none; 02-04 is not due yet.
    assert [(i.code, i.severity) for i in issues] == [("V13", Severity.HERINNERING)]
    assert "02-01-2024" in issues[0].message and "Nieuw meetmoment" in issues[0].message
    assert check_evaluation_snapshots(m, [date(2023, 10, 2)], today=date(2024, 1, 10)) == []
    assert len(check_evaluation_snapshots(m, [date(2023, 10, 1)], today=date(2024, 1, 10))) == 1  # 15 days apart
