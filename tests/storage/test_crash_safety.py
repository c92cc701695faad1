"""Crash safety: a child process writes to the store and is SIGKILLed at a random moment.

The child (tests/storage/crash_writer.py) reports every record on stdout only after its
transaction committed. After each kill the parent reopens the store and checks that

* every reported record is there with exactly the content the child wrote,
* no transaction is half there (a family without all its members, part of a contact batch,
  data without its audit rows),
* ``verify()`` (cipher_integrity_check, integrity_check, foreign_key_check) is clean,
* the store opens cleanly a second time.

The trials share one store, so later children write on top of a store that crashed before.
``MPG_SOAK_TRIALS`` sets the number of trials (``make soak``: 50), ``MPG_SOAK_SEED`` the seed.
"""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mpg_desktop.models.household import Person
from mpg_desktop.storage.case_store import CaseStore, db_file_name, generation_of
from mpg_desktop.storage.cases_repository import (
    add_contacts,
    create_family,
    list_contacts,
    load_family,
    load_traject,
)
from mpg_desktop.storage.errors import WrongRecoveryCode
from mpg_desktop.storage.tables import AuditEntry, ContactRow, FamilyRow, PersonRow, StoreMeta, TrajectRow
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.storage.crash_writer import (
    LAST_META_KEY,
    PASSPHRASE_ENV,
    REKEY_POINTS,
    contacts_for,
    family_for,
    marker_of,
    meta_for,
)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

TRIALS = int(os.environ.get("MPG_SOAK_TRIALS", "20"))
SEED = int(os.environ.get("MPG_SOAK_SEED", "20260"))
REPO_ROOT = Path(__file__).resolve().parents[2]
LINE_TIMEOUT = 30.0  # generous: only hit when the child hangs or dies
WRITE_OPS = ("family", "contacts", "meta")


# -- the child process -------------------------------------------------------------------
class Child:
    """A crash_writer process whose stdout is read line by line without blocking forever."""

    def __init__(self, args: list[str], log_dir: Path, name: str) -> None:
        self.stderr_path = log_dir / f"{name}.stderr"
        env = dict(os.environ, **{PASSPHRASE_ENV: PASSPHRASE})
        with self.stderr_path.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.storage.crash_writer", *args],
                cwd=REPO_ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
            )
        assert self.proc.stdout is not None
        self._fd = self.proc.stdout.fileno()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._fd, selectors.EVENT_READ)
        self._buffer = b""
        self.eof = False
        self.lines: list[dict[str, Any]] = []

    def describe(self) -> str:
        return (
            f"exit code {self.proc.poll()}, {len(self.lines)} lines, last {self.lines[-3:]}\n"
            f"stderr:\n{self.stderr_path.read_text(errors='replace')[-3000:]}"
        )

    def _pump(self, timeout: float | None) -> None:
        if self.eof or not self._selector.select(timeout):
            return
        data = os.read(self._fd, 1 << 16)
        if not data:
            self.eof = True
            return
        self._buffer += data
        *complete, self._buffer = self._buffer.split(b"\n")
        # A line without its newline was not fully reported; it is never counted.
        self.lines.extend(json.loads(line) for line in complete)

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + LINE_TIMEOUT
        while not condition():
            remaining = deadline - time.monotonic()
            if self.eof or remaining <= 0:
                pytest.fail(f"child never reached {what}: {self.describe()}")
            self._pump(remaining)

    def writes(self) -> int:
        return sum(1 for line in self.lines if line["op"] in WRITE_OPS)

    def keep_reading_for(self, seconds: float) -> None:
        """Let the child run for ``seconds`` (the random kill moment) while reading its lines."""
        deadline = time.monotonic() + seconds
        while not self.eof and (remaining := deadline - time.monotonic()) > 0:
            self._pump(remaining)

    def kill(self) -> list[dict[str, Any]]:
        """SIGKILL, then every line the child wrote before it died."""
        assert self.proc.poll() is None, f"child ended before the kill: {self.describe()}"
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=LINE_TIMEOUT)
        while not self.eof:
            self._pump(None)
        assert self.proc.returncode == -signal.SIGKILL, self.describe()
        return self.lines

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._selector.close()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


