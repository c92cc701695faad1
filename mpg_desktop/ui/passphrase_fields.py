"""Two fields for a new passphrase with its strength shown as a bar and in words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from mpg_desktop.models.passphrase_policy import MIN_LENGTH, assess_passphrase


class PassphraseFields(QWidget):
    """Emits ``validity_changed(bool)``: acceptable strength and both fields equal."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, user_inputs: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.user_inputs = list(user_inputs)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Nieuwe wachtwoordzin"))
        self.first.setPlaceholderText(self.tr("minstens %n tekens, bijvoorbeeld vier woorden", "", MIN_LENGTH))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Herhaal de wachtwoordzin"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.meter.setAccessibleName(self.tr("Sterkte van de wachtwoordzin"))
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("Nieuwe wachtwoordzin:"), self.first)
        layout.addRow(self.tr("Herhaal:"), self.second)
        layout.addRow(self.tr("Sterkte:"), self.meter)
        layout.addRow("", self.feedback)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._valid = False
        self._update()

    def passphrase(self) -> str:
        return self.first.text()

    def is_valid(self) -> bool:
        return self._valid

    def _update(self) -> None:
        assessment = assess_passphrase(self.first.text(), self.user_inputs)
        self.meter.setValue(assessment.score)
        self.meter.setFormat(self.tr(assessment.label))
        if not self.first.text():
            message = ""
        elif not assessment.acceptable:
            message = assessment.message
        elif self.second.text() != self.first.text():
            message = self.tr("De twee wachtwoordzinnen zijn nog niet gelijk.")
        else:
            message = self.tr("Goed. Schrijf de zin nergens op waar anderen hem kunnen vinden.")
        self.feedback.setText(message)
        valid = assessment.acceptable and self.second.text() == self.first.text()
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
