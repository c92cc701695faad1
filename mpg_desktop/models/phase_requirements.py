"""What must be recorded before a case leaves a phase or enters the next (spec 1.2, 5.5, 6).

Forms may always be saved incomplete (spec 0.2); these requirements are checked only when the
coach moves the case on. Whoever holds the records (the storage operations) decides which
requirements are met and passes them to ``phase_machine``; this module only names them.

Most requirements can be skipped with a written reason (spec 1.6.4: "a phase may be recorded as
skipped with a reason"). The few that cannot are the ones the spec states as entry conditions or
as data-quality rules that must never fail (a closed case without end date, spec 6).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mpg_desktop.models.phases import Phase


class Requirement(StrEnum):
    REFERRAL_COMPLETE = "aanmelding_compleet"
    CHECKS_DONE = "checks_gedaan"
    SAFETY_SCREENED = "veiligheid_gescreend"
    NOT_STARTED_REASON = "reden_niet_gestart"
    REFERRER_FEEDBACK = "terugkoppeling_aanmelder"
    DECISION_GO = "besluit_go"
    COACH_ASSIGNED = "coach_toegewezen"
    FAMILY_INFORMED = "gezin_op_de_hoogte"
    URGENCY_RECHECKED = "urgentie_herbeoordeeld"
    HANDOVER_LETTER_SENT = "overdrachtsbrief_verstuurd"
    INTRODUCTION_HELD = "kennismaking_gehouden"
    CONSENT_SIGNED = "toestemming_getekend"
    BASELINE_COMPLETE = "nulmeting_compleet"
    HOUSEHOLD_COMPLETE = "huishouden_compleet"
    PROFESSIONALS_LISTED = "professionals_vastgelegd"
    ACUTE_PROBLEMS_LOGGED = "acute_problemen_vastgelegd"
    FAMILY_QUESTION_RECORDED = "hulpvraag_gezin_vastgelegd"
    RISK_FACTORS_RECORDED = "risicofactoren_vastgelegd"
    DRAFT_PLAN = "conceptplan"
    PLAN_DISCUSSED = "plan_besproken"
    PLAN_SIGNED = "plan_ondertekend"
    WEEKLY_SUMMARIES_CURRENT = "weekoverzichten_bij"
    EVALUATIONS_CURRENT = "evaluaties_bij"
    STABILISATION_FORM = "formulier_stabilisatie_nazorg"
    FINAL_EVALUATION = "eindevaluatie"
    HANDOVER_DONE = "overdracht_gedaan"
    FINAL_REPORT = "eindverslag"
    AFTERCARE_AGREED = "nazorg_afgesproken"
    AFTERCARE_CONTACTS_RECORDED = "nazorgcontacten_vastgelegd"
    END_DATE = "einddatum"
    CLOSURE_FORM_COMPLETE = "afsluitformulier_compleet"
    REFERRER_INFORMED = "aanmelder_geinformeerd"
    DOSSIER_COMPLETE = "dossier_compleet"
    GOALS_EVALUATED = "doelen_geevalueerd"

    @property
    def label(self) -> str:
        """Dutch: what has to be recorded, as the coach reads it in a checklist."""
        return REQUIREMENT_INFO[self].label

    @property
    def waivable(self) -> bool:
        """True when the coach may move on without it by giving a reason."""
        return REQUIREMENT_INFO[self].waivable


@dataclass(frozen=True)
class RequirementInfo:
    label: str
    waivable: bool = True


R = Requirement
REQUIREMENT_INFO: dict[Requirement, RequirementInfo] = {
    R.REFERRAL_COMPLETE: RequirementInfo("verplichte velden van de aanmelding"),
    R.CHECKS_DONE: RequirementInfo("checks bij politie, sociale dienst, jeugdzorg en woningcorporatie"),
    R.SAFETY_SCREENED: RequirementInfo("veiligheidsscreening"),
    R.NOT_STARTED_REASON: RequirementInfo("besluit met reden (no go, ingetrokken of gezin niet bereikbaar)", False),
    R.REFERRER_FEEDBACK: RequirementInfo("terugkoppeling aan de aanmelder"),
    R.DECISION_GO: RequirementInfo("besluit 'Go' (of 'Go – wachtlijst') met datum en wie besloot", False),
    R.COACH_ASSIGNED: RequirementInfo("precies één toegewezen gezinscoach", False),
    R.FAMILY_INFORMED: RequirementInfo("gezin op de hoogte van de aanmelding (Ja)", False),
    R.URGENCY_RECHECKED: RequirementInfo("urgentie opnieuw beoordeeld"),
    R.HANDOVER_LETTER_SENT: RequirementInfo("overdrachtsbrief verstuurd"),
    R.INTRODUCTION_HELD: RequirementInfo("kennismakingsgesprek gehouden (met aanmelder)"),
    R.CONSENT_SIGNED: RequirementInfo("toestemmingsformulier getekend"),
    R.BASELINE_COMPLETE: RequirementInfo("nulmeting per leefgebied met toelichting"),
    R.HOUSEHOLD_COMPLETE: RequirementInfo("gezinssamenstelling compleet"),
    R.PROFESSIONALS_LISTED: RequirementInfo("betrokken professionals"),
    R.ACUTE_PROBLEMS_LOGGED: RequirementInfo("acute problemen vastgelegd"),
    R.FAMILY_QUESTION_RECORDED: RequirementInfo("hulpvraag van het gezin in eigen woorden"),
    R.RISK_FACTORS_RECORDED: RequirementInfo("risicofactoren per gezinslid"),
    R.DRAFT_PLAN: RequirementInfo("concept-gezinsplan"),
    R.PLAN_DISCUSSED: RequirementInfo("plan besproken met gezin en professionals (MDO of rondetafel)"),
    R.PLAN_SIGNED: RequirementInfo("door het gezin ondertekende versie van het gezinsplan", False),
    R.WEEKLY_SUMMARIES_CURRENT: RequirementInfo("weekoverzichten bijgewerkt"),
    R.EVALUATIONS_CURRENT: RequirementInfo("evaluatie van elke cyclus"),
    R.STABILISATION_FORM: RequirementInfo("formulier stabilisatie en nazorg"),
    R.FINAL_EVALUATION: RequirementInfo("eindevaluatie"),
    R.HANDOVER_DONE: RequirementInfo("overdracht (wie gaat er verder)"),
    R.FINAL_REPORT: RequirementInfo("eindverslag"),
    R.AFTERCARE_AGREED: RequirementInfo("nazorgafspraak (vorm, frequentie, tot wanneer, reden)"),
    R.AFTERCARE_CONTACTS_RECORDED: RequirementInfo("nazorgcontacten vastgelegd"),
    R.END_DATE: RequirementInfo("einddatum begeleiding", False),
    R.CLOSURE_FORM_COMPLETE: RequirementInfo("afsluitformulier (reden, resultaat, vervolghulp)", False),
    R.REFERRER_INFORMED: RequirementInfo("aanmelder geïnformeerd over de afsluiting"),
    R.DOSSIER_COMPLETE: RequirementInfo("dossieronderdelen compleet (of ontbrekend met reden)"),
    R.GOALS_EVALUATED: RequirementInfo("elk doel minstens één keer geëvalueerd (GAS)"),
}

# "Must be recorded before leaving" (spec 1.2, column 4), per phase.
LEAVE_REQUIREMENTS: dict[Phase, tuple[Requirement, ...]] = {
    Phase.AANGEMELD: (R.REFERRAL_COMPLETE,),
    Phase.IN_BEOORDELING: (R.CHECKS_DONE, R.SAFETY_SCREENED),
    Phase.WACHTLIJST: (R.URGENCY_RECHECKED,),
    Phase.KENNISMAKING: (R.HANDOVER_LETTER_SENT, R.INTRODUCTION_HELD, R.CONSENT_SIGNED),
    Phase.INFORMATIEFASE: (
        R.BASELINE_COMPLETE,
        R.HOUSEHOLD_COMPLETE,
        R.PROFESSIONALS_LISTED,
        R.ACUTE_PROBLEMS_LOGGED,
        R.FAMILY_QUESTION_RECORDED,  # spec 2.2: "by end of state 6"
        R.RISK_FACTORS_RECORDED,  # spec 2.2: "before state 7"
    ),
    Phase.PLANVORMING: (R.PLAN_DISCUSSED,),
    Phase.UITVOERING: (R.WEEKLY_SUMMARIES_CURRENT, R.EVALUATIONS_CURRENT),
    Phase.AFRONDING: (R.STABILISATION_FORM, R.FINAL_EVALUATION, R.HANDOVER_DONE, R.FINAL_REPORT),
    Phase.NAZORG: (R.AFTERCARE_CONTACTS_RECORDED,),
}

# Entry conditions (spec 1.2, column 3) and what the terminal states need (their "before leaving"
# column can only be checked on the way in).
ENTRY_REQUIREMENTS: dict[Phase, tuple[Requirement, ...]] = {
    Phase.NIET_GESTART: (R.NOT_STARTED_REASON, R.REFERRER_FEEDBACK),
    Phase.WACHTLIJST: (R.DECISION_GO,),
    Phase.KENNISMAKING: (R.DECISION_GO, R.COACH_ASSIGNED, R.FAMILY_INFORMED),
    Phase.INFORMATIEFASE: (R.INTRODUCTION_HELD,),
    Phase.PLANVORMING: (R.DRAFT_PLAN,),
    Phase.UITVOERING: (R.PLAN_SIGNED,),  # spec 6: "state 8 needs a signed plan version"
    Phase.NAZORG: (R.END_DATE, R.AFTERCARE_AGREED),  # spec 1.8: end date set on entering 10
    Phase.AFGESLOTEN: (
        R.END_DATE,
        R.CLOSURE_FORM_COMPLETE,
        R.REFERRER_INFORMED,
        R.FINAL_REPORT,  # spec 6: "state 11 needs a final report unless uitval"
        R.DOSSIER_COMPLETE,  # spec 5.5
        R.GOALS_EVALUATED,  # spec 6: "each goal needs >= 1 GAS evaluation before closure"
    ),
}

# A dropout needs only the closure record itself (spec 1.2: phases 9-10 are not required; spec 5.5
# and 6 exempt uitval from the dossier checklist and the final report).
DROPOUT_REQUIREMENTS: tuple[Requirement, ...] = (R.END_DATE, R.CLOSURE_FORM_COMPLETE, R.REFERRER_INFORMED)
