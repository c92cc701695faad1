"""A goal on the evaluation form: SMART text, catalogue code, zero point, weight and level anchors.

gas.md 1.2 (Proposed there): the goal text is required; the date set is the zero point (score 3);
five optional level anchors, one per level, are pre-filled with the generic Tabel 1 labels and may
be overwritten with concrete descriptions. The weight (1..3, default 1) only enters the T-score and
is frozen once the goal exists (the store enforces the freeze; here it is just a value).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from mpg_desktop.models.gas_scale import GasLevel
from mpg_desktop.models.validation import ValidationError, require_text

WEIGHT_MIN = 1
WEIGHT_MAX = 3
DEFAULT_WEIGHT = 1

_ANCHOR_FIELDS = {
    GasLevel.ACHIEVED: "achieved",
    GasLevel.PROGRESS: "progress",
    GasLevel.UNCHANGED: "unchanged",
    GasLevel.WORSE: "worse",
    GasLevel.WORST: "worst",
}


@dataclass(frozen=True)
class GoalLevelDescriptions:
    """What each level means for one goal (+2 .. -2). Empty text falls back to the generic label."""

    achieved: str = ""  # +2, score 5
    progress: str = ""  # +1, score 4
    unchanged: str = ""  # 0, score 3: the situation when the goal was set
    worse: str = ""  # -1, score 2
    worst: str = ""  # -2, score 1

    @classmethod
    def generic(cls) -> GoalLevelDescriptions:
        """The anchors pre-filled with the Tabel 1 texts ('Doel geheel behaald.' ..)."""
        return cls(**{name: level.label for level, name in _ANCHOR_FIELDS.items()})

    def text(self, level: GasLevel) -> str:
        """The anchor for ``level``; the generic label when none was written."""
        own: str = getattr(self, _ANCHOR_FIELDS[level]).strip()
        return own or level.label

    def is_generic(self, level: GasLevel) -> bool:
        return self.text(level) == level.label

    def with_text(self, level: GasLevel, text: str) -> GoalLevelDescriptions:
        """A copy with the anchor of ``level`` replaced (an empty text restores the generic label)."""
        return replace(self, **{_ANCHOR_FIELDS[level]: text.strip()})


@dataclass(frozen=True)
class Goal:
    """One goal of a plan. ``key`` is a stable identifier chosen by the store (e.g. its row id).

    Raises ValidationError (Dutch) for an empty text or a weight outside 1..3.
    """

    key: str
    text: str
    set_on: date  # the zero point: the score at this moment is 3 (value 0)
    catalogue_code: str | None = None
    weight: int = DEFAULT_WEIGHT
    levels: GoalLevelDescriptions = field(default_factory=GoalLevelDescriptions.generic)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", require_text(self.text, "Doel"))
        if isinstance(self.weight, bool) or not isinstance(self.weight, int):
            raise ValidationError("Gewicht", "Gewicht: kies 1, 2 of 3.")
        if not WEIGHT_MIN <= self.weight <= WEIGHT_MAX:
            raise ValidationError("Gewicht", f"Gewicht: {self.weight} kan niet. Kies 1, 2 of 3.")
