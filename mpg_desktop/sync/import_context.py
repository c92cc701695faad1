"""What the importer must know from the supervisor's database: the device register and the import log.

The reader only asks; it never writes. The supervisor's store implements these two protocols
(the device register of EXP-25 and the import log of IMP-10). Implementations are called from
the import worker thread and must be safe to call there (a read-only query is enough).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RegisteredDevice:
    """A coach laptop whose Ed25519 public key the supervisor registered after checking its fingerprint.

    ``device_pid`` (EXP-30), when the register knows it, binds the key to one device pseudonym:
    a bundle signed with this key must name this pid, so one laptop cannot overwrite the
    referral aggregates of another (IMP-15).
    """

    public_key: bytes
    label: str = ""
    revoked: bool = False
    device_pid: str | None = None


class DeviceRegistry(Protocol):
    def device_for_key_id(self, key_id: bytes) -> RegisteredDevice | None:
        """The registered device whose public key has this 16-byte key id, or None."""
        ...


class ImportLog(Protocol):
    def content_sha256_of(self, bundle_id: str) -> str | None:
        """The ``content_sha256`` of the bundle with this id imported earlier, or None if never."""
        ...
