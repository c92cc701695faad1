"""Suspended deadlines (*termijnen opgeschort*, spec 1.6.5; 002 L1403-1409).

A case may carry the flag with a reason code (zorgmijdend / Eropaf, crisis, ziekenhuisopname,
anders); all deadlines pause while it is set. De Ploeg let go of its own deadlines for
care-avoiding families approached outreach-style. Periods are counted in calendar days; ``end``
is the day the deadlines run again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.validation import FieldIssue


@dataclass(frozen=True)
class Suspension:
    """Deadlines paused from ``start`` until ``end`` (the day they run again; None = still paused)."""

    start: date
    reason: Choice  # code list opschorting_reden
    end: date | None = None
    note: str = ""

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def shift_for_suspensions(anchor: date, due: date, suspensions: Sequence[Suspension], today: date) -> tuple[date, int]:
    """The due date moved on by suspended days between ``anchor`` and the (moving) due date, and
    the number of days. A suspension still running counts up to ``today``."""
    shifted, total = due, 0
    for suspension in sorted(suspensions, key=lambda s: s.start):
        begin = max(suspension.start, anchor)
        end = suspension.end if suspension.end is not None else max(today, suspension.start)
        if begin > shifted or end <= begin:
            continue  # started after the deadline had passed, or no days inside the window
        days = (end - begin).days
        shifted += timedelta(days=days)
        total += days
    return shifted, total


def active_suspension(suspensions: Sequence[Suspension], today: date) -> Suspension | None:
    return next((s for s in suspensions if s.active_on(today)), None)


def validate_suspension(
    suspension: Suspension, *, others: Sequence[Suspension], today: date, code_lists: CodeLists | None = None
) -> list[FieldIssue]:
    """A reason from the list, an end after the start, and no overlap with another suspension."""
    lists = code_lists or default_code_lists()
    issues = lists[ListId.OPSCHORTING_REDEN].check(suspension.reason, "reason", "Reden opschorting", is_required=True)
    if suspension.start > today:
        issues.append(
            FieldIssue("start", "Opgeschort vanaf ligt in de toekomst. Zet de termijnen op schort als het zover is.")
        )
    if suspension.end is not None and suspension.end <= suspension.start:
        issues.append(FieldIssue("end", "Hervat op moet na de datum van opschorten liggen."))
    for other in others:  # half-open periods [start, end); a running one lasts until date.max
        if other.start < (suspension.end or date.max) and suspension.start < (other.end or date.max):
            issues.append(
                FieldIssue(
                    "start",
                    f"Deze periode overlapt met de opschorting vanaf {other.start:%d-%m-%Y}. "
                    "Pas die aan of verleng hem in plaats van een nieuwe te maken.",
                )
            )
            break
    return issues
