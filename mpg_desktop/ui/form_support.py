"""Small helpers every form uses: errors next to fields, and a guard against losing typed text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from mpg_desktop.models.validation import ValidationError

FIELD_ERROR_STYLE = "color: #a4262c; font-weight: bold;"


T = TypeVar("T")


class FieldErrors:
    """One hidden red label under each field of a QFormLayout; ``show`` fills and reveals it."""

    def __init__(self, form: QFormLayout) -> None:
        self._form = form
        self._labels: dict[QWidget, QLabel] = {}

    def add_row(self, label: str, field: QWidget) -> None:
        self._form.addRow(label, field)
        error = QLabel(field.parentWidget())
        error.setStyleSheet(FIELD_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self._form.addRow("", error)
        self._labels[field] = error
        field.setAccessibleName(label.replace("&", "").rstrip(":* "))

    def show(self, field: QWidget, message: str) -> None:
        label = self._labels[field]
        label.setText("⚠ " + message)  # a sign as well as the colour
        label.show()
        field.setFocus()

    def attempt(self, field: QWidget, read: Callable[[], T], found: list[QWidget]) -> T | None:
        """``read()``, or None with the ValidationError's message shown under ``field``."""
        try:
            return read()
        except ValidationError as error:
            self.show(field, error.message)
            found.append(field)
            return None

    def clear(self) -> None:
        for label in self._labels.values():
            label.hide()

    def visible_messages(self) -> list[str]:
        return [label.text() for label in self._labels.values() if not label.isHidden()]


class UnsavedChangesGuard(QObject):
    """Tracks edits in a dialog's fields; ``confirm_discard`` asks before typed text is thrown away."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.dirty = False
        for line in dialog.findChildren(QLineEdit):
            line.textEdited.connect(self._mark)
        for text in dialog.findChildren(QPlainTextEdit):
            text.textChanged.connect(self._mark)
        for combo in dialog.findChildren(QComboBox):
            combo.activated.connect(self._mark)
        for check in dialog.findChildren(QCheckBox):
            check.clicked.connect(self._mark)

    def _mark(self, *_args: object) -> None:
        self.dirty = True

    def confirm_discard(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self._dialog,
            self._dialog.tr("Wijzigingen niet opgeslagen"),
            self._dialog.tr("U hebt wijzigingen die nog niet zijn opgeslagen. Wilt u ze weggooien?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def save_cancel_buttons(dialog: QDialog, on_save: Callable[[], None], save_text: str | None = None) -> QDialogButtonBox:
    """Opslaan (default: Enter saves) and Annuleren (Esc), wired to ``on_save`` and ``reject``."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(save_text or dialog.tr("&Opslaan"))
    save.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Annuleren"))
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons
