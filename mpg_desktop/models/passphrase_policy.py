"""How strong a passphrase must be, with feedback in Dutch.

Uses zxcvbn's estimate and a minimum length: a passphrase is accepted with at least
MIN_LENGTH characters and a zxcvbn score of at least MIN_SCORE (0..4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MIN_LENGTH = 12
MIN_SCORE = 3

STRENGTH_LABELS = ("Heel zwak", "Zwak", "Matig", "Sterk", "Heel sterk")


@dataclass(frozen=True)
class PassphraseAssessment:
    score: int  # 0..4
    acceptable: bool
    message: str  # Dutch; empty when acceptable

    @property
    def label(self) -> str:
        return STRENGTH_LABELS[self.score]


def assess_passphrase(passphrase: str, user_inputs: Sequence[str] = ()) -> PassphraseAssessment:
    """Rate ``passphrase``; ``user_inputs`` (coach name, organisation) count as guessable."""
    if not passphrase:
        return PassphraseAssessment(0, False, "Kies een wachtwoordzin.")
    from zxcvbn import zxcvbn  # imported here: it loads large word lists, needed only while typing

    # zxcvbn is slow on very long input and gains nothing beyond this length.
    score = int(zxcvbn(passphrase[:100], user_inputs=[s for s in user_inputs if s])["score"])
    if len(passphrase) < MIN_LENGTH:
        return PassphraseAssessment(
            min(score, 2),
            False,
            f"Te kort: gebruik minstens {MIN_LENGTH} tekens, bijvoorbeeld een zin van vier woorden.",
        )
    if score < MIN_SCORE:
        return PassphraseAssessment(
            score, False, "Te makkelijk te raden. Maak de zin langer of gebruik minder gewone woorden."
        )
    return PassphraseAssessment(score, True, "")
