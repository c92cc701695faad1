"""Sectors, rings and automatic placement on the drawn map (spec 4.5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mpg_desktop.models.network_codes import Category, NetworkType, SnapshotKind
from mpg_desktop.models.network_demo import demo_sanne
from mpg_desktop.models.network_layout import layout_positions, polar_to_xy, resolved_angles, sector_bounds
from mpg_desktop.models.network_map import PersonState, Placement, Snapshot


def test_six_sectors_clockwise_from_twelve() -> None:
    assert sector_bounds(Category.KERNFAMILIE) == (0.0, 60.0)
    assert sector_bounds(Category.PROFESSIONEEL) == (300.0, 360.0)


def test_polar_to_screen_coordinates() -> None:
    assert polar_to_xy(2, 0.0, 10.0) == pytest.approx((0.0, -20.0))  # 12 o'clock is up (y down on screen)
    assert polar_to_xy(1, 90.0, 10.0) == pytest.approx((10.0, 0.0))  # 3 o'clock
    assert polar_to_xy(3, 180.0) == pytest.approx((0.0, 3.0))


def state(person_id: str, ring: int = 3, angle: float | None = None) -> PersonState:
    return PersonState(person_id, Category.VRIENDEN, NetworkType.PERSOONLIJK, Placement(ring, angle))


def test_persons_spread_evenly_in_registry_order_and_keep_a_manual_angle() -> None:
    snapshot = Snapshot(
        "s",
        SnapshotKind.STARTKAART,
        date(2024, 1, 1),
        persons=(state("b"), state("a"), state("c", angle=125.0), state("d", ring=2)),
    )
    angles = resolved_angles(snapshot, order=["a", "b", "c", "d"])
    assert angles == {"a": 140.0, "b": 160.0, "c": 125.0, "d": 150.0}


def test_positions_of_a_demo_map_are_stable_between_snapshots() -> None:
    m = demo_sanne()
    order = [p.person_id for p in m.persons]
    first = layout_positions(m.snapshot("sanne-1"), order)
    second = layout_positions(m.snapshot("sanne-2"), order)
    assert first == second  # nobody moved ring or sector, so nobody moves on the screen
    assert first["s-noor"] != first["s-daan"]
    henk = m.snapshot("sanne-2").state("s-henk")
    assert henk is not None
    moved = replace(henk, placement=Placement(1))
    snapshot = replace(m.snapshot("sanne-2"), persons=(moved,))
    assert layout_positions(snapshot, order)["s-henk"] == pytest.approx(polar_to_xy(1, 30.0))
