"""A large made-up network map for benchmarks and screenshots (never for a real case).

Persons get random relationships (so every sector fills), rings, ratings and support; ties between
persons are random distinct pairs. Deterministic for a given seed. Pure.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from mpg_desktop.models.network_catalogue import default_catalogue
from mpg_desktop.models.network_codes import FocusKind, PeerTieKind, SnapshotKind
from mpg_desktop.models.network_map import NetworkMap, PeerTie, Person, Placement
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import add_snapshot, default_state, new_map


def large_map(persons: int = 200, peer_ties: int = 400, seed: int = 6) -> NetworkMap:
    """One snapshot ('b1') with ``persons`` persons ('p0'..) and ``peer_ties`` ties between them."""
    rng = random.Random(seed)
    catalogue = default_catalogue()
    relationships = list(catalogue.relationships)
    network_map = new_map("Groot netwerk", FocusKind.GEZIN, map_id="synthetic")
    network_map, snapshot = add_snapshot(network_map, SnapshotKind.STARTKAART, date(2025, 1, 6), snapshot_id="b1")
    people = [Person(f"p{i}", f"Persoon {i + 1}", rng.choice(relationships)) for i in range(persons)]
    states = []
    for person in people:
        state = default_state(person, catalogue=catalogue)
        states.append(
            replace(
                state,
                placement=Placement(rng.randint(1, 4)),
                tie=replace(state.tie, rating=rng.choice([None, *Rating])),
                support_types=frozenset(rng.sample(list(catalogue.support_types), rng.randint(0, 2))),
            )
        )
    ids = [p.person_id for p in people]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < min(peer_ties, persons * (persons - 1) // 2):
        a, b = sorted(rng.sample(ids, 2))
        pairs.add((a, b))
    kinds = list(PeerTieKind)
    ties = tuple(PeerTie(a, b, rng.choice(kinds), rng.choice([None, *Rating])) for a, b in sorted(pairs))
    snapshot = replace(snapshot, persons=tuple(states), peer_ties=ties)
    return replace(network_map, persons=tuple(people), snapshots=(snapshot,))
