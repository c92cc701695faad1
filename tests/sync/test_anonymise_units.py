"""Pseudonyms (4.5), generalisation (4.6) and the k-gate (4.7) as pure functions."""

from __future__ import annotations

import re
from datetime import date

from mpg_desktop.sync import generalise as gen
from mpg_desktop.sync.kgate import K, run_gate, small_class_members
from mpg_desktop.sync.pseudonyms import Entity, Pseudonymiser

KEY_A = bytes(range(32))
KEY_B = bytes(range(1, 33))


def test_pseudonyms_are_stable_typed_and_keyed() -> None:
    a, b = Pseudonymiser(KEY_A), Pseudonymiser(KEY_B)
    family = a.pid(Entity.GEZIN, "store/1")
    assert family == Pseudonymiser(KEY_A).pid(Entity.GEZIN, "store/1")
    assert re.fullmatch(r"G[a-z2-7]{26}", family)
    assert a.pid(Entity.TRAJECT, "store/1")[1:] != family[1:]  # domain separation
    assert b.pid(Entity.GEZIN, "store/1") != family  # another organisation key
    assert a.pid(Entity.GEZIN, "store/2") != family
    assert a.key_id != b.key_id and re.fullmatch(r"[0-9a-f]{16}", a.key_id)
    assert KEY_A.hex() not in repr(a)


def test_age_bands_periods_and_top_coding() -> None:
    assert [gen.child_age_band(a) for a in (0, 4, 5, 12, 13, 17, 18)] == [
        "0-4", "0-4", "5-12", "5-12", "13-17", "13-17", "18+"
    ]  # fmt: skip
    assert [gen.adult_age_band(a) for a in (34, 35, 49, 50)] == ["<35", "35-49", "35-49", ">=50"]
    assert gen.age_in_years(date(2010, 6, 2), date(2020, 6, 1)) == 9
    assert gen.n_children(7) == "5+" and gen.n_children(2) == "2"
    day = date(2025, 8, 14)
    assert [gen.period(day, level) for level in range(4)] == ["2025-08", "2025-Q3", "2025", "*"]
    assert gen.day_offset(date(2025, 8, 20), day) == 6 and gen.day_offset(None, day) is None
    assert gen.age_composition([2, 8]) == "basisschool_en_jonge_kinderen" and gen.age_composition([]) is None
    assert gen.areas_for(["a"] * 5 + ["b"] * 4 + [None]) == ["a"] * 5 + ["*"] * 4 + [None]


def _family(i: int, household: str = "eenouder") -> dict[str, str | None]:
    return {
        "aanmeld_periode": f"2025-0{1 + i % 3}|2025-Q1|2025",
        "area_code": "noord",
        "gemeente_code": "GM0014",
        "huishouden_type": household,
        "n_kinderen": str(1 + i % 4),
        "jongste_kind_leeftijd": "5-12",
        "leeftijdssamenstelling": "basisschool",
    }


def test_gate_coarsens_until_k_holds_and_suppresses_the_rest() -> None:
    rows = [_family(i) for i in range(12)] + [_family(99, "traditioneel")]
    result = run_gate(rows)
    # Months and child counts split 12 families into classes < 5; quarter + children L1 does not.
    assert result.profile == "P2"
    assert result.suppressed == (12,)  # the only two-parent family
    assert set(result.rows[12].values()) == {"*", "GM0014"}
    assert small_class_members(list(result.rows)) == []
    assert all(row["aanmeld_periode"] == "2025-Q1" for row in result.rows[:12])


def test_gate_on_tiny_caseload_ends_fully_suppressed_but_valid() -> None:
    result = run_gate([_family(i, h) for i, h in enumerate(["eenouder", "traditioneel", "samengesteld"])])
    assert result.profile == "P6" and len(result.suppressed) == 3 and K == 5
