"""The coach's case store: one encrypted SQLCipher file plus its key header, in one folder.

Layout of a store folder::

    keys.json            wrapped data key; names the database file in use (the commit point)
    case-store-<n>.db    the SQLCipher database (+ -wal/-shm while open)
    case-store-<m>.db    the database as it was before the last restore (undo), named in
    previous-keys.json   keys.json as ``previous_db_file``, with its own header
    pre-migration/       encrypted copies taken before a schema upgrade

Whatever keys.json does not name is left over from a crash and removed on open. A re-key
removes the undo copy and the pre-migration copies: they are under the old key, which the old
passphrase and recovery code would still open.

Threading: a CaseStore may be used from several threads; each ``session()`` is its own
SQLAlchemy session. Whole-file operations (re-key, restore) need the caller to stop other use.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import sqlalchemy.exc
import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from mpg_desktop.storage import audit, migrate
from mpg_desktop.storage.engine import connect_cipher, create_private_file, key_pragma, make_engine
from mpg_desktop.storage.errors import StoreCorrupt, StoreError, StoreExists, WrongPassphrase
from mpg_desktop.storage.integrity import IntegrityReport, check_connection
from mpg_desktop.storage.key_header import KeyHeader
from mpg_desktop.storage.key_wrapping import KdfParams, new_data_key, wipe
from mpg_desktop.storage.paths import HEADER_NAME, PREVIOUS_HEADER_NAME, ensure_private_dir
from mpg_desktop.storage.recovery_code import new_recovery_code
from mpg_desktop.storage.tables import StoreMeta
from mpg_desktop.storage.unlock_throttle import UnlockThrottle

log = logging.getLogger(__name__)

_DB_NAME = re.compile(r"^case-store-(\d+)\.db$")
PRE_MIGRATION_DIR = "pre-migration"

ProgressCallback = Callable[[int, int], None]  # (done, total); may raise Cancelled


def db_file_name(generation: int) -> str:
    return f"case-store-{generation}.db"


def generation_of(db_file: str) -> int:
    match = _DB_NAME.match(db_file)
    if not match:
        raise StoreCorrupt()
    return int(match.group(1))


def store_exists(store_dir: Path) -> bool:
    return (store_dir / HEADER_NAME).exists()


def remove_db_files(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()


def export_copy(source: Path, source_key: bytearray, target: Path, target_key: bytearray) -> None:
    """Copy an encrypted database into a new file under ``target_key`` (``sqlcipher_export``).

    The copy is checked before returning; a failed copy is removed.
    """
    remove_db_files(target)
    conn = connect_cipher(source, source_key)
    try:
        conn.isolation_level = None  # ATTACH is not allowed inside a transaction
        create_private_file(target)
        escaped = str(target).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{escaped}' AS exported KEY \"x'{bytes(target_key).hex()}'\"")
        try:
            conn.execute("SELECT sqlcipher_export('exported')")
        finally:
            conn.execute("DETACH DATABASE exported")
    except Exception:
        conn.close()
        remove_db_files(target)
        raise
    conn.close()
    check = connect_cipher(target, target_key)
    try:
        report = check_connection(check)
        check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        check.close()
    if not report.ok:
        remove_db_files(target)
        raise StoreCorrupt()


class CaseStore:
    """An unlocked store. Create with ``create``/``open``/``open_with_recovery_code``."""

    # How the engine opens connections. The benchmark swaps in plain SQLite to measure
    # what encryption costs on exactly the same code path.
    connect: Callable[[Path, bytearray], object] = staticmethod(connect_cipher)

    def __init__(self, store_dir: Path, header: KeyHeader, data_key: bytearray) -> None:
        self.store_dir = store_dir
        self.header = header
        self._data_key: bytearray | None = data_key
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._start_engine()
        self._clean_stray_files()

    # -- opening and closing -------------------------------------------------------------
    @classmethod
    def create(
        cls,
        store_dir: Path,
        passphrase: str,
        *,
        coach_name: str = "",
        organisation: str = "",
        kdf: KdfParams | None = None,
        use_device_secret: bool = True,
        demo_passphrase: str | None = None,
    ) -> tuple[CaseStore, str]:
        """A new empty store and its recovery code (show it to the coach once)."""
        ensure_private_dir(store_dir)
        if store_exists(store_dir):
            raise StoreExists()
        data_key = new_data_key()
        recovery_code = new_recovery_code()
        db_file = db_file_name(1)
        # A database left by a create that crashed before its header was written cannot be
        # opened by anyone (its key is gone); start clean.
        remove_db_files(store_dir / db_file)
        header = KeyHeader.create(
            data_key,
            passphrase,
            recovery_code,
            kdf or KdfParams(),
            db_file=db_file,
            use_device_secret=use_device_secret,
            demo_passphrase=demo_passphrase,
        )
        store = cls(store_dir, header, data_key)
        store.set_meta("coach_name", coach_name)
        store.set_meta("organisation", organisation)
        store.checkpoint()
        header.save(store_dir)  # the store exists from this moment on
        log.info("created store %s", header.store_id)
        return store, recovery_code

    @classmethod
    def open(cls, store_dir: Path, passphrase: str, throttle: UnlockThrottle | None = None) -> CaseStore:
        header = KeyHeader.load(store_dir)
        return cls._unlock(store_dir, header, lambda: header.unlock_with_passphrase(passphrase), throttle)

    @classmethod
    def open_with_recovery_code(
        cls,
        store_dir: Path,
        recovery_code: str,
        new_passphrase: str,
        throttle: UnlockThrottle | None = None,
    ) -> CaseStore:
        """Unlock with the recovery code and set ``new_passphrase`` at once.

        Also rebinds the store to this laptop's keyring, so it works on a new laptop too.
        """
        header = KeyHeader.load(store_dir)
        store = cls._unlock(store_dir, header, lambda: header.unlock_with_recovery_code(recovery_code), throttle)
        key = store._key()
        new_header = store.header.rebound_to_this_device().with_passphrase(key, new_passphrase)
        new_header.save(store_dir)
        store.header = new_header
        log.info("store %s: passphrase reset with recovery code", header.store_id)
        return store

    @classmethod
    def _unlock(
        cls,
        store_dir: Path,
        header: KeyHeader,
        unwrap: Callable[[], bytearray],
        throttle: UnlockThrottle | None,
    ) -> CaseStore:
        if throttle is not None:
            throttle.check()
        try:
            data_key = unwrap()
        except WrongPassphrase:
            if throttle is not None:
                throttle.record_failure()
            log.info("store %s: wrong credentials", header.store_id)
            raise
        except Exception:
            if throttle is not None:
                throttle.record_failure()
            raise
        if throttle is not None:
            throttle.record_success()
        return cls(store_dir, header, data_key)

    def close(self) -> None:
        """Lock: close every connection and wipe the data key from memory."""
        if self._engine is not None:
            with contextlib.suppress(Exception):
                self.checkpoint()
            self._engine.dispose()
        self._engine = None
        self._sessions = None
        wipe(self._data_key)
        self._data_key = None

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    @property
    def db_path(self) -> Path:
        return self.store_dir / self.header.db_file

    def _key(self) -> bytearray:
        if self._data_key is None:
            raise RuntimeError("store is locked")
        return self._data_key

    def _start_engine(self) -> None:
        key = self._key()
        fresh = not self.db_path.exists()
        engine = make_engine(self.db_path, key, type(self).connect)
        try:
            if migrate.pending(engine):
                if not fresh:
                    engine.dispose()
                    self._copy_before_migration()
                migrate.upgrade(engine)
        except sqlalchemy.exc.DatabaseError as exc:
            engine.dispose()
            raise StoreCorrupt() from exc
        except Exception:
            engine.dispose()
            raise
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        audit.install(self._sessions)

    def _copy_before_migration(self) -> None:
        folder = ensure_private_dir(self.store_dir / PRE_MIGRATION_DIR)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{Path(self.header.db_file).stem}-{stamp}.db"
        export_copy(self.db_path, self._key(), target, self._key())
        log.info("store %s: copied before migration to %s", self.header.store_id, target.name)

    def _clean_stray_files(self) -> None:
        """Remove what a crashed re-key, restore or backup left: anything the header does not name."""
        keep = {self.header.db_file, self.header.previous_db_file}
        for path in self.store_dir.glob("case-store-*.db*"):
            base = path.name.split(".db")[0] + ".db"
            if base not in keep:
                path.unlink(missing_ok=True)
        for pattern in (".backup-*.db*", f".{HEADER_NAME}.tmp-*", f".{PREVIOUS_HEADER_NAME}.tmp-*"):
            for path in self.store_dir.glob(pattern):
                path.unlink(missing_ok=True)
        if self.header.previous_db_file is None:
            (self.store_dir / PREVIOUS_HEADER_NAME).unlink(missing_ok=True)

    # -- sessions ------------------------------------------------------------------------
    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        if self._sessions is None:
            raise RuntimeError("store is locked")
        with self._sessions.begin() as session:
            yield session

    def raw_connection(self) -> sqlcipher3.Connection:
        """A keyed DB-API connection outside SQLAlchemy (integrity checks, backups)."""
        return connect_cipher(self.db_path, self._key())

    def checkpoint(self) -> None:
        """Fold the WAL into the database file (used before copying it)."""
        assert self._engine is not None
        with self._engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def get_meta(self, key: str, default: str = "") -> str:
        with self.session() as session:
            row = session.get(StoreMeta, key)
            return row.value if row is not None else default

    def set_meta(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(StoreMeta(key=key, value=value))

    def schema_revision(self) -> str | None:
        assert self._engine is not None
        with self._engine.connect() as connection:
            return migrate.current_revision(connection)

    def count(self, table: str) -> int:
        with self.session() as session:
            return int(session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())

    # -- checks and key changes ----------------------------------------------------------
    def verify(self) -> IntegrityReport:
        conn = self.raw_connection()
        try:
            return check_connection(conn)
        finally:
            conn.close()

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase. The database is not touched."""
        current = self.header.unlock_with_passphrase(old_passphrase)
        try:
            if bytes(current) != bytes(self._key()):
                raise StoreCorrupt()
        finally:
            wipe(current)
        new_header = self.header.with_passphrase(self._key(), new_passphrase)
        new_header.save(self.store_dir)
        self.header = new_header
        log.info("store %s: passphrase changed", self.header.store_id)

    def rekey(self, passphrase: str, progress: ProgressCallback | None = None) -> str:
        """Re-encrypt the whole database under a new data key; returns a new recovery code.

        The old recovery code stops working. Crash-safe: the new database is written and
        checked first, and the header switches to it in one atomic rename.
        """
        check = self.header.unlock_with_passphrase(passphrase)  # confirms the coach
        wipe(check)
        report = progress or (lambda done, total: None)
        report(0, 3)
        new_key = new_data_key()
        recovery_code = new_recovery_code()
        old_path = self.db_path
        new_file = db_file_name(generation_of(self.header.db_file) + 1)
        self.checkpoint()
        export_copy(old_path, self._key(), self.store_dir / new_file, new_key)
        report(1, 3)
        new_header = replace(self.header, db_file=new_file)
        new_header = new_header.with_passphrase(new_key, passphrase).with_recovery_code(new_key, recovery_code)
        report(2, 3)
        self._switch_to(new_header, new_key, keep_previous=False)
        report(3, 3)
        log.info("store %s: re-keyed", self.header.store_id)
        return recovery_code

    def _switch_to(self, new_header: KeyHeader, new_key: bytearray, *, keep_previous: bool) -> None:
        """Make ``new_header`` (and its database) current. Saving keys.json is the commit.

        With ``keep_previous`` the current database stays on disk as the undo copy: its header
        goes to previous-keys.json first, then keys.json names it. Without, it is deleted, and
        so is every other copy under the old key.
        """
        old_header, old_path = self.header, self.db_path
        assert self._engine is not None
        self.checkpoint()
        self._engine.dispose()
        if keep_previous:
            replace(old_header, previous_db_file=None).save_file(self.store_dir / PREVIOUS_HEADER_NAME)
            new_header = replace(new_header, previous_db_file=old_header.db_file)
        else:
            new_header = replace(new_header, previous_db_file=None)
        new_header.save(self.store_dir)
        if not keep_previous:
            remove_db_files(old_path)
            shutil.rmtree(self.store_dir / PRE_MIGRATION_DIR, ignore_errors=True)
        wipe(self._data_key)
        self.header = new_header
        self._data_key = new_key
        self._start_engine()
        self._clean_stray_files()  # drops an older undo copy and, after a re-key, the old one

    def can_undo_restore(self) -> bool:
        return self.header.previous_db_file is not None

    def undo_restore(self, passphrase: str | None = None) -> None:
        """Go back to the database as it was before the last restore (and keep this one as undo).

        The previous database is usually under the current data key; when it is not (a backup
        of another store was restored), ``passphrase`` must be that store's passphrase.
        """
        if self.header.previous_db_file is None:
            raise StoreError("Er is geen teruggezette back-up om ongedaan te maken.")
        previous = KeyHeader.load_file(self.store_dir / PREVIOUS_HEADER_NAME)
        path = self.store_dir / self.header.previous_db_file
        if not path.exists() or previous.db_file != self.header.previous_db_file:
            raise StoreCorrupt()
        if self.key_matches(path):
            key = bytearray(self._key())
            previous = replace(
                previous,
                passphrase_wrap=self.header.passphrase_wrap,
                recovery_wrap=self.header.recovery_wrap,
                kdf=self.header.kdf,
                uses_device_secret=self.header.uses_device_secret,
                store_id=self.header.store_id,
            )
        elif passphrase:
            key = previous.unlock_with_passphrase(passphrase)
        else:
            raise WrongPassphrase()
        self._switch_to(previous, key, keep_previous=True)
        log.info("store %s: restore undone", self.header.store_id)

    def key_matches(self, db_path: Path) -> bool:
        """True when this store's data key opens ``db_path`` (a backup of this store)."""
        conn = sqlcipher3.connect(str(db_path))
        try:
            conn.execute(key_pragma(self._key()))
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        except sqlcipher3.DatabaseError:
            return False
        finally:
            conn.close()
