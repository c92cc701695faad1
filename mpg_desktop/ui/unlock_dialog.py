"""The unlock screen: passphrase, or the recovery code when it is forgotten."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.errors import StoreError, TooManyAttempts
from mpg_desktop.storage.key_header import KeyHeader
from mpg_desktop.storage.unlock_throttle import UnlockThrottle
from mpg_desktop.ui.passphrase_fields import PassphraseFields
from mpg_desktop.ui.workers import Job, JobContext

ERROR_STYLE = "color: palette(bright-text); background: #a4262c; padding: 6px; border-radius: 3px;"
NOTICE_STYLE = "background: #fff4ce; color: #3b2e00; padding: 8px; border: 1px solid #c9a400; border-radius: 3px;"


def notice_label(text: str, parent: QWidget, style: str = NOTICE_STYLE) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class UnlockDialog(QDialog):
    """Emits ``unlocked(store)``; the dialog then closes itself."""

    unlocked = Signal(object)

    def __init__(self, store_dir: Path, throttle: UnlockThrottle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_dir = store_dir
        self.throttle = throttle
        self.header = KeyHeader.load(store_dir)
        self.setWindowTitle(self.tr("MPG Desktop – Ontgrendelen"))
        self.setMinimumWidth(480)

        title = QLabel(self.tr("<h2>Dossiers ontgrendelen</h2>"), self)
        intro = QLabel(self.tr("Vul uw wachtwoordzin in om de gezinsdossiers te openen."), self)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wachtwoordzin"))
        self.passphrase.setPlaceholderText(self.tr("Wachtwoordzin"))
        self.error = notice_label("", self, ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Foutmelding"))
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if self.header.is_demo:
            layout.addWidget(
                notice_label(
                    self.tr(
                        "<b>DEMO</b> – dit dossierbestand bevat alleen verzonnen gezinnen om mee te oefenen.<br>"
                        "Wachtwoordzin: <b>{passphrase}</b>"
                    ).format(passphrase=self.header.demo_passphrase),
                    self,
                )
            )
        elif not self.header.uses_device_secret:
            layout.addWidget(
                notice_label(
                    self.tr(
                        "Op deze computer is geen sleutelbos beschikbaar. Het bestand is alleen met uw "
                        "wachtwoordzin beveiligd."
                    ),
                    self,
                )
            )
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        self.forgot = QPushButton(self.tr("Wachtwoordzin &vergeten? Herstelcode gebruiken…"), self)
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self._use_recovery_code)
        layout.addWidget(self.forgot, alignment=Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(self.tr("&Ontgrendelen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.buttons.addButton(self.tr("Afsluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        self._busy = False
        self._tick()
        self.passphrase.setFocus()

    # -- unlocking -----------------------------------------------------------------------
    def try_unlock(self) -> None:
        if self._busy:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_error(self.tr("Vul eerst uw wachtwoordzin in."))
            return
        self._run(lambda _ctx: CaseStore.open(self.store_dir, passphrase, self.throttle))

    def _run(self, work: Callable[[JobContext], CaseStore]) -> None:
        self._busy = True
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText(self.tr("Bezig met openen…"))
        job = Job(work)
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        # Key derivation is pure computation: it may run beside store work.
        job.start(QThreadPool.globalInstance())

    def _done(self, store: CaseStore) -> None:
        self._busy = False
        self.passphrase.clear()
        self.unlocked.emit(store)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.unlock_button.setText(self.tr("&Ontgrendelen"))
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(error, StoreError):
            self.show_error(error.message)
        else:
            self.show_error(self.tr("Het bestand kon niet worden geopend. Probeer het opnieuw."))
        self._tick()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        # Wrapped labels only report their height once laid out: grow the dialog afterwards.
        QTimer.singleShot(0, self, self.adjustSize)  # tied to the dialog: cancelled if it is gone

    def _tick(self) -> None:
        """Keep the button disabled, with a countdown, while the throttle's delay runs."""
        wait = self.throttle.remaining()
        if self._busy:
            return
        if wait > 0:
            self.unlock_button.setEnabled(False)
            self.show_error(TooManyAttempts(wait).message)
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._countdown.stop()
            self.unlock_button.setEnabled(True)

    # -- forgotten passphrase ------------------------------------------------------------
    def _use_recovery_code(self) -> None:
        dialog = RecoveryDialog(self.store_dir, self.throttle, self)
        dialog.unlocked.connect(self._done)
        dialog.open()


class RecoveryDialog(QDialog):
    """Unlock with the recovery code and choose a new passphrase at once."""

    unlocked = Signal(object)

    def __init__(self, store_dir: Path, throttle: UnlockThrottle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_dir = store_dir
        self.throttle = throttle
        self.setWindowTitle(self.tr("Herstelcode gebruiken"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Typ de herstelcode over van het papier dat u bij het instellen hebt gekregen "
                "(8 groepjes van 4 tekens). Kies daarna een nieuwe wachtwoordzin."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Herstelcode"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.fields = PassphraseFields(self)
        self.error = notice_label("", self, ERROR_STYLE)
        self.error.hide()
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Ontgrendelen en opslaan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setEnabled(False)
        self.fields.validity_changed.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(line)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def try_unlock(self) -> None:
        code, new_passphrase = self.code.text(), self.fields.passphrase()
        self.ok_button.setEnabled(False)
        job = Job(lambda _ctx: CaseStore.open_with_recovery_code(self.store_dir, code, new_passphrase, self.throttle))
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        job.start(QThreadPool.globalInstance())

    def _done(self, store: CaseStore) -> None:
        self.unlocked.emit(store)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(self.fields.is_valid())
        message = error.message if isinstance(error, StoreError) else self.tr("Ontgrendelen is niet gelukt.")
        self.error.setText(message)
        self.error.show()
        QTimer.singleShot(0, self, self.adjustSize)  # tied to the dialog: cancelled if it is gone
