"""The k-anonymity gate of the family table (privacy-export-analysis 4.7, EXP-50..52).

Input: one dict of level-0 quasi-identifiers per family. The profiles P0..P6 are tried in order;
the first for which at most ``floor(0.10 * N)`` families sit in classes smaller than k wins (else
P6). Families still in a small class are then locally suppressed: every quasi-identifier except
``gemeente_code`` becomes ``*``. Deterministic; pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mpg_desktop.sync.generalise import (
    HUISHOUDEN_L1,
    JONGSTE_KIND_L1,
    N_KINDEREN_L1,
    SUPPRESSED,
    coarsen,
)

K = 5
# The family quasi-identifiers; ``aanmeld_periode`` is the family's latest referral date.
QUASI_IDENTIFIERS = (
    "aanmeld_periode",
    "area_code",
    "gemeente_code",
    "huishouden_type",
    "n_kinderen",
    "jongste_kind_leeftijd",
    "leeftijdssamenstelling",
)

# Levels per profile: period (0 month .. 2 year), children, youngest child, household, area.
PROFILES: dict[str, dict[str, int]] = {
    "P0": {},
    "P1": {"aanmeld_periode": 1},
    "P2": {"aanmeld_periode": 1, "n_kinderen": 1},
    "P3": {"aanmeld_periode": 1, "n_kinderen": 1, "jongste_kind_leeftijd": 1},
    "P4": {"aanmeld_periode": 1, "n_kinderen": 1, "jongste_kind_leeftijd": 1, "huishouden_type": 1},
    "P5": {"aanmeld_periode": 2, "n_kinderen": 1, "jongste_kind_leeftijd": 1, "huishouden_type": 1},
    "P6": {"aanmeld_periode": 2, "n_kinderen": 1, "jongste_kind_leeftijd": 1, "huishouden_type": 1, "area_code": 1},
}
_HIERARCHIES = {"n_kinderen": N_KINDEREN_L1, "jongste_kind_leeftijd": JONGSTE_KIND_L1, "huishouden_type": HUISHOUDEN_L1}

QI = dict[str, str | None]


@dataclass(frozen=True)
class GateResult:
    profile: str
    rows: tuple[QI, ...]  # generalised quasi-identifiers, same order as the input
    suppressed: tuple[int, ...]  # indexes of locally suppressed families


def generalise_row(row: Mapping[str, str | None], levels: Mapping[str, int]) -> QI:
    """One family's quasi-identifiers under a profile; the period arrives as 'month|quarter|year'."""
    out: QI = dict(row)
    periods = (row.get("aanmeld_periode") or "").split("|")
    out["aanmeld_periode"] = periods[min(levels.get("aanmeld_periode", 0), len(periods) - 1)] or None
    for name, hierarchy in _HIERARCHIES.items():
        out[name] = coarsen(row.get(name), hierarchy, levels.get(name, 0))
    if levels.get("jongste_kind_leeftijd", 0) >= 1 and out.get("leeftijdssamenstelling") is not None:
        out["leeftijdssamenstelling"] = SUPPRESSED  # no hierarchy of its own: goes with the youngest child
    if levels.get("area_code", 0) >= 1:
        out["area_code"] = SUPPRESSED
    return out


def _all_suppressed(row: QI) -> bool:
    return all(row.get(name) in (None, SUPPRESSED) for name in QUASI_IDENTIFIERS if name != "gemeente_code")


def _key(row: QI) -> tuple[str | None, ...]:
    return tuple(row.get(name) for name in QUASI_IDENTIFIERS)


def small_class_members(rows: Sequence[QI], k: int = K) -> list[int]:
    """Indexes of families in classes of fewer than ``k`` (fully suppressed families exempt, EXP-52)."""
    sizes = Counter(_key(row) for row in rows)
    return [i for i, row in enumerate(rows) if sizes[_key(row)] < k and not _all_suppressed(row)]


def run_gate(rows: Sequence[Mapping[str, str | None]], k: int = K) -> GateResult:
    allowed = len(rows) // 10
    chosen = "P6"
    for name, levels in PROFILES.items():
        if len(small_class_members([generalise_row(r, levels) for r in rows], k)) <= allowed:
            chosen = name
            break
    generalised = [generalise_row(r, PROFILES[chosen]) for r in rows]
    suppressed = small_class_members(generalised, k)
    for index in suppressed:
        row = generalised[index]
        generalised[index] = {name: (value if name == "gemeente_code" else SUPPRESSED) for name, value in row.items()}
    return GateResult(chosen, tuple(generalised), tuple(suppressed))
