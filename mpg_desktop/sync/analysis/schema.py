"""The columns of the exported tables (privacy-export-analysis 4.4), as data.

One ``TableSchema`` per CSV of a bundle, schema version 1.0.0. Columns are in the order the
export writes them (EXP-23). ``kind`` says how the analysis types a column:

* ``str``  codes and pseudonyms (pandas ``string``; empty = missing),
* ``int``  day offsets, counts, scores (pandas ``Int64``; empty = missing),
* ``flag`` 0/1 (pandas ``Int64``),
* ``time`` ``row_version``, an ISO 8601 UTC timestamp (``datetime64[ns, UTC]``).

``optional`` columns may be absent from a bundle (organisation settings, spec 4.4.1); they are
then added as all-missing so every pooled frame has the same columns. ``key`` is the merge key
of IMP-13 (without ``pseudonym_key_id``, which the loader adds to every key).
Pure data, importable from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

ColumnKind = Literal["str", "int", "flag", "time"]

PANDAS_DTYPES: dict[ColumnKind, str] = {
    "str": "string",
    "int": "Int64",
    "flag": "Int64",
    "time": "datetime64[ns, UTC]",
}


@dataclass(frozen=True)
class Column:
    """One exported column."""

    name: str
    kind: ColumnKind = "str"
    optional: bool = False


@dataclass(frozen=True)
class TableSchema:
    """One exported table: file name, columns in export order, IMP-13 merge key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def required(self) -> frozenset[str]:
        return frozenset(column.name for column in self.columns if not column.optional)

    def dtypes(self) -> dict[str, str]:
        """Column name -> pandas dtype string."""
        return {column.name: PANDAS_DTYPES[column.kind] for column in self.columns}


def _cols(spec: str) -> tuple[Column, ...]:
    """Columns from a compact spec 'name:kind?' (kind defaults to str, '?' marks optional)."""
    columns = []
    for token in spec.split():
        optional = token.endswith("?")
        name, _, kind = token.rstrip("?").partition(":")
        if (kind or "str") not in PANDAS_DTYPES:
            raise ValueError(f"unknown column kind in {token!r}")
        columns.append(Column(name, cast(ColumnKind, kind or "str"), optional))
    return tuple(columns)


FAMILIES = TableSchema(
    "families",
    _cols(
        "family_pid area_code in_doelgebied:flag gemeente_code huishouden_type n_kinderen "
        "jongste_kind_leeftijd leeftijdssamenstelling ouder_leeftijd? geslacht? inkomensbron? "
        "netwerk_omvang? row_version:time"
    ),
    key=("family_pid",),
)

TRAJECTORIES = TableSchema(
    "trajectories",
    _cols(
        "traj_pid family_pid programma org_code team_code coach_pid aanmeld_periode aanmelder_type "
        "besluit besluit_dag:int afwijsreden eerste_contact_dag:int intake_dag:int plan_concept_dag:int "
        "plan_getekend_dag:int plan_getekend_door n_verlengingen:int eind_dag:int einddatum_ontbreekt:flag "
        "status afsluitreden resultaat uitval_fase nazorg_start_dag:int nazorg_eind_dag:int vervolg "
        "financiering kader jeugdbescherming:flag familiegroepsplan:flag? eerdere_trajecten:int row_version:time"
    ),
    key=("traj_pid",),
)

PHASE_EVENTS = TableSchema(
    "phase_events",
    _cols("traj_pid event dag:int volgnr:int"),
    key=("traj_pid", "event", "volgnr"),
)

LEEFGEBIED_SCORES = TableSchema(
    "leefgebied_scores",
    _cols("traj_pid meting_nr:int dag:int leefgebied score:int bron withheld:flag"),
    # IMP-13 keys on traj_pid+meting_nr+leefgebied; the source is added so that rows of two
    # sources (gezin, dossier) of one domain are both kept and can be combined (C-7).
    key=("traj_pid", "meting_nr", "leefgebied", "bron"),
)

GOALS = TableSchema(
    "goals",
    _cols("goal_pid traj_pid leefgebied doelcategorie gesteld_dag:int"),
    key=("goal_pid",),
)

GOAL_EVALUATIONS = TableSchema(
    "goal_evaluations",
    _cols("goal_pid periode_nr:int dag:int score_client:int score_coach:int score_netwerk:int score_gecombineerd:int"),
    key=("goal_pid", "periode_nr"),
)

TOMBSTONES = TableSchema(
    "tombstones",
    _cols("family_pid reden vanaf_maand"),
    key=("family_pid",),
)

REFERRAL_AGGREGATES = TableSchema(
    "referral_aggregates",
    _cols(
        "aanmeld_kwartaal gemeente_code team_code programma aanmelder_type besluit afwijsreden "
        "huishouden_bekend:flag n:int"
    ),
    key=(
        "aanmeld_kwartaal",
        "gemeente_code",
        "team_code",
        "programma",
        "aanmelder_type",
        "besluit",
        "afwijsreden",
        "huishouden_bekend",
    ),
)

TABLES: dict[str, TableSchema] = {
    schema.name: schema
    for schema in (
        FAMILIES,
        TRAJECTORIES,
        PHASE_EVENTS,
        LEEFGEBIED_SCORES,
        GOALS,
        GOAL_EVALUATIONS,
        TOMBSTONES,
        REFERRAL_AGGREGATES,
    )
}

# Tables whose rows belong to one trajectory and are replaced as a set with it (IMP-13).
TRAJECTORY_CHILDREN = ("phase_events", "leefgebied_scores", "goals")

# Columns the loader adds to every pooled row (ANA-01 and provenance for the merge).
PROVENANCE_COLUMNS: dict[str, str] = {
    "pseudonym_key_id": "string",
    "bundle_id": "string",
    "device_pid": "string",
    "device_seq": "Int64",
}
