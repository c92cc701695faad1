"""Admission criteria and the go/no-go decision (spec 2.3, 2.4).

The app shows each criterion of the chosen profile as met / not met / unknown and lets the team
decide. A Go despite an unmet (or unknown) criterion needs a written reason; a No go needs a reason
code, an explanation and feedback to the referrer. Some criteria are judgements only the team can
make (no conflicting track, no formal indication needed, not a crisis): the team answers Ja/Nee.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists
from mpg_desktop.models.household import CHILD_ROLES, PARENT_ROLES, Person
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.programme_profiles import AdmissionCriterion, ProgrammeProfile
from mpg_desktop.models.referral import Referral
from mpg_desktop.models.referrer_feedback import ReferrerFeedback
from mpg_desktop.models.validation import FieldIssue, Severity, required

ADULT_AGE = 18
C = AdmissionCriterion

# What each criterion means, as the decision screen shows it (spec 2.3).
CRITERION_RULES: dict[AdmissionCriterion, str] = {
    C.HUISHOUDEN: "Minstens één volwassene/ouder en één kind in het huishouden",
    C.MEERDERE_LEEFGEBIEDEN: "Problemen op meer dan één leefgebied tegelijk",
    C.WERKGEBIED: "Woont in het werkgebied van het programma",
    C.RESET_VARIANT: "Thuiswonende kinderen, opvoedproblemen en minstens één risicofactor",
    C.RESET_DRIE_RISICOFACTOREN: "Minstens drie risicofactoren",
    C.DRIE_HULPVRAGEN: "Minstens drie verschillende hulpvragen",
    C.GEEN_CONFLICTEREND_TRAJECT: "Geen ander traject of maatregel zonder afstemming",
    C.GEEN_INDICATIE_NODIG: "Geen formele indicatie nodig",
    C.GEEN_CRISIS: "Geen acute crisis (die gaat naar een ketenpartner)",
}
TEAM_JUDGED = frozenset({C.GEEN_CONFLICTEREND_TRAJECT, C.GEEN_INDICATIE_NODIG, C.GEEN_CRISIS})


class CriterionStatus(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet voldaan"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class AdmissionFacts:
    """What the criteria look at, taken from the referral and the household."""

    adults_at_home: int = 0
    minors_at_home: int = 0
    members_known: bool = False
    problem_domains: frozenset[str] = frozenset()
    referral_reasons: frozenset[str] = frozenset()
    risk_factors: frozenset[str] = frozenset()
    area: str | None = None
    parenting_problems: bool = False
    acute_situation: bool = False
    team_answers: Mapping[AdmissionCriterion, Tri] = field(default_factory=dict)


def admission_facts(
    referral: Referral,
    members: Sequence[Person],
    on: date,
    *,
    team_answers: Mapping[AdmissionCriterion, Tri] | None = None,
    code_lists: CodeLists | None = None,
) -> AdmissionFacts:
    """Collect the facts; minors are children under 18 living at home (not placed out of home)."""
    lists = code_lists or default_code_lists()
    home = [p for p in members if p.lives_in_household and not p.deceased]
    minors = [p for p in home if p.role in CHILD_ROLES and not p.placed_out_of_home and p.age_on(on) < ADULT_AGE]
    adults = [p for p in home if p.role in PARENT_ROLES or (p.role not in CHILD_ROLES and p.age_on(on) >= ADULT_AGE)]
    domains = frozenset(p.domain.code for p in referral.problem_domains)
    reasons = frozenset(c.code for c in referral.reasons)
    parenting_domains = lists[ListId.LEEFGEBIED].codes_tagged("opvoeding")
    return AdmissionFacts(
        adults_at_home=len(adults),
        minors_at_home=len(minors),
        members_known=bool(members),
        problem_domains=domains,
        referral_reasons=reasons,
        risk_factors=frozenset(m.factor.code for m in referral.risk_factors),
        area=referral.area.code if referral.area else None,
        parenting_problems=bool(domains & parenting_domains) or "opvoeding" in reasons,
        acute_situation=bool(referral.acute_situations),
        team_answers=dict(team_answers or {}),
    )


@dataclass(frozen=True)
class CriterionResult:
    criterion: AdmissionCriterion
    status: CriterionStatus
    explanation: str  # Dutch: why, in terms of the family's data

    @property
    def rule(self) -> str:
        return CRITERION_RULES[self.criterion]


def _count_rule(count: int, needed: int, what: str) -> tuple[CriterionStatus, str]:
    status = CriterionStatus.VOLDAAN if count >= needed else CriterionStatus.NIET_VOLDAAN
    return status, f"{count} {what} vastgelegd (nodig: {needed})."


def _judge(criterion: AdmissionCriterion, facts: AdmissionFacts, profile: ProgrammeProfile) -> CriterionResult:
    S = CriterionStatus
    status, text = S.ONBEKEND, ""
    if criterion is C.HUISHOUDEN:
        if not facts.members_known:
            status, text = S.ONBEKEND, "Vul het huishouden in."
        else:
            ok = facts.adults_at_home >= 1 and facts.minors_at_home >= 1
            status = S.VOLDAAN if ok else S.NIET_VOLDAAN
            text = f"{facts.adults_at_home} volwassene(n) en {facts.minors_at_home} kind(eren) onder 18 thuis."
    elif criterion is C.MEERDERE_LEEFGEBIEDEN:
        status, text = _count_rule(len(facts.problem_domains), 2, "leefgebied(en) met problemen")
    elif criterion is C.WERKGEBIED:
        if not profile.areas:
            status, text = S.VOLDAAN, "Dit programma kent geen gebiedsgrens."
        elif facts.area is None:
            status, text = S.ONBEKEND, "Vul het werkgebied in."
        else:
            status = S.VOLDAAN if facts.area in profile.areas else S.NIET_VOLDAAN
            text = "Binnen het werkgebied." if status is S.VOLDAAN else "Buiten het werkgebied."
    elif criterion is C.RESET_VARIANT:
        parts = [facts.minors_at_home >= 1, facts.parenting_problems, len(facts.risk_factors) >= 1]
        status = S.VOLDAAN if all(parts) else S.NIET_VOLDAAN
        text = (
            f"Thuiswonende kinderen: {'ja' if parts[0] else 'nee'}; opvoedproblemen: {'ja' if parts[1] else 'nee'}; "
            f"risicofactoren: {len(facts.risk_factors)}."
        )
    elif criterion is C.RESET_DRIE_RISICOFACTOREN:
        status, text = _count_rule(len(facts.risk_factors), 3, "risicofactor(en)")
    elif criterion is C.DRIE_HULPVRAGEN:
        status, text = _count_rule(len(facts.referral_reasons), 3, "hulpvraag/hulpvragen")
    else:  # judged by the team
        answer = facts.team_answers.get(criterion)
        if answer is Tri.JA:
            status = S.VOLDAAN
        elif answer is Tri.NEE:
            status = S.NIET_VOLDAAN
        text = "Oordeel van het team." if answer in (Tri.JA, Tri.NEE) else "Het team moet dit beoordelen (Ja/Nee)."
        if criterion is C.GEEN_CRISIS and facts.acute_situation and answer is None:
            text = "Er is een acute situatie aangemeld: beoordeel of het een crisis is."
    return CriterionResult(criterion, status, text)


def assess_admission(profile: ProgrammeProfile, facts: AdmissionFacts) -> tuple[CriterionResult, ...]:
    """Every criterion of the profile with its status, in the profile's order."""
    return tuple(_judge(criterion, facts, profile) for criterion in profile.admission_criteria)