@contextmanager
def child(args: list[str], log_dir: Path, name: str) -> Iterator[Child]:
    process = Child(args, log_dir, name)
    try:
        yield process
    finally:
        process.close()


# -- what the children reported, and what the store holds --------------------------------
@dataclass
class Ledger:
    """Every record reported as committed, by marker."""

    families: dict[str, tuple[int, int]] = field(default_factory=dict)  # marker -> (family, traject)
    contacts: dict[str, int] = field(default_factory=dict)  # marker -> traject id
    meta: dict[str, str] = field(default_factory=dict)
    last_meta_marker: str = ""

    def record(self, line: dict[str, Any]) -> None:
        if line["op"] == "family":
            self.families[line["marker"]] = (line["family_id"], line["traject_id"])
        elif line["op"] == "contacts":
            self.contacts[line["marker"]] = line["traject_id"]
        elif line["op"] == "meta":
            self.meta[line["key"]] = line["value"]
            self.last_meta_marker = max(self.last_meta_marker, line["marker"])

    def size(self) -> int:
        return len(self.families) + len(self.contacts) + len(self.meta)


def member_tuple(person: Person | PersonRow) -> tuple[Any, ...]:
    sex = getattr(person.sex, "value", person.sex)
    role = getattr(person.role, "value", person.role)
    return (
        person.first_name,
        person.surname,
        person.birth_date,
        person.birth_date_estimated,
        sex,
        role,
        person.lives_in_household,
        person.school_work,
    )


@dataclass
class Snapshot:
    families: dict[int, str]
    members: dict[int, list[tuple[Any, ...]]]
    trajects: dict[int, tuple[Any, ...]]  # id -> (family id, referral, phase, profile, case number)
    contacts: dict[str, list[tuple[Any, ...]]]  # marker -> [(traject id, date, kind, minutes, note)]
    meta: dict[str, str]
    audited: dict[str, list[int | None]]  # record type -> ids with a "create" audit row


def take_snapshot(store: CaseStore) -> Snapshot:
    with store.session() as session:
        families = {row.id: row.name for row in session.scalars(select(FamilyRow))}
        members: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for person in session.scalars(select(PersonRow).order_by(PersonRow.id)):
            members[person.family_id].append(member_tuple(person))
        trajects = {
            row.id: (row.family_id, row.referral_date, row.phase, row.programme_profile, row.case_number)
            for row in session.scalars(select(TrajectRow))
        }
        contacts: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in session.scalars(select(ContactRow).order_by(ContactRow.id)):
            key = marker_of(row.note) or f"<no marker: contact {row.id}>"
            contacts[key].append((row.traject_id, row.contact_date, row.kind, row.duration_minutes, row.note))
        meta = {row.key: row.value for row in session.scalars(select(StoreMeta))}
        audited: dict[str, list[int | None]] = defaultdict(list)
        for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == "create")):
            audited[entry.record_type].append(entry.record_id)
    return Snapshot(families, members, trajects, contacts, meta, audited)


def expected_contacts(marker: str, traject_id: int) -> list[tuple[Any, ...]]:
    return [(traject_id, c.contact_date, c.kind, c.duration_minutes, c.note) for c in contacts_for(marker)]


