"""Derived family type (spec 3.4, ReSet definitions) and age rules (spec 3.3)."""

from __future__ import annotations

from datetime import date

import pytest

from mpg_desktop.models.ages import age_at_start, completed_months, estimated_birth_date, reporting_age
from mpg_desktop.models.family_type import FamilyType, derive_family_type, effective_family_type
from mpg_desktop.models.household import Person, Role

ON = date(2026, 6, 1)


def person(pid: int, role: Role, born: date = date(1985, 1, 1), **kw: object) -> Person:
    return Person(f"P{pid}", "Achternaam", born, role, id=pid, **kw)  # type: ignore[arg-type]


MOTHER = person(1, Role.MOEDER)
FATHER = person(2, Role.VADER)
STEPFATHER = person(3, Role.STIEFOUDER)
EX = person(9, Role.VADER, lives_in_household=False)


def kid(
    pid: int, parents: tuple[int, ...] = (), role: Role = Role.KIND, born: date = date(2015, 5, 1), **kw: object
) -> Person:
    return person(pid, role, born, biological_parent_ids=parents, **kw)


def test_traditional_family() -> None:
    result = derive_family_type([MOTHER, FATHER, kid(10, (1, 2)), kid(11, (1, 2))], ON)
    assert result.family_type is FamilyType.TRADITIONEEL and not result.broken
    assert result.family_type.label == "Traditioneel gezin"


def test_traditional_by_roles_when_links_are_missing() -> None:
    assert derive_family_type([MOTHER, FATHER, kid(10)], ON).family_type is FamilyType.TRADITIONEEL


def test_one_parent_family() -> None:
    result = derive_family_type([MOTHER, EX, kid(10, (1, 9)), kid(11, (1, 9))], ON)
    assert result.family_type is FamilyType.EENOUDER and result.broken
    assert result.family_type.label == "Éénoudergezin"


def test_blended_one_parent_family_children_by_different_fathers() -> None:
    other_ex = person(8, Role.VADER, lives_in_household=False)
    result = derive_family_type([MOTHER, EX, other_ex, kid(10, (1, 9)), kid(11, (1, 8))], ON)
    assert result.family_type is FamilyType.SAMENGESTELD_EENOUDER


def test_unknown_other_parent_does_not_make_it_blended() -> None:
    result = derive_family_type([MOTHER, EX, kid(10, (1, 9)), kid(11, (1,))], ON)
    assert result.family_type is FamilyType.EENOUDER


def test_blended_family_with_step_parent() -> None:
    result = derive_family_type([MOTHER, STEPFATHER, EX, kid(10, (1, 9))], ON)
    assert result.family_type is FamilyType.SAMENGESTELD and result.broken
    by_roles = derive_family_type([MOTHER, FATHER, kid(10, role=Role.STIEFKIND)], ON)
    assert by_roles.family_type is FamilyType.SAMENGESTELD


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ([MOTHER, FATHER, kid(10, (1, 2))], FamilyType.IN_SCHEIDING),
        ([MOTHER, STEPFATHER, kid(10, (1, 9))], FamilyType.SAMENGESTELD_IN_SCHEIDING),
    ],
)
def test_separation_needs_the_manual_flag(members: list[Person], expected: FamilyType) -> None:
    assert derive_family_type(members, ON, separating=True).family_type is expected
    assert derive_family_type(members, ON).family_type is not expected


def test_no_child_up_to_18_gives_unknown_with_advice() -> None:
    adult_child = kid(10, (1, 2), born=date(2005, 1, 1))  # 21 on ON
    result = derive_family_type([MOTHER, FATHER, adult_child], ON)
    assert result.family_type is FamilyType.ONBEKEND and "vul een ouder en een kind" in result.explanation
    assert derive_family_type([kid(10, (1, 2))], ON).family_type is FamilyType.ONBEKEND


def test_eighteen_year_old_still_counts_as_child() -> None:
    eighteen = kid(10, (1, 2), born=date(2008, 1, 1))
    assert derive_family_type([MOTHER, FATHER, eighteen], ON).family_type is FamilyType.TRADITIONEEL


def test_foster_and_placed_children_do_not_shape_the_type() -> None:
    foster = kid(12, (), role=Role.PLEEGKIND)
    placed = kid(13, (1, 9), placed_out_of_home=True)
    result = derive_family_type([MOTHER, FATHER, kid(10, (1, 2)), foster, placed], ON)
    assert result.family_type is FamilyType.TRADITIONEEL and not result.broken


def test_broken_family_flag() -> None:
    assert derive_family_type([MOTHER, STEPFATHER, kid(10, (1, 3)), kid(11, (1, 9))], ON).broken
    assert not derive_family_type([MOTHER, STEPFATHER, kid(10, (1, 3))], ON).broken


def test_coach_override_wins() -> None:
    derived = derive_family_type([MOTHER, FATHER, kid(10, (1, 2))], ON)
    assert effective_family_type(derived, None) is FamilyType.TRADITIONEEL
    assert effective_family_type(derived, FamilyType.IN_SCHEIDING) is FamilyType.IN_SCHEIDING


def test_existing_person_construction_still_works() -> None:
    legacy = Person("Sanne", "Bakker", date(1988, 4, 2), Role.MOEDER)
    assert legacy.biological_parent_ids == () and legacy.parental_authority is None and legacy.id is None


def test_age_at_start_in_completed_years() -> None:
    assert age_at_start(date(2010, 6, 2), date(2026, 6, 1)) == 15
    assert age_at_start(date(2010, 6, 1), date(2026, 6, 1)) == 16
    assert completed_months(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert completed_months(date(2026, 7, 1), date(2026, 6, 1)) == 0  # not born yet


def test_reporting_age_rounds_up_when_birthday_within_a_month() -> None:
    start = date(2026, 6, 1)
    assert reporting_age(date(2010, 6, 20), start) == 16.0  # turns 16 within a month
    assert reporting_age(date(2010, 7, 2), start) == 15.0  # a month and a day: not rounded
    assert reporting_age(date(2010, 7, 1), start) == 16.0  # exactly one month after the start


def test_reporting_age_in_quarters_under_four() -> None:
    start = date(2026, 6, 1)
    assert reporting_age(date(2024, 1, 15), start) == 2.25  # 2 years 4.5 months
    assert reporting_age(date(2024, 2, 20), start) == 2.25  # next quarter 20-08: more than a month away
    assert reporting_age(date(2024, 3, 20), start) == 2.25  # 2 y 2 m: next quarter 20-06 within a month
    assert reporting_age(date(2026, 5, 1), start) == 0.0
    assert reporting_age(date(2022, 6, 15), start) == 4.0  # turns 4 within the month: whole years


def test_estimated_birth_date_from_a_noted_age() -> None:
    assert estimated_birth_date(7, date(2026, 3, 14)) == date(2019, 3, 14)
    assert estimated_birth_date(2, date(2028, 2, 29)) == date(2026, 2, 28)


def test_age_at_start_agrees_with_person_age_on_for_leap_day_births() -> None:
    leap = Person("A", "B", date(2008, 2, 29), Role.KIND)
    for day in (date(2026, 2, 28), date(2026, 3, 1), date(2028, 2, 29)):
        assert age_at_start(leap.birth_date, day) == leap.age_on(day)
