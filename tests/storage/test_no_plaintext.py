"""No plaintext on disk: sentinel strings planted in every text field never show up in any file.

A whole life cycle runs (create, write, close, reopen, write, backup, change passphrase,
re-key, restore, close) with logging on and temp files pointed into the test folder. After each
step every file under the data folder, the backup folder and the temp folder is read byte by byte
and searched for each sentinel in UTF-8, UTF-16-LE and UTF-16-BE, as written and in lower case
(zip members are searched decompressed too). The passphrases, recovery codes and data keys are
searched for the same way. A positive control shows the scanner does find planted plaintext.
"""

from __future__ import annotations

import logging
import logging.handlers
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from mpg_desktop.logging_setup import configure_logging
from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.traject import Contact, Traject
from mpg_desktop.storage import paths
from mpg_desktop.storage.backup import create_backup, restore_backup
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import (
    add_contacts,
    create_family,
    list_case_summaries,
    list_contacts,
    load_family,
    load_traject,
)
from tests.conftest import FAST_KDF, PASSPHRASE

SQLITE_HEADER = b"SQLite format 3\x00"
NEW_PASSPHRASE = "een andere lange zin voor de keukentafel 9"


# -- the scanner ---------------------------------------------------------------------------
def encodings_of(text: str) -> dict[str, bytes]:
    forms: dict[str, bytes] = {}
    for case, value in (("as written", text), ("lower case", text.lower())):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            forms[f"{case}, {encoding}"] = value.encode(encoding)
    return forms


@dataclass(frozen=True)
class Hit:
    path: str
    needle: str
    form: str


def files_under(roots: Iterable[Path]) -> list[Path]:
    return sorted(path for root in roots if root.exists() for path in root.rglob("*") if path.is_file())


def blobs_of(path: Path) -> Iterator[tuple[str, bytes]]:
    """The file's bytes and, for a zip, every member's decompressed bytes."""
    data = path.read_bytes()
    yield str(path), data
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield f"{path}!{name}", archive.read(name)


def scan(roots: Iterable[Path], needles: dict[str, dict[str, bytes]]) -> list[Hit]:
    hits = []
    for path in files_under(roots):
        for where, data in blobs_of(path):
            for needle, forms in needles.items():
                hits.extend(Hit(where, needle, form) for form, pattern in forms.items() if pattern in data)
    return hits


# -- sentinels -----------------------------------------------------------------------------
@dataclass
class Sentinels:
    planted: dict[str, str] = field(default_factory=dict)  # sentinel -> which field holds it

    def new(self, where: str) -> str:
        value = f"ZQXSENTINEL{len(self.planted) + 1:04d}"
        self.planted[value] = where
        return value

    def needles(self) -> dict[str, dict[str, bytes]]:
        return {value: encodings_of(value) for value in self.planted}


def planted_family(s: Sentinels, label: str) -> tuple[Family, Traject, list[Contact]]:
    members = (
        Person(
            s.new(f"{label} mother first_name"),
            s.new(f"{label} mother surname"),
            date(1984, 5, 6),
            Role.MOEDER,
            Sex.VROUW,
            school_work=f"schoonmaak bij {s.new(f'{label} mother school_work')}",
        ),
        Person(
            s.new(f"{label} father first_name"),
            s.new(f"{label} father surname"),
            date(1980, 2, 3),
            Role.VADER,
            Sex.MAN,
            lives_in_household=False,
            school_work=s.new(f"{label} father school_work"),
        ),
        Person(
            s.new(f"{label} child first_name"),
            s.new(f"{label} child surname"),
            date(2014, 9, 1),
            Role.KIND,
            Sex.ANDERS,
            school_work=f"groep 7, {s.new(f'{label} child school_work')}",
        ),
    )
    family = Family(name=f"Familie {s.new(f'{label} family name')}", members=members)
    traject = Traject(
        referral_date=date(2026, 3, 1),
        case_number=s.new(f"{label} traject case_number"),
        programme_profile=s.new(f"{label} traject programme_profile"),
    )
    contacts = [
        Contact(
            date(2026, 3, 8),
            "huisbezoek",
            60,
            f"Huisbezoek: {s.new(f'{label} contact note')} vertelde over de schulden en de school.",
        ),
        Contact(
            date(2026, 3, 15),
            s.new(f"{label} contact kind"),
            15,
            "x" * 3000 + s.new(f"{label} long contact note (overflow page)"),
        ),
    ]
    return family, traject, contacts


def write_family(store: CaseStore, s: Sentinels, label: str) -> tuple[int, int]:
    family, traject, contacts = planted_family(s, label)
    family_id, traject_id = create_family(store, family, traject)
    add_contacts(store, traject_id, contacts)
    # The data really is in the store, so finding none of it on disk means something.
    assert load_family(store, family_id).name == family.name
    assert load_traject(store, traject_id).case_number == traject.case_number
    assert [c.note for c in list_contacts(store, traject_id)] == [c.note for c in contacts]
    return family_id, traject_id


# -- fixtures ------------------------------------------------------------------------------
@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert tempfile.gettempdir() == str(folder)
    return folder


