"""Snapshots: "Nieuw meetmoment" copies the latest map; finalised snapshots are read-only (spec 4.6, V10)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mpg_desktop.models.network_codes import (
    DrawnWith,
    FocusKind,
    LeftReason,
    PeerTieKind,
    SnapshotKind,
    SnapshotStatus,
)
from mpg_desktop.models.network_demo import demo_bakker, demo_sanne
from mpg_desktop.models.network_map import EgoState, NetworkMap, PeerTie, Person
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import (
    SnapshotLockedError,
    add_person,
    add_snapshot,
    finalise,
    needs_left_reason,
    new_map,
    new_measurement,
    put_peer_tie,
    put_state,
    register_person,
    remove_peer_tie,
    remove_person,
    set_ego_state,
)
from mpg_desktop.models.validation import ValidationError


def two_person_map() -> NetworkMap:
    m = new_map("Sam", FocusKind.JONGERE, map_id="m")
    m, _ = add_snapshot(m, SnapshotKind.STARTKAART, date(2024, 1, 10), snapshot_id="s1")
    m = add_person(m, "s1", Person("a", "Anna", "vriend"))
    return add_person(m, "s1", Person("b", "Bert", "buur"))


def test_new_measurement_copies_the_latest_snapshot() -> None:
    m = demo_sanne()
    latest = m.snapshot("sanne-2")
    m, copy = new_measurement(m, SnapshotKind.EVALUATIE, date(2024, 7, 15), snapshot_id="sanne-3")
    assert m.snapshots[-1] == copy
    assert copy.persons == latest.persons
    assert copy.ego == latest.ego
    assert copy.peer_ties == latest.peer_ties
    assert (copy.kind, copy.reference_date, copy.status) == (
        SnapshotKind.EVALUATIE,
        date(2024, 7, 15),
        SnapshotStatus.CONCEPT,
    )
    assert m.latest_snapshot == copy
    assert m.snapshot("sanne-2") == latest  # the source is untouched


def test_the_copy_drops_what_belonged_to_the_earlier_moment() -> None:
    m = demo_bakker()  # bakker-2 holds a departure
    state = m.snapshot("bakker-2").persons[0]
    m = put_state(m, "bakker-2", replace(state, left_reason=LeftReason.PROBLEMEN_OPGELOST))
    m, copy = new_measurement(m, SnapshotKind.EVALUATIE, date(2023, 12, 4), snapshot_id="bakker-3")
    assert m.snapshot("bakker-2").departures
    assert copy.departures == ()
    assert all(s.left_reason is None for s in copy.persons)


def test_first_measurement_is_empty_and_drawn_with_the_client() -> None:
    m, first = new_measurement(new_map("Sam", FocusKind.JONGERE), SnapshotKind.STARTKAART, date(2024, 1, 1))
    assert first.persons == ()
    assert first.drawn_with == frozenset({DrawnWith.CLIENT})
    assert m.snapshots == (first,)


def test_new_measurement_before_the_latest_is_refused() -> None:
    with pytest.raises(ValidationError, match="ligt vóór het laatste meetmoment"):
        new_measurement(demo_sanne(), SnapshotKind.EVALUATIE, date(2024, 4, 14))


def test_finalised_snapshot_is_read_only() -> None:
    m = finalise(two_person_map(), "s1")
    assert m.snapshot("s1").is_final
    state = m.snapshot("s1").persons[0]
    edits = [
        lambda: put_state(m, "s1", replace(state, vip=True)),
        lambda: remove_person(m, "s1", "a"),
        lambda: set_ego_state(m, "s1", EgoState(Rating.GOED)),
        lambda: put_peer_tie(m, "s1", PeerTie("a", "b", PeerTieKind.STEUN)),
        lambda: finalise(m, "s1"),
    ]
    for edit in edits:
        with pytest.raises(SnapshotLockedError) as error:
            edit()
        assert "is vastgesteld" in error.value.message
        assert "nieuw meetmoment" in error.value.message
    # Nieuw meetmoment is the way forward, and the copy can be edited.
    m, _ = new_measurement(m, SnapshotKind.EVALUATIE, date(2024, 4, 10), snapshot_id="s2")
    m = put_state(m, "s2", replace(state, vip=True))
    assert m.snapshot("s2").state("a").vip  # type: ignore[union-attr]


def test_remove_person_keeps_identity_and_records_departure() -> None:
    m = two_person_map()
    m = put_state(m, "s1", replace(m.snapshot("s1").persons[0], support_types=frozenset({"emotioneel"})))
    m, _ = new_measurement(m, SnapshotKind.EVALUATIE, date(2024, 4, 10), snapshot_id="s2")
    assert needs_left_reason(m, "s2", "a")  # Anna supported in s1
    assert not needs_left_reason(m, "s2", "b")
    m = remove_person(m, "s2", "a", LeftReason.GEEN_TIJD_MIDDELEN)
    assert m.snapshot("s2").state("a") is None
    assert m.person("a").display_name == "Anna"  # still registered
    assert [(d.person_id, d.left_reason) for d in m.snapshot("s2").departures] == [("a", LeftReason.GEEN_TIJD_MIDDELEN)]
    # Putting Anna back cancels the departure.
    m = add_person(m, "s2", m.person("a"))
    assert m.snapshot("s2").departures == ()


def test_removing_someone_new_records_no_departure() -> None:
    m = two_person_map()
    m = add_person(m, "s1", Person("c", "Cem", "kennis"))
    m = remove_person(m, "s1", "c")
    assert m.snapshot("s1").departures == ()
    assert m.snapshot("s1").person_ids == ("a", "b")


def test_peer_ties_are_unordered_pairs() -> None:
    m = two_person_map()
    m = put_peer_tie(m, "s1", PeerTie("a", "b", PeerTieKind.CONFLICT, Rating.SLECHT))
    m = put_peer_tie(m, "s1", PeerTie("b", "a", PeerTieKind.STEUN, Rating.GOED))
    ties = m.snapshot("s1").peer_ties
    assert len(ties) == 1 and ties[0].kind is PeerTieKind.STEUN
    assert remove_person(m, "s1", "b").snapshot("s1").peer_ties == ()
    assert remove_peer_tie(m, "s1", "a", "b").snapshot("s1").peer_ties == ()


def test_register_person_renames_without_new_identity() -> None:
    m = register_person(two_person_map(), Person("a", "Anna B.", "vriend", phone="0612345678"))
    assert [p.person_id for p in m.persons] == ["a", "b"]
    assert m.person("a").display_name == "Anna B."


def test_state_for_an_unregistered_person_is_refused() -> None:
    m = two_person_map()
    with pytest.raises(KeyError):
        put_state(m, "s1", replace(m.snapshot("s1").persons[0], person_id="ghost"))


def test_snapshots_are_ordered_by_date() -> None:
    m = two_person_map()
    m, _ = add_snapshot(m, SnapshotKind.TUSSENTIJDS, date(2023, 12, 1), snapshot_id="s0")
    assert [s.snapshot_id for s in m.snapshots_by_date] == ["s0", "s1"]
    assert m.previous_snapshot("s1") == m.snapshot("s0")
    assert m.previous_snapshot("s0") is None
    with pytest.raises(KeyError):
        m.previous_snapshot("nope")
