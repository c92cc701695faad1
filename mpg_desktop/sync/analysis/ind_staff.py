"""Organisation indicators: IND-13 caseload and IND-14 differences per team and per staff member.

Staff members appear only as ``coach_pid`` pseudonyms; whether a breakdown per staff member may
be shown is decided by the disclosure control (SUP-05), not here. Pure functions; run on a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

from mpg_desktop.sync.analysis import codes, tidy
from mpg_desktop.sync.analysis.ind_referrals import Source, ind_toelating
from mpg_desktop.sync.analysis.ind_trajectories import ind_resultaat
from mpg_desktop.sync.analysis.pooled import FAMILY_KEY, PooledData
from mpg_desktop.sync.analysis.selection import Period

Level = Literal["team", "medewerker"]
LEVEL_COLUMN = {"team": "team_code", "medewerker": "coach_pid"}


def ind_caseload(data: PooledData, *, by: Sequence[str] = ()) -> pd.DataFrame:
    """IND-13: families in ongoing guidance per coach, and mean, minimum and maximum over coaches.

    The reference date is each bundle's ``data_as_of``: a trajectory is active when its
    status in the newest export is ``lopend`` (the export has no calendar dates to count on
    another day). Units: gezin (per coach), medewerker (over coaches).
    """
    trajectories = data.trajectories
    active = trajectories.loc[trajectories["status"] == codes.LOPEND]
    per_coach = active.drop_duplicates([*FAMILY_KEY, "coach_pid"])
    keys = [*by, "coach_pid"]
    counts = tidy.counts(per_coach, by=keys, indicator_id="IND-13", measure="actieve_gezinnen", unit="gezin")
    coaches = counts.rename(columns={"value": "_caseload"})
    over = tidy.summary(
        coaches,
        "_caseload",
        by=by,
        statistics=("mean", "min", "max"),
        indicator_id="IND-13",
        measure="caseload",
        unit="medewerker",
    )
    return tidy.combine([counts, over])


def ind_verschillen(
    data: PooledData,
    *,
    niveau: Level = "team",
    period: Period = None,
    source: Source | None = None,
    denominator: tidy.Denominator = "known",
) -> pd.DataFrame:
    """IND-14: IND-03 (admission) and IND-08 (result, ongoing excluded as in Tabel B2.2) per team or staff member.

    Admission per team comes from the referral aggregate by default (complete); per staff
    member only records know the coach, so ``source`` defaults to ``records`` there.
    """
    column = LEVEL_COLUMN[niveau]
    chosen: Source = source or ("aggregate" if niveau == "team" else "records")
    admission = ind_toelating(data, period=period, by=[column], source=chosen, denominator=denominator)
    result = ind_resultaat(data, period=period, by=[column], exclude_ongoing=True, denominator=denominator)
    return tidy.combine([admission, result]).assign(indicator_id="IND-14")
