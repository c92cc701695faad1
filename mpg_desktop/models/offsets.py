"""Periods as coaches write them ("14 dagen", "2 werkdagen", "8 weken", "3 maanden") and date arithmetic.

Working days skip Saturday and Sunday only; public holidays are not known offline and a deadline
that lands on one is still a warning, never a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mpg_desktop.models.evaluation_schedule import add_months


class Unit(StrEnum):
    DAGEN = "dagen"
    WERKDAGEN = "werkdagen"
    WEKEN = "weken"
    MAANDEN = "maanden"


_UNIT_WORDS = {
    "dag": Unit.DAGEN,
    "dagen": Unit.DAGEN,
    "day": Unit.DAGEN,
    "days": Unit.DAGEN,
    "werkdag": Unit.WERKDAGEN,
    "werkdagen": Unit.WERKDAGEN,
    "week": Unit.WEKEN,
    "weken": Unit.WEKEN,
    "weeks": Unit.WEKEN,
    "maand": Unit.MAANDEN,
    "maanden": Unit.MAANDEN,
    "month": Unit.MAANDEN,
    "months": Unit.MAANDEN,
}
_OFFSET = re.compile(r"^\s*(\d{1,4})\s+([a-z]+)\s*$")


def add_working_days(day: date, count: int) -> date:
    """``day`` plus ``count`` weekdays (Monday-Friday); count 0 returns ``day`` unchanged."""
    result = day
    remaining = count
    while remaining > 0:
        result += timedelta(days=1)
        if result.weekday() < 5:
            remaining -= 1
    return result


@dataclass(frozen=True)
class Offset:
    """A period after a key date."""

    amount: int
    unit: Unit

    @classmethod
    def parse(cls, text: str) -> Offset:
        """Read "14 dagen" / "2 werkdagen" / "4 weken" / "3 maanden" (English units also accepted).

        Raises ValueError with a Dutch message for anything else.
        """
        match = _OFFSET.match(text.lower())
        if not match or match.group(2) not in _UNIT_WORDS:
            raise ValueError(
                f"'{text}' is geen termijn. Schrijf bijvoorbeeld '14 dagen', '2 werkdagen', '8 weken' of '3 maanden'."
            )
        return cls(int(match.group(1)), _UNIT_WORDS[match.group(2)])

    def after(self, day: date) -> date:
        if self.unit is Unit.DAGEN:
            return day + timedelta(days=self.amount)
        if self.unit is Unit.WERKDAGEN:
            return add_working_days(day, self.amount)
        if self.unit is Unit.WEKEN:
            return day + timedelta(weeks=self.amount)
        return add_months(day, self.amount)

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.value}"
