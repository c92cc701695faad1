"""Raters and the exact 004 combination rule (gas.md 1.3, 1.4)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpg_desktop.models.gas_scoring import (
    CombinedFrom,
    CombinedScore,
    RaterRole,
    RaterScores,
    combine_scores,
    single_rater_share,
)
from mpg_desktop.models.validation import ValidationError

scores = st.integers(min_value=1, max_value=5)


@pytest.mark.parametrize(
    ("youth", "worker", "combined"),
    [(4, 5, 4), (5, 4, 5), (2, 5, 3), (5, 2, 4), (3, 5, 4)],  # the table of gas.md 1.4
)
def test_table_of_gas_1_4(youth: int, worker: int, combined: int) -> None:
    assert combine_scores(youth, worker) == CombinedScore(combined, CombinedFrom.BOTH)


def test_one_rater_is_used_and_flagged() -> None:
    worker_only = combine_scores(None, 4)
    assert worker_only == CombinedScore(4, CombinedFrom.WORKER_ONLY) and worker_only.single_rater
    client_only = combine_scores(2, None)
    assert client_only == CombinedScore(2, CombinedFrom.CLIENT_ONLY) and client_only.single_rater
    assert combine_scores(None, None) is None
    assert not CombinedScore(3, CombinedFrom.BOTH).single_rater


def test_vip_never_enters_the_combined_score() -> None:
    with_vip = RaterScores(client=4, worker=5, vip=1)
    assert with_vip.combined() == combine_scores(4, 5)
    assert with_vip.vip_scored
    assert RaterScores(vip=5).combined() is None


def test_reset_joint_score_is_stored_as_is() -> None:
    joint = RaterScores(joint=4, client_role=RaterRole.OUDERS)
    assert joint.combined() == CombinedScore(4, CombinedFrom.JOINT)
    with pytest.raises(ValidationError, match="niet allebei"):
        RaterScores(joint=4, worker=3)


def test_family_case_rounds_toward_the_parents() -> None:
    assert RaterScores(client=2, worker=5, client_role=RaterRole.OUDERS).combined() == CombinedScore(
        3, CombinedFrom.BOTH
    )


def test_validation_in_dutch() -> None:
    with pytest.raises(ValidationError, match="Score begeleider"):
        RaterScores(worker=0)
    with pytest.raises(ValidationError, match="jongere of de ouder"):
        RaterScores(client=3, client_role=RaterRole.VIP)
    with pytest.raises(ValidationError):
        combine_scores(6, 3)


def test_role_codes_and_labels() -> None:
    assert [role.value for role in RaterRole] == ["jongere", "ouder(s)", "vip", "begeleider", "gezamenlijk"]
    assert RaterRole.VIP.label.startswith("VIP")
    assert [c.value for c in CombinedFrom][:3] == ["both", "youth_only", "worker_only"]  # gas.md 1.4 codes


def test_single_rater_share() -> None:
    combined = [combine_scores(3, 4), combine_scores(None, 4), None, combine_scores(5, None)]
    assert single_rater_share(combined) == Fraction(2, 3)
    assert single_rater_share([None]) is None


@given(scores, scores)
def test_combined_lies_between_the_raters(client: int, worker: int) -> None:
    result = combine_scores(client, worker)
    assert result is not None
    assert min(client, worker) <= result.score <= max(client, worker)
    assert abs(result.score - Fraction(client + worker, 2)) <= Fraction(1, 2)  # the mean, rounded


@given(scores, scores)
def test_ties_go_toward_the_client(client: int, worker: int) -> None:
    result = combine_scores(client, worker)
    assert result is not None
    mean = Fraction(client + worker, 2)
    # Never further from the client than the exact mean is.
    assert abs(result.score - client) <= abs(mean - client)
    if client == worker:
        assert result.score == client
