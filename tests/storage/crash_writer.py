"""Child process for tests/storage/test_crash_safety.py: writes to a store until it is killed.

Run from the repository root::

    python -m tests.storage.crash_writer write  STORE_DIR SEED TAG
    python -m tests.storage.crash_writer rekey  STORE_DIR POINT

The passphrase comes from the environment (``MPG_CRASH_PASSPHRASE``), never from argv.
Every line on stdout is one JSON object, printed and flushed only AFTER the transaction it
reports has committed; the parent treats each reported record as durable.

The content of every record is a pure function of its marker (``family_for``, ``contacts_for``,
``meta_for``), so the parent can check contents without the child sending them.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.traject import CONTACT_KINDS, Contact, Traject
from mpg_desktop.storage import case_store as case_store_module
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import add_contacts, create_family, list_case_summaries
from mpg_desktop.storage.key_header import KeyHeader

PASSPHRASE_ENV = "MPG_CRASH_PASSPHRASE"
# A child that is never killed stops by itself, so a broken parent leaves no orphan behind.
MAX_SECONDS = 60.0
LAST_META_KEY = "soak.last"
REKEY_POINTS = ("after_export", "before_switch", "header_saved", "old_removed")

_FIRST_NAMES = ["Sanne", "Emre", "Lotte", "Zoë", "Noah", "Fatima", "Daan", "Aïcha", "Jayden", "Iris", "Mehmet"]
_SURNAMES = ["Bakker", "Yilmaz", "de Vries", "El Amrani", "Şahin", "Pinas", "van der Meer", "Kross", "Demir"]
_SCHOOL = ["", "basisschool", "vmbo-t", "mbo niveau 2", "werkzoekend", "parttime kassa"]
_NOTE_WORDS = [
    "huisbezoek",
    "post",
    "doorgenomen",
    "schuldhulp",
    "afspraak",
    "school",
    "moeder",
    "vader",
    "kinderen",
    "sfeer",
    "rustig",
    "woningcorporatie",
    "huurachterstand",
    "overleg",
    "wijkteam",
    "doelen",
    "keukentafel",
    "budget",
    "werk",
]


# -- deterministic content ---------------------------------------------------------------
def family_for(marker: str) -> tuple[Family, Traject]:
    rng = random.Random(f"family:{marker}")
    mother = rng.choice(_SURNAMES)
    other = rng.choice(_SURNAMES)
    members = [
        Person(
            rng.choice(_FIRST_NAMES),
            mother,
            date(1975, 1, 1) + timedelta(days=rng.randint(0, 7000)),
            Role.MOEDER,
            Sex.VROUW,
            school_work=rng.choice(_SCHOOL),
        )
    ]
    for _ in range(rng.randint(1, 5)):
        members.append(
            Person(
                rng.choice(_FIRST_NAMES),
                rng.choice([mother, other]),
                date(2008, 1, 1) + timedelta(days=rng.randint(0, 5000)),
                Role.KIND,
                rng.choice(list(Sex)),
                birth_date_estimated=rng.random() < 0.1,
                lives_in_household=rng.random() < 0.9,
                school_work=rng.choice(_SCHOOL),
            )
        )
    family = Family(name=f"Familie {mother} / {other} [{marker}]", members=tuple(members))
    traject = Traject(
        referral_date=date(2026, 1, 1) + timedelta(days=rng.randint(0, 300)),
        phase=rng.choice(list(Phase)),
        programme_profile=rng.choice(["standaard", "intensief"]),
    )
    return family, traject


def contacts_for(marker: str) -> list[Contact]:
    rng = random.Random(f"contacts:{marker}")
    return [
        Contact(
            contact_date=date(2026, 2, 1) + timedelta(days=rng.randint(0, 200)),
            kind=rng.choice(list(CONTACT_KINDS)),
            duration_minutes=rng.choice([15, 30, 45, 60, 90]),
            note=f"[{marker}#{index}] " + " ".join(rng.choice(_NOTE_WORDS) for _ in range(rng.randint(5, 80))),
        )
        for index in range(rng.randint(1, 4))
    ]


def meta_for(marker: str) -> tuple[str, str]:
    rng = random.Random(f"meta:{marker}")
    return f"soak.{marker}", f"waarde {marker}: " + "é" * rng.randint(0, 40)


def marker_of(text: str) -> str | None:
    """The marker embedded in a family name or contact note, if any."""
    start = text.find("[")
    ends = [i for i in (text.find("#", start), text.find("]", start)) if i >= 0]
    if start < 0 or not ends:
        return None
    return text[start + 1 : min(ends)]


# -- the child -----------------------------------------------------------------------------
def emit(**fields: Any) -> None:
    sys.stdout.write(json.dumps(fields, sort_keys=True) + "\n")
    sys.stdout.flush()


def pause(point: str) -> None:
    """Report where we are and block until the parent kills us."""
    emit(op="paused", at=point)
    sys.stdin.readline()
    sys.exit(5)  # the parent closed stdin instead of killing: a test bug


def run_writes(store_dir: Path, passphrase: str, seed: int, tag: str) -> None:
    rng = random.Random(seed)
    emit(op="opening")
    store = CaseStore.open(store_dir, passphrase)
    trajects = [summary.traject_id for summary in list_case_summaries(store)]
    emit(op="ready", known_trajects=len(trajects))
    deadline = time.monotonic() + MAX_SECONDS
    index = 0
    while time.monotonic() < deadline:
        index += 1
        marker = f"{tag}-{index:05d}"
        roll = rng.random()
        if not trajects or roll < 0.35:
            family, traject = family_for(marker)
            family_id, traject_id = create_family(store, family, traject)
            trajects.append(traject_id)
            emit(op="family", marker=marker, family_id=family_id, traject_id=traject_id)
        elif roll < 0.75:
            traject_id = rng.choice(trajects)
            add_contacts(store, traject_id, contacts_for(marker))
            emit(op="contacts", marker=marker, traject_id=traject_id)
        elif roll < 0.93:
            key, value = meta_for(marker)
            store.set_meta(key, value)
            store.set_meta(LAST_META_KEY, marker)  # an overwrite of the same row every time
            emit(op="meta", marker=marker, key=key, value=value)
        elif roll < 0.97:
            store.checkpoint()
            emit(op="checkpoint")
        else:
            store.close()  # what the app does when the coach locks the file
            store = CaseStore.open(store_dir, passphrase)
            emit(op="reopened")
    store.close()
    emit(op="timeout")
    sys.exit(3)


def install_pause_hooks(point: str) -> dict[str, bool]:
    """Block inside ``CaseStore._switch_to`` right after the header rename or the old file's removal."""
    state = {"armed": False, "header_saved": False}
    original_save = KeyHeader.save
    original_remove = case_store_module.remove_db_files

    def save(self: KeyHeader, store_dir: Path) -> None:
        original_save(self, store_dir)
        if state["armed"]:
            state["header_saved"] = True
            if point == "header_saved":
                pause(point)

    def remove_db_files(db_path: Path) -> None:
        original_remove(db_path)
        if state["header_saved"] and point == "old_removed":
            pause(point)

    KeyHeader.save = save  # type: ignore[method-assign]
    case_store_module.remove_db_files = remove_db_files
    return state


