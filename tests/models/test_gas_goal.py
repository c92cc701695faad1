"""Goals with level anchors (gas.md 1.2) and the goal catalogue (gas.md 2)."""

from __future__ import annotations

from datetime import date

import pytest

from mpg_desktop.models.gas_goal import Goal, GoalLevelDescriptions
from mpg_desktop.models.gas_goal_catalogue import catalogue_goal, goal_catalogue, scorable_goals
from mpg_desktop.models.gas_scale import GasLevel
from mpg_desktop.models.validation import ValidationError


def test_anchors_start_generic_and_can_be_made_concrete() -> None:
    goal = Goal("g1", "  Er is een oplossing voor de schulden.  ", date(2026, 1, 5), "NP-D2-FIN-2")
    assert goal.text == "Er is een oplossing voor de schulden."
    assert goal.weight == 1
    assert all(goal.levels.is_generic(level) for level in GasLevel)
    assert goal.levels.text(GasLevel.ACHIEVED) == "Doel geheel behaald."
    concrete = goal.levels.with_text(GasLevel.PROGRESS, "Aangemeld bij schuldhulpverlening, nog niet gestart.")
    assert concrete.text(GasLevel.PROGRESS) == "Aangemeld bij schuldhulpverlening, nog niet gestart."
    assert not concrete.is_generic(GasLevel.PROGRESS)
    assert concrete.with_text(GasLevel.PROGRESS, " ").is_generic(GasLevel.PROGRESS)


def test_empty_anchor_falls_back_to_the_generic_label() -> None:
    assert GoalLevelDescriptions().text(GasLevel.WORST) == "Slechtste achteruitgang."


@pytest.mark.parametrize(
    ("text", "weight", "message"),
    [(" ", 1, "Doel is verplicht"), ("Doel", 4, "Kies 1, 2 of 3"), ("Doel", 0, "Kies 1, 2 of 3")],
)
def test_goal_validation(text: str, weight: int, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Goal("g", text, date(2026, 1, 5), weight=weight)


def test_catalogue() -> None:
    assert len(goal_catalogue()) == 75
    assert catalogue_goal("ReSet-KD2").text_nl == "Kinddoel 2. Er is een ontwikkelingstimulerend opvoedklimaat."
    reset = scorable_goals("ReSet")
    assert len(reset) == 20  # Kinddoel 1-5, Ouderdoel 1-10, Gezinsdoel 1-5
    assert all("-bron" not in goal.code for goal in reset)
    assert not catalogue_goal("ReSet-GD2-bron2").scorable
    with pytest.raises(KeyError):
        catalogue_goal("NP-XX")
