"""The demo's case histories: each synthetic traject gets a referral, a decision, a phase log that
leads to its phase, and a closure where it is closed, with dates between referral and today.

Written through the same repository functions as the app, but without the requirement checks:
the demo shows finished histories, it does not walk them.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from mpg_desktop.models.admission import Decision, DecisionKind
from mpg_desktop.models.choices import Choice, Tri
from mpg_desktop.models.closure import Closure, DropoutDetails, Success
from mpg_desktop.models.consent import Consent, ConsentForm
from mpg_desktop.models.phase_log import PhaseTransition, TransitionKind
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import DomainProblem, InvolvedHelp, Referral, ReferrerContact
from mpg_desktop.models.traject import Traject
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.storage.lifecycle_repository import (
    load_lifecycle,
    record_transition,
    save_closure,
    save_consent,
    save_decision,
    save_referral,
)

_PATHS: dict[Phase, tuple[Phase, ...]] = {
    Phase.AANGEMELD: (),
    Phase.IN_BEOORDELING: (Phase.IN_BEOORDELING,),
    Phase.NIET_GESTART: (Phase.IN_BEOORDELING, Phase.NIET_GESTART),
    Phase.WACHTLIJST: (Phase.IN_BEOORDELING, Phase.WACHTLIJST),
    Phase.KENNISMAKING: (Phase.IN_BEOORDELING, Phase.KENNISMAKING),
    Phase.INFORMATIEFASE: (Phase.IN_BEOORDELING, Phase.KENNISMAKING, Phase.INFORMATIEFASE),
    Phase.PLANVORMING: (Phase.IN_BEOORDELING, Phase.KENNISMAKING, Phase.INFORMATIEFASE, Phase.PLANVORMING),
}
_PATHS[Phase.UITVOERING] = (*_PATHS[Phase.PLANVORMING], Phase.UITVOERING)
_PATHS[Phase.AFRONDING] = (*_PATHS[Phase.UITVOERING], Phase.AFRONDING)
_PATHS[Phase.NAZORG] = (*_PATHS[Phase.AFRONDING], Phase.NAZORG)
_PATHS[Phase.AFGESLOTEN] = (*_PATHS[Phase.UITVOERING], Phase.AFGESLOTEN)

_ORGANISATIONS = ("cjg", "leerplicht", "politie", "bureau_woonkans", "wijkteam")
_REASONS = ("financien", "opvoeding", "woonsituatie", "crisis", "huishouden")
_DOMAINS = ("inkomen", "opvoeding", "huisvesting", "onderwijs_werk", "geestelijke_gezondheid")
_QUESTIONS = (
    "De schulden lopen op en de huur is drie maanden niet betaald.",
    "De oudste gaat al weken niet naar school; moeder weet niet meer wat ze moet doen.",
    "Er is veel ruzie thuis en het gezin dreigt uit huis gezet te worden.",
)


def demo_referral(rng: random.Random, traject: Traject) -> Referral:
    organisation = rng.choice(_ORGANISATIONS)
    frame = rng.choice(("vrijwillig", "vrijwillig", "drang"))
    return Referral(
        referral_date=traject.referral_date,
        received_date=traject.referral_date + timedelta(days=rng.choice((0, 1, 1, 2))),
        area=Choice(rng.choice(("korrewegwijk", "de_hoogte", "tuinwijk"))),
        programme_profile=traject.programme_profile,
        referrer_type=Choice("professional", organisation),
        referring_organisation=Choice(organisation),
        referrer_contact=ReferrerContact("Contactpersoon", "hulpverlener", "050-0000000", ""),
        reasons=tuple(Choice(code) for code in rng.sample(_REASONS, 2)),
        referrer_question=rng.choice(_QUESTIONS),
        problem_domains=tuple(DomainProblem(Choice(code)) for code in rng.sample(_DOMAINS, 3)),
        urgency=Choice(rng.choice(("regulier", "regulier", "code_oranje", "code_rood"))),
        child_safety_concerns=rng.choice((Tri.NEE, Tri.NEE, Tri.ONBEKEND)),
        legal_frame=Choice(frame),
        pressure_levers=(Choice("leerplicht"),) if frame == "drang" else (),
        consequences_of_not_cooperating="Melding bij de Raad voor de Kinderbescherming." if frame == "drang" else "",
        case_manager_involved=Tri.NEE,
        involved_help=(InvolvedHelp("Wijkteam", "maatschappelijk werk"),),
        funding=Choice("preventief_jeugd"),
        family_informed=True,
        family_informed_on=traject.referral_date,
    )


def _moments(start: date, end: date, count: int) -> list[date]:
    """``count`` dates from just after ``start`` up to ``end``, in order."""
    span = max(count, (end - start).days)
    return [start + timedelta(days=max(1, span * (step + 1) // (count + 1))) for step in range(count)]


def demo_consents(family_id: int, granted_on: date, mother: str) -> list[Consent]:
    """What most families sign at the introduction: monitoring and feedback to the referrer."""
    return [
        Consent(
            purpose=Choice(purpose),
            recipient=recipient,
            categories=categories,
            granted_on=granted_on,
            given_by=mother,
            given_by_role=Choice("ouder_met_gezag"),
            form=ConsentForm.SCHRIFTELIJK,
            recorded_by="Demo-coach",
        )
        for purpose, recipient, categories in (
            ("monitoring_basis", "Gemeente (monitoring)", ("status", "resultaat")),
            ("terugkoppeling_aanmelder", "Aanmelder", ("status", "voortgang")),
        )
    ]


def add_demo_history(store: CaseStore, rng: random.Random, traject_id: int, traject: Traject, today: date) -> None:
    save_referral(store, traject_id, demo_referral(rng, traject))
    path = _PATHS[traject.phase]
    if not path:
        return
    end = traject.closed_on or today
    if traject.plan_signed_on is not None and Phase.UITVOERING in path:
        # Everything before execution happens before the plan was signed, the rest after it.
        signed = min(traject.plan_signed_on, end)
        split = path.index(Phase.UITVOERING)
        days = [*_moments(traject.referral_date, signed - timedelta(days=1), split), signed]
        days += _moments(signed, end, len(path) - split - 1)
    else:
        days = _moments(traject.referral_date, end, len(path))
    days = [min(day, end) for day in days]
    for index in range(1, len(days)):  # the log must stay in time order
        days[index] = max(days[index], days[index - 1])
    current = Phase.AANGEMELD
    for target, day in zip(path, days, strict=True):
        if current is Phase.IN_BEOORDELING and target is not Phase.NIET_GESTART:
            save_decision(
                store,
                traject_id,
                Decision(DecisionKind.GO, day, "Demo-coach", coach="Demo-coach"),
            )
        closing = target is Phase.AFGESLOTEN
        if closing:
            save_closure(
                store,
                traject_id,
                Closure(
                    end_date=day,
                    reason=Choice("gezin_wil_niet_verder"),
                    success=Success.NEE,
                    dropout=DropoutDetails(day, 2, Tri.JA, "Gezin wil het zelf proberen", True),
                    no_handover=True,
                    follow_on_help=Tri.NEE,
                    aftercare_agreed=False,
                    referrer_informed_on=day,
                ),
            )
        kind = TransitionKind.UITVAL if closing else TransitionKind.VOORUIT
        record_transition(
            store,
            traject_id,
            PhaseTransition(
                from_phase=current,
                to_phase=target,
                at=datetime.combine(day, time(10, 0)),
                by="Demo-coach",
                kind=kind,
                reason="Gezin wil niet verder" if closing or target is Phase.NIET_GESTART else "",
                closure_reason="gezin_wil_niet_verder" if closing else "",
            ),
            plan_signed_on=traject.plan_signed_on if target is Phase.UITVOERING else None,
        )
        current = target
        if target is Phase.KENNISMAKING and rng.random() < 0.85:
            state = load_lifecycle(store, traject_id)
            family = load_family(store, state.family_id)
            mother = family.members[0].full_name if family.members else "Ouder"
            for consent in demo_consents(state.family_id, day, mother):
                save_consent(store, state.family_id, consent)
