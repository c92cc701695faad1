"""Household members and the family they belong to (spec process-and-forms 3).

Every person carries their own surname; a family has no surname of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from mpg_desktop.models.choices import Tri


class Sex(StrEnum):
    MAN = "man"
    VROUW = "vrouw"
    ANDERS = "anders"

    @property
    def label(self) -> str:
        return {"man": "Man/jongen", "vrouw": "Vrouw/meisje", "anders": "Anders/onbekend"}[self.value]


class Role(StrEnum):
    MOEDER = "moeder"
    VADER = "vader"
    STIEFOUDER = "stiefouder"
    KIND = "kind"
    STIEFKIND = "stiefkind"
    PLEEGKIND = "pleegkind"
    GROOTOUDER = "grootouder"
    VOLWASSEN_KIND = "volwassen_kind"
    ANDER_FAMILIELID = "ander_familielid"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.MOEDER: "Moeder",
    Role.VADER: "Vader",
    Role.STIEFOUDER: "Stiefouder/partner van ouder",
    Role.KIND: "Kind",
    Role.STIEFKIND: "Stiefkind",
    Role.PLEEGKIND: "Pleegkind",
    Role.GROOTOUDER: "Grootouder",
    Role.VOLWASSEN_KIND: "Volwassen kind",
    Role.ANDER_FAMILIELID: "Ander familielid",
    Role.OVERIG: "Overig",
}


# Roles that make a member a child of the family, and the parent figures (spec 3.2, 3.4).
CHILD_ROLES = frozenset({Role.KIND, Role.STIEFKIND, Role.PLEEGKIND})
PARENT_ROLES = frozenset({Role.MOEDER, Role.VADER, Role.STIEFOUDER})


@dataclass(frozen=True)
class Person:
    """One household member (spec 3.2). ``id`` is None until stored.

    ``biological_parent_ids`` links a child to the ids of its biological parents (members of the
    family, living in or outside the household); empty means "not filled in", and the family type
    then falls back on the roles. ``parental_authority`` (gezag) is asked for adults; None = not
    asked yet. Dates ``lives_from``/``lives_until`` bound living in the household.
    """

    first_name: str
    surname: str
    birth_date: date
    role: Role
    sex: Sex = Sex.ANDERS
    birth_date_estimated: bool = False
    lives_in_household: bool = True
    school_work: str = ""
    id: int | None = None
    biological_parent_ids: tuple[int, ...] = ()
    parental_authority: bool | None = None
    lives_from: date | None = None
    lives_until: date | None = None
    placed_out_of_home: bool = False
    placed_on: date | None = None
    placed_where: str = ""
    pregnant: bool = False
    pregnancy_due_date: date | None = None
    deceased: bool = False
    deceased_on: date | None = None
    reading_difficulties: Tri | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.surname}".strip()

    def age_on(self, day: date) -> int:
        """Completed years on ``day``."""
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


@dataclass(frozen=True)
class Family:
    """A family: a display name chosen by the coach and its members."""

    name: str
    members: tuple[Person, ...] = field(default_factory=tuple)
    id: int | None = None

    @property
    def surnames(self) -> list[str]:
        """Distinct surnames in order of appearance (several are common)."""
        seen: dict[str, None] = {}
        for person in self.members:
            seen.setdefault(person.surname, None)
        return list(seen)

    @property
    def household_size(self) -> int:
        return sum(1 for person in self.members if person.lives_in_household)
