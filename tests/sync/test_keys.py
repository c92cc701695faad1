"""Bundle keys and the public-key exchange file (EXP-25)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import nacl.public
import nacl.signing
import pytest

from mpg_desktop.sync.errors import KeyFileInvalid
from mpg_desktop.sync.keys import (
    KeyKind,
    device_public_key,
    fingerprint,
    is_valid_public_key,
    key_id,
    new_device_key,
    new_supervisor_key,
    supervisor_public_key,
)
from mpg_desktop.sync.public_key_file import (
    PublicKeyFile,
    parse_public_key_file,
    public_key_file_bytes,
    read_public_key_file,
    write_public_key_file,
)

FINGERPRINT = re.compile(r"[0-9a-f]{4}( [0-9a-f]{4}){7}")


def test_device_key_signs_and_its_public_half_verifies() -> None:
    pair = new_device_key()
    assert pair.kind is KeyKind.DEVICE_SIGNING
    assert len(pair.private) == 32 and len(pair.public) == 32
    assert device_public_key(pair.private) == pair.public
    signed = nacl.signing.SigningKey(pair.private).sign(b"manifest")
    assert nacl.signing.VerifyKey(pair.public).verify(signed) == b"manifest"


def test_supervisor_key_opens_what_is_sealed_to_its_public_half() -> None:
    pair = new_supervisor_key()
    assert pair.kind is KeyKind.SUPERVISOR_ENCRYPTION
    assert supervisor_public_key(pair.private) == pair.public
    sealed = nacl.public.SealedBox(nacl.public.PublicKey(pair.public)).encrypt(b"tabellen")
    assert nacl.public.SealedBox(nacl.public.PrivateKey(pair.private)).decrypt(sealed) == b"tabellen"


def test_fresh_keys_differ() -> None:
    assert new_device_key().private != new_device_key().private
    assert new_supervisor_key().public != new_supervisor_key().public


def test_private_key_never_shows_in_repr() -> None:
    pair = new_device_key()
    text = repr(pair)
    assert pair.private.hex() not in text and repr(pair.private) not in text
    assert "private" not in text


def test_fingerprint_is_eight_groups_of_four_hex_digits_of_the_key_id() -> None:
    pair = new_supervisor_key()
    assert FINGERPRINT.fullmatch(pair.fingerprint)
    assert pair.fingerprint.replace(" ", "") == key_id(pair.public).hex()
    assert fingerprint(bytes(range(32))) == fingerprint(bytes(range(32)))
    assert fingerprint(bytes(range(32))) != fingerprint(bytes(range(1, 33)))


def test_private_keys_of_the_wrong_length_are_refused() -> None:
    with pytest.raises(ValueError):
        device_public_key(b"short")
    with pytest.raises(ValueError):
        supervisor_public_key(bytes(33))


@pytest.mark.parametrize("kind", list(KeyKind))
def test_weak_or_malformed_public_keys_are_invalid(kind: KeyKind) -> None:
    assert not is_valid_public_key(kind, bytes(32))
    assert not is_valid_public_key(kind, b"\x01" + bytes(31))
    assert not is_valid_public_key(kind, bytes(31))
    good = new_device_key() if kind is KeyKind.DEVICE_SIGNING else new_supervisor_key()
    assert is_valid_public_key(kind, good.public)


# -- the exchange file ---------------------------------------------------------------------
def test_exchange_file_round_trip(tmp_path: Path) -> None:
    pair = new_supervisor_key()
    path = tmp_path / "supervisor.mpgkey"
    write_public_key_file(path, PublicKeyFile(pair.kind, pair.public, "Supervisor team Noord"))
    read = read_public_key_file(path, KeyKind.SUPERVISOR_ENCRYPTION)
    assert read == PublicKeyFile(KeyKind.SUPERVISOR_ENCRYPTION, pair.public, "Supervisor team Noord")
    assert read.fingerprint == pair.fingerprint
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["fingerprint"] == pair.fingerprint and document["kind"] == "supervisor-x25519"


def test_exchange_file_never_holds_the_private_key(tmp_path: Path) -> None:
    pair = new_device_key()
    path = tmp_path / "laptop.mpgkey"
    write_public_key_file(path, PublicKeyFile(pair.kind, pair.public))
    content = path.read_bytes()
    for form in (pair.private, pair.private.hex().encode(), base64.b64encode(pair.private)):
        assert form not in content
    assert base64.b64encode(pair.public) in content  # control: the public key is there
    assert [p.name for p in tmp_path.iterdir()] == ["laptop.mpgkey"]


def test_a_device_key_file_is_not_a_supervisor_key() -> None:
    pair = new_device_key()
    data = public_key_file_bytes(PublicKeyFile(pair.kind, pair.public))
    with pytest.raises(KeyFileInvalid) as caught:
        parse_public_key_file(data, KeyKind.SUPERVISOR_ENCRYPTION)
    assert "niet de sleutel van een supervisor" in caught.value.message


def _file_with(**changes: object) -> bytes:
    pair = new_supervisor_key()
    document = json.loads(public_key_file_bytes(PublicKeyFile(pair.kind, pair.public)))
    document.update(changes)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe",
        b"[" * 3000,
        b"{}",
        _file_with(fingerprint="0000 0000 0000 0000 0000 0000 0000 0000"),
        _file_with(public_key=base64.b64encode(bytes(32)).decode()),
        _file_with(public_key="!!!"),
        _file_with(kind="iets-anders"),
        _file_with(version=2),
        _file_with(label="x" * 101),
        _file_with(label=7),
        b" " * 5000,
    ],
)
def test_damaged_exchange_files_are_refused_in_dutch(data: bytes) -> None:
    with pytest.raises(KeyFileInvalid) as caught:
        parse_public_key_file(data, KeyKind.SUPERVISOR_ENCRYPTION)
    assert "vingerafdruk" in caught.value.message or "sleutelbestand" in caught.value.message


def test_an_unreadable_exchange_file(tmp_path: Path) -> None:
    with pytest.raises(KeyFileInvalid, match="kan niet worden gelezen"):
        read_public_key_file(tmp_path / "weg.mpgkey", KeyKind.DEVICE_SIGNING)


def test_writing_refuses_an_invalid_key() -> None:
    with pytest.raises(ValueError):
        public_key_file_bytes(PublicKeyFile(KeyKind.SUPERVISOR_ENCRYPTION, bytes(32)))
