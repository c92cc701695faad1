"""The map of one snapshot as a QGraphicsScene, updated in place when the map changes.

``show_snapshot`` compares what each person looks like with what is drawn and touches only the
items that differ, so an edit of one person (or a drag) does not rebuild 200 items. Dragging is
free; on release the scene emits ``persons_dropped`` with where the persons were let go and the
editor decides (ring and angle inside the sector), after which ``show_snapshot`` puts them in
place. GUI thread only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from mpg_desktop.models.network_catalogue import NetworkCatalogue, default_catalogue
from mpg_desktop.models.network_codes import SupportGroup
from mpg_desktop.models.network_map import NetworkMap, Person, PersonState, Snapshot
from mpg_desktop.models.network_rating import rating_label, rating_symbol
from mpg_desktop.ui.network.geometry import NODE_RADIUS, RingGeometry, display_positions, ring_geometry
from mpg_desktop.ui.network.items import (
    LABEL_FONT_PX,
    LABEL_MAX_WIDTH,
    BackgroundItem,
    CentreItem,
    PeerTieItem,
    PersonItem,
    PersonLook,
    TieItem,
)
from mpg_desktop.ui.network.palette import tr

LABEL_GAP = 6.0  # space between two names side by side
GROUP_ORDER = (SupportGroup.PRAKTISCH, SupportGroup.FINANCIEEL, SupportGroup.EMOTIONEEL, SupportGroup.INFORMATIEF)


@dataclass(frozen=True)
class SceneOptions:
    """How to draw: editable (drag), names replaced (export), diff marks, optional lines."""

    editable: bool = True
    labels: Mapping[str, str] | None = None  # person_id -> text instead of the display name
    focus_label: str | None = None
    marks: Mapping[str, str] | None = None  # person_id -> 'nieuw' / 'gewijzigd' / ''; None = no diff view
    earlier: Snapshot | None = None  # diff view: persons who left are drawn where they were
    show_peer_ties: bool = False
    show_keep_away_lines: bool = False


def support_letters(state: PersonState, catalogue: NetworkCatalogue) -> str:
    groups = {catalogue.support_group(code) for code in state.support_types}
    return "".join(group.badge for group in GROUP_ORDER if group in groups)


def person_tooltip(person: Person, state: PersonState, catalogue: NetworkCatalogue, name: str) -> str:
    info = catalogue.relationships.get(person.relationship)
    parts = [
        name,
        tr("relatie: {relation}").format(relation=info.label_nl if info else person.relationship),
        tr("waardering: {symbol} ({label})").format(
            symbol=rating_symbol(state.tie.rating), label=tr(rating_label(state.tie.rating))
        ),
        tr("ring {ring}").format(ring=state.ring),
    ]
    if state.household:
        parts.append(tr("woont in het huishouden"))
    if state.vip:
        parts.append(tr("VIP"))
    if state.keep_away:
        parts.append(tr("op afstand houden"))
    if state.support_types:
        labels = [
            catalogue.support_types[c].label_nl if c in catalogue.support_types else c for c in state.support_types
        ]
        parts.append(tr("steun: {kinds}").format(kinds=", ".join(sorted(labels))))
    return "\n".join(parts)


class NetworkScene(QGraphicsScene):
    persons_dropped = Signal(list)  # [(person_id, x, y)] of every person let go away from its place

    def __init__(self, parent: QObject | None = None, catalogue: NetworkCatalogue | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue or default_catalogue()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items move; hit tests are few
        self.geometry: RingGeometry = ring_geometry(None)
        self.background = BackgroundItem(self.geometry)
        self.addItem(self.background)
        self.centre = CentreItem()
        self.addItem(self.centre)
        self.person_items: dict[str, PersonItem] = {}
        self.tie_items: dict[str, TieItem] = {}
        self.peer_items: list[PeerTieItem] = []
        self.ghosts: list[PersonItem] = []
        self._peer_key: object = None
        self._looks: dict[str, tuple[object, PersonLook, Person, PersonState]] = {}
        self._fit_rect()

    # -- content -------------------------------------------------------------------------
    def show_snapshot(self, network_map: NetworkMap, snapshot: Snapshot | None, options: SceneOptions) -> None:
        """Draw ``snapshot`` of ``network_map`` (None: only the centre and the rings)."""
        persons = {person.person_id: person for person in network_map.persons}
        geometry = ring_geometry(snapshot)
        if geometry != self.geometry:
            self.geometry = geometry
            self.background.set_geometry(geometry)
            self._fit_rect()
        ego = snapshot.ego.self_rating if snapshot is not None else None
        self.centre.set_content(options.focus_label or network_map.focus_label, ego)
        states = snapshot.persons if snapshot is not None else ()
        order = [person.person_id for person in network_map.persons]
        positions = display_positions(snapshot, order, geometry) if snapshot is not None else {}
        rings = {state.person_id: state.ring for state in states}
        above = {pid: self._label_above(position, rings[pid]) for pid, position in positions.items()}
        label_widths = _label_widths(positions, above)
        present = set()
        for state in states:
            pid = state.person_id
            person = persons.get(pid)
            if person is None:
                continue  # S1: reported by validation; nothing to draw
            present.add(pid)
            look = self._look(person, state, options, label_widths.get(pid, LABEL_MAX_WIDTH), above[pid])
            item = self.person_items.get(pid)
            if item is None:
                item = PersonItem(pid, look)
                self.addItem(item)
                self.person_items[pid] = item
                tie = TieItem(item)
                self.addItem(tie)
                self.tie_items[pid] = tie
            else:
                item.set_look(look)
            item.set_movable(options.editable)
            x, y = positions[pid]
            home = QPointF(x, y)
            if item.home != home or item.pos() != home:
                item.home = home
                item.setPos(home)
            hide_line = state.keep_away and not options.show_keep_away_lines
            tie = self.tie_items[pid]
            tie.setVisible(not hide_line)
            offset = geometry.radius(state.ring) - geometry.boundary(state.ring - 1)
            tie.set_style(state.tie.rating, options.marks is not None and not look.mark, offset)
        for pid in [pid for pid in self.person_items if pid not in present]:
            self._remove_person(pid)
        self._show_peer_ties(snapshot, options)
        self._show_ghosts(network_map, snapshot, options, persons)

    def _label_above(self, position: tuple[float, float], ring: int) -> bool:
        """Names go on the outer side of the ring; on a crowded ring's inner row, on the inner side,
        so the names of the two rows do not run into each other."""
        x, y = position
        inner_row = math.hypot(x, y) < self.geometry.radius(ring) - 1
        return y > 0 if inner_row else y < 0

    def _look(
        self, person: Person, state: PersonState, options: SceneOptions, label_width: float, above: bool = False
    ) -> PersonLook:
        """The look of one person; reused while the person, its state (the same objects: maps are
        immutable) and what the options say about it stay the same."""
        pid = person.person_id
        key = (
            options.labels.get(pid) if options.labels else None,
            None if options.marks is None else options.marks.get(pid, ""),
            options.show_keep_away_lines,
            label_width,
            above,
        )
        cached = self._looks.get(person.person_id)
        if cached is not None and cached[0] == key and cached[2] is person and cached[3] is state:
            return cached[1]
        look = self._make_look(person, state, options, label_width, above)
        self._looks[person.person_id] = (key, look, person, state)
        return look

    def _make_look(
        self, person: Person, state: PersonState, options: SceneOptions, label_width: float, above: bool
    ) -> PersonLook:
        name = options.labels.get(person.person_id, person.display_name) if options.labels else person.display_name
        hide_line = state.keep_away and not options.show_keep_away_lines
        return PersonLook(
            name=name,
            category=state.category,
            professional=state.is_professional,
            household=state.household,
            vip=state.vip,
            keep_away=state.keep_away,
            support_letters=support_letters(state, self.catalogue),
            mark=(options.marks or {}).get(person.person_id, ""),
            diff_mode=options.marks is not None,
            symbol_beside=rating_symbol(state.tie.rating) if hide_line else "",
            label_width=label_width,
            label_above=above,
            tooltip=person_tooltip(person, state, self.catalogue, name),
        )

    def _remove_person(self, pid: str) -> None:
        item = self.person_items.pop(pid)
        tie = self.tie_items.pop(pid)
        self._looks.pop(pid, None)
        for peer in [t for t in item.ties if isinstance(t, PeerTieItem)]:
            peer.detach()
            self.peer_items.remove(peer)
            self.removeItem(peer)
        self._peer_key = None
        self.removeItem(tie)
        self.removeItem(item)

    def _show_peer_ties(self, snapshot: Snapshot | None, options: SceneOptions) -> None:
        wanted = snapshot.peer_ties if snapshot is not None and options.show_peer_ties else ()
        key = (wanted, tuple(sorted(self.person_items)))
        if key == self._peer_key:
            return
        self._peer_key = key
        for peer in self.peer_items:
            peer.detach()
            self.removeItem(peer)
        self.peer_items = []
        for tie in wanted:
            a, b = self.person_items.get(tie.person_a), self.person_items.get(tie.person_b)
            if a is not None and b is not None and a is not b:
                item = PeerTieItem(a, b, tie.kind, tie.rating)
                self.addItem(item)
                self.peer_items.append(item)

    def _show_ghosts(
        self,
        network_map: NetworkMap,
        snapshot: Snapshot | None,
        options: SceneOptions,
        persons: Mapping[str, Person],
    ) -> None:
        for ghost in self.ghosts:
            self.removeItem(ghost)
        self.ghosts = []
        earlier = options.earlier
        if earlier is None or snapshot is None or options.marks is None:
            return
        gone = [s for s in earlier.persons if snapshot.state(s.person_id) is None and s.person_id in persons]
        if not gone:
            return
        order = [p.person_id for p in network_map.persons]
        positions = display_positions(earlier, order, self.geometry)
        for state in gone:
            person = persons[state.person_id]
            x, y = positions[state.person_id]
            look = self._look(person, state, options, LABEL_MAX_WIDTH, self._label_above((x, y), state.ring))
            ghost = PersonItem(state.person_id, _ghost(look))
            ghost.set_movable(False)
            ghost.setPos(QPointF(x, y))
            ghost.setZValue(1.5)
            self.addItem(ghost)
            self.ghosts.append(ghost)

    def _fit_rect(self) -> None:
        rect = self.background.boundingRect()
        self.setSceneRect(rect.adjusted(-20, -20, 20, 20))

    # -- selection and dragging -----------------------------------------------------------
    def selected_id(self) -> str | None:
        """'ego' for the centre, a person id, or None."""
        for item in self.selectedItems():
            if item is self.centre:
                return "ego"
            if isinstance(item, PersonItem) and item not in self.ghosts:
                return item.person_id
        return None

    def select(self, person_id: str | None) -> None:
        """Select one person ('ego' for the centre), or nothing."""
        target = self.centre if person_id == "ego" else self.person_items.get(person_id or "")
        if target is not None and target.isSelected() and len(self.selectedItems()) == 1:
            return
        self.clearSelection()
        if target is not None:
            target.setSelected(True)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        dropped = [
            (item.person_id, item.pos().x(), item.pos().y()) for item in self.person_items.values() if item.moved_away()
        ]
        if dropped:
            self.persons_dropped.emit(dropped)

    def without_pixmap_caches(self) -> None:
        """Paint every item directly: for print and PDF, where cached pixmaps would turn text into images."""
        for item in self.items():
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)

    def map_rect(self) -> QRectF:
        """The drawn map: rings and sector titles (what 'fit to view' shows)."""
        return self.background.boundingRect()


def _ghost(look: PersonLook) -> PersonLook:
    return PersonLook(
        name=look.name,
        category=look.category,
        professional=look.professional,
        household=False,
        vip=False,
        keep_away=False,
        support_letters="",
        mark="uit beeld",
        diff_mode=True,
        ghost=True,
        label_above=look.label_above,
        tooltip=tr("Uit beeld: {name}").format(name=look.name),
    )


def _label_widths(positions: Mapping[str, tuple[float, float]], above: Mapping[str, bool]) -> dict[str, float]:
    """How wide each name may be so that two names side by side do not overlap.

    A name is centred under (or above) its person; two names on about the same height, ``dx``
    apart, fit when each is at most ``dx - gap`` wide. Longer names are cut off ('…'); the
    tooltip and the list show them whole.
    """
    label_height = LABEL_FONT_PX + 10  # a little more than a line, so names just apart vertically count too
    centres = {
        pid: (x, y - (NODE_RADIUS * 1.35 + label_height / 2) if above[pid] else y + NODE_RADIUS + label_height / 2)
        for pid, (x, y) in positions.items()
    }
    ordered = sorted(centres.items(), key=lambda item: item[1][1])
    widths: dict[str, float] = {}
    for index, (pid, (x, y)) in enumerate(ordered):
        room = LABEL_MAX_WIDTH
        for step in (-1, 1):
            other = index + step
            while 0 <= other < len(ordered) and abs(ordered[other][1][1] - y) < label_height:
                room = min(room, abs(ordered[other][1][0] - x) - LABEL_GAP)
                other += step
        widths[pid] = max(room, 2 * NODE_RADIUS + 8)
    return widths
