"""ReSet and Nieuwe Perspectieven (seed 004): AF-24..AF-31 and the GAS outcome figures (gas.md R1).

NP youths are families of one person; a three-month period is one more ``n_verlengingen``.
Returning youths have later trajectories with ``eerdere_trajecten`` > 0 (C-2: NP counts the
first). Known differences of section 7 and gas.md 8 are asserted as computed.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pandas as pd
import pytest

from mpg_desktop.sync.analysis import (
    PooledData,
    ind_aanmeldingen,
    ind_datakwaliteit,
    ind_doelrealisatie,
    ind_kenmerken,
    ind_terugkomst,
    ind_uitval,
    ind_verlenging,
)
from mpg_desktop.sync.analysis.codes import GAS_LABELS, LEEFTIJDSSAMENSTELLING
from tests.sync.test_analysis_support import Dataset, dec, expand, pct, read, row, rows

HOUSING = "NP-D2-HUIS-1"
GAS_COLUMNS = [
    "doel_geheel_behaald",
    "doel_deels_behaald",
    "situatie_hetzelfde_gebleven",
    "situatie_verslechterd",
    "slechtst_denkbare_situatie",
]


def _np_dataset() -> Dataset:
    periods = read("pea_np_tabel_86_trajecten.csv").iloc[:6]
    extensions = expand(
        [(int(k) - 1, int(n)) for k, n in zip(periods["aantal_trajecten"], periods["jongeren_n"], strict=True)]
    )
    # Dropout (AF-25): 113 no-shows among one-period youths, 4 more within three contacts and 15
    # later among the others; 3 youths drop out only in a return trajectory.
    phases = expand([("binnen_3_contacten", 113), ("geen", 655 - 113)])
    phases += expand([("binnen_3_contacten", 4), ("later", 15), ("geen", 280 - 19)])
    # Known-denominator characteristics (AF-26): 216 boys and 200 girls with known police status.
    sexes = expand([("man", 494), ("vrouw", 441)])
    police = expand([("ja", 130), ("nee", 86), (None, 494 - 216), ("ja", 70), ("nee", 130), (None, 441 - 200)])
    psych = expand([("ja", 314), ("nee", 609), (None, 12)])
    learn = expand([("nee", 66), ("ja", 272), (None, 597)])
    homeless = expand([("ja", 421), ("nee", 514)])
    housing = expand([(5, 155), (4, 115), (3, 109), (2, 3), (1, 3), (None, 935 - 385)])
    data = Dataset()
    returning = 0
    for i in range(935):
        family = data.family(geslacht=sexes[i])
        data.rows["families"][-1].update(
            politie_justitie=police[i], psychische_klachten=psych[i], voldoende_leerbaar=learn[i], dakloos=homeless[i]
        )
        traj = data.trajectory(
            family,
            programma="np",
            status="afgesloten",
            n_verlengingen=extensions[i],
            uitval_fase=phases[i],
            eind_dag=100,
        )
        if housing[i] is not None:
            # Some goals carry only the youth's and the coach's score: the NP rule combines them.
            last = {5: {"score_client": 5, "score_coach": 4}, 4: {"score_client": 4, "score_coach": 5}}.get(housing[i])
            data.goal(traj, HOUSING, [{"score_gecombineerd": 3}, last or {"score_gecombineerd": housing[i]}])
        if phases[i] == "geen" and returning < 39:  # 39 youths come back, 11 of them twice: 50 trajectories
            returning += 1
            for number in range(1, 3 if returning <= 11 else 2):
                phase = "terugkomsttraject" if returning <= 3 and number == 1 else "geen"
                data.trajectory(
                    family, programma="np", status="afgesloten", eerdere_trajecten=number, uitval_fase=phase
                )
    return data


@pytest.fixture(scope="module")
def np_data() -> PooledData:
    data = _np_dataset()
    extra = ("politie_justitie", "psychische_klachten", "voldoende_leerbaar", "dakloos")
    values = {column: [r.pop(column) for r in data.rows["families"]] for column in extra}
    pooled = data.pooled()
    # Target-group flags are not in the 4.4 export schema; an organisation that adds them (a
    # MINOR schema change) gets them as family columns like these.
    return dataclasses.replace(pooled, families=pooled.families.assign(**values))


def test_af24_tabel_86_three_month_periods(np_data: PooledData) -> None:
    printed = read("pea_np_tabel_86_trajecten.csv")
    table = ind_verlenging(np_data)
    for _, line in printed.iloc[:6].iterrows():
        periods = str(int(line["aantal_trajecten"]))
        assert row(table, measure="perioden", category=periods)["numerator"] == line["jongeren_n"]
        assert (
            row(table, measure="evaluaties", category=str(int(line["begeleidingsduur_maanden"])))["value"]
            == line["gas_scores_n"]
        )
    assert row(table, measure="evaluaties_totaal")["value"] == printed.iloc[6]["gas_scores_n"] == 1359
    assert row(table, measure="perioden", category="1")["denominator"] == 935
    assert pct(table, 1, measure="verlengd") == Decimal("29.9")
    classes = rows(table, measure="duur_klasse").set_index("category")["numerator"]
    assert classes.to_dict() == {"3": 655, "6": 188, "9": 51, "12": 33, ">12": 8}
    # With every trajectory (returns included) the table would no longer be about 935 youths.
    assert (
        row(ind_verlenging(np_data, trajectory_selection="all"), measure="perioden", category="1")["denominator"] == 985
    )


def test_af25_dropout_and_timing(np_data: PooledData) -> None:
    table = ind_uitval(np_data)
    dropout = row(table, measure="uitval")
    assert (dropout["numerator"], dropout["denominator"]) == (135, 935)
    # Section 7 #9: 14.4% here, 14.5% elsewhere in the seed; 135/935 = 14.44%.
    assert pct(table, 1, measure="uitval") == Decimal("14.4")
    phases = rows(table, measure="uitval_fase").set_index("category")["numerator"]
    assert (phases["binnen_3_contacten"], phases["later"], phases["terugkomsttraject"]) == (117, 15, 3)
    early = row(table, measure="uitval_binnen_3_contacten")
    assert (early["numerator"], early["denominator"]) == (117, 132)
    assert pct(table, 1, measure="uitval_binnen_3_contacten") == Decimal("88.6")
    first_only = ind_uitval(np_data, trajectory_selection="first")
    assert row(first_only, measure="uitval")["numerator"] == 132


def test_returning_youths(np_data: PooledData) -> None:
    table = ind_terugkomst(np_data)
    assert (row(table, measure="terugkomst")["numerator"], row(table, measure="terugkomst")["denominator"]) == (39, 935)
    counts = ind_aanmeldingen(np_data)
    assert row(counts, measure="aanmeldingen")["value"] == 935 + 50


def test_af26_rates_on_known_denominators_and_coverage(np_data: PooledData) -> None:
    columns = ["politie_justitie", "psychische_klachten", "voldoende_leerbaar", "dakloos", "geslacht"]
    known = ind_kenmerken(np_data, kenmerken=columns)
    police = row(known, measure="politie_justitie", category="ja")
    assert (police["numerator"], police["denominator"], police["n_unknown"]) == (200, 416, 519)
    assert pct(known, 1, measure="politie_justitie", category="ja") == Decimal("48.1")
    assert pct(known, 1, measure="psychische_klachten", category="ja") == Decimal("34.0")
    assert pct(known, 1, measure="voldoende_leerbaar", category="nee") == Decimal("19.5")
    assert pct(known, 0, measure="dakloos", category="ja") == 45
    assert pct(known, 1, measure="geslacht", category="man") == Decimal("52.8")
    assert pct(known, 1, measure="geslacht", category="vrouw") == Decimal("47.2")
    by_sex = ind_kenmerken(np_data, kenmerken=["politie_justitie"], by=["geslacht"])
    assert pct(by_sex, 1, geslacht="man", category="ja") == Decimal("60.2")
    assert pct(by_sex, 1, geslacht="vrouw", category="ja") == Decimal("35.0")
    total = ind_kenmerken(np_data, kenmerken=["politie_justitie"], denominator="total")
    assert pct(total, 1, category="ja") == Decimal("21.4")  # 200/935: why C-3 wants both
    quality = ind_datakwaliteit(np_data, kenmerken=["politie_justitie", "psychische_klachten", "voldoende_leerbaar"])
    coverage = rows(quality, measure="DQ-05").set_index("category")
    assert [pct(quality, 1, measure="DQ-05", category=c) for c in coverage.index] == [
        Decimal("44.5"),
        Decimal("98.7"),
        Decimal("36.1"),
    ]


def test_af27_housing_goal_gas_distribution_at_closure(np_data: PooledData) -> None:
    printed = read("pea_np_huisvesting_doel_resultaten.csv").iloc[:5]
    table = ind_doelrealisatie(np_data)
    for label, (_, line) in zip(GAS_LABELS.values(), printed.iterrows(), strict=True):
        assert row(table, measure="gas", doelcategorie=HOUSING, category=label)["numerator"] == line["n"]
    computed = [pct(table, 1, measure="gas", doelcategorie=HOUSING, category=label) for label in GAS_LABELS.values()]
    # Section 7 #11: 3/385 prints as 0.75%; half-up to one decimal it is 0.8%.
    assert computed == [Decimal("40.3"), Decimal("29.9"), Decimal("28.3"), Decimal("0.8"), Decimal("0.8")]
    assert [dec(v) for v in printed["pct"]] == [
        Decimal("40.3"),
        Decimal("29.9"),
        Decimal("28.3"),
        Decimal("0.75"),
        Decimal("0.75"),
    ]
    assert pct(table, 1, measure="verbeterd", doelcategorie=HOUSING) == Decimal("70.1")
    prevalence = row(table, measure="prevalentie", doelcategorie=HOUSING)
    assert (prevalence["numerator"], prevalence["denominator"]) == (385, 935)
    # Section 7 #11: printed 41.1%; 385/935 = 41.18%.
    assert pct(table, 1, measure="prevalentie", doelcategorie=HOUSING) == Decimal("41.2")
    first = ind_doelrealisatie(np_data, moment="eerste")
    assert row(first, measure="gas", doelcategorie=HOUSING, category="situatie_hetzelfde_gebleven")["numerator"] == 385


def _goal_outcomes() -> pd.DataFrame:
    np_rows = read("np_goal_outcomes.csv")
    reset = read("reset_goal_outcomes.csv")
    both = pd.concat([np_rows, reset], ignore_index=True)
    counts = both[[f"n_{c}" for c in GAS_COLUMNS]]
    return both.loc[counts.notna().all(axis=1)].assign(key=lambda t: t["figure_id"] + ":" + t["goal_code"])


# gas.md section 8: printed figures that disagree with their own counts.
GAS_KNOWN_DIFFERENCES = {"Figuur 31:NP-D3-1b", "Figuur 20:ReSet-GD3", "Figuur 25:ReSet-OD10"}


def test_gas_outcome_figures_r1_from_synthetic_goals() -> None:
    outcomes = _goal_outcomes()
    data = Dataset()
    for _, line in outcomes.iterrows():
        traj = data.trajectory(data.family(), status="afgesloten")
        for score, column in zip(GAS_LABELS, GAS_COLUMNS, strict=True):
            for _ in range(int(line[f"n_{column}"])):
                data.goal(traj, line["key"], [{"score_gecombineerd": score}])
    table = ind_doelrealisatie(data.pooled())
    matched, differing = 0, set()
    for _, line in outcomes.iterrows():
        for column, label in zip(GAS_COLUMNS, GAS_LABELS.values(), strict=True):
            found = row(table, measure="gas", doelcategorie=line["key"], category=label)
            assert found["numerator"] == line[f"n_{column}"]
            if abs(Decimal(str(found["value"])) - dec(line[f"pct_{column}"])) > Decimal("0.1"):
                differing.add(line["key"])
        matched += line["key"] not in differing
    assert differing == GAS_KNOWN_DIFFERENCES
    assert matched == len(outcomes) - 3 == 26


@pytest.fixture(scope="module")
def reset() -> PooledData:
    types = read("pea_reset_type_gezinnen.csv").iloc[:6]
    codes = [
        "traditioneel",
        "eenouder",
        "samengesteld_eenouder",
        "samengesteld",
        "samengesteld_in_scheiding",
        "in_scheiding",
    ]
    households = expand(list(zip(codes, types["n"].astype(int), strict=True)))
    ages = read("pea_reset_tabel_4_leeftijdscategorie_kinderen.csv").iloc[:7]
    compositions = (
        expand(list(zip(LEEFTIJDSSAMENSTELLING, ages["aantal_gezinnen"].astype(int), strict=True))) + [None] * 8
    )
    data = Dataset()
    for i, (household, composition) in enumerate(zip(households, compositions, strict=True)):
        family = data.family(
            huishouden_type=household,
            leeftijdssamenstelling=composition,
            jongste_kind_leeftijd=None if composition is None else "0-4",
        )
        if i < 97:  # 97 families with a second trajectory: 485 trajectories (AF-29)
            data.trajectory(family, programma="reset", status="afgesloten", eind_dag=120)
        status = "lopend" if 97 <= i < 97 + 35 else "afgesloten"  # 35 families still in care (DQ-04)
        data.trajectory(
            family,
            programma="reset",
            status=status,
            eerdere_trajecten=int(i < 97),
            eind_dag=None if status == "lopend" else 150,
        )
    return data.pooled()


def test_af29_families_versus_trajectories_and_open_guidance(reset: PooledData) -> None:
    counts = ind_aanmeldingen(reset)
    assert (row(counts, measure="aanmeldingen")["value"], row(counts, measure="unieke_gezinnen")["value"]) == (485, 388)
    quality = ind_datakwaliteit(reset)
    assert (row(quality, measure="DQ-04")["numerator"], row(quality, measure="DQ-04")["denominator"]) == (35, 388)
    assert pct(quality, 1, measure="DQ-04") == Decimal("9.0")


def test_af30_household_types_and_their_groupings(reset: PooledData) -> None:
    printed = read("pea_reset_type_gezinnen.csv").iloc[:6]
    table = ind_kenmerken(reset, kenmerken=["huishouden_l0", "huishouden_l1"])
    detail = rows(table, measure="huishouden_l0")
    assert [pct(detail, 1, category=c) for c in detail["category"]] == [dec(v) for v in printed["pct"]]
    assert row(table, measure="huishouden_l1", category="eenouder")["numerator"] == 131
    assert row(table, measure="huishouden_l1", category="tweeouder")["numerator"] == 257
    assert pct(table, 1, measure="huishouden_l1", category="eenouder") == Decimal("33.8")
    grouped = ind_kenmerken(
        reset,
        kenmerken=["huishouden_l0"],
        mapping={
            "huishouden_l0": {"samengesteld_eenouder": "samengesteld", "samengesteld_in_scheiding": "samengesteld"}
        },
    )
    # Section 7 #12: 69 blended families print as 17.9%; 69/388 = 17.78% -> 17.8.
    assert row(grouped, category="samengesteld")["numerator"] == 69
    assert pct(grouped, 1, category="samengesteld") == Decimal("17.8")
    separating = ind_kenmerken(
        reset, kenmerken=["huishouden_l0"], mapping={"huishouden_l0": {"samengesteld_in_scheiding": "in_scheiding"}}
    )
    assert pct(separating, 1, category="in_scheiding") == Decimal("16.5")


def test_af31_child_age_composition_and_missing_ages(reset: PooledData) -> None:
    printed = read("pea_reset_tabel_4_leeftijdscategorie_kinderen.csv").iloc[:7]
    table = ind_kenmerken(reset, kenmerken=["leeftijdssamenstelling"])
    assert row(table, category="jonge_kinderen")["denominator"] == 380
    assert [pct(table, 1, category=c) for c in table["category"]] == [dec(v) for v in printed["pct"]]
    quality = ind_datakwaliteit(reset)
    assert row(quality, measure="DQ-06")["numerator"] == 8
