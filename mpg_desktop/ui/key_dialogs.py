"""Settings > change passphrase (instant re-wrap) and re-key (re-encrypt the whole file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.storage.errors import StoreError
from mpg_desktop.ui.passphrase_fields import PassphraseFields
from mpg_desktop.ui.recovery_code_view import RecoveryCodeView
from mpg_desktop.ui.unlock_dialog import ERROR_STYLE, notice_label
from mpg_desktop.ui.workers import run_with_progress

if TYPE_CHECKING:
    from mpg_desktop.ui.main_window import MainWindow


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class ChangePassphraseDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Wachtwoordzin wijzigen"))
        self.setMinimumWidth(520)
        self.current = _password_field(self, self.tr("Huidige wachtwoordzin"))
        self.fields = PassphraseFields(self)
        self.error = notice_label("", self, ERROR_STYLE)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Wijzigen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.ok_button.setEnabled(False)
        self.fields.validity_changed.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Huidige wachtwoordzin:"), self.current)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def apply(self) -> None:
        try:
            self.window_.store.change_passphrase(self.current.text(), self.fields.passphrase())
        except StoreError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.accept()


def change_passphrase(window: MainWindow) -> None:
    dialog = ChangePassphraseDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.statusBar().showMessage(window.tr("De wachtwoordzin is gewijzigd."), 8000)


class NewRecoveryCodeDialog(QDialog):
    def __init__(self, code: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe herstelcode"))
        text = QLabel(
            self.tr(
                "Het bestand is opnieuw versleuteld. Uw oude herstelcode werkt niet meer. "
                "Schrijf deze nieuwe code op of druk hem af, en vernietig het oude papier."
            ),
            self,
        )
        text.setWordWrap(True)
        self.view = RecoveryCodeView(self)
        self.view.set_code(code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ik heb de code bewaard"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.view)
        layout.addWidget(buttons)


def rekey(window: MainWindow) -> None:
    passphrase, ok = _ask_passphrase(
        window,
        window.tr(
            "Opnieuw versleutelen maakt een nieuwe sleutel en versleutelt het hele bestand opnieuw. "
            "U krijgt daarna een nieuwe herstelcode. Vul ter bevestiging uw wachtwoordzin in."
        ),
    )
    if not ok:
        return

    def done(code: str) -> None:
        NewRecoveryCodeDialog(code, window).exec()

    run_with_progress(
        window,
        window.tr("Opnieuw versleutelen"),
        window.tr("Het bestand wordt opnieuw versleuteld…"),
        lambda ctx: window.store.rekey(passphrase, progress=ctx.progress),
        done,
        window.show_error,
        cancellable=False,
    )


def _ask_passphrase(window: MainWindow, text: str) -> tuple[str, bool]:
    dialog = QDialog(window)
    dialog.setWindowTitle(window.tr("Opnieuw versleutelen"))
    label = QLabel(text, dialog)
    label.setWordWrap(True)
    field = _password_field(dialog, window.tr("Wachtwoordzin"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(window.tr("Annuleren"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(field)
    layout.addWidget(buttons)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted and bool(field.text())
    if not accepted:
        return "", False
    return field.text(), True
