"""Shared fixtures: a fake keyring, a private data folder and a fast KDF for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.key_wrapping import KdfParams
from tests.fakes import MemoryKeyring

# CI machines are small and shared: judge hypothesis tests on their assertions, not their speed.
settings.register_profile("mpg", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mpg")

# Subprocesses started by tests get the null keyring (never the user's real one).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

# Argon2id at production cost takes ~0.3 s; tests unlock hundreds of times. The header records
# the parameters, so a store made with these opens exactly like a production one.
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "keukentafel zonder verbinding 42"


@pytest.fixture(autouse=True)
def fake_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MPG_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def store_dir(data_dir: Path) -> Path:
    return data_dir / "store"


@pytest.fixture
def store(store_dir: Path) -> Iterator[CaseStore]:
    created, _code = CaseStore.create(
        store_dir, PASSPHRASE, coach_name="Coach Test", organisation="Gemeente Test", kdf=FAST_KDF
    )
    yield created
    if created.is_open:
        created.close()
