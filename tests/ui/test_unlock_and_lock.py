"""Unlock screen (good and bad passphrase, throttle, recovery code) and locking (idle, Ctrl+L)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.demo_data import DEMO_PASSPHRASE
from mpg_desktop.storage.unlock_throttle import UnlockThrottle
from mpg_desktop.ui.controller import AppController
from mpg_desktop.ui.unlock_dialog import RecoveryDialog, UnlockDialog
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import known_families


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def closed_store(store_dir: Path) -> Path:
    store, _ = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF)
    known_families(store)
    store.close()
    return store_dir


def test_bad_then_good_passphrase(qtbot, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    closed_store(store_dir)
    before = digest(store_dir)
    dialog = UnlockDialog(store_dir, UnlockThrottle())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "verkeerde wachtwoordzin")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.unlock_button.isEnabled(), timeout=5000)
    assert "klopt niet" in dialog.error.text()
    assert digest(store_dir) == before

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=5000) as blocker:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    store = blocker.args[0]
    assert store.count("families") == 4
    assert dialog.passphrase.text() == ""  # the typed passphrase does not linger in the widget
    store.close()


def test_empty_passphrase_is_explained(qtbot, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    closed_store(store_dir)
    dialog = UnlockDialog(store_dir, UnlockThrottle())
    qtbot.addWidget(dialog)
    dialog.try_unlock()
    assert dialog.error.text() == "Vul eerst uw wachtwoordzin in."


def test_repeated_failures_disable_the_button_with_a_countdown(qtbot, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    closed_store(store_dir)
    throttle = UnlockThrottle()
    dialog = UnlockDialog(store_dir, throttle)
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(3):
        dialog.passphrase.setText(f"fout {attempt}")
        dialog.try_unlock()
        qtbot.waitUntil(lambda n=attempt: throttle.failures == n + 1 and not dialog._busy, timeout=5000)
    assert throttle.remaining() > 0
    assert not dialog.unlock_button.isEnabled()
    assert "Wacht nog" in dialog.error.text()


def test_demo_store_shows_its_passphrase_real_store_does_not(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo, _ = CaseStore.create(tmp_path / "demo", DEMO_PASSPHRASE, kdf=FAST_KDF, demo_passphrase=DEMO_PASSPHRASE)
    demo.close()
    real = closed_store(tmp_path / "real")
    demo_dialog = UnlockDialog(tmp_path / "demo", UnlockThrottle())
    real_dialog = UnlockDialog(real, UnlockThrottle())
    qtbot.addWidget(demo_dialog)
    qtbot.addWidget(real_dialog)

    def label_texts(dialog: UnlockDialog) -> str:
        return " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))

    assert DEMO_PASSPHRASE in label_texts(demo_dialog) and "DEMO" in label_texts(demo_dialog)
    assert "DEMO" not in label_texts(real_dialog)
    assert PASSPHRASE not in label_texts(real_dialog)


def test_recovery_code_unlocks_and_sets_new_passphrase(qtbot, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    store, code = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF)
    store.close()
    dialog = RecoveryDialog(store_dir, UnlockThrottle())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClicks(dialog.fields.first, "kleine boot op de grote rivier")
    assert not dialog.ok_button.isEnabled()  # not repeated yet
    qtbot.keyClicks(dialog.fields.second, "kleine boot op de grote rivier")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.unlocked, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    blocker.args[0].close()
    CaseStore.open(store_dir, "kleine boot op de grote rivier").close()


def open_controller(qtbot, store_dir: Path, idle_ms: int | None = None) -> AppController:  # type: ignore[no-untyped-def]
    controller = AppController(store_dir, idle_ms=idle_ms)
    controller.start()
    assert controller.unlock_dialog is not None
    controller.unlock_dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.opened, timeout=5000):
        controller.unlock_dialog.try_unlock()
    assert controller.main_window is not None
    qtbot.waitSignal(controller.main_window.cases_loaded, timeout=5000)
    return controller


def test_auto_lock_after_idle_closes_case_windows_and_drops_the_key(qtbot, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    closed_store(store_dir)
    controller = open_controller(qtbot, store_dir, idle_ms=300)
    store = controller.store
    assert store is not None and store.is_open
    window = controller.main_window
    extra = QMessageBox(window)  # a dialog with case data that happens to be open
    extra.show()
    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass
    assert controller.store is None and not store.is_open
    assert store._data_key is None
    assert not extra.isVisible()
    assert controller.unlock_dialog is not None and controller.unlock_dialog.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [controller.unlock_dialog]
    controller.unlock_dialog.close()


def test_keyboard_and_mouse_restart_the_idle_timer(qtbot, store_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    closed_store(store_dir)
    controller = open_controller(qtbot, store_dir, idle_ms=60_000)
    assert controller.idle.is_running()
    restarts: list[tuple] = []
    monkeypatch.setattr(controller.idle._timer, "start", lambda *args: restarts.append(args))
    controller.main_window.update()  # a repaint is not activity
    QApplication.processEvents()
    assert restarts == []
    qtbot.keyClick(controller.main_window.search, Qt.Key.Key_A)
    assert len(restarts) >= 1
    count = len(restarts)
    qtbot.mouseClick(controller.main_window.due_filter, Qt.MouseButton.LeftButton)
    assert len(restarts) > count
    monkeypatch.undo()
    controller.lock()
    controller.unlock_dialog.close()


def test_ctrl_l_locks(qtbot, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    closed_store(store_dir)
    controller = open_controller(qtbot, store_dir)
    window = controller.main_window
    window.activateWindow()
    with qtbot.waitSignal(controller.locked, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.store is None
    controller.unlock_dialog.close()