def run_rekey(store_dir: Path, passphrase: str, point: str) -> None:
    emit(op="opening")
    store = CaseStore.open(store_dir, passphrase)
    emit(op="ready", db_file=store.header.db_file)
    if point == "loop":
        # Re-key over and over: a kill at a random moment lands inside a re-key almost surely.
        deadline = time.monotonic() + MAX_SECONDS
        while time.monotonic() < deadline:
            emit(op="rekey_start", db_file=store.header.db_file)
            store.rekey(passphrase)
            emit(op="rekeyed", db_file=store.header.db_file)
        store.close()
        sys.exit(3)
    if point not in REKEY_POINTS:
        raise SystemExit(f"unknown point {point}")
    state = install_pause_hooks(point)

    def progress(done: int, total: int) -> None:
        if (point, done) in (("after_export", 1), ("before_switch", 2)):
            pause(point)

    emit(op="rekey_start", db_file=store.header.db_file)
    state["armed"] = True
    store.rekey(passphrase, progress=progress)
    emit(op="rekeyed", db_file=store.header.db_file)
    sys.exit(4)  # never paused: the hook did not fire


def main(argv: list[str]) -> None:
    passphrase = os.environ[PASSPHRASE_ENV]
    mode, store_dir = argv[0], Path(argv[1])
    if mode == "write":
        run_writes(store_dir, passphrase, int(argv[2]), argv[3])
    elif mode == "rekey":
        run_rekey(store_dir, passphrase, argv[2])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
