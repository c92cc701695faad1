"""Bundle keys: the coach device's Ed25519 signing key and the supervisor's X25519 key pair.

All cryptography is PyNaCl (libsodium); nothing here is home-made. Private keys are returned as
32 raw bytes for the caller to keep encrypted (in the SQLCipher store); this module never writes
a key anywhere. Public keys are exchanged as a small file (``public_key_file``) and confirmed by
fingerprint in person or by phone (spec EXP-25).

``key_id`` is the first 16 bytes of SHA-256 of the raw public key. For the supervisor key it is
the ``recipient_key_id`` in every bundle header (EXP-21); for a device key it is the
``device_key_id`` in the manifest, by which the importer finds the registered verify key.
The fingerprint is the same 16 bytes as 8 groups of 4 hex digits, so what the supervisor reads
out on the phone is exactly what the bundle header carries.

Stateless and thread-safe.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

import nacl.bindings
import nacl.exceptions
import nacl.public
import nacl.signing

KEY_BYTES = 32
KEY_ID_BYTES = 16


class KeyKind(Enum):
    """Which key a public key is; written into the exchange file so the two are never confused."""

    DEVICE_SIGNING = "apparaat-ed25519"
    SUPERVISOR_ENCRYPTION = "supervisor-x25519"


@dataclass(frozen=True)
class KeyPair:
    """A freshly generated key pair. ``private`` is hidden from repr so it never reaches a log."""

    kind: KeyKind
    private: bytes = field(repr=False)
    public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)


def new_device_key() -> KeyPair:
    """A new Ed25519 signing key for this coach laptop (made once, at setup)."""
    signing = nacl.signing.SigningKey.generate()
    return KeyPair(KeyKind.DEVICE_SIGNING, bytes(signing), signing.verify_key.encode())


def new_supervisor_key() -> KeyPair:
    """A new X25519 key pair for the supervisor; bundles are encrypted to its public half."""
    private = nacl.public.PrivateKey.generate()
    return KeyPair(KeyKind.SUPERVISOR_ENCRYPTION, private.encode(), private.public_key.encode())


def device_public_key(private: bytes) -> bytes:
    """The Ed25519 verify key belonging to a stored 32-byte signing key (seed)."""
    return signing_key(private).verify_key.encode()


def supervisor_public_key(private: bytes) -> bytes:
    """The X25519 public key belonging to a stored 32-byte private key."""
    return encryption_private_key(private).public_key.encode()


def signing_key(private: bytes) -> nacl.signing.SigningKey:
    _check_length(private, "private key")
    return nacl.signing.SigningKey(private)


def encryption_private_key(private: bytes) -> nacl.public.PrivateKey:
    _check_length(private, "private key")
    return nacl.public.PrivateKey(private)


def key_id(public: bytes) -> bytes:
    """First 16 bytes of SHA-256 of the raw public key (EXP-21)."""
    return hashlib.sha256(public).digest()[:KEY_ID_BYTES]


def fingerprint(public: bytes) -> str:
    """8 groups of 4 lower-case hex digits, e.g. ``'3f2a 91c0 …'`` (EXP-25); 128 bits."""
    digits = key_id(public).hex()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def is_valid_public_key(kind: KeyKind, public: bytes) -> bool:
    """True for a usable public key of ``kind``; false for wrong length or a weak (small-order) point.

    Why: a weak supervisor key would make every sealed box readable, and libsodium would only
    complain later, in the middle of an export.
    """
    if len(public) != KEY_BYTES:
        return False
    try:
        if kind is KeyKind.DEVICE_SIGNING:
            # Converting to Curve25519 fails for points that are not valid Ed25519 keys.
            nacl.bindings.crypto_sign_ed25519_pk_to_curve25519(public)
        else:
            nacl.public.SealedBox(nacl.public.PublicKey(public)).encrypt(b"")
    except nacl.exceptions.CryptoError:
        return False
    return True


def _check_length(key: bytes, what: str) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError(f"{what} must be {KEY_BYTES} bytes, got {len(key)}")
