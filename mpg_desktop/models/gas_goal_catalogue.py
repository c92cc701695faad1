"""The ReSet and NP goal catalogue of 004 (gas.md 2), shipped as ``resources/gas/goal_catalogue.csv``.

Codes are the app's; Dutch texts are verbatim. Pre-merge source goals (``-bron1/2``) are kept as
optional sub-labels and are not offered for scoring (gas.md 2.1, Proposed there).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from mpg_desktop.models.resource_tables import read_resource_csv

SOURCE_GOAL_MARKER = "-bron"


@dataclass(frozen=True)
class CatalogueGoal:
    method: str  # 'ReSet', 'NP' or 'NP (bijlage 15)'
    code: str
    domain: str
    text_nl: str
    gloss_en: str

    @property
    def scorable(self) -> bool:
        return SOURCE_GOAL_MARKER not in self.code


@cache
def goal_catalogue() -> tuple[CatalogueGoal, ...]:
    """Every catalogue row in file order."""
    return tuple(
        CatalogueGoal(row["method"], row["code"], row["domain"], row["text_nl"], row["gloss_en"])
        for row in read_resource_csv("gas", "goal_catalogue.csv")
    )


def scorable_goals(method: str | None = None) -> tuple[CatalogueGoal, ...]:
    """Goals a coach can pick, optionally for one method (exact method text)."""
    return tuple(goal for goal in goal_catalogue() if goal.scorable and (method is None or goal.method == method))


def catalogue_goal(code: str) -> CatalogueGoal:
    """The goal with ``code``; KeyError when unknown."""
    for goal in goal_catalogue():
        if goal.code == code:
            return goal
    raise KeyError(code)
