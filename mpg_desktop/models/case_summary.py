"""A read-only row of the case list: one traject with what the list shows of its family."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mpg_desktop.models.evaluation_schedule import is_evaluation_due, next_evaluation_date
from mpg_desktop.models.phases import EVALUATED_PHASES, Phase


@dataclass(frozen=True)
class CaseSummary:
    traject_id: int
    family_id: int
    case_number: str
    family_name: str
    surnames: tuple[str, ...]
    phase: Phase
    referral_date: date
    household_size: int
    plan_signed_on: date | None = None
    last_evaluation_on: date | None = None

    def next_evaluation(self) -> date | None:
        if self.plan_signed_on is None or self.phase not in EVALUATED_PHASES:
            return None
        return next_evaluation_date(self.plan_signed_on, self.last_evaluation_on)

    def evaluation_due(self, today: date) -> bool:
        if self.phase not in EVALUATED_PHASES:
            return False
        return is_evaluation_due(self.plan_signed_on, self.last_evaluation_on, today)

    def matches(self, text: str) -> bool:
        """Case-insensitive search on family name, any member's surname and the case number."""
        needle = text.strip().casefold()
        if not needle:
            return True
        haystack = [self.family_name, self.case_number, *self.surnames]
        return any(needle in value.casefold() for value in haystack)
