"""The contact log and weekly summary (*contactregistratie, weekoverzicht*, spec 5.1).

Each contact may link to plan goals (``Goal.key``) so that work never written as a goal shows up.
The weekly summary is drafted from the week's contacts; the coach adds the choices made and the
bottlenecks, and safety gets explicit attention. One summary per ISO week while the case is in
phases 6-9; completed weeks without one are "missing".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.phase_log import PhaseTransition
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.validation import FieldIssue, Severity

MAX_MINUTES = 24 * 60
CANCELLED_TAG = "afgezegd"
SUMMARY_PHASES = frozenset({Phase.INFORMATIEFASE, Phase.PLANVORMING, Phase.UITVOERING, Phase.AFRONDING})
Week = tuple[int, int]  # ISO (year, week number)
# Weekday abbreviations in Dutch; strftime's %a depends on the machine's locale.
DUTCH_WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


@dataclass(frozen=True)
class ContactLogEntry:
    """One contact. ``duration_minutes`` in whole minutes; ``at`` local wall-clock time."""

    at: datetime
    contact_type: Choice | None  # contact_type
    duration_minutes: int = 0
    present_member_ids: tuple[int, ...] = ()
    other_parties: tuple[str, ...] = ()
    summary: str = ""
    goal_keys: tuple[str, ...] = ()
    safety_concern: Tri | None = None
    safety_note: str = ""
    follow_up: str = ""


def is_cancelled(entry: ContactLogEntry, code_lists: CodeLists | None = None) -> bool:
    """A no-show or cancelled appointment (counted: calling off is a common problem)."""
    lists = code_lists or default_code_lists()
    return entry.contact_type is not None and entry.contact_type.code in lists[ListId.CONTACT_TYPE].codes_tagged(
        CANCELLED_TAG
    )


def validate_contact(entry: ContactLogEntry, *, now: datetime, code_lists: CodeLists | None = None) -> list[FieldIssue]:
    lists = code_lists or default_code_lists()
    issues = lists[ListId.CONTACT_TYPE].check(entry.contact_type, "contact_type", "Soort contact", is_required=True)
    if entry.at > now:
        issues.append(FieldIssue("at", "Datum en tijd liggen in de toekomst. Leg een contact vast nadat het er was."))
    if not 0 <= entry.duration_minutes <= MAX_MINUTES:
        issues.append(FieldIssue("duration_minutes", "Duur: vul een aantal minuten in tussen 0 en 1440."))
    elif is_cancelled(entry, lists) and entry.duration_minutes > 0:
        issues.append(
            FieldIssue(
                "duration_minutes", "Een afgezegd contact heeft meestal geen duur. Klopt dit?", Severity.WAARSCHUWING
            )
        )
    if not entry.summary.strip() and not is_cancelled(entry, lists):
        issues.append(
            FieldIssue("summary", "Samenvatting: schrijf kort wat er besproken of gedaan is.", Severity.WAARSCHUWING)
        )
    if entry.safety_concern is Tri.JA and not entry.safety_note.strip():
        issues.append(FieldIssue("safety_note", "Veiligheid: beschrijf de zorg over de veiligheid."))
    return issues


def iso_week(day: date) -> Week:
    year, week, _ = day.isocalendar()
    return year, week


def week_bounds(week: Week) -> tuple[date, date]:
    """Monday and Sunday of an ISO week."""
    monday = date.fromisocalendar(week[0], week[1], 1)
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True)
class WeeklySummaryDraft:
    week: Week
    contacts: int  # held contacts (cancellations excluded)
    cancelled: int
    minutes: int
    per_type: tuple[tuple[str, int], ...]  # (label, count) in code-list order
    safety_notes: tuple[str, ...]
    goal_keys: frozenset[str]
    text: str  # Dutch draft the coach edits


@dataclass(frozen=True)
class WeeklySummary:
    week: Week
    text: str  # activities (from the draft, edited)
    choices: str  # gemaakte keuzes
    bottlenecks: str  # knelpunten
    safety_addressed: Tri | None  # safety got explicit attention (002 L1900-1902)
    written_by: str = ""


def draft_weekly_summary(
    entries: Iterable[ContactLogEntry], week: Week, code_lists: CodeLists | None = None
) -> WeeklySummaryDraft:
    lists = code_lists or default_code_lists()
    contact_types = lists[ListId.CONTACT_TYPE]
    in_week = [e for e in entries if iso_week(e.at.date()) == week]
    held = [e for e in in_week if not is_cancelled(e, lists)]
    counts = Counter(e.contact_type.code for e in in_week if e.contact_type is not None)
    per_type = tuple((item.label, counts[item.code]) for item in contact_types.items if counts[item.code])
    safety = tuple(e.safety_note.strip() for e in in_week if e.safety_concern is Tri.JA and e.safety_note.strip())
    minutes = sum(e.duration_minutes for e in held)
    monday, sunday = week_bounds(week)
    lines = [f"Week {week[1]} ({monday:%d-%m} t/m {sunday:%d-%m-%Y}): {len(held)} contact(en), {minutes} minuten."]
    lines += [f"- {label}: {count}" for label, count in per_type]
    if len(in_week) > len(held):
        lines.append(f"Afgezegd of niet thuis: {len(in_week) - len(held)}.")
    lines.append("Veiligheid: " + ("; ".join(safety) if safety else "geen zorgen vastgelegd in de contacten."))
    lines += [f"{DUTCH_WEEKDAYS[e.at.weekday()]} {e.at:%d-%m}: {e.summary.strip()}" for e in held if e.summary.strip()]
    return WeeklySummaryDraft(
        week=week,
        contacts=len(held),
        cancelled=len(in_week) - len(held),
        minutes=minutes,
        per_type=per_type,
        safety_notes=safety,
        goal_keys=frozenset(key for e in held for key in e.goal_keys),
        text="\n".join(lines),
    )


def validate_weekly_summary(summary: WeeklySummary) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if not summary.choices.strip():
        issues.append(
            FieldIssue("choices", "Gemaakte keuzes: schrijf welke keuzes er deze week zijn gemaakt (of 'geen').")
        )
    if not summary.bottlenecks.strip():
        issues.append(FieldIssue("bottlenecks", "Knelpunten: schrijf de knelpunten van deze week (of 'geen')."))
    if summary.safety_addressed is None:
        issues.append(FieldIssue("safety_addressed", "Veiligheid: geef aan of de veiligheid deze week aan bod kwam."))
    return issues


def weeks_requiring_summary(transitions: Sequence[PhaseTransition], today: date) -> list[Week]:
    """Completed ISO weeks (before the current one) in which the case spent time in phases 6-9."""
    weeks: set[Week] = set()
    current_week = iso_week(today)
    spans: list[tuple[date, date]] = []
    since: date | None = None
    for row in transitions:
        day = row.at.date()
        if row.to_phase in SUMMARY_PHASES and since is None:
            since = day
        elif row.to_phase not in SUMMARY_PHASES and since is not None:
            spans.append((since, day))
            since = None
    if since is not None:
        spans.append((since, today))
    for first, last in spans:
        day = first
        while day <= last:
            week = iso_week(day)
            if week < current_week:
                weeks.add(week)
            day += timedelta(days=1)
    return sorted(weeks)


def missing_summary_weeks(
    transitions: Sequence[PhaseTransition], summaries: Iterable[WeeklySummary], today: date
) -> list[Week]:
    """Weeks that need a summary and have none (shown on the dashboard)."""
    written = {summary.week for summary in summaries}
    return [week for week in weeks_requiring_summary(transitions, today) if week not in written]


def required_week_label(week: Week) -> str:
    monday, sunday = week_bounds(week)
    return f"week {week[1]} ({monday:%d-%m} t/m {sunday:%d-%m-%Y})"
