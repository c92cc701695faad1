"""Network maps in the case store: lossless JSON, one transaction per save, revisions, migration 0003."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from mpg_desktop.models.household import Family, Person, Role, Sex
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
from mpg_desktop.models.network_demo import demo_bakker, demo_maps, demo_ruud, demo_sanne
from mpg_desktop.models.network_json import (
    NetworkDocumentError,
    NetworkDocumentTooNew,
    map_from_json,
    map_to_dict,
    map_to_json,
)
from mpg_desktop.models.network_map import (
    Departure,
    EgoState,
    EgoTie,
    NetworkMap,
    PeerTie,
    PersonState,
    Placement,
    Snapshot,
)
from mpg_desktop.models.network_map import (
    Person as NetworkPerson,
)
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import put_state
from mpg_desktop.models.traject import Traject
from mpg_desktop.storage import migrate
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import create_family, load_family, remove_person
from mpg_desktop.storage.errors import StoreError
from mpg_desktop.storage.network_repository import (
    MapChangedElsewhere,
    MapDocumentTooNew,
    delete_map,
    list_maps,
    load_map,
    load_maps,
    save_map,
)
from mpg_desktop.storage.tables import Base, NetworkMapRow
from tests.fixtures.make_store_fixtures import FIXTURE_PASSPHRASE, HERE

# -- lossless JSON ---------------------------------------------------------------------------------

texts = st.text(max_size=12)
ids = st.text(alphabet="abcdef0123456789-", min_size=1, max_size=8)
ratings = st.none() | st.sampled_from(Rating)


def codes(enum):  # type: ignore[no-untyped-def]
    return st.frozensets(st.sampled_from(list(enum)), max_size=3)


ties = st.builds(
    EgoTie,
    rating=ratings,
    reason=texts,
    rated_by=st.sampled_from(RatedBy),
    perceived_rating_by_other=ratings,
    coach_estimate=ratings,
)
states = st.builds(
    PersonState,
    person_id=ids,
    category=st.sampled_from(Category),
    network_type=st.sampled_from(NetworkType),
    placement=st.builds(
        Placement,
        ring=st.integers(-3, 9),
        angle=st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64),
    ),
    tie=ties,
    household=st.booleans(),
    vip=st.booleans(),
    keep_away=st.booleans(),
    keep_away_scope=codes(KeepAwayScope),
    can_call_on=st.sampled_from(Ternary),
    support_types=st.frozensets(texts, max_size=3),
    support_note=texts,
    contact_frequency=st.sampled_from(ContactFrequency),
    location=st.sampled_from(Location),
    availability=st.sampled_from(Availability),
    availability_reason=st.none() | st.sampled_from(AvailabilityReason),
    helped_before=st.sampled_from(Ternary),
    knows_about_problems=st.sampled_from(Ternary),
    contact_permission=st.sampled_from(ContactPermission),
    gives_back=st.sampled_from(Ternary),
    left_reason=st.none() | st.sampled_from(LeftReason),
    notes=texts,
)
snapshots = st.builds(
    Snapshot,
    snapshot_id=ids,
    kind=st.sampled_from(SnapshotKind),
    reference_date=st.dates(),
    drawn_with=codes(DrawnWith),
    status=st.sampled_from(SnapshotStatus),
    ego=st.builds(EgoState, self_rating=ratings, self_rating_reason=texts),
    persons=st.lists(states, max_size=4).map(tuple),
    peer_ties=st.lists(
        st.builds(PeerTie, person_a=ids, person_b=ids, kind=st.sampled_from(PeerTieKind), rating=ratings, note=texts),
        max_size=2,
    ).map(tuple),
    departures=st.lists(
        st.builds(Departure, person_id=ids, left_reason=st.none() | st.sampled_from(LeftReason)), max_size=2
    ).map(tuple),
    evaluation_id=st.none() | ids,
    strengths_note=texts,
)
maps = st.builds(
    NetworkMap,
    map_id=ids,
    focus_label=texts,
    focus_kind=st.sampled_from(FocusKind),
    case_id=st.none() | st.integers(-(2**40), 2**40),
    persons=st.lists(
        st.builds(NetworkPerson, person_id=ids, display_name=texts, relationship=texts, phone=texts), max_size=4
    ).map(tuple),
    snapshots=st.lists(snapshots, max_size=3).map(tuple),
    previous_professionals=st.frozensets(texts, max_size=3),
    created_by=texts,
    created_at=st.none() | st.datetimes(),
)


@given(maps)
def test_any_map_survives_json_unchanged(network_map: NetworkMap) -> None:
    back = map_from_json(map_to_json(network_map))
    assert back == network_map
    assert back.created_at == network_map.created_at  # not part of equality, kept all the same
    assert map_to_json(back) == map_to_json(network_map)


@pytest.mark.parametrize("network_map", demo_maps(), ids=lambda m: m.map_id)
def test_demo_maps_survive_json_unchanged(network_map: NetworkMap) -> None:
    text_ = map_to_json(network_map)
    assert map_from_json(text_) == network_map
    assert "Ze staat altijd voor ons klaar." in map_to_json(demo_bakker())  # names and reasons stay readable


def test_json_is_explicit_and_uses_the_stored_codes() -> None:
    document = map_to_dict(demo_bakker())
    [sander] = [s for s in document["snapshots"][1]["persons"] if s["person_id"] == "b-sander"]
    assert sander["tie"]["rating"] == -2 and sander["keep_away"] is True
    assert sander["keep_away_scope"] == ["niet_uitnodigen", "weg_bij_kinderen"]  # sorted codes
    assert sander["angle"] is None and sander["contact_permission"] == "nog_niet_besproken"
    assert document["snapshots"][1]["departures"] == [{"person_id": "b-joyce", "left_reason": "anders"}]


def test_bad_and_newer_documents_are_refused_in_dutch() -> None:
    document = map_to_dict(demo_sanne())
    with pytest.raises(NetworkDocumentTooNew) as newer:
        map_from_json(json.dumps({**document, "version": 99}))
    assert "nieuwere versie" in newer.value.message
    broken = json.loads(json.dumps(document))
    broken["snapshots"][0]["persons"][0]["tie"]["rating"] = 7
    with pytest.raises(NetworkDocumentError) as error:
        map_from_json(json.dumps(broken))
    assert "kan niet worden gelezen" in error.value.message
    with pytest.raises(NetworkDocumentError):
        map_from_json("{niet json")
    with pytest.raises(NetworkDocumentError):
        map_from_json(json.dumps({"format": "iets anders", "version": 1}))


def test_missing_optional_fields_take_their_defaults() -> None:
    document = map_to_dict(demo_ruud())
    state = document["snapshots"][0]["persons"][0]
    for name in ("notes", "gives_back", "keep_away_scope", "support_note"):
        del state[name]
    back = map_from_json(json.dumps(document))
    assert back.snapshots[0].persons[0] == replace(demo_ruud().snapshots[0].persons[0], notes="")


# -- the store -------------------------------------------------------------------------------------


def new_traject(store: CaseStore, name: str = "Familie Bakker") -> tuple[int, int]:
    family = Family(name=name, members=(Person("Ria", "Bakker", date(1988, 4, 1), Role.MOEDER, Sex.VROUW),))
    return create_family(store, family, Traject(referral_date=date(2025, 1, 6)))


def test_save_and_load_round_trip_with_revisions(store: CaseStore) -> None:
    family_id, traject_id = new_traject(store)
    _other_family, other_traject = new_traject(store, "Familie Ander")
    ria = load_family(store, family_id).members[0]
    assert save_map(store, traject_id, demo_bakker(), focus_person_id=ria.id) == 1
    assert save_map(store, traject_id, demo_sanne()) == 1
    assert save_map(store, other_traject, demo_ruud()) == 1
    changed = put_state(
        demo_bakker(), "bakker-2", replace(demo_bakker().snapshot("bakker-2").persons[0], notes="belt op zondag")
    )
    assert save_map(store, traject_id, changed, focus_person_id=ria.id, expected_revision=1) == 2

    stored = load_map(store, "demo-bakker")
    assert stored.network_map == changed and stored.revision == 2
    assert stored.traject_id == traject_id and stored.focus_person_id == ria.id
    listing = list_maps(store, traject_id)
    assert [(m.map_id, m.focus_kind, m.revision) for m in listing] == [
        ("demo-bakker", FocusKind.GEZIN, 2),
        ("demo-sanne", FocusKind.OUDER, 1),
    ]
    assert [m.network_map for m in load_maps(store, traject_id)] == [changed, demo_sanne()]
    assert [m.network_map.map_id for m in load_maps(store, other_traject)] == ["demo-ruud"]


def test_every_save_is_exactly_one_transaction(store: CaseStore) -> None:
    _family_id, traject_id = new_traject(store)
    commits: list[Session] = []

    def committed(session: Session) -> None:
        commits.append(session)

    event.listen(Session, "after_commit", committed)
    try:
        save_map(store, traject_id, demo_sanne())
        assert len(commits) == 1
        save_map(store, traject_id, demo_sanne(), expected_revision=1)
        assert len(commits) == 2
    finally:
        event.remove(Session, "after_commit", committed)
    # The document and its audit entry went in together: one create, one update, no content.
    with store.session() as session:
        audit = session.execute(
            text("SELECT action, record_type FROM audit_log WHERE record_type = 'network_maps' ORDER BY id")
        ).all()
    assert [tuple(row) for row in audit] == [("create", "network_maps"), ("update", "network_maps")]


def test_a_save_that_fails_half_way_writes_nothing(store: CaseStore) -> None:
    _family_id, traject_id = new_traject(store)
    save_map(store, traject_id, demo_sanne())
    before_audit = store.count("audit_log")

    def explode(session: Session, _context: object) -> None:
        raise RuntimeError("disk pulled out after the row was written")

    event.listen(Session, "after_flush", explode)
    try:
        unsaved = put_state(
            demo_sanne(), "sanne-2", replace(demo_sanne().snapshot("sanne-2").persons[0], notes="nooit opgeslagen")
        )
        with pytest.raises(RuntimeError):
            save_map(store, traject_id, unsaved, expected_revision=1)
        with pytest.raises(RuntimeError):
            save_map(store, traject_id, demo_ruud())
    finally:
        event.remove(Session, "after_flush", explode)
    assert load_map(store, "demo-sanne").network_map == demo_sanne()
    assert load_map(store, "demo-sanne").revision == 1
    assert [m.map_id for m in list_maps(store, traject_id)] == ["demo-sanne"]
    assert store.count("audit_log") == before_audit


def test_a_stale_copy_cannot_overwrite_a_newer_save(store: CaseStore) -> None:
    _family_id, traject_id = new_traject(store)
    save_map(store, traject_id, demo_sanne())
    save_map(store, traject_id, demo_sanne(), expected_revision=1)
    with pytest.raises(MapChangedElsewhere) as error:
        save_map(store, traject_id, demo_sanne(), expected_revision=1)
    assert "niet opgeslagen" in error.value.message
    with pytest.raises(MapChangedElsewhere):  # "must be new" but it exists
        save_map(store, traject_id, demo_sanne(), expected_revision=0)
    with pytest.raises(MapChangedElsewhere):  # edited revision 4 of a map the store does not have
        save_map(store, traject_id, demo_ruud(), expected_revision=4)
    assert load_map(store, "demo-sanne").revision == 2
    _other_family, other_traject = new_traject(store, "Familie Ander")
    with pytest.raises(StoreError):
        save_map(store, other_traject, demo_sanne())
    with pytest.raises(KeyError):
        save_map(store, 9999, demo_ruud())
    with pytest.raises(KeyError):
        load_map(store, "demo-ruud")


def test_maps_follow_their_traject_and_focus_person(store: CaseStore) -> None:
    family_id, traject_id = new_traject(store)
    ria = load_family(store, family_id).members[0]
    assert ria.id is not None
    save_map(store, traject_id, demo_bakker(), focus_person_id=ria.id)
    save_map(store, traject_id, demo_sanne())
    remove_person(store, ria.id)
    assert load_map(store, "demo-bakker").focus_person_id is None  # the map stays, the link goes
    delete_map(store, "demo-sanne")
    assert [m.map_id for m in list_maps(store, traject_id)] == ["demo-bakker"]
    with store.session() as session:
        session.execute(text("DELETE FROM trajects WHERE id = :id"), {"id": traject_id})
    assert store.count("network_maps") == 0


def test_a_document_from_a_newer_app_is_refused(store: CaseStore) -> None:
    _family_id, traject_id = new_traject(store)
    save_map(store, traject_id, demo_sanne())
    with store.session() as session:
        session.execute(text("UPDATE network_maps SET document_version = 2"))
    with pytest.raises(MapDocumentTooNew) as error:
        load_map(store, "demo-sanne")
    assert "nieuwere versie" in error.value.message


# -- migration 0003 --------------------------------------------------------------------------------


def test_migration_creates_the_table_the_orm_expects(store: CaseStore) -> None:
    assert store.schema_revision() == migrate.head_revision()
    engine = store._engine
    assert engine is not None
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = [d for d in compare_metadata(context, Base.metadata) if "network_maps" in repr(d)]
    assert differences == []


def test_a_0002_store_upgrades_and_takes_network_maps(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    shutil.copytree(HERE / "store_v0002", folder)
    store = CaseStore.open(folder, FIXTURE_PASSPHRASE)
    try:
        assert store.schema_revision() == migrate.head_revision()
        saved = replace(demo_ruud(), case_id=1, created_at=datetime(2025, 2, 1, 9, 30))
        assert save_map(store, 1, saved) == 1
        stored = load_map(store, "demo-ruud")
        assert stored.network_map == saved and stored.network_map.created_at == saved.created_at
        with store.session() as session:
            assert session.get(NetworkMapRow, 1) is not None
    finally:
        store.close()


# -- demo ------------------------------------------------------------------------------------------


def test_the_demo_case_file_holds_the_three_demo_maps(tmp_path: Path) -> None:
    from mpg_desktop.storage.cases_repository import list_case_summaries
    from mpg_desktop.storage.demo_data import create_demo_store
    from tests.conftest import FAST_KDF

    store = create_demo_store(tmp_path / "demo", kdf=FAST_KDF)
    try:
        found = {}
        for case in list_case_summaries(store):
            for stored in load_maps(store, case.traject_id):
                found[stored.network_map.map_id] = (case, stored.network_map)
        assert sorted(found) == ["demo-bakker", "demo-ruud", "demo-sanne"]
        for original in demo_maps():
            case, stored_map = found[original.map_id]
            assert stored_map.case_id == case.traject_id
            # Same map, moved in time: the startkaart three weeks after the referral, none in the future.
            first = min(s.reference_date for s in stored_map.snapshots)
            assert (first - case.referral_date).days == 21
            assert max(s.reference_date for s in stored_map.snapshots) <= date.today()
            shift = first - min(s.reference_date for s in original.snapshots)
            moved = replace(
                original,
                case_id=case.traject_id,
                snapshots=tuple(replace(s, reference_date=s.reference_date + shift) for s in original.snapshots),
            )
            assert stored_map == moved
    finally:
        store.close()
