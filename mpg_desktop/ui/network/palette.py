"""Pens, brushes and short texts of the map. Every meaning has a shape or a text besides its colour.

Ratings come from ``resources/network/rating_scale.csv`` through ``rating_style``: colour, line style,
width and the printed symbol together (a map must work in greyscale print and for colour-blind
readers). Sector colours only help to tell sectors apart; the sector titles and borders carry the
meaning. GUI thread only (QPen/QFont are cheap values, but fonts need the application).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

from mpg_desktop.models.network_codes import Category
from mpg_desktop.models.network_rating import LineStyle, Rating, rating_style

# Short sector titles for the map; the full row label of 003 Tabel 3.1 is the tooltip.
SECTOR_TITLES: dict[Category, str] = {
    Category.KERNFAMILIE: "Gezin en naaste familie",
    Category.FAMILIE_RUIM: "Overige familie",
    Category.VRIENDEN: "Vrienden en kennissen",
    Category.BUURT_VRIJWILLIGERS: "Buren en vrijwilligers",
    Category.MAATSCHAPPELIJK: "Club, geloof, school, werk",
    Category.PROFESSIONEEL: "Hulpverleners – zijn geen netwerk",
}

# Muted, distinguishable in greyscale by their lightness order as well.
SECTOR_COLOURS: dict[Category, str] = {
    Category.KERNFAMILIE: "#3B6FB6",
    Category.FAMILIE_RUIM: "#7A5BA6",
    Category.VRIENDEN: "#2E8B8B",
    Category.BUURT_VRIJWILLIGERS: "#8C6D1F",
    Category.MAATSCHAPPELIJK: "#A0522D",
    Category.PROFESSIONEEL: "#555555",
}

RING_NAMES = ("binnenste cirkel", "dichtbij", "verder weg", "buitenste ring")

# Diff marks: a colour for the halo plus the tag text drawn next to the person.
DIFF_COLOURS = {"nieuw": "#1B7837", "gewijzigd": "#D98200", "uit beeld": "#B2182B", "": "#9E9E9E"}

SELECTION_COLOUR = "#0063B1"
VIP_FILL = "#F2C200"
KEEP_AWAY_COLOUR = "#B2182B"
TEXT_COLOUR = "#1F1F1F"

_PEN_STYLES = {
    LineStyle.SOLID: Qt.PenStyle.SolidLine,
    LineStyle.DASHED: Qt.PenStyle.DashLine,
    LineStyle.DOTTED: Qt.PenStyle.DotLine,
}
PT_TO_SCENE = 1.0  # rating widths are points; at zoom 1 a point is one scene unit


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkMap", text)


@cache
def tie_pen(rating: Rating | None, *, dimmed: bool = False) -> QPen:
    """The centre->person line of a rating: colour, width and dash pattern from the rating scale.

    Shared (cached): copy it (``QPen(tie_pen(r))``) before changing it."""
    style = rating_style(rating)
    colour = QColor(style.colour)
    if dimmed:
        colour.setAlpha(90)
    pen = QPen(colour, style.line_width_pt * PT_TO_SCENE, _PEN_STYLES[style.line_style])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def rating_colour(rating: Rating | None) -> QColor:
    return QColor(rating_style(rating).colour)


def sector_colour(category: Category, alpha: int = 255) -> QColor:
    colour = QColor(SECTOR_COLOURS[category])
    colour.setAlpha(alpha)
    return colour


@cache
def map_font(pixels: int, *, bold: bool = False) -> QFont:
    """A font sized in scene units, so text scales with the map (zoom, print) like everything else.

    Shared (cached, fonts are made once per size): copy it before changing it."""
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def solid_brush(colour: str | QColor) -> QBrush:
    return QBrush(QColor(colour))
