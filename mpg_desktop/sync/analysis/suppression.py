"""Disclosure control of a report run (SUP-02..05, ANA-03, spec 1.1.7 and 4.7).

``apply_disclosure_control`` runs once over all tables of one report run, in this order:

1. staff thresholds (SUP-05): rows of a staff member (``coach_pid``) whose base is below 20
   families (40 for specialists) are removed: "shown only if";
2. primary suppression (SUP-02): a count of 1-4 is ``<5`` (``klein_aantal``); a percentage,
   mean or other statistic whose base n is 1-4 is ``*`` (``kleine_basis``) and its n ``<5``.
   ``cell_rule="basis"`` keeps only the base rule, as the seed did (AF-32);
3. k re-check on the pooled family table (ANA-03): a breakdown by quasi-identifiers whose
   class has fewer than k families is ``*`` (``k_anonimiteit``);
4. consistency (SUP-03): a group (values of the breakdown columns) that is small in one table
   is ``*`` (``consistentie``) in every table of the run, including finer breakdowns of it;
5. complementary suppression: in every set of cells that adds up to a shown total — the
   categories of one distribution, and the groups along each breakdown column (except
   ``meting_nr``: the same families twice), whose margin is assumed to be published somewhere —
   either no cell is hidden, or at least two are and the
   hidden ones hold at least k persons; else the smallest shown cell is hidden as well
   (``complementair``, shown as ``*``). Relations between different measures are not modelled.

Hidden values become missing; the columns ``onderdrukt`` (value and numerator),
``onderdrukt_n`` (denominator) and ``onderdrukt_onbekend`` (n_unknown) say why. Zero cells
are shown: they describe nobody. Pure function; run on a worker.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from mpg_desktop.sync.analysis.codes import UNKNOWN
from mpg_desktop.sync.analysis.tidy import group_columns as _result_groups

KLEIN = "klein_aantal"
BASIS = "kleine_basis"
K_ANONIEM = "k_anonimiteit"
CONSISTENTIE = "consistentie"
COMPLEMENTAIR = "complementair"
WHOLE_ROW = frozenset({BASIS, K_ANONIEM, CONSISTENTIE})
MARKERS = {KLEIN: "<5", BASIS: "*", K_ANONIEM: "*", CONSISTENTIE: "*", COMPLEMENTAIR: "*"}
REASON_COLUMNS = ("onderdrukt", "onderdrukt_n", "onderdrukt_onbekend")
QUASI_IDENTIFIERS = (
    "gemeente_code",
    "area_code",
    "huishouden_type",
    "huishouden_l0",
    "huishouden_l1",
    "n_kinderen",
    "jongste_kind_leeftijd",
    "ouder_leeftijd",
    "geslacht",
)
PARTITION_STATISTICS = frozenset({"percent"})
# Breakdowns whose groups are the same persons at different moments: their sum is no margin.
REPEATED_GROUPS = frozenset({"meting_nr"})
ADDITIVE_STATISTICS = frozenset({"percent", "count", "mean"})
CellRule = Literal["per_cel", "basis"]


@dataclass(frozen=True)
class DisclosureRules:
    """Thresholds of a report run (configurable, SUP-05)."""

    k: int = 5
    staff_min: int = 20
    specialist_min: int = 40
    specialists: frozenset[str] = field(default_factory=frozenset)
    staff_column: str = "coach_pid"
    cell_rule: CellRule = "per_cel"


@dataclass(frozen=True)
class ControlledReport:
    """The tables after disclosure control and, per table, how many staff rows were removed."""

    tables: dict[str, pd.DataFrame]
    hidden_staff_rows: dict[str, int]


def apply_disclosure_control(
    tables: Mapping[str, pd.DataFrame],
    *,
    k: int = 5,
    staff_min: int = 20,
    specialist_min: int = 40,
    specialists: Collection[str] = (),
    families: pd.DataFrame | None = None,
    cell_rule: CellRule = "per_cel",
) -> ControlledReport:
    """Apply SUP-02..05 and ANA-03 to all tables of one report run (see the module text)."""
    rules = DisclosureRules(k, staff_min, specialist_min, frozenset(specialists), cell_rule=cell_rule)
    out: dict[str, pd.DataFrame] = {}
    hidden: dict[str, int] = {}
    for name, table in tables.items():
        work = _with_reasons(table)
        kept = _staff_threshold(work, rules)
        hidden[name] = len(work) - len(kept)
        kept = _primary(kept, rules)
        if families is not None:
            kept = _k_recheck(kept, families, rules.k)
        out[name] = kept
    small = set().union(*(_small_groups(table, rules.k) for table in out.values())) if out else set()
    out = {name: _consistency(table, small) for name, table in out.items()}
    out = {name: _complementary(table, rules.k) for name, table in out.items()}
    return ControlledReport({name: _blank(table) for name, table in out.items()}, hidden)


def group_columns(table: pd.DataFrame) -> list[str]:
    """The breakdown columns of a (controlled) result table."""
    return [column for column in _result_groups(table) if column not in REASON_COLUMNS]


def _with_reasons(table: pd.DataFrame) -> pd.DataFrame:
    work = table.reset_index(drop=True).copy()
    for column in REASON_COLUMNS:
        work[column] = ""
    return work


def _base(table: pd.DataFrame) -> pd.Series:
    """The number of persons a row is about: the count itself, or the base n of a statistic."""
    is_count = table["statistic"] == "count"
    return table["numerator"].where(is_count, table["denominator"]).astype("Float64")


def _staff_threshold(table: pd.DataFrame, rules: DisclosureRules) -> pd.DataFrame:
    column = rules.staff_column
    if column not in group_columns(table):
        return table
    staff = table[column].astype("string")
    is_staff = staff.notna() & ~staff.isin(list(UNKNOWN))
    minimum = staff.isin(list(rules.specialists)).map({True: rules.specialist_min, False: rules.staff_min})
    too_few = is_staff & (_base(table) < minimum.astype("Float64")).fillna(True)
    return table.loc[~too_few.astype(bool)].reset_index(drop=True)


def _primary(table: pd.DataFrame, rules: DisclosureRules) -> pd.DataFrame:
    k = rules.k
    is_count = table["statistic"] == "count"
    numerator = table["numerator"].astype("Float64")
    denominator = table["denominator"].astype("Float64")
    small_base = (~is_count & (denominator > 0) & (denominator < k)).fillna(False)
    small_cell = ((numerator > 0) & (numerator < k)).fillna(False) & ~small_base
    if rules.cell_rule == "basis":
        small_cell &= False
    table.loc[small_base, "onderdrukt"] = BASIS
    table.loc[small_base, "onderdrukt_n"] = KLEIN
    table.loc[small_cell & (table["onderdrukt"] == ""), "onderdrukt"] = KLEIN
    unknown = table["n_unknown"].astype("Float64")
    if rules.cell_rule == "per_cel":
        table.loc[((unknown > 0) & (unknown < k)).fillna(False), "onderdrukt_onbekend"] = KLEIN
    return table


def _k_recheck(table: pd.DataFrame, families: pd.DataFrame, k: int) -> pd.DataFrame:
    columns = [c for c in group_columns(table) if c in QUASI_IDENTIFIERS and c in families.columns]
    if not columns:
        return table
    sizes = families.groupby([families[c].astype("string") for c in columns], dropna=False).size()
    keys = (
        pd.MultiIndex.from_frame(table[columns].astype("string"))
        if len(columns) > 1
        else table[columns[0]].astype("string")
    )
    size = pd.Series(sizes.reindex(keys).to_numpy(), index=table.index)
    informative = ~table[columns].astype("string").isin(list(UNKNOWN)).any(axis=1) & table[columns].notna().all(axis=1)
    violates = informative & (size.fillna(0) < k)
    return _suppress_rows(table, violates, K_ANONIEM)


def _suppress_rows(table: pd.DataFrame, mask: pd.Series, reason: str) -> pd.DataFrame:
    mask = mask.astype(bool) & ~table["onderdrukt"].isin(WHOLE_ROW)
    table.loc[mask, "onderdrukt"] = reason
    table.loc[mask, "onderdrukt_n"] = reason
    return table


def _group_key(row: pd.Series, columns: list[str]) -> frozenset[tuple[str, str]]:
    return frozenset((c, str(row[c])) for c in columns if not pd.isna(row[c]))


def _small_groups(table: pd.DataFrame, k: int) -> set[frozenset[tuple[str, str]]]:
    """Groups whose largest base in this table is below k, or that failed the k re-check."""
    columns = group_columns(table)
    if not columns or table.empty:
        return set()
    keys = table.apply(lambda row: _group_key(row, columns), axis=1)
    base = _base(table)
    largest = base.groupby(keys).max()
    small = {key for key, value in largest.items() if key and not pd.isna(value) and 0 < value < k}
    small |= {key for key in keys[table["onderdrukt"] == K_ANONIEM] if key}
    return small


def _consistency(table: pd.DataFrame, small: set[frozenset[tuple[str, str]]]) -> pd.DataFrame:
    columns = group_columns(table)
    if not columns or not small or table.empty:
        return table
    keys = table.apply(lambda row: _group_key(row, columns), axis=1)
    mask = keys.map(lambda key: any(group <= key for group in small))
    return _suppress_rows(table, mask, CONSISTENTIE)


def _complementary(table: pd.DataFrame, k: int) -> pd.DataFrame:
    """Hide further cells until no hidden cell can be recovered by subtraction (see module text)."""
    columns = group_columns(table)
    for _ in range(len(table) + 1):
        changed = False
        for rows, remainder in _relations(table, columns):
            changed |= _protect(table, rows, remainder, k)
        if not changed:
            break
    return table


def _relations(table: pd.DataFrame, columns: list[str]) -> list[tuple[pd.Index, float]]:
    """Sets of rows that add up to a total, each with the part of the total no row shows."""
    relations: list[tuple[pd.Index, float]] = []
    filled = table.assign(**{c: table[c].astype("string").fillna("\x00") for c in [*columns, "category", "measure"]})
    partition = filled.loc[filled["statistic"].isin(PARTITION_STATISTICS)]
    for _, rows in partition.groupby(["measure", "statistic", *columns], sort=False):
        total = rows["denominator"].astype("Float64").max()
        shown = rows["numerator"].astype("Float64").sum()
        remainder = float(total - shown) if not pd.isna(total) else 0.0
        relations.append((rows.index, remainder))
    additive = filled.loc[filled["statistic"].isin(ADDITIVE_STATISTICS)]
    for column in (c for c in columns if c not in REPEATED_GROUPS):
        others = [c for c in columns if c != column]
        for _, rows in additive.groupby(["measure", "statistic", "category", *others], sort=False):
            if len(rows) > 1:
                relations.append((rows.index, 0.0))
    return relations


def _protect(table: pd.DataFrame, rows: pd.Index, remainder: float, k: int) -> bool:
    reasons = table.loc[rows, "onderdrukt"]
    hidden = rows[reasons != ""]
    shown = rows[reasons == ""]
    if len(hidden) == 0 or len(shown) == 0:
        return False
    sizes = _size(table.loc[hidden])
    # An unpublished remainder of the total is one more hidden cell.
    count = len(hidden) + (1 if remainder > 0 else 0)
    if count >= 2 and float(sizes.sum()) + max(remainder, 0.0) >= k:
        return False
    candidates = _size(table.loc[shown])
    positive = candidates[candidates > 0]
    if positive.empty:
        return False
    table.loc[positive.idxmin(), "onderdrukt"] = COMPLEMENTAIR
    return True


def _size(rows: pd.DataFrame) -> pd.Series:
    """Persons behind a cell: its count for counts and percentages, its base for other statistics."""
    whole = rows["onderdrukt"].isin(WHOLE_ROW) | ~rows["statistic"].isin({"count", "percent"})
    return rows["numerator"].where(~whole, rows["denominator"]).astype("Float64").fillna(0)


def _blank(table: pd.DataFrame) -> pd.DataFrame:
    out = table.copy()
    hide_value = out["onderdrukt"] != ""
    out.loc[hide_value, ["numerator", "value"]] = pd.NA
    out.loc[out["onderdrukt_n"] != "", "denominator"] = pd.NA
    out.loc[out["onderdrukt_onbekend"] != "", "n_unknown"] = pd.NA
    return out
