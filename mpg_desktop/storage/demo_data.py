"""The demo case file: about 25 synthetic Dutch families (our own name lists, fixed seed).

No real people: every name, date and note is generated. The demo store shows its passphrase
on the unlock screen, which a real store never does.
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path

from mpg_desktop.models.evaluation_schedule import add_months
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.network_demo import demo_maps
from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.traject import CONTACT_KINDS, Contact, Traject
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import add_contacts, create_family
from mpg_desktop.storage.demo_lifecycle import add_demo_history
from mpg_desktop.storage.key_wrapping import KdfParams
from mpg_desktop.storage.network_repository import save_map

DEMO_PASSPHRASE = "demo-keukentafel-2026"
DEMO_FAMILY_COUNT = 25

# How far along each phase typically is, in days since referral (a spread, not a rule).
_PHASE_AGE_DAYS: dict[Phase, tuple[int, int]] = {
    Phase.AANGEMELD: (0, 6),
    Phase.IN_BEOORDELING: (3, 20),
    Phase.WACHTLIJST: (14, 40),
    Phase.KENNISMAKING: (15, 35),
    Phase.INFORMATIEFASE: (30, 70),
    Phase.PLANVORMING: (50, 110),
    Phase.UITVOERING: (110, 420),
    Phase.AFRONDING: (300, 480),
    Phase.NAZORG: (330, 520),
    Phase.AFGESLOTEN: (200, 600),
    Phase.NIET_GESTART: (10, 200),
}


@dataclass(frozen=True)
class DemoNames:
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]


@functools.cache
def demo_names() -> DemoNames:
    """Name lists from resources/demo/names.json (common names in Dutch municipalities)."""
    data = json.loads(files("mpg_desktop.resources").joinpath("demo/names.json").read_text("utf-8"))
    return DemoNames(tuple(data["first_names_female"]), tuple(data["first_names_male"]), tuple(data["surnames"]))


_NOTES = [
    "Huisbezoek: samen de post doorgenomen, afspraak gemaakt met de schuldhulp.",
    "Telefonisch contact met moeder over de schoolgang van de jongste.",
    "Gesprek met het gezin over wie ze om hulp kunnen vragen.",
    "Doelen in eigen woorden opgeschreven aan de keukentafel.",
    "Overleg met de woningcorporatie over de huurachterstand.",
    "Vader vertelt dat het beter gaat op zijn werk.",
    "Kinderen waren aanwezig; sfeer rustig.",
]


def _person(
    names: DemoNames,
    rng: random.Random,
    role: Role,
    surname: str,
    today: date,
    *,
    age: int,
    sex: Sex,
    taken: set[str],
) -> Person:
    pool = [name for name in (names.female if sex is Sex.VROUW else names.male) if name not in taken]
    first = rng.choice(pool)
    taken.add(first)  # no two members of one family share a first name
    birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
    school = "" if age < 4 else ("basisschool" if age < 12 else "vmbo" if age < 18 else "werkzoekend")
    return Person(
        first_name=first,
        surname=surname,
        birth_date=birth,
        birth_date_estimated=rng.random() < 0.05,
        sex=sex,
        role=role,
        lives_in_household=not (role is Role.VADER and rng.random() < 0.3),
        school_work=school,
    )


def demo_family(names: DemoNames, rng: random.Random, today: date) -> Family:
    """A household of 2 to 9 with, often, more than one surname.

    Children are at least a year apart and born when their mother was 18 to 44.
    """
    taken: set[str] = set()
    mother_surname = rng.choice(names.surnames)
    father_surname = rng.choice(names.surnames)
    mother_age = rng.randint(24, 50)
    members = [_person(names, rng, Role.MOEDER, mother_surname, today, age=mother_age, sex=Sex.VROUW, taken=taken)]
    partner_age = mother_age + rng.randint(-3, 6)
    if rng.random() < 0.55:
        members.append(
            _person(names, rng, Role.VADER, father_surname, today, age=partner_age, sex=Sex.MAN, taken=taken)
        )
    elif rng.random() < 0.4:
        members.append(
            _person(
                names,
                rng,
                Role.STIEFOUDER,
                rng.choice(names.surnames),
                today,
                age=partner_age,
                sex=rng.choice([Sex.MAN, Sex.MAN, Sex.MAN, Sex.VROUW]),
                taken=taken,
            )
        )
    # One spare year each side: birthdays fall anywhere in the year.
    possible_ages = list(range(max(0, mother_age - 43), min(18, mother_age - 19 + 1)))
    for age in sorted(rng.sample(possible_ages, k=min(len(possible_ages), rng.randint(1, 6))), reverse=True):
        surname = rng.choice([father_surname, father_surname, mother_surname])
        sex = rng.choice([Sex.MAN, Sex.VROUW, Sex.MAN, Sex.VROUW, Sex.ANDERS])
        members.append(_person(names, rng, Role.KIND, surname, today, age=age, sex=sex, taken=taken))
    if rng.random() < 0.1:
        grandmother_age = mother_age + rng.randint(20, 30)
        members.append(
            _person(names, rng, Role.GROOTOUDER, mother_surname, today, age=grandmother_age, sex=Sex.VROUW, taken=taken)
        )
    surnames = list(dict.fromkeys(person.surname for person in members))
    return Family(name="Familie " + " / ".join(surnames[:2]), members=tuple(members))


def demo_traject(rng: random.Random, phase: Phase, today: date) -> Traject:
    low, high = _PHASE_AGE_DAYS[phase]
    referral = today - timedelta(days=rng.randint(low, high))
    signed = None
    last_eval = None
    if phase in (Phase.UITVOERING, Phase.AFRONDING, Phase.NAZORG, Phase.AFGESLOTEN):
        signed = referral + timedelta(days=rng.randint(60, 100))
        if signed > today:
            signed = today - timedelta(days=5)
        # Some evaluations held, some overdue.
        cycles = max(0, (today - signed).days // 91)
        if cycles and rng.random() < 0.6:
            last_eval = add_months(signed, 3 * rng.randint(1, cycles))
            last_eval = min(last_eval, today)
    closed = today - timedelta(days=rng.randint(1, 60)) if phase.is_terminal else None
    if closed is not None and closed < referral:
        closed = referral + timedelta(days=1)
    return Traject(
        referral_date=referral, phase=phase, plan_signed_on=signed, last_evaluation_on=last_eval, closed_on=closed
    )


def fill_demo_store(
    store: CaseStore,
    families: int = DEMO_FAMILY_COUNT,
    *,
    seed: int = 2026,
    today: date | None = None,
    contacts_per_case: int = 6,
    progress: Callable[[int, int], None] | None = None,
    with_history: bool = True,
) -> None:
    """``with_history=False`` stores the cases directly in their phase, without referral forms and
    phase logs: much faster, for benchmarks that only need many cases."""
    names = demo_names()
    rng = random.Random(seed)
    today = today or date.today()
    phases = list(_PHASE_AGE_DAYS)
    made: list[tuple[int, Traject]] = []
    for index in range(families):
        # Every phase appears; execution (the longest phase) most often.
        phase = phases[index] if index < len(phases) else rng.choice(phases + [Phase.UITVOERING] * 4)
        family = demo_family(names, rng, today)
        traject = demo_traject(rng, phase, today)
        if with_history:
            # Stored as a fresh referral; the history then walks it to its phase.
            start = replace(traject, phase=Phase.AANGEMELD, plan_signed_on=None, closed_on=None)
            _, traject_id = create_family(store, family, start)
            add_demo_history(store, rng, traject_id, traject, today)
        else:
            _, traject_id = create_family(store, family, traject)
        made.append((traject_id, traject))
        contacts = [
            Contact(
                contact_date=min(today, traject.referral_date + timedelta(days=7 * (n + 1))),
                kind=rng.choice(list(CONTACT_KINDS)),
                duration_minutes=rng.choice([15, 30, 45, 60, 90]),
                note=rng.choice(_NOTES),
            )
            for n in range(contacts_per_case)
        ]
        add_contacts(store, traject_id, contacts)
        if progress is not None:
            progress(index + 1, families)
    add_demo_network_maps(store, made)


# Demo maps go to trajects in these phases: a map is drawn in the first weeks of the plan.
_NETWORK_PHASES = (Phase.UITVOERING, Phase.AFRONDING, Phase.NAZORG)
STARTKAART_AFTER_REFERRAL_DAYS = 21


def add_demo_network_maps(store: CaseStore, trajects: Sequence[tuple[int, Traject]]) -> list[int]:
    """The three demo maps of spec bolletjesschema 5.6, one each on the first trajects in execution.

    The maps keep their fixed ids and names; their dates move so that the startkaart is drawn three
    weeks after the traject's referral. Returns the traject ids that got a map.
    """
    hosts = [(tid, traject) for tid, traject in trajects if traject.phase in _NETWORK_PHASES]
    used = []
    for network_map, (traject_id, traject) in zip(demo_maps(), hosts, strict=False):
        start = traject.referral_date + timedelta(days=STARTKAART_AFTER_REFERRAL_DAYS)
        save_map(store, traject_id, _moved_to(network_map, start, traject_id))
        used.append(traject_id)
    return used


def _moved_to(network_map: NetworkMap, first_day: date, traject_id: int) -> NetworkMap:
    """The map with every snapshot date shifted so the first snapshot falls on ``first_day``."""
    first = min(s.reference_date for s in network_map.snapshots)
    shift = first_day - first
    snapshots = tuple(replace(s, reference_date=s.reference_date + shift) for s in network_map.snapshots)
    return replace(network_map, snapshots=snapshots, case_id=traject_id)


def create_demo_store(store_dir: Path, passphrase: str = DEMO_PASSPHRASE, kdf: KdfParams | None = None) -> CaseStore:
    """A new demo store in ``store_dir``, filled and open."""
    store, _recovery = CaseStore.create(
        store_dir,
        passphrase,
        coach_name="Demo-coach",
        organisation="Demo-gemeente",
        kdf=kdf,
        use_device_secret=False,  # the demo opens on any machine
        demo_passphrase=passphrase,
    )
    fill_demo_store(store)
    return store
