"""The GUI adds no plaintext: settings, log, crash handler and lock leave only ciphertext behind."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.ui import error_hook
from mpg_desktop.ui.controller import AppController
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.storage.test_no_plaintext import Sentinels, app_log, scan, temp_dir, write_family  # noqa: F401


def test_gui_session_writes_no_sentinel(qtbot, store_dir: Path, data_dir: Path, temp_dir, app_log, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    s = Sentinels()
    store, _ = CaseStore.create(store_dir, PASSPHRASE, kdf=FAST_KDF)
    write_family(store, s, "first")
    write_family(store, s, "second")
    store.close()

    controller = AppController(store_dir)
    controller.start()
    controller.unlock_dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.opened, timeout=5000):
        controller.unlock_dialog.try_unlock()
    window = controller.main_window
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    window.table.selectRow(0)  # renders names in the household tab
    assert window.case_view.tab_pages[0].table.rowCount() == 3
    window.settings.idle_minutes = 7  # writes settings.ini
    window.settings.set_value("window_geometry", window.saveGeometry())

    # An unexpected error whose message quotes personal data: logged without the message.
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    name = next(iter(s.planted))
    try:
        raise ValueError(f"onverwacht bij {name}")
    except ValueError as error:
        error_hook._hook(type(error), error, error.__traceback__)
    assert shown and "Er ging iets mis" in shown[0]
    logging.getLogger("mpg_desktop").info("family %s opened", 1)

    controller.lock()
    controller.unlock_dialog.close()

    assert (data_dir / "settings.ini").exists()
    log_text = app_log.read_text("utf-8")
    assert "unhandled ValueError" in log_text and "unlocked" in log_text
    hits = scan([data_dir, temp_dir], s.needles())
    assert hits == []
