"""The snapshot the data-quality rules look at (``models.data_quality_input.CaseRecord``), read from
the store for the "Dossier compleet?" panel. No Qt; GUI thread is fine (a handful of small reads).

Rules are only run on what the app stores today. A rule whose input has no place in the store yet
(the baseline scores, plan versions and goals, satisfaction forms) would report something the
coach cannot fix in the app, so it is listed as "not checked" instead, with the reason. When a
module starts storing that input, fill it in here and drop the rule from ``UNCHECKED``.
"""

from __future__ import annotations

from datetime import date

from mpg_desktop.models.contact_log import ContactLogEntry, WeeklySummary
from mpg_desktop.models.data_quality import RULES, QualityRule
from mpg_desktop.models.data_quality_input import CaseRecord, MemberRecord, PlanVersionRecord
from mpg_desktop.models.dossier import DossierItem
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import RecordKind, list_records, load_lifecycle

FINAL_REPORT_PART = "eindverslag"  # dossieronderdeel

NO_BASELINE = "de nulmeting en de scores per leefgebied staan nog niet in de app"
NO_PLAN = "het gezinsplan met zijn versies en doelen staat nog niet in de app"
# rule id -> why it is not checked here (Dutch, shown in the panel)
UNCHECKED: dict[str, str] = {
    "score_toelichting": NO_BASELINE,
    "nulmeting_beschrijving": NO_BASELINE,
    "nulmeting_dekking": NO_BASELINE,
    "afdruk_gezin": NO_PLAN,
    "handtekening_ingevoerd": NO_PLAN,
    "plan_doel": NO_PLAN,
    "doel_evaluatie": NO_PLAN,
    "doel_smart": NO_PLAN,
    "activiteit_zonder_doel": NO_PLAN,
    "tevredenheid_herleidbaar": "tevredenheidsformulieren staan nog niet in de app",
    "dossier": "zie Verslaglegging › Dossieronderdelen",
    "dubbele_persoon": "dit controleert de app bij elke nieuwe aanmelding",
}


def checked_rules() -> tuple[QualityRule, ...]:
    return tuple(rule for rule in RULES if rule.id not in UNCHECKED)


def unchecked_rules() -> list[tuple[list[QualityRule], str]]:
    """The rules not run here, grouped by the reason (in rule order)."""
    groups: dict[str, list[QualityRule]] = {}
    for rule in RULES:
        if rule.id in UNCHECKED:
            groups.setdefault(UNCHECKED[rule.id], []).append(rule)
    return [(rules, why) for why, rules in groups.items()]


def load_case_record(store: CaseStore, traject_id: int, today: date) -> CaseRecord:
    state = load_lifecycle(store, traject_id)
    family = load_family(store, state.family_id)
    traject = state.traject
    evaluations = (traject.last_evaluation_on,) if traject.last_evaluation_on else ()
    # Only the signing date of the plan is stored: one definitive version stands for it. Its goal
    # count is unknown, so the rules that read it (plan_doel) are in UNCHECKED.
    plan = (
        (PlanVersionRecord(1, definitive=True, goal_count=0, signed_on=traject.plan_signed_on),)
        if traject.plan_signed_on
        else ()
    )
    parts = [item for _id, item in list_records(store, traject_id, RecordKind.DOSSIER_PART, DossierItem)]
    return CaseRecord(
        today=today,
        phase=state.phase,
        transitions=state.transitions,
        dates=state.key_dates(evaluations),
        closure_reason=state.closure.reason.code if state.closure and state.closure.reason else "",
        members=tuple(MemberRecord.from_person(person) for person in family.members),
        referral=state.referral,
        plan_versions=plan,
        contacts=tuple(e for _id, e in list_records(store, traject_id, RecordKind.CONTACT, ContactLogEntry)),
        weekly_summaries=tuple(
            s for _id, s in list_records(store, traject_id, RecordKind.WEEKLY_SUMMARY, WeeklySummary)
        ),
        final_report=any(item.part == FINAL_REPORT_PART and item.present for item in parts),
    )
