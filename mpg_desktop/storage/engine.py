"""SQLAlchemy engine on an SQLCipher file opened with a raw 256-bit key.

SQLAlchemy's ``sqlite+pysqlcipher`` dialect re-issues ``PRAGMA key`` from the URL, so we use
the plain ``sqlite://`` dialect with a ``creator`` that keys each connection before anything
else touches it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import QueuePool

from mpg_desktop.storage.errors import StoreCorrupt


def key_pragma(data_key: bytearray | bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    return f"PRAGMA key = \"x'{bytes(data_key).hex()}'\""


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and owner-only if it is missing.

    SQLite gives its -wal and -shm files the database file's permissions, so this one call
    keeps all three unreadable to other users of the laptop. An empty file is a new database.
    """
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def connect_cipher(path: Path, data_key: bytearray | bytes) -> sqlcipher3.Connection:
    """A keyed connection with the pragmas every connection needs.

    ``cipher_memory_security`` wipes SQLCipher's buffers; ``temp_store=MEMORY`` keeps sorts and
    temp tables out of plaintext temp files; WAL with ``synchronous=FULL`` makes every commit
    durable; ``secure_delete`` overwrites deleted content.
    """
    create_private_file(path)
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        conn.execute(key_pragma(data_key))
        conn.execute("PRAGMA cipher_memory_security = ON")
        # The first read proves the key: a wrong key fails here with "file is not a database".
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlcipher3.DatabaseError as exc:
        # The key was already proven by its AES-GCM wrap, so a file that does not decrypt
        # ("file is not a database") is damaged, not locked with another key.
        conn.close()
        raise StoreCorrupt() from exc
    return conn


def make_engine(
    path: Path, data_key: bytearray, connect: Callable[[Path, bytearray], object] = connect_cipher
) -> Engine:
    """An engine whose connections read the key from ``data_key`` when they open.

    Wiping ``data_key`` therefore stops any new connection; ``engine.dispose()`` closes the rest.
    """
    return create_engine(
        "sqlite://",
        creator=lambda: connect(path, data_key),
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
    )
