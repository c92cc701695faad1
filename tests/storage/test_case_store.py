"""Store life cycle: create, open, wrong passphrase, recovery code, passphrase change, re-key."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from mpg_desktop.models.household import Family, Person, Role, Sex
from mpg_desktop.models.traject import Contact, Traject
from mpg_desktop.storage import device_secret
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import add_contacts, create_family, list_case_summaries, load_family
from mpg_desktop.storage.errors import (
    DeviceSecretMissing,
    StoreCorrupt,
    StoreExists,
    StoreNotFound,
    TooManyAttempts,
    WrongPassphrase,
    WrongRecoveryCode,
)
from mpg_desktop.storage.unlock_throttle import UnlockThrottle
from tests.conftest import FAST_KDF, PASSPHRASE


def family_of_three() -> Family:
    return Family(
        name="Familie Bakker / Yilmaz",
        members=(
            Person("Sanne", "Bakker", date(1988, 4, 2), Role.MOEDER, Sex.VROUW),
            Person("Emre", "Yilmaz", date(2012, 9, 30), Role.KIND, Sex.MAN),
            Person("Lotte", "Bakker", date(2016, 1, 15), Role.KIND, Sex.VROUW, birth_date_estimated=True),
        ),
    )


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_round_trip_keeps_every_member_with_own_surname(store: CaseStore, store_dir: Path) -> None:
    family_id, _ = create_family(store, family_of_three(), Traject(referral_date=date(2026, 10, 1)))
    store.close()

    reopened = CaseStore.open(store_dir, PASSPHRASE)
    family = load_family(reopened, family_id)
    assert [p.full_name for p in family.members] == ["Sanne Bakker", "Emre Yilmaz", "Lotte Bakker"]
    assert family.members[2].birth_date_estimated is True
    assert family.surnames == ["Bakker", "Yilmaz"]
    [summary] = list_case_summaries(reopened)
    assert summary.case_number == "2026-0001"
    assert reopened.get_meta("coach_name") == "Coach Test"
    reopened.close()


def test_audit_log_records_ids_never_names(store: CaseStore) -> None:
    create_family(store, family_of_three(), Traject(referral_date=date(2026, 10, 1)))
    with store.raw_connection() as conn:
        rows = conn.execute("SELECT action, record_type, record_id FROM audit_log").fetchall()
        columns = [row[1] for row in conn.execute("PRAGMA table_info(audit_log)")]
    assert ("create", "families", 1) in rows
    assert sum(1 for row in rows if row[1] == "persons") == 3
    assert columns == ["id", "at", "action", "record_type", "record_id"]


def test_wrong_passphrase_changes_no_byte(store: CaseStore, store_dir: Path) -> None:
    store.close()
    before = folder_digest(store_dir)
    with pytest.raises(WrongPassphrase) as error:
        CaseStore.open(store_dir, "dit is niet de goede zin")
    assert "klopt niet" in error.value.message
    assert folder_digest(store_dir) == before


def test_repeated_failures_are_delayed_increasingly(store: CaseStore, store_dir: Path) -> None:
    store.close()
    now = [1000.0]
    throttle = UnlockThrottle(clock=lambda: now[0])
    waits = []
    for _ in range(6):
        with pytest.raises(WrongPassphrase):
            CaseStore.open(store_dir, "fout fout fout fout", throttle)
        waits.append(throttle.remaining())
        if waits[-1] > 0:
            # Even the right passphrase is refused while the delay runs, and nothing is read.
            with pytest.raises(TooManyAttempts) as error:
                CaseStore.open(store_dir, PASSPHRASE, throttle)
            assert "Wacht nog" in error.value.message
        now[0] += waits[-1]
    assert waits == [0, 0, 2.0, 4.0, 8.0, 16.0]
    CaseStore.open(store_dir, PASSPHRASE, throttle).close()
    assert throttle.failures == 0


def test_open_missing_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound):
        CaseStore.open(tmp_path / "nothing", PASSPHRASE)


def test_create_refuses_existing_store(store: CaseStore, store_dir: Path) -> None:
    with pytest.raises(StoreExists):
        CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF)


def test_tampered_header_is_corrupt_not_a_crash(store: CaseStore, store_dir: Path) -> None:
    store.close()
    (store_dir / "keys.json").write_text("{not json")
    with pytest.raises(StoreCorrupt):
        CaseStore.open(store_dir, PASSPHRASE)


def test_swapped_wraps_do_not_open(store: CaseStore, store_dir: Path) -> None:
    """The wrap's associated data binds it to its purpose: a recovery wrap is no passphrase wrap."""
    store.close()
    import json

    header = json.loads((store_dir / "keys.json").read_text())
    header["passphrase_wrap"]["ciphertext"] = header["recovery_wrap"]["ciphertext"]
    (store_dir / "keys.json").write_text(json.dumps(header))
    with pytest.raises(WrongPassphrase):
        CaseStore.open(store_dir, PASSPHRASE)


def test_recovery_code_unlocks_and_sets_new_passphrase(store_dir: Path) -> None:
    created, code = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF)
    created.close()
    with pytest.raises(WrongRecoveryCode):
        CaseStore.open_with_recovery_code(
            store_dir, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", "nieuw en lang genoeg 1"
        )
    with pytest.raises(WrongRecoveryCode):
        CaseStore.open_with_recovery_code(store_dir, "te kort", "nieuw en lang genoeg 1")
    # Lower case and spaces instead of dashes, as people copy codes from paper.
    relaxed = code.lower().replace("-", " ")
    CaseStore.open_with_recovery_code(store_dir, relaxed, "nieuw en lang genoeg 1").close()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(store_dir, PASSPHRASE)
    CaseStore.open(store_dir, "nieuw en lang genoeg 1").close()


