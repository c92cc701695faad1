"""Where things sit on the drawn map, in scene units (pixels at zoom 1); plain math, no Qt.

The domain decides ring and sector (``models.network_layout``: angles clockwise from 12 o'clock,
sectors of 60° in the order of 003 Tabel 3.1). This module turns that into screen positions:

* ring radii grow when a ring is crowded, so a busy ring gets room instead of overlapping circles;
* neighbours on a crowded ring alternate between an inner and an outer row of their ring band;
* a dropped position becomes a ring (the nearest band) and an angle kept inside the person's sector.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from mpg_desktop.models.network_codes import Category
from mpg_desktop.models.network_layout import SECTOR_DEGREES, resolved_angles, sector_bounds
from mpg_desktop.models.network_map import RINGS, Snapshot

NODE_RADIUS = 18.0
CENTRE_RADIUS = 46.0
BASE_RING_SPACING = 105.0
FIRST_RING_EXTRA = 25.0  # ring 1 a little further out, so its short lines have room for their symbol
NODE_GAP = 28.0  # free space between two neighbours of one row (room for their names)
STAGGER = NODE_RADIUS + 6.0  # radial offset of the two rows of a crowded ring
SECTOR_MARGIN_DEGREES = 3.0  # a dropped person stays this far inside its sector's edges
ONE_ROW_GROWTH = 1.7  # a ring may grow this much to keep its persons in one row


@dataclass(frozen=True)
class RingGeometry:
    """The radius of each ring (1..4) and the outer edge of the map."""

    radii: tuple[float, float, float, float]

    def radius(self, ring: int) -> float:
        return self.radii[min(max(ring, 1), len(RINGS)) - 1]

    def boundary(self, ring: int) -> float:
        """Outer edge of ring ``ring``'s band (0 gives the edge of the centre's band)."""
        if ring <= 0:
            return (CENTRE_RADIUS + self.radii[0]) / 2 if self.radii[0] > CENTRE_RADIUS else CENTRE_RADIUS
        if ring >= len(RINGS):
            return self.radii[-1] + (self.radii[-1] - self.radii[-2]) / 2
        return (self.radii[ring - 1] + self.radii[ring]) / 2

    @property
    def outer(self) -> float:
        return self.boundary(len(RINGS))

    def ring_at(self, distance: float) -> int:
        """The ring whose band holds ``distance`` from the centre (1 inside, 4 outside the map)."""
        for ring in RINGS:
            if distance <= self.boundary(ring):
                return ring
        return RINGS[-1]


def ring_geometry(snapshot: Snapshot | None) -> RingGeometry:
    """Ring radii for a snapshot: evenly spaced, widened where one sector of a ring is crowded."""
    counts: Counter[tuple[Category, int]] = Counter()
    if snapshot is not None:
        counts.update((state.category, state.ring) for state in snapshot.persons)
    pitch = 2 * NODE_RADIUS + NODE_GAP
    radii: list[float] = []
    previous = 0.0
    for ring in RINGS:
        crowd = max((n for (_category, r), n in counts.items() if r == ring), default=0)
        base = max(FIRST_RING_EXTRA + ring * BASE_RING_SPACING, previous + BASE_RING_SPACING)
        # One row of persons if the ring need not grow much for it, else two rows (the layout then
        # staggers): a sector of angle a at radius r holds a * r / pitch persons per row.
        one_row = (crowd + 1) * pitch / math.radians(SECTOR_DEGREES)
        radius = max(base, one_row if one_row <= base * ONE_ROW_GROWTH else one_row / 2)
        radii.append(radius)
        previous = radius
    return RingGeometry((radii[0], radii[1], radii[2], radii[3]))


def polar(radius: float, angle: float) -> tuple[float, float]:
    """Screen point at ``radius`` and ``angle`` degrees clockwise from 12 o'clock (y grows downwards)."""
    radians = math.radians(angle)
    return radius * math.sin(radians), -radius * math.cos(radians)


def angle_of(x: float, y: float) -> float:
    """Degrees clockwise from 12 o'clock of a screen point, 0 <= angle < 360."""
    return math.degrees(math.atan2(x, -y)) % 360.0


def clamp_to_sector(angle: float, category: Category) -> float:
    """``angle`` moved inside the sector of ``category`` (persons stay in their own sector)."""
    start, end = sector_bounds(category)
    low, high = start + SECTOR_MARGIN_DEGREES, end - SECTOR_MARGIN_DEGREES
    angle %= 360.0
    if low <= angle <= high:
        return angle
    middle = (start + end) / 2
    # Which edge is nearer, going round the circle the short way?
    offset = (angle - middle + 180.0) % 360.0 - 180.0
    return high if offset > 0 else low


def display_positions(
    snapshot: Snapshot, order: Sequence[str], geometry: RingGeometry
) -> dict[str, tuple[float, float]]:
    """person_id -> (x, y). Neighbours closer than one node apart alternate between two rows."""
    angles = resolved_angles(snapshot, order)
    groups: dict[tuple[Category, int], list[str]] = {}
    for state in snapshot.persons:
        groups.setdefault((state.category, state.ring), []).append(state.person_id)
    positions: dict[str, tuple[float, float]] = {}
    pitch = 2 * NODE_RADIUS + NODE_GAP
    for (_category, ring), person_ids in groups.items():
        radius = geometry.radius(ring)
        person_ids.sort(key=lambda pid: angles[pid])
        crowded = any(math.radians(abs(angles[b] - angles[a])) * radius < pitch for a, b in pairwise(person_ids))
        for index, person_id in enumerate(person_ids):
            offset = (STAGGER if index % 2 else -STAGGER) if crowded else 0.0
            positions[person_id] = polar(radius + offset, angles[person_id])
    return positions


def drop_placement(x: float, y: float, category: Category, geometry: RingGeometry) -> tuple[int, float]:
    """(ring, angle) for a person of ``category`` dropped at (x, y)."""
    ring = geometry.ring_at(math.hypot(x, y))
    return ring, round(clamp_to_sector(angle_of(x, y), category), 2)
