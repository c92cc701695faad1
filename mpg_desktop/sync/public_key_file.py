"""The public-key exchange file: one small JSON file holding one public key and its fingerprint.

The supervisor gives the coach a file with the X25519 key; the coach gives the supervisor a file
with the laptop's Ed25519 key. Both then compare the fingerprint out loud (EXP-25): the file
itself proves nothing, since anyone can make one. The ``fingerprint`` field inside the file is
checked against the key only to catch corruption.

Example::

    {"fingerprint": "3f2a 91c0 …", "format": "mpg-public-key", "kind": "supervisor-x25519",
     "label": "Supervisor team Noord", "public_key": "<base64>", "version": 1}

Stateless and thread-safe; ``write_public_key_file`` does file I/O.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path

from mpg_desktop.storage.paths import atomic_write_bytes
from mpg_desktop.sync.errors import KeyFileInvalid
from mpg_desktop.sync.keys import KeyKind, fingerprint, is_valid_public_key

FORMAT = "mpg-public-key"
VERSION = 1
MAX_FILE_BYTES = 4096
MAX_LABEL_CHARS = 100


@dataclass(frozen=True)
class PublicKeyFile:
    """A public key as exchanged; ``label`` is a short name such as 'Laptop team Noord'."""

    kind: KeyKind
    public: bytes
    label: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)


def public_key_file_bytes(key: PublicKeyFile) -> bytes:
    """The exchange file's content (UTF-8 JSON, sorted keys, trailing newline)."""
    if not is_valid_public_key(key.kind, key.public):
        raise ValueError("not a valid public key of this kind")
    if len(key.label) > MAX_LABEL_CHARS or not key.label.isprintable():
        raise ValueError("label too long or not printable")
    document = {
        "format": FORMAT,
        "version": VERSION,
        "kind": key.kind.value,
        "public_key": base64.b64encode(key.public).decode("ascii"),
        "fingerprint": key.fingerprint,
        "label": key.label,
    }
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def write_public_key_file(path: Path, key: PublicKeyFile) -> None:
    """Write the exchange file atomically (raises storage ``DiskFull`` when the disk is full)."""
    atomic_write_bytes(path, public_key_file_bytes(key))


def read_public_key_file(path: Path, expected: KeyKind) -> PublicKeyFile:
    """Read and check an exchange file; ``KeyFileInvalid`` (Dutch message) when it is not usable."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise KeyFileInvalid(
            "Het sleutelbestand kan niet worden gelezen. Controleer of het bestand er nog staat en probeer het opnieuw."
        ) from exc
    return parse_public_key_file(data, expected)


def parse_public_key_file(data: bytes, expected: KeyKind) -> PublicKeyFile:
    """Parse an exchange file; refuses another kind of key, a damaged key or a wrong fingerprint."""
    if len(data) > MAX_FILE_BYTES:
        raise KeyFileInvalid()
    try:
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") != VERSION:
            raise KeyFileInvalid()
        kind = KeyKind(document["kind"])
        public = base64.b64decode(document["public_key"], validate=True)
        label = document.get("label", "")
        stated_fingerprint = document["fingerprint"]
    except (UnicodeDecodeError, RecursionError, KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise KeyFileInvalid() from exc
    if kind is not expected:
        wanted = "supervisor" if expected is KeyKind.SUPERVISOR_ENCRYPTION else "laptop (apparaat)"
        raise KeyFileInvalid(
            f"Dit sleutelbestand bevat niet de sleutel van een {wanted}. Kies het juiste sleutelbestand."
        )
    if not isinstance(label, str) or len(label) > MAX_LABEL_CHARS or not label.isprintable():
        raise KeyFileInvalid()
    if not is_valid_public_key(kind, public) or stated_fingerprint != fingerprint(public):
        raise KeyFileInvalid()
    return PublicKeyFile(kind, public, label)
