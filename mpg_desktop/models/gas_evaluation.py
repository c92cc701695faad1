"""One evaluation of a case's goals and the per-case 004 view of it (gas.md 1.5, 1.6, 4, 5.5).

An ``EvaluationRound`` holds, for one date, the rater scores of each goal. It gives the coach
the 004 view (per goal: label, score 1..5 and value; counts per category) and the T-score, and
gives the analysis the score that counts per goal: NP uses the first three-month trajectory,
ReSet the final score at definitive closure (gas.md 6, reproduction rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mpg_desktop.models.gas_goal import Goal
from mpg_desktop.models.gas_scale import GasLevel
from mpg_desktop.models.gas_scoring import CombinedScore, RaterScores
from mpg_desktop.models.gas_tscore import DEFAULT_RHO, TScore, t_score


class EvaluationMoment(StrEnum):
    """Codes of the ``moment`` column of gas.md 6."""

    DRIE_MAANDEN = "3mnd"
    TUSSEN = "tussen"
    EIND = "eind"

    @property
    def label(self) -> str:
        return {"3mnd": "Na drie maanden", "tussen": "Tussenevaluatie", "eind": "Eindevaluatie"}[self.value]


@dataclass(frozen=True)
class GoalEvaluation:
    """The scores of one goal at one evaluation."""

    goal: Goal
    scores: RaterScores

    def combined(self) -> CombinedScore | None:
        return self.scores.combined()


@dataclass(frozen=True)
class GoalLine:
    """One line of the 004 view: goal, combined score (None = not scored) and its level."""

    goal: Goal
    combined: CombinedScore | None

    @property
    def level(self) -> GasLevel | None:
        return None if self.combined is None else self.combined.level


@dataclass(frozen=True)
class EvaluationRound:
    """All goals evaluated on one date. ``trajectory_seq`` is the NP three-month block (1, 2, ..)."""

    held_on: date
    moment: EvaluationMoment
    goals: tuple[GoalEvaluation, ...]
    trajectory_seq: int = 1
    vip_present: bool = False

    def lines(self) -> list[GoalLine]:
        return [GoalLine(item.goal, item.combined()) for item in self.goals]

    def category_counts(self) -> dict[GasLevel, int]:
        """Scored goals per level, +2 first (geheel / deels / hetzelfde / verslechterd / slechtst)."""
        counts = dict.fromkeys(sorted(GasLevel, reverse=True), 0)
        for line in self.lines():
            if line.level is not None:
                counts[line.level] += 1
        return counts

    def t_score(self, rho: float = DEFAULT_RHO) -> TScore | None:
        """T over the scored goals with their weights; None when no goal is scored."""
        pairs = [(line.combined.score if line.combined else None, line.goal.weight) for line in self.lines()]
        return t_score(pairs, rho)

    def vip_participated(self) -> bool:
        """Process indicator: a VIP was present or scored at least one goal (gas.md 5.5)."""
        return self.vip_present or any(item.scores.vip_scored for item in self.goals)

    def warnings(self) -> list[str]:
        """Dutch notes for the coach; they never block saving."""
        notes: list[str] = []
        for item in self.goals:
            combined = item.combined()
            if combined is None:
                notes.append(f"Doel '{item.goal.text}': nog geen score.")
            elif combined.single_rater:
                notes.append(f"Doel '{item.goal.text}': {combined.source.label.lower()}.")
            if self.held_on < item.goal.set_on:
                notes.append(f"Doel '{item.goal.text}': de evaluatie ligt vóór de datum waarop het doel is opgesteld.")
        return notes


def _score_of(round_: EvaluationRound, goal_key: str) -> CombinedScore | None:
    for item in round_.goals:
        if item.goal.key == goal_key:
            return item.combined()
    return None


def first_trajectory_score(rounds: Iterable[EvaluationRound], goal_key: str) -> CombinedScore | None:
    """NP default: the score after three months in trajectory 1 (the latest such round if several)."""
    candidates = [r for r in rounds if r.trajectory_seq == 1 and r.moment is EvaluationMoment.DRIE_MAANDEN]
    return _latest_score(candidates, goal_key)


def final_score(rounds: Iterable[EvaluationRound], goal_key: str) -> CombinedScore | None:
    """The score at definitive closure incl. follow-up trajectories: the latest round that scored the goal."""
    return _latest_score(list(rounds), goal_key)


def _latest_score(rounds: Sequence[EvaluationRound], goal_key: str) -> CombinedScore | None:
    for round_ in sorted(rounds, key=lambda r: (r.held_on, r.trajectory_seq), reverse=True):
        score = _score_of(round_, goal_key)
        if score is not None:
            return score
    return None
