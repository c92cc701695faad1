"""The three demo maps of spec bolletjesschema 5.6 (all names invented; structures from seed scenarios).

* ``demo_sanne``: young single mother; after an Eigen Kracht-conferentie her father, brothers,
  sister and a friend support her (003 Scenario 1, 003_05144c7f1438ced3.txt L6915-6967).
* ``demo_bakker``: a family whose network shrinks while preparing a conference: grandmother ill,
  brother kept away, friend drops out (002_f4993ca00faa432b.txt L4297-4309).
* ``demo_ruud``: widower whose network is rebuilt from friends, almost no family, one mental-health
  professional (003 Scenario 2, 003_05144c7f1438ced3.txt L7208-7264).

Ids and dates are fixed so tests and screenshots are reproducible. Built with the public
operations of ``network_snapshot``, so the demos double as usage examples.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from mpg_desktop.models.network_codes import (
    Availability,
    AvailabilityReason,
    ContactFrequency,
    FocusKind,
    KeepAwayScope,
    LeftReason,
    SnapshotKind,
    Ternary,
)
from mpg_desktop.models.network_map import EgoState, NetworkMap, Person
from mpg_desktop.models.network_rating import Rating
from mpg_desktop.models.network_snapshot import (
    add_person,
    add_snapshot,
    finalise,
    new_map,
    new_measurement,
    put_state,
    remove_person,
    set_ego_state,
)

R = Rating


def _rated(
    network_map: NetworkMap, snapshot_id: str, person_id: str, rating: Rating, reason: str, **changes: Any
) -> NetworkMap:
    """Rate a person on a snapshot and change other fields of its state."""
    state = network_map.snapshot(snapshot_id).state(person_id)
    assert state is not None
    tie = replace(state.tie, rating=rating, reason=reason)
    return put_state(network_map, snapshot_id, replace(state, tie=tie, **changes))


def _make_vip(network_map: NetworkMap, snapshot_id: str, person_id: str, perceived: Rating) -> NetworkMap:
    """Mark a VIP with how the client thinks the VIP values him or her (OA3)."""
    state = network_map.snapshot(snapshot_id).state(person_id)
    assert state is not None
    tie = replace(state.tie, perceived_rating_by_other=perceived)
    return put_state(network_map, snapshot_id, replace(state, vip=True, tie=tie))


def demo_sanne() -> NetworkMap:
    """Demo A: startkaart without supporters, then five supporters and a VIP after the EK-c."""
    m = new_map("Sanne", FocusKind.OUDER, map_id="demo-sanne")
    m, _ = add_snapshot(m, SnapshotKind.STARTKAART, date(2024, 2, 5), snapshot_id="sanne-1")
    people = [
        ("s-noor", "Noor", "kind", True),
        ("s-daan", "Daan", "kind", True),
        ("s-henk", "Henk", "ouder", False),
        ("s-kevin", "Kevin", "broer_zus", False),
        ("s-rick", "Rick", "broer_zus", False),
        ("s-lisa", "Lisa", "broer_zus", False),
        ("s-fatima", "Fatima", "vriend", False),
        ("s-anouk", "Anouk", "jeugdbescherming", False),
        ("s-peter", "Peter", "maatschappelijk_werk", False),
    ]
    for person_id, name, relationship, household in people:
        m = add_person(m, "sanne-1", Person(person_id, name, relationship), household=household)
    m = set_ego_state(m, "sanne-1", EgoState(R.SLECHT, "Ik red het niet alleen."))
    m = _rated(m, "sanne-1", "s-noor", R.ZEER_GOED, "Mijn meisje.")
    m = _rated(m, "sanne-1", "s-daan", R.ZEER_GOED, "Mijn kleine vent.")
    m = _rated(m, "sanne-1", "s-henk", R.REDELIJK, "We praten weinig.")
    m = _rated(m, "sanne-1", "s-lisa", R.GOED, "Ze belt soms.", can_call_on=Ternary.JA)
    m = _rated(m, "sanne-1", "s-anouk", R.SLECHT, "Ik ben bang dat ze de kinderen meeneemt.")
    m = finalise(m, "sanne-1")

    m, _ = new_measurement(m, SnapshotKind.NA_NETWERKBIJEENKOMST, date(2024, 4, 15), snapshot_id="sanne-2")
    m = set_ego_state(m, "sanne-2", EgoState(R.GOED, "Ik sta er niet meer alleen voor."))
    after_conference = {
        "s-henk": (R.GOED, "Hij belt nu elke dag.", {"toezicht", "opvoeding"}),
        "s-kevin": (R.GOED, "Komt vaak langs.", {"praktisch", "toezicht"}),
        "s-rick": (R.GOED, "Regelt de huurtoeslag.", {"administratief"}),
        "s-lisa": (R.ZEER_GOED, "Mijn steun en toeverlaat.", {"opvoeding", "praktisch", "toezicht"}),
        "s-fatima": (R.GOED, "Doet boodschappen en kookt mee.", {"praktisch"}),
    }
    for person_id, (rating, reason, codes) in after_conference.items():
        m = _rated(m, "sanne-2", person_id, rating, reason, can_call_on=Ternary.JA, support_types=frozenset(codes))
    m = _make_vip(m, "sanne-2", "s-lisa", perceived=R.GOED)
    m = _rated(m, "sanne-2", "s-anouk", R.REDELIJK, "Het gaat beter met haar.")
    return _rated(m, "sanne-2", "s-peter", R.GOED, "Helpt met de brieven.")


def demo_bakker() -> NetworkMap:
    """Demo B: grandmother becomes unavailable, brother kept away, friend leaves (spec 5.6 T5)."""
    m = new_map("familie Bakker", FocusKind.GEZIN, map_id="demo-bakker")
    m, _ = add_snapshot(m, SnapshotKind.STARTKAART, date(2023, 9, 4), snapshot_id="bakker-1")
    for person_id, name, relationship in [
        ("b-oma", "Oma Ria", "grootouder"),
        ("b-sander", "Sander", "broer_zus"),
        ("b-joyce", "Joyce", "vriend"),
        ("b-kees", "Buurman Kees", "buur"),
        ("b-ans", "Buurvrouw Ans", "buur"),
    ]:
        m = add_person(m, "bakker-1", Person(person_id, name, relationship))
    practical = frozenset({"praktisch"})
    m = _rated(
        m,
        "bakker-1",
        "b-oma",
        R.GOED,
        "Ze staat altijd voor ons klaar.",
        availability=Availability.BESCHIKBAAR,
        can_call_on=Ternary.JA,
    )
    m = _rated(m, "bakker-1", "b-sander", R.REDELIJK, "Soms gaat het goed, soms niet.")
    m = _rated(
        m,
        "bakker-1",
        "b-joyce",
        R.GOED,
        "Ze luistert naar me.",
        can_call_on=Ternary.JA,
        support_types=frozenset({"emotioneel"}),
    )
    m = _rated(m, "bakker-1", "b-kees", R.GOED, "Helpt met klusjes.", can_call_on=Ternary.JA, support_types=practical)
    m = _rated(m, "bakker-1", "b-ans", R.REDELIJK, "Helpt soms een beetje.", support_types=practical)
    m = finalise(m, "bakker-1")

    m, _ = new_measurement(m, SnapshotKind.TUSSENTIJDS, date(2023, 10, 16), snapshot_id="bakker-2")
    oma = m.snapshot("bakker-2").state("b-oma")
    assert oma is not None
    m = put_state(
        m,
        "bakker-2",
        replace(oma, availability=Availability.NIET_BESCHIKBAAR, availability_reason=AvailabilityReason.GEZONDHEID),
    )
    m = _rated(
        m,
        "bakker-2",
        "b-sander",
        R.ZEER_SLECHT,
        "Niet veilig voor de kinderen.",
        keep_away=True,
        keep_away_scope=frozenset({KeepAwayScope.WEG_BIJ_KINDEREN, KeepAwayScope.NIET_UITNODIGEN}),
    )
    return remove_person(m, "bakker-2", "b-joyce", LeftReason.ANDERS)


def demo_ruud() -> NetworkMap:
    """Demo C: a network found almost entirely outside the family, one professional (ggz)."""
    m = new_map("Ruud", FocusKind.VOLWASSENE, map_id="demo-ruud")
    m, _ = add_snapshot(m, SnapshotKind.STARTKAART, date(2024, 3, 4), snapshot_id="ruud-1")
    for person_id, name, relationship in [
        ("r-marieke", "Marieke", "ggz"),
        ("r-tineke", "Buurvrouw Tineke", "buur"),
        ("r-jan", "Jan", "vriend"),
        ("r-ellen", "Ellen", "schoonfamilie"),
    ]:
        m = add_person(m, "ruud-1", Person(person_id, name, relationship))
    m = set_ego_state(m, "ruud-1", EgoState(R.ZEER_SLECHT, "Sinds mijn vrouw er niet meer is lukt niets."))
    m = _rated(m, "ruud-1", "r-marieke", R.GOED, "Ze luistert.")
    m = _rated(m, "ruud-1", "r-tineke", R.REDELIJK, "Ze kende mijn vrouw.")
    m = _rated(
        m,
        "ruud-1",
        "r-jan",
        R.GOED,
        "Oude vriend, we zien elkaar bijna nooit.",
        contact_frequency=ContactFrequency.VRIJWEL_NOOIT,
    )
    m = finalise(m, "ruud-1")

    m, _ = new_measurement(m, SnapshotKind.NA_NETWERKBIJEENKOMST, date(2024, 5, 13), snapshot_id="ruud-2")
    for person_id, name in [("r-ahmed", "Ahmed"), ("r-bas", "Bas"), ("r-wim", "Wim"), ("r-karin", "Karin")]:
        m = add_person(m, "ruud-2", Person(person_id, name, "vriend"))
    m = set_ego_state(m, "ruud-2", EgoState(R.SLECHT, "Het is zwaar, maar ik sta er niet alleen voor."))
    support = {
        "r-jan": (R.ZEER_GOED, "Hij regelt mijn geldzaken samen met mij.", "administratief"),
        "r-ellen": (R.GOED, "We praten over haar zus.", "emotioneel"),
        "r-tineke": (R.GOED, "Kookt twee keer per week.", "praktisch"),
        "r-ahmed": (R.GOED, "We wandelen elke ochtend.", "gezelschap"),
        "r-bas": (R.GOED, "Helpt in huis.", "praktisch"),
        "r-wim": (R.GOED, "Houdt de groepsapp bij.", "toezicht"),
        "r-karin": (R.GOED, "Weet de weg bij de gemeente.", "informatie_advies"),
    }
    for person_id, (rating, reason, code) in support.items():
        m = _rated(m, "ruud-2", person_id, rating, reason, can_call_on=Ternary.JA, support_types=frozenset({code}))
    return _make_vip(m, "ruud-2", "r-jan", perceived=R.GOED)


def demo_maps() -> tuple[NetworkMap, ...]:
    return demo_sanne(), demo_bakker(), demo_ruud()
