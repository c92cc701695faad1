"""Small-cell suppression of report cells (SUP-02..05, ANA-03): AF-19, AF-20, AF-32 and the rules."""

from __future__ import annotations

import pandas as pd

from mpg_desktop.sync.analysis import apply_disclosure_control, ind_kenmerken, ind_resultaat, present
from mpg_desktop.sync.analysis.suppression import COMPLEMENTAIR, KLEIN
from mpg_desktop.sync.analysis.tidy import distribution, summary
from tests.sync.test_analysis_support import Dataset, expand, read, row, rows


def _frame(counts: dict[str, dict[str, int]], by: str = "groep", column: str = "categorie") -> pd.DataFrame:
    records = [
        {by: group, column: category}
        for group, cells in counts.items()
        for category, n in cells.items()
        for _ in range(n)
    ]
    categories = list(dict.fromkeys(c for cells in counts.values() for c in cells))
    return distribution(
        pd.DataFrame(records), column, by=[by], categories=categories, indicator_id="T", measure="m", unit="u"
    )


def _hidden_cells_are_protected(table: pd.DataFrame, k: int = 5) -> bool:
    """In every distribution and every category across groups, no hidden cell can be recovered:
    none hidden, or at least two holding at least k persons, or no shown cell left to hide."""
    for keys in (["groep"], ["category"]):
        for _, cells in table.groupby(keys):
            hidden = cells.loc[cells["onderdrukt"] != ""]
            spare = cells.loc[(cells["onderdrukt"] == "") & (cells["_n"] > 0)]
            if len(hidden) and not spare.empty and (len(hidden) < 2 or hidden["_n"].sum() < k):
                return False
    return True


def test_af19_base_below_five_is_star_and_base_five_is_shown() -> None:
    frame = pd.DataFrame({"groep": [f"g{n}" for n in range(1, 6) for _ in range(n)], "x": [3.0] * 15})
    means = summary(frame, "x", by=["groep"], statistics=("mean",), indicator_id="T", measure="m", unit="u")
    display = present(apply_disclosure_control({"t": means}).tables["t"]).set_index("groep")
    assert display.loc[["g1", "g2", "g3", "g4"], "waarde"].tolist() == ["*"] * 4
    assert display.loc[["g1", "g2", "g3", "g4"], "n"].tolist() == ["<5"] * 4
    assert (display.loc["g5", "waarde"], display.loc["g5", "n"]) == ("3.00", "5")


def test_af32_reset_ethnicity_vector_per_cell_and_base_rule() -> None:
    seed = read("pea_reset_tabel_5_etniciteit_per_organisatie.csv").iloc[:-1]
    counts = {org: dict(zip(seed["etniciteit"], seed[f"aantal_{org}"], strict=True)) for org in "ABC"}
    table = _frame(counts)
    controlled = apply_disclosure_control({"t": table}).tables["t"]
    small = controlled.loc[controlled["onderdrukt"] == KLEIN]
    expected_small = {
        "A": ["Nederlands", "Overige Westers", "Marokkaans"],
        "B": ["Surinaams", "Antilliaans", "Turks", "Overige Westers", "Niet Nederlands"],
        "C": ["Surinaams", "Marokkaans", "Niet Nederlands"],
    }
    assert len(small) == 11
    for org, names in expected_small.items():
        assert sorted(small.loc[small["groep"] == org, "category"]) == sorted(names)
    # Zero cells describe nobody and stay visible.
    assert row(controlled, groep="A", category="Surinaams")["value"] == 0
    # Complementary cells show '*' and leave no hidden cell recoverable from row or column totals.
    complementary = controlled.loc[controlled["onderdrukt"] == COMPLEMENTAIR]
    assert len(complementary) >= 1 and set(present(complementary)["waarde"]) == {"*"}
    assert _hidden_cells_are_protected(controlled.assign(_n=table["numerator"]))
    assert (apply_disclosure_control({"t": table}, cell_rule="basis").tables["t"]["onderdrukt"] == "").all()


def test_single_small_cell_gets_a_complementary_partner_and_zero_cells_do_not_count() -> None:
    table = _frame({"g": {"a": 3, "b": 0, "c": 40, "d": 8}})
    controlled = apply_disclosure_control({"t": table}).tables["t"].set_index("category")
    assert controlled["onderdrukt"].to_dict() == {"a": KLEIN, "b": "", "c": "", "d": COMPLEMENTAIR}
    assert pd.isna(controlled.loc["d", "numerator"]) and controlled.loc["d", "denominator"] == 51


def test_share_rows_need_no_partner_because_the_rest_is_not_shown() -> None:
    data = Dataset()
    for result in expand([("geslaagd", 3), ("niet_geslaagd", 0)]):
        data.trajectory(data.family(), status="afgesloten", resultaat=result)
    for _ in range(30):
        data.trajectory(data.family(), status="lopend")
    table = ind_resultaat(data.pooled())
    controlled = apply_disclosure_control({"r": table}).tables["r"]
    assert row(controlled, measure="resultaat", category="geslaagd")["onderdrukt"] == KLEIN
    assert row(controlled, measure="resultaat", category="lopend")["onderdrukt"] == COMPLEMENTAIR


