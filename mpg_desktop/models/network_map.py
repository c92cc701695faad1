"""The network map (bolletjesschema) as immutable values (spec bolletjesschema 4.2).

A ``NetworkMap`` has one centre (the focus person), a registry of ``Person`` s with a stable id
(P4: a person keeps one id across all snapshots, nothing is matched by name) and dated
``Snapshot`` s (*meetmomenten*). A snapshot holds per person a ``PersonState`` with the
centre->person ``EgoTie``, optional ``PeerTie`` s between two persons, and the centre's own
``EgoState``. All values are frozen: change them with ``network_snapshot`` (which refuses to
touch a finalised snapshot) or ``dataclasses.replace``. Safe to share between threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mpg_desktop.models.network_codes import (
    Availability,
    AvailabilityReason,
    Category,
    ContactFrequency,
    ContactPermission,
    DrawnWith,
    FocusKind,
    KeepAwayScope,
    LeftReason,
    Location,
    NetworkType,
    PeerTieKind,
    RatedBy,
    SnapshotKind,
    SnapshotStatus,
    Ternary,
)
from mpg_desktop.models.network_rating import Rating

RINGS = (1, 2, 3, 4)  # 1 binnenste cirkel (household / closest) .. 4 buitenste ring


@dataclass(frozen=True)
class Person:
    """A network member; stable over snapshots. No surname or address is needed (P6)."""

    person_id: str
    display_name: str  # first name, nickname or role ('buurvrouw')
    relationship: str  # code of the relationship catalogue ('vriend', 'jeugdbescherming')
    phone: str = ""  # only with the client's consent


@dataclass(frozen=True)
class Placement:
    """Where a person sits: the ring is the client's closeness; the angle is optional fine placement.

    ``angle`` is in degrees clockwise from 12 o'clock, 0 <= angle < 360; None lets the layout
    spread the persons of a sector evenly (``network_layout``).
    """

    ring: int
    angle: float | None = None


@dataclass(frozen=True)
class EgoTie:
    """The relation centre -> person as the client values it (OA2), with the reason in the family's words."""

    rating: Rating | None = None
    reason: str = ""
    rated_by: RatedBy = RatedBy.CLIENT
    perceived_rating_by_other: Rating | None = None  # how the client thinks this person values him/her (OA3)
    coach_estimate: Rating | None = None  # the coach's own view, kept apart (P1)


@dataclass(frozen=True)
class PersonState:
    """One person in one snapshot (spec 4.2.5) with the tie to the centre (4.2.6)."""

    person_id: str
    category: Category
    network_type: NetworkType
    placement: Placement
    tie: EgoTie = EgoTie()
    household: bool = False
    vip: bool = False
    keep_away: bool = False  # *op afstand houden*
    keep_away_scope: frozenset[KeepAwayScope] = frozenset()
    can_call_on: Ternary = Ternary.ONBEKEND  # potential support: *kan een beroep op doen* (P3)
    support_types: frozenset[str] = frozenset()  # support actually given, codes of the catalogue
    support_note: str = ""
    contact_frequency: ContactFrequency = ContactFrequency.ONBEKEND
    location: Location = Location.ONBEKEND
    availability: Availability = Availability.ONBEKEND
    availability_reason: AvailabilityReason | None = None
    helped_before: Ternary = Ternary.ONBEKEND
    knows_about_problems: Ternary = Ternary.ONBEKEND
    contact_permission: ContactPermission = ContactPermission.NOG_NIET_BESPROKEN
    gives_back: Ternary = Ternary.ONBEKEND
    left_reason: LeftReason | None = None  # when this person stopped supporting (still on the map)
    notes: str = ""  # never exported in a pseudonymised export

    @property
    def ring(self) -> int:
        return self.placement.ring

    @property
    def is_professional(self) -> bool:
        return self.network_type is NetworkType.PROFESSIONEEL

    @property
    def is_supporter(self) -> bool:
        return bool(self.support_types)


