"""Network measures per snapshot and their trend over snapshots (spec bolletjesschema 4.7.1-4.7.2).

P = persons on the snapshot (the centre excluded); I = persons not of network type
*professioneel* (volunteers count as network); K = keep-away persons. Professionals are on the map
but never count as network (P2); "can call on" (potential) and "supports" (actual) are separate
(P3). Pure and cheap (linear in the number of persons); safe on any thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from mpg_desktop.models.network_catalogue import NetworkCatalogue, default_catalogue
from mpg_desktop.models.network_codes import Category, SnapshotKind, SupportGroup, Ternary
from mpg_desktop.models.network_map import NetworkMap, Snapshot
from mpg_desktop.models.network_rating import Rating

MetricValue = int | float | None


@dataclass(frozen=True, eq=False)
class SnapshotMetrics:
    """The measures of one snapshot. Counts are persons; shares and means are floats or None."""

    size_total: int
    size_informal: int
    n_callable: int  # informal, not keep-away, can_call_on = ja (003 *omvang eigen netwerk*)
    n_supporters: int  # informal persons with at least one support type
    n_supporters_by_type: Mapping[str, int]  # per fine support code of the catalogue (all codes, zeros kept)
    n_supporters_by_group: Mapping[SupportGroup, int]
    n_professionals: int
    share_professional: float | None  # n_professionals / size_total, None for an empty map
    n_positive: int
    n_neutral: int
    n_negative: int
    n_unrated: int
    mean_rating_informal: float | None
    n_vip: int
    n_keep_away: int
    n_household: int
    by_category: Mapping[Category, int]
    self_rating: Rating | None
    size_band: str  # '0', '1-3', '4-6', '7+' on n_callable

    @property
    def vip_present(self) -> bool:
        return self.n_vip > 0

    @property
    def has_network_support(self) -> bool:
        return self.n_supporters >= 1

    @property
    def has_professional_help(self) -> bool:
        return self.n_professionals >= 1

    @property
    def has_both(self) -> bool:
        return self.has_network_support and self.has_professional_help

    def flat(self) -> dict[str, MetricValue]:
        """Every measure as name -> number, in a fixed order (for CSV columns, trends and deltas).

        Flags are 0/1; the self-rating is -2..+2; mapped measures are named
        ``supporters.<code>``, ``supporters_group.<group>`` and ``category.<CODE>``.
        """
        values: dict[str, MetricValue] = {
            "size_total": self.size_total,
            "size_informal": self.size_informal,
            "n_callable": self.n_callable,
            "n_supporters": self.n_supporters,
            "n_professionals": self.n_professionals,
            "share_professional": self.share_professional,
            "n_positive": self.n_positive,
            "n_neutral": self.n_neutral,
            "n_negative": self.n_negative,
            "n_unrated": self.n_unrated,
            "mean_rating_informal": self.mean_rating_informal,
            "n_vip": self.n_vip,
            "n_keep_away": self.n_keep_away,
            "n_household": self.n_household,
            "self_rating": None if self.self_rating is None else int(self.self_rating),
            "vip_present": int(self.vip_present),
            "has_network_support": int(self.has_network_support),
            "has_professional_help": int(self.has_professional_help),
            "has_both": int(self.has_both),
        }
        values.update({f"supporters.{code}": n for code, n in self.n_supporters_by_type.items()})
        values.update({f"supporters_group.{group.value}": n for group, n in self.n_supporters_by_group.items()})
        values.update({f"category.{category.value}": n for category, n in self.by_category.items()})
        return values


def size_band(n_callable: int) -> str:
    """The cut points of 003: '1 to 3' and '7 or more' (003_05144c7f1438ced3.txt L4182-4196)."""
    if n_callable <= 0:
        return "0"
    if n_callable <= 3:
        return "1-3"
    return "4-6" if n_callable <= 6 else "7+"


def compute_metrics(snapshot: Snapshot, catalogue: NetworkCatalogue | None = None) -> SnapshotMetrics:
    """The measures of spec 4.7.1 and the help-status flags of 4.7.2 for one snapshot."""
    catalogue = catalogue or default_catalogue()
    everyone = snapshot.persons
    informal = [s for s in everyone if not s.is_professional]
    supporters = [s for s in informal if s.is_supporter]
    by_type = dict.fromkeys(catalogue.support_types, 0)
    by_group = dict.fromkeys(SupportGroup, 0)
    for state in supporters:
        groups = set()
        for code in state.support_types:
            by_type[code] = by_type.get(code, 0) + 1
            group = catalogue.support_group(code)
            if group is not None:
                groups.add(group)
        for group in groups:
            by_group[group] += 1
    ratings = [s.tie.rating for s in everyone]
    informal_ratings = [int(s.tie.rating) for s in informal if s.tie.rating is not None]
    n_callable = sum(1 for s in informal if not s.keep_away and s.can_call_on is Ternary.JA)
    n_professionals = len(everyone) - len(informal)
    return SnapshotMetrics(
        size_total=len(everyone),
        size_informal=len(informal),
        n_callable=n_callable,
        n_supporters=len(supporters),
        n_supporters_by_type=by_type,
        n_supporters_by_group=by_group,
        n_professionals=n_professionals,
        share_professional=n_professionals / len(everyone) if everyone else None,
        n_positive=sum(1 for r in ratings if r is not None and r > 0),
        n_neutral=sum(1 for r in ratings if r is not None and r == 0),
        n_negative=sum(1 for r in ratings if r is not None and r < 0),
        n_unrated=sum(1 for r in ratings if r is None),
        mean_rating_informal=float(Fraction(sum(informal_ratings), len(informal_ratings)))
        if informal_ratings
        else None,
        n_vip=sum(1 for s in everyone if s.vip),
        n_keep_away=sum(1 for s in everyone if s.keep_away),
        n_household=sum(1 for s in everyone if s.household),
        by_category={category: sum(1 for s in everyone if s.category is category) for category in Category},
        self_rating=snapshot.ego.self_rating,
        size_band=size_band(n_callable),
    )


def metrics_delta(earlier: SnapshotMetrics, later: SnapshotMetrics) -> dict[str, float]:
    """later - earlier for every measure that changed (a measure that is None on either side is left out)."""
    before, after = earlier.flat(), later.flat()
    delta: dict[str, float] = {}
    for name, new in after.items():
        old = before.get(name, 0)
        if new is not None and old is not None and new != old:
            delta[name] = new - old
    return delta


@dataclass(frozen=True, eq=False)
class TrendPoint:
    snapshot_id: str
    kind: SnapshotKind
    reference_date: date
    metrics: SnapshotMetrics


def metrics_trend(network_map: NetworkMap, catalogue: NetworkCatalogue | None = None) -> tuple[TrendPoint, ...]:
    """The measures of every snapshot in date order."""
    return tuple(
        TrendPoint(s.snapshot_id, s.kind, s.reference_date, compute_metrics(s, catalogue))
        for s in network_map.snapshots_by_date
    )


def metric_series(trend: tuple[TrendPoint, ...], name: str) -> tuple[tuple[date, MetricValue], ...]:
    """(date, value) of one measure (a key of ``SnapshotMetrics.flat``) over the trend."""
    return tuple((point.reference_date, point.metrics.flat().get(name)) for point in trend)


def metric_change(trend: tuple[TrendPoint, ...], name: str) -> float | None:
    """Last minus first value of a measure; None with fewer than two snapshots or a missing value."""
    if len(trend) < 2:
        return None
    first = trend[0].metrics.flat().get(name)
    last = trend[-1].metrics.flat().get(name)
    return None if first is None or last is None else last - first
