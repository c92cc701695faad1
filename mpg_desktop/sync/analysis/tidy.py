"""The tidy result frame every indicator returns (ANA-02) and the ways to fill it.

Columns, in order: ``indicator_id``, the group columns (``by``), ``measure`` (what is measured),
``category`` (the row of a distribution, missing otherwise), ``statistic`` (``count``,
``percent``, ``mean``, ``median``, ``p75``, ``min``, ``max``; ``sd`` for DQ-10),
``numerator``, ``denominator``, ``n_unknown``, ``value`` and ``unit`` (C-1: aanmelding, gezin,
traject, doel, probleem, medewerker, respondent). Percentages are 0..100.

* ``counts``: value = numerator = number (or summed weight) of rows.
* ``distribution``: one ``percent`` row per category; numerator = rows in the category,
  denominator = rows with a known value (``denominator="known"``) or all rows (``"total"``,
  which adds an ``onbekend`` row); n_unknown = rows with an unknown value (C-3).
* ``share``: the ``percent`` row of one condition being true (missing = unknown).
* ``summary``: mean (numerator = sum), median, p75 ... over the known values; denominator = n.

Nothing is rounded here (C-8 is applied when the report is written). Missing group values
become ``onbekend`` so that they form a group of their own. Pure functions, any thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import pandas as pd

from mpg_desktop.sync.analysis.codes import UNKNOWN

Denominator = Literal["known", "total"]
Statistic = Literal["mean", "median", "p75", "min", "max"]
UNKNOWN_CATEGORY = "onbekend"
RESULT_COLUMNS = ("measure", "category", "statistic", "numerator", "denominator", "n_unknown", "value", "unit")
_DTYPES = {
    "indicator_id": "string",
    "measure": "string",
    "category": "string",
    "statistic": "string",
    "numerator": "Float64",
    "denominator": "Int64",
    "n_unknown": "Int64",
    "value": "Float64",
    "unit": "string",
}
_ALL = "_alle"


def group_columns(table: pd.DataFrame) -> list[str]:
    """The group (breakdown) columns of a result frame."""
    return [col for col in table.columns if col != "indicator_id" and col not in RESULT_COLUMNS]


def _prepare(
    frame: pd.DataFrame, by: Sequence[str], weight: str | None, values: Sequence[str] = ()
) -> tuple[pd.DataFrame, list[str]]:
    # Only the columns needed: copying a wide trajectory frame per call would dominate the cost.
    needed = list(dict.fromkeys([*by, *values, *([weight] if weight else [])]))
    work = frame[needed].copy()
    for col in by:
        if not pd.api.types.is_numeric_dtype(work[col]):
            work[col] = work[col].astype("string").fillna(UNKNOWN_CATEGORY)
    work["_w"] = 1 if weight is None else work[weight].fillna(0).astype("int64")
    if by:
        return work, list(by)
    work[_ALL] = _ALL
    return work, [_ALL]


def _finish(long: pd.DataFrame, by: Sequence[str], indicator_id: str, measure: str, unit: str) -> pd.DataFrame:
    # Built in one go from whole columns: inserting and casting column by column is slow.
    size = len(long)
    constant = {"indicator_id": indicator_id, "measure": measure, "unit": unit}
    columns: dict[str, object] = {col: long[col].to_numpy() for col in by}
    for col in ("indicator_id", *RESULT_COLUMNS):
        if col in constant:
            values: object = [constant[col]] * size
        else:
            values = long[col].to_numpy() if col in long.columns else [pd.NA] * size
        columns[col] = pd.array(values, dtype=_DTYPES[col])
    return pd.DataFrame(columns, index=pd.RangeIndex(size))[["indicator_id", *by, *RESULT_COLUMNS]]


def counts(
    frame: pd.DataFrame,
    *,
    by: Sequence[str] = (),
    indicator_id: str,
    measure: str,
    unit: str,
    weight: str | None = None,
    category: str | None = None,
) -> pd.DataFrame:
    """Number of rows (or summed ``weight``) per group."""
    work, keys = _prepare(frame, by, weight)
    summed = work.groupby(keys, dropna=False, observed=True)["_w"].sum()
    if summed.empty and not by:
        summed = pd.Series([0], index=pd.Index([_ALL], name=_ALL))
    long = summed.rename("numerator").reset_index()
    long["value"] = long["numerator"]
    long["statistic"] = "count"
    long["category"] = category
    long["n_unknown"] = 0
    return _finish(long, by, indicator_id, measure, unit)


def distribution(
    frame: pd.DataFrame,
    column: str,
    *,
    by: Sequence[str] = (),
    indicator_id: str,
    measure: str,
    unit: str,
    categories: Iterable[str] = (),
    denominator: Denominator = "known",
    weight: str | None = None,
    unknown: Iterable[str] = UNKNOWN,
) -> pd.DataFrame:
    """Share of rows per category of ``column`` per group; listed ``categories`` appear even when empty."""
    work, keys = _prepare(frame, by, weight, [column])
    values = work[column].astype("string")
    work["_cat"] = values.mask(values.isna() | values.isin(list(unknown)), UNKNOWN_CATEGORY)
    table = work.groupby([*keys, "_cat"], dropna=False, observed=True)["_w"].sum().unstack("_cat", fill_value=0)
    if table.empty and not by:
        table = pd.DataFrame(index=pd.Index([_ALL], name=_ALL))
    listed = list(categories)
    extra = sorted(str(c) for c in table.columns if c not in listed and c != UNKNOWN_CATEGORY)
    order = listed + extra
    table = table.reindex(columns=[*order, UNKNOWN_CATEGORY], fill_value=0)
    table.columns.name = "_cat"
    known = table[order].sum(axis=1)
    n_unknown = table[UNKNOWN_CATEGORY]
    base = known + n_unknown if denominator == "total" else known
    shown = order + ([UNKNOWN_CATEGORY] if denominator == "total" else [])
    long = table[shown].stack().rename("numerator").reset_index().rename(columns={"_cat": "category"})
    frame_index = long.set_index(keys).index
    long["denominator"] = base.reindex(frame_index).to_numpy()
    long["n_unknown"] = n_unknown.reindex(frame_index).to_numpy()
    long["value"] = (100 * long["numerator"] / long["denominator"]).where(long["denominator"] > 0)
    long["statistic"] = "percent"
    return _finish(long, by, indicator_id, measure, unit)


def share(
    frame: pd.DataFrame,
    condition: pd.Series,
    *,
    by: Sequence[str] = (),
    indicator_id: str,
    measure: str,
    unit: str,
    category: str,
    denominator: Denominator = "known",
    weight: str | None = None,
) -> pd.DataFrame:
    """Share of rows where ``condition`` is true; rows where it is missing count as unknown."""
    flags = condition.astype("boolean")
    work, keys = _prepare(frame, by, weight)
    weights = work["_w"]
    work["_ja"] = weights.where(flags.eq(True).fillna(False).to_numpy(), 0)
    work["_bekend"] = weights.where(flags.notna().to_numpy(), 0)
    sums = work.groupby(keys, dropna=False, observed=True)[["_ja", "_bekend", "_w"]].sum()
    if sums.empty and not by:
        sums = pd.DataFrame({"_ja": [0], "_bekend": [0], "_w": [0]}, index=pd.Index([_ALL], name=_ALL))
    long = sums.reset_index()
    long["numerator"] = long["_ja"]
    long["denominator"] = long["_w"] if denominator == "total" else long["_bekend"]
    long["n_unknown"] = long["_w"] - long["_bekend"]
    long["value"] = (100 * long["numerator"] / long["denominator"]).where(long["denominator"] > 0)
    long["statistic"] = "percent"
    long["category"] = category
    return _finish(long, by, indicator_id, measure, unit)


def summary(
    frame: pd.DataFrame,
    column: str,
    *,
    by: Sequence[str] = (),
    indicator_id: str,
    measure: str,
    unit: str,
    statistics: Sequence[Statistic] = ("mean", "median"),
    category: str | None = None,
) -> pd.DataFrame:
    """Mean, median, P75, min or max of the known values of ``column`` per group."""
    work, keys = _prepare(frame, by, None, [column])
    work["_x"] = pd.to_numeric(work[column]).astype("Float64")
    grouped = work.groupby(keys, dropna=False, observed=True)["_x"]
    stats = pd.DataFrame(
        {
            "sum": grouped.sum(),
            "n": grouped.count(),
            "size": grouped.size(),
            "mean": grouped.mean(),
            "median": grouped.median(),
            "p75": grouped.quantile(0.75),
            "min": grouped.min(),
            "max": grouped.max(),
        }
    )
    if stats.empty and not by:
        stats = pd.DataFrame({"sum": [0.0], "n": [0], "size": [0]}, index=pd.Index([_ALL], name=_ALL))
    parts = []
    for statistic in statistics:
        part = pd.DataFrame(index=stats.index)
        part["numerator"] = stats["sum"] if statistic == "mean" else pd.NA
        part["denominator"] = stats["n"]
        part["n_unknown"] = stats["size"] - stats["n"]
        part["value"] = stats[statistic] if statistic in stats.columns else pd.NA
        part["statistic"] = statistic
        parts.append(part.reset_index())
    long = pd.concat(parts, ignore_index=True)
    long["category"] = category
    return _finish(long, by, indicator_id, measure, unit)


def combine(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Stack result frames of one indicator (group columns may differ; missing ones stay empty)."""
    frames = [part for part in parts if not part.empty]
    if not frames:
        return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in _DTYPES.items()})
    stacked = pd.concat(frames, ignore_index=True)
    groups = [col for col in stacked.columns if col != "indicator_id" and col not in RESULT_COLUMNS]
    return stacked[["indicator_id", *groups, *RESULT_COLUMNS]]
