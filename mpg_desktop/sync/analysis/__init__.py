"""Central analysis of pooled anonymised exports (issue #8; privacy-export-analysis 3, 5, 6).

Flow: ``pool_bundles`` (one ``PooledData`` from the imported bundles' tables: de-duplicated,
tombstones applied) -> ``ind_*`` functions (one per indicator, pure pandas, tidy frames) ->
``apply_disclosure_control`` (small-cell, staff, k, consistency and complementary suppression,
once per report run) -> ``write_report`` (CSV + Parquet + summary, atomically). ``run_report``
does the last three in one call. No Qt; everything here may run on a worker thread.
"""

from mpg_desktop.sync.analysis.ind_context import ind_dekking, ind_kenmerken, retentie
from mpg_desktop.sync.analysis.ind_goals import goal_scores, ind_doelrealisatie
from mpg_desktop.sync.analysis.ind_outcomes import (
    ind_leefgebieden,
    ind_leefgebieden_verandering,
    ind_problemen,
    leefgebied_matrix,
)
from mpg_desktop.sync.analysis.ind_quality import ind_datakwaliteit
from mpg_desktop.sync.analysis.ind_referrals import (
    ind_aanmelder,
    ind_aanmeldingen,
    ind_doorlooptijd_besluit,
    ind_toelating,
)
from mpg_desktop.sync.analysis.ind_staff import ind_caseload, ind_verschillen
from mpg_desktop.sync.analysis.ind_trajectories import (
    ind_doorlooptijd_plan,
    ind_duur,
    ind_resultaat,
    ind_terugkomst,
    ind_uitval,
    ind_verlenging,
)
from mpg_desktop.sync.analysis.indicators import INDICATORS, compute_all
from mpg_desktop.sync.analysis.loading import pool_bundles
from mpg_desktop.sync.analysis.methods import (
    aantal_probleemgebieden,
    combine_scores,
    maanden,
    zelfredzaamheid_afgerond,
    zelfredzaamheid_categorie,
    zelfredzaamheid_gewogen,
)
from mpg_desktop.sync.analysis.pooled import PooledData
from mpg_desktop.sync.analysis.presentation import footer_for, present
from mpg_desktop.sync.analysis.report import run_report, write_report
from mpg_desktop.sync.analysis.schema import TABLES
from mpg_desktop.sync.analysis.suppression import ControlledReport, apply_disclosure_control
from mpg_desktop.sync.analysis.tables import BundleTables, SchemaMismatch, conform, from_imported, parse_table

__all__ = [
    "INDICATORS",
    "TABLES",
    "BundleTables",
    "ControlledReport",
    "PooledData",
    "SchemaMismatch",
    "aantal_probleemgebieden",
    "apply_disclosure_control",
    "combine_scores",
    "compute_all",
    "conform",
    "footer_for",
    "from_imported",
    "goal_scores",
    "ind_aanmelder",
    "ind_aanmeldingen",
    "ind_caseload",
    "ind_datakwaliteit",
    "ind_dekking",
    "ind_doelrealisatie",
    "ind_doorlooptijd_besluit",
    "ind_doorlooptijd_plan",
    "ind_duur",
    "ind_kenmerken",
    "ind_leefgebieden",
    "ind_leefgebieden_verandering",
    "ind_problemen",
    "ind_resultaat",
    "ind_terugkomst",
    "ind_toelating",
    "ind_uitval",
    "ind_verlenging",
    "ind_verschillen",
    "leefgebied_matrix",
    "maanden",
    "parse_table",
    "pool_bundles",
    "present",
    "retentie",
    "run_report",
    "write_report",
    "zelfredzaamheid_afgerond",
    "zelfredzaamheid_categorie",
    "zelfredzaamheid_gewogen",
]
