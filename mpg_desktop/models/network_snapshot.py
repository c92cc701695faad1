"""Changes to a network map: persons, ties, snapshots and "Nieuw meetmoment" (spec bolletjesschema 4.6).

Every function takes a ``NetworkMap`` and returns a new one; nothing is changed in place, so the
caller (an operation of the UI) decides when to store and can compare old and new. Every edit of
a snapshot goes through ``edit_snapshot``, which refuses a finalised (*vastgesteld*) snapshot
(V10): edits then belong in a new concept snapshot. Pure, no I/O.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime

from mpg_desktop.models.network_catalogue import NetworkCatalogue, default_catalogue
from mpg_desktop.models.network_codes import DrawnWith, FocusKind, LeftReason, SnapshotKind, SnapshotStatus
from mpg_desktop.models.network_map import (
    Departure,
    EgoState,
    NetworkMap,
    PeerTie,
    Person,
    PersonState,
    Placement,
    Snapshot,
)
from mpg_desktop.models.validation import ValidationError


class SnapshotLockedError(ValidationError):
    """An edit of a finalised snapshot (V10). ``message`` is Dutch."""

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__(
            "Meetmoment",
            f"Het meetmoment van {snapshot.reference_date:%d-%m-%Y} is vastgesteld en kan niet meer worden "
            "gewijzigd. Maak een nieuw meetmoment om de kaart bij te werken.",
        )
        self.snapshot_id = snapshot.snapshot_id


def new_id() -> str:
    """A random id for a map, person or snapshot (never reused, never derived from a name)."""
    return str(uuid.uuid4())


def new_map(
    focus_label: str,
    focus_kind: FocusKind,
    *,
    case_id: int | None = None,
    map_id: str | None = None,
    created_by: str = "",
    created_at: datetime | None = None,
) -> NetworkMap:
    """An empty map around one focus person."""
    return NetworkMap(
        map_id or new_id(), focus_label, focus_kind, case_id, created_by=created_by, created_at=created_at
    )


def default_state(person: Person, *, household: bool = False, catalogue: NetworkCatalogue | None = None) -> PersonState:
    """A new person's state: sector and network type from the relationship (4.3.3), default ring (4.3.2)."""
    info = (catalogue or default_catalogue()).relationship(person.relationship)
    return PersonState(
        person_id=person.person_id,
        category=info.category,
        network_type=info.network_type,
        placement=Placement(info.category.default_ring(household)),
        household=household,
    )


def add_snapshot(
    network_map: NetworkMap,
    kind: SnapshotKind,
    reference_date: date,
    *,
    snapshot_id: str | None = None,
    drawn_with: Iterable[DrawnWith] = (DrawnWith.CLIENT,),
) -> tuple[NetworkMap, Snapshot]:
    """An empty concept snapshot (the first map of a case)."""
    snapshot = Snapshot(snapshot_id or new_id(), kind, reference_date, frozenset(drawn_with))
    return replace(network_map, snapshots=(*network_map.snapshots, snapshot)), snapshot


def copy_snapshot(
    source: Snapshot,
    *,
    snapshot_id: str,
    kind: SnapshotKind,
    reference_date: date,
    drawn_with: Iterable[DrawnWith] | None = None,
) -> Snapshot:
    """A concept copy of ``source``: all person states, ties, peer ties and the self-rating.

    What belonged to the earlier moment is not copied: departures, 'stopped supporting' reasons,
    the strengths note and the link to an evaluation form.
    """
    return Snapshot(
        snapshot_id=snapshot_id,
        kind=kind,
        reference_date=reference_date,
        drawn_with=source.drawn_with if drawn_with is None else frozenset(drawn_with),
        ego=source.ego,
        persons=tuple(replace(state, left_reason=None) for state in source.persons),
        peer_ties=source.peer_ties,
    )


def new_measurement(
    network_map: NetworkMap,
    kind: SnapshotKind,
    reference_date: date,
    *,
    snapshot_id: str | None = None,
    drawn_with: Iterable[DrawnWith] | None = None,
) -> tuple[NetworkMap, Snapshot]:
    """*Nieuw meetmoment*: copy the latest snapshot into a new dated concept snapshot.

    Without an earlier snapshot the new one is empty. A date before the latest snapshot is refused
    (ValidationError), so "latest" and "previous" stay meaningful for the diff.
    """
    latest = network_map.latest_snapshot
    if latest is None:
        first_with = (DrawnWith.CLIENT,) if drawn_with is None else drawn_with
        return add_snapshot(network_map, kind, reference_date, snapshot_id=snapshot_id, drawn_with=first_with)
    if reference_date < latest.reference_date:
        raise ValidationError(
            "Datum",
            f"Datum: {reference_date:%d-%m-%Y} ligt vóór het laatste meetmoment ({latest.reference_date:%d-%m-%Y}). "
            "Kies een datum op of na het laatste meetmoment.",
        )
    snapshot = copy_snapshot(
        latest, snapshot_id=snapshot_id or new_id(), kind=kind, reference_date=reference_date, drawn_with=drawn_with
    )
    return replace(network_map, snapshots=(*network_map.snapshots, snapshot)), snapshot


