"""What the app shows when: set-up wizard, unlock screen, main window; and locking.

Locking closes every window that shows case data, closes the store (which wipes the data key)
and shows the unlock screen again. Work still running on the store finishes first.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from mpg_desktop.storage.case_store import CaseStore, store_exists
from mpg_desktop.storage.key_wrapping import KdfParams
from mpg_desktop.storage.unlock_throttle import UnlockThrottle
from mpg_desktop.ui.idle_watcher import IdleWatcher
from mpg_desktop.ui.main_window import MainWindow
from mpg_desktop.ui.settings import UiSettings
from mpg_desktop.ui.setup_wizard import SetupWizard
from mpg_desktop.ui.unlock_dialog import UnlockDialog
from mpg_desktop.ui.workers import STORE_POOL, Job

log = logging.getLogger(__name__)


class AppController(QObject):
    locked = Signal()
    opened = Signal(object)  # the MainWindow
    quit_requested = Signal()

    def __init__(
        self,
        store_dir: Path,
        settings: UiSettings | None = None,
        *,
        kdf: KdfParams | None = None,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.store_dir = store_dir
        self.settings = settings or UiSettings()
        self.kdf = kdf
        self.throttle = UnlockThrottle()
        self.store: CaseStore | None = None
        self.main_window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: SetupWizard | None = None
        self._idle_ms_override = idle_ms
        self.idle = IdleWatcher(self._idle_ms(), self)
        self.idle.idle.connect(self.lock)
        self._lock_pending = False

    def _idle_ms(self) -> int:
        return self._idle_ms_override or self.settings.idle_minutes * 60_000

    def start(self) -> None:
        if store_exists(self.store_dir):
            self.show_unlock()
        else:
            self.show_wizard()

    # -- screens -------------------------------------------------------------------------
    def show_wizard(self) -> None:
        self.wizard = SetupWizard(self.store_dir, kdf=self.kdf)
        self.wizard.created.connect(self.open_main)
        self.wizard.rejected.connect(self._wizard_closed)
        self.wizard.show()

    def _wizard_closed(self) -> None:
        wizard = self.wizard
        if wizard is not None and wizard.store is not None:
            # The store exists and its recovery code was shown: carry on into the app.
            self.open_main(wizard.store)
        else:
            self.quit_requested.emit()

    def show_unlock(self) -> None:
        self.unlock_dialog = UnlockDialog(self.store_dir, self.throttle)
        self.unlock_dialog.unlocked.connect(self.open_main)
        self.unlock_dialog.finished.connect(self._unlock_finished)
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()
        self.unlock_dialog.activateWindow()

    def _unlock_finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Rejected and self.store is None:
            self.quit_requested.emit()

    def open_main(self, store: CaseStore) -> None:
        self.store = store
        self.main_window = MainWindow(store, self.settings)
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.quit_requested.connect(self.quit_requested)
        self.main_window.idle_minutes_changed.connect(lambda _m: self.idle.set_timeout(self._idle_ms()))
        self.main_window.show()
        self.idle.set_timeout(self._idle_ms())
        self.idle.start()
        log.info("store %s unlocked", store.header.store_id)
        self.opened.emit(self.main_window)

    # -- locking -------------------------------------------------------------------------
    def lock(self) -> None:
        if self.store is None:
            return
        if Job.running_count():
            # Never close the store under running work; lock as soon as it is done.
            if not self._lock_pending:
                self._lock_pending = True
                QTimer.singleShot(200, self, self._retry_lock)
            return
        self._lock_pending = False
        self.idle.stop()
        if self.main_window is not None:
            self.main_window.locking = True
        # Every top-level window (the main window, its dialogs, any case window) shows case data.
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
        if self.main_window is not None:
            self.main_window.deleteLater()
            self.main_window = None
        STORE_POOL.waitForDone()
        self.store.close()
        self.store = None
        gc.collect()
        log.info("locked")
        self.locked.emit()
        self.show_unlock()

    def _retry_lock(self) -> None:
        self._lock_pending = False
        self.lock()
