"""Presentation of controlled tables (C-8, ANA-07): display strings and the report footer.

``present`` turns a table after disclosure control into strings: counts as whole numbers,
percentages with one decimal (exactly, from whole counts), means with two, all rounded
half-up; suppressed cells get their marker (``<5`` or ``*``). Text a spreadsheet would run as a
formula gets a leading apostrophe. ``footer_for`` says what every output says about itself:
data as-of date, bundles and devices, coverage (ANA-08, with a warning below the threshold)
and the suppression rule. Pure functions, any thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from fractions import Fraction

import pandas as pd

from mpg_desktop.sync.analysis.methods import afronden
from mpg_desktop.sync.analysis.pooled import PooledData
from mpg_desktop.sync.analysis.suppression import MARKERS, group_columns

DECIMALS = {"count": 0, "percent": 1, "mean": 2, "median": 1, "p75": 1, "min": 0, "max": 0, "sd": 2}
DISPLAY_COLUMNS = ("measure", "category", "statistic", "unit", "n", "aantal", "waarde", "n_onbekend", "onderdrukt")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ReportFooter:
    """What every output says about itself (ANA-07)."""

    data_tot_en_met: str
    bundels: int
    apparaten: int
    dekking_procent: str
    dekking_waarschuwing: str
    onderdrukking: str

    def lines(self) -> list[str]:
        return [f"{key}: {value}" for key, value in asdict(self).items()]


def footer_for(
    data: PooledData, *, k: int = 5, staff_min: int = 20, specialist_min: int = 40, coverage_min: float = 70.0
) -> ReportFooter:
    """The footer of a report over ``data``: as-of date, bundles, devices, coverage, suppression rule."""
    bundles = data.bundles
    newest = bundles.sort_values(["device_pid", "device_seq"]).drop_duplicates("device_pid", keep="last")
    scope = newest["families_in_scope"].sum(skipna=True)
    exported = newest["families_exported"].sum(skipna=True)
    coverage = Fraction(int(exported) * 100, int(scope)) if scope else None
    warning = ""
    if coverage is not None and coverage < Fraction(str(coverage_min)):
        warning = f"Dekking onder {coverage_min:g}%: de cijfers gaan alleen over gezinnen die toestemming gaven."
    dates = bundles["data_as_of"].dropna()
    return ReportFooter(
        data_tot_en_met=str(dates.max()) if len(dates) else "",
        bundels=len(bundles),
        apparaten=int(bundles["device_pid"].nunique()),
        dekking_procent="" if coverage is None else str(afronden(coverage, 1)),
        dekking_waarschuwing=warning,
        onderdrukking=(
            f"aantallen 1-{k - 1} als <{k}; percentages en gemiddelden met basis onder {k} als *; "
            f"aanvullend onderdrukt als *; per medewerker alleen bij ten minste {staff_min} gezinnen "
            f"({specialist_min} voor specialisten)"
        ),
    )


def present(table: pd.DataFrame) -> pd.DataFrame:
    """Display strings of a controlled table: group columns, then DISPLAY_COLUMNS (C-8 half-up rounding)."""
    groups = group_columns(table)
    rows = []
    for record in table.to_dict("records"):
        statistic = str(record["statistic"])
        rows.append(
            {
                "indicator_id": record["indicator_id"],
                **{col: _text(record[col]) for col in groups},
                "measure": _text(record["measure"]),
                "category": _text(record["category"]),
                "statistic": statistic,
                "unit": _text(record["unit"]),
                "n": _marked(record["onderdrukt_n"], _integer(record["denominator"])),
                "aantal": _marked(
                    record["onderdrukt"], _integer(record["numerator"]) if statistic in ("count", "percent") else ""
                ),
                "waarde": _marked(record["onderdrukt"], _value(record, statistic)),
                "n_onbekend": _marked(record["onderdrukt_onbekend"], _integer(record["n_unknown"])),
                "onderdrukt": " ".join(r for r in (record["onderdrukt"], record["onderdrukt_n"]) if r),
            }
        )
    return pd.DataFrame(rows, columns=["indicator_id", *groups, *DISPLAY_COLUMNS])


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _text(value: object) -> str:
    if _missing(value):
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _integer(value: object) -> str:
    return "" if _missing(value) else str(int(float(str(value))))


def _marked(reason: str, shown: str) -> str:
    return MARKERS[reason] if reason else shown


def _value(record: Mapping[str, object], statistic: str) -> str:
    value = record["value"]
    if _missing(value):
        return ""
    decimals = DECIMALS.get(statistic, 2)
    numerator, denominator = record["numerator"], record["denominator"]
    if statistic == "percent" and not _missing(numerator) and not _missing(denominator):
        count, base = float(str(numerator)), int(float(str(denominator)))
        if count.is_integer() and base:
            # Percentages from whole counts are rounded exactly, never through a binary float.
            return str(afronden(Fraction(int(count) * 100, base), decimals))
    return str(afronden(float(str(value)), decimals))
