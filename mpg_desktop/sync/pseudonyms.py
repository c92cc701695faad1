"""Keyed pseudonyms for the export (privacy-export-analysis 4.5, EXP-30..33).

``pid = prefix + base32lower(HMAC-SHA256(K_org, tag || 0x00 || local_id))[:26]``, one domain tag
per entity type, so pseudonyms of a family and of a trajectory with the same local id are
unlinkable. Only the standard library ``hmac``/``hashlib`` is used. ``K_org`` is 32 random bytes;
it is never written into a bundle or shown. Stateless and thread-safe.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from enum import Enum

KEY_BYTES = 32
PID_CHARS = 26  # 130 bits


class Entity(Enum):
    """Entity type: (domain tag, pseudonym prefix)."""

    GEZIN = ("mpg/v1/gezin", "G")
    TRAJECT = ("mpg/v1/traject", "T")
    DOEL = ("mpg/v1/doel", "D")
    MEDEWERKER = ("mpg/v1/medewerker", "M")
    APPARAAT = ("mpg/v1/apparaat", "A")

    @property
    def tag(self) -> bytes:
        return self.value[0].encode("ascii")

    @property
    def prefix(self) -> str:
        return self.value[1]


def new_org_key() -> bytes:
    """256 random bits; in production made once per organisation by the key custodian (EXP-32)."""
    return secrets.token_bytes(KEY_BYTES)


@dataclass(frozen=True)
class Pseudonymiser:
    """Pseudonyms under one organisation key. The key is hidden from repr so it never reaches a log."""

    key: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES:
            raise ValueError(f"organisation key must be {KEY_BYTES} bytes")

    def pid(self, entity: Entity, local_id: str) -> str:
        """The stable pseudonym of one entity; ``local_id`` is its random local identifier."""
        digest = hmac.new(self.key, entity.tag + b"\x00" + local_id.encode("utf-8"), hashlib.sha256).digest()
        return entity.prefix + base64.b32encode(digest).decode("ascii").lower()[:PID_CHARS]

    @property
    def key_id(self) -> str:
        """``hex(HMAC-SHA256(K_org, "mpg/v1/key-id"))[:16]`` for the manifest (EXP-33)."""
        return hmac.new(self.key, b"mpg/v1/key-id", hashlib.sha256).hexdigest()[:16]
