"""Asking why a supporter left the map (spec 4.6; the rows of 003 Tabel A.7)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from mpg_desktop.models.network_codes import LeftReason


def ask_left_reason(parent: QWidget, name: str) -> tuple[bool, LeftReason | None]:
    """(go on?, reason). The coach may go on without a reason ('onbekend')."""
    unknown = parent.tr("Weet ik niet / wil de cliënt niet zeggen")
    labels = [unknown] + [parent.tr(reason.label) for reason in LeftReason]
    text, ok = QInputDialog.getItem(
        parent,
        parent.tr("Van de kaart halen"),
        parent.tr("{name} steunde bij het vorige meetmoment. Waarom is dat gestopt?").format(name=name),
        labels,
        0,
        False,
    )
    if not ok:
        return False, None
    index = labels.index(text)
    return True, None if index == 0 else list(LeftReason)[index - 1]
