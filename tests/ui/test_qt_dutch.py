"""Qt's own buttons and dialogs speak Dutch too."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from mpg_desktop.ui.app import install_qt_translations


def test_standard_buttons_are_dutch(qapp) -> None:  # type: ignore[no-untyped-def]
    assert install_qt_translations(qapp)
    box = QMessageBox(
        QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    texts = {button.text().replace("&", "") for button in box.buttons()}
    box.deleteLater()
    assert texts == {"Ja", "Nee"}
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
