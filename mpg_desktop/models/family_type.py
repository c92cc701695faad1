"""The derived family type (*type gezin*, spec 3.4; ReSet definitions 004 L2425-2452, L2520).

Computed from the members, their roles and the biological-parent links; the coach may overrule it
(``effective_family_type``). Which parents live together does not say whether partners are
separating, so that is a manual flag. Foster children (pleegkind) do not shape the type: the
definitions are about biological and step relations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mpg_desktop.models.household import PARENT_ROLES, Person, Role

# The ReSet definitions count children up to and including 18 ("≥1 child ≤18").
MAX_CHILD_AGE = 18
_BIRTH_PARENT_ROLES = frozenset({Role.MOEDER, Role.VADER})
_STRUCTURE_CHILD_ROLES = frozenset({Role.KIND, Role.STIEFKIND})


class FamilyType(StrEnum):
    TRADITIONEEL = "traditioneel"
    EENOUDER = "eenouder"
    SAMENGESTELD_EENOUDER = "samengesteld_eenouder"
    SAMENGESTELD = "samengesteld"
    IN_SCHEIDING = "in_scheiding"
    SAMENGESTELD_IN_SCHEIDING = "samengesteld_in_scheiding"
    ONBEKEND = "onbekend"

    @property
    def label(self) -> str:
        return {
            "traditioneel": "Traditioneel gezin",
            "eenouder": "Éénoudergezin",
            "samengesteld_eenouder": "Samengesteld éénoudergezin",
            "samengesteld": "Samengesteld gezin",
            "in_scheiding": "Gezin in scheiding",
            "samengesteld_in_scheiding": "Samengesteld gezin in scheiding",
            "onbekend": "Onbekend",
        }[self.value]


@dataclass(frozen=True)
class FamilyTypeResult:
    family_type: FamilyType
    broken: bool  # gebroken gezin: a child not growing up with both biological parents
    explanation: str  # Dutch, shown next to the derived type


def _key(person: Person, index: int) -> object:
    return person.id if person.id is not None else ("nieuw", index)


def _parents_at_home(child: Person, home_parents: dict[object, Person]) -> set[object]:
    """Keys of the child's biological parents living at home.

    Explicit links win. Without links the role decides: a *kind* is the child of every mother and
    father at home; a *stiefkind* of exactly one of them (which one is unknown).
    """
    if child.biological_parent_ids:
        return {key for key in home_parents if key in child.biological_parent_ids}
    birth_parents = [key for key, p in home_parents.items() if p.role in _BIRTH_PARENT_ROLES]
    if child.role is Role.STIEFKIND:
        return set(birth_parents[:1])
    return set(birth_parents)


def derive_family_type(members: Sequence[Person], on: date, *, separating: bool = False) -> FamilyTypeResult:
    """The ReSet family type of the household on ``on``; ``separating`` is the manual flag for
    partners ending their relationship."""
    home = [(i, p) for i, p in enumerate(members) if p.lives_in_household and not p.deceased]
    home_parents = {_key(p, i): p for i, p in home if p.role in PARENT_ROLES}
    children = [
        p
        for _, p in home
        if p.role in _STRUCTURE_CHILD_ROLES and not p.placed_out_of_home and 0 <= p.age_on(on) <= MAX_CHILD_AGE
    ]
    links = {id(child): _parents_at_home(child, home_parents) for child in children}
    children = [child for child in children if links[id(child)]]
    if not children or not home_parents:
        return FamilyTypeResult(
            FamilyType.ONBEKEND,
            False,
            "Niet te bepalen: vul een ouder en een kind tot en met 18 jaar in die samen in het huishouden wonen.",
        )
    broken = any(len(links[id(child)]) < 2 for child in children)
    if len(home_parents) >= 2:
        every_child_of_both = all(len(links[id(child)]) >= 2 for child in children)
        every_parent_biological = all(any(key in links[id(c)] for c in children) for key in home_parents)
        base = FamilyType.TRADITIONEEL if every_child_of_both and every_parent_biological else FamilyType.SAMENGESTELD
    else:
        # Children by different biological parents: count only other parents that are known.
        other_parents = {pid for child in children for pid in child.biological_parent_ids if pid not in home_parents}
        base = FamilyType.SAMENGESTELD_EENOUDER if len(other_parents) >= 2 else FamilyType.EENOUDER
    family_type = base
    if separating:
        blended = base in (FamilyType.SAMENGESTELD, FamilyType.SAMENGESTELD_EENOUDER)
        family_type = FamilyType.SAMENGESTELD_IN_SCHEIDING if blended else FamilyType.IN_SCHEIDING
    return FamilyTypeResult(family_type, broken, _explain(family_type, len(home_parents), len(children)))


def _explain(family_type: FamilyType, parents: int, children: int) -> str:
    return (
        f"{family_type.label}: afgeleid uit {parents} ouder(s) en {children} kind(eren) tot en met 18 jaar in huis. "
        "Klopt dit niet, vul dan de biologische ouders van de kinderen aan of pas het type aan."
    )


def effective_family_type(derived: FamilyTypeResult, override: FamilyType | None) -> FamilyType:
    """The type shown and exported: the coach's choice when set, else the derived one."""
    return override if override is not None else derived.family_type
