"""One evaluation round: the 004 view per case, T, VIP participation and the score that counts."""

from __future__ import annotations

from datetime import date

from mpg_desktop.models.gas_evaluation import (
    EvaluationMoment,
    EvaluationRound,
    GoalEvaluation,
    final_score,
    first_trajectory_score,
)
from mpg_desktop.models.gas_goal import Goal
from mpg_desktop.models.gas_scale import GasLevel
from mpg_desktop.models.gas_scoring import CombinedFrom, RaterScores

INKOMEN = Goal("g1", "De jongere heeft voldoende inkomen.", date(2026, 1, 10), "NP-D2-FIN-1", weight=3)
WONEN = Goal("g2", "De jongere heeft woonruimte voor langere tijd.", date(2026, 1, 10), "NP-D2-HUIS-1")
WERK = Goal("g3", "De jongere heeft een betaalde baan.", date(2026, 2, 1), "NP-D4-1-BAAN")


def _round(held_on: date, seq: int, moment: EvaluationMoment, *scores: RaterScores) -> EvaluationRound:
    goals = tuple(GoalEvaluation(goal, s) for goal, s in zip((INKOMEN, WONEN, WERK), scores, strict=False))
    return EvaluationRound(held_on, moment, goals, trajectory_seq=seq)


def test_view_counts_and_t_score() -> None:
    evaluation = _round(
        date(2026, 4, 10),
        1,
        EvaluationMoment.DRIE_MAANDEN,
        RaterScores(client=5, worker=4),  # -> 5
        RaterScores(client=3, worker=5),  # -> 4
        RaterScores(),  # not scored
    )
    assert [line.level for line in evaluation.lines()] == [GasLevel.ACHIEVED, GasLevel.PROGRESS, None]
    counts = evaluation.category_counts()
    assert list(counts) == [GasLevel.ACHIEVED, GasLevel.PROGRESS, GasLevel.UNCHANGED, GasLevel.WORSE, GasLevel.WORST]
    assert counts[GasLevel.ACHIEVED] == 1 and counts[GasLevel.PROGRESS] == 1 and sum(counts.values()) == 2
    t = evaluation.t_score()
    assert t is not None and t.n_goals == 2
    # weights 3 and 1, x = 2 and 1: 50 + 10 * 7 / sqrt(0.7 * 10 + 0.3 * 16)
    assert round(t.value, 2) == round(50 + 70 / (0.7 * 10 + 0.3 * 16) ** 0.5, 2)
    assert evaluation.warnings() == ["Doel 'De jongere heeft een betaalde baan.': nog geen score."]


def test_single_rater_and_early_evaluation_warnings() -> None:
    evaluation = _round(
        date(2026, 1, 20),
        1,
        EvaluationMoment.TUSSEN,
        RaterScores(worker=4),
        RaterScores(client=3),
        RaterScores(client=3, worker=3),
    )
    warnings = evaluation.warnings()
    assert "Doel 'De jongere heeft voldoende inkomen.': alleen score van de begeleider." in warnings
    assert "Doel 'De jongere heeft woonruimte voor langere tijd.': alleen score van de cliënt." in warnings
    assert any("vóór de datum" in w and "betaalde baan" in w for w in warnings)
    assert len(warnings) == 3


def test_vip_participation() -> None:
    quiet = _round(date(2026, 4, 10), 1, EvaluationMoment.DRIE_MAANDEN, RaterScores(client=4, worker=4))
    assert not quiet.vip_participated()
    scored = _round(date(2026, 4, 10), 1, EvaluationMoment.DRIE_MAANDEN, RaterScores(client=4, worker=4, vip=5))
    assert scored.vip_participated()
    present = EvaluationRound(date(2026, 4, 10), EvaluationMoment.DRIE_MAANDEN, (), vip_present=True)
    assert present.vip_participated() and present.t_score() is None


def test_score_that_counts_for_np_and_for_closure() -> None:
    rounds = [
        _round(date(2026, 7, 10), 2, EvaluationMoment.EIND, RaterScores(client=5, worker=5), RaterScores()),
        _round(
            date(2026, 4, 10), 1, EvaluationMoment.DRIE_MAANDEN, RaterScores(client=3, worker=4), RaterScores(joint=2)
        ),
    ]
    first = first_trajectory_score(rounds, "g1")
    assert first is not None and first.score == 3
    final = final_score(rounds, "g1")
    assert final is not None and final.score == 5
    # Not scored at closure: the last known score counts.
    wonen = final_score(rounds, "g2")
    assert wonen is not None and wonen.score == 2 and wonen.source is CombinedFrom.JOINT
    assert first_trajectory_score(rounds, "g3") is None
