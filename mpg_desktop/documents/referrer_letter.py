"""The letter to the referrer (*terugkoppeling aanmelder*, spec 5.8; privacy ACC-04, PRV-04, SHR-02).

Referrers complained that they never heard what became of a referral. At each feedback moment
(decision, start, plan signed, evaluation, closure) the coach can print a short letter in plain
Dutch. It says ONLY what the family's active consents allow for that recipient (``may_share`` with
purpose ``terugkoppeling_aanmelder``):

* each sentence belongs to one content category of the code list deel_categorie (``status``,
  ``voortgang``, ``resultaat``) and is left out unless a consent covers that category;
* nothing else from the file is ever written: no household members, no referral reasons, risk
  factors, life domains, notes, the no-go explanation, dropout details or the free texts of the
  closure form, and never the "namelijk" text of an "Anders" answer;
* without a usable consent the letter is the minimum: it answers the referral (the referrer's own
  date and our reference number) and says that nothing can be told without the family's consent.
  It names no family and says nothing about a decision; the same text whether there is no consent
  at all or one that does not cover this moment, so the letter itself reveals nothing.

``compose_letter`` decides the content (pure, no I/O); ``referrer_letter_pdf`` renders it;
``write_referrer_letter`` writes the PDF atomically with owner-only permissions. The two last run
on a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mpg_desktop.documents.letter_model import PlainLetter, dutch_date
from mpg_desktop.models.admission import Decision, DecisionKind
from mpg_desktop.models.closure import Closure, Success
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.consent import Consent, may_share
from mpg_desktop.models.household import Family
from mpg_desktop.models.referral import Referral
from mpg_desktop.models.referrer_feedback import FEEDBACK_PURPOSE, FeedbackEvent

STATUS, PROGRESS, RESULT = "status", "voortgang", "resultaat"

# Plain-language sentences for coded reasons. A code without a sentence (an organisation's own
# addition) falls back to a neutral sentence, never to free text.
NO_GO_SENTENCES = {
    "buiten_werkgebied": "Het gezin woont niet in ons werkgebied.",
    "geen_meerdere_leefgebieden": "Het gezin heeft geen problemen op meerdere gebieden tegelijk.",
    "te_licht": "De problemen zijn niet zwaar genoeg voor onze hulp. Lichtere hulp past beter.",
    "te_zwaar": "Het gezin heeft meer of andere hulp nodig dan wij kunnen geven.",
    "traject_elders": "Het gezin krijgt al hulp van een andere organisatie.",
    "voorloperproject": "Het gezin kreeg eerder al hulp in een project zoals het onze.",
    "situatie_gewijzigd": "De situatie van het gezin is veranderd sinds de aanmelding.",
    "niet_bereikbaar": "Wij konden het gezin niet bereiken, of het gezin wilde geen hulp.",
}
CLOSURE_SENTENCES = {
    "doelen_behaald": "Het gezin heeft de doelen gehaald.",
    "gestabiliseerd_overgedragen": "Het gaat nu stabieler met het gezin. Andere hulp neemt het over.",
    "tijd_is_op": "De tijd voor de hulp was om.",
    "gezin_wil_niet_verder": "Het gezin wilde niet verder met de hulp.",
    "team_kan_niet_helpen": "Het gezin vond dat wij niet goed konden helpen.",
    "uitval_onbereikbaar": "Wij konden het gezin niet meer bereiken.",
    "uitval_conflict": "De hulp is eerder gestopt dan afgesproken.",
    "verhuisd": "Het gezin is verhuisd.",
    # The measure itself is child-protection data (AVG-03): say only that other help is needed.
    "opgeschaald": "Het gezin heeft zwaardere hulp nodig dan wij kunnen geven.",
}
SUCCESS_SENTENCES = {
    Success.JA: "Volgens de gezinscoach is de hulp geslaagd.",
    Success.DEELS: "Volgens de gezinscoach is de hulp voor een deel geslaagd.",
    Success.NEE: "Volgens de gezinscoach is de hulp niet geslaagd.",
}
MINIMAL_SENTENCES = (
    "Wij mogen u alleen iets over een gezin vertellen als het gezin daar toestemming voor geeft. "
    "Die toestemming hebben wij nu niet.",
    "Daarom staat er in deze brief niets over het gezin of over de hulp.",
    "Wilt u toch iets weten? Vraag dan aan het gezin of het toestemming wil geven.",
)


@dataclass(frozen=True)
class LetterRequest:
    """Everything the letter could draw on. Passing more than the letter uses is fine: what is
    written is decided here, by the consents, not by what the caller happened to load."""

    event: FeedbackEvent
    recipient: str  # as named in the consent register (matched case-insensitively)
    letter_date: date
    organisation: str
    coach: str
    case_number: str
    referral_date: date | None
    family: Family
    referral: Referral = field(default_factory=Referral)
    contact_name: str = ""  # t.a.v.: the referrer's contact person
    about: date | None = None  # the date of the event reported (which evaluation, …)
    decision: Decision | None = None
    start_date: date | None = None
    plan_signed_on: date | None = None
    closure: Closure | None = None
    consents: tuple[Consent, ...] = ()


@dataclass(frozen=True)
class ReferrerLetter:
    """The composed letter and what it shares. ``shared``/``withheld`` are deel_categorie codes."""

    letter: PlainLetter
    event: FeedbackEvent
    recipient: str
    about: date | None
    shared: tuple[str, ...]
    withheld: tuple[str, ...]
    consent: Consent | None  # the consent the letter relies on, if any

    @property
    def shares_data(self) -> bool:
        return bool(self.shared)

    @property
    def record_category(self) -> str:
        """The category a feedback record of this letter carries: the event's own one when it
        was shared, else status (e.g. a plan letter that may only say the help continues)."""
        if self.event.category in self.shared:
            return self.event.category
        return self.shared[0] if self.shared else ""

    def summary(self, code_lists: CodeLists | None = None) -> str:
        """One line for the feedback record: what kind of letter and which categories; no case data."""
        lists = code_lists or default_code_lists()
        names = []
        for code in self.shared:
            item = lists[ListId.DEEL_CATEGORIE].item(code)
            names.append(item.label.split(" (")[0].lower() if item else code)
        shared = ", ".join(names) if names else "niets (geen toestemming)"
        return f"Brief '{self.event.label}'. Gedeeld: {shared}."


def allowed_categories(
    consents: Sequence[Consent], recipient: str, on: date, wanted: Sequence[str]
) -> tuple[tuple[str, ...], Consent | None]:
    """The ``wanted`` categories an active feedback consent for ``recipient`` covers on ``on``."""
    allowed: list[str] = []
    used: Consent | None = None
    for category in wanted:
        decision = may_share(consents, purpose=FEEDBACK_PURPOSE, recipient=recipient, category=category, on=on)
        if decision.allowed:
            allowed.append(category)
            used = used or decision.consent
    return tuple(allowed), used


def _on(day: date | None) -> str:
    return f" op {dutch_date(day)}" if day is not None else ""


def _decision_parts(request: LetterRequest) -> list[tuple[str, str]]:
    decision = request.decision
    if decision is None or decision.kind is None:
        return [(STATUS, "Er is nog geen besluit over de aanmelding. Wij laten u weten wat wij besluiten.")]
    when = _on(decision.decided_on or request.about)
    kind = decision.kind
    if kind is DecisionKind.GO:
        return [(STATUS, f"Wij hebben{when} besloten: wij gaan het gezin helpen. Een gezinscoach gaat naar het gezin.")]
    if kind is DecisionKind.GO_WACHTLIJST:
        return [
            (
                STATUS,
                f"Wij hebben{when} besloten: wij gaan het gezin helpen. Het gezin staat eerst op een wachtlijst. "
                "Wij laten u weten wanneer de hulp begint.",
            )
        ]
    if kind is DecisionKind.INGETROKKEN:
        return [(STATUS, "De aanmelding is ingetrokken. Wij doen daarom niets meer met deze aanmelding.")]
    reason = decision.no_go_reason.code if decision.no_go_reason else ""
    parts = [
        (STATUS, f"Wij hebben{when} besloten: wij gaan het gezin niet helpen."),
        (STATUS, NO_GO_SENTENCES.get(reason, "Daar is een andere reden voor. De gezinscoach legt die graag uit.")),
    ]
    if decision.warm_handover_to.strip():
        parts.append((RESULT, f"Wij hebben het gezin in contact gebracht met {decision.warm_handover_to.strip()}."))
    return parts


def _closure_parts(request: LetterRequest) -> list[tuple[str, str]]:
    closure = request.closure
    end = (closure.end_date if closure else None) or request.about
    parts = [(STATUS, f"De hulp aan het gezin is gestopt{_on(end)}.")]
    if closure is None:
        return parts
    if closure.reason is not None:
        parts.append((RESULT, CLOSURE_SENTENCES.get(closure.reason.code, "De hulp is om een andere reden gestopt.")))
    if closure.success is not None:
        parts.append((RESULT, SUCCESS_SENTENCES[closure.success]))
    organisations = [h.organisation.strip() for h in closure.handovers if h.organisation.strip()]
    if organisations:
        parts.append((RESULT, f"Deze hulp gaat verder met het gezin: {', '.join(organisations)}."))
    elif closure.no_handover:
        parts.append((RESULT, "Er gaat geen andere organisatie verder met het gezin."))
    if closure.aftercare_agreed:
        parts.append((RESULT, "Wij houden nog een tijdje contact met het gezin. Dat heet nazorg."))
    return parts


def _parts(request: LetterRequest) -> list[tuple[str, str]]:
    """Every sentence the event could carry, each with its category, in reading order."""
    event = request.event
    if event is FeedbackEvent.BESLUIT:
        return _decision_parts(request)
    if event is FeedbackEvent.START:
        start = request.start_date or request.about
        parts = [(STATUS, f"De hulp aan het gezin is begonnen{_on(start)}.")]
        if request.coach.strip():
            parts.append((STATUS, f"De gezinscoach van het gezin is {request.coach.strip()}."))
        return parts
    if event is FeedbackEvent.PLAN_ONDERTEKEND:
        signed = request.plan_signed_on or request.about
        return [
            (PROGRESS, "Het gezin heeft samen met de gezinscoach een gezinsplan gemaakt."),
            (PROGRESS, "In het plan staan de doelen van het gezin."),
            (PROGRESS, f"Het gezin heeft het plan{_on(signed)} ondertekend."),
        ]
    if event is FeedbackEvent.EVALUATIE:
        return [
            (PROGRESS, f"Wij hebben{_on(request.about)} met het gezin besproken hoe het gaat."),
            (PROGRESS, "Zo'n gesprek heet een evaluatie. De hulp gaat door."),
        ]
    return _closure_parts(request)


# Said instead when only the status may be told about a progress moment.
STATUS_FALLBACK = "De hulp aan het gezin loopt nog."


def compose_letter(request: LetterRequest) -> ReferrerLetter:
    """The letter for ``request``, limited to what the consents allow on ``letter_date``."""
    parts = _parts(request)
    wanted = list(dict.fromkeys(category for category, _ in parts))
    if PROGRESS in wanted:
        wanted.append(STATUS)  # the fallback sentence
    allowed, consent = allowed_categories(request.consents, request.recipient, request.letter_date, wanted)
    sentences = [text for category, text in parts if category in allowed]
    if not sentences and STATUS in allowed:
        sentences = [STATUS_FALLBACK]
    shared = tuple(c for c in (STATUS, PROGRESS, RESULT) if c in allowed and _used(c, parts, sentences))
    withheld = tuple(c for c in dict.fromkeys(category for category, _ in parts) if c not in allowed)
    referral_day = request.referral_date or request.referral.referral_date
    when = f" op {dutch_date(referral_day)}" if referral_day else ""
    of = f" van {dutch_date(referral_day)}" if referral_day else ""
    if shared:
        subject = f"Betreft: {request.family.name.strip() or 'het gezin'}, uw aanmelding{of}"
        opening = f"U hebt dit gezin{when} bij ons aangemeld. Met deze brief houden wij u op de hoogte."
        body = [opening, *sentences]
        if withheld:
            body.append("Over andere dingen mogen wij u niets vertellen. Daar heeft het gezin geen toestemming voor.")
    else:
        subject = f"Betreft: uw aanmelding{of}"
        body = [f"U hebt{when} een gezin bij ons aangemeld. Dank u wel daarvoor.", *MINIMAL_SENTENCES]
    coach = request.coach.strip()
    body.append(
        f"Hebt u vragen? Neem dan contact op met {coach}." if coach else "Hebt u vragen? Neem dan contact met ons op."
    )
    address = [request.recipient.strip()]
    if request.contact_name.strip():
        address.append(f"t.a.v. {request.contact_name.strip()}")
    salutation = f"Beste {request.contact_name.strip()}," if request.contact_name.strip() else "Beste aanmelder,"
    closing = ["Met vriendelijke groet,"]
    if coach:
        closing.append(coach)
    closing.append(f"Gezinscoach, {request.organisation}" if request.organisation else "Gezinscoach")
    letter = PlainLetter(
        organisation=request.organisation,
        reference=request.case_number,
        letter_date=request.letter_date,
        address_lines=tuple(line for line in address if line),
        subject=subject,
        heading=request.event.label if shared else "Terugkoppeling over uw aanmelding",
        salutation=salutation,
        paragraphs=tuple(body),
        closing=tuple(closing),
        title="Terugkoppeling aan de aanmelder",
    )
    return ReferrerLetter(
        letter=letter,
        event=request.event,
        recipient=request.recipient.strip(),
        about=request.about,
        shared=shared,
        withheld=withheld,
        consent=consent if shared else None,
    )


def _used(category: str, parts: Sequence[tuple[str, str]], sentences: Sequence[str]) -> bool:
    if category == STATUS and STATUS_FALLBACK in sentences:
        return True
    return any(c == category and text in sentences for c, text in parts)


def referrer_letter_pdf(letter: ReferrerLetter, *, invariant: bool = False) -> bytes:
    """The letter as PDF bytes (pure computation; run on a worker)."""
    from mpg_desktop.documents.letter_pdf import letter_pdf_bytes  # reportlab only when printing

    return letter_pdf_bytes(letter.letter, invariant=invariant)


def write_referrer_letter(path: Path, letter: ReferrerLetter) -> Path:
    """Render and write the PDF atomically (temporary file next to ``path``, fsync, rename; owner-only
    permissions). A failure leaves no partial file and no copy in a temporary folder."""
    from mpg_desktop.documents.network_export import write_bytes_atomic

    write_bytes_atomic(path, referrer_letter_pdf(letter))
    return path
