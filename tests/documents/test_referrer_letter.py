"""The referrer letter: right Dutch wording per moment, and nothing outside the family's consent.

The PDF is checked the way a reader gets it: its text is extracted with pdftotext (poppler-utils)
and searched. Data planted in the case (members, a risk factor with a diagnosis, free texts of the
closure form, a consent for someone else) must never appear.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mpg_desktop.documents.letter_pdf import PlainLetter, dutch_date, letter_pdf_bytes
from mpg_desktop.documents.referrer_letter import (
    LetterRequest,
    ReferrerLetter,
    compose_letter,
    referrer_letter_pdf,
    write_referrer_letter,
)
from mpg_desktop.models.admission import Decision, DecisionKind
from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.closure import Closure, DropoutDetails, Handover, StabilityCheck, Success
from mpg_desktop.models.consent import Consent, ConsentForm
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.referral import DomainProblem, Referral, ReferrerContact, RiskFactorMark
from mpg_desktop.models.referrer_feedback import FEEDBACK_PURPOSE, FeedbackEvent, ReferrerFeedback, validate_feedback

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is missing: install the Debian package poppler-utils"
)

LETTER_DAY = date(2025, 11, 20)
REFERRED = date(2025, 1, 6)
# Planted: none of these may ever reach the referrer.
SECRETS = (
    "Fatima",
    "El Amrani",
    "Kees",
    "Yara",
    "bipolaire",
    "Psychiatrie",
    "schulden bij de woningcorporatie",
    "Geestelijke gezondheid",
    "drinkt",
    "ADHD",
    "Verslavingszorg",
    "elke week bellen",
    "ruzie met de buren",
    "GGZ",
    "06-12345678",
)

FAMILY = Family(
    "Familie Jansen",
    (
        Person("Fatima", "El Amrani", date(1986, 4, 2), Role.MOEDER, Sex.VROUW),
        Person("Kees", "Jansen", date(1982, 9, 9), Role.VADER, Sex.MAN),
        Person("Yara", "Jansen", date(2014, 6, 1), Role.KIND, Sex.VROUW),
    ),
)
REFERRAL = Referral(
    referral_date=REFERRED,
    referrer_type=Choice("professional"),
    referring_organisation=Choice("cjg"),
    referrer_contact=ReferrerContact("Marieke Bakker", "jeugdverpleegkundige", "06-12345678", "m.bakker@cjg.example"),
    referrer_question="Moeder heeft schulden bij de woningcorporatie",
    problem_domains=(DomainProblem(Choice("geestelijke_gezondheid"), severity=3),),
    risk_factors=(RiskFactorMark(Choice("psychiatrie"), explanation="diagnose bipolaire stoornis"),),
    child_safety_note="Vader drinkt als hij stress heeft",
)
CLOSURE = Closure(
    end_date=date(2025, 11, 14),
    reason=Choice("doelen_behaald"),
    success=Success.JA,
    stability=(StabilityCheck(Choice("inkomen"), Tri.JA, "ruzie met de buren is over"),),
    coach_impression="Vader drinkt minder",
    goal_evaluation_notes="ADHD-medicatie helpt Yara",
    conclusions="Fatima kan het nu zelf",
    handovers=(Handover("Maatschappelijk werk Noord", "Lotte"),),
    follow_on_help=Tri.JA,
    follow_on=(Choice("ggz"),),
    aftercare_agreed=True,
    aftercare_note="elke week bellen",
)


def consent(recipient: str = "CJG", categories: tuple[str, ...] = ("status",), **changes: object) -> Consent:
    base = Consent(
        purpose=Choice(FEEDBACK_PURPOSE),
        recipient=recipient,
        categories=categories,
        granted_on=date(2025, 2, 1),
        given_by="Fatima El Amrani",
        given_by_role=Choice("ouder_met_gezag"),
        form=ConsentForm.SCHRIFTELIJK,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# A consent for another purpose and recipient, signed by another member: never relevant here.
OTHER_CONSENT = Consent(
    purpose=Choice("delen_partner"),
    recipient="Verslavingszorg Noord",
    categories=("status", "voortgang", "resultaat", "plan_inhoud"),
    granted_on=date(2025, 2, 1),
    given_by="Kees Jansen",
    given_by_role=Choice("ouder_met_gezag"),
    form=ConsentForm.MONDELING,
)


def request(event: FeedbackEvent, *consents: Consent, recipient: str = "CJG", **changes: object) -> LetterRequest:
    base = LetterRequest(
        event=event,
        recipient=recipient,
        letter_date=LETTER_DAY,
        organisation="Gemeente Groningen & De Ploeg",
        coach="Sanne de Boer",
        case_number="2025-0012",
        referral_date=REFERRED,
        family=FAMILY,
        referral=REFERRAL,
        contact_name="Marieke Bakker",
        about=date(2025, 11, 14),
        decision=Decision(
            DecisionKind.NO_GO,
            date(2025, 1, 17),
            "Team Noord",
            no_go_reason=Choice("te_zwaar"),
            explanation="Moeder kreeg de diagnose ADHD en heeft GGZ nodig",
        ),
        start_date=date(2025, 2, 3),
        plan_signed_on=date(2025, 3, 28),
        closure=CLOSURE,
        consents=(OTHER_CONSENT, *consents),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The text a reader sees, with line breaks and runs of spaces folded to one space."""
    path = tmp_path / "letter.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def letter_text(letter: ReferrerLetter, tmp_path: Path) -> str:
    return pdf_text(referrer_letter_pdf(letter), tmp_path)


