"""What encryption costs the case store: SQLCipher against plain SQLite on the same code path.

Both sides are real ``CaseStore`` objects with the same schema (the Alembic migrations), the
same SQLAlchemy engine and pool, and the same repository functions. The only difference is the
class attribute ``CaseStore.connect`` that opens each connection:

* A, ``CaseStore``: ``connect_cipher`` from ``mpg_desktop.storage.engine`` (sqlcipher3, keyed);
* B, ``PlainSQLiteStore``: ``connect_plain`` below (the standard ``sqlite3`` module, unkeyed,
  the same pragmas as ``connect_cipher`` minus the cipher ones).

Measured, interleaved round by round on two stores that grow side by side:

(a) creating cases (``create_family`` + ``add_contacts``, one transaction each, as the app does);
(b) opening a random existing case (``load_family`` + ``load_traject`` + ``list_contacts``);
(c) the case list (``list_case_summaries``) over all cases.

The passphrase KDF is excluded from these ratios: both stores are created with a tiny Argon2id
(``BENCH_KDF``). The production KDF is timed on its own by ``kdf_unlock``.

Run on its own, ``python -m bench.store_bench --variant no-memsec|unkeyed --json`` measures a
diagnostic cipher side in a fresh process (``python -m bench --diagnose`` does this for you); a
fresh process is needed because ``PRAGMA cipher_memory_security = ON`` cannot be turned off
again in a process once any connection has turned it on.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

import sqlcipher3
from sqlalchemy import event, text

from bench import BenchOptions, Result, format_report, interleave, progress, time_call
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.phases import Phase
from mpg_desktop.models.traject import CONTACT_KINDS, Contact, Traject
from mpg_desktop.storage.case_store import CaseStore, db_file_name
from mpg_desktop.storage.cases_repository import (
    add_contacts,
    create_family,
    list_case_summaries,
    list_contacts,
    load_family,
    load_traject,
)
from mpg_desktop.storage.demo_data import demo_names
from mpg_desktop.storage.engine import key_pragma
from mpg_desktop.storage.key_header import KeyHeader
from mpg_desktop.storage.key_wrapping import KdfParams, new_data_key, wipe
from mpg_desktop.storage.recovery_code import new_recovery_code

TARGET = 1.20  # from the issue: SQLCipher / plain SQLite <= 1.20x
PASSPHRASE = "bench keukentafel zonder verbinding 42"
# Argon2id at a negligible cost, so that store creation in the ratios is not a KDF benchmark.
BENCH_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
SQLITE_MAGIC = b"SQLite format 3\x00"
MARKER = b"Familie "  # every family name starts with it; must be readable in plain files only


@dataclass(frozen=True)
class Scale:
    cases: int  # cases created in each store
    chunk: int  # cases per round of (a)
    open_rounds: int
    opens_per_round: int
    list_rounds: int
    kdf_runs: int


FULL = Scale(cases=1000, chunk=50, open_rounds=11, opens_per_round=200, list_rounds=15, kdf_runs=5)
QUICK = Scale(cases=100, chunk=25, open_rounds=3, opens_per_round=50, list_rounds=3, kdf_runs=2)


# -- the stores ----------------------------------------------------------------------------


def connect_plain(path: Path, data_key: bytearray) -> sqlite3.Connection:
    """``connect_cipher`` without the cipher: the standard ``sqlite3`` module, same pragmas.

    Same steps in the same order as ``connect_cipher`` (including its first read), minus
    ``PRAGMA key`` and ``PRAGMA cipher_memory_security``; ``data_key`` is ignored.
    """
    conn = sqlite3.connect(str(path), check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
    except Exception:
        conn.close()
        raise
    return conn


class PlainSQLiteStore(CaseStore):
    """The case store on an unencrypted SQLite file: the baseline of every ratio.

    Only the engine's connections change. ``raw_connection``/``verify``/backups still call
    ``connect_cipher`` directly, so do not use those on this store.
    """

    connect = staticmethod(connect_plain)


# Diagnostic cipher sides. They copy connect_cipher's steps; keep them in step with engine.py.


def connect_cipher_without_memory_security(path: Path, data_key: bytearray) -> sqlcipher3.Connection:
    """``connect_cipher`` minus ``PRAGMA cipher_memory_security = ON`` (diagnostic only)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        conn.execute(key_pragma(data_key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
    except Exception:
        conn.close()
        raise
    return conn


def connect_sqlcipher_unkeyed(path: Path, data_key: bytearray) -> sqlcipher3.Connection:
    """sqlcipher3's own SQLite build with no key: separates "other SQLite build" from "encryption"."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
    except Exception:
        conn.close()
        raise
    return conn


class CipherWithoutMemorySecurityStore(CaseStore):
    connect = staticmethod(connect_cipher_without_memory_security)


class UnkeyedSQLCipherStore(CaseStore):
    connect = staticmethod(connect_sqlcipher_unkeyed)


@dataclass(frozen=True)
class Variant:
    store: type[CaseStore]
    label: str
    encrypted: bool
    description: str


VARIANTS: dict[str, Variant] = {
    "production": Variant(CaseStore, "SQLCipher", True, "CaseStore as shipped (connect_cipher)"),
    "no-memsec": Variant(
        CipherWithoutMemorySecurityStore,
        "SQLCipher-nomemsec",
        True,
        "connect_cipher without PRAGMA cipher_memory_security = ON",
    ),
    "unkeyed": Variant(
        UnkeyedSQLCipherStore, "sqlcipher3-unkeyed", False, "sqlcipher3's SQLite build, no key, no cipher"
    ),
}
BASELINE = Variant(PlainSQLiteStore, "plain", False, "standard sqlite3 module, same pragmas")


# -- synthetic cases -----------------------------------------------------------------------

_FIRST_NAMES = [
    "Sanne", "Emre", "Lotte", "Fatima", "Daan", "Noah", "Yasmina", "Milan", "Eva", "Mohamed",
    "Julia", "Sem", "Aylin", "Bram", "Naomi", "Rayan", "Tess", "Finn", "Shanti", "Kevin",
]  # fmt: skip
_NOTES = [
    "Huisbezoek: samen de post doorgenomen, afspraak gemaakt met de schuldhulp.",
    "Telefonisch contact met moeder over de schoolgang van de jongste.",
    "Gesprek met het gezin over wie ze om hulp kunnen vragen.",
    "Doelen in eigen woorden opgeschreven aan de keukentafel.",
    "Overleg met de woningcorporatie over de huurachterstand; betalingsregeling besproken.",
    "Vader vertelt dat het beter gaat op zijn werk.",
    "Kinderen waren aanwezig; sfeer rustig.",
    "",
]
_PLANNED = (Phase.UITVOERING, Phase.AFRONDING, Phase.NAZORG, Phase.AFGESLOTEN)


@dataclass(frozen=True)
class CaseData:
    family: Family
    traject: Traject
    contacts: tuple[Contact, ...]


def make_cases(count: int, seed: int = 2026) -> list[CaseData]:
    """``count`` reproducible cases: a household of 3 to 6, a traject and 20 contacts each."""
    rng = random.Random(seed)
    today = date(2026, 3, 1)
    phases = list(Phase)
    cases = []
    for _ in range(count):
        mother, father = rng.choice(demo_names().surnames), rng.choice(demo_names().surnames)
        size = rng.randint(3, 6)
        members = [Person(rng.choice(_FIRST_NAMES), mother, date(1985, 1, 1) + timedelta(rng.randint(0, 4000)),
                          Role.MOEDER, Sex.VROUW)]  # fmt: skip
        if rng.random() < 0.5:
            members.append(Person(rng.choice(_FIRST_NAMES), father, date(1982, 1, 1) + timedelta(rng.randint(0, 4000)),
                                  Role.VADER, Sex.MAN, lives_in_household=rng.random() < 0.7))  # fmt: skip
        while len(members) < size:
            members.append(
                Person(
                    rng.choice(_FIRST_NAMES),
                    rng.choice([mother, father, father]),
                    date(2008, 1, 1) + timedelta(rng.randint(0, 6000)),
                    Role.KIND,
                    rng.choice([Sex.MAN, Sex.VROUW, Sex.ANDERS]),
                    birth_date_estimated=rng.random() < 0.05,
                    school_work=rng.choice(["basisschool", "vmbo", "havo", ""]),
                )
            )
        surnames = list(dict.fromkeys(person.surname for person in members))
        family = Family(name="Familie " + " / ".join(surnames[:2]), members=tuple(members))
        referral = today - timedelta(days=rng.randint(0, 900))
        phase = rng.choice(phases)
        signed = referral + timedelta(days=rng.randint(60, 100)) if phase in _PLANNED else None
        traject = Traject(
            referral_date=referral,
            phase=phase,
            plan_signed_on=signed,
            last_evaluation_on=signed + timedelta(days=91) if signed and rng.random() < 0.5 else None,
            closed_on=today if phase.is_terminal else None,
        )
        contacts = tuple(
            Contact(
                contact_date=referral + timedelta(days=7 * (n + 1)),
                kind=rng.choice(list(CONTACT_KINDS)),
                duration_minutes=rng.choice([15, 30, 45, 60, 90]),
                note=rng.choice(_NOTES),
            )
            for n in range(20)
        )
        cases.append(CaseData(family, traject, contacts))
    return cases


# -- one side of a comparison --------------------------------------------------------------


class Side:
    """One store under test, with the ids of the cases created in it, in creation order."""

    def __init__(self, variant: Variant, root: Path) -> None:
        self.variant = variant
        self.store, _recovery = variant.store.create(
            root / variant.label, PASSPHRASE, kdf=BENCH_KDF, use_device_secret=False
        )
        self.ids: list[tuple[int, int]] = []  # (family id, traject id)
        self.connections_opened = 0
        # Counting new pool connections shows whether connection churn plays a part.
        assert self.store._engine is not None
        event.listen(self.store._engine, "connect", self._count_connection)

    def _count_connection(self, *_args: object) -> None:
        self.connections_opened += 1

    def create_cases(self, cases: list[CaseData]) -> None:
        for case in cases:
            family_id, traject_id = create_family(self.store, case.family, case.traject)
            add_contacts(self.store, traject_id, list(case.contacts))
            self.ids.append((family_id, traject_id))

    def open_cases(self, picks: list[int]) -> None:
        for index in picks:
            family_id, traject_id = self.ids[index]
            load_family(self.store, family_id)
            load_traject(self.store, traject_id)
            list_contacts(self.store, traject_id)

    def list_cases(self) -> None:
        summaries = list_case_summaries(self.store)
        if len(summaries) != len(self.ids):
            raise AssertionError(f"{self.variant.label}: {len(summaries)} summaries for {len(self.ids)} cases")

    def check_file(self, *, with_data: bool) -> None:
        """The database file is encrypted exactly when the variant says so."""
        self.store.checkpoint()  # fold the WAL in, so the main file holds everything
        content = self.store.db_path.read_bytes()
        plain_header = content.startswith(SQLITE_MAGIC)
        if self.variant.encrypted and plain_header:
            raise AssertionError(f"{self.variant.label}: file starts with the plain SQLite header")
        if not self.variant.encrypted and not plain_header:
            raise AssertionError(f"{self.variant.label}: file is not a plain SQLite file")
        if with_data and (MARKER in content) != (not self.variant.encrypted):
            raise AssertionError(f"{self.variant.label}: case data readable={MARKER in content}")

    def settings(self) -> dict[str, str]:
        """What the engine's connections actually run with (read through a normal session)."""
        names = ["page_size", "cache_size", "journal_mode", "synchronous", "secure_delete"]
        if self.variant.encrypted:
            names += ["cipher_version", "cipher_page_size", "cipher_memory_security", "cipher_provider_version"]
        found = {}
        with self.store.session() as session:
            found["sqlite"] = str(session.execute(text("SELECT sqlite_version()")).scalar_one())
            for name in names:
                found[name] = str(session.execute(text(f"PRAGMA {name}")).scalar())
        return found


def _filesystem(path: Path) -> str:
    """The type of the filesystem holding ``path`` (fsync costs differ a lot), where knowable."""
    best, kind = "", "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/mounts").read_text().splitlines():
            fields = line.split()
            if len(fields) > 2 and path.is_relative_to(fields[1]) and len(fields[1]) > len(best):
                best, kind = fields[1], fields[2]
    return kind


@contextlib.contextmanager
def _scratch(options: BenchOptions) -> Iterator[Path]:
    workdir = options.workdir or os.environ.get("MPG_BENCH_DIR") or None
    root = Path(tempfile.mkdtemp(prefix="mpg-bench-", dir=workdir))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


# -- the benchmarks ------------------------------------------------------------------------


def storage_ratios(options: BenchOptions, variant: str = "production") -> list[Result]:
    """(a), (b) and (c): ``variant``'s store (A) against ``PlainSQLiteStore`` (B)."""
    scale = QUICK if options.quick else FULL
    cases = make_cases(scale.cases)
    cipher_variant = VARIANTS[variant]
    with _scratch(options) as root:
        a, b = Side(cipher_variant, root), Side(BASELINE, root)
        try:
            return _measure(scale, cases, a, b, root)
        finally:
            a.store.close()
            b.store.close()


def _measure(scale: Scale, cases: list[CaseData], a: Side, b: Side, root: Path) -> list[Result]:
    la, lb = a.variant.label, b.variant.label
    a.check_file(with_data=False)
    b.check_file(with_data=False)
    connections_before = (a.connections_opened, b.connections_opened)

    # (a) create: both stores grow by the same chunk of the same cases in each round.
    chunks = [cases[i : i + scale.chunk] for i in range(0, len(cases), scale.chunk)]
    create_a, create_b = interleave(
        len(chunks),
        lambda r: a.create_cases(chunks[r]),
        lambda r: b.create_cases(chunks[r]),
        on_round=lambda r: progress(f"storage ({la}): create round {r + 1}/{len(chunks)}"),
    )
    a.check_file(with_data=True)  # also checkpoints, so (b) and (c) start with empty WALs
    b.check_file(with_data=True)
    if a.ids != b.ids:
        raise AssertionError("the two stores gave different ids to the same cases")

    # (b) open a random existing case; the same random picks on both sides of a round.
    rng = random.Random(7)
    picks = [[rng.randrange(len(cases)) for _ in range(scale.opens_per_round)] for _ in range(scale.open_rounds + 1)]
    progress(f"storage ({la}): open-case warm-up")
    a.open_cases(picks[-1])
    b.open_cases(picks[-1])
    open_a, open_b = interleave(
        scale.open_rounds,
        lambda r: a.open_cases(picks[r]),
        lambda r: b.open_cases(picks[r]),
        on_round=lambda r: progress(f"storage ({la}): open round {r + 1}/{scale.open_rounds}"),
    )

    # (c) the case list.
    a.list_cases()
    b.list_cases()
    progress(f"storage ({la}): case list, {scale.list_rounds} rounds")
    list_a, list_b = interleave(scale.list_rounds, lambda r: a.list_cases(), lambda r: b.list_cases())

    churn = (a.connections_opened - connections_before[0], b.connections_opened - connections_before[1])
    sa, sb = a.settings(), b.settings()
    size_mb = a.store.db_path.stat().st_size / 1e6, b.store.db_path.stat().st_size / 1e6
    row = functools.partial(Result, a_label=la, b_label=lb, target=TARGET)
    n = len(cases)
    return [
        row(
            f"(a) create {n:,} cases",
            create_a,
            create_b,
            sample=f"{scale.chunk} cases",
            notes=(
                f"(a): all {n:,} cases: {la} {sum(create_a):.2f} s, {lb} {sum(create_b):.2f} s in total; "
                f"one round = the next {scale.chunk} cases (create_family + add_contacts(20), 2 commits each) "
                "on both stores",
            ),
        ),
        row(
            "(b) open one case",
            open_a,
            open_b,
            sample=f"{scale.opens_per_round} opens",
            notes=(
                "(b): one open = load_family + load_traject + list_contacts of a random case; after one warm-up "
                f"round; per open {la} {statistics.median(open_a) / scale.opens_per_round * 1000:.2f} ms, "
                f"{lb} {statistics.median(open_b) / scale.opens_per_round * 1000:.2f} ms",
            ),
        ),
        row(
            f"(c) case list of {n:,}",
            list_a,
            list_b,
            sample="1 list",
            notes=(
                f"storage: KDF excluded from the ratios: both stores use KdfParams(memory_kib={BENCH_KDF.memory_kib}, "
                f"iterations={BENCH_KDF.iterations}, lanes={BENCH_KDF.lanes}), use_device_secret=False; "
                f"{la} = {a.variant.description}; {lb} = {b.variant.description}",
                f"storage: files checked: {la} {_file_kind(a)}, {lb} {_file_kind(b)}; "
                f"sizes {size_mb[0]:.1f} MB / {size_mb[1]:.1f} MB; "
                f"folder on {_filesystem(root)} ({root.parent})",
                f"storage: new connections while benchmarking: {la} {churn[0]}, {lb} {churn[1]} "
                "(0 = the pool reuses its connections, no churn)",
                f"storage: {la} runs {_describe(sa)}",
                f"storage: {lb} runs {_describe(sb)}",
            ),
        ),
    ]


def _file_kind(side: Side) -> str:
    if side.variant.encrypted:
        return "encrypted (no SQLite header, no readable case data)"
    return "plain (starts with 'SQLite format 3\\0', case data readable)"


def _describe(settings: dict[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in settings.items())


def _unlock(header: KeyHeader) -> None:
    wipe(header.unlock_with_passphrase(PASSPHRASE))


def kdf_unlock(options: BenchOptions) -> list[Result]:
    """Argon2id unlock at production cost (``KdfParams()``), reported apart from the ratios."""
    scale = QUICK if options.quick else FULL
    results = []
    for params, label in ((KdfParams(), "production KdfParams()"), (BENCH_KDF, "bench KDF used in the ratios")):
        progress(f"KDF: {label}")
        header = KeyHeader.create(
            new_data_key(), PASSPHRASE, new_recovery_code(), params, db_file=db_file_name(1), use_device_secret=False
        )
        runs = tuple(time_call(_unlock, header) for _ in range(scale.kdf_runs))
        results.append(
            Result(
                f"KDF (reported apart): Argon2id unlock, {label}",
                runs,
                sample="1 unlock",
                notes=(
                    f"KDF, {label}: m={params.memory_kib} KiB, t={params.iterations}, p={params.lanes}; "
                    "KeyHeader.unlock_with_passphrase, no device secret",
                ),
            )
        )
    return results


def storage_diagnosis(options: BenchOptions) -> list[Result]:
    """Storage ratios again with diagnostic cipher sides, each in a fresh process.

    ``PRAGMA cipher_memory_security = ON`` is process-wide and sticky, so a side without it has
    to run in a process where ``connect_cipher`` never ran.
    """
    results: list[Result] = []
    for variant in ("no-memsec", "unkeyed"):
        progress(f"diagnosis: child process for variant {variant}")
        command = [sys.executable, "-m", "bench.store_bench", "--variant", variant, "--json"]
        if options.quick:
            command.append("--quick")
        if options.workdir is not None:
            command += ["--workdir", str(options.workdir)]
        done = subprocess.run(
            command, cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, check=False
        )
        sys.stderr.write(done.stderr)
        if done.returncode != 0:
            raise RuntimeError(f"diagnostic child for {variant} failed ({done.returncode})")
        label = VARIANTS[variant].label
        for row in json.loads(done.stdout):
            # Keep the notes that differ from the main run: totals of (a) and the cipher side's settings.
            notes = [n for n in row["notes"] if n.startswith("(a):") or n.startswith(f"storage: {label} ")]
            row.update(a=tuple(row["a"]), b=tuple(row["b"]), notes=tuple(f"diag {variant} {n}" for n in notes))
            row["name"] = f"diag {variant}: {row['name']}"
            row["target"] = None  # not the shipped configuration: no verdict
            results.append(Result(**row))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.store_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--variant", choices=sorted(VARIANTS), default="production")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the results as JSON (for --diagnose)")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args(argv)
    options = BenchOptions(quick=args.quick, workdir=args.workdir)
    results = storage_ratios(options, args.variant)
    print(json.dumps([asdict(r) for r in results]) if args.json else format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
