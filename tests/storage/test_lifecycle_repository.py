"""Storing a traject's life cycle: referral, matching families, the phase log, records, consents."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.closure import Closure
from mpg_desktop.models.consent import Consent
from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.mdo import MdoRecord
from mpg_desktop.models.phase_machine import request_transition
from mpg_desktop.models.phase_requirements import Requirement
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.referral import Referral
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import list_case_summaries, load_family, update_person
from mpg_desktop.storage.lifecycle_repository import (
    RecordKind,
    add_record,
    add_traject,
    find_existing_families,
    list_consents,
    list_records,
    load_lifecycle,
    record_transition,
    register_referral,
    save_closure,
    save_consent,
)
from tests.conftest import PASSPHRASE

SEVEN = (
    Person("Samira", "El Amrani", date(1986, 3, 4), Role.MOEDER, Sex.VROUW),
    Person("Kevin", "Martina", date(1984, 7, 1), Role.STIEFOUDER, Sex.MAN),
    Person("Yasmina", "Bouzid", date(2008, 5, 9), Role.KIND, Sex.VROUW),
    Person("Ayoub", "Bouzid", date(2010, 11, 23), Role.KIND, Sex.MAN),
    Person("Noor", "El Amrani", date(2014, 2, 2), Role.KIND, Sex.VROUW),
    Person("Jayden", "Martina", date(2019, 8, 30), Role.KIND, Sex.MAN),
    Person("Lisa", "Martina", date(2022, 12, 1), Role.KIND, Sex.VROUW),
)


def referral(day: date = date(2026, 9, 1)) -> Referral:
    return Referral(
        referral_date=day,
        received_date=date(day.year, day.month, day.day + 1),
        programme_profile="standaard",
        referrer_question="Veel schulden en zorgen om de jongste kinderen.",
    )


def test_register_referral_keeps_household_and_form(store: CaseStore) -> None:
    family_id, traject_id = register_referral(store, Family("Familie El Amrani / Martina", SEVEN), referral())
    state = load_lifecycle(store, traject_id)
    assert state.phase is Phase.AANGEMELD
    assert state.referral.referrer_question.startswith("Veel schulden")
    assert state.referral.case_number == state.traject.case_number == "2026-0001"
    assert state.received_date == date(2026, 9, 2)
    assert len({p.surname for p in load_family(store, family_id).members}) == 3


def test_existing_family_is_found_by_surname_and_birth_date(store: CaseStore) -> None:
    family_id, _ = register_referral(store, Family("Familie El Amrani / Martina", SEVEN), referral())
    again = [Person("Yasmina", "bouzid ", date(2008, 5, 9), Role.KIND)]  # other spelling of case/space
    [match] = find_existing_families(store, again)
    assert match.family_id == family_id and match.matched == ("Yasmina Bouzid (09-05-2008)",)
    assert find_existing_families(store, [Person("Yasmina", "Bouzid", date(2008, 5, 10), Role.KIND)]) == []


def test_re_referral_needs_the_earlier_traject_closed(store: CaseStore) -> None:
    family_id, traject_id = register_referral(store, Family("Familie X", SEVEN[:2]), referral())
    with pytest.raises(DomainError) as error:
        add_traject(store, family_id, referral(date(2026, 10, 1)))
    assert "al een lopend traject" in error.value.message
    move(store, traject_id, Phase.IN_BEOORDELING, met={Requirement.REFERRAL_COMPLETE})
    move(
        store,
        traject_id,
        Phase.NIET_GESTART,
        reason="Gezin wil geen hulp",
        met={Requirement.NOT_STARTED_REASON, Requirement.REFERRER_FEEDBACK},
    )
    second = add_traject(store, family_id, referral(date(2026, 10, 1)))
    assert load_lifecycle(store, second).traject.case_number == "2026-0002"
    assert len(list_case_summaries(store)) == 2


def move(store: CaseStore, traject_id: int, target: Phase, *, at: datetime | None = None, **kwargs) -> None:  # type: ignore[no-untyped-def]
    state = load_lifecycle(store, traject_id)
    when = at or datetime(2026, 9, 3 + len(state.transitions), 10, 0)
    kwargs.setdefault("closed_on", state.traject.closed_on)
    transition = request_transition(state.phase, target, at=when, by="Coach Test", **kwargs)
    record_transition(store, traject_id, transition, plan_signed_on=kwargs.get("plan_signed_on"))


def walk_to_execution(store: CaseStore, traject_id: int) -> None:
    everything = set(Requirement)
    for target in (Phase.IN_BEOORDELING, Phase.KENNISMAKING, Phase.INFORMATIEFASE, Phase.PLANVORMING):
        move(store, traject_id, target, met=everything)
    state = load_lifecycle(store, traject_id)
    record_transition(
        store,
        traject_id,
        request_transition(state.phase, Phase.UITVOERING, at=datetime(2026, 11, 1, 9), by="Coach", met=everything),
        plan_signed_on=date(2026, 10, 30),
    )


def test_phase_log_sets_key_dates_and_survives_reopen(store: CaseStore, store_dir) -> None:  # type: ignore[no-untyped-def]
    _, traject_id = register_referral(store, Family("Familie Y", SEVEN), referral())
    walk_to_execution(store, traject_id)
    state = load_lifecycle(store, traject_id)
    assert [t.to_phase for t in state.transitions] == [
        Phase.IN_BEOORDELING,
        Phase.KENNISMAKING,
        Phase.INFORMATIEFASE,
        Phase.PLANVORMING,
        Phase.UITVOERING,
    ]
    assert state.decision_date == date(2026, 9, 4)  # the day the checks phase was left
    assert state.start_date == date(2026, 9, 5)  # entering the information phase
    assert state.traject.plan_signed_on == date(2026, 10, 30)
    assert state.key_dates().entered[Phase.UITVOERING] == date(2026, 11, 1)

    save_closure(store, traject_id, Closure(end_date=date(2026, 12, 1), reason=Choice("gezin_wil_niet_verder")))
    move(
        store,
        traject_id,
        Phase.AFGESLOTEN,
        at=datetime(2026, 12, 1, 12),
        met=set(Requirement),
        closure_reason="gezin_wil_niet_verder",
        closed_on=None,
    )
    closed = load_lifecycle(store, traject_id)
    assert closed.traject.closed_on == date(2026, 12, 1) and closed.end_date == date(2026, 12, 1)
    move(store, traject_id, Phase.UITVOERING, at=datetime(2027, 1, 10, 9), reason="Terugval na verhuizing")
    reopened = load_lifecycle(store, traject_id)
    assert reopened.phase is Phase.UITVOERING and reopened.traject.closed_on is None and reopened.end_date is None
    store.close()
    again = CaseStore.open(store_dir, PASSPHRASE)
    assert len(load_lifecycle(again, traject_id).transitions) == 7
    again.close()


def test_stale_transition_is_refused_and_changes_nothing(store: CaseStore) -> None:
    _, traject_id = register_referral(store, Family("Familie Z", SEVEN[:3]), referral())
    stale = request_transition(
        Phase.AANGEMELD, Phase.IN_BEOORDELING, at=datetime(2026, 9, 3), by="Coach", met={Requirement.REFERRAL_COMPLETE}
    )
    record_transition(store, traject_id, stale)
    with pytest.raises(DomainError) as error:
        record_transition(store, traject_id, stale)  # a second window still showing Aanmelding
    assert "intussen" in error.value.message
    assert len(load_lifecycle(store, traject_id).transitions) == 1


def test_records_and_consents_round_trip(store: CaseStore) -> None:
    family_id, traject_id = register_referral(store, Family("Familie R", SEVEN[:2]), referral())
    mdo = MdoRecord(
        held_on=date(2026, 9, 20), meeting_type=Choice("mdo"), present=("Coach", "Wijkteam"), disagreements="geen"
    )
    record_id = add_record(store, traject_id, RecordKind.MDO, mdo, mdo.held_on)
    assert list_records(store, traject_id, RecordKind.MDO, MdoRecord) == [(record_id, mdo)]
    consent = Consent(
        purpose=Choice("informatie_uitwisseling"),
        recipient="Wijkteam Noord",
        categories=("voortgang",),
        granted_on=date(2026, 9, 10),
        given_by="Samira El Amrani",
        given_by_role=None,
        form=None,
    )
    consent_id = save_consent(store, family_id, consent)
    assert list_consents(store, family_id) == [(consent_id, consent)]


def test_person_details_survive_an_edit_of_the_basic_fields(store: CaseStore) -> None:
    from dataclasses import replace

    family_id, _ = register_referral(
        store,
        Family(
            "Familie P",
            (replace(SEVEN[0], parental_authority=True, pregnant=True, pregnancy_due_date=date(2027, 1, 5)),),
        ),
        referral(),
    )
    [mother] = load_family(store, family_id).members
    assert mother.parental_authority is True and mother.pregnancy_due_date == date(2027, 1, 5)
    update_person(store, replace(mother, school_work="schoonmaak"))
    [edited] = load_family(store, family_id).members
    assert edited.school_work == "schoonmaak" and edited.pregnant is True
