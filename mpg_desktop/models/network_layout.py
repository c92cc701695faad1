"""Where persons sit on the drawn map: six 60° sectors, four rings (spec bolletjesschema 4.5, Proposed).

Angles are degrees clockwise from 12 o'clock. A person with ``Placement.angle`` keeps it; the others
of one sector and ring are spread evenly over the sector in registry order (the order persons were
added), so nobody jumps around between snapshots and the order reveals nothing about names.
Coordinates are screen coordinates (x to the right, y downwards, centre at 0,0), as in a Qt scene.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from mpg_desktop.models.network_codes import Category
from mpg_desktop.models.network_map import Snapshot

SECTOR_DEGREES = 360.0 / len(Category)


def sector_bounds(category: Category) -> tuple[float, float]:
    """(start, end) angle of the sector of ``category``; KERNFAMILIE starts at 12 o'clock."""
    start = (category.sector_order - 1) * SECTOR_DEGREES
    return start, start + SECTOR_DEGREES


def resolved_angles(snapshot: Snapshot, order: Sequence[str] = ()) -> dict[str, float]:
    """person_id -> angle for every person of the snapshot.

    ``order`` is the registry order of person ids (``[p.person_id for p in map.persons]``); ids
    missing from it come after, in snapshot order.
    """
    rank = {person_id: index for index, person_id in enumerate(order)}
    groups: dict[tuple[Category, int], list[str]] = defaultdict(list)
    angles: dict[str, float] = {}
    for state in snapshot.persons:
        if state.placement.angle is not None:
            angles[state.person_id] = state.placement.angle % 360.0
        else:
            groups[(state.category, state.ring)].append(state.person_id)
    by_snapshot = {state.person_id: index for index, state in enumerate(snapshot.persons)}
    for (category, _ring), person_ids in groups.items():
        start, _end = sector_bounds(category)
        person_ids.sort(key=lambda pid: (rank.get(pid, len(rank)), by_snapshot[pid]))
        step = SECTOR_DEGREES / (len(person_ids) + 1)
        for index, person_id in enumerate(person_ids, start=1):
            angles[person_id] = start + index * step
    return angles


def polar_to_xy(ring: int, angle: float, ring_spacing: float = 1.0) -> tuple[float, float]:
    """Screen position of ring ``ring`` (radius ring * ring_spacing) at ``angle`` degrees from 12 o'clock."""
    radians = math.radians(angle)
    radius = ring * ring_spacing
    return radius * math.sin(radians), -radius * math.cos(radians)


def layout_positions(
    snapshot: Snapshot, order: Sequence[str] = (), ring_spacing: float = 1.0
) -> dict[str, tuple[float, float]]:
    """person_id -> (x, y) in screen coordinates; the centre is at (0, 0)."""
    angles = resolved_angles(snapshot, order)
    return {
        state.person_id: polar_to_xy(state.ring, angles[state.person_id], ring_spacing) for state in snapshot.persons
    }