def test_af20_a_group_suppressed_in_one_table_is_suppressed_in_every_table_of_the_run() -> None:
    a1 = read("pea_netwerkkracht_tabel_a1_probleemduur_ekc.csv").iloc[:-1]
    a3 = read("pea_netwerkkracht_tabel_a3_ernst_problemen.csv").iloc[:-1]
    n = pd.to_numeric(a1["totaal_n"], errors="coerce").fillna(4).astype(int)  # '*' rows had fewer than 5
    durations = {name: {"lt_1": count} for name, count in zip(a1["probleemgebied"], n, strict=True)}
    table_a1 = _frame(durations, by="probleemgebied", column="duur")
    # Tabel A.3: mean severity per domain; give every mean a base of 6 problem mentions, so only
    # the consistency rule (not the base rule) can hide the two groups the seed printed anyway.
    severity = pd.DataFrame(
        [
            {"probleemgebied": name, "ernst": value}
            for name, value in zip(a3["probleemgebied"], pd.to_numeric(a3["ekc_meting1"]), strict=True)
            for _ in range(6)
        ]
    )
    table_a3 = summary(
        severity, "ernst", by=["probleemgebied"], statistics=("mean",), indicator_id="T", measure="ernst", unit="u"
    )
    run = apply_disclosure_control({"a1": table_a1, "a3": table_a3}).tables
    hidden_a3 = set(rows(run["a3"], onderdrukt="consistentie")["probleemgebied"])
    assert hidden_a3 == {"Justitie (volwassenen)", "Jeugd, justitie/overlast"}
    assert pd.isna(row(run["a3"], probleemgebied="Justitie (volwassenen)")["value"])
    assert row(run["a3"], probleemgebied="Financiën")["value"] == 2.21
    alone = apply_disclosure_control({"a3": table_a3}).tables["a3"]
    assert (alone["onderdrukt"] == "").all()  # without the run's other table nothing would be hidden


def test_finer_breakdowns_of_a_small_group_are_suppressed_too() -> None:
    coarse = _frame({"x": {"a": 3}, "y": {"a": 30}})
    fine = distribution(
        pd.DataFrame({"groep": ["x"] * 8 + ["y"] * 8 + ["z"] * 20, "jaar": ["2012"] * 36, "c": ["a"] * 36}),
        "c",
        by=["groep", "jaar"],
        indicator_id="T2",
        measure="m",
        unit="u",
    )
    run = apply_disclosure_control({"coarse": coarse, "fine": fine}).tables
    assert row(run["fine"], groep="x")["onderdrukt"] == "consistentie"
    # x alone hidden could be recovered from the margin, so the smallest other group goes too.
    assert row(run["fine"], groep="y")["onderdrukt"] == COMPLEMENTAIR
    assert row(run["fine"], groep="z")["onderdrukt"] == ""


def test_k_recheck_on_the_pooled_family_table_before_a_quasi_identifier_breakdown() -> None:
    data = Dataset()
    for household, n in (("eenouder", 12), ("samengesteld_in_scheiding", 3)):
        for _ in range(n):
            family = data.family(huishouden_type=household)
            for _ in range(2):  # two trajectories per family
                data.trajectory(family, status="afgesloten", resultaat="geslaagd")
    pooled = data.pooled()
    table = ind_resultaat(pooled, by=["huishouden_l0"], trajectory_selection="all")
    # Six trajectories pass the base rule, but they belong to three families: a class below k.
    assert row(table, huishouden_l0="samengesteld_in_scheiding", category="geslaagd")["denominator"] == 6
    assert (apply_disclosure_control({"r": table}).tables["r"]["onderdrukt"] == "").all()
    controlled = apply_disclosure_control({"r": table}, families=pooled.families).tables["r"]
    rare = rows(controlled, huishouden_l0="samengesteld_in_scheiding", measure="resultaat")
    assert set(rare["onderdrukt"]) == {"k_anonimiteit"}
    assert rare["denominator"].isna().all()


def test_suppressed_numbers_never_reach_the_output_columns() -> None:
    data = Dataset()
    for household in expand([("eenouder", 3), ("traditioneel", 30)]):
        data.family(huishouden_type=household)
    controlled = apply_disclosure_control({"k": ind_kenmerken(data.pooled(), kenmerken=["huishouden_l0"])}).tables["k"]
    hidden = controlled.loc[controlled["onderdrukt"] != ""]
    assert len(hidden) == 2  # the small cell and its complementary partner
    assert hidden["numerator"].isna().all() and hidden["value"].isna().all()
    assert "3" not in present(controlled)["aantal"].tolist()