def assert_no_secrets(text: str) -> None:
    leaked = [secret for secret in SECRETS if secret.casefold() in text.casefold()]
    assert not leaked, f"outside the consent: {leaked}"


def test_closure_letter_with_status_and_result_consent(tmp_path: Path) -> None:
    letter = compose_letter(request(FeedbackEvent.AFSLUITING, consent(categories=("status", "resultaat"))))
    text = letter_text(letter, tmp_path)
    assert letter.shared == ("status", "resultaat") and letter.withheld == ()
    assert "Betreft: Familie Jansen, uw aanmelding van 6 januari 2025" in text
    assert "Beste Marieke Bakker," in text
    assert "De hulp aan het gezin is gestopt op 14 november 2025." in text
    assert "Het gezin heeft de doelen gehaald." in text
    assert "Volgens de gezinscoach is de hulp geslaagd." in text
    assert "Deze hulp gaat verder met het gezin: Maatschappelijk werk Noord." in text
    assert "Dat heet nazorg." in text
    assert "Met vriendelijke groet, Sanne de Boer" in text
    assert_no_secrets(text)


def test_status_only_consent_keeps_the_results_out(tmp_path: Path) -> None:
    letter = compose_letter(request(FeedbackEvent.AFSLUITING, consent(categories=("status",))))
    text = letter_text(letter, tmp_path)
    assert letter.shared == ("status",) and letter.withheld == ("resultaat",)
    assert "De hulp aan het gezin is gestopt op 14 november 2025." in text
    assert "Over andere dingen mogen wij u niets vertellen." in text
    for result in ("doelen gehaald", "geslaagd", "Maatschappelijk werk Noord", "nazorg"):
        assert result not in text
    assert_no_secrets(text)


@pytest.mark.parametrize(
    "consents",
    [
        pytest.param((), id="no-consent"),
        pytest.param((consent(recipient="Wijkteam Noord", categories=("status", "resultaat")),), id="other-recipient"),
        pytest.param((consent(withdrawn_on=date(2025, 10, 1)),), id="withdrawn"),
        pytest.param((consent(granted_on=date(2025, 12, 1)),), id="not-yet-granted"),
        pytest.param((consent(categories=("plan_inhoud",)),), id="other-category"),
        pytest.param((consent(purpose=Choice("delen_partner")),), id="other-purpose"),
    ],
)
def test_without_a_usable_consent_only_the_minimum_is_said(consents: tuple[Consent, ...], tmp_path: Path) -> None:
    letter = compose_letter(request(FeedbackEvent.AFSLUITING, *consents))
    text = letter_text(letter, tmp_path)
    assert not letter.shares_data and letter.consent is None
    assert "Betreft: uw aanmelding van 6 januari 2025" in text
    assert "U hebt op 6 januari 2025 een gezin bij ons aangemeld." in text
    assert "Die toestemming hebben wij nu niet." in text
    assert "Daarom staat er in deze brief niets over het gezin of over de hulp." in text
    # Not the family's name, nor that the help stopped, nor any date of the support.
    for said in ("Jansen", "gestopt", "14 november", "gezinsplan", "besloten", "Afsluiting"):
        assert said not in text
    assert_no_secrets(text)