def unmet_criteria(results: Sequence[CriterionResult]) -> tuple[CriterionResult, ...]:
    """Criteria not shown to be met (not met or unknown): a Go then needs a written reason."""
    return tuple(r for r in results if r.status is not CriterionStatus.VOLDAAN)


class DecisionKind(StrEnum):
    GO = "go"
    GO_WACHTLIJST = "go_wachtlijst"
    NO_GO = "no_go"
    INGETROKKEN = "ingetrokken"

    @property
    def label(self) -> str:
        return {
            "go": "Go",
            "go_wachtlijst": "Go – wachtlijst",
            "no_go": "No go",
            "ingetrokken": "Ingetrokken door aanmelder",
        }[self.value]

    @property
    def is_go(self) -> bool:
        return self in (DecisionKind.GO, DecisionKind.GO_WACHTLIJST)

    @property
    def next_phase(self) -> Phase:
        """The phase the decision leads to (spec 1.2)."""
        return {
            DecisionKind.GO: Phase.KENNISMAKING,
            DecisionKind.GO_WACHTLIJST: Phase.WACHTLIJST,
        }.get(self, Phase.NIET_GESTART)


@dataclass(frozen=True)
class Decision:
    """The decision record (*besluit*, spec 2.4)."""

    kind: DecisionKind | None
    decided_on: date | None
    decided_by: str
    no_go_reason: Choice | None = None  # reden_no_go
    explanation: str = ""  # toelichting; required for No go
    unmet_criteria_reason: str = ""  # required for a Go despite unmet criteria
    help_still_needed: Tri | None = None
    warm_handover_to: str = ""
    warm_handover_on: date | None = None
    coach: str = ""  # toegewezen gezinscoach: exactly one, on Go
    feedback: ReferrerFeedback | None = None


