"""Small input widgets of the side panels: the five rating buttons, code lists as combo boxes.

Ratings are picked with buttons that show the symbol and a sample of the line the map draws
(colour, dash and width), never a colour alone. Every widget reports only what the coach did
(``rating_picked``, ``activated``), never a programmatic refresh, so refreshing a panel cannot
push an edit.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QLineF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QToolButton, QWidget

from mpg_desktop.models.network_codes import LabelledCode
from mpg_desktop.models.network_rating import Rating, rating_label, rating_symbol
from mpg_desktop.ui.network.palette import tie_pen, tr

UNRATED_ID = 100
RATING_ORDER: tuple[Rating | None, ...] = (
    Rating.ZEER_GOED,
    Rating.GOED,
    Rating.REDELIJK,
    Rating.SLECHT,
    Rating.ZEER_SLECHT,
    None,
)


def line_sample(rating: Rating | None, width: int = 30, height: int = 12) -> QIcon:
    """An icon with a piece of the line the map draws for ``rating``."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(tie_pen(rating))
    painter.drawLine(QLineF(1, height / 2, width - 1, height / 2))
    painter.end()
    return QIcon(pixmap)


def rating_text(rating: Rating | None) -> str:
    """'++ zeer goed', '? nog niet gewaardeerd'."""
    return f"{rating_symbol(rating)} {tr(rating_label(rating))}"


class RatingButtons(QWidget):
    """Six toggle buttons ++ + +/- - -- ?; ``rating_picked`` when the coach clicks one."""

    rating_picked = Signal(object)  # Rating | None

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Rating | None, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for rating in RATING_ORDER:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setText(rating_symbol(rating))
            button.setIcon(line_sample(rating))
            button.setIconSize(QSize(22, 10))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setToolTip(rating_text(rating))
            button.setAccessibleName(f"{what}: {rating_text(rating)}")
            button.setMinimumWidth(36)
            self.group.addButton(button, UNRATED_ID if rating is None else int(rating) + 10)
            self.buttons[rating] = button
            layout.addWidget(button)
        layout.addStretch()
        self.group.idClicked.connect(self._clicked)

    def _clicked(self, button_id: int) -> None:
        self.rating_picked.emit(None if button_id == UNRATED_ID else Rating(button_id - 10))

    def set_rating(self, rating: Rating | None) -> None:
        self.buttons[rating].setChecked(True)

    def rating(self) -> Rating | None:
        button_id = self.group.checkedId()
        return None if button_id in (-1, UNRATED_ID) else Rating(button_id - 10)


class RatingCombo(QComboBox):
    """A rating as a drop-down (for the less used ratings: perceived, coach estimate)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for rating in RATING_ORDER:
            self.addItem(line_sample(rating), rating_text(rating), None if rating is None else int(rating))
        self.setAccessibleName(accessible_name)

    def rating(self) -> Rating | None:
        value = self.currentData()
        return None if value is None else Rating(int(value))

    def set_rating(self, rating: Rating | None) -> None:
        self.setCurrentIndex(RATING_ORDER.index(rating))


class CodeCombo(QComboBox):
    """A code list (``LabelledCode``) as a drop-down; optionally with an empty first choice."""

    def __init__(
        self,
        codes: type[LabelledCode],
        accessible_name: str,
        *,
        empty: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.codes = codes
        if empty is not None:
            self.addItem(empty, "")
        for code in codes:
            self.addItem(tr(code.label), code.value)
            self.setItemData(self.count() - 1, tr(code.label), Qt.ItemDataRole.ToolTipRole)
        self.setAccessibleName(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)

    def code(self) -> Enum | None:
        value = self.currentData()
        return self.codes(value) if value else None

    def set_code(self, code: Enum | None) -> None:
        self.setCurrentIndex(self.findData("" if code is None else code.value))
