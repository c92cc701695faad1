"""The closure form (*afsluiting*, spec 5.6), including the dropout details.

A closure reason tagged ``uitval`` in the code list reden_beeindiging is a premature end: the
support stopped before the agreed period or goals (000 L5786-5789). For those, the stability check
and the three reflective texts are not asked; the dropout details are, because the reason was often
unclear when contact was lost (000 L4124-4126).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.validation import FieldIssue, Severity, has_errors, required

DROPOUT_TAG = "uitval"


class Success(StrEnum):
    """*Geslaagd volgens coach*: enough goals met, household reasonably in order, family can go on alone."""

    JA = "ja"
    DEELS = "deels"
    NEE = "nee"


@dataclass(frozen=True)
class StabilityCheck:
    domain: Choice  # leefgebied
    stable: Tri | None = None
    note: str = ""


@dataclass(frozen=True)
class DropoutDetails:
    last_contact_on: date | None = None
    contact_attempts: int | None = None
    reason_known: Tri | None = None
    reason_text: str = ""
    network_informed: bool | None = None  # network / professionals told the support ended


@dataclass(frozen=True)
class Handover:
    organisation: str
    contact: str = ""


@dataclass(frozen=True)
class Closure:
    end_date: date | None  # einddatum begeleiding
    reason: Choice | None  # reden_beeindiging
    success: Success | None = None
    stability: tuple[StabilityCheck, ...] = ()
    coach_impression: str = ""  # indruk van begeleider
    goal_evaluation_notes: str = ""  # toelichting evaluatie doelen
    conclusions: str = ""  # conclusie en aanbevelingen
    handovers: tuple[Handover, ...] = ()
    no_handover: bool = False  # explicit "nobody continues"
    follow_on_help: Tri | None = None
    follow_on: tuple[Choice, ...] = ()  # vervolghulp, "namelijk"
    aftercare_agreed: bool | None = None
    aftercare_note: str = ""  # by whom, how often
    referrer_informed_on: date | None = None
    dropout: DropoutDetails | None = None


def is_dropout(closure: Closure, code_lists: CodeLists | None = None) -> bool:
    lists = code_lists or default_code_lists()
    return closure.reason is not None and closure.reason.code in lists[ListId.REDEN_BEEINDIGING].codes_tagged(
        DROPOUT_TAG
    )


def _dropout_issues(details: DropoutDetails | None, end_date: date | None) -> list[FieldIssue]:
    d = details or DropoutDetails()
    issues: list[FieldIssue] = []
    if d.last_contact_on is None:
        issues.append(required("dropout", "Laatste contact"))
    elif end_date is not None and d.last_contact_on > end_date:
        issues.append(FieldIssue("dropout", "Laatste contact ligt na de einddatum. Controleer de data."))
    if d.contact_attempts is None or d.contact_attempts < 0:
        issues.append(FieldIssue("dropout", "Aantal pogingen contact: vul een aantal in (0 of meer)."))
    if d.reason_known is None:
        issues.append(required("dropout", "Reden bekend"))
    elif d.reason_known is Tri.JA and not d.reason_text.strip():
        issues.append(FieldIssue("dropout", "Reden bekend: schrijf de reden op."))
    if d.network_informed is None:
        issues.append(FieldIssue("dropout", "Netwerk/professionals geïnformeerd: geef aan of dat is gebeurd."))
    return issues


def validate_closure(
    closure: Closure, *, start: date | None, today: date, code_lists: CodeLists | None = None
) -> list[FieldIssue]:
    """Problems with the closure form. ``start`` is the start of support (end date may not precede it)."""
    lists = code_lists or default_code_lists()
    issues: list[FieldIssue] = []
    if closure.end_date is None:
        issues.append(required("end_date", "Einddatum begeleiding"))
    elif start is not None and closure.end_date < start:
        issues.append(
            FieldIssue("end_date", f"Einddatum begeleiding ligt vóór de start ({start:%d-%m-%Y}). Controleer de datum.")
        )
    elif closure.end_date > today:
        issues.append(FieldIssue("end_date", "Einddatum begeleiding ligt in de toekomst.", Severity.WAARSCHUWING))
    issues += lists[ListId.REDEN_BEEINDIGING].check(closure.reason, "reason", "Reden van beëindiging", is_required=True)
    if closure.success is None:
        issues.append(required("success", "Geslaagd volgens coach"))
    if is_dropout(closure, lists):
        issues += _dropout_issues(closure.dropout, closure.end_date)
    else:
        if not closure.stability or any(check.stable is None for check in closure.stability):
            issues.append(
                FieldIssue("stability", "Stabilisatie-check: geef per leefgebied met het gezin aan of het stabiel is.")
            )
        texts = [
            ("coach_impression", "Indruk van begeleider", closure.coach_impression),
            ("goal_evaluation_notes", "Toelichting evaluatie doelen", closure.goal_evaluation_notes),
            ("conclusions", "Conclusie en aanbevelingen", closure.conclusions),
        ]
        issues += [required(name, label) for name, label, text in texts if not text.strip()]
    if not closure.handovers and not closure.no_handover:
        issues.append(FieldIssue("handovers", "Overdracht: vul in wie er verder gaat, of vink 'niemand' aan."))
    if closure.follow_on_help is None:
        issues.append(required("follow_on_help", "Kreeg het gezin vervolghulp"))
    elif closure.follow_on_help is Tri.JA and not closure.follow_on:
        issues.append(FieldIssue("follow_on", "Vervolghulp: kies welke hulp het gezin kreeg."))
    for choice in closure.follow_on:
        issues += lists[ListId.VERVOLGHULP].check(choice, "follow_on", "Vervolghulp")
    if closure.aftercare_agreed is None:
        issues.append(required("aftercare_agreed", "Nazorg afgesproken"))
    elif closure.aftercare_agreed and not closure.aftercare_note.strip():
        issues.append(FieldIssue("aftercare_note", "Nazorg: schrijf door wie en hoe vaak."))
    if closure.referrer_informed_on is None:
        issues.append(
            FieldIssue("referrer_informed_on", "Aanmelder geïnformeerd: vul de datum in.", Severity.WAARSCHUWING)
        )
    return issues


def closure_form_complete(
    closure: Closure, *, start: date | None, today: date, code_lists: CodeLists | None = None
) -> bool:
    """Requirement CLOSURE_FORM_COMPLETE: no errors on the form."""
    return not has_errors(validate_closure(closure, start=start, today=today, code_lists=code_lists))
