"""IND-16 family characteristics, ANA-08 coverage and a retention helper.

Characteristics are read from the pooled family table, one row per family. Household type can
be counted at level L1 (``huishouden_l1``: eenouder / tweeouder, every bundle has it) or L0
(``huishouden_l0``: the six types; families from bundles generalised to L1 count as unknown).
Country of birth and ethnicity are never recorded (AVG-02), so they are not offered.
Pure functions; run on a worker.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import pandas as pd

from mpg_desktop.sync.analysis import codes, tidy
from mpg_desktop.sync.analysis.pooled import FAMILY_KEY, PooledData
from mpg_desktop.sync.analysis.selection import Period, trajectory_frame

DEFAULT_CHARACTERISTICS = ("huishouden_l1", "n_kinderen", "jongste_kind_leeftijd", "leeftijdssamenstelling")
KNOWN_ORDER: dict[str, Sequence[str]] = {
    "huishouden_l0": codes.HUISHOUDEN_L0,
    "huishouden_type": codes.HUISHOUDEN_L0,
    "huishouden_l1": ("eenouder", "tweeouder"),
    "n_kinderen": ("1", "2", "3", "4", "5+", "1-2", "3+"),
    "jongste_kind_leeftijd": ("0-4", "5-12", "13-17", "18+", "0-12", "13+"),
    "leeftijdssamenstelling": codes.LEEFTIJDSSAMENSTELLING,
}


def ind_kenmerken(
    data: PooledData,
    *,
    kenmerken: Sequence[str] = DEFAULT_CHARACTERISTICS,
    mapping: Mapping[str, Mapping[str, str]] | None = None,
    period: Period = None,
    by: Sequence[str] = (),
    denominator: tidy.Denominator = "known",
) -> pd.DataFrame:
    """IND-16: distribution of each family characteristic (``measure`` = the column).

    ``mapping`` regroups the codes of a characteristic (e.g. the three blended household types
    into one); unmapped codes stay as they are. With ``period`` only families with a referral in
    that period count. Unit: family; rates on known or total denominators (C-3).
    """
    families = data.families
    if period is not None:
        referred = trajectory_frame(data, period=period)[FAMILY_KEY].drop_duplicates()
        families = families.merge(referred, on=FAMILY_KEY, how="inner")
    parts = []
    for column in kenmerken:
        values = families[column].astype("string")
        regroup = (mapping or {}).get(column)
        if regroup:
            values = values.map(lambda code, table=regroup: table.get(code, code) if isinstance(code, str) else code)
        frame = families.assign(_kenmerk=values.astype("string"))
        order = list(dict.fromkeys((regroup or {}).get(code, code) for code in KNOWN_ORDER.get(column, ())))
        present = set(frame["_kenmerk"].dropna())
        parts.append(
            tidy.distribution(
                frame,
                "_kenmerk",
                by=by,
                categories=[c for c in order if c in present],
                denominator=denominator,
                indicator_id="IND-16",
                measure=column,
                unit="gezin",
            )
        )
    return tidy.combine(parts)


def ind_dekking(data: PooledData, *, by_programma: bool = True) -> pd.DataFrame:
    """ANA-08: families exported at record level / families in scope, from the newest bundle of each device.

    Consent-based data are selective, so the report warns below a threshold (``report``).
    Per programme only where a bundle covers one programme set; the group is that set.
    """
    bundles = data.bundles.sort_values(["device_pid", "device_seq"]).drop_duplicates("device_pid", keep="last")
    bundles = bundles.loc[bundles["families_in_scope"].notna() & bundles["families_exported"].notna()]
    by = ["programmas"] if by_programma else []
    scope = tidy.counts(
        bundles, by=by, weight="families_in_scope", indicator_id="ANA-08", measure="dekking", unit="gezin"
    )
    exported = tidy.counts(
        bundles, by=by, weight="families_exported", indicator_id="ANA-08", measure="dekking", unit="gezin"
    )
    result = scope.assign(
        category="op_recordniveau",
        statistic="percent",
        denominator=scope["numerator"].astype("Int64"),
        numerator=exported["numerator"],
        value=(100 * exported["numerator"] / scope["numerator"]).where(scope["numerator"] > 0),
    )
    return result


def retentie(
    stappen: Sequence[tuple[str, int]], *, indicator_id: str = "ANA-08", unit: str = "respondent"
) -> pd.DataFrame:
    """Retention from each step to the next (e.g. supplied -> valid -> second measurement), category = later step."""
    rows = [
        {"category": later, "numerator": n_later, "denominator": n_earlier}
        for (_, n_earlier), (later, n_later) in itertools.pairwise(stappen)
    ]
    frame = pd.DataFrame(rows, columns=["category", "numerator", "denominator"])
    frame["value"] = 100 * frame["numerator"] / frame["denominator"]
    frame.insert(0, "indicator_id", indicator_id)
    frame.insert(1, "measure", "retentie")
    frame.insert(3, "statistic", "percent")
    frame["n_unknown"] = 0
    frame["unit"] = unit
    return frame[["indicator_id", *tidy.RESULT_COLUMNS]].astype(
        {"numerator": "Float64", "denominator": "Int64", "n_unknown": "Int64", "value": "Float64"}
    )
