"""How the urgency codes look (spec 5.10): by text and by colour, never by colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mpg_desktop.models.partner_request import CODE_RED

CODE_ORANGE = "code_oranje"
# (background, text): both pairs pass WCAG AA contrast for normal text.
URGENCY_COLOURS: dict[str, tuple[str, str]] = {
    CODE_RED: ("#b3261e", "#ffffff"),
    CODE_ORANGE: ("#f5a524", "#1f1300"),
}


def urgency_colours(code: str | None) -> tuple[str, str] | None:
    return URGENCY_COLOURS.get(code or "")


def paint_urgency(widget: QWidget, code: str | None) -> None:
    """Colour a widget (the urgency combo in the form) after the chosen code."""
    colours = urgency_colours(code)
    widget.setStyleSheet(f"background: {colours[0]}; color: {colours[1]};" if colours else "")
