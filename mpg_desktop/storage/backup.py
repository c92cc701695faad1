"""Encrypted backups ("Back-up maken") and restoring them ("Back-up terugzetten").

A backup is one file, ``MPG-back-up-<date>.mpgbackup``: a zip (stored, not compressed) with

    manifest.json   format, time, app version, schema revision, store id, SHA-256 of the db
    keys.json       the store's key header (wrapped keys only)
    case-store.db   a page-by-page copy of the SQLCipher database, still encrypted

Nothing in it is plaintext. The file is written under a temporary name, fsynced, renamed, and
then verified by opening the copy with the data key and running the integrity checks.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import sqlcipher3

from mpg_desktop import __version__
from mpg_desktop.storage.case_store import (
    CaseStore,
    db_file_name,
    generation_of,
    remove_db_files,
)
from mpg_desktop.storage.engine import connect_cipher, create_private_file, key_pragma
from mpg_desktop.storage.errors import (
    BackupInvalid,
    Cancelled,
    DiskFull,
    StoreCorrupt,
    StoreError,
)
from mpg_desktop.storage.integrity import check_connection
from mpg_desktop.storage.key_header import KeyHeader
from mpg_desktop.storage.key_wrapping import wipe
from mpg_desktop.storage.paths import HEADER_NAME, fsync_dir

BACKUP_SUFFIX = ".mpgbackup"
BACKUP_FORMAT = 1
_DB_MEMBER = "case-store.db"
_MANIFEST = "manifest.json"
_PAGES_PER_STEP = 256

Progress = Callable[[int, int], None]


class BackupNeedsCredentials(StoreError):
    message = (
        "Deze back-up hoort bij een ander dossierbestand of is van vóór het opnieuw versleutelen. "
        "Vul de wachtwoordzin van die back-up in, of de herstelcode met een nieuwe wachtwoordzin."
    )


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    app_version: str
    schema_revision: str | None
    store_id: str
    header: KeyHeader
    db_sha256: str


def _disk_errors(exc: OSError) -> StoreError | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull()
    return None


def _copy_pages(store: CaseStore, target: Path, progress: Progress | None, cancelled: Callable[[], bool]) -> None:
    """SQLite's online backup API, encrypted source to encrypted target with the same key."""
    remove_db_files(target)
    source = store.raw_connection()
    create_private_file(target)
    dest = sqlcipher3.connect(str(target))
    try:
        dest.execute(key_pragma(store._key()))

        def step(_status: int, remaining: int, total: int) -> None:
            if cancelled():
                raise Cancelled()
            if progress is not None:
                progress(total - remaining, total)

        source.backup(dest, pages=_PAGES_PER_STEP, progress=step)
    finally:
        dest.close()
        source.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup_file_name(now: datetime) -> str:
    return f"MPG-back-up-{now:%Y-%m-%d_%H%M%S}{BACKUP_SUFFIX}"


