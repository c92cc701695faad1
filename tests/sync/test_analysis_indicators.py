"""Indicators without seed distributions (IND-04, IND-05, IND-13, IND-15 DQ-09), periods and the ANA-02 frame."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from mpg_desktop.sync.analysis import (
    INDICATORS,
    PooledData,
    compute_all,
    ind_aanmeldingen,
    ind_caseload,
    ind_datakwaliteit,
    ind_doorlooptijd_besluit,
    ind_doorlooptijd_plan,
    ind_verlenging,
)
from mpg_desktop.sync.analysis.tidy import RESULT_COLUMNS
from tests.sync.test_analysis_support import Dataset, pct, row, rows


def test_ind04_decision_time_median_p75_and_norm_per_programme() -> None:
    data = Dataset()
    for days in (2, 4, 6, 8, 20):
        data.trajectory(data.family(), programma="ploeg", besluit_dag=days, eerste_contact_dag=days)
    for days in (1, 5):
        data.trajectory(data.family(), programma="take5", besluit_dag=days)
    data.trajectory(data.family(), programma="ploeg", besluit_dag=None, status="aangemeld")
    table = ind_doorlooptijd_besluit(data.pooled(), by=["programma"], norm_besluit_dagen={"ploeg": 14, "take5": 3})
    median = row(table, programma="ploeg", measure="dagen_tot_besluit", statistic="median")
    assert (median["value"], median["denominator"], median["n_unknown"]) == (6, 5, 1)
    assert row(table, programma="ploeg", measure="dagen_tot_besluit", statistic="p75")["value"] == 8
    assert pct(table, programma="ploeg", measure="besluit_binnen_norm") == 80
    assert pct(table, programma="take5", measure="besluit_binnen_norm") == 50
    assert row(table, programma="take5", measure="eerste_contact_binnen_norm")["denominator"] == 0


def test_ind05_intake_to_plan_with_phase_event_fallback() -> None:
    data = Dataset()
    for concept, signed in ((40, 50), (45, 90), (60, None)):
        data.trajectory(data.family(), intake_dag=20, plan_concept_dag=concept, plan_getekend_dag=signed)
    late = data.trajectory(data.family(), intake_dag=None, plan_concept_dag=70, plan_getekend_dag=80)
    data.event(late, "informatiefase_start", 30)
    table = ind_doorlooptijd_plan(data.pooled(), norm_dagen=56)
    # 20, 25, 40 days from intake, and 40 from the start of the information phase (no intake).
    assert row(table, measure="dagen_tot_conceptplan", statistic="median")["value"] == 32.5
    assert pct(table, measure="plan_getekend") == 75
    within = row(table, measure="getekend_binnen_norm")
    assert (within["numerator"], within["denominator"]) == (2, 3)  # 30 and 50 days within 56; 70 not


def test_ind07_aftercare_share_and_length() -> None:
    data = Dataset()
    data.trajectory(data.family(), status="afgesloten", eind_dag=200, nazorg_start_dag=200, nazorg_eind_dag=280)
    data.trajectory(data.family(), status="afgesloten", eind_dag=200)
    table = ind_verlenging(data.pooled())
    assert pct(table, measure="nazorg") == 50
    assert row(table, measure="nazorg_dagen", statistic="mean")["value"] == 80


def test_ind13_caseload_per_coach_from_the_newest_export() -> None:
    data = Dataset()
    for coach, active in (("M1", 5), ("M2", 6), ("M3", 8), ("M4", 5)):
        for _ in range(active):
            data.trajectory(data.family(), coach_pid=coach, status="lopend")
        data.trajectory(data.family(), coach_pid=coach, status="afgesloten", eind_dag=100)
    table = ind_caseload(data.pooled())
    assert row(table, coach_pid="M3", measure="actieve_gezinnen")["value"] == 8
    over = rows(table, measure="caseload").set_index("statistic")["value"]
    assert (over["mean"], over["min"], over["max"]) == (6, 5, 8)


def test_dq09_impossible_day_orders_are_counted() -> None:
    data = Dataset()
    data.trajectory(data.family(), intake_dag=20, eind_dag=10, status="afgesloten")  # ends before intake
    data.trajectory(data.family(), status="lopend", eind_dag=90)  # ongoing with an end date
    data.trajectory(data.family(), status="afgesloten")  # closed, no end date, not flagged as missing
    data.trajectory(data.family(), status="afgesloten", einddatum_ontbreekt=1)
    data.trajectory(data.family(), status="afgesloten", eind_dag=200)
    quality = ind_datakwaliteit(data.pooled())
    found = row(quality, measure="DQ-09")
    assert (found["numerator"], found["denominator"]) == (3, 5)


def test_period_filter_keeps_referrals_known_to_lie_inside() -> None:
    data = Dataset()
    for period in ("2012-05", "2012-Q2", "2012-Q3", "2012", "2013-01", "*"):
        data.trajectory(data.family(), aanmeld_periode=period)
    pooled = data.pooled()
    count = {
        p: row(ind_aanmeldingen(pooled, period=p), measure="aanmeldingen")["value"]
        for p in ("2012", "2012-Q2", "2012-05")
    }
    assert count == {"2012": 4, "2012-Q2": 2, "2012-05": 1}
    both = ind_aanmeldingen(pooled, period=["2012-Q2", "2013-01"])
    assert row(both, measure="aanmeldingen")["value"] == 3
    with pytest.raises(ValueError, match="periode"):
        ind_aanmeldingen(pooled, period="mei 2012")


def _everything() -> PooledData:
    data = Dataset()
    for i in range(12):
        status = ("lopend", "afgesloten", "afgewezen")[i % 3]
        traj = data.trajectory(
            data.family(),
            status=status,
            resultaat="geslaagd" if status == "afgesloten" else None,
            eind_dag=150 if status == "afgesloten" else None,
            plan_concept_dag=40,
            plan_getekend_dag=50,
            team_code=f"T{i % 2}",
        )
        for meting in (0, 1):
            data.score(traj, meting, "inkomen", 2 + meting)
        data.goal(traj, "inkomen", [{"score_gecombineerd": 4}])
    data.aggregate(12, besluit="go")
    return data.pooled(families_in_scope=14, families_exported=12, data_as_of="2024-03-01")


def test_every_indicator_returns_the_ana02_columns_without_rounding_or_side_effects() -> None:
    pooled = _everything()
    before = {name: pooled.table(name).copy() for name in ("families", "trajectories", "leefgebied_scores")}
    tables = compute_all(pooled)
    for name, frame in before.items():
        pd.testing.assert_frame_equal(pooled.table(name), frame)  # indicators never change the pool
    assert set(INDICATORS) == {f"IND-{n:02d}" for n in range(1, 17)}
    covered = {table["indicator_id"].iloc[0] for table in tables.values() if not table.empty}
    assert covered >= set(INDICATORS)
    for name, table in tables.items():
        assert list(table.columns[-len(RESULT_COLUMNS) :]) == list(RESULT_COLUMNS), name
        assert table["indicator_id"].iloc[0] == name.split("_")[0], name
        assert table["statistic"].isin(["count", "percent", "mean", "median", "p75", "min", "max", "sd"]).all(), name
    coverage = tables["ANA-08_dekking"]
    assert pct(coverage, 1) == Decimal("85.7")
    unrounded = row(tables["IND-11_leefgebieden"], measure="domeinscore", category="inkomen", meting_nr=0)
    assert unrounded["value"] == 2
