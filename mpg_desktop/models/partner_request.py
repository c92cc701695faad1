"""Requests to partner organisations (*aanvragen*, spec 5.10) and the urgency code.

ST used *code rood* / *code oranje* for urgent requests; partners liked it but felt code rood was
overused, and disliked requests without proof. The app therefore asks whether evidence is attached
and reports each coach's share of code rood per quarter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.validation import FieldIssue, Severity, required

CODE_RED = "code_rood"
URGENT_TAG = "spoed"


@dataclass(frozen=True)
class PartnerRequest:
    requested_on: date | None
    organisation: str
    subject: Choice | None  # aanvraag_onderwerp
    urgency: Choice | None  # urgentie
    evidence_attached: bool | None
    requested_by: str = ""  # the coach
    outcome: str = ""
    outcome_on: date | None = None


def validate_partner_request(
    request: PartnerRequest, *, today: date, code_lists: CodeLists | None = None
) -> list[FieldIssue]:
    lists = code_lists or default_code_lists()
    issues: list[FieldIssue] = []
    if request.requested_on is None:
        issues.append(required("requested_on", "Datum"))
    elif request.requested_on > today:
        issues.append(FieldIssue("requested_on", "Datum ligt in de toekomst."))
    if not request.organisation.strip():
        issues.append(required("organisation", "Organisatie"))
    issues += lists[ListId.AANVRAAG_ONDERWERP].check(request.subject, "subject", "Onderwerp", is_required=True)
    urgency = lists[ListId.URGENTIE]
    issues += urgency.check(request.urgency, "urgency", "Urgentie", is_required=True)
    if request.evidence_attached is None:
        issues.append(required("evidence_attached", "Bewijsstukken bijgevoegd"))
    elif (
        not request.evidence_attached
        and request.urgency is not None
        and request.urgency.code in urgency.codes_tagged(URGENT_TAG)
    ):
        issues.append(
            FieldIssue(
                "evidence_attached",
                "Een spoedaanvraag zonder bewijsstukken wordt vaak teruggestuurd. Voeg ze toe als dat kan.",
                Severity.WAARSCHUWING,
            )
        )
    if (
        request.outcome_on is not None
        and request.requested_on is not None
        and request.outcome_on < request.requested_on
    ):
        issues.append(FieldIssue("outcome_on", "Datum uitkomst ligt vóór de aanvraag. Controleer de datum."))
    return issues


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter 1-4)."""
    return day.year, (day.month - 1) // 3 + 1


def code_red_share(requests: Iterable[PartnerRequest], *, coach: str, quarter: tuple[int, int]) -> float | None:
    """Share (0..1) of a coach's requests in a quarter that were code rood; None without requests."""
    mine = [
        r
        for r in requests
        if r.requested_by == coach and r.requested_on is not None and quarter_of(r.requested_on) == quarter
    ]
    if not mine:
        return None
    return sum(1 for r in mine if r.urgency is not None and r.urgency.code == CODE_RED) / len(mine)