def check_contents(store: CaseStore, ledger: Ledger, context: str) -> Snapshot:
    """Every reported record with its content, and no half-committed transaction."""
    snap = take_snapshot(store)
    for marker, (family_id, traject_id) in ledger.families.items():
        family, traject = family_for(marker)
        assert snap.families.get(family_id) == family.name, f"{context}: family {marker} lost"
        assert snap.members[family_id] == [member_tuple(p) for p in family.members], f"{context}: {marker}"
        stored = snap.trajects.get(traject_id)
        assert stored is not None, f"{context}: traject of {marker} lost"
        assert stored[:4] == (family_id, traject.referral_date, traject.phase.value, traject.programme_profile)
    for marker, traject_id in ledger.contacts.items():
        assert snap.contacts.get(marker) == expected_contacts(marker, traject_id), f"{context}: contacts {marker}"
    for key, value in ledger.meta.items():
        assert snap.meta.get(key) == value, f"{context}: meta {key} lost"
    assert snap.meta.get(LAST_META_KEY, "") >= ledger.last_meta_marker, f"{context}: {LAST_META_KEY} went back"

    # All or nothing: whatever is in the store (reported or not) is a whole transaction.
    trajects_of: dict[int, list[int]] = defaultdict(list)
    for traject_id, (family_id, *_rest) in snap.trajects.items():
        trajects_of[family_id].append(traject_id)
    for family_id, name in snap.families.items():
        marker = marker_of(name)
        assert marker is not None, f"{context}: family {family_id} {name!r} was not written by the test"
        family, _ = family_for(marker)
        assert name == family.name
        assert snap.members[family_id] == [member_tuple(p) for p in family.members], f"{context}: half family"
        assert len(trajects_of[family_id]) == 1, f"{context}: family {marker} without its traject"
    assert set(snap.members) <= set(snap.families), f"{context}: members without a family"
    for marker, rows in snap.contacts.items():
        assert rows == expected_contacts(marker, rows[0][0]), f"{context}: half a contact batch {marker}"
    for key, value in snap.meta.items():
        if key.startswith("soak.") and key != LAST_META_KEY:
            assert (key, value) == meta_for(key.removeprefix("soak.")), f"{context}: meta {key}"
    # The audit rows commit in the same transaction as the data they describe.
    assert sorted(snap.audited["families"]) == sorted(snap.families), f"{context}: audit out of step"
    assert len(snap.audited["contacts"]) == sum(len(rows) for rows in snap.contacts.values())
    assert len(snap.audited["persons"]) == sum(len(rows) for rows in snap.members.values())
    return snap


def check_after_crash(store_dir: Path, ledger: Ledger, context: str, fresh: list[str] | None = None) -> Snapshot:
    """Reopen, check contents and integrity, close, and reopen once more."""
    store = CaseStore.open(store_dir, PASSPHRASE)
    try:
        report = store.verify()
        assert report.ok, f"{context}: {report.problems}"
        snap = check_contents(store, ledger, context)
        # The repository's own read path for the records this child reported.
        for marker in fresh or []:
            if marker in ledger.families:
                family_id, traject_id = ledger.families[marker]
                family, traject = family_for(marker)
                loaded = load_family(store, family_id)
                assert (loaded.name, tuple(replace(p, id=None) for p in loaded.members)) == (
                    family.name,
                    family.members,
                )
                stored = load_traject(store, traject_id)
                assert (stored.referral_date, stored.phase, stored.case_number != "") == (
                    traject.referral_date,
                    traject.phase,
                    True,
                )
            if marker in ledger.contacts:
                notes = {c.note for c in list_contacts(store, ledger.contacts[marker])}
                assert {c.note for c in contacts_for(marker)} <= notes
        only_current = {p.name.split(".db")[0] for p in store_dir.glob("case-store-*.db*")}
        assert only_current == {store.header.db_file.removesuffix(".db")}, f"{context}: stray database files"
    finally:
        store.close()
    again = CaseStore.open(store_dir, PASSPHRASE)
    try:
        assert again.verify().ok, context
        assert again.count("families") == len(snap.families)
        assert again.count("contacts") == sum(len(rows) for rows in snap.contacts.values())
    finally:
        again.close()
    return snap


