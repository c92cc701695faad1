"""Diff between two snapshots (spec 4.6): a known pair (demo B, T5), each kind of change, and properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mpg_desktop.models.network_catalogue import default_catalogue
from mpg_desktop.models.network_codes import (
    Availability,
    AvailabilityReason,
    Category,
    ContactFrequency,
    ContactPermission,
    DrawnWith,
    KeepAwayScope,
    LeftReason,
    Location,
    NetworkType,
    PeerTieKind,
    RatedBy,
    SnapshotKind,
    Ternary,
)
from mpg_desktop.models.network_demo import demo_bakker, demo_sanne
from mpg_desktop.models.network_diff import (
    FieldChange,
    PeerTieChange,
    RatingChange,
    Removal,
    SnapshotDiff,
    SupportChange,
    diff_map,
    diff_snapshots,
)
from mpg_desktop.models.network_map import EgoState, EgoTie, PeerTie, PersonState, Placement, Snapshot
from mpg_desktop.models.network_metrics import compute_metrics
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import copy_snapshot

R = Rating


def test_demo_bakker_t5() -> None:
    diff = diff_map(demo_bakker(), "bakker-1", "bakker-2")
    scope = frozenset({KeepAwayScope.WEG_BIJ_KINDEREN, KeepAwayScope.NIET_UITNODIGEN})
    expected = SnapshotDiff(
        earlier_id="bakker-1",
        later_id="bakker-2",
        removed=(Removal("b-joyce", LeftReason.ANDERS),),
        rating_changed=(RatingChange("b-sander", R.REDELIJK, R.ZEER_SLECHT, "Niet veilig voor de kinderen."),),
        keep_away_on=("b-sander",),
        state_changed=(
            # sorted by sector: the brother (close family) before the grandmother (wider family)
            FieldChange("b-sander", "keep_away_scope", frozenset(), scope),
            FieldChange("b-oma", "availability", Availability.BESCHIKBAAR, Availability.NIET_BESCHIKBAAR),
            FieldChange("b-oma", "availability_reason", None, AvailabilityReason.GEZONDHEID),
        ),
        metrics_delta={
            "size_total": -1,
            "size_informal": -1,
            "n_callable": -1,
            "n_supporters": -1,
            "n_positive": -1,
            "n_neutral": -1,
            "n_negative": 1,
            "mean_rating_informal": -0.6,
            "n_keep_away": 1,
            "supporters.emotioneel": -1,
            "supporters_group.emotioneel": -1,
            "category.VRIENDEN": -1,
        },
    )
    assert diff == expected
    assert not diff.is_empty


def test_demo_sanne_after_the_conference() -> None:
    diff = diff_map(demo_sanne(), "sanne-1", "sanne-2")
    assert diff.added == () and diff.removed == ()
    assert [c.person_id for c in diff.rating_first] == ["s-kevin", "s-rick", "s-fatima", "s-peter"]
    assert [(c.person_id, c.old, c.new) for c in diff.rating_changed] == [
        ("s-henk", R.REDELIJK, R.GOED),
        ("s-lisa", R.GOED, R.ZEER_GOED),
        ("s-anouk", R.SLECHT, R.REDELIJK),
    ]
    assert diff.vip_on == ("s-lisa",)
    assert {c.person_id: c.support_types for c in diff.support_added} == {
        "s-henk": {"toezicht", "opvoeding"},
        "s-kevin": {"praktisch", "toezicht"},
        "s-rick": {"administratief"},
        "s-lisa": {"opvoeding", "praktisch", "toezicht"},
        "s-fatima": {"praktisch"},
    }
    assert diff.self_rating_changed == (R.SLECHT, R.GOED)
    assert diff.metrics_delta["n_supporters"] == 5
    assert diff.metrics_delta["n_vip"] == 1


def base_state(person_id: str, **changes: object) -> PersonState:
    state = PersonState(person_id, Category.VRIENDEN, NetworkType.PERSOONLIJK, Placement(3))
    return replace(state, **changes)  # type: ignore[arg-type]


NO_SELF_RATING = EgoState()


def snap(
    snapshot_id: str, *states: PersonState, ties: tuple[PeerTie, ...] = (), ego: EgoState = NO_SELF_RATING
) -> Snapshot:
    return Snapshot(snapshot_id, SnapshotKind.EVALUATIE, date(2024, 1, 1), persons=states, peer_ties=ties, ego=ego)


def test_each_kind_of_change_is_reported_once() -> None:
    before = snap(
        "a",
        base_state("p", tie=EgoTie(R.GOED), vip=True, support_types=frozenset({"praktisch", "vervoer"})),
        base_state("q", keep_away=True, placement=Placement(2)),
        base_state("r", tie=EgoTie(R.SLECHT, rated_by=RatedBy.CLIENT)),
        ties=(PeerTie("p", "q", PeerTieKind.CONFLICT, R.SLECHT), PeerTie("p", "r", PeerTieKind.STEUN)),
    )
    after = snap(
        "b",
        base_state("p", tie=EgoTie(None), support_types=frozenset({"vervoer", "emotioneel"})),
        base_state("q", placement=Placement(1), category=Category.KERNFAMILIE),
        base_state("r", tie=EgoTie(R.SLECHT, rated_by=RatedBy.SAMEN, coach_estimate=R.REDELIJK)),
        ties=(PeerTie("q", "p", PeerTieKind.CONFLICT, R.ZEER_SLECHT), PeerTie("q", "r", PeerTieKind.FAMILIEBAND)),
        ego=EgoState(R.GOED),
    )
    diff = diff_snapshots(before, after)
    assert diff.rating_cleared == (RatingChange("p", R.GOED, None, ""),)
    assert diff.vip_off == ("p",)
    assert diff.support_added == (SupportChange("p", frozenset({"emotioneel"})),)
    assert diff.support_removed == (SupportChange("p", frozenset({"praktisch"})),)
    assert diff.keep_away_off == ("q",)
    assert diff.ring_changed == (FieldChange("q", "ring", 2, 1),)
    assert diff.category_changed == (FieldChange("q", "category", Category.VRIENDEN, Category.KERNFAMILIE),)
    assert diff.state_changed == (
        FieldChange("r", "rated_by", RatedBy.CLIENT, RatedBy.SAMEN),
        FieldChange("r", "coach_estimate", None, R.REDELIJK),
    )
    assert diff.peer_ties_added == (PeerTie("q", "r", PeerTieKind.FAMILIEBAND),)
    assert diff.peer_ties_removed == (PeerTie("p", "r", PeerTieKind.STEUN),)
    assert diff.peer_ties_changed == (PeerTieChange(("p", "q"), "rating", R.SLECHT, R.ZEER_SLECHT),)
    assert diff.self_rating_changed == (None, R.GOED)
    assert diff.rating_changed == diff.rating_first == ()


def test_output_is_sorted_by_sector_ring_and_name() -> None:
    before = snap("a")
    after = snap(
        "b",
        base_state("z-prof", category=Category.PROFESSIONEEL, network_type=NetworkType.PROFESSIONEEL),
        base_state("y-friend-far", placement=Placement(4)),
        base_state("x-friend-near", placement=Placement(2)),
        base_state("w-sister", category=Category.KERNFAMILIE),
        base_state("v-friend-near-2", placement=Placement(2)),
    )
    names = {"x-friend-near": "Bo", "v-friend-near-2": "Cas"}
    assert diff_snapshots(before, after, names).added == (
        "w-sister",
        "x-friend-near",
        "v-friend-near-2",
        "y-friend-far",
        "z-prof",
    )


def test_free_text_changes_are_not_differences() -> None:
    before = snap("a", base_state("p", tie=EgoTie(R.GOED, "oud"), notes="x", support_note="y"))
    after = snap("b", base_state("p", tie=EgoTie(R.GOED, "nieuw"), notes="z", support_note="w"))
    assert diff_snapshots(before, after).is_empty


# --- properties --------------------------------------------------------------------------------

PIDS = ["p1", "p2", "p3", "p4", "p5"]
ratings = st.none() | st.sampled_from(Rating)


def person_states(person_id: str) -> st.SearchStrategy[PersonState]:
    return st.builds(
        PersonState,
        person_id=st.just(person_id),
        category=st.sampled_from(Category),
        network_type=st.sampled_from(NetworkType),
        placement=st.builds(Placement, ring=st.integers(1, 4), angle=st.none() | st.floats(0, 359)),
        tie=st.builds(
            EgoTie,
            rating=ratings,
            reason=st.text(max_size=3),
            rated_by=st.sampled_from(RatedBy),
            perceived_rating_by_other=ratings,
            coach_estimate=ratings,
        ),
        household=st.booleans(),
        vip=st.booleans(),
        keep_away=st.booleans(),
        keep_away_scope=st.frozensets(st.sampled_from(KeepAwayScope)),
        can_call_on=st.sampled_from(Ternary),
        support_types=st.frozensets(st.sampled_from(sorted(default_catalogue().support_types))),
        contact_frequency=st.sampled_from(ContactFrequency),
        location=st.sampled_from(Location),
        availability=st.sampled_from(Availability),
        availability_reason=st.none() | st.sampled_from(AvailabilityReason),
        helped_before=st.sampled_from(Ternary),
        knows_about_problems=st.sampled_from(Ternary),
        contact_permission=st.sampled_from(ContactPermission),
        gives_back=st.sampled_from(Ternary),
        left_reason=st.none() | st.sampled_from(LeftReason),
    )


@st.composite
def snapshots(draw: st.DrawFn, snapshot_id: str = "s") -> Snapshot:
    ids = draw(st.lists(st.sampled_from(PIDS), unique=True))
    states = tuple(draw(person_states(pid)) for pid in ids)
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    ties = tuple(PeerTie(a, b, draw(st.sampled_from(PeerTieKind)), draw(ratings)) for a, b in chosen)
    ego = EgoState(draw(ratings))
    return Snapshot(
        snapshot_id,
        SnapshotKind.EVALUATIE,
        date(2024, 1, 1),
        frozenset(DrawnWith),
        persons=states,
        peer_ties=ties,
        ego=ego,
    )


@given(snapshots())
def test_diff_with_itself_is_empty(snapshot: Snapshot) -> None:
    diff = diff_snapshots(snapshot, snapshot)
    assert diff.is_empty
    assert diff.metrics_delta == {}


@given(snapshots())
def test_copy_then_diff_is_empty(snapshot: Snapshot) -> None:
    copy = copy_snapshot(snapshot, snapshot_id="copy", kind=SnapshotKind.EVALUATIE, reference_date=date(2024, 4, 1))
    # left_reason belongs to the earlier moment and is not copied; everything else must be equal.
    source = replace(snapshot, persons=tuple(replace(s, left_reason=None) for s in snapshot.persons))
    assert diff_snapshots(source, copy).is_empty


@settings(max_examples=50)
@given(snapshots("a"), snapshots("b"))
def test_diff_of_two_random_snapshots(a: Snapshot, b: Snapshot) -> None:
    diff = diff_snapshots(a, b)
    assert set(diff.added) == set(b.person_ids) - set(a.person_ids)
    assert {r.person_id for r in diff.removed} == set(a.person_ids) - set(b.person_ids)
    changed_rating = {
        pid
        for pid in set(a.person_ids) & set(b.person_ids)
        if a.state(pid).tie.rating != b.state(pid).tie.rating  # type: ignore[union-attr]
    }
    rating_lists = [c.person_id for c in (*diff.rating_changed, *diff.rating_first, *diff.rating_cleared)]
    assert sorted(rating_lists) == sorted(changed_rating)
    if diff.is_empty:
        assert compute_metrics(a).flat() == compute_metrics(b).flat()
    reverse = diff_snapshots(b, a)
    assert set(reverse.added) == {r.person_id for r in diff.removed}
    assert {k: -v for k, v in diff.metrics_delta.items()} == reverse.metrics_delta