def test_device_secret_is_part_of_the_key(store: CaseStore, store_dir: Path, fake_keyring) -> None:  # type: ignore[no-untyped-def]
    assert store.header.uses_device_secret
    store.close()
    fake_keyring.items.clear()  # another laptop, or a reinstalled one
    with pytest.raises(DeviceSecretMissing):
        CaseStore.open(store_dir, PASSPHRASE)


def test_without_keyring_falls_back_to_passphrase_only(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device_secret, "keyring_available", lambda: False)
    created, _ = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF)
    assert not created.header.uses_device_secret
    created.close()
    CaseStore.open(store_dir, PASSPHRASE).close()


def test_change_passphrase_rewraps_without_touching_the_database(store: CaseStore, store_dir: Path) -> None:
    store.checkpoint()
    db_before = hashlib.sha256(store.db_path.read_bytes()).hexdigest()
    with pytest.raises(WrongPassphrase):
        store.change_passphrase("verkeerde oude zin", "een nieuwe lange zin 7")
    store.change_passphrase(PASSPHRASE, "een nieuwe lange zin 7")
    assert hashlib.sha256(store.db_path.read_bytes()).hexdigest() == db_before
    store.close()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(store_dir, PASSPHRASE)
    CaseStore.open(store_dir, "een nieuwe lange zin 7").close()


def test_rekey_reencrypts_the_file_and_replaces_the_recovery_code(store_dir: Path) -> None:
    created, old_code = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF)
    family_id, _ = create_family(created, family_of_three(), Traject(referral_date=date(2026, 3, 1)))
    old_path = created.db_path
    created.checkpoint()
    old_bytes = old_path.read_bytes()
    steps = []
    new_code = created.rekey(PASSPHRASE, progress=lambda done, total: steps.append((done, total)))
    assert steps[-1] == (3, 3)
    assert new_code != old_code
    assert not old_path.exists() and created.db_path != old_path
    created.checkpoint()
    # Same content, different ciphertext: no 4 KiB page of the new file equals one of the old.
    new_bytes = created.db_path.read_bytes()
    old_pages = {old_bytes[i : i + 4096] for i in range(0, len(old_bytes), 4096)}
    assert not any(new_bytes[i : i + 4096] in old_pages for i in range(0, len(new_bytes), 4096))
    assert created.verify().ok
    created.close()

    reopened = CaseStore.open(store_dir, PASSPHRASE)
    assert load_family(reopened, family_id).name == "Familie Bakker / Yilmaz"
    reopened.close()
    with pytest.raises(WrongRecoveryCode):
        CaseStore.open_with_recovery_code(store_dir, old_code, "maakt niet uit welke")
    CaseStore.open_with_recovery_code(store_dir, new_code, "weer een nieuwe zin 9").close()


def test_verify_reports_ok_and_finds_damage(store: CaseStore, store_dir: Path) -> None:
    traject_ids = [
        create_family(store, family_of_three(), Traject(referral_date=date(2026, 3, 1)))[1] for _ in range(5)
    ]
    add_contacts(store, traject_ids[0], [Contact(date(2026, 3, 2), "huisbezoek", 30, "x" * 500)] * 200)
    assert store.verify().ok
    store.close()
    db_file = next(store_dir.glob("case-store-*.db"))
    data = bytearray(db_file.read_bytes())
    data[-2000] ^= 0xFF  # a contact page near the end, not read when opening
    db_file.write_bytes(bytes(data))
    reopened = CaseStore.open(store_dir, PASSPHRASE)
    report = reopened.verify()
    reopened.close()
    assert not report.ok
    assert any("cipher_integrity_check" in problem for problem in report.problems)


def test_damaged_schema_page_is_a_clear_error(store: CaseStore, store_dir: Path) -> None:
    store.close()
    db_file = next(store_dir.glob("case-store-*.db"))
    data = bytearray(db_file.read_bytes())
    data[100:4000] = bytes(3900)  # the first page holds the schema
    db_file.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt) as error:
        CaseStore.open(store_dir, PASSPHRASE)
    assert "back-up" in error.value.message


def test_case_numbers_are_never_reused(store: CaseStore) -> None:
    from mpg_desktop.storage.tables import TrajectRow

    traject = Traject(referral_date=date(2026, 2, 1))
    create_family(store, family_of_three(), traject)
    _, second = create_family(store, family_of_three(), traject)
    with store.session() as session:
        session.delete(session.get(TrajectRow, second))
    create_family(store, family_of_three(), traject)
    assert sorted(case.case_number for case in list_case_summaries(store)) == ["2026-0001", "2026-0003"]
    create_family(store, family_of_three(), Traject(referral_date=date(2027, 1, 5)))
    assert "2027-0001" in {case.case_number for case in list_case_summaries(store)}


def test_every_store_file_is_owner_only(store: CaseStore, store_dir: Path, tmp_path: Path) -> None:
    from mpg_desktop.storage.backup import create_backup, restore_backup

    create_family(store, family_of_three(), Traject(referral_date=date(2026, 2, 1)))
    restore_backup(store, create_backup(store, tmp_path))  # also leaves the undo copy
    store.rekey(PASSPHRASE)
    create_family(store, family_of_three(), Traject(referral_date=date(2026, 2, 1)))
    files = [path for path in store_dir.rglob("*") if path.is_file()]
    assert any(path.name.endswith("-wal") for path in files)
    assert {path.name: oct(path.stat().st_mode & 0o777) for path in files} == {path.name: "0o600" for path in files}
    assert store_dir.stat().st_mode & 0o077 == 0
