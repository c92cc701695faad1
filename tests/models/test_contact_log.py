"""Contact log and weekly summary (spec 5.1)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.contact_log import (
    ContactLogEntry,
    WeeklySummary,
    draft_weekly_summary,
    is_cancelled,
    iso_week,
    missing_summary_weeks,
    validate_contact,
    validate_weekly_summary,
    weeks_requiring_summary,
)
from mpg_desktop.models.phase_log import PhaseTransition, TransitionKind
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.validation import Severity

NOW = datetime(2026, 5, 20, 12)
VISIT = ContactLogEntry(
    datetime(2026, 5, 18, 10), Choice("huisbezoek"), 90, (1, 2), summary="Post doorgenomen", goal_keys=("g1",)
)
CALL = ContactLogEntry(datetime(2026, 5, 19, 9), Choice("telefoon"), 10, summary="Afspraak bevestigd")
NO_SHOW = ContactLogEntry(datetime(2026, 5, 20, 9), Choice("niet_thuis_afgezegd"))
WORRY = ContactLogEntry(
    datetime(2026, 5, 21, 9),
    Choice("huisbezoek"),
    60,
    summary="Ruzie",
    safety_concern=Tri.JA,
    safety_note="Buren hoorden geschreeuw",
)


def test_contact_validation() -> None:
    assert validate_contact(VISIT, now=NOW) == []
    assert [i.field for i in validate_contact(replace(VISIT, at=datetime(2026, 5, 21)), now=NOW)] == ["at"]
    assert [i.field for i in validate_contact(replace(VISIT, duration_minutes=2000), now=NOW)] == ["duration_minutes"]
    assert [i.field for i in validate_contact(replace(VISIT, safety_concern=Tri.JA), now=NOW)] == ["safety_note"]
    assert [i.field for i in validate_contact(replace(VISIT, contact_type=Choice("anders")), now=NOW)] == [
        "contact_type"
    ]


def test_cancelled_contact_is_counted_and_has_no_duration() -> None:
    assert is_cancelled(NO_SHOW) and not is_cancelled(VISIT)
    assert validate_contact(NO_SHOW, now=NOW) == []
    odd = validate_contact(replace(NO_SHOW, duration_minutes=30), now=NOW)
    assert [(i.field, i.severity) for i in odd] == [("duration_minutes", Severity.WAARSCHUWING)]


def test_weekly_draft_from_contacts() -> None:
    other_week = replace(CALL, at=datetime(2026, 5, 25, 9))
    draft = draft_weekly_summary([VISIT, CALL, NO_SHOW, WORRY, other_week], (2026, 21))
    assert (draft.contacts, draft.cancelled, draft.minutes) == (3, 1, 160)
    assert draft.per_type == (("Huisbezoek", 2), ("Telefoon", 1), ("Niet thuis / afgezegd", 1))
    assert draft.safety_notes == ("Buren hoorden geschreeuw",) and draft.goal_keys == {"g1"}
    assert draft.text.startswith("Week 21 (18-05 t/m 24-05-2026): 3 contact(en), 160 minuten.")
    assert "ma 18-05: Post doorgenomen" in draft.text and "Afgezegd of niet thuis: 1." in draft.text


def test_weekly_summary_needs_choices_bottlenecks_and_safety() -> None:
    assert (
        validate_weekly_summary(WeeklySummary((2026, 21), "tekst", "geen", "schuldeiser reageert niet", Tri.JA)) == []
    )
    empty = WeeklySummary((2026, 21), "tekst", "", "", None)
    assert {i.field for i in validate_weekly_summary(empty)} == {"choices", "bottlenecks", "safety_addressed"}


LOG = (
    PhaseTransition(Phase.KENNISMAKING, Phase.INFORMATIEFASE, datetime(2026, 5, 6), "c", TransitionKind.VOORUIT),
    PhaseTransition(Phase.INFORMATIEFASE, Phase.AFGESLOTEN, datetime(2026, 5, 20), "c", TransitionKind.UITVAL),
)


def test_weeks_in_phases_6_to_9_need_a_summary_once_completed() -> None:
    assert iso_week(date(2026, 5, 6)) == (2026, 19)
    assert weeks_requiring_summary(LOG, date(2026, 5, 13)) == [(2026, 19)]  # week 20 is not over yet
    assert weeks_requiring_summary(LOG, date(2026, 6, 30)) == [(2026, 19), (2026, 20), (2026, 21)]
    written = [WeeklySummary((2026, 20), "t", "k", "b", Tri.NEE)]
    assert missing_summary_weeks(LOG, written, date(2026, 6, 30)) == [(2026, 19), (2026, 21)]
