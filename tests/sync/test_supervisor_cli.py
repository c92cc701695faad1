"""Supervisor mode end to end through ``mpg-desktop``: a demo coach exports, the supervisor makes
its key, registers the laptop, imports and reports; refused and repeated bundles change nothing,
and the supervisor's private key is never readable in any file it leaves behind.
"""

from __future__ import annotations

import base64
import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from mpg_desktop.cli import main
from mpg_desktop.models.choices import Choice
from mpg_desktop.models.consent import Consent, ConsentForm
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.demo_data import create_demo_store
from mpg_desktop.storage.lifecycle_repository import save_consent
from mpg_desktop.storage.lifecycle_tables import ConsentRow
from mpg_desktop.storage.tables import FamilyRow
from mpg_desktop.sync.keys import KeyKind, supervisor_public_key
from mpg_desktop.sync.public_key_file import read_public_key_file
from mpg_desktop.sync.supervisor import META_PRIVATE_KEY, SupervisorRepository
from tests.conftest import FAST_KDF, PASSPHRASE

SUPERVISOR_TABLES = ("supervisor_devices", "supervisor_import_log", "supervisor_bundles", "supervisor_bundle_tables")


@dataclass
class Setup:
    root: Path
    supervisor: Path  # the supervisor's store folder
    supervisor_key: Path  # public key file for the coaches
    device_key: Path  # public key file of the coach's laptop
    bundle: Path
    trajects: int  # referrals in the coach's store, all with monitoring consent


def _sup(*args: str) -> int:
    return main(["supervisor", *args])


