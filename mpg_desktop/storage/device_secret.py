"""The device secret: 32 random bytes in the OS keyring, mixed into the passphrase KDF.

With it, a copied store file plus its passphrase is not enough: the attacker also needs this
laptop's keyring. Where no usable keyring backend exists (headless Linux), the store falls back
to passphrase only and the UI says so; the recovery code always works without it.
"""

from __future__ import annotations

import base64
import logging
import os

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "mpg_desktop"
SECRET_BYTES = 32


def keyring_available() -> bool:
    """True when a real (priority > 0) keyring backend is present."""
    try:
        backend = keyring.get_keyring()
        priority = float(getattr(backend, "priority", 0))
    except Exception:  # a broken backend is as good as none
        log.warning("keyring backend could not be queried", exc_info=True)
        return False
    name = type(backend).__module__
    if name.startswith(("keyring.backends.fail", "keyrings.alt")) or priority <= 0:
        return False
    if type(backend).__name__ == "ChainerBackend":
        return bool(getattr(backend, "backends", []))
    return True


def _username(store_id: str) -> str:
    return f"device-secret:{store_id}"


def create_device_secret(store_id: str) -> bytes | None:
    """Make and keep a new secret for ``store_id``; None when no keyring can hold it."""
    if not keyring_available():
        return None
    secret = os.urandom(SECRET_BYTES)
    try:
        keyring.set_password(SERVICE, _username(store_id), base64.b64encode(secret).decode("ascii"))
    except KeyringError:
        log.warning("keyring refused the device secret; falling back to passphrase only")
        return None
    return secret


def load_device_secret(store_id: str) -> bytes | None:
    try:
        value = keyring.get_password(SERVICE, _username(store_id))
    except KeyringError:
        log.warning("keyring could not be read")
        return None
    return base64.b64decode(value) if value else None
