"""The graphics items of the map: background (rings and sectors), centre, persons, ties.

Items only draw what ``NetworkScene`` tells them (a ``PersonLook`` per person); they hold no
domain state. A person is a circle (a rounded square for a professional), filled when the person
lives in the household, with the support groups as letters inside, a star badge for a VIP and a
red ⊘ badge for keep-away. A tie is coloured, dashed and thick by its rating AND carries the
rating symbol, so nothing depends on colour alone. GUI thread only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from mpg_desktop.models.network_codes import Category, PeerTieKind
from mpg_desktop.models.network_layout import sector_bounds
from mpg_desktop.models.network_map import RINGS
from mpg_desktop.models.network_rating import Rating, rating_symbol
from mpg_desktop.ui.network.geometry import CENTRE_RADIUS, NODE_RADIUS, RingGeometry, polar
from mpg_desktop.ui.network.palette import (
    DIFF_COLOURS,
    KEEP_AWAY_COLOUR,
    SECTOR_TITLES,
    SELECTION_COLOUR,
    TEXT_COLOUR,
    VIP_FILL,
    map_font,
    rating_colour,
    sector_colour,
    tie_pen,
    tr,
)

LABEL_FONT_PX = 15
SMALL_FONT_PX = 12
NAME_LOD = 0.28  # below this zoom names are not drawn (the list view has them all)
MIN_NAME_SCREEN_PX = 9.0  # zoomed out, names grow (up to NAME_GROWTH) to stay this large on screen
NAME_GROWTH = 1.6
LABEL_MAX_WIDTH = 150.0


@dataclass(frozen=True)
class PersonLook:
    """Everything a person item draws; equal looks need no repaint."""

    name: str
    category: Category
    professional: bool
    household: bool
    vip: bool
    keep_away: bool
    support_letters: str  # 'PE' = praktisch + emotioneel
    mark: str = ""  # diff: 'nieuw', 'gewijzigd', 'uit beeld', '' (unchanged, dimmed) or None-like when no diff
    diff_mode: bool = False
    symbol_beside: str = ""  # the rating symbol when the tie line is hidden (keep-away)
    ghost: bool = False  # a person who left (diff view)
    label_width: float = LABEL_MAX_WIDTH
    label_above: bool = False  # persons above the centre carry their name above, away from their line
    tooltip: str = ""


def _star(centre: QPointF, outer: float) -> QPolygonF:
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else outer * 0.45
        angle = math.radians(index * 36 - 90)
        points.append(QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle)))
    return QPolygonF(points)


def draw_vip_badge(painter: QPainter, centre: QPointF, size: float) -> None:
    painter.setPen(QPen(QColor(TEXT_COLOUR), 1.2))
    painter.setBrush(QColor(VIP_FILL))
    painter.drawPolygon(_star(centre, size))


def draw_keep_away_badge(painter: QPainter, centre: QPointF, size: float) -> None:
    painter.setPen(QPen(QColor(KEEP_AWAY_COLOUR), 2.2))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(centre, size, size)
    offset = size * 0.7
    painter.drawLine(
        QPointF(centre.x() - offset, centre.y() + offset), QPointF(centre.x() + offset, centre.y() - offset)
    )


def person_shape(professional: bool, radius: float = NODE_RADIUS) -> QPainterPath:
    path = QPainterPath()
    rect = QRectF(-radius, -radius, 2 * radius, 2 * radius)
    if professional:
        path.addRoundedRect(rect, radius * 0.35, radius * 0.35)
    else:
        path.addEllipse(rect)
    return path


def draw_person_node(painter: QPainter, look: PersonLook, *, radius: float = NODE_RADIUS) -> None:
    """The node itself (shape, fill, letters, badges) around (0, 0); shared with the legend."""
    colour = sector_colour(look.category)
    if look.ghost:
        pen = QPen(QColor(DIFF_COLOURS["uit beeld"]), 2.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(255, 255, 255, 200))
    elif look.household:
        painter.setPen(QPen(colour.darker(130), 2.0))
        painter.setBrush(colour)
    else:
        painter.setPen(QPen(colour, 2.5))
        painter.setBrush(QColor("white"))
    painter.drawPath(person_shape(look.professional, radius))
    if look.support_letters and not look.ghost:
        painter.setFont(map_font(SMALL_FONT_PX, bold=True))
        painter.setPen(QColor("white") if look.household else QColor(TEXT_COLOUR))
        painter.drawText(
            QRectF(-radius, -radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, look.support_letters
        )
    badge = radius * 0.8
    if look.vip:
        draw_vip_badge(painter, QPointF(badge, -badge), radius * 0.5)
    if look.keep_away:
        draw_keep_away_badge(painter, QPointF(-badge, -badge), radius * 0.38)


class PersonItem(QGraphicsItem):
    """One person. ``home`` is where the scene put it; a drag moves it away until the scene decides."""

    def __init__(self, person_id: str, look: PersonLook) -> None:
        super().__init__()
        self.person_id = person_id
        self.look = look
        self.home = QPointF()
        self.ties: list[TieItem | PeerTieItem] = []
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)
        self.setToolTip(look.tooltip)
        # Painted once into a pixmap and blitted while anything around it moves (drag < 20 ms).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._bounds = self._compute_bounds()

    def set_movable(self, movable: bool) -> None:
        if bool(self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable) == movable:
            return
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setCursor(Qt.CursorShape.OpenHandCursor if movable else Qt.CursorShape.PointingHandCursor)

    def set_look(self, look: PersonLook) -> None:
        if look == self.look:
            return
        self.prepareGeometryChange()
        self.look = look
        self._bounds = self._compute_bounds()
        self.setToolTip(look.tooltip)
        self.update()

    def _compute_bounds(self) -> QRectF:
        half = max(self.look.label_width / 2, NODE_RADIUS + 30)
        reach = NODE_RADIUS * 1.4 + LABEL_FONT_PX * NAME_GROWTH + 8  # badges, then the name (above or below)
        tag = 24 if self.look.diff_mode else 0
        return QRectF(-half, -reach - tag, 2 * half, 2 * (reach + tag))

    def label_rect(self, font_px: float = LABEL_FONT_PX) -> QRectF:
        """Where the name goes: under the node, or above it (clear of the badges) for the upper half."""
        width, height = self.look.label_width, font_px + 5
        top = -NODE_RADIUS * 1.35 - height if self.look.label_above else NODE_RADIUS + 2
        return QRectF(-width / 2, top, width, height)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return person_shape(self.look.professional, NODE_RADIUS + 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        look = self.look
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        dimmed = look.diff_mode and not look.mark
        if dimmed:
            painter.setOpacity(0.45)
        if look.diff_mode and look.mark:
            painter.setPen(QPen(QColor(DIFF_COLOURS[look.mark]), 5.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(person_shape(look.professional, NODE_RADIUS + 5))
        if self.isSelected():
            painter.setPen(QPen(QColor(SELECTION_COLOUR), 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(person_shape(look.professional, NODE_RADIUS + 9))
        draw_person_node(painter, look)
        if lod < NAME_LOD:
            return
        font_px = round(min(max(LABEL_FONT_PX, MIN_NAME_SCREEN_PX / lod), LABEL_FONT_PX * NAME_GROWTH))
        painter.setFont(map_font(font_px))
        painter.setPen(QColor(TEXT_COLOUR))
        metrics = QFontMetricsF(painter.font())
        name = metrics.elidedText(look.name, Qt.TextElideMode.ElideRight, look.label_width)
        label = self.label_rect(font_px)
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, name)
        if look.symbol_beside:
            draw_symbol_box(painter, QPointF(NODE_RADIUS + 14, 0), look.symbol_beside, QColor(TEXT_COLOUR))
        if look.diff_mode and look.mark:
            # The tag goes on the other side from the name.
            y = NODE_RADIUS + 14 if look.label_above else -NODE_RADIUS * 1.35 - 10
            _draw_tag(painter, QPointF(0, y), tr(look.mark), QColor(DIFF_COLOURS[look.mark]))

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for tie in self.ties:
                tie.refresh()
        return super().itemChange(change, value)

    def moved_away(self) -> bool:
        """True when dragged more than a few units from where the scene put it."""
        delta = self.pos() - self.home
        return abs(delta.x()) + abs(delta.y()) > 2.0


def _draw_tag(painter: QPainter, centre: QPointF, text: str, colour: QColor) -> None:
    painter.setOpacity(1.0)
    painter.setFont(map_font(SMALL_FONT_PX, bold=True))
    width = QFontMetricsF(painter.font()).horizontalAdvance(text) + 8
    rect = QRectF(centre.x() - width / 2, centre.y() - 8, width, 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def draw_symbol_box(painter: QPainter, centre: QPointF, symbol: str, colour: QColor) -> QRectF:
    painter.setFont(map_font(SMALL_FONT_PX + 1, bold=True))
    width = max(QFontMetricsF(painter.font()).horizontalAdvance(symbol) + 8, 16)
    rect = QRectF(centre.x() - width / 2, centre.y() - 8, width, 16)
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(rect, 4, 4)
    painter.setPen(QColor(TEXT_COLOUR))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, symbol)
    return rect


class SymbolItem(QGraphicsItem):
    """The rating symbol in its box on a tie; a small cached pixmap, moved with the tie."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.rating: Rating | None = None
        self.dimmed = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_style(self, rating: Rating | None, dimmed: bool) -> None:
        self.rating, self.dimmed = rating, dimmed
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-22, -10, 44, 20)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.dimmed:
            painter.setOpacity(0.45)
        draw_symbol_box(painter, QPointF(), rating_symbol(self.rating), rating_colour(self.rating))


