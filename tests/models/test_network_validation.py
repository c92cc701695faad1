"""Every check of a snapshot (spec 4.4 V1-V7, V11 and structural S1-S11): a failing and a passing case each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from mpg_desktop.models.network_codes import (
    Category,
    DrawnWith,
    FocusKind,
    KeepAwayScope,
    NetworkType,
    PeerTieKind,
    SnapshotKind,
)
from mpg_desktop.models.network_demo import demo_maps
from mpg_desktop.models.network_issues import Severity
from mpg_desktop.models.network_map import Departure, EgoState, NetworkMap, PeerTie, Person, Placement
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import add_person, add_snapshot, new_map
from mpg_desktop.models.network_validation import validate_map, validate_snapshot

Change = Callable[[NetworkMap], NetworkMap]


def base_map() -> NetworkMap:
    """Anna (friend, rated with a reason) and Bert (GP, not rated): no findings at all."""
    m = new_map("Sam", FocusKind.JONGERE, map_id="m")
    m, _ = add_snapshot(m, SnapshotKind.STARTKAART, date(2024, 1, 10), snapshot_id="s1")
    m = add_person(m, "s1", Person("anna", "Anna", "vriend"))
    m = add_person(m, "s1", Person("bert", "Bert", "huisarts"))
    return anna(tie={"rating": Rating.GOED, "reason": "Ze is er altijd."})(m)


def snapshot_change(**changes: object) -> Change:
    def change(m: NetworkMap) -> NetworkMap:
        snapshot = replace(m.snapshots[0], **changes)  # type: ignore[arg-type]
        return replace(m, snapshots=(snapshot,))

    return change


def person_change(person_id: str, tie: dict[str, object] | None = None, **changes: object) -> Change:
    def change(m: NetworkMap) -> NetworkMap:
        snapshot = m.snapshots[0]
        states = []
        for state in snapshot.persons:
            if state.person_id == person_id:
                state = replace(state, tie=replace(state.tie, **(tie or {})), **changes)  # type: ignore[arg-type]
            states.append(state)
        return snapshot_change(persons=tuple(states))(m)

    return change


def anna(tie: dict[str, object] | None = None, **changes: object) -> Change:
    return person_change("anna", tie, **changes)


def both(*changes: Change) -> Change:
    def change(m: NetworkMap) -> NetworkMap:
        for step in changes:
            m = step(m)
        return m

    return change


VIP_OK = {"rating": Rating.ZEER_GOED, "reason": "Mijn anker.", "perceived_rating_by_other": Rating.GOED}
tie_ab = PeerTie("anna", "bert", PeerTieKind.STEUN, Rating.GOED)
ERR, WARN, INFO = Severity.FOUT, Severity.WAARSCHUWING, Severity.INFO
NOT_INVITED = frozenset({KeepAwayScope.NIET_UITNODIGEN})
vip_anna = anna(tie=VIP_OK, vip=True)
unchanged: Change = lambda m: m  # noqa: E731
BAD: Any = 5  # a stored value off the scale, as a corrupt file or a buggy import could hold

# (code, severity, failing change, passing change, word of the failing message)
CASES: list[tuple[str, Severity, Change, Change, str]] = [
    ("V1", ERR, anna(tie={"rating": 3}), anna(tie={"rating": Rating.ZEER_GOED}), "bestaat niet"),
    ("V1", ERR, anna(tie={"perceived_rating_by_other": -3}), anna(tie={"perceived_rating_by_other": -2}), "Kies"),
    ("V1", ERR, anna(tie={"coach_estimate": "++"}), anna(tie={"coach_estimate": Rating.GOED}), "Kies"),
    ("V1", ERR, snapshot_change(ego=EgoState(BAD)), snapshot_change(ego=EgoState(Rating.SLECHT, "zwaar")), "Sam"),
    (
        "V1",
        ERR,
        snapshot_change(peer_ties=(replace(tie_ab, rating=BAD),)),
        snapshot_change(peer_ties=(tie_ab,)),
        "Anna en Bert",
    ),
    ("V2", WARN, anna(tie={"reason": " "}), anna(tie={"rating": None, "reason": ""}), "Waarom"),
    (
        "V3",
        ERR,
        person_change("bert", tie=VIP_OK, vip=True),
        anna(tie=VIP_OK, vip=True, network_type=NetworkType.VRIJWILLIGER, category=Category.BUURT_VRIJWILLIGERS),
        "persoonlijk netwerk",
    ),
    ("V4", ERR, anna(tie=VIP_OK, vip=True, keep_away=True), anna(tie=VIP_OK, keep_away=True), "op afstand"),
    (
        "V5",
        WARN,
        anna(tie={**VIP_OK, "rating": Rating.REDELIJK}, vip=True),
        anna(tie={**VIP_OK, "rating": Rating.GOED}, vip=True),
        "bespreek",
    ),
    ("V6", WARN, anna(tie={**VIP_OK, "perceived_rating_by_other": None}, vip=True), vip_anna, "Vraag het"),
    (
        "V7",
        ERR,
        both(vip_anna, snapshot_change(drawn_with=frozenset({DrawnWith.OUDERS}))),
        both(vip_anna, snapshot_change(drawn_with=frozenset({DrawnWith.OUDERS, DrawnWith.CLIENT}))),
        "kiest zelf",
    ),
    (
        "V11",
        INFO,
        anna(keep_away=True, support_types=frozenset({"financieel_materieel"})),
        anna(keep_away=True),
        "telt niet mee",
    ),
    ("S1", ERR, lambda m: replace(m, persons=m.persons[1:]), unchanged, "onbekende persoon"),
    (
        "S2",
        ERR,
        lambda m: snapshot_change(persons=(*m.snapshots[0].persons, m.snapshots[0].persons[0]))(m),
        unchanged,
        "twee keer",
    ),
    ("S3", ERR, anna(placement=Placement(5)), anna(placement=Placement(4)), "ring 1 tot en met 4"),
    ("S4", ERR, anna(placement=Placement(3, 360.0)), anna(placement=Placement(3, 359.5)), "Sleep"),
    (
        "S5",
        ERR,
        lambda m: replace(m, persons=(Person("anna", "Anna", "achterneef"), m.persons[1])),
        unchanged,
        "Kies een relatie",
    ),
    (
        "S6",
        ERR,
        anna(support_types=frozenset({"geld"})),
        anna(support_types=frozenset({"financieel_materieel"})),
        "Kies een steunvorm",
    ),
    (
        "S7",
        ERR,
        snapshot_change(peer_ties=(PeerTie("anna", "anna", PeerTieKind.STEUN),)),
        snapshot_change(peer_ties=(tie_ab,)),
        "zichzelf",
    ),
    (
        "S7",
        ERR,
        snapshot_change(peer_ties=(PeerTie("anna", "cem", PeerTieKind.STEUN),)),
        snapshot_change(peer_ties=()),
        "niet op de kaart",
    ),
    (
        "S7",
        ERR,
        snapshot_change(peer_ties=(tie_ab, PeerTie("bert", "anna", PeerTieKind.CONFLICT))),
        snapshot_change(peer_ties=(tie_ab,)),
        "twee relaties",
    ),
    (
        "S8",
        WARN,
        anna(network_type=NetworkType.PROFESSIONEEL),
        anna(network_type=NetworkType.VRIJWILLIGER),
        "eigen vak",
    ),
    ("S8", WARN, anna(category=Category.PROFESSIONEEL), anna(category=Category.KERNFAMILIE), "geen hulpverlener"),
    ("S9", WARN, anna(keep_away_scope=NOT_INVITED), anna(keep_away=True, keep_away_scope=NOT_INVITED), "staat uit"),
    ("S10", ERR, lambda m: replace(m, persons=(Person("anna", " ", "vriend"), m.persons[1])), unchanged, "geen naam"),
    (
        "S11",
        ERR,
        snapshot_change(departures=(Departure("anna"),)),
        snapshot_change(departures=(Departure("cem"),)),
        "vertrokken",
    ),
]


def codes(m: NetworkMap) -> set[str]:
    return {issue.code for issue in validate_map(m)}


def test_the_base_map_and_the_demo_maps_have_no_findings() -> None:
    assert validate_map(base_map()) == []
    for demo in demo_maps():
        assert validate_map(demo) == []


@pytest.mark.parametrize(("code", "severity", "failing", "passing", "word"), CASES)
def test_rule_fails_and_passes(code: str, severity: Severity, failing: Change, passing: Change, word: str) -> None:
    found = [issue for issue in validate_map(failing(base_map())) if issue.code == code]
    assert found, f"{code} not reported"
    assert all(issue.severity is severity for issue in found)
    assert any(word in issue.message for issue in found)
    assert code not in codes(passing(base_map()))


def test_messages_name_the_person_and_say_what_to_do() -> None:
    issues = validate_snapshot(anna(tie=VIP_OK, vip=True, keep_away=True)(base_map()), "s1")
    (v4,) = [i for i in issues if i.code == "V4"]
    assert v4.person_id == "anna" and v4.snapshot_id == "s1" and v4.field == "vip"
    assert v4.message.startswith("Anna is VIP")
    assert "zet VIP uit" in v4.message
    assert v4.blocking


def test_only_errors_block() -> None:
    issues = validate_map(anna(tie={"reason": ""}, keep_away=True, support_types=frozenset({"praktisch"}))(base_map()))
    assert {i.code for i in issues} == {"V2", "V11"}
    assert not any(i.blocking for i in issues)


def test_validate_snapshot_of_unknown_id() -> None:
    with pytest.raises(KeyError):
        validate_snapshot(base_map(), "nope")
