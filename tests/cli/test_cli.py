"""The mpg-desktop command line: demo, verify, backup; Dutch errors and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpg_desktop.cli import main
from mpg_desktop.storage import demo_data
from mpg_desktop.storage.case_store import CaseStore
from tests.conftest import FAST_KDF


@pytest.fixture(autouse=True)
def fast_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    original = demo_data.create_demo_store
    monkeypatch.setattr(demo_data, "create_demo_store", lambda d, p=demo_data.DEMO_PASSPHRASE: original(d, p, FAST_KDF))


def test_demo_verify_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "demo"
    assert main(["demo", "--store", str(store), "--passphrase", "een demo wachtwoordzin"]) == 0
    assert "25 gezinnen" in capsys.readouterr().out
    monkeypatch.setenv("MPG_PASSPHRASE", "een demo wachtwoordzin")
    assert main(["verify", "--store", str(store)]) == 0
    assert "geen problemen" in capsys.readouterr().out
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", "--store", str(store), "--to", str(usb)]) == 0
    assert len(list(usb.glob("*.mpgbackup"))) == 1
    opened = CaseStore.open(store, "een demo wachtwoordzin")
    assert opened.count("families") == 25 and opened.get_meta("last_backup_at")
    opened.close()


def test_wrong_passphrase_exit_code_and_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "demo"
    main(["demo", "--store", str(store), "--passphrase", "een demo wachtwoordzin"])
    capsys.readouterr()
    assert main(["verify", "--store", str(store), "--passphrase", "fout"]) == 2
    assert "klopt niet" in capsys.readouterr().err


def test_missing_store_and_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--store", str(tmp_path / "niets"), "--passphrase", "x"]) == 2
    assert "geen dossierbestand" in capsys.readouterr().err
    assert main(["backup", "--store", str(tmp_path), "--to", str(tmp_path / "geen-usb"), "--passphrase", "x"]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_damaged_store_verify_reports_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_dir = tmp_path / "demo"
    main(["demo", "--store", str(store_dir), "--passphrase", "een demo wachtwoordzin"])
    db = next(store_dir.glob("case-store-*.db"))
    data = bytearray(db.read_bytes())
    data[-3000] ^= 0x55
    db.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["verify", "--store", str(store_dir), "--passphrase", "een demo wachtwoordzin"]) == 1
    assert "problemen" in capsys.readouterr().err


def test_self_test_creates_unlocks_and_shows_the_main_window(qapp, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert "4/4 hoofdvenster getoond met 5 dossiers" in out and "Zelftest geslaagd." in out
