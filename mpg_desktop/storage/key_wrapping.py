"""Deriving wrapping keys (Argon2id) and wrapping the data key (AES-256-GCM).

Both primitives come from ``cryptography``; nothing here is home-made crypto. The associated
data binds every wrap to its store and its purpose, so wraps cannot be swapped between files.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored in the header so that a store keeps opening if defaults change."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def to_json(self) -> dict[str, int | str]:
        return {"algorithm": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, int | str]) -> KdfParams:
        if data.get("algorithm") != "argon2id":
            raise ValueError("unknown kdf")
        return cls(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))


# The recovery code already carries 160 random bits, so a light Argon2id suffices for it.
RECOVERY_KDF = KdfParams(memory_kib=16 * 1024, iterations=2, lanes=1)


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC so that the same passphrase typed on another keyboard layout derives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(secret: bytes, salt: bytes, params: KdfParams, pepper: bytes | None = None) -> bytes:
    """Argon2id of ``secret``; ``pepper`` (the device secret) is Argon2's keyed-hash input."""
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        secret=pepper,
    )
    return kdf.derive(secret)


@dataclass(frozen=True)
class Wrap:
    salt: bytes
    nonce: bytes
    ciphertext: bytes


def wrap_key(data_key: bytes | bytearray, wrapping_key: bytes, salt: bytes, aad: bytes) -> Wrap:
    nonce = os.urandom(NONCE_BYTES)
    return Wrap(salt, nonce, AESGCM(wrapping_key).encrypt(nonce, bytes(data_key), aad))


def unwrap_key(wrap: Wrap, wrapping_key: bytes, aad: bytes) -> bytearray | None:
    """The data key, or None when the wrapping key (passphrase, code) is wrong."""
    try:
        return bytearray(AESGCM(wrapping_key).decrypt(wrap.nonce, wrap.ciphertext, aad))
    except InvalidTag:
        return None


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def new_data_key() -> bytearray:
    return bytearray(os.urandom(DATA_KEY_BYTES))


def wipe(buffer: bytearray | None) -> None:
    """Overwrite a key buffer in place; as much as Python lets us drop a secret."""
    if buffer is not None:
        for index in range(len(buffer)):
            buffer[index] = 0
