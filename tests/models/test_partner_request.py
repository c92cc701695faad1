"""Requests to partner organisations and the urgency code (spec 5.10)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.partner_request import PartnerRequest, code_red_share, quarter_of, validate_partner_request
from mpg_desktop.models.validation import Severity

TODAY = date(2026, 5, 1)
REQUEST = PartnerRequest(date(2026, 4, 2), "SoZaWe", Choice("financien"), Choice("code_rood"), True, "coach A")


def test_complete_request() -> None:
    assert validate_partner_request(REQUEST, today=TODAY) == []


def test_urgent_request_without_evidence_warns() -> None:
    issues = validate_partner_request(replace(REQUEST, evidence_attached=False), today=TODAY)
    assert [(i.field, i.severity) for i in issues] == [("evidence_attached", Severity.WAARSCHUWING)]
    regular = replace(REQUEST, urgency=Choice("regulier"), evidence_attached=False)
    assert validate_partner_request(regular, today=TODAY) == []


def test_required_fields_and_outcome_date() -> None:
    empty = PartnerRequest(None, "", None, None, None)
    assert {i.field for i in validate_partner_request(empty, today=TODAY)} == {
        "requested_on",
        "organisation",
        "subject",
        "urgency",
        "evidence_attached",
    }
    backwards = replace(REQUEST, outcome="toegekend", outcome_on=date(2026, 4, 1))
    assert [i.field for i in validate_partner_request(backwards, today=TODAY)] == ["outcome_on"]


def test_code_red_share_per_coach_per_quarter() -> None:
    assert quarter_of(date(2026, 4, 2)) == (2026, 2)
    requests = [
        REQUEST,
        replace(REQUEST, urgency=Choice("code_oranje")),
        replace(REQUEST, urgency=Choice("regulier")),
        replace(REQUEST, urgency=Choice("regulier")),
        replace(REQUEST, requested_on=date(2026, 3, 30)),  # other quarter
        replace(REQUEST, requested_by="coach B"),  # other coach
    ]
    assert code_red_share(requests, coach="coach A", quarter=(2026, 2)) == 0.25
    assert code_red_share(requests, coach="coach C", quarter=(2026, 2)) is None
