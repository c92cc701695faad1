"""Pooling bundles: schema typing, de-duplication (IMP-13), tombstones (IMP-14), aggregates (IMP-15)."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import pandas as pd
import pytest

from mpg_desktop.sync.analysis import (
    SchemaMismatch,
    conform,
    ind_aanmeldingen,
    ind_toelating,
    parse_table,
    pool_bundles,
)
from mpg_desktop.sync.analysis.tables import from_imported
from tests.sync.test_analysis_support import Dataset, row


def _two_versions() -> tuple[Dataset, Dataset]:
    """Device A exports a family twice; the second export changed the trajectory and its scores."""
    old, new = Dataset(), Dataset()
    for data, version, status, score in (
        (old, "2024-01-10T08:00:00Z", "lopend", 2),
        (new, "2024-02-10T08:00:00Z", "afgesloten", 4),
    ):
        family = data.family("G1", row_version=version)
        traj = data.trajectory(family, "T1", status=status, resultaat="geslaagd", eind_dag=200, row_version=version)
        data.score(traj, 0, "inkomen", score)
    return old, new


def test_conform_types_columns_and_turns_empty_fields_into_missing() -> None:
    frame = pd.DataFrame({"traj_pid": ["T1", "T2"], "event": ["intake", ""], "dag": ["3", ""], "volgnr": [1, 2]})
    typed = conform(frame, "phase_events")
    assert str(typed["dag"].dtype) == "Int64"
    assert typed["dag"].tolist()[0] == 3 and pd.isna(typed["dag"].iloc[1])
    assert pd.isna(typed["event"].iloc[1])


def test_unknown_column_is_refused_like_the_importer_does() -> None:
    frame = pd.DataFrame(
        {"family_pid": ["G1"], "reden": ["registratiefout"], "vanaf_maand": ["2024-01"], "naam": ["Jansen"]}
    )
    with pytest.raises(SchemaMismatch, match="naam"):
        conform(frame, "tombstones")


def test_missing_required_column_and_bad_number_are_refused() -> None:
    with pytest.raises(SchemaMismatch, match="volgnr"):
        conform(pd.DataFrame({"traj_pid": ["T1"], "event": ["x"], "dag": [1]}), "phase_events")
    with pytest.raises(SchemaMismatch, match="dag"):
        conform(pd.DataFrame({"traj_pid": ["T1"], "event": ["x"], "dag": ["drie"], "volgnr": [1]}), "phase_events")


def test_parse_table_reads_the_bundle_csv_dialect() -> None:
    text = "family_pid,reden,vanaf_maand\nG1,toestemming_ingetrokken,2024-02\nG2,,2024-03\n"
    frame = parse_table("tombstones", text.encode())
    assert frame["family_pid"].tolist() == ["G1", "G2"]
    assert pd.isna(frame["reden"].iloc[1])


def test_reimporting_a_bundle_counts_nothing_twice() -> None:
    data = Dataset()
    for _ in range(3):
        data.trajectory(data.family())
    bundle = data.bundle()
    once = ind_aanmeldingen(pool_bundles([bundle]))
    thrice = ind_aanmeldingen(pool_bundles([bundle, bundle, bundle]))
    assert row(thrice, measure="aanmeldingen")["value"] == row(once, measure="aanmeldingen")["value"] == 3


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_newest_row_version_wins_in_any_import_order(order: tuple[int, ...]) -> None:
    old, new = _two_versions()
    bundles = [old.bundle("B1", seq=1), new.bundle("B2", seq=2), old.bundle("B1", seq=1)]
    pooled = pool_bundles([bundles[i] for i in order])
    assert pooled.trajectories["status"].tolist() == ["afgesloten"]
    # Child rows come as a set with the winning trajectory row, never mixed across bundles.
    assert pooled.leefgebied_scores["score"].tolist() == [4]
    assert pooled.leefgebied_scores["bundle_id"].tolist() == ["B2"]


def test_stale_bundle_with_a_higher_sequence_number_does_not_overwrite_newer_rows() -> None:
    old, new = _two_versions()
    pooled = pool_bundles([new.bundle("B2", device="A", seq=1), old.bundle("B9", device="B", seq=7)])
    assert pooled.trajectories["status"].tolist() == ["afgesloten"]


def test_equal_row_versions_break_the_tie_by_device_then_sequence() -> None:
    first, second = Dataset(), Dataset()
    first.trajectory(first.family("G1"), "T1", team_code="X")
    second.trajectory(second.family("G1"), "T1", team_code="Y")
    pooled = pool_bundles([second.bundle("B2", device="B"), first.bundle("B1", device="A")])
    assert pooled.trajectories["team_code"].tolist() == ["Y"]
    same_device = pool_bundles([second.bundle("B2", device="A", seq=2), first.bundle("B1", device="A", seq=1)])
    assert same_device.trajectories["team_code"].tolist() == ["Y"]


def test_pseudonym_keys_are_never_mixed() -> None:
    data = Dataset()
    data.trajectory(data.family("G1"))
    pooled = pool_bundles([data.bundle("B1", key="K1"), data.bundle("B2", device="B", key="K2")])
    assert row(ind_aanmeldingen(pooled), measure="unieke_gezinnen")["value"] == 2


def _withdrawn(month: str) -> tuple[Dataset, Dataset]:
    before = Dataset()
    family = before.family("G1", row_version="2024-01-15T00:00:00Z")
    traj = before.trajectory(family, "T1", row_version="2024-01-15T00:00:00Z")
    before.score(traj, 0, "inkomen", 2)
    before.goal(traj, "huisvesting", [{"score_gecombineerd": 4}])
    other = before.family("G2")
    before.trajectory(other, "T2")
    after = Dataset()
    after.trajectory(after.family("G2"), "T2")
    after.tombstone("G1", month)
    return before, after


def test_tombstone_removes_the_family_from_every_table_whatever_the_order() -> None:
    before, after = _withdrawn("2024-02")
    for bundles in (
        [before.bundle("B1", seq=1), after.bundle("B2", seq=2)],
        [after.bundle("B2", seq=2), before.bundle("B1", seq=1)],
    ):
        pooled = pool_bundles(bundles)
        assert pooled.families["family_pid"].tolist() == ["G2"]
        assert pooled.trajectories["traj_pid"].tolist() == ["T2"]
        assert pooled.leefgebied_scores.empty and pooled.goals.empty and pooled.goal_evaluations.empty
        assert pooled.tombstones["family_pid"].tolist() == ["G1"]


def test_rows_changed_during_the_withdrawal_month_are_still_removed() -> None:
    before, after = _withdrawn("2024-01")  # the rows are from 15 January, the tombstone month
    pooled = pool_bundles([before.bundle("B1"), after.bundle("B2", seq=2)])
    assert "G1" not in pooled.families["family_pid"].tolist()


def test_family_exported_again_after_the_tombstone_month_counts_again() -> None:
    before, after = _withdrawn("2024-02")
    again = Dataset()
    again.trajectory(again.family("G1", row_version="2024-05-01T00:00:00Z"), "T1", row_version="2024-05-01T00:00:00Z")
    pooled = pool_bundles([before.bundle("B1"), after.bundle("B2", seq=2), again.bundle("B3", seq=3)])
    assert sorted(pooled.families["family_pid"]) == ["G1", "G2"]


def test_referral_aggregates_take_the_newest_bundle_per_device_and_quarter_and_sum_devices() -> None:
    first, second, other = Dataset(), Dataset(), Dataset()
    first.aggregate(10, aanmeld_kwartaal="2012-Q1")
    first.aggregate(7, aanmeld_kwartaal="2012-Q2")
    second.aggregate(12, aanmeld_kwartaal="2012-Q2")  # corrected count for Q2; Q1 no longer exported
    other.aggregate(5, aanmeld_kwartaal="2012-Q2", besluit="no_go")
    bundles = [
        second.bundle("B2", seq=2),
        first.bundle("B1", seq=1),
        other.bundle("C1", device="C"),
        first.bundle("B1", seq=1),
    ]
    pooled = pool_bundles(bundles)
    admission = ind_toelating(pooled, source="aggregate")
    assert row(admission, category="in_begeleiding")["numerator"] == 10 + 12
    assert row(admission, category="geen_begeleiding")["numerator"] == 5


def test_household_code_of_a_bundle_generalised_to_level_one_is_not_read_as_level_zero() -> None:
    detailed, coarse = Dataset(), Dataset()
    detailed.family("G1", huishouden_type="eenouder")
    coarse.family("G2", huishouden_type="eenouder")  # L1 'eenouder' = eenouder or samengesteld_eenouder
    coarse.family("G3", huishouden_type="tweeouder")
    pooled = pool_bundles([detailed.bundle("B1"), coarse.bundle("B2", device="B", generalisation_profile="P4")])
    families = pooled.families.set_index("family_pid")
    assert families["huishouden_l0"].to_dict() == {"G1": "eenouder", "G2": "*", "G3": "*"}
    assert families["huishouden_l1"].to_dict() == {"G1": "eenouder", "G2": "eenouder", "G3": "tweeouder"}


def test_from_imported_reads_the_importers_text_tables() -> None:
    manifest = SimpleNamespace(
        bundle_id="B1",
        device_pid="A1",
        device_seq=3,
        pseudonym_key_id="K1",
        data_as_of="2024-03-01",
        generalisation_profile="P5",
        counts={"families_in_scope": 8, "families_exported": 6},
        programmas=("ploeg",),
    )
    table = SimpleNamespace(
        columns=("family_pid", "reden", "vanaf_maand"),
        rows=({"family_pid": "G1", "reden": None, "vanaf_maand": "2024-01"},),
    )
    bundle = from_imported(SimpleNamespace(manifest=manifest, tables={"tombstones": table, "onbekend": table}))
    assert (bundle.device_seq, bundle.families_in_scope, bundle.generalisation_profile) == (3, 8, "P5")
    assert list(bundle.tables) == ["tombstones"]
    assert pool_bundles([bundle]).tombstones["family_pid"].tolist() == ["G1"]
