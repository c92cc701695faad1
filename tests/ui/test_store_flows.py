"""Menu flows in the main window: backup with progress, restore after confirmation, file check,
passphrase change and re-key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.ui import backup_flow, key_dialogs
from mpg_desktop.ui.key_dialogs import ChangePassphraseDialog
from mpg_desktop.ui.workers import STORE_POOL, Job
from tests.conftest import PASSPHRASE


def wait_jobs(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: Job.running_count() == 0, timeout=10_000)
    STORE_POOL.waitForDone()


def test_backup_then_restore_from_the_menu(qtbot, main_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup_flow.make_backup(main_window, usb)
    wait_jobs(qtbot)
    [written] = list(usb.glob("*.mpgbackup"))
    assert "gemaakt en gecontroleerd" in messages[-1]
    assert main_window.backup_label.text().startswith("Laatste back-up:")

    main_window.store.set_meta("marker", "after-backup")
    with qtbot.waitSignal(main_window.cases_loaded, timeout=10_000):
        backup_flow.restore(main_window, written)
        wait_jobs(qtbot)
    assert messages[-1] == "De back-up is teruggezet."
    assert main_window.store.get_meta("marker") == ""
    assert main_window.model.rowCount() == 4

    with qtbot.waitSignal(main_window.cases_loaded, timeout=10_000):
        backup_flow.undo_restore(main_window)
        wait_jobs(qtbot)
    assert messages[-1] == "Het vorige bestand is terug."
    assert main_window.store.get_meta("marker") == "after-backup"


def test_restore_asks_first_and_no_changes_nothing(qtbot, main_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    backup_flow.make_backup(main_window, tmp_path)
    wait_jobs(qtbot)
    [written] = list(tmp_path.glob("*.mpgbackup"))
    main_window.store.set_meta("marker", "keep me")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    backup_flow.restore(main_window, written)
    wait_jobs(qtbot)
    assert main_window.store.get_meta("marker") == "keep me"


def test_bad_backup_file_shows_dutch_error(qtbot, main_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    bad = tmp_path / "kapot.mpgbackup"
    bad.write_bytes(b"geen back-up")
    backup_flow.restore(main_window, bad)
    assert "geen geldige back-up" in warnings[-1]


def test_verify_from_the_menu(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: messages.append(a[2]))
    backup_flow.verify(main_window)
    wait_jobs(qtbot)
    assert messages == ["Het bestand is in orde. Er zijn geen problemen."]


def test_change_passphrase_dialog(qtbot, main_window, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ChangePassphraseDialog(main_window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current, "niet de huidige zin")
    qtbot.keyClicks(dialog.fields.first, "rode tram naar het station")
    qtbot.keyClicks(dialog.fields.second, "rode tram naar het station")
    dialog.apply()
    assert not dialog.error.isHidden() and "klopt niet" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.current.setText(PASSPHRASE)
    dialog.apply()
    assert dialog.result() == QDialog.DialogCode.Accepted
    main_window.store.close()
    CaseStore.open(store_dir, "rode tram naar het station").close()


def test_rekey_from_the_menu_shows_new_code(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(key_dialogs, "_ask_passphrase", lambda window, text: (PASSPHRASE, True))
    monkeypatch.setattr(key_dialogs.NewRecoveryCodeDialog, "exec", lambda self: shown.append(self.view._code) or 1)
    old_file = main_window.store.header.db_file
    key_dialogs.rekey(main_window)
    wait_jobs(qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert len(shown[0]) == 39
    assert main_window.store.header.db_file != old_file
    assert main_window.store.verify().ok