def new_store(store_dir: Path) -> str:
    store, recovery_code = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF, use_device_secret=False)
    store.close()
    return recovery_code


def seed_store(store_dir: Path, ledger: Ledger, families: int) -> None:
    """Committed data written by the parent itself (the 'before' of a re-key)."""
    store = CaseStore.open(store_dir, PASSPHRASE)
    try:
        for index in range(families):
            marker = f"seed-{index:05d}"
            family, traject = family_for(marker)
            ids = create_family(store, family, traject)
            ledger.families[marker] = ids
            for batch in range(3):
                contacts_marker = f"seed-{index:05d}c{batch}"
                add_contacts(store, ids[1], contacts_for(contacts_marker))
                ledger.contacts[contacts_marker] = ids[1]
        key, value = meta_for("seed-meta")
        store.set_meta(key, value)
        ledger.meta[key] = value
    finally:
        store.close()


# -- the tests ---------------------------------------------------------------------------
def test_sigkill_while_writing_loses_no_committed_record(store_dir: Path, tmp_path: Path) -> None:
    assert TRIALS >= 1
    new_store(store_dir)
    rng = random.Random(SEED)
    ledger = Ledger()
    killed_mid_stream = 0
    for trial in range(TRIALS):
        context = f"trial {trial} (MPG_SOAK_SEED={SEED})"
        with child(
            ["write", str(store_dir), str(rng.randrange(1 << 30)), f"t{trial:03d}"], tmp_path, f"writer-{trial}"
        ) as writer:
            if rng.random() < 0.15:
                # Kill while the store is being opened (WAL recovery, stray-file cleanup).
                writer.wait_until(lambda: any(line["op"] == "opening" for line in writer.lines), "opening")
                writer.keep_reading_for(rng.uniform(0.0, 0.15))
            else:
                target = rng.randint(0, 25)
                writer.wait_until(lambda: writer.writes() >= target, f"{target} writes")  # noqa: B023
                writer.keep_reading_for(rng.uniform(0.0, 0.04))
            lines = writer.kill()
        fresh = []
        for line in lines:
            ledger.record(line)
            if line["op"] in WRITE_OPS:
                fresh.append(line["marker"])
        killed_mid_stream += bool(fresh)
        check_after_crash(store_dir, ledger, context, fresh)
    # The run exercised what it claims: many kills landed between committed writes.
    assert killed_mid_stream >= TRIALS // 2
    assert len(ledger.families) >= TRIALS // 2 and ledger.contacts and ledger.meta


def rekey_child_setup(store_dir: Path, families: int) -> tuple[Ledger, str]:
    recovery_code = new_store(store_dir)
    ledger = Ledger()
    seed_store(store_dir, ledger, families)
    return ledger, recovery_code


@pytest.mark.parametrize("point", REKEY_POINTS)
def test_sigkill_during_rekey_keeps_store_and_data(point: str, store_dir: Path, tmp_path: Path) -> None:
    """Kill inside ``CaseStore.rekey`` at each step around the commit point (the header rename)."""
    ledger, old_code = rekey_child_setup(store_dir, families=8)
    with child(["rekey", str(store_dir), point], tmp_path, f"rekey-{point}") as rekeying:
        rekeying.wait_until(lambda: any(line["op"] == "paused" for line in rekeying.lines), point)
        lines = rekeying.kill()
    assert [line["at"] for line in lines if line["op"] == "paused"] == [point]
    assert not any(line["op"] == "rekeyed" for line in lines)
    committed = point in ("header_saved", "old_removed")  # the header already names the new file
    expected_file = db_file_name(2 if committed else 1)
    assert (store_dir / expected_file).exists()

    check_after_crash(store_dir, ledger, f"rekey killed at {point}")
    store = CaseStore.open(store_dir, PASSPHRASE)
    assert store.header.db_file == expected_file
    # The re-key finished or never happened: a finished one retired the old recovery code.
    store.close()
    if committed:
        with pytest.raises(WrongRecoveryCode):
            CaseStore.open_with_recovery_code(store_dir, old_code, "nieuwe lange wachtwoordzin 1")
    else:
        CaseStore.open_with_recovery_code(store_dir, old_code, PASSPHRASE).close()
    # And the store re-keys fine afterwards.
    store = CaseStore.open(store_dir, PASSPHRASE)
    store.rekey(PASSPHRASE)
    assert generation_of(store.header.db_file) == generation_of(expected_file) + 1
    store.close()
    check_after_crash(store_dir, ledger, f"re-key after the kill at {point}")