def create_backup(
    store: CaseStore,
    folder: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    now: datetime | None = None,
) -> Path:
    """Write a verified backup into ``folder`` and record its time in the store."""
    now = now or datetime.now()
    target = folder / backup_file_name(now)
    partial = folder / f".{target.name}.partial"
    for stale in folder.glob(f".MPG-back-up-*{BACKUP_SUFFIX}.partial"):  # left by a crash
        stale.unlink(missing_ok=True)
    staging = store.store_dir / ".backup-staging.db"
    try:
        _copy_pages(store, staging, progress, cancelled)
        manifest = {
            "format": BACKUP_FORMAT,
            "created_at": now.isoformat(timespec="seconds"),
            "app_version": __version__,
            "schema_revision": store.schema_revision(),
            "store_id": store.header.store_id,
            "db_sha256": _sha256(staging),
        }
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(_MANIFEST, json.dumps(manifest, indent=2))
            archive.write(store.store_dir / HEADER_NAME, HEADER_NAME)
            archive.write(staging, _DB_MEMBER)
        if cancelled():
            raise Cancelled()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_dir(folder)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        mapped = _disk_errors(exc)
        if mapped is not None:
            raise mapped from exc
        raise StoreError(
            f"De back-up kon niet worden geschreven in {folder}. Controleer of de map (USB-stick) "
            "er nog is en of u daar mag schrijven, en probeer het opnieuw."
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        remove_db_files(staging)
    try:
        verify_backup(target, store._key(), work_dir=store.store_dir)
    except StoreError:
        target.unlink(missing_ok=True)
        raise
    store.set_meta("last_backup_at", now.isoformat(timespec="seconds"))
    return target


def read_backup_info(path: Path) -> BackupInfo:
    """Check a backup file's structure (not its key) and describe it."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if not {_MANIFEST, HEADER_NAME, _DB_MEMBER} <= names:
                raise BackupInvalid()
            manifest = json.loads(archive.read(_MANIFEST))
            if manifest.get("format") != BACKUP_FORMAT:
                raise BackupInvalid()
            header = KeyHeader.parse(archive.read(HEADER_NAME))
        return BackupInfo(
            path=path,
            created_at=datetime.fromisoformat(manifest["created_at"]),
            app_version=str(manifest["app_version"]),
            schema_revision=manifest.get("schema_revision"),
            store_id=str(manifest["store_id"]),
            header=header,
            db_sha256=str(manifest["db_sha256"]),
        )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError, StoreCorrupt) as exc:
        raise BackupInvalid() from exc


def _extract_db(info: BackupInfo, target: Path) -> None:
    remove_db_files(target)
    try:
        with zipfile.ZipFile(info.path) as archive, archive.open(_DB_MEMBER) as src:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
    except OSError as exc:
        remove_db_files(target)
        mapped = _disk_errors(exc)
        raise (mapped or BackupInvalid()) from exc
    except (zipfile.BadZipFile, ValueError) as exc:  # CRC mismatch and friends
        remove_db_files(target)
        raise BackupInvalid() from exc
    if _sha256(target) != info.db_sha256:
        remove_db_files(target)
        raise BackupInvalid()


def _check_db(path: Path, data_key: bytearray) -> None:
    try:
        conn = connect_cipher(path, data_key)
    except StoreCorrupt as exc:
        raise BackupInvalid() from exc
    try:
        report = check_connection(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    if not report.ok:
        raise BackupInvalid()


def verify_backup(path: Path, data_key: bytearray, *, work_dir: Path) -> BackupInfo:
    """Open the copy inside ``path`` with ``data_key`` and run the integrity checks."""
    info = read_backup_info(path)
    scratch = work_dir / ".backup-verify.db"
    try:
        _extract_db(info, scratch)
        _check_db(scratch, data_key)
    finally:
        remove_db_files(scratch)
    return info


def restore_backup(
    store: CaseStore,
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    new_passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> BackupInfo:
    """Replace the open store's contents with the backup at ``path``.

    The restored copy is extracted and checked first; until then nothing of the current store
    changes. The current database is then kept as the undo copy (``CaseStore.undo_restore``).
    A backup of this same store (same data key) needs no credentials. Another store's backup
    needs its passphrase, or its recovery code plus a new passphrase.
    """
    report = progress or (lambda done, total: None)
    info = read_backup_info(path)
    report(1, 4)
    new_file = db_file_name(generation_of(store.header.db_file) + 1)
    new_path = store.store_dir / new_file
    key: bytearray | None = None
    try:
        _extract_db(info, new_path)
        if cancelled():
            raise Cancelled()
        report(2, 4)
        if store.key_matches(new_path):
            key = bytearray(store._key())
            new_header = replace(store.header, db_file=new_file)
        elif passphrase:
            key = info.header.unlock_with_passphrase(passphrase)
            new_header = replace(info.header, db_file=new_file)
        elif recovery_code and new_passphrase:
            key = info.header.unlock_with_recovery_code(recovery_code)
            new_header = replace(info.header, db_file=new_file).rebound_to_this_device()
            new_header = new_header.with_passphrase(key, new_passphrase)
        else:
            raise BackupNeedsCredentials()
        _check_db(new_path, key)
        if cancelled():
            raise Cancelled()
        report(3, 4)
    except BaseException:
        remove_db_files(new_path)
        wipe(key)
        raise
    store._switch_to(new_header, key, keep_previous=True)
    report(4, 4)
    with contextlib.suppress(StoreError):
        store.set_meta("restored_from_backup_at", datetime.now().isoformat(timespec="seconds"))
    return info
