"""The bundle allowlist of the export, version 1.0.0: the analysis schema (4.4) as a ``BundleSchema``.

Optional columns that are off by default (AVG-01: ``ouder_leeftijd``, ``geslacht``,
``inkomensbron``, ``netwerk_omvang``, ``familiegroepsplan``) are left out of the allowlist, so
they can never leave the laptop; the analysis adds them as all-missing.
"""

from __future__ import annotations

from mpg_desktop.sync.analysis.schema import TABLES
from mpg_desktop.sync.bundle_schema import BundleSchema, SchemaVersion, TableSpec

SCOPE_COUNT_KEYS = ("families_in_scope", "excluded_no_consent", "special_withheld")
_COUNT_KEYS = {
    "families": "families_exported",
    "trajectories": "trajectories",
    "phase_events": "phase_events",
    "leefgebied_scores": "leefgebied_scores",
    "goals": "goals",
    "goal_evaluations": "goal_evaluations",
    "tombstones": "tombstones",
    "referral_aggregates": "referral_aggregate_rows",
}

EXPORT_SCHEMA = BundleSchema(
    SchemaVersion(1, 0, 0),
    tuple(
        TableSpec(name, tuple(c.name for c in table.columns if not c.optional), _COUNT_KEYS[name])
        for name, table in TABLES.items()
    ),
    SCOPE_COUNT_KEYS,
)
