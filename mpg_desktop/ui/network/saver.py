"""Saving the map after every edit, in order, on the store worker; one save at a time.

Edits come faster than saves when the coach drags or types quickly: while a save runs, only the
newest map waits, and it is saved when the running save is done (older waiting versions are
skipped, never saved after a newer one). Each save is one transaction (``save_map``) and passes
the revision it expects, so a map changed elsewhere (a restored backup) is never overwritten.
GUI thread for the object itself; the work runs on ``STORE_POOL``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mpg_desktop.models.network_map import NetworkMap
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.network_repository import save_map
from mpg_desktop.ui.workers import Job


class MapSaver(QObject):
    saved = Signal(int)  # the stored revision
    failed = Signal(object)  # the exception (StoreError carries a Dutch message)
    busy_changed = Signal(bool)

    def __init__(
        self,
        store: CaseStore,
        traject_id: int,
        revision: int,
        focus_person_id: int | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.traject_id = traject_id
        self.revision = revision  # 0: not stored yet
        self.focus_person_id = focus_person_id
        self._waiting: NetworkMap | None = None
        self._running = False
        self.broken = False  # after a refused save nothing more is saved until the map is reloaded

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(self, network_map: NetworkMap) -> None:
        if self.broken:
            return
        self._waiting = network_map
        if not self._running:
            self._start()

    def _start(self) -> None:
        network_map, self._waiting = self._waiting, None
        if network_map is None:
            self.busy_changed.emit(False)
            return
        self._running = True
        self.busy_changed.emit(True)
        store, traject_id, expected, focus = self.store, self.traject_id, self.revision, self.focus_person_id
        job = Job(
            lambda _ctx: save_map(store, traject_id, network_map, focus_person_id=focus, expected_revision=expected)
        )
        job.succeeded.connect(self._saved)
        job.failed.connect(self._failed)
        job.start()

    def _saved(self, revision: int) -> None:
        self.revision = revision
        self._running = False
        self.saved.emit(revision)
        self._start()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._waiting = None
        self.broken = True
        self.busy_changed.emit(False)
        self.failed.emit(error)