def edit_snapshot(network_map: NetworkMap, snapshot_id: str, change: Callable[[Snapshot], Snapshot]) -> NetworkMap:
    """Apply ``change`` to one snapshot; SnapshotLockedError for a finalised one, KeyError for an unknown id."""
    current = network_map.snapshot(snapshot_id)
    if current.is_final:
        raise SnapshotLockedError(current)
    changed = change(current)
    snapshots = tuple(changed if s.snapshot_id == snapshot_id else s for s in network_map.snapshots)
    return replace(network_map, snapshots=snapshots)


def finalise(network_map: NetworkMap, snapshot_id: str) -> NetworkMap:
    """*Vaststellen*: the snapshot becomes read-only."""
    return edit_snapshot(network_map, snapshot_id, lambda s: replace(s, status=SnapshotStatus.VASTGESTELD))


def register_person(network_map: NetworkMap, person: Person) -> NetworkMap:
    """Add a person to the registry, or replace the entry with the same id (rename, new phone number)."""
    known = any(p.person_id == person.person_id for p in network_map.persons)
    persons = (
        tuple(person if p.person_id == person.person_id else p for p in network_map.persons)
        if known
        else (*network_map.persons, person)
    )
    return replace(network_map, persons=persons)


def put_state(network_map: NetworkMap, snapshot_id: str, state: PersonState) -> NetworkMap:
    """Add or replace the state of a registered person in a snapshot."""
    network_map.person(state.person_id)  # KeyError for an unregistered person

    def change(snapshot: Snapshot) -> Snapshot:
        present = snapshot.state(state.person_id) is not None
        persons = (
            tuple(state if s.person_id == state.person_id else s for s in snapshot.persons)
            if present
            else (*snapshot.persons, state)
        )
        departures = tuple(d for d in snapshot.departures if d.person_id != state.person_id)
        return replace(snapshot, persons=persons, departures=departures)

    return edit_snapshot(network_map, snapshot_id, change)


def add_person(
    network_map: NetworkMap,
    snapshot_id: str,
    person: Person,
    state: PersonState | None = None,
    *,
    household: bool = False,
    catalogue: NetworkCatalogue | None = None,
) -> NetworkMap:
    """Register ``person`` and put it on a snapshot; without ``state`` the defaults of ``default_state``."""
    registered = register_person(network_map, person)
    return put_state(registered, snapshot_id, state or default_state(person, household=household, catalogue=catalogue))


def needs_left_reason(network_map: NetworkMap, snapshot_id: str, person_id: str) -> bool:
    """True when removing this person should ask for a reason: a supporter in the previous snapshot."""
    previous = network_map.previous_snapshot(snapshot_id)
    state = previous.state(person_id) if previous else None
    return state is not None and state.is_supporter


def remove_person(
    network_map: NetworkMap, snapshot_id: str, person_id: str, left_reason: LeftReason | None = None
) -> NetworkMap:
    """Take a person off a snapshot (the Person stays in the registry), with its peer ties.

    When the person was on the previous snapshot a ``Departure`` is recorded so the diff can report
    *uit beeld* with ``left_reason`` (003 Tabel A.7; see ``needs_left_reason``).
    """
    previous = network_map.previous_snapshot(snapshot_id)
    was_there = previous is not None and previous.state(person_id) is not None

    def change(snapshot: Snapshot) -> Snapshot:
        departures = tuple(d for d in snapshot.departures if d.person_id != person_id)
        if was_there:
            departures = (*departures, Departure(person_id, left_reason))
        return replace(
            snapshot,
            persons=tuple(s for s in snapshot.persons if s.person_id != person_id),
            peer_ties=tuple(t for t in snapshot.peer_ties if person_id not in t.pair),
            departures=departures,
        )

    return edit_snapshot(network_map, snapshot_id, change)


def put_peer_tie(network_map: NetworkMap, snapshot_id: str, tie: PeerTie) -> NetworkMap:
    """Add a tie between two persons, or replace the tie of the same pair."""
    return edit_snapshot(
        network_map,
        snapshot_id,
        lambda s: replace(s, peer_ties=(*(t for t in s.peer_ties if t.pair != tie.pair), tie)),
    )


def remove_peer_tie(network_map: NetworkMap, snapshot_id: str, person_a: str, person_b: str) -> NetworkMap:
    pair = tuple(sorted((person_a, person_b)))
    return edit_snapshot(
        network_map, snapshot_id, lambda s: replace(s, peer_ties=tuple(t for t in s.peer_ties if t.pair != pair))
    )


def set_ego_state(network_map: NetworkMap, snapshot_id: str, ego: EgoState) -> NetworkMap:
    """The centre's self-rating and reason."""
    return edit_snapshot(network_map, snapshot_id, lambda s: replace(s, ego=ego))