class TieItem(QGraphicsItem):
    """The line centre -> person, with the rating symbol at the middle of the drawn line."""

    def __init__(self, person: PersonItem) -> None:
        super().__init__()
        self.person = person
        person.ties.append(self)
        self.rating: Rating | None = None
        self.dimmed = False
        # The symbol sits this far before the person: on the edge of the person's ring band, where
        # no other person is drawn (set by the scene from the ring geometry).
        self.symbol_offset = 50.0
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.symbol = SymbolItem(self)
        self._start = QPointF()
        self._end = QPointF()
        self._bounds = QRectF()
        self.refresh()

    def set_style(self, rating: Rating | None, dimmed: bool, symbol_offset: float) -> None:
        if (rating, dimmed) != (self.rating, self.dimmed):
            self.rating, self.dimmed = rating, dimmed
            self.symbol.set_style(rating, dimmed)
            self.update()
        if symbol_offset != self.symbol_offset:
            self.symbol_offset = symbol_offset
            self.refresh()

    def refresh(self) -> None:
        """Follow the person (called on every move, so it must stay cheap)."""
        target = self.person.pos()
        distance = math.hypot(target.x(), target.y())
        self.prepareGeometryChange()
        if distance < CENTRE_RADIUS + NODE_RADIUS:
            self._start = self._end = QPointF()
            self._bounds = QRectF()
            self.symbol.setVisible(False)
            return
        ux, uy = target.x() / distance, target.y() / distance
        self._start = QPointF(ux * CENTRE_RADIUS, uy * CENTRE_RADIUS)
        self._end = QPointF(target.x() - ux * NODE_RADIUS, target.y() - uy * NODE_RADIUS)
        along = max(distance - self.symbol_offset, (CENTRE_RADIUS + distance - NODE_RADIUS) / 2)
        self.symbol.setPos(ux * along, uy * along)
        self.symbol.setVisible(True)
        margin = 4.0
        self._bounds = QRectF(self._start, self._end).normalized().adjusted(-margin, -margin, margin, margin)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._bounds.isEmpty():
            painter.setPen(tie_pen(self.rating, dimmed=self.dimmed))
            painter.drawLine(self._start, self._end)


