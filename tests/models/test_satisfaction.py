"""The NP client-satisfaction form (gas.md 5.1) and its summary."""

from __future__ import annotations

import pytest

from mpg_desktop.models.satisfaction import (
    Agreement,
    SatisfactionResponse,
    SupportDuration,
    agreement_items,
    satisfaction_items,
    summarise,
)
from mpg_desktop.models.validation import ValidationError


def test_items_verbatim_and_in_order() -> None:
    items = satisfaction_items()
    assert [item.item_id for item in items] == [
        "CT0",
        "CT1",
        "CT2",
        "CT3",
        "CT4",
        "CT5",
        "CT6",
        "CT7",
        "CT8",
        "TIP1",
        "TIP2",
        "TIP3",
        "TOP1",
        "TOP2",
        "TOP3",
    ]
    assert [item.item_id for item in agreement_items()] == [f"CT{i}" for i in range(1, 9)]
    ct1 = items[1]
    assert ct1.section_nl == "Eerste contact"
    assert ct1.text_nl == "Het eerste contact met het … was prettig."
    assert ct1.text_for("Jeugd Interventie Team") == "Het eerste contact met het Jeugd Interventie Team was prettig."
    assert items[8].text_nl == "Ik ben geholpen om verder te kunnen."


def test_answer_options_are_five_points_plus_nvt() -> None:
    assert [a.label for a in Agreement] == [
        "Helemaal oneens",
        "oneens",
        "neutraal",
        "eens",
        "helemaal mee eens",
        "niet van toepassing",
    ]
    assert [a.score for a in Agreement] == [1, 2, 3, 4, 5, None]
    assert Agreement.NIET_VAN_TOEPASSING == 9
    assert [d.label for d in SupportDuration] == ["1 tot 3 maand(en)", "3 tot 6 maanden", "6 maanden of langer"]


def test_response_validation() -> None:
    with pytest.raises(ValidationError, match="CT9"):
        SatisfactionResponse(anonymous=True, answers={"CT9": Agreement.EENS})
    with pytest.raises(ValidationError, match="maximaal 3 tips"):
        SatisfactionResponse(anonymous=True, tips=("a", "b", "c", "d"))
    with pytest.raises(ValidationError, match="niet van toepassing"):
        SatisfactionResponse(anonymous=True, answers={"CT1": 0})  # type: ignore[dict-item]
    stored = SatisfactionResponse(anonymous=True, answers={"CT1": 9})  # type: ignore[dict-item]
    assert stored.answers["CT1"] is Agreement.NIET_VAN_TOEPASSING
    response = SatisfactionResponse(anonymous=False, tips=(" sneller bellen ", "", "  "))
    assert response.tips == ("sneller bellen",)


def test_summary_counts_every_answer_and_keeps_nvt_apart() -> None:
    forms = [
        SatisfactionResponse(
            True,
            SupportDuration.TOT_3_MAANDEN,
            {"CT1": Agreement.EENS, "CT2": Agreement.NIET_VAN_TOEPASSING},
            tips=("meer tijd",),
        ),
        SatisfactionResponse(
            False, SupportDuration.LANGER, {"CT1": Agreement.HELEMAAL_EENS}, tops=("luistert", "eerlijk")
        ),
        SatisfactionResponse(True, None, {"CT1": Agreement.EENS}),
    ]
    summary = summarise(forms)
    assert summary.n_forms == 3
    ct1, ct2 = summary.items[0], summary.items[1]
    assert ct1.counts[Agreement.EENS] == 2 and ct1.counts[Agreement.HELEMAAL_EENS] == 1
    assert ct1.unanswered == 0 and ct1.n_scored == 3
    assert ct2.counts[Agreement.NIET_VAN_TOEPASSING] == 1 and ct2.n_scored == 0 and ct2.unanswered == 2
    assert summary.durations[SupportDuration.TOT_3_MAANDEN] == 1 and summary.durations[None] == 1
    assert summary.durations[SupportDuration.TOT_6_MAANDEN] == 0
    assert summary.tips == ("meer tijd",) and summary.tops == ("luistert", "eerlijk")
    assert len(summary.items) == 8
