"""Multidisciplinary meeting record (*MDO*, spec 5.3), including internal case reviews.

The coach organises and chairs; the family usually attends; the plan is the agenda. Agreements
(what / who / when) become or update plan actions. An internal review (*casuïstiekbespreking*)
records the advice given instead of the family's presence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.validation import FieldIssue, Severity, required

INTERNAL_TAG = "intern"


@dataclass(frozen=True)
class MeetingAgreement:
    what: str
    who: str
    when: date | None = None


@dataclass(frozen=True)
class MdoRecord:
    held_on: date | None
    meeting_type: Choice | None  # mdo_type
    chair: str = ""
    invited: tuple[str, ...] = ()
    present: tuple[str, ...] = ()  # professionals and others, as names
    family_present_ids: tuple[int, ...] = ()  # household members present
    plan_version: int | None = None  # gezinsplan version discussed
    agreements: tuple[MeetingAgreement, ...] = ()
    disagreements: str = ""
    next_meeting_on: date | None = None
    minutes_sent_to: tuple[str, ...] = ()
    minutes_sent_on: date | None = None
    advice: str = ""  # for an internal case review


def validate_mdo(record: MdoRecord, *, today: date, code_lists: CodeLists | None = None) -> list[FieldIssue]:
    lists = code_lists or default_code_lists()
    types = lists[ListId.MDO_TYPE]
    issues = types.check(record.meeting_type, "meeting_type", "Soort overleg", is_required=True)
    internal = record.meeting_type is not None and record.meeting_type.code in types.codes_tagged(INTERNAL_TAG)
    if record.held_on is None:
        issues.append(required("held_on", "Datum"))
    elif record.held_on > today:
        issues.append(FieldIssue("held_on", "Datum ligt in de toekomst. Leg het overleg vast nadat het is gehouden."))
    if not record.chair.strip():
        issues.append(required("chair", "Voorzitter"))
    if not record.present and not record.family_present_ids:
        issues.append(FieldIssue("present", "Aanwezig: vul in wie er waren."))
    if internal and not record.advice.strip():
        issues.append(FieldIssue("advice", "Advies: leg vast welk advies het team gaf."))
    if not internal and not record.family_present_ids:
        issues.append(
            FieldIssue(
                "family_present_ids",
                "Er was geen gezinslid bij. Meestal is het gezin erbij; schrijf bij de afspraken waarom niet.",
                Severity.WAARSCHUWING,
            )
        )
    if any(not a.what.strip() or not a.who.strip() for a in record.agreements):
        issues.append(FieldIssue("agreements", "Afspraken: vul bij elke afspraak in wat en wie."))
    if record.held_on is not None and record.next_meeting_on is not None and record.next_meeting_on < record.held_on:
        issues.append(FieldIssue("next_meeting_on", "Volgend overleg ligt vóór dit overleg. Controleer de datum."))
    if record.minutes_sent_to and record.minutes_sent_on is None:
        issues.append(FieldIssue("minutes_sent_on", "Verslag verstuurd: vul de datum in.", Severity.WAARSCHUWING))
    return issues