def test_dropout_letter_keeps_the_dropout_details_in_the_file(tmp_path: Path) -> None:
    dropout = replace(
        CLOSURE,
        reason=Choice("uitval_onbereikbaar"),
        success=Success.NEE,
        handovers=(),
        no_handover=True,
        aftercare_agreed=False,
        dropout=DropoutDetails(date(2025, 10, 2), 7, Tri.JA, "Moeder zit in detentie", network_informed=True),
    )
    letter = compose_letter(
        request(FeedbackEvent.AFSLUITING, consent(categories=("status", "resultaat")), closure=dropout)
    )
    text = letter_text(letter, tmp_path)
    assert "Wij konden het gezin niet meer bereiken." in text
    assert "Volgens de gezinscoach is de hulp niet geslaagd." in text
    assert "Er gaat geen andere organisatie verder met het gezin." in text
    for detail in ("detentie", "2 oktober", "02-10-2025", "7 keer", "nazorg"):
        assert detail not in text
    assert_no_secrets(text)


def test_the_minimal_letter_is_the_same_for_every_reason_and_moment() -> None:
    """Whether there is no consent, a withdrawn one or one for other things: the referrer cannot tell."""
    letters = [
        compose_letter(request(FeedbackEvent.AFSLUITING)).letter,
        compose_letter(request(FeedbackEvent.AFSLUITING, consent(withdrawn_on=date(2025, 3, 1)))).letter,
        compose_letter(request(FeedbackEvent.START, consent(categories=("plan_inhoud",)))).letter,
        compose_letter(request(FeedbackEvent.BESLUIT, consent(recipient="Politie"))).letter,
    ]
    assert len({(letter.subject, letter.heading, letter.paragraphs) for letter in letters}) == 1


def test_recipient_matches_the_consent_case_insensitively() -> None:
    letter = compose_letter(request(FeedbackEvent.START, consent(recipient="CJG"), recipient="  cjg "))
    assert letter.shared == ("status",)


def test_no_go_letter_gives_the_coded_reason_never_the_explanation(tmp_path: Path) -> None:
    decision = Decision(
        DecisionKind.NO_GO,
        date(2025, 1, 17),
        "Team Noord",
        no_go_reason=Choice("te_zwaar"),
        explanation="Moeder kreeg de diagnose ADHD en heeft GGZ nodig",
        warm_handover_to="Wijkteam Noord",
    )
    status_only = compose_letter(request(FeedbackEvent.BESLUIT, consent(), decision=decision))
    text = letter_text(status_only, tmp_path)
    assert "Besluit over de aanmelding" in text
    assert "Wij hebben op 17 januari 2025 besloten: wij gaan het gezin niet helpen." in text
    assert "Het gezin heeft meer of andere hulp nodig dan wij kunnen geven." in text
    assert "Wijkteam Noord" not in text  # the handover is a result, not covered
    assert_no_secrets(text)
    with_result = compose_letter(
        request(FeedbackEvent.BESLUIT, consent(categories=("status", "resultaat")), decision=decision)
    )
    assert "Wij hebben het gezin in contact gebracht met Wijkteam Noord." in letter_text(with_result, tmp_path)


