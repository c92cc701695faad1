"""The key header (``keys.json``) next to the database: the only place the data key lives,
and only wrapped.

The header is also the store's atomic commit point for whole-file operations: it names the
database file in use, so a re-key or restore writes a new database file first and then swaps
the header in one rename. A crash at any moment leaves a header that matches its database.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mpg_desktop.storage import device_secret
from mpg_desktop.storage.errors import (
    DeviceSecretMissing,
    StoreCorrupt,
    StoreNotFound,
    WrongPassphrase,
    WrongRecoveryCode,
)
from mpg_desktop.storage.key_wrapping import (
    RECOVERY_KDF,
    KdfParams,
    Wrap,
    derive_key,
    new_salt,
    normalise_passphrase,
    unwrap_key,
    wrap_key,
)
from mpg_desktop.storage.paths import HEADER_NAME, atomic_write_bytes
from mpg_desktop.storage.recovery_code import normalise_recovery_code

HEADER_FORMAT = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _wrap_to_json(wrap: Wrap) -> dict[str, str]:
    return {"salt": _b64(wrap.salt), "nonce": _b64(wrap.nonce), "ciphertext": _b64(wrap.ciphertext)}


def _wrap_from_json(data: dict[str, str]) -> Wrap:
    return Wrap(base64.b64decode(data["salt"]), base64.b64decode(data["nonce"]), base64.b64decode(data["ciphertext"]))


@dataclass(frozen=True)
class KeyHeader:
    store_id: str
    db_file: str
    kdf: KdfParams
    uses_device_secret: bool
    passphrase_wrap: Wrap
    recovery_wrap: Wrap
    created_at: str
    demo_passphrase: str | None = None  # only ever set on the synthetic demo store
    # The database file as it was before the last restore, kept so the restore can be undone;
    # its own header is PREVIOUS_HEADER_NAME. Naming it here keeps it safe from clean-up.
    previous_db_file: str | None = None

    @property
    def is_demo(self) -> bool:
        return self.demo_passphrase is not None

    def _aad(self, purpose: str) -> bytes:
        return f"mpg_desktop/{self.store_id}/{purpose}".encode()

    # -- reading and writing -------------------------------------------------------------
    @classmethod
    def load(cls, store_dir: Path) -> KeyHeader:
        return cls.load_file(store_dir / HEADER_NAME)

    @classmethod
    def load_file(cls, path: Path) -> KeyHeader:
        if not path.exists():
            raise StoreNotFound()
        return cls.parse(path.read_bytes())

    @classmethod
    def parse(cls, raw: bytes) -> KeyHeader:
        try:
            data: dict[str, Any] = json.loads(raw.decode("utf-8"))
            if data["format"] != HEADER_FORMAT:
                raise StoreCorrupt("Dit sleutelbestand heeft een onbekende indeling. Installeer de nieuwste versie.")
            return cls(
                store_id=str(data["store_id"]),
                db_file=str(data["db_file"]),
                kdf=KdfParams.from_json(data["kdf"]),
                uses_device_secret=bool(data["uses_device_secret"]),
                passphrase_wrap=_wrap_from_json(data["passphrase_wrap"]),
                recovery_wrap=_wrap_from_json(data["recovery_wrap"]),
                created_at=str(data["created_at"]),
                demo_passphrase=data.get("demo_passphrase"),
                previous_db_file=data.get("previous_db_file"),
            )
        except StoreCorrupt:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreCorrupt() from exc

    def save(self, store_dir: Path) -> None:
        """Write ``keys.json`` atomically: this rename is the store's commit point."""
        self.save_file(store_dir / HEADER_NAME)

    def save_file(self, path: Path) -> None:
        data = {
            "format": HEADER_FORMAT,
            "store_id": self.store_id,
            "db_file": self.db_file,
            "kdf": self.kdf.to_json(),
            "uses_device_secret": self.uses_device_secret,
            "passphrase_wrap": _wrap_to_json(self.passphrase_wrap),
            "recovery_wrap": _wrap_to_json(self.recovery_wrap),
            "created_at": self.created_at,
        }
        if self.demo_passphrase is not None:
            data["demo_passphrase"] = self.demo_passphrase
        if self.previous_db_file is not None:
            data["previous_db_file"] = self.previous_db_file
        atomic_write_bytes(path, json.dumps(data, indent=2).encode("utf-8"))

    # -- creating and opening ------------------------------------------------------------
    @classmethod
    def create(
        cls,
        data_key: bytearray,
        passphrase: str,
        recovery_code: str,
        kdf: KdfParams,
        *,
        db_file: str,
        use_device_secret: bool = True,
        demo_passphrase: str | None = None,
    ) -> KeyHeader:
        store_id = str(uuid.uuid4())
        pepper = device_secret.create_device_secret(store_id) if use_device_secret else None
        placeholder = Wrap(b"", b"", b"")
        header = cls(
            store_id=store_id,
            db_file=db_file,
            kdf=kdf,
            uses_device_secret=pepper is not None,
            passphrase_wrap=placeholder,
            recovery_wrap=placeholder,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            demo_passphrase=demo_passphrase,
        )
        return header.with_passphrase(data_key, passphrase).with_recovery_code(data_key, recovery_code)

    def _pepper(self) -> bytes | None:
        if not self.uses_device_secret:
            return None
        pepper = device_secret.load_device_secret(self.store_id)
        if pepper is None:
            raise DeviceSecretMissing()
        return pepper

    def rebound_to_this_device(self) -> KeyHeader:
        """This laptop's keyring: keep a device secret that is here, make one where it is not.

        Re-wrap the passphrase afterwards (``with_passphrase``): the old wrap used the old secret.
        """
        if self.uses_device_secret and device_secret.load_device_secret(self.store_id) is not None:
            return self
        pepper = device_secret.create_device_secret(self.store_id)
        return replace(self, uses_device_secret=pepper is not None)

    def with_passphrase(self, data_key: bytearray, passphrase: str) -> KeyHeader:
        """A copy whose passphrase wrap holds ``data_key`` under ``passphrase``."""
        salt = new_salt()
        wrapping = derive_key(normalise_passphrase(passphrase), salt, self.kdf, self._pepper())
        return replace(self, passphrase_wrap=wrap_key(data_key, wrapping, salt, self._aad("passphrase")))

    def with_recovery_code(self, data_key: bytearray, recovery_code: str) -> KeyHeader:
        code = normalise_recovery_code(recovery_code)
        if code is None:
            raise WrongRecoveryCode()
        salt = new_salt()
        wrapping = derive_key(code.encode("ascii"), salt, RECOVERY_KDF)
        return replace(self, recovery_wrap=wrap_key(data_key, wrapping, salt, self._aad("recovery")))

    def unlock_with_passphrase(self, passphrase: str) -> bytearray:
        wrap = self.passphrase_wrap
        wrapping = derive_key(normalise_passphrase(passphrase), wrap.salt, self.kdf, self._pepper())
        data_key = unwrap_key(wrap, wrapping, self._aad("passphrase"))
        if data_key is None:
            raise WrongPassphrase()
        return data_key

    def unlock_with_recovery_code(self, recovery_code: str) -> bytearray:
        code = normalise_recovery_code(recovery_code)
        if code is None:
            raise WrongRecoveryCode(
                "Een herstelcode bestaat uit 8 groepjes van 4 letters en cijfers. Controleer de code."
            )
        wrap = self.recovery_wrap
        wrapping = derive_key(code.encode("ascii"), wrap.salt, RECOVERY_KDF)
        data_key = unwrap_key(wrap, wrapping, self._aad("recovery"))
        if data_key is None:
            raise WrongRecoveryCode()
        return data_key
