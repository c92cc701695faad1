"""Running long work off the GUI thread, with progress and cancel.

Store work (anything that reads or writes the case store) runs on STORE_POOL, one thread, so
writes are serialised; pure computation may use QThreadPool.globalInstance(). Results and
errors come back to the GUI thread through queued signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

STORE_POOL = QThreadPool()
STORE_POOL.setMaxThreadCount(1)


class JobContext:
    """Handed to the work function: report progress, ask whether the user cancelled."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._job.progress.emit(int(done), int(total))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Job(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    _running: ClassVar[set[Job]] = set()  # keeps jobs alive until they report back

    def __init__(self, work: Callable[[JobContext], Any], *, writes: bool = True) -> None:
        # Parented to the application, so the C++ object is never deleted by Python's garbage
        # collector, which may run on the worker thread; ``_release`` deletes it on the GUI thread.
        super().__init__(QCoreApplication.instance())
        self.context = JobContext(self)
        self._work = work
        self.writes = writes  # read-only jobs need not hold up quitting

    @classmethod
    def running_count(cls, *, writes_only: bool = False) -> int:
        return sum(1 for job in cls._running if job.writes or not writes_only)

    def start(self, pool: QThreadPool | None = None) -> Job:
        Job._running.add(self)
        self.finished.connect(self._release)
        (pool or STORE_POOL).start(self._run)
        return self

    def _release(self) -> None:
        Job._running.discard(self)
        self.deleteLater()

    def _run(self) -> None:
        try:
            result = self._work(self.context)
        except Exception as exc:  # reported to the GUI thread, shown once in Dutch
            log.info("job failed: %s", type(exc).__name__)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


def run_with_progress(
    parent: QWidget,
    title: str,
    label: str,
    work: Callable[[JobContext], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    cancellable: bool = True,
) -> Job:
    """Run ``work`` on the store thread behind a modal progress dialog."""
    dialog = QProgressDialog(label, parent.tr("Annuleren") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    job = Job(work)

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    job.progress.connect(show_progress)
    dialog.canceled.connect(job.context.cancel)
    job.succeeded.connect(on_success)
    job.failed.connect(on_failure)
    job.finished.connect(dialog.close)
    job.finished.connect(dialog.deleteLater)
    dialog.show()
    return job.start()