def test_sigkill_at_random_moments_of_repeated_rekeys(store_dir: Path, tmp_path: Path) -> None:
    ledger, _ = rekey_child_setup(store_dir, families=25)
    rng = random.Random(SEED + 1)
    for trial in range(3):
        with child(["rekey", str(store_dir), "loop"], tmp_path, f"rekey-loop-{trial}") as rekeying:
            target = rng.randint(1, 3)
            rekeying.wait_until(
                lambda: sum(line["op"] == "rekey_start" for line in rekeying.lines) >= target,  # noqa: B023
                f"{target} re-keys",
            )
            rekeying.keep_reading_for(rng.uniform(0.0, 0.12))
            lines = rekeying.kill()
        reported = [generation_of(line["db_file"]) for line in lines if line["op"] in ("ready", "rekeyed")]
        check_after_crash(store_dir, ledger, f"re-key loop {trial}")
        store = CaseStore.open(store_dir, PASSPHRASE)
        generation = generation_of(store.header.db_file)
        store.close()
        # The last reported re-key is durable; at most the one in flight completed unreported.
        assert reported[-1] <= generation <= reported[-1] + 1


_RESTORE_CHILD = """
import os, signal, sys
from pathlib import Path
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.key_header import KeyHeader
from mpg_desktop.storage.backup import restore_backup
store_dir, backup, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
store = CaseStore.open(store_dir, os.environ["MPG_CRASH_PASSPHRASE"])
original = KeyHeader.save_file
def save_file(self, path):
    original(self, path)
    if path.name == point:  # crash right after this file was renamed into place
        os.kill(os.getpid(), signal.SIGKILL)
KeyHeader.save_file = save_file
restore_backup(store, backup)
"""


@pytest.mark.parametrize("point", ["previous-keys.json", "keys.json"])
def test_sigkill_during_restore_keeps_later_work_recoverable(point: str, store_dir: Path, tmp_path: Path) -> None:
    """Whatever moment a restore dies at, the work done after the backup is not lost."""
    from mpg_desktop.models.household import Family
    from mpg_desktop.models.traject import Traject
    from mpg_desktop.storage.backup import create_backup
    from mpg_desktop.storage.cases_repository import create_family, list_case_summaries

    store, _ = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF, use_device_secret=False)
    create_family(store, Family("Voor de back-up"), Traject(date(2026, 1, 1)))
    backup = create_backup(store, tmp_path)
    create_family(store, Family("Na de back-up"), Traject(date(2026, 1, 2)))
    store.close()
    child = subprocess.run(
        [sys.executable, "-c", _RESTORE_CHILD, str(store_dir), str(backup), point],
        env={**os.environ, PASSPHRASE_ENV: PASSPHRASE},
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL

    reopened = CaseStore.open(store_dir, PASSPHRASE)
    try:
        names = sorted(case.family_name for case in list_case_summaries(reopened))
        if point == "keys.json":  # the restore had committed: later work is the undo copy
            assert names == ["Voor de back-up"]
            assert reopened.can_undo_restore()
            reopened.undo_restore()
            names = sorted(case.family_name for case in list_case_summaries(reopened))
        assert names == ["Na de back-up", "Voor de back-up"]
        assert reopened.verify().ok
    finally:
        reopened.close()