def _snapshot(store_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the supervisor tables and the audit log (what an import could change)."""
    store = CaseStore.open(store_dir, PASSPHRASE)
    try:
        with store.session() as session:
            return {
                name: [tuple(row) for row in session.execute(text(f"SELECT * FROM {name} ORDER BY 1, 2"))]
                for name in (*SUPERVISOR_TABLES, "audit_log")
            }
    finally:
        store.close()


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    monkeypatch.setenv("MPG_PASSPHRASE", PASSPHRASE)
    coach = create_demo_store(tmp_path / "coach", PASSPHRASE, kdf=FAST_KDF)
    with coach.session() as session:  # this test decides who consented, not the demo
        session.execute(delete(ConsentRow))
        family_ids = list(session.scalars(select(FamilyRow.id)))
    for family_id in family_ids:
        consent = Consent(
            Choice("monitoring_basis"), "Supervisor", ("status",), date(2025, 1, 5), "Ouder", Choice("ouder"),
            ConsentForm.SCHRIFTELIJK,
        )  # fmt: skip
        save_consent(coach, family_id, consent)
    trajects = coach.count("trajects")
    coach.close()
    supervisor, _recovery = CaseStore.create(tmp_path / "supervisor", PASSPHRASE, kdf=FAST_KDF)
    supervisor.close()
    setup = Setup(
        tmp_path, tmp_path / "supervisor", tmp_path / "supervisor.key", tmp_path / "laptop.key", Path(), trajects
    )
    assert _sup("keygen", "--store", str(setup.supervisor), "--out", str(setup.supervisor_key)) == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    export = ["export", "--store", str(tmp_path / "coach"), "--supervisor-key", str(setup.supervisor_key)]
    assert main([*export, "--to", str(usb), "--yes", "--device-key-out", str(setup.device_key)]) == 0
    [setup.bundle] = usb.glob("*.mpgb")
    return setup


def _register(setup: Setup) -> int:
    return _sup("register", "--store", str(setup.supervisor), "--device-key", str(setup.device_key))


def test_keygen_register_import_report(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    key = read_public_key_file(setup.supervisor_key, KeyKind.SUPERVISOR_ENCRYPTION)
    device = read_public_key_file(setup.device_key, KeyKind.DEVICE_SIGNING)
    capsys.readouterr()
    assert _register(setup) == 0
    assert f"Vingerafdruk van de laptop: {device.fingerprint}" in capsys.readouterr().out
    assert _sup("import", "--store", str(setup.supervisor), str(setup.bundle)) == 0
    assert "Bundel gecontroleerd" in capsys.readouterr().out
    report = setup.root / "rapport"
    assert _sup("report", "--store", str(setup.supervisor), "--out", str(report)) == 0
    assert (report / "samenvatting.csv").is_file() and (report / "IND-01_aanmeldingen.parquet").is_file()
    with (report / "IND-01_aanmeldingen.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    [referrals] = [row for row in rows if row["measure"] == "aanmeldingen"]
    assert setup.trajects >= 5 and referrals["aantal"] == str(setup.trajects)
    # The key the bundle was made for is the one in the store, and keygen again keeps it.
    store = CaseStore.open(setup.supervisor, PASSPHRASE)
    try:
        assert supervisor_public_key(base64.b64decode(store.get_meta(META_PRIVATE_KEY))) == key.public
        assert SupervisorRepository(store).import_log() == [(setup.bundle.stem, "geimporteerd", None)]
    finally:
        store.close()
    again = setup.root / "again.key"
    assert _sup("keygen", "--store", str(setup.supervisor), "--out", str(again)) == 0
    assert read_public_key_file(again, KeyKind.SUPERVISOR_ENCRYPTION).public == key.public
    assert f"Vingerafdruk: {key.fingerprint}" in capsys.readouterr().out


def test_reimport_changes_nothing(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    assert _register(setup) == 0
    assert _sup("import", "--store", str(setup.supervisor), str(setup.bundle)) == 0
    before = _snapshot(setup.supervisor)
    assert len(before["supervisor_bundles"]) == 1 and len(before["supervisor_bundle_tables"]) > 1
    capsys.readouterr()
    assert _sup("import", "--store", str(setup.supervisor), str(setup.bundle), str(setup.bundle)) == 0
    assert capsys.readouterr().out.count("al eerder geïmporteerd") == 2
    assert _snapshot(setup.supervisor) == before


def test_tampered_bundle_is_refused_and_changes_nothing(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    assert _register(setup) == 0
    assert _sup("import", "--store", str(setup.supervisor), str(setup.bundle)) == 0
    before = _snapshot(setup.supervisor)
    data = bytearray(setup.bundle.read_bytes())
    data[-40] ^= 0x01  # inside the sealed box
    tampered = setup.root / "gewijzigd.mpgb"
    tampered.write_bytes(bytes(data))
    capsys.readouterr()
    assert _sup("import", "--store", str(setup.supervisor), str(tampered)) == 1
    err = capsys.readouterr().err
    assert "geweigerd" in err and "Foutcode E05 ONTSLEUTELEN_MISLUKT" in err
    assert _snapshot(setup.supervisor) == before


def test_bundle_from_unregistered_laptop_is_refused(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(setup.supervisor)
    capsys.readouterr()
    assert _sup("import", "--store", str(setup.supervisor), str(setup.bundle)) == 1
    assert "Foutcode E09 APPARAAT_ONBEKEND" in capsys.readouterr().err
    assert _snapshot(setup.supervisor) == before
    assert before["supervisor_import_log"] == [] and before["supervisor_bundles"] == []
    # Nothing imported, so no report either.
    assert _sup("report", "--store", str(setup.supervisor), "--out", str(setup.root / "rapport")) == 2
    assert not (setup.root / "rapport").exists()


def test_register_refuses_a_supervisor_key_file(setup: Setup) -> None:
    assert _sup("register", "--store", str(setup.supervisor), "--device-key", str(setup.supervisor_key)) == 2
    assert _snapshot(setup.supervisor)["supervisor_devices"] == []


def test_private_key_is_in_no_file(setup: Setup) -> None:
    assert _register(setup) == 0
    assert _sup("import", "--store", str(setup.supervisor), str(setup.bundle)) == 0
    assert _sup("report", "--store", str(setup.supervisor), "--out", str(setup.root / "rapport")) == 0
    store = CaseStore.open(setup.supervisor, PASSPHRASE)
    try:
        private = base64.b64decode(store.get_meta(META_PRIVATE_KEY))
    finally:
        store.close()
    assert len(private) == 32
    needles = (private, base64.b64encode(private), private.hex().encode())
    files = [path for path in setup.root.rglob("*") if path.is_file()]
    assert any(path.is_relative_to(setup.supervisor) for path in files)
    for path in files:
        content = path.read_bytes()
        assert not any(needle in content for needle in needles), path
