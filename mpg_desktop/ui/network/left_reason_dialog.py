"""Asking why a supporter left the map (spec 4.6; the rows of 003 Tabel A.7)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from mpg_desktop.models.network_codes import LeftReason


def ask_left_reason(parent: QWidget, name: str) -> tuple[bool, LeftReason | None]:
    """(go on?, reason). The coach may go on without a reason ('weet ik niet')."""
    unknown = parent.tr("Weet ik niet / wil de cliënt niet zeggen")
    labels = [unknown] + [parent.tr(reason.label) for reason in LeftReason]
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(parent.tr("Van de kaart halen"))
    dialog.setLabelText(parent.tr("{name} steunde bij het vorige meetmoment. Waarom is dat gestopt?").format(name=name))
    dialog.setComboBoxItems(labels)
    dialog.setComboBoxEditable(False)
    dialog.setOkButtonText(parent.tr("Van de kaart halen"))
    dialog.setCancelButtonText(parent.tr("Annuleren"))
    try:
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return False, None
        index = labels.index(dialog.textValue())
    finally:
        dialog.deleteLater()
    return True, None if index == 0 else list(LeftReason)[index - 1]
