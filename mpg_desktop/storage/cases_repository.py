"""Reading and writing families, household members, trajects and contacts.

Functions take the store and return domain dataclasses (mpg_desktop.models); ORM rows never
leave this module. Each write is one transaction.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.traject import Contact, Traject
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.json_codec import from_plain, to_plain
from mpg_desktop.storage.lifecycle_tables import PersonDetailsRow, TrajectDetailsRow
from mpg_desktop.storage.tables import ContactRow, FamilyRow, PersonRow, StoreMeta, TrajectRow

# Person fields with a column of their own; the rest (spec 3.2's further details) is one JSON
# document in person_details.
_PERSON_COLUMNS = (
    "first_name",
    "surname",
    "birth_date",
    "birth_date_estimated",
    "sex",
    "role",
    "lives_in_household",
    "school_work",
)
_PERSON_DETAILS = tuple(f.name for f in fields(Person) if f.name not in (*_PERSON_COLUMNS, "id"))


def _person(row: PersonRow, details: PersonDetailsRow | None = None) -> Person:
    extra = json.loads(details.details_json) if details is not None else {}
    plain = {key: value for key, value in extra.items() if key in _PERSON_DETAILS}
    base = Person(
        id=row.id,
        first_name=row.first_name,
        surname=row.surname,
        birth_date=row.birth_date,
        birth_date_estimated=row.birth_date_estimated,
        sex=Sex(row.sex),
        role=Role(row.role),
        lives_in_household=row.lives_in_household,
        school_work=row.school_work,
    )
    if not plain:
        return base
    return from_plain({**to_plain(base), **plain}, Person)


def _details_json(person: Person) -> str:
    plain = to_plain(person)
    return json.dumps({key: plain[key] for key in _PERSON_DETAILS if key in plain})


def _save_details(session: Session, person_id: int, person: Person) -> None:
    session.merge(PersonDetailsRow(person_id=person_id, details_json=_details_json(person)))


def _details_for(session: Session, person_ids: list[int]) -> dict[int, PersonDetailsRow]:
    if not person_ids:
        return {}
    rows = session.scalars(select(PersonDetailsRow).where(PersonDetailsRow.person_id.in_(person_ids)))
    return {row.person_id: row for row in rows}


def _person_row(person: Person) -> PersonRow:
    return PersonRow(
        first_name=person.first_name,
        surname=person.surname,
        birth_date=person.birth_date,
        birth_date_estimated=person.birth_date_estimated,
        sex=person.sex.value,
        role=person.role.value,
        lives_in_household=person.lives_in_household,
        school_work=person.school_work,
    )


def _traject(row: TrajectRow) -> Traject:
    return Traject(
        id=row.id,
        case_number=row.case_number,
        referral_date=row.referral_date,
        phase=Phase(row.phase),
        programme_profile=row.programme_profile,
        plan_signed_on=row.plan_signed_on,
        last_evaluation_on=row.last_evaluation_on,
        closed_on=row.closed_on,
    )


def next_case_number(session: Session, year: int) -> str:
    """``<year>-<nnnn>``, one past the last number handed out that year.

    The last number is kept in store_meta, so the number of a removed traject is never
    handed out again (a printed plan or letter may still carry it).
    """
    prefix = f"{year}-"
    counter = session.get(StoreMeta, f"case_number_last:{year}")
    numbers = session.scalars(select(TrajectRow.case_number).where(TrajectRow.case_number.like(f"{prefix}%")))
    highest = max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)
    if counter is not None and counter.value.isdigit():
        highest = max(highest, int(counter.value))
    session.merge(StoreMeta(key=f"case_number_last:{year}", value=str(highest + 1)))
    return f"{prefix}{highest + 1:04d}"


def create_family(store: CaseStore, family: Family, traject: Traject) -> tuple[int, int]:
    """Store a new family with its members and first traject; returns (family id, traject id)."""
    with store.session() as session:
        family_row = FamilyRow(name=family.name, created_at=datetime.now())
        family_row.members = [_person_row(person) for person in family.members]
        traject_row = TrajectRow(
            case_number=traject.case_number or next_case_number(session, traject.referral_date.year),
            phase=traject.phase.value,
            programme_profile=traject.programme_profile,
            referral_date=traject.referral_date,
            plan_signed_on=traject.plan_signed_on,
            last_evaluation_on=traject.last_evaluation_on,
            closed_on=traject.closed_on,
        )
        family_row.trajects = [traject_row]
        session.add(family_row)
        session.flush()
        for row, person in zip(family_row.members, family.members, strict=True):
            _save_details(session, row.id, person)
        session.add(TrajectDetailsRow(traject_id=traject_row.id, received_date=traject.referral_date))
        return family_row.id, traject_row.id


def add_contacts(store: CaseStore, traject_id: int, contacts: list[Contact]) -> None:
    with store.session() as session:
        session.add_all(
            ContactRow(
                traject_id=traject_id,
                contact_date=contact.contact_date,
                kind=contact.kind,
                duration_minutes=contact.duration_minutes,
                note=contact.note,
            )
            for contact in contacts
        )


def list_contacts(store: CaseStore, traject_id: int) -> list[Contact]:
    with store.session() as session:
        rows = session.scalars(
            select(ContactRow).where(ContactRow.traject_id == traject_id).order_by(ContactRow.contact_date)
        )
        return [
            Contact(
                id=row.id,
                contact_date=row.contact_date,
                kind=row.kind,
                duration_minutes=row.duration_minutes,
                note=row.note,
            )
            for row in rows
        ]


def load_family(store: CaseStore, family_id: int) -> Family:
    with store.session() as session:
        row = session.get(FamilyRow, family_id, options=[selectinload(FamilyRow.members)])
        if row is None:
            raise KeyError(family_id)
        details = _details_for(session, [p.id for p in row.members])
        return Family(id=row.id, name=row.name, members=tuple(_person(p, details.get(p.id)) for p in row.members))


def load_traject(store: CaseStore, traject_id: int) -> Traject:
    with store.session() as session:
        row = session.get(TrajectRow, traject_id)
        if row is None:
            raise KeyError(traject_id)
        return _traject(row)


def list_case_summaries(store: CaseStore) -> list[CaseSummary]:
    """Every traject with its family's name, surnames and household size, newest first.

    Two column queries instead of ORM objects: the list is loaded at every start and after
    every change, and thousands of Person objects would only be thrown away.
    """
    with store.session() as session:
        members: dict[int, list[tuple[str, bool]]] = {}
        for family_id, surname, at_home in session.execute(
            select(PersonRow.family_id, PersonRow.surname, PersonRow.lives_in_household).order_by(PersonRow.id)
        ):
            members.setdefault(family_id, []).append((surname, at_home))
        rows = session.execute(
            select(
                TrajectRow.id,
                TrajectRow.family_id,
                TrajectRow.case_number,
                FamilyRow.name,
                TrajectRow.phase,
                TrajectRow.referral_date,
                TrajectRow.plan_signed_on,
                TrajectRow.last_evaluation_on,
            )
            .join(FamilyRow, FamilyRow.id == TrajectRow.family_id)
            .order_by(TrajectRow.referral_date.desc(), TrajectRow.id.desc())
        ).all()
    summaries = []
    for traject_id, family_id, case_number, name, phase, referral, signed, evaluated in rows:
        family_members = members.get(family_id, [])
        summaries.append(
            CaseSummary(
                traject_id=traject_id,
                family_id=family_id,
                case_number=case_number,
                family_name=name,
                surnames=tuple(dict.fromkeys(surname for surname, _ in family_members)),
                phase=Phase(phase),
                referral_date=referral,
                household_size=sum(1 for _, at_home in family_members if at_home),
                plan_signed_on=signed,
                last_evaluation_on=evaluated,
            )
        )
    return summaries


def add_person(store: CaseStore, family_id: int, person: Person) -> int:
    """Add a household member; returns the new id."""
    with store.session() as session:
        if session.get(FamilyRow, family_id) is None:
            raise KeyError(family_id)
        row = _person_row(person)
        row.family_id = family_id
        session.add(row)
        session.flush()
        _save_details(session, row.id, person)
        return row.id


def update_person(store: CaseStore, person: Person) -> None:
    """Overwrite a stored member's fields with ``person`` (matched by ``person.id``)."""
    if person.id is None:
        raise ValueError("person has no id")
    with store.session() as session:
        row = session.get(PersonRow, person.id)
        if row is None:
            raise KeyError(person.id)
        fresh = _person_row(person)
        for column in PersonRow.__table__.columns:
            if column.key not in ("id", "family_id"):
                setattr(row, column.key, getattr(fresh, column.key))
        _save_details(session, row.id, person)


def remove_person(store: CaseStore, person_id: int) -> Person:
    """Remove a member; returns what was removed so the caller can offer to undo."""
    with store.session() as session:
        row = session.get(PersonRow, person_id)
        if row is None:
            raise KeyError(person_id)
        details = session.get(PersonDetailsRow, person_id)
        removed = _person(row, details)
        if details is not None:
            session.delete(details)
        session.delete(row)
        return removed
