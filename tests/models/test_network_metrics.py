"""Network measures (spec 4.7.1-4.7.2) on the three demo maps, against values counted by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from mpg_desktop.models.network_codes import Category, NetworkType, SnapshotKind, SupportGroup, Ternary
from mpg_desktop.models.network_demo import demo_bakker, demo_ruud, demo_sanne
from mpg_desktop.models.network_map import PersonState, Placement, Snapshot
from mpg_desktop.models.network_metrics import (
    compute_metrics,
    metric_change,
    metric_series,
    metrics_trend,
    size_band,
)
from mpg_desktop.models.network_rating import Rating

K, FR, V, B, P = (
    Category.KERNFAMILIE,
    Category.FAMILIE_RUIM,
    Category.VRIENDEN,
    Category.BUURT_VRIJWILLIGERS,
    Category.PROFESSIONEEL,
)

# Counted by hand from the demo definitions (see network_demo): one dict per snapshot.
HAND: dict[str, dict[str, Any]] = {
    # Sanne, startkaart: 2 children ++, father +/-, sister + (callable), child protection -; 4 unrated.
    "sanne-1": dict(size_total=9, size_informal=7, n_callable=1, n_supporters=0, n_professionals=2,
                    n_positive=3, n_neutral=1, n_negative=1, n_unrated=4, mean=(2 + 2 + 0 + 1) / 4,
                    n_vip=0, n_keep_away=0, n_household=2, band="1-3", both=False, self_rating=-1,
                    by_category={K: 6, V: 1, P: 2}, by_group={}),
    # Sanne after the EK-c (T6): father, 2 brothers, sister (VIP) and friend support; all rated.
    "sanne-2": dict(size_total=9, size_informal=7, n_callable=5, n_supporters=5, n_professionals=2,
                    n_positive=8, n_neutral=1, n_negative=0, n_unrated=0, mean=(2 + 2 + 1 + 1 + 1 + 2 + 1) / 7,
                    n_vip=1, n_keep_away=0, n_household=2, band="4-6", both=True, self_rating=1,
                    by_category={K: 6, V: 1, P: 2}, by_group={SupportGroup.PRAKTISCH: 5},
                    by_type={"toezicht": 3, "opvoeding": 2, "praktisch": 3, "administratief": 1}),
    # Bakker: grandmother +, brother +/-, friend + (emotional), two neighbours (+, +/-) with practical help.
    "bakker-1": dict(size_total=5, size_informal=5, n_callable=3, n_supporters=3, n_professionals=0,
                     n_positive=3, n_neutral=2, n_negative=0, n_unrated=0, mean=3 / 5,
                     n_vip=0, n_keep_away=0, n_household=0, band="1-3", both=False, self_rating=None,
                     by_category={K: 1, FR: 1, V: 1, B: 2},
                     by_group={SupportGroup.PRAKTISCH: 2, SupportGroup.EMOTIONEEL: 1}),
    # Bakker before the EK-c: friend gone, brother -- and kept away; grandmother still callable on paper.
    "bakker-2": dict(size_total=4, size_informal=4, n_callable=2, n_supporters=2, n_professionals=0,
                     n_positive=2, n_neutral=1, n_negative=1, n_unrated=0, mean=(1 - 2 + 1 + 0) / 4,
                     n_vip=0, n_keep_away=1, n_household=0, band="1-3", both=False, self_rating=None,
                     by_category={K: 1, FR: 1, B: 2}, by_group={SupportGroup.PRAKTISCH: 2}),
    # Ruud, startkaart: ggz +, neighbour +/-, old friend +, sister-in-law not rated.
    "ruud-1": dict(size_total=4, size_informal=3, n_callable=0, n_supporters=0, n_professionals=1,
                   n_positive=2, n_neutral=1, n_negative=0, n_unrated=1, mean=(0 + 1) / 2,
                   n_vip=0, n_keep_away=0, n_household=0, band="0", both=False, self_rating=-2,
                   by_category={FR: 1, V: 1, B: 1, P: 1}, by_group={}),
    # Ruud after the EK-c: 5 friends, sister-in-law, neighbour all support; one professional.
    "ruud-2": dict(size_total=8, size_informal=7, n_callable=7, n_supporters=7, n_professionals=1,
                   n_positive=8, n_neutral=0, n_negative=0, n_unrated=0, mean=(2 + 6 * 1) / 7,
                   n_vip=1, n_keep_away=0, n_household=0, band="7+", both=True, self_rating=-1,
                   by_category={FR: 1, V: 5, B: 1, P: 1},
                   by_group={SupportGroup.PRAKTISCH: 4, SupportGroup.EMOTIONEEL: 2, SupportGroup.INFORMATIEF: 1}),
}  # fmt: skip

MAPS = {"sanne": demo_sanne(), "bakker": demo_bakker(), "ruud": demo_ruud()}


@pytest.mark.parametrize("snapshot_id", sorted(HAND))
def test_demo_metrics_equal_hand_counts(snapshot_id: str) -> None:
    expected = HAND[snapshot_id]
    m = MAPS[snapshot_id.split("-")[0]]
    got = compute_metrics(m.snapshot(snapshot_id))
    for name in ("size_total", "size_informal", "n_callable", "n_supporters", "n_professionals", "n_positive"):
        assert getattr(got, name) == expected[name], name
    for name in ("n_neutral", "n_negative", "n_unrated", "n_vip", "n_keep_away", "n_household"):
        assert getattr(got, name) == expected[name], name
    assert got.share_professional == pytest.approx(expected["n_professionals"] / expected["size_total"])
    assert got.mean_rating_informal == pytest.approx(expected["mean"])
    assert got.size_band == expected["band"]
    assert got.has_both is expected["both"]
    assert got.vip_present is (expected["n_vip"] > 0)
    assert (None if got.self_rating is None else int(got.self_rating)) == expected["self_rating"]
    assert {c: n for c, n in got.by_category.items() if n} == expected["by_category"]
    assert {g: n for g, n in got.n_supporters_by_group.items() if n} == expected["by_group"]
    if "by_type" in expected:
        assert {t: n for t, n in got.n_supporters_by_type.items() if n} == expected["by_type"]


def test_t6_sanne_after_the_conference() -> None:
    metrics = compute_metrics(demo_sanne().snapshot("sanne-2"))
    assert (metrics.n_supporters, metrics.n_professionals, metrics.n_vip, metrics.has_both) == (5, 2, 1, True)


def test_ruud_has_a_low_share_of_professionals() -> None:
    assert compute_metrics(demo_ruud().snapshot("ruud-2")).share_professional == 1 / 8


def state(person_id: str, **changes: object) -> PersonState:
    base = PersonState(person_id, Category.VRIENDEN, NetworkType.PERSOONLIJK, Placement(3))
    return replace(base, **changes)  # type: ignore[arg-type]


def test_professionals_and_keep_away_are_not_callable_network() -> None:
    snapshot = Snapshot(
        "s",
        SnapshotKind.EVALUATIE,
        date(2024, 1, 1),
        persons=(
            state("prof", network_type=NetworkType.PROFESSIONEEL, category=P, can_call_on=Ternary.JA,
                  support_types=frozenset({"praktisch"})),
            state("ex", keep_away=True, can_call_on=Ternary.JA, support_types=frozenset({"financieel_materieel"})),
            state("buddy", network_type=NetworkType.VRIJWILLIGER, can_call_on=Ternary.JA),
            state("friend", can_call_on=Ternary.NEE, tie=replace(state("x").tie, rating=Rating.ZEER_SLECHT)),
        ),
    )  # fmt: skip
    metrics = compute_metrics(snapshot)
    assert metrics.n_callable == 1  # only the volunteer: professional and keep-away excluded (V11)
    assert metrics.n_supporters == 1  # the keep-away ex-partner still supports; the professional never counts
    assert metrics.n_supporters_by_group[SupportGroup.FINANCIEEL] == 1
    assert metrics.n_supporters_by_group[SupportGroup.PRAKTISCH] == 0
    assert metrics.size_informal == 3 and metrics.n_professionals == 1
    assert metrics.mean_rating_informal == -2.0 and metrics.n_negative == 1 and metrics.n_unrated == 3


def test_empty_snapshot() -> None:
    metrics = compute_metrics(Snapshot("s", SnapshotKind.STARTKAART, date(2024, 1, 1)))
    assert metrics.size_total == 0
    assert metrics.share_professional is None and metrics.mean_rating_informal is None
    assert metrics.size_band == "0" and not metrics.has_both and not metrics.vip_present


@pytest.mark.parametrize(
    ("n", "band"), [(0, "0"), (1, "1-3"), (3, "1-3"), (4, "4-6"), (6, "4-6"), (7, "7+"), (40, "7+")]
)
def test_size_bands(n: int, band: str) -> None:
    assert size_band(n) == band


def test_trend_over_snapshots() -> None:
    trend = metrics_trend(demo_ruud())
    assert [p.snapshot_id for p in trend] == ["ruud-1", "ruud-2"]
    assert metric_series(trend, "n_supporters") == ((date(2024, 3, 4), 0), (date(2024, 5, 13), 7))
    assert metric_change(trend, "n_callable") == 7
    assert metric_change(trend, "share_professional") == pytest.approx(0.125 - 0.25)
    assert metric_change(trend[:1], "n_callable") is None
    assert metric_change(metrics_trend(demo_bakker()), "self_rating") is None  # never rated


def test_flat_has_fixed_order_and_every_category() -> None:
    flat = compute_metrics(demo_sanne().snapshot("sanne-2")).flat()
    assert list(flat)[:3] == ["size_total", "size_informal", "n_callable"]
    assert all(f"category.{c.value}" in flat for c in Category)
    assert flat["has_both"] == 1 and flat["self_rating"] == 1
