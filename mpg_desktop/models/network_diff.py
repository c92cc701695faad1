"""What changed between two snapshots of one map (spec bolletjesschema 4.6, "Diff(A -> B)").

Persons are matched by ``person_id`` only. Free text (reasons, notes) is not compared: a changed
wording is not a change in the network, and the diff is shown next to the map anyway. Output is
deterministic: lists sorted by sector order, then ring, then display name, then id. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from mpg_desktop.models.network_catalogue import NetworkCatalogue
from mpg_desktop.models.network_codes import LeftReason
from mpg_desktop.models.network_map import NetworkMap, PeerTie, PersonState, Snapshot
from mpg_desktop.models.network_metrics import compute_metrics, metrics_delta
from mpg_desktop.models.network_rating import Rating

# PersonState fields reported as ``state_changed`` (spec 4.6 plus left_reason), then EgoTie fields.
STATE_FIELDS = (
    "network_type",
    "household",
    "can_call_on",
    "contact_frequency",
    "location",
    "availability",
    "availability_reason",
    "helped_before",
    "knows_about_problems",
    "contact_permission",
    "gives_back",
    "keep_away_scope",
    "left_reason",
)
TIE_FIELDS = ("rated_by", "perceived_rating_by_other", "coach_estimate")


@dataclass(frozen=True)
class RatingChange:
    person_id: str
    old: Rating | None
    new: Rating | None
    reason: str  # the reason given in the later snapshot


@dataclass(frozen=True)
class FieldChange:
    person_id: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class SupportChange:
    person_id: str
    support_types: frozenset[str]


@dataclass(frozen=True)
class Removal:
    """*Uit beeld*: on the earlier snapshot, not on the later one."""

    person_id: str
    left_reason: LeftReason | None


@dataclass(frozen=True)
class PeerTieChange:
    pair: tuple[str, str]
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class SnapshotDiff:
    """Changes from ``earlier_id`` to ``later_id``. Empty lists mean "no change of that kind"."""

    earlier_id: str
    later_id: str
    added: tuple[str, ...] = ()  # *nieuw in netwerk*
    removed: tuple[Removal, ...] = ()
    rating_changed: tuple[RatingChange, ...] = ()  # both rated, different
    rating_first: tuple[RatingChange, ...] = ()  # not rated before, rated now
    rating_cleared: tuple[RatingChange, ...] = ()  # rated before, not now
    ring_changed: tuple[FieldChange, ...] = ()  # new < old is *dichterbij*
    category_changed: tuple[FieldChange, ...] = ()
    vip_on: tuple[str, ...] = ()
    vip_off: tuple[str, ...] = ()
    keep_away_on: tuple[str, ...] = ()
    keep_away_off: tuple[str, ...] = ()
    support_added: tuple[SupportChange, ...] = ()
    support_removed: tuple[SupportChange, ...] = ()
    state_changed: tuple[FieldChange, ...] = ()
    peer_ties_added: tuple[PeerTie, ...] = ()
    peer_ties_removed: tuple[PeerTie, ...] = ()
    peer_ties_changed: tuple[PeerTieChange, ...] = ()
    self_rating_changed: tuple[Rating | None, Rating | None] | None = None
    metrics_delta: Mapping[str, float] = field(default_factory=dict)  # only measures that changed

    @property
    def is_empty(self) -> bool:
        """True when nothing changed (the metrics cannot change then either)."""
        return all(not getattr(self, f.name) for f in fields(self) if f.name not in ("earlier_id", "later_id"))


def diff_snapshots(
    earlier: Snapshot,
    later: Snapshot,
    names: Mapping[str, str] | None = None,
    catalogue: NetworkCatalogue | None = None,
) -> SnapshotDiff:
    """Diff(A -> B). ``names`` (person_id -> display name) only orders the output."""
    names = names or {}
    old = {s.person_id: s for s in earlier.persons}
    new = {s.person_id: s for s in later.persons}

    def order(person_id: str) -> tuple[int, int, str, str]:
        state = new.get(person_id) or old[person_id]
        return state.category.sector_order, state.ring, names.get(person_id, ""), person_id

    both = sorted(old.keys() & new.keys(), key=order)
    reasons = {d.person_id: d.left_reason for d in later.departures}
    changes: dict[str, list[Any]] = {name: [] for name in _LIST_FIELDS}
    for person_id in both:
        _compare_person(old[person_id], new[person_id], changes)
    ties_added, ties_removed, ties_changed = _compare_peer_ties(earlier.peer_ties, later.peer_ties)
    self_change = (earlier.ego.self_rating, later.ego.self_rating)
    return SnapshotDiff(
        earlier_id=earlier.snapshot_id,
        later_id=later.snapshot_id,
        added=tuple(sorted(new.keys() - old.keys(), key=order)),
        removed=tuple(Removal(pid, reasons.get(pid)) for pid in sorted(old.keys() - new.keys(), key=order)),
        **{name: tuple(items) for name, items in changes.items()},
        peer_ties_added=ties_added,
        peer_ties_removed=ties_removed,
        peer_ties_changed=ties_changed,
        self_rating_changed=self_change if self_change[0] != self_change[1] else None,
        metrics_delta=metrics_delta(compute_metrics(earlier, catalogue), compute_metrics(later, catalogue)),
    )


def diff_map(
    network_map: NetworkMap, earlier_id: str, later_id: str, catalogue: NetworkCatalogue | None = None
) -> SnapshotDiff:
    """Diff of two snapshots of ``network_map`` by id (KeyError for an unknown id)."""
    return diff_snapshots(
        network_map.snapshot(earlier_id), network_map.snapshot(later_id), network_map.names, catalogue
    )


_LIST_FIELDS = (
    "rating_changed",
    "rating_first",
    "rating_cleared",
    "ring_changed",
    "category_changed",
    "vip_on",
    "vip_off",
    "keep_away_on",
    "keep_away_off",
    "support_added",
    "support_removed",
    "state_changed",
)


def _compare_person(a: PersonState, b: PersonState, out: dict[str, list[Any]]) -> None:
    pid = b.person_id
    old_rating, new_rating = a.tie.rating, b.tie.rating
    if old_rating != new_rating:
        kind = "rating_first" if old_rating is None else "rating_cleared" if new_rating is None else "rating_changed"
        out[kind].append(RatingChange(pid, old_rating, new_rating, b.tie.reason))
    if a.ring != b.ring:
        out["ring_changed"].append(FieldChange(pid, "ring", a.ring, b.ring))
    if a.category != b.category:
        out["category_changed"].append(FieldChange(pid, "category", a.category, b.category))
    if a.vip != b.vip:
        out["vip_on" if b.vip else "vip_off"].append(pid)
    if a.keep_away != b.keep_away:
        out["keep_away_on" if b.keep_away else "keep_away_off"].append(pid)
    if b.support_types - a.support_types:
        out["support_added"].append(SupportChange(pid, b.support_types - a.support_types))
    if a.support_types - b.support_types:
        out["support_removed"].append(SupportChange(pid, a.support_types - b.support_types))
    for name in STATE_FIELDS:
        if getattr(a, name) != getattr(b, name):
            out["state_changed"].append(FieldChange(pid, name, getattr(a, name), getattr(b, name)))
    for name in TIE_FIELDS:
        if getattr(a.tie, name) != getattr(b.tie, name):
            out["state_changed"].append(FieldChange(pid, name, getattr(a.tie, name), getattr(b.tie, name)))


def _compare_peer_ties(
    earlier: tuple[PeerTie, ...], later: tuple[PeerTie, ...]
) -> tuple[tuple[PeerTie, ...], tuple[PeerTie, ...], tuple[PeerTieChange, ...]]:
    old = {t.pair: t for t in earlier}
    new = {t.pair: t for t in later}
    changed = [
        PeerTieChange(pair, name, getattr(old[pair], name), getattr(new[pair], name))
        for pair in sorted(old.keys() & new.keys())
        for name in ("kind", "rating")
        if getattr(old[pair], name) != getattr(new[pair], name)
    ]
    added = tuple(new[pair] for pair in sorted(new.keys() - old.keys()))
    removed = tuple(old[pair] for pair in sorted(old.keys() - new.keys()))
    return added, removed, tuple(changed)