def referral_age_days(referral_date: date | None, today: date) -> int | None:
    """How old the referral is, shown on the decision screen (families may no longer fit)."""
    return None if referral_date is None else (today - referral_date).days


def validate_decision(
    decision: Decision,
    *,
    criteria: Sequence[CriterionResult],
    today: date,
    decision_due: date | None = None,
    code_lists: CodeLists | None = None,
) -> list[FieldIssue]:
    """Problems with the decision. ``decision_due``: the profile's go/no-go deadline, if known."""
    lists = code_lists or default_code_lists()
    issues: list[FieldIssue] = []
    kind = decision.kind
    if kind is None:
        issues.append(required("kind", "Besluit"))
    if decision.decided_on is None:
        issues.append(required("decided_on", "Besluitdatum"))
    elif decision.decided_on > today:
        issues.append(FieldIssue("decided_on", "Besluitdatum ligt in de toekomst. Vul de datum van het besluit in."))
    elif decision_due is not None and decision.decided_on > decision_due:
        issues.append(
            FieldIssue(
                "decided_on",
                f"Het besluit valt na de termijn ({decision_due:%d-%m-%Y}). Dat mag; leg in de toelichting uit waarom.",
                Severity.WAARSCHUWING,
            )
        )
    if not decision.decided_by.strip():
        issues.append(required("decided_by", "Besloten door"))
    if kind is DecisionKind.GO and not decision.coach.strip():
        issues.append(FieldIssue("coach", "Toegewezen gezinscoach: kies één gezinscoach bij een Go."))
    unmet = unmet_criteria(criteria)
    if kind is not None and kind.is_go and unmet and not decision.unmet_criteria_reason.strip():
        names = "; ".join(r.rule.lower() for r in unmet)
        issues.append(
            FieldIssue(
                "unmet_criteria_reason",
                f"Niet (aantoonbaar) voldaan: {names}. Schrijf waarom het team toch Go geeft.",
            )
        )
    if kind is DecisionKind.NO_GO:
        issues += lists[ListId.REDEN_NO_GO].check(
            decision.no_go_reason, "no_go_reason", "Reden no go", is_required=True
        )
        if not decision.explanation.strip():
            issues.append(
                FieldIssue(
                    "explanation", "Toelichting is verplicht bij No go: de aanmelder moet de reden kunnen begrijpen."
                )
            )
    if kind in (DecisionKind.NO_GO, DecisionKind.INGETROKKEN) and decision.help_still_needed is Tri.JA:
        if not decision.warm_handover_to.strip():
            issues.append(
                FieldIssue("warm_handover_to", "Warme overdracht naar: het gezin heeft nog hulp nodig. Kies waarheen.")
            )
        elif decision.warm_handover_on is None:
            issues.append(FieldIssue("warm_handover_on", "Warme overdracht: vul de datum in.", Severity.WAARSCHUWING))
    if decision.feedback is None:
        issues.append(
            FieldIssue(
                "feedback",
                "Terugkoppeling aanmelder: koppel het besluit terug aan de aanmelder en leg datum en manier vast.",
                Severity.WAARSCHUWING,
            )
        )
    return issues
