"""Reading and writing a traject's life cycle: referral, phase log, decision, closure, key dates,
case records and consents. Every write is one transaction.

The phase in ``trajects.phase`` is only ever changed together with an appended phase-log row,
in the same transaction, after checking that the log row starts where the case is now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from mpg_desktop.models.admission import Decision
from mpg_desktop.models.closure import Closure
from mpg_desktop.models.consent import Consent
from mpg_desktop.models.deadlines import KeyDates
from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.household import Family, Person
from mpg_desktop.models.phase_log import PhaseTransition
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import Referral
from mpg_desktop.models.traject import Traject
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import create_family, next_case_number
from mpg_desktop.storage.json_codec import dumps, loads
from mpg_desktop.storage.lifecycle_tables import CaseRecordRow, ConsentRow, PhaseTransitionRow, TrajectDetailsRow
from mpg_desktop.storage.tables import FamilyRow, PersonRow, TrajectRow

T = TypeVar("T")


class RecordKind(StrEnum):
    """What a row of case_records holds; the payload is the matching models dataclass."""

    MDO = "mdo"
    AFTERCARE_CONTACT = "nazorgcontact"
    PARTNER_REQUEST = "aanvraag"
    REFERRER_FEEDBACK = "terugkoppeling"
    EXTENSION = "verlenging"
    SUSPENSION = "opschorting"
    DOSSIER_PART = "dossieronderdeel"
    WEEKLY_SUMMARY = "weekoverzicht"
    EVALUATION_DATE = "evaluatiedatum"
    CONTACT = "contact"  # models.contact_log.ContactLogEntry (the older contacts table stays read-only)


@dataclass(frozen=True)
class LifecycleState:
    """Everything the phase screen, deadlines and the completeness panel need about one traject."""

    traject: Traject
    family_id: int
    received_date: date | None
    decision_date: date | None
    start_date: date | None
    end_date: date | None
    aftercare_end_date: date | None
    coach: str
    referral: Referral
    decision: Decision | None
    closure: Closure | None
    transitions: tuple[PhaseTransition, ...]

    @property
    def phase(self) -> Phase:
        return self.traject.phase

    def key_dates(self, evaluations: Sequence[date] = ()) -> KeyDates:
        entered: dict[Phase, date] = {}
        for row in self.transitions:
            entered[row.to_phase] = row.at.date()
        decision_fed_back = None
        if self.decision is not None and self.decision.feedback is not None:
            decision_fed_back = getattr(self.decision.feedback, "sent_on", None)
        return KeyDates(
            referral=self.traject.referral_date,
            received=self.received_date,
            decision=self.decision_date,
            decision_fed_back=decision_fed_back,
            start=self.start_date,
            plan_signed=self.traject.plan_signed_on,
            evaluations=tuple(evaluations),
            end_of_support=self.end_date,
            end_of_aftercare=self.aftercare_end_date,
            entered=entered,
        )


@dataclass(frozen=True)
class FamilyMatch:
    """An existing family that shares a member (surname and date of birth) with a new referral."""

    family_id: int
    name: str
    matched: tuple[str, ...]  # "Voornaam Achternaam (dd-mm-jjjj)" of the matching members


# -- referral and families ------------------------------------------------------------------
def find_existing_families(store: CaseStore, members: Sequence[Person]) -> list[FamilyMatch]:
    """Families with a member of the same surname (case-insensitive) and date of birth (spec 1.7)."""
    wanted = {(person.surname.strip().casefold(), person.birth_date) for person in members}
    if not wanted:
        return []
    births = {birth for _, birth in wanted}
    matches: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    with store.session() as session:
        rows = session.execute(
            select(PersonRow, FamilyRow.name)
            .join(FamilyRow, FamilyRow.id == PersonRow.family_id)
            .where(PersonRow.birth_date.in_(births))
        ).all()
        for person, family_name in rows:
            if (person.surname.strip().casefold(), person.birth_date) in wanted:
                matches.setdefault(person.family_id, []).append(
                    f"{person.first_name} {person.surname} ({person.birth_date:%d-%m-%Y})"
                )
                names[person.family_id] = family_name
    return [FamilyMatch(family_id, names[family_id], tuple(found)) for family_id, found in sorted(matches.items())]


def register_referral(store: CaseStore, family: Family, referral: Referral) -> tuple[int, int]:
    """A new family with its household and a first traject in AANGEMELD; returns (family, traject)."""
    if referral.referral_date is None:
        raise DomainError("Aanmelddatum: vul de datum van de aanmelding in.")
    traject = Traject(
        referral_date=referral.referral_date,
        programme_profile=referral.programme_profile or "standaard",
    )
    family_id, traject_id = create_family(store, family, traject)
    with store.session() as session:
        details = session.get(TrajectDetailsRow, traject_id)
        assert details is not None
        details.received_date = referral.received_date or referral.referral_date
        traject_row = session.get(TrajectRow, traject_id)
        assert traject_row is not None
        details.referral_json = dumps(replace(referral, case_number=traject_row.case_number))
    return family_id, traject_id


def add_traject(store: CaseStore, family_id: int, referral: Referral) -> int:
    """A new traject for a family that is already known (re-referral, spec 1.7)."""
    if referral.referral_date is None:
        raise DomainError("Aanmelddatum: vul de datum van de aanmelding in.")
    with store.session() as session:
        family = session.get(FamilyRow, family_id)
        if family is None:
            raise KeyError(family_id)
        open_trajects = [t for t in family.trajects if not Phase(t.phase).is_terminal]
        if open_trajects:
            raise DomainError(
                f"Dit gezin heeft al een lopend traject ({open_trajects[0].case_number}). "
                "Sluit dat eerst af of werk in dat traject verder."
            )
        row = TrajectRow(
            family_id=family_id,
            case_number=next_case_number(session, referral.referral_date.year),
            phase=Phase.AANGEMELD.value,
            programme_profile=referral.programme_profile or "standaard",
            referral_date=referral.referral_date,
        )
        session.add(row)
        session.flush()
        session.add(
            TrajectDetailsRow(
                traject_id=row.id,
                received_date=referral.received_date or referral.referral_date,
                referral_json=dumps(replace(referral, case_number=row.case_number)),
            )
        )
        return row.id


def save_referral(store: CaseStore, traject_id: int, referral: Referral) -> None:
    with store.session() as session:
        details = _details(session, traject_id)
        traject = session.get(TrajectRow, traject_id)
        assert traject is not None
        details.referral_json = dumps(replace(referral, case_number=traject.case_number))
        if referral.received_date is not None:
            details.received_date = referral.received_date
        if referral.programme_profile:
            traject.programme_profile = referral.programme_profile


# -- state and the phase log ----------------------------------------------------------------
def _details(session: Session, traject_id: int) -> TrajectDetailsRow:
    details = session.get(TrajectDetailsRow, traject_id)
    if details is None:  # a traject stored before its details row existed
        details = TrajectDetailsRow(traject_id=traject_id)
        session.add(details)
    return details


def load_lifecycle(store: CaseStore, traject_id: int) -> LifecycleState:
    with store.session() as session:
        traject = session.get(TrajectRow, traject_id)
        if traject is None:
            raise KeyError(traject_id)
        details = _details(session, traject_id)
        transitions = tuple(
            loads(row.transition_json, PhaseTransition)
            for row in session.scalars(
                select(PhaseTransitionRow)
                .where(PhaseTransitionRow.traject_id == traject_id)
                .order_by(PhaseTransitionRow.id)
            )
        )
        return LifecycleState(
            traject=Traject(
                id=traject.id,
                case_number=traject.case_number,
                referral_date=traject.referral_date,
                phase=Phase(traject.phase),
                programme_profile=traject.programme_profile,
                plan_signed_on=traject.plan_signed_on,
                last_evaluation_on=traject.last_evaluation_on,
                closed_on=traject.closed_on,
            ),
            family_id=traject.family_id,
            received_date=details.received_date,
            decision_date=details.decision_date,
            start_date=details.start_date,
            end_date=details.end_date,
            aftercare_end_date=details.aftercare_end_date,
            coach=details.coach,
            referral=loads(details.referral_json or "{}", Referral),
            decision=loads(details.decision_json, Decision) if details.decision_json else None,
            closure=loads(details.closure_json, Closure) if details.closure_json else None,
            transitions=transitions,
        )


def record_transition(
    store: CaseStore, traject_id: int, transition: PhaseTransition, *, plan_signed_on: date | None = None
) -> None:
    """Append ``transition`` to the log and move the traject, in one transaction.

    Sets the key dates of spec 1.8 that the move fixes: the decision date when leaving the
    checks, the start date on entering the information phase, the end date on entering aftercare
    or closure, the end of aftercare on leaving it. A re-open clears the end dates.
    """
    day = transition.at.date()
    with store.session() as session:
        traject = session.get(TrajectRow, traject_id)
        if traject is None:
            raise KeyError(traject_id)
        if Phase(traject.phase) is not transition.from_phase:
            raise DomainError(
                f"Deze casus staat intussen in '{Phase(traject.phase).label}', niet in "
                f"'{transition.from_phase.label}'. Open de casus opnieuw en probeer het nog eens."
            )
        details = _details(session, traject_id)
        source, target = transition.from_phase, transition.to_phase
        if source is Phase.IN_BEOORDELING and details.decision_date is None:
            details.decision_date = day
        if target is Phase.INFORMATIEFASE and details.start_date is None:
            details.start_date = day
        if target is Phase.UITVOERING and plan_signed_on is not None and traject.plan_signed_on is None:
            traject.plan_signed_on = plan_signed_on
        if target in (Phase.NAZORG, Phase.AFGESLOTEN) and details.end_date is None:
            details.end_date = day
        if source is Phase.NAZORG and target is Phase.AFGESLOTEN:
            details.aftercare_end_date = day
        if target is Phase.AFGESLOTEN or target is Phase.NIET_GESTART:
            traject.closed_on = day
        if source in (Phase.NAZORG, Phase.AFGESLOTEN) and target is Phase.UITVOERING:  # re-open
            traject.closed_on = None
            details.end_date = None
            details.aftercare_end_date = None
        traject.phase = target.value
        session.add(
            PhaseTransitionRow(
                traject_id=traject_id,
                from_phase=source.value,
                to_phase=target.value,
                at=transition.at,
                transition_json=dumps(transition),
            )
        )


def save_decision(store: CaseStore, traject_id: int, decision: Decision) -> None:
    with store.session() as session:
        details = _details(session, traject_id)
        details.decision_json = dumps(decision)
        if decision.decided_on is not None:
            details.decision_date = decision.decided_on
        if decision.coach:
            details.coach = decision.coach


def save_closure(store: CaseStore, traject_id: int, closure: Closure) -> None:
    with store.session() as session:
        details = _details(session, traject_id)
        details.closure_json = dumps(closure)
        if closure.end_date is not None:
            details.end_date = closure.end_date


# -- case records and consents ------------------------------------------------------------------
def add_record(store: CaseStore, traject_id: int, kind: RecordKind, record: Any, record_date: date | None) -> int:
    with store.session() as session:
        row = CaseRecordRow(traject_id=traject_id, kind=kind.value, record_date=record_date, payload_json=dumps(record))
        session.add(row)
        session.flush()
        return row.id


def update_record(store: CaseStore, record_id: int, record: Any, record_date: date | None) -> None:
    with store.session() as session:
        row = session.get(CaseRecordRow, record_id)
        if row is None:
            raise KeyError(record_id)
        row.payload_json = dumps(record)
        row.record_date = record_date


def delete_record(store: CaseStore, record_id: int) -> None:
    with store.session() as session:
        row = session.get(CaseRecordRow, record_id)
        if row is not None:
            session.delete(row)


def list_records(store: CaseStore, traject_id: int, kind: RecordKind, record_type: type[T]) -> list[tuple[int, T]]:
    """(id, record) pairs of one kind, oldest first."""
    with store.session() as session:
        rows = session.scalars(
            select(CaseRecordRow)
            .where(CaseRecordRow.traject_id == traject_id, CaseRecordRow.kind == kind.value)
            .order_by(CaseRecordRow.record_date, CaseRecordRow.id)
        ).all()
        return [(row.id, loads(row.payload_json, record_type)) for row in rows]


def save_consent(store: CaseStore, family_id: int, consent: Consent, consent_id: int | None = None) -> int:
    with store.session() as session:
        if consent_id is None:
            row = ConsentRow(family_id=family_id, payload_json=dumps(consent))
            session.add(row)
            session.flush()
            return row.id
        existing = session.get(ConsentRow, consent_id)
        if existing is None:
            raise KeyError(consent_id)
        existing.payload_json = dumps(consent)
        return consent_id


def list_consents(store: CaseStore, family_id: int) -> list[tuple[int, Consent]]:
    with store.session() as session:
        rows = session.scalars(select(ConsentRow).where(ConsentRow.family_id == family_id).order_by(ConsentRow.id))
        return [(row.id, loads(row.payload_json, Consent)) for row in rows]


def open_traject_ids(store: CaseStore) -> list[int]:
    """Trajects that are not closed or not started: the ones whose deadlines still run."""
    terminal = [Phase.AFGESLOTEN.value, Phase.NIET_GESTART.value]
    with store.session() as session:
        return list(session.scalars(select(TrajectRow.id).where(TrajectRow.phase.not_in(terminal))))