_PEER_PENS = {
    PeerTieKind.FAMILIEBAND: ("#6E6E6E", Qt.PenStyle.SolidLine),
    PeerTieKind.STEUN: ("#1B7837", Qt.PenStyle.SolidLine),
    PeerTieKind.CONFLICT: ("#B2182B", Qt.PenStyle.DashLine),
    PeerTieKind.SAMENWERKING: ("#0063B1", Qt.PenStyle.DashDotLine),
}


class PeerTieItem(QGraphicsItem):
    """A thin curved line between two persons (shown on request); kind by colour AND dash pattern."""

    def __init__(self, a: PersonItem, b: PersonItem, kind: PeerTieKind, rating: Rating | None) -> None:
        super().__init__()
        self.a, self.b, self.kind, self.rating = a, b, kind, rating
        a.ties.append(self)
        b.ties.append(self)
        self.setZValue(1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(tr(kind.label))
        colour, style = _PEER_PENS[kind]
        self._pen = QPen(QColor(colour), 1.6, style)
        self._path = QPainterPath()
        self._bounds = QRectF()
        self.refresh()

    def detach(self) -> None:
        for end in (self.a, self.b):
            if self in end.ties:
                end.ties.remove(self)

    def refresh(self) -> None:
        p, q = self.a.pos(), self.b.pos()
        middle = (p + q) / 2
        # Bend towards the centre of the map, so lines between neighbours stay off the ring.
        control = middle * 0.8
        path = QPainterPath(p)
        path.quadTo(control, q)
        self.prepareGeometryChange()
        self._path = path
        self._bounds = path.boundingRect().adjusted(-3, -3, 3, 3)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)


