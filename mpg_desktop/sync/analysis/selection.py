"""Which rows an indicator counts: referral period and trajectory selection (C-2).

``aanmeld_periode`` arrives at the level the k-gate chose: ``YYYY-MM``, ``YYYY-Qn``, ``YYYY``
or ``*`` (4.6). ``period_parts`` derives year, quarter and month where the value is that fine;
a coarser value leaves the finer parts missing. A period filter keeps the referrals known to lie
inside the period and drops those whose period is too coarse to tell.
Trajectories of one family are ordered by ``eerdere_trajecten`` (earlier trajectories in the
organisation), then by period and pseudonym, so ``first`` and ``last`` are deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import pandas as pd

from mpg_desktop.sync.analysis.pooled import FAMILY_KEY

if TYPE_CHECKING:
    from mpg_desktop.sync.analysis.pooled import PooledData

TrajectorySelection = Literal["first", "last", "all"]
Period = str | Sequence[str] | None

_YEAR = re.compile(r"\d{4}")
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def period_parts(periods: pd.Series) -> pd.DataFrame:
    """``aanmeld_jaar``, ``aanmeld_kwartaal`` and ``aanmeld_maand`` (strings, missing where unknown)."""
    text = periods.astype("string")
    year = text.str.extract(r"^(\d{4})", expand=False).astype("string")
    month = text.where(text.str.fullmatch(_MONTH.pattern).fillna(False)).astype("string")
    month_number = pd.to_numeric(month.str.slice(5, 7)).astype("Int64")
    from_month = year + "-Q" + ((month_number - 1) // 3 + 1).astype("string")
    quarter = text.where(text.str.fullmatch(_QUARTER.pattern).fillna(False)).astype("string").fillna(from_month)
    return pd.DataFrame(
        {"aanmeld_jaar": year, "aanmeld_kwartaal": quarter, "aanmeld_maand": month}, index=periods.index
    )


def in_period(frame: pd.DataFrame, period: Period) -> pd.Series:
    """True for rows whose referral is known to fall in ``period`` (a year, quarter or month, or several)."""
    if period is None:
        return pd.Series(True, index=frame.index)
    wanted = [period] if isinstance(period, str) else list(period)
    keep = pd.Series(False, index=frame.index)
    for value in wanted:
        keep |= frame[_period_column(value)].eq(value).fillna(False).astype(bool)
    return keep


def _period_column(value: str) -> str:
    if _YEAR.fullmatch(value):
        return "aanmeld_jaar"
    if _QUARTER.fullmatch(value):
        return "aanmeld_kwartaal"
    if _MONTH.fullmatch(value):
        return "aanmeld_maand"
    raise ValueError(f"periode {value!r}: gebruik JJJJ, JJJJ-Qn of JJJJ-MM")


def order_trajectories(frame: pd.DataFrame) -> pd.DataFrame:
    """Trajectories sorted per family from first to last (stable, deterministic)."""
    ordered = frame.assign(_volgorde=frame["eerdere_trajecten"].fillna(-1)).sort_values(
        [*FAMILY_KEY, "_volgorde", "aanmeld_periode", "traj_pid"], kind="mergesort", na_position="first"
    )
    return ordered.drop(columns="_volgorde")


def select_trajectories(frame: pd.DataFrame, selection: TrajectorySelection) -> pd.DataFrame:
    """The first, the last or all trajectories of each family (C-2)."""
    if selection == "all":
        return frame
    keep = "first" if selection == "first" else "last"
    return order_trajectories(frame).drop_duplicates(FAMILY_KEY, keep=keep)


def trajectory_frame(
    data: PooledData, *, period: Period = None, selection: TrajectorySelection = "all"
) -> pd.DataFrame:
    """Trajectories with family attributes, referred in ``period``, then selected per family."""
    frame = data.trajectories_with_family()
    return select_trajectories(frame.loc[in_period(frame, period)], selection).reset_index(drop=True)
