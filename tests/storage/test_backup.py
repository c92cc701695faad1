"""Backup and restore: verified copies, restore with the current store kept aside, bad files."""

from __future__ import annotations

import errno
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from mpg_desktop.models.traject import Traject
from mpg_desktop.storage import backup as backup_module
from mpg_desktop.storage.backup import (
    BackupNeedsCredentials,
    create_backup,
    read_backup_info,
    restore_backup,
)
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import create_family, list_case_summaries
from mpg_desktop.storage.errors import BackupInvalid, Cancelled, DiskFull
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.storage.test_case_store import family_of_three


def add_case(store: CaseStore, name: str) -> None:
    family = family_of_three()
    create_family(store, type(family)(name=name, members=family.members), Traject(referral_date=date(2026, 5, 1)))


def names(store: CaseStore) -> list[str]:
    return sorted(case.family_name for case in list_case_summaries(store))


def test_backup_is_encrypted_verified_and_recorded(store: CaseStore, tmp_path: Path) -> None:
    add_case(store, "Familie Een")
    usb = tmp_path / "usb"
    usb.mkdir()
    steps: list[tuple[int, int]] = []
    written = create_backup(store, usb, progress=lambda d, t: steps.append((d, t)), now=datetime(2026, 11, 2, 9, 30))
    assert written.name == "MPG-back-up-2026-11-02_093000.mpgbackup"
    assert [p.name for p in usb.iterdir()] == [written.name]  # no partial or temp file left
    assert steps and steps[-1][0] == steps[-1][1]
    assert written.stat().st_mode & 0o077 == 0
    with zipfile.ZipFile(written) as archive:
        assert not archive.read("case-store.db").startswith(b"SQLite format 3")
    info = read_backup_info(written)
    assert info.store_id == store.header.store_id
    assert store.get_meta("last_backup_at") == "2026-11-02T09:30:00"


def test_restore_replaces_contents_and_keeps_the_old_store_aside(
    store: CaseStore, store_dir: Path, tmp_path: Path
) -> None:
    add_case(store, "Familie Een")
    written = create_backup(store, tmp_path)
    add_case(store, "Familie Twee")  # made after the backup
    assert names(store) == ["Familie Een", "Familie Twee"]

    assert not store.can_undo_restore()
    restore_backup(store, written)
    assert names(store) == ["Familie Een"]
    assert store.verify().ok
    assert store.can_undo_restore()
    store.close()
    reopened = CaseStore.open(store_dir, PASSPHRASE)
    assert names(reopened) == ["Familie Een"]
    # The store that was replaced survived the reopen and comes back on undo.
    reopened.undo_restore()
    assert names(reopened) == ["Familie Een", "Familie Twee"]
    # Undo is itself undoable: the restored state is now the undo copy.
    reopened.undo_restore()
    assert names(reopened) == ["Familie Een"]
    reopened.close()


def test_rekey_drops_every_copy_under_the_old_key(store: CaseStore, store_dir: Path, tmp_path: Path) -> None:
    add_case(store, "Familie Een")
    restore_backup(store, create_backup(store, tmp_path))
    assert len(list(store_dir.glob("case-store-*.db"))) == 2
    store.rekey(PASSPHRASE)
    assert [p.name for p in store_dir.glob("case-store-*.db")] == [store.header.db_file]
    assert not (store_dir / "previous-keys.json").exists()
    assert not store.can_undo_restore()


def test_restore_on_a_new_laptop_with_the_recovery_code(tmp_path: Path, fake_keyring) -> None:  # type: ignore[no-untyped-def]
    old, code = CaseStore.create(tmp_path / "old", PASSPHRASE, kdf=FAST_KDF)
    add_case(old, "Familie Oud")
    written = create_backup(old, tmp_path)
    old.close()
    fake_keyring.items.clear()  # the old laptop (and its keyring) is gone
    new, _ = CaseStore.create(tmp_path / "new", "nieuwe laptop nieuwe zin", kdf=FAST_KDF)
    with pytest.raises(BackupNeedsCredentials):
        restore_backup(new, written)
    assert names(new) == []
    restore_backup(new, written, recovery_code=code, new_passphrase="hersteld op nieuwe laptop")
    assert names(new) == ["Familie Oud"]
    new.close()
    CaseStore.open(tmp_path / "new", "hersteld op nieuwe laptop").close()


def test_tampered_backup_is_refused_and_changes_nothing(store: CaseStore, store_dir: Path, tmp_path: Path) -> None:
    add_case(store, "Familie Een")
    written = create_backup(store, tmp_path)
    data = bytearray(written.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(16)
    tampered = tmp_path / "tampered.mpgbackup"
    tampered.write_bytes(bytes(data))
    files_before = sorted(p.name for p in store_dir.iterdir())
    with pytest.raises(BackupInvalid) as error:
        restore_backup(store, tampered)
    assert "niets veranderd" in error.value.message
    assert sorted(p.name for p in store_dir.iterdir()) == files_before
    assert names(store) == ["Familie Een"]


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04 truncated"])
def test_garbage_is_not_a_backup(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.mpgbackup"
    path.write_bytes(content)
    with pytest.raises(BackupInvalid):
        read_backup_info(path)


def test_full_disk_during_backup_leaves_no_file(
    store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_case(store, "Familie Een")

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module.os, "fsync", no_space)
    with pytest.raises(DiskFull) as error:
        create_backup(store, tmp_path)
    assert "schijf is vol" in error.value.message
    assert list(tmp_path.glob("*.mpgbackup")) == [] and list(tmp_path.glob(".*partial")) == []
    assert store.get_meta("last_backup_at") == ""


def test_cancelled_backup_leaves_no_file(store: CaseStore, tmp_path: Path) -> None:
    add_case(store, "Familie Een")
    with pytest.raises(Cancelled):
        create_backup(store, tmp_path, cancelled=lambda: True)
    assert [p for p in tmp_path.iterdir() if p.name != "data"] == []
