"""Generalisation rules of the export (privacy-export-analysis 4.6, Appendix B.6/B.7): pure functions.

Every hierarchy is nested (EXP-44): each coarser value is the union of finer ones. ``*`` means
"generalised away". Ages are in completed years at the referral date (EXP-41).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

SUPPRESSED = "*"

# Household type (B.6): L0 code -> L1 code.
HUISHOUDEN_L1 = {
    "traditioneel": "tweeouder",
    "eenouder": "eenouder",
    "samengesteld_eenouder": "eenouder",
    "samengesteld": "tweeouder",
    "samengesteld_in_scheiding": "tweeouder",
    "in_scheiding": "tweeouder",
    "onbekend": "onbekend",
}
N_KINDEREN_L1 = {"0": "0", "1": "1-2", "2": "1-2", "3": "3+", "4": "3+", "5+": "3+"}
JONGSTE_KIND_L1 = {"0-4": "0-12", "5-12": "0-12", "13-17": "13+", "18+": "13+"}

# Age composition of the children (ReSet Tabel 4): which age phases are present.
_COMPOSITION = {
    frozenset({"jong"}): "jonge_kinderen",
    frozenset({"jong", "basis"}): "basisschool_en_jonge_kinderen",
    frozenset({"basis"}): "basisschool",
    frozenset({"adol"}): "adolescentie",
    frozenset({"adol", "basis"}): "adolescentie_en_basisschool",
    frozenset({"adol", "jong"}): "adolescentie_en_jonge_kinderen",
    frozenset({"adol", "basis", "jong"}): "alle_leeftijdsfasen",
}


def age_in_years(birth: date, on: date) -> int:
    """Completed years on ``on``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def child_age_band(age: int) -> str:
    """Children's bands of B.7: 0-4, 5-12, 13-17, 18+."""
    if age <= 4:
        return "0-4"
    if age <= 12:
        return "5-12"
    if age <= 17:
        return "13-17"
    return "18+"


def adult_age_band(age: int) -> str:
    """Adults' bands of B.7: <35, 35-49, >=50."""
    if age < 35:
        return "<35"
    return "35-49" if age < 50 else ">=50"


def n_children(count: int) -> str:
    """Top-coded number of children at home (EXP-43): 0, 1, 2, 3, 4, 5+."""
    return "5+" if count >= 5 else str(max(0, count))


def age_composition(ages: Iterable[int]) -> str | None:
    """Tabel 4 category of the minors' ages; None without minors."""
    phases = {"jong" if a <= 4 else "basis" if a <= 12 else "adol" for a in ages if 0 <= a <= 17}
    return _COMPOSITION.get(frozenset(phases))


def month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def quarter(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def period(day: date, level: int) -> str:
    """``aanmeld_periode`` at level 0 (YYYY-MM), 1 (YYYY-Qn), 2 (YYYY) or 3 (*)."""
    return (month(day), quarter(day), f"{day.year:04d}", SUPPRESSED)[min(level, 3)]


def day_offset(day: date | None, referral: date) -> int | None:
    """Days from the referral date (day 0, EXP-40); None when the date is unknown."""
    return None if day is None else (day - referral).days


def coarsen(value: str | None, hierarchy: dict[str, str], level: int) -> str | None:
    """``value`` at ``level`` of a two-step hierarchy (0 = as is, 1 = mapped, 2+ = ``*``)."""
    if value is None or value == SUPPRESSED or level == 0:
        return value
    if level == 1:
        return hierarchy.get(value, SUPPRESSED)
    return SUPPRESSED


def areas_for(areas: list[str | None], minimum: int = 5) -> list[str | None]:
    """EXP-42: an area covering fewer than ``minimum`` families of the caseload becomes ``*`` (gemeente only)."""
    counts: dict[str, int] = {}
    for area in areas:
        if area is not None:
            counts[area] = counts.get(area, 0) + 1
    return [area if area is None or counts[area] >= minimum else SUPPRESSED for area in areas]
