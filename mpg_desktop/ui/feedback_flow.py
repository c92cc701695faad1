"""Feedback to the referrer (spec 5.8): what the letter dialog needs from the store, and recording
that a letter was sent. No Qt here; everything runs on the GUI thread (a few small reads/writes).

The recipient is named as the consent register names it (``Consent.recipient``), so the letter
and ``may_share`` agree: by default the referring organisation's label from the referral (e.g.
"CJG"), or the contact's name for a referrer who is not a professional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mpg_desktop.documents.referrer_letter import LetterRequest, ReferrerLetter
from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.consent import Consent
from mpg_desktop.models.household import Family
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import Referral
from mpg_desktop.models.referrer_feedback import (
    FEEDBACK_PURPOSE,
    DueFeedback,
    FeedbackEvent,
    ReferrerFeedback,
    missing_feedback,
    required_feedback,
    validate_feedback,
)
from mpg_desktop.models.validation import FieldIssue
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import (
    LifecycleState,
    RecordKind,
    add_record,
    list_consents,
    list_records,
    load_lifecycle,
)

LETTER_CHANNEL = "brief"
ENDED = frozenset({Phase.NAZORG, Phase.AFGESLOTEN})  # support has ended: closure feedback is due


@dataclass(frozen=True)
class FeedbackContext:
    """One traject as the feedback dialog sees it, read once when the dialog opens."""

    traject_id: int
    state: LifecycleState
    family: Family
    consents: tuple[Consent, ...]
    given: tuple[ReferrerFeedback, ...]  # records, plus the one stored with the decision
    organisation: str
    coach: str

    @property
    def referral(self) -> Referral:
        return self.state.referral

    @property
    def referrer(self) -> str:
        return referrer_name(self.referral)

    def recipients(self) -> list[str]:
        """The referrer first, then everyone the register holds a feedback consent for."""
        names = [self.referrer] if self.referrer else []
        names += [c.recipient.strip() for c in self.consents if c.purpose.code == FEEDBACK_PURPOSE]
        seen: dict[str, str] = {}
        for name in names:
            if name:
                seen.setdefault(name.casefold(), name)
        return list(seen.values())

    def contact_for(self, recipient: str) -> str:
        """The referrer's contact person, when the letter goes to the referrer."""
        if recipient.strip().casefold() == self.referrer.casefold():
            return self.referral.referrer_contact.name.strip()
        return ""

    def event_date(self, event: FeedbackEvent) -> date | None:
        """When the moment happened, as far as the store knows."""
        state = self.state
        if event is FeedbackEvent.BESLUIT:
            decided = state.decision.decided_on if state.decision else None
            return state.decision_date or decided
        if event is FeedbackEvent.START:
            return state.start_date
        if event is FeedbackEvent.PLAN_ONDERTEKEND:
            return state.traject.plan_signed_on
        if event is FeedbackEvent.EVALUATIE:
            return state.traject.last_evaluation_on
        return (state.closure.end_date if state.closure else None) or state.end_date

    def due(self) -> list[DueFeedback]:
        return required_feedback(
            self_referral=is_self_referral(self.referral),
            referrer_is_professional=is_professional(self.referral),
            decided_on=self.event_date(FeedbackEvent.BESLUIT),
            started_on=self.state.start_date,
            plan_signed_on=self.state.traject.plan_signed_on,
            evaluations=[d for d in (self.state.traject.last_evaluation_on,) if d is not None],
            closed_on=self.event_date(FeedbackEvent.AFSLUITING) if self.state.phase in ENDED else None,
        )

    def missing(self) -> list[DueFeedback]:
        return missing_feedback(self.due(), self.given)

    def request(
        self, event: FeedbackEvent, recipient: str, contact: str, about: date | None, today: date
    ) -> LetterRequest:
        state = self.state
        coach = (state.decision.coach if state.decision else "") or state.coach or self.coach
        return LetterRequest(
            event=event,
            recipient=recipient.strip(),
            letter_date=today,
            organisation=self.organisation,
            coach=coach,
            case_number=state.traject.case_number,
            referral_date=state.traject.referral_date,
            family=self.family,
            referral=state.referral,
            contact_name=contact.strip(),
            about=about,
            decision=state.decision,
            start_date=state.start_date,
            plan_signed_on=state.traject.plan_signed_on,
            closure=state.closure,
            consents=self.consents,
        )


def referrer_name(referral: Referral) -> str:
    lists = default_code_lists()
    if referral.referring_organisation is not None and referral.referring_organisation.code:
        return lists[ListId.AANMELDENDE_ORGANISATIE].display(referral.referring_organisation)
    if not is_self_referral(referral):
        return referral.referrer_contact.name.strip()
    return ""


def is_self_referral(referral: Referral) -> bool:
    return referral.referrer_type is not None and referral.referrer_type.code == "zelfmelder"


def is_professional(referral: Referral) -> bool:
    kind = referral.referrer_type
    tagged = default_code_lists()[ListId.AANMELDER_TYPE].codes_tagged("professional")
    return kind is not None and kind.code in tagged


def load_feedback_context(store: CaseStore, traject_id: int) -> FeedbackContext:
    state = load_lifecycle(store, traject_id)
    given = [record for _id, record in list_records(store, traject_id, RecordKind.REFERRER_FEEDBACK, ReferrerFeedback)]
    if state.decision is not None and state.decision.feedback is not None:
        given.append(state.decision.feedback)
    return FeedbackContext(
        traject_id=traject_id,
        state=state,
        family=load_family(store, state.family_id),
        consents=tuple(consent for _id, consent in list_consents(store, state.family_id)),
        given=tuple(given),
        organisation=store.get_meta("organisation"),
        coach=store.get_meta("coach_name"),
    )


def feedback_record(letter: ReferrerLetter, contact: str, today: date) -> ReferrerFeedback:
    return ReferrerFeedback(
        event=letter.event,
        given_on=today,
        recipient=letter.recipient,
        to_whom=contact.strip(),
        channel=Choice(LETTER_CHANNEL),
        summary=letter.summary(),
        category=letter.record_category,
        about=letter.about,
    )


def record_sent(
    store: CaseStore, context: FeedbackContext, letter: ReferrerLetter, contact: str, today: date
) -> list[FieldIssue]:
    """Store that ``letter`` was sent; returns the problems instead when the domain refuses it
    (a letter that shares nothing is not feedback, and one outside the consent is never stored)."""
    record = feedback_record(letter, contact, today)
    issues = validate_feedback(record, today=today, consents=context.consents)
    if not letter.shares_data or issues:
        return issues or [FieldIssue("category", "Deze brief deelt niets en telt niet als terugkoppeling.")]
    add_record(store, context.traject_id, RecordKind.REFERRER_FEEDBACK, record, today)
    return []
