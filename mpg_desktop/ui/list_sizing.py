"""Sizing a short check list so every choice shows: a squeezed list hides choices behind a
scroll bar, and form layouts squeeze lists first when a dialog gets error messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget


def fit_rows(view: QListWidget) -> None:
    """Fix the height to the visible rows and wrap long labels instead of scrolling sideways."""
    shown = sum(1 for row in range(view.count()) if not view.item(row).isHidden())
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFixedHeight(view.sizeHintForRow(0) * max(shown, 1) + 2 * view.frameWidth() + 4)
