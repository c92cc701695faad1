"""Netwerkkracht, Rotterdam (seed 003): AF-21..AF-23, the Netwerkkracht variant of IND-11.

Problems are domains scored 1-3; severity 1 (light) .. 3 (very serious) is 4 - score. The
respondent groups are EKC and WT (``programma``); the seed's first and second measurement are
metingen 0 and 1.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from mpg_desktop.sync.analysis import apply_disclosure_control, ind_problemen, present, retentie
from mpg_desktop.sync.analysis.codes import LEEFGEBIEDEN
from mpg_desktop.sync.analysis.tidy import distribution
from tests.sync.test_analysis_support import Dataset, dec, expand, pct, read, row, shown

# (respondents, severity counts light / serious / very serious) per group and meting (AF-23 [Derived]).
BUILD = {
    ("EKC", 0): (55, (74, 207, 60)),  # 341 problems: 6.2 per respondent, severity 668/341 = 1.96
    ("EKC", 1): (45, (100, 29, 10)),  # 139 problems: 3.1, severity 188/139 = 1.35
    ("WT", 0): (60, (88, 132, 50)),  # 270 problems: 4.5, severity 502/270 = 1.86
    ("WT", 1): (45, (98, 31, 10)),  # 139 problems: 3.1, severity 190/139 = 1.37
}


def _problems_dataset() -> Dataset:
    data = Dataset()
    for (group, meting), (respondents, severity) in BUILD.items():
        trajs = [f"T{group}{i:03d}" for i in range(respondents)]
        if meting == 0:
            for traj in trajs:
                data.trajectory(data.family(), traj, programma=group)
        scores = expand([(3, severity[0]), (2, severity[1]), (1, severity[2])])
        # Deal the problems round the respondents; every other domain is scored 4 or 5.
        cells: dict[str, list[int]] = {traj: [] for traj in trajs}
        for index, score in enumerate(scores):
            cells[trajs[index % respondents]].append(score)
        for traj, problems in cells.items():
            padded = problems + [4 + (i % 2) for i in range(len(LEEFGEBIEDEN) - len(problems))]
            for domain, score in zip(LEEFGEBIEDEN, padded, strict=True):
                data.score(traj, meting, domain, score)
    return data


def test_af23_mean_number_and_severity_of_problems() -> None:
    table = ind_problemen(_problems_dataset().pooled(), by=["programma"])
    expected = {
        ("EKC", 0): ("6.2", "1.96"),
        ("EKC", 1): ("3.1", "1.35"),
        ("WT", 0): ("4.5", "1.86"),
        ("WT", 1): ("3.1", "1.37"),
    }
    for (group, meting), (count, severity) in expected.items():
        number = row(table, programma=group, meting_nr=meting, measure="aantal_problemen")
        assert number["denominator"] == BUILD[(group, meting)][0]
        assert shown(number["value"], 1) == Decimal(count)
        assert shown(row(table, programma=group, meting_nr=meting, measure="ernst")["value"], 2) == Decimal(severity)


def _improvement() -> pd.DataFrame:
    categories = ["bijgekomen", "erger", "geen_verbetering", "enigszins", "duidelijk", "opgelost"]
    counts = {"EKC": [1, 2, 7, 5, 26, 4], "WT": [3, 1, 7, 14, 17, 3]}  # AF-21 [Derived]
    rows = [
        {"groep": group, "verbetering": category}
        for group, values in counts.items()
        for category, n in zip(categories, values, strict=True)
        for _ in range(n)
    ]
    frame = pd.DataFrame(rows)
    by_group = distribution(
        frame,
        "verbetering",
        by=["groep"],
        categories=categories,
        indicator_id="IND-11",
        measure="verbetering",
        unit="respondent",
    )
    total = distribution(
        frame, "verbetering", categories=categories, indicator_id="IND-11", measure="verbetering", unit="respondent"
    )
    return pd.concat([by_group, total.assign(groep="totaal")], ignore_index=True)


def test_af21_perceived_improvement_percentages() -> None:
    printed = read("pea_netwerkkracht_tabel_3_2_verbetering_problemen.csv").iloc[:6]
    table = _improvement()
    categories = ["bijgekomen", "erger", "geen_verbetering", "enigszins", "duidelijk", "opgelost"]
    for category, (_, line) in zip(categories, printed.iterrows(), strict=True):
        assert pct(table, groep="EKC", category=category) == dec(line["ekc_pct"])
        assert pct(table, groep="WT", category=category) == dec(line["wt_pct"])
        assert pct(table, groep="totaal", category=category) == dec(line["totaal_pct"])


def test_af21_cells_of_one_to_four_persons_display_as_less_than_five() -> None:
    frame = _improvement()
    controlled = apply_disclosure_control({"groups": frame.loc[frame["groep"] != "totaal"]}).tables["groups"]
    display = present(controlled)
    small = display.loc[display["waarde"] == "<5"]
    assert sorted(zip(small["groep"], small["category"], strict=True)) == sorted(
        [
            ("EKC", "bijgekomen"),
            ("EKC", "erger"),
            ("EKC", "opgelost"),
            ("WT", "bijgekomen"),
            ("WT", "erger"),
            ("WT", "opgelost"),
        ]
    )
    assert set(display.loc[display["waarde"] != "<5", "waarde"]) >= {"57.8", "37.8"}


def test_af22_respondent_flow_retention() -> None:
    ekc = retentie([("aangeleverd", 84), ("geldig", 55), ("tweede_meting", 45)])
    wt = retentie([("aangeleverd", 72), ("geldig", 60), ("tweede_meting", 45)])
    assert [pct(ekc, 1, category=c) for c in ("geldig", "tweede_meting")] == [Decimal("65.5"), Decimal("81.8")]
    assert [pct(wt, 1, category=c) for c in ("geldig", "tweede_meting")] == [Decimal("83.3"), Decimal("75.0")]
