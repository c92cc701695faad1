"""Feedback to the referrer (*terugkoppeling aanmelder*, spec 2.4, 5.8).

Referrers complained that they never heard what happened to their referral. The mandatory moments
are the decision, the start of support (5 -> 6), the signed plan, each evaluation when the referrer
is a professional, and the closure. What may be said is limited by the family's consent (privacy
ACC-04): a record whose content category is outside that consent is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.consent import Consent, LegalBasis, may_share
from mpg_desktop.models.validation import FieldIssue, required

FEEDBACK_PURPOSE = "terugkoppeling_aanmelder"


class FeedbackEvent(StrEnum):
    BESLUIT = "besluit"
    START = "start"
    PLAN_ONDERTEKEND = "plan_ondertekend"
    EVALUATIE = "evaluatie"
    AFSLUITING = "afsluiting"

    @property
    def label(self) -> str:
        return {
            "besluit": "Besluit over de aanmelding",
            "start": "Start van de begeleiding",
            "plan_ondertekend": "Gezinsplan ondertekend",
            "evaluatie": "Evaluatie",
            "afsluiting": "Afsluiting",
        }[self.value]

    @property
    def category(self) -> str:
        """The content category (code list deel_categorie) this feedback normally carries."""
        return "voortgang" if self in (FeedbackEvent.PLAN_ONDERTEKEND, FeedbackEvent.EVALUATIE) else "status"


@dataclass(frozen=True)
class ReferrerFeedback:
    """One feedback record. ``recipient`` is the referrer as named in the consent register;
    ``about`` the date of the event it reports (e.g. which evaluation)."""

    event: FeedbackEvent
    given_on: date | None
    recipient: str
    to_whom: str = ""  # contact person
    channel: Choice | None = None  # terugkoppeling_kanaal
    summary: str = ""
    category: str = ""  # deel_categorie; empty = the event's usual category
    about: date | None = None

    @property
    def content_category(self) -> str:
        return self.category or self.event.category


def validate_feedback(
    feedback: ReferrerFeedback,
    *,
    today: date,
    consents: Sequence[Consent],
    legal_basis: LegalBasis | None = None,
    code_lists: CodeLists | None = None,
) -> list[FieldIssue]:
    """Problems with one feedback record, including sharing outside the family's consent."""
    lists = code_lists or default_code_lists()
    issues: list[FieldIssue] = []
    if feedback.given_on is None:
        issues.append(required("given_on", "Datum terugkoppeling"))
    elif feedback.given_on > today:
        issues.append(
            FieldIssue("given_on", "Datum terugkoppeling ligt in de toekomst. Vul de datum van het gesprek in.")
        )
    if not feedback.recipient.strip():
        issues.append(required("recipient", "Aan wie"))
    issues += lists[ListId.TERUGKOPPELING_KANAAL].check(feedback.channel, "channel", "Via", is_required=True)
    if not feedback.summary.strip():
        issues.append(FieldIssue("summary", "Inhoud: schrijf kort wat er is teruggekoppeld."))
    if feedback.recipient.strip() and feedback.given_on is not None:
        decision = may_share(
            consents,
            purpose=FEEDBACK_PURPOSE,
            recipient=feedback.recipient,
            category=feedback.content_category,
            on=feedback.given_on,
            legal_basis=legal_basis,
        )
        if not decision.allowed:
            issues.append(FieldIssue("category", f"Terugkoppeling niet toegestaan: {decision.message}"))
    return issues


@dataclass(frozen=True)
class DueFeedback:
    event: FeedbackEvent
    about: date  # when the event happened

    @property
    def label(self) -> str:
        return f"{self.event.label} ({self.about:%d-%m-%Y})"


def required_feedback(
    *,
    self_referral: bool,
    referrer_is_professional: bool,
    decided_on: date | None = None,
    started_on: date | None = None,
    plan_signed_on: date | None = None,
    evaluations: Sequence[date] = (),
    closed_on: date | None = None,
) -> list[DueFeedback]:
    """The feedback moments that apply so far. A self-referring family is its own referrer."""
    if self_referral:
        return []
    moments = [
        (FeedbackEvent.BESLUIT, decided_on),
        (FeedbackEvent.START, started_on),
        (FeedbackEvent.PLAN_ONDERTEKEND, plan_signed_on),
    ]
    if referrer_is_professional:
        moments += [(FeedbackEvent.EVALUATIE, day) for day in sorted(evaluations)]
    moments.append((FeedbackEvent.AFSLUITING, closed_on))
    return [DueFeedback(event, day) for event, day in moments if day is not None]


def missing_feedback(due: Sequence[DueFeedback], given: Sequence[ReferrerFeedback]) -> list[DueFeedback]:
    """Moments without a feedback record given on or after the event. Evaluations are matched by
    their date (``about``); the other events by kind."""
    missing = []
    for moment in due:
        done = any(
            f.event is moment.event
            and f.given_on is not None
            and f.given_on >= moment.about
            and (moment.event is not FeedbackEvent.EVALUATIE or f.about == moment.about)
            for f in given
        )
        if not done:
            missing.append(moment)
    return missing
