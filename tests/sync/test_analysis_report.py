"""Writing a report run: exactly the expected files, deterministic, atomic, owner-only, suppressed."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from mpg_desktop.sync.analysis import (
    ControlledReport,
    PooledData,
    apply_disclosure_control,
    footer_for,
    presentation,
    run_report,
    write_report,
)
from mpg_desktop.sync.analysis import report as report_module
from mpg_desktop.sync.analysis.indicators import compute_all
from mpg_desktop.sync.analysis.presentation import ReportFooter
from tests.sync.test_analysis_support import Dataset

TABLES = [
    "ANA-08_dekking",
    "IND-01_aanmeldingen",
    "IND-02_aanmelder",
    "IND-03_toelating",
    "IND-04_doorlooptijd_besluit",
    "IND-05_doorlooptijd_plan",
    "IND-06_duur",
    "IND-07_verlenging",
    "IND-08_resultaat",
    "IND-09_uitval",
    "IND-10_terugkomst",
    "IND-11_leefgebieden",
    "IND-11_problemen",
    "IND-11_verandering",
    "IND-12_doelrealisatie",
    "IND-13_caseload",
    "IND-14_medewerker",
    "IND-14_team",
    "IND-15_datakwaliteit",
    "IND-16_kenmerken",
]


@pytest.fixture(scope="module")
def pooled() -> PooledData:
    data = Dataset()
    for i in range(40):
        status = ("lopend", "afgesloten", "afgesloten", "afgewezen")[i % 4]
        traj = data.trajectory(
            data.family(huishouden_type="eenouder" if i % 8 else "in_scheiding"),
            status=status,
            resultaat="geslaagd" if status == "afgesloten" else None,
            eind_dag=200 + i if status == "afgesloten" else None,
            team_code=f"T{i % 3}",
            coach_pid=f"M{i % 2}",
        )
        for meting in (0, 1):
            data.score(traj, meting, "inkomen", 2 + meting)
    data.aggregate(31, besluit="go")
    data.aggregate(3, besluit="no_go", afwijsreden="te_zwaar")  # a small cell
    data.aggregate(6, besluit="no_go", afwijsreden="te_licht")
    return data.pooled(families_in_scope=60, families_exported=40, data_as_of="2024-03-01")


@pytest.fixture(scope="module")
def written(pooled: PooledData, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """One report run through the public one-call path, shared by the tests that read its files."""
    folder = tmp_path_factory.mktemp("run") / "rapport"
    return folder, run_report(pooled, folder)


@pytest.fixture(scope="module")
def controlled(pooled: PooledData) -> tuple[ControlledReport, ReportFooter]:
    return apply_disclosure_control(compute_all(pooled), families=pooled.families), footer_for(pooled)


def test_report_writes_exactly_the_expected_files(written: tuple[Path, list[Path]]) -> None:
    folder, files = written
    expected = sorted([f"{t}.csv" for t in TABLES] + [f"{t}.parquet" for t in TABLES] + ["samenvatting.csv"])
    assert sorted(p.name for p in folder.iterdir()) == expected
    assert [p.name for p in files] == expected
    assert [p.name for p in folder.parent.iterdir()] == ["rapport"]  # no staging folder left
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}


def test_csv_shows_display_values_and_the_footer(written: tuple[Path, list[Path]]) -> None:
    text = (written[0] / "IND-03_toelating.csv").read_text(encoding="utf-8")
    table = pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)
    assert list(table.columns[-9:]) == [
        "measure",
        "category",
        "statistic",
        "unit",
        "n",
        "aantal",
        "waarde",
        "n_onbekend",
        "onderdrukt",
    ]
    rejected = table.loc[(table["measure"] == "afwijsreden") & (table["category"] == "te_zwaar")]
    assert rejected["aantal"].tolist() == ["<5"]
    admitted = table.loc[table["category"] == "in_begeleiding"].iloc[0]
    assert (admitted["aantal"], admitted["n"], admitted["waarde"]) == ("31", "40", "77.5")
    footer = [line for line in text.splitlines() if line.startswith("# ")]
    assert "# data_tot_en_met: 2024-03-01" in footer
    assert "# dekking_procent: 66.7" in footer
    assert any(line.startswith("# dekking_waarschuwing: Dekking onder 70%") for line in footer)
    assert any("<5" in line for line in footer if line.startswith("# onderdrukking"))


def test_parquet_holds_numbers_with_suppressed_cells_missing(written: tuple[Path, list[Path]]) -> None:
    parquet = pq.read_table(written[0] / "IND-03_toelating.parquet")
    frame = parquet.to_pandas()
    small = frame.loc[frame["category"] == "te_zwaar"].iloc[0]
    assert pd.isna(small["numerator"]) and small["onderdrukt"] == "klein_aantal"
    assert frame.loc[frame["category"] == "in_begeleiding", "numerator"].iloc[0] == 31
    assert json.loads(parquet.schema.metadata[b"mpg_footer"])["bundels"] == 1


def test_same_input_gives_the_same_bytes(
    controlled: tuple[ControlledReport, ReportFooter], written: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    write_report(controlled[0], tmp_path / "again", footer=controlled[1])  # computed a second time
    for name in sorted(p.name for p in written[0].iterdir()):
        assert (tmp_path / "again" / name).read_bytes() == (written[0] / name).read_bytes(), name


def test_summary_lists_every_table_with_its_suppressed_cells(written: tuple[Path, list[Path]]) -> None:
    summary = pd.read_csv(written[0] / "samenvatting.csv", comment="#").set_index("tabel")
    assert sorted(summary.index) == TABLES
    assert summary.loc["IND-03_toelating", "onderdrukte_cellen"] >= 1
    assert summary.loc["IND-14_medewerker", "verborgen_medewerkerrijen"] > 0  # 20 families per coach needed


def test_rewriting_replaces_the_old_report_and_a_failure_keeps_it(
    controlled: tuple[ControlledReport, ReportFooter], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report, footer = controlled
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "oud.csv").write_text("oud")
    write_report(report, folder, footer=footer)
    assert not (folder / "oud.csv").exists() and (folder / "samenvatting.csv").exists()
    before = sorted(p.name for p in folder.iterdir())

    def broken(path: Path, content: bytes) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(report_module, "_write_private", broken)
    with pytest.raises(OSError, match="schijf vol"):
        write_report(report, folder, footer=footer)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_unsafe_table_name_is_refused(controlled: tuple[ControlledReport, ReportFooter], tmp_path: Path) -> None:
    report, footer = controlled
    unsafe = ControlledReport({"../weg": report.tables["IND-01_aanmeldingen"]}, {})
    with pytest.raises(ValueError, match="bestandsnaam"):
        write_report(unsafe, tmp_path / "r", footer=footer)
    assert not (tmp_path / "r").exists()


def test_text_that_a_spreadsheet_would_run_is_defused() -> None:
    assert presentation._text("=SOM(A1)") == "'=SOM(A1)"
    assert presentation._text("team_noord") == "team_noord"