@dataclass(frozen=True)
class PeerTie:
    """An optional relation between two persons (unordered pair, spec 4.2.7)."""

    person_a: str
    person_b: str
    kind: PeerTieKind
    rating: Rating | None = None
    note: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        """The two ids sorted, so (a, b) and (b, a) are the same tie."""
        a, b = sorted((self.person_a, self.person_b))
        return a, b


@dataclass(frozen=True)
class EgoState:
    """The centre's valuation of him/herself (OA4)."""

    self_rating: Rating | None = None
    self_rating_reason: str = ""


@dataclass(frozen=True)
class Departure:
    """A person who was in the previous snapshot and was taken off this one, with the reason (spec 4.6)."""

    person_id: str
    left_reason: LeftReason | None = None


@dataclass(frozen=True)
class Snapshot:
    """One measurement moment (*meetmoment*). A ``vastgesteld`` snapshot is read-only (V10)."""

    snapshot_id: str
    kind: SnapshotKind
    reference_date: date
    drawn_with: frozenset[DrawnWith] = frozenset({DrawnWith.CLIENT})
    status: SnapshotStatus = SnapshotStatus.CONCEPT
    ego: EgoState = EgoState()
    persons: tuple[PersonState, ...] = ()
    peer_ties: tuple[PeerTie, ...] = ()
    departures: tuple[Departure, ...] = ()
    evaluation_id: str | None = None  # the three-monthly results form this snapshot belongs to
    strengths_note: str = ""  # what went well (OA6)

    @property
    def is_final(self) -> bool:
        return self.status is SnapshotStatus.VASTGESTELD

    @property
    def person_ids(self) -> tuple[str, ...]:
        return tuple(state.person_id for state in self.persons)

    def state(self, person_id: str) -> PersonState | None:
        """The state of ``person_id`` in this snapshot, None when the person is not on it."""
        for state in self.persons:
            if state.person_id == person_id:
                return state
        return None


@dataclass(frozen=True)
class NetworkMap:
    """One map per focus person (a family may have several maps, spec 7.3)."""

    map_id: str
    focus_label: str  # who is in the centre, e.g. a first name or 'gezin'
    focus_kind: FocusKind
    case_id: int | None = None
    persons: tuple[Person, ...] = ()  # registry in the order persons were added
    snapshots: tuple[Snapshot, ...] = ()  # in order of creation
    previous_professionals: frozenset[str] = frozenset()  # relationship codes, *(eerder) betrokken hulpverlening*
    created_by: str = ""
    created_at: datetime | None = field(default=None, compare=False)

    def person(self, person_id: str) -> Person:
        """The registered person; KeyError when unknown."""
        for person in self.persons:
            if person.person_id == person_id:
                return person
        raise KeyError(person_id)

    def snapshot(self, snapshot_id: str) -> Snapshot:
        """The snapshot with this id; KeyError when unknown."""
        for snapshot in self.snapshots:
            if snapshot.snapshot_id == snapshot_id:
                return snapshot
        raise KeyError(snapshot_id)

    @property
    def names(self) -> dict[str, str]:
        """person_id -> display name."""
        return {person.person_id: person.display_name for person in self.persons}

    @property
    def snapshots_by_date(self) -> tuple[Snapshot, ...]:
        """Snapshots by reference date; snapshots on the same date keep their creation order."""
        return tuple(sorted(self.snapshots, key=lambda snapshot: snapshot.reference_date))

    @property
    def latest_snapshot(self) -> Snapshot | None:
        ordered = self.snapshots_by_date
        return ordered[-1] if ordered else None

    def previous_snapshot(self, snapshot_id: str) -> Snapshot | None:
        """The snapshot just before ``snapshot_id`` in date order, None for the first; KeyError when unknown."""
        self.snapshot(snapshot_id)
        ordered = self.snapshots_by_date
        index = [snapshot.snapshot_id for snapshot in ordered].index(snapshot_id)
        return ordered[index - 1] if index > 0 else None