def test_go_start_and_waiting_list_wording(tmp_path: Path) -> None:
    go = Decision(DecisionKind.GO_WACHTLIJST, date(2025, 1, 17), "Team Noord", coach="Sanne de Boer")
    text = letter_text(compose_letter(request(FeedbackEvent.BESLUIT, consent(), decision=go)), tmp_path)
    assert "wij gaan het gezin helpen. Het gezin staat eerst op een wachtlijst." in text
    text = letter_text(compose_letter(request(FeedbackEvent.START, consent())), tmp_path)
    assert "Start van de begeleiding" in text
    assert "De hulp aan het gezin is begonnen op 3 februari 2025." in text
    assert "De gezinscoach van het gezin is Sanne de Boer." in text
    assert_no_secrets(text)


def test_progress_moments_need_progress_consent(tmp_path: Path) -> None:
    full = compose_letter(request(FeedbackEvent.PLAN_ONDERTEKEND, consent(categories=("status", "voortgang"))))
    text = letter_text(full, tmp_path)
    assert full.record_category == "voortgang"
    assert "Het gezin heeft samen met de gezinscoach een gezinsplan gemaakt." in text
    assert "Het gezin heeft het plan op 28 maart 2025 ondertekend." in text
    status_only = compose_letter(request(FeedbackEvent.PLAN_ONDERTEKEND, consent(categories=("status",))))
    text = letter_text(status_only, tmp_path)
    assert status_only.shared == ("status",) and status_only.record_category == "status"
    assert "De hulp aan het gezin loopt nog." in text
    assert "gezinsplan" not in text
    evaluation = compose_letter(
        request(FeedbackEvent.EVALUATIE, consent(categories=("voortgang",)), about=date(2025, 9, 30))
    )
    text = letter_text(evaluation, tmp_path)
    assert "Wij hebben op 30 september 2025 met het gezin besproken hoe het gaat." in text
    assert_no_secrets(text)


def test_a_letter_that_shares_can_be_recorded_as_feedback() -> None:
    """The record the UI stores passes the domain's own consent check (spec 5.8)."""
    consents = (consent(categories=("status", "resultaat")),)
    letter = compose_letter(request(FeedbackEvent.AFSLUITING, *consents))
    record = ReferrerFeedback(
        event=letter.event,
        given_on=LETTER_DAY,
        recipient=letter.recipient,
        channel=Choice("brief"),
        summary=letter.summary(),
        category=letter.record_category,
        about=letter.about,
    )
    assert validate_feedback(record, today=LETTER_DAY, consents=consents) == []
    assert record.summary == "Brief 'Afsluiting'. Gedeeld: status, resultaten en eindverslag."


def test_header_and_footer_on_every_page(tmp_path: Path) -> None:
    letter = PlainLetter(
        organisation="Wijkteam Zuid & Noord <test>",
        reference="2025-0012",
        letter_date=LETTER_DAY,
        address_lines=("CJG",),
        subject="Betreft: iets",
        heading="Kop",
        salutation="Beste lezer,",
        paragraphs=tuple(f"Zin nummer {n} van een lange brief." for n in range(60)),
        closing=("Met vriendelijke groet,", "Sanne"),
    )
    text = pdf_text(letter_pdf_bytes(letter), tmp_path)
    assert text.count("Wijkteam Zuid & Noord <test>") == 3  # escaped, shown literally, on every page
    assert [f"Pagina {n} van 3" in text for n in (1, 2, 3)] == [True, True, True]
    assert text.count("Kenmerk 2025-0012 · 20 november 2025") == 3
    assert text.count("Vertrouwelijk") == 3
    assert dutch_date(date(2024, 2, 29)) == "29 februari 2024"


def test_same_input_same_bytes_when_invariant() -> None:
    letter = compose_letter(request(FeedbackEvent.START, consent()))
    assert referrer_letter_pdf(letter, invariant=True) == referrer_letter_pdf(letter, invariant=True)


def test_writing_is_atomic_and_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    letter = compose_letter(request(FeedbackEvent.START, consent()))
    folder = tmp_path / "brieven"
    folder.mkdir()
    target = write_referrer_letter(folder / "brief.pdf", letter)
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]  # no temporary file left
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0

    def broken_replace(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_referrer_letter(folder / "tweede.pdf", letter)
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]  # nothing half-written
