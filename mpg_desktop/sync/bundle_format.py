"""The bundle file format of spec 4.8: outer container, archive entry names and limits.

Outer container (EXP-21), all lengths in bytes::

    4   magic  b"MPGB"
    1   container_version (1)
    16  recipient_key_id  = first 16 bytes of SHA-256 of the supervisor's X25519 public key
    …   libsodium sealed box (PyNaCl ``SealedBox``) of the inner archive

The inner archive (EXP-22) is a ZIP held only in memory: ``manifest.json``, ``manifest.sig`` and
one ``tables/<name>.csv`` per table, in that order, every entry dated 1980-01-01. Entries are
stored uncompressed: the tables of one coach are a few hundred kilobytes at most, and a stored
archive cannot be a decompression bomb (the unpacked size is bounded by the file size).

Pure values and functions; thread-safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from mpg_desktop.sync.errors import ImportErrorCode, ImportRefused

MAGIC = b"MPGB"
CONTAINER_VERSION = 1
RECIPIENT_KEY_ID_BYTES = 16
HEADER_BYTES = len(MAGIC) + 1 + RECIPIENT_KEY_ID_BYTES
FORMAT_NAME = "mpg-bundle"
FILE_SUFFIX = ".mpgb"

MANIFEST_ENTRY = "manifest.json"
SIGNATURE_ENTRY = "manifest.sig"
TABLES_FOLDER = "tables/"
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

# Limits for untrusted input. A bundle of one coach's caseload is far below these.
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 64
MAX_MANIFEST_BYTES = 1024 * 1024


def table_path(name: str) -> str:
    """The archive entry of table ``name``, e.g. ``tables/families.csv``."""
    return f"{TABLES_FOLDER}{name}.csv"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_sha256(table_hashes: Mapping[str, str]) -> str:
    """SHA-256 over the lines ``name:sha256\\n`` of all tables sorted by name (idempotence key)."""
    lines = "".join(f"{name}:{table_hashes[name]}\n" for name in sorted(table_hashes))
    return sha256_hex(lines.encode("utf-8"))


@dataclass(frozen=True)
class Container:
    """The parsed outer container; ``ciphertext`` is still sealed."""

    version: int
    recipient_key_id: bytes
    ciphertext: bytes


def pack_container(recipient_key_id: bytes, ciphertext: bytes) -> bytes:
    if len(recipient_key_id) != RECIPIENT_KEY_ID_BYTES:
        raise ValueError("recipient key id must be 16 bytes")
    return MAGIC + bytes([CONTAINER_VERSION]) + recipient_key_id + ciphertext


def unpack_container(data: bytes) -> Container:
    """Split a bundle file into header fields and ciphertext (import steps 1-2: E01, E02, E03)."""
    if not data:
        raise ImportRefused(ImportErrorCode.ONLEESBAAR, "Het bestand is leeg.")
    if not data.startswith(MAGIC[: len(data)]):
        raise ImportRefused(ImportErrorCode.GEEN_BUNDEL)
    if len(data) < HEADER_BYTES:
        raise ImportRefused(ImportErrorCode.ONLEESBAAR, "Het bestand is onvolledig (afgebroken).")
    version = data[len(MAGIC)]
    if version != CONTAINER_VERSION:
        raise ImportRefused(ImportErrorCode.CONTAINER_ONBEKEND)
    key_end = len(MAGIC) + 1 + RECIPIENT_KEY_ID_BYTES
    return Container(version, data[len(MAGIC) + 1 : key_end], data[key_end:])