class CentreItem(QGraphicsItem):
    """The focus person: a large circle with the label and the self-rating symbol (OA4)."""

    def __init__(self) -> None:
        super().__init__()
        self.label = ""
        self.self_rating: Rating | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(3)

    def set_content(self, label: str, self_rating: Rating | None) -> None:
        if (label, self_rating) != (self.label, self.self_rating):
            self.label, self.self_rating = label, self_rating
            self.setToolTip(
                tr("Midden van de kaart: {label}. Zelfwaardering: {symbol}").format(
                    label=label, symbol=rating_symbol(self_rating)
                )
            )
            self.update()

    def boundingRect(self) -> QRectF:
        r = CENTRE_RADIUS + 8
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QRectF(-CENTRE_RADIUS, -CENTRE_RADIUS, 2 * CENTRE_RADIUS, 2 * CENTRE_RADIUS))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            painter.setPen(QPen(QColor(SELECTION_COLOUR), 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(), CENTRE_RADIUS + 5, CENTRE_RADIUS + 5)
        painter.setPen(QPen(QColor(TEXT_COLOUR), 2.5))
        painter.setBrush(QColor("#FFF4CE"))
        painter.drawEllipse(QPointF(), CENTRE_RADIUS, CENTRE_RADIUS)
        painter.setFont(map_font(LABEL_FONT_PX - 1, bold=True))
        painter.setPen(QColor(TEXT_COLOUR))
        width = 2 * CENTRE_RADIUS - 12
        # Up to two lines ('familie Bakker'); longer labels are cut off at the circle's edge.
        painter.drawText(
            QRectF(-width / 2, -CENTRE_RADIUS + 8, width, CENTRE_RADIUS + 4),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            self.label,
        )
        draw_symbol_box(painter, QPointF(0, 22), rating_symbol(self.self_rating), rating_colour(self.self_rating))


TITLE_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


class BackgroundItem(QGraphicsItem):
    """Rings, sector borders and titles; the professionals' sector is hatched ('zijn geen netwerk')."""

    TITLE_PX = 16
    TITLE_WIDTH = 170.0

    def __init__(self, geometry: RingGeometry) -> None:
        super().__init__()
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.geometry = geometry
        self.scale_factor = 1.0
        self.title_px = self.TITLE_PX
        self._titles: list[tuple[Category, str, QRectF]] = []
        self._bounds = QRectF()
        self._layout_titles()

    def set_geometry(self, geometry: RingGeometry) -> None:
        if geometry != self.geometry:
            self.prepareGeometryChange()
            self.geometry = geometry
            self._layout_titles()
            self.update()

    def _layout_titles(self) -> None:
        """Each sector title outside the outer ring at the sector's middle, its near side facing the map."""
        outer = self.geometry.outer
        # A big map is shown zoomed out: its titles grow with it, so they stay readable.
        self.scale_factor = max(1.0, outer / 560.0)
        self.title_px = round(self.TITLE_PX * self.scale_factor)
        metrics = QFontMetricsF(map_font(self.title_px, bold=True))
        self._titles = []
        bounds = QRectF(-outer, -outer, 2 * outer, 2 * outer)
        for category in Category:
            start, end = sector_bounds(category)
            angle = (start + end) / 2
            title = tr(SECTOR_TITLES[category])
            # Wrapped at a fixed width, so side titles do not widen the map (it is shown fitted).
            box = metrics.boundingRect(
                QRectF(0, 0, self.TITLE_WIDTH * self.scale_factor, 1000), int(TITLE_FLAGS), title
            )
            width, height = box.width() + 8, box.height() + 4
            x, y = polar(outer + 12 * self.scale_factor, angle)
            sin, cos = math.sin(math.radians(angle)), -math.cos(math.radians(angle))
            rect = QRectF(x - width / 2 + (width / 2) * sin, y - height / 2 + (height / 2) * cos, width, height)
            self._titles.append((category, title, rect))
            bounds = bounds.united(rect)
        self._bounds = bounds.adjusted(-6, -6, 6, 6)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        geometry = self.geometry
        outer = geometry.outer
        # Ring bands, darker inwards.
        for ring in reversed(RINGS):
            radius = geometry.boundary(ring)
            shade = 250 - 7 * (len(RINGS) - ring)
            painter.setPen(QPen(QColor("#A8A8A8"), 1.2))
            painter.setBrush(QColor(shade, shade, shade))
            painter.drawEllipse(QPointF(), radius, radius)
        # The professionals' sector: hatched over the bands.
        start, end = sector_bounds(Category.PROFESSIONEEL)
        wedge = QPainterPath(QPointF())
        wedge.arcTo(QRectF(-outer, -outer, 2 * outer, 2 * outer), 90 - start, -(end - start))
        wedge.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(90, 90, 90, 90), Qt.BrushStyle.BDiagPattern))
        painter.drawPath(wedge)
        # Sector borders.
        painter.setPen(QPen(QColor("#8A8A8A"), 1.5, Qt.PenStyle.DashLine))
        for category in Category:
            border = sector_bounds(category)[0]
            painter.drawLine(QPointF(*polar(geometry.boundary(0), border)), QPointF(*polar(outer, border)))
        painter.setFont(map_font(self.title_px, bold=True))
        for category, title, rect in self._titles:
            painter.setPen(sector_colour(category).darker(125))
            painter.drawText(rect, TITLE_FLAGS, title)
        # Ring numbers on the 6 o'clock border, where no sector has its persons.
        painter.setFont(map_font(round(12 * self.scale_factor), bold=True))
        half = 10 * self.scale_factor
        for ring in RINGS:
            x, y = polar(geometry.radius(ring), 180.0)
            rect = QRectF(x - half, y - half, 2 * half, 2 * half)
            painter.setPen(QPen(QColor("#8A8A8A"), 1.0))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(rect)
            painter.setPen(QColor("#404040"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(ring))
