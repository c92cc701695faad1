"""Settings > automatic lock after N idle minutes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

if TYPE_CHECKING:
    from mpg_desktop.ui.main_window import MainWindow


def edit_idle_minutes(window: MainWindow) -> None:
    minutes, ok = QInputDialog.getInt(
        window,
        window.tr("Automatisch vergrendelen"),
        window.tr("Vergrendel MPG Desktop als ik zoveel minuten niets heb gedaan:"),
        window.settings.idle_minutes,
        1,
        120,
    )
    if ok:
        window.settings.idle_minutes = minutes
        window.idle_minutes_changed.emit(minutes)