@pytest.fixture
def app_log(data_dir: Path) -> Iterator[Path]:
    """The app's log file in the data folder, as the CLI and the UI configure it."""
    root = logging.getLogger()
    level = root.level
    # configure_logging adds no handler when one is already there; give it a clean slate.
    earlier = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    for handler in earlier:
        root.removeHandler(handler)
    path = configure_logging(paths.log_dir())
    try:
        yield path
    finally:
        for handler in list(root.handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                root.removeHandler(handler)
                handler.close()
        for handler in earlier:
            root.addHandler(handler)
        root.setLevel(level)


# -- the tests -----------------------------------------------------------------------------
def test_scanner_finds_planted_plaintext(tmp_path: Path) -> None:
    """Positive control: the same scanner fails on plaintext, in each encoding and container."""
    s = Sentinels()
    plain, utf16, in_db, zipped, absent = (s.new(name) for name in ("plain", "utf16", "db", "zip", "absent"))
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "notes.txt").write_text(f"notitie: {plain}\n", encoding="utf-8")
    (folder / "export.txt").write_bytes(utf16.lower().encode("utf-16-le"))
    conn = sqlite3.connect(folder / "plain.db")
    conn.execute("CREATE TABLE t (note TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (f"contact met {in_db}",))
    conn.commit()
    conn.close()
    with zipfile.ZipFile(folder / "archive.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("member.txt", (zipped + " ") * 50)

    found = {(Path(hit.path.split("!")[0]).name, hit.needle) for hit in scan([folder], s.needles())}
    assert found == {
        ("notes.txt", plain),
        ("export.txt", utf16),
        ("plain.db", in_db),
        ("archive.zip", zipped),
    }
    assert [hit.form for hit in scan([folder], {utf16: encodings_of(utf16)})] == ["lower case, utf-16-le"]
    assert absent not in {needle for _, needle in found}
    assert (folder / "plain.db").read_bytes().startswith(SQLITE_HEADER)  # the header check can fail too


def test_no_sentinel_or_secret_reaches_any_file(
    data_dir: Path, store_dir: Path, tmp_path: Path, temp_dir: Path, app_log: Path
) -> None:
    s = Sentinels()
    secrets: dict[str, bytes] = {}
    backups = tmp_path / "backups"  # the USB stick
    backups.mkdir()
    roots = [data_dir, backups, temp_dir]
    seen: set[str] = set()

    def remember_key(store: CaseStore, name: str) -> None:
        key = bytes(store._key())
        secrets[f"{name} (raw)"] = key
        secrets[f"{name} (hex)"] = key.hex().encode()
        secrets[f"{name} (HEX)"] = key.hex().upper().encode()

    def assert_clean(stage: str) -> None:
        needles = s.needles()
        for name, secret in secrets.items():
            needles[name] = {"bytes": secret}
        for text in (PASSPHRASE, NEW_PASSPHRASE, *recovery_codes):
            needles[text] = encodings_of(text)
            needles[text + " (no dashes)"] = encodings_of(text.replace("-", ""))
        hits = scan(roots, needles)
        assert hits == [], f"after {stage}: " + "; ".join(
            f"{hit.path}: {s.planted.get(hit.needle, hit.needle)} ({hit.form})" for hit in hits[:20]
        )
        for path in files_under(roots):
            seen.add(str(path.relative_to(tmp_path)))
            assert not path.read_bytes().startswith(SQLITE_HEADER), f"after {stage}: {path} is plain SQLite"

    store, first_code = CaseStore.create(
        store_dir,
        PASSPHRASE,
        coach_name=f"Coach {s.new('meta coach_name at create')}",
        organisation=f"Gemeente {s.new('meta organisation at create')}",
        kdf=FAST_KDF,
    )
    recovery_codes = [first_code]
    remember_key(store, "first data key")
    first_family, _ = write_family(store, s, "first")
    assert Path(f"{store.db_path}-wal").stat().st_size > 0  # the open WAL holds these pages
    assert_clean("first writes, store open")
    store.close()
    assert_clean("close")

    store = CaseStore.open(store_dir, PASSPHRASE)
    second_family, _ = write_family(store, s, "second")
    store.set_meta("coach_name", s.new("meta coach_name changed"))
    store.set_meta("organisation", s.new("meta organisation changed"))
    assert_clean("reopen and more writes")

    backup = create_backup(store, backups)
    assert backup.parent == backups
    with zipfile.ZipFile(backup) as archive:
        assert not archive.read("case-store.db").startswith(SQLITE_HEADER)
    assert_clean("backup")
    write_family(store, s, "after backup")  # gone again after the restore

    store.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert_clean("passphrase change")
    recovery_codes.append(store.rekey(NEW_PASSPHRASE))
    remember_key(store, "data key after re-key")
    assert_clean("re-key")

    # The key changed since the backup, so restoring it needs the backup's own passphrase.
    restore_backup(store, backup, passphrase=PASSPHRASE)
    assert {c.family_id for c in list_case_summaries(store)} == {first_family, second_family}
    assert store.get_meta("coach_name") == next(k for k, v in s.planted.items() if v == "meta coach_name changed")
    assert_clean("restore")
    store.close()
    assert_clean("final close")

    reopened = CaseStore.open(store_dir, PASSPHRASE)  # the restored store has the backup's passphrase
    assert load_family(reopened, second_family).members[0].first_name == next(
        k for k, v in s.planted.items() if v == "second mother first_name"
    )
    assert reopened.verify().ok
    reopened.close()
    assert_clean("reopen after restore")

    # The scan covered what it should: the live store, the undo copy, the backup and the log.
    names = seen
    assert "data/store/keys.json" in names
    assert "data/store/case-store-3.db" in names  # 1: created, 2: re-keyed, 3: restored
    assert "data/store/case-store-1.db-wal" in names
    assert "data/store/case-store-2.db" in names  # the undo copy of the restore
    assert "data/store/previous-keys.json" in names
    assert "data/logs/mpg_desktop.log" in names
    assert any(name.startswith("backups/MPG-back-up-") and name.endswith(".mpgbackup") for name in names)
    log_text = app_log.read_text(encoding="utf-8")
    for line in ("created store", "passphrase changed", "re-keyed"):
        assert line in log_text
    assert len(s.planted) >= 40
