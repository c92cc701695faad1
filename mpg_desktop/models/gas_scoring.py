"""Who scores a goal and how the scores are combined (gas.md 1.3, 1.4).

NP: the young person, ideally a VIP and the worker score in separate columns; for families the
client column is the parent(s) (process-and-forms 5.4). The combined score is the mean of client
and worker, rounded toward the client's score when it ends in .5 (004 L2047-2049, L10009-10011).
VIP scores never enter it. ReSet: parents and worker agree one joint score, stored as is.
With only one of client and worker present the score that is present is used and the result is
flagged (``combined_from``), as gas.md 1.4 proposes; the seed is silent on this case.
All scores are the stored 1..5 values; ``None`` means "not scored".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from mpg_desktop.models.gas_scale import GasLevel, validate_score
from mpg_desktop.models.validation import ValidationError


class RaterRole(StrEnum):
    """The columns of the evaluation form (stored codes are the values)."""

    JONGERE = "jongere"
    OUDERS = "ouder(s)"
    VIP = "vip"
    BEGELEIDER = "begeleider"
    GEZAMENLIJK = "gezamenlijk"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    RaterRole.JONGERE: "Jongere",
    RaterRole.OUDERS: "Ouder(s)",
    RaterRole.VIP: "VIP (belangrijk persoon uit het netwerk)",
    RaterRole.BEGELEIDER: "Begeleider",
    RaterRole.GEZAMENLIJK: "Gezamenlijk (ouders en begeleider)",
}

CLIENT_ROLES = frozenset({RaterRole.JONGERE, RaterRole.OUDERS})


class CombinedFrom(StrEnum):
    """Where a combined score came from. Codes follow the export of gas.md 6; ``youth_only`` means
    "client only" (the young person or, in a family case, the parents)."""

    BOTH = "both"
    CLIENT_ONLY = "youth_only"
    WORKER_ONLY = "worker_only"
    JOINT = "joint"

    @property
    def label(self) -> str:
        return _FROM_LABELS[self]


_FROM_LABELS = {
    CombinedFrom.BOTH: "Cliënt en begeleider",
    CombinedFrom.CLIENT_ONLY: "Alleen score van de cliënt",
    CombinedFrom.WORKER_ONLY: "Alleen score van de begeleider",
    CombinedFrom.JOINT: "Gezamenlijke score",
}


@dataclass(frozen=True)
class CombinedScore:
    """The score that counts for a goal at one evaluation (1..5) and where it came from."""

    score: int
    source: CombinedFrom

    @property
    def level(self) -> GasLevel:
        return GasLevel.from_score(self.score)

    @property
    def single_rater(self) -> bool:
        """True when client or worker score was missing: report it, as gas.md 1.4 asks."""
        return self.source in (CombinedFrom.CLIENT_ONLY, CombinedFrom.WORKER_ONLY)


def combine_scores(client: int | None, worker: int | None) -> CombinedScore | None:
    """The 004 rule: the mean of client and worker; a .5 mean goes toward the client's score.

    Both inputs are stored scores 1..5 or None. Returns None when both are missing.
    """
    if client is not None:
        validate_score(client)
    if worker is not None:
        validate_score(worker)
    if client is None:
        return None if worker is None else CombinedScore(worker, CombinedFrom.WORKER_ONLY)
    if worker is None:
        return CombinedScore(client, CombinedFrom.CLIENT_ONLY)
    total = client + worker
    if total % 2 == 0:
        return CombinedScore(total // 2, CombinedFrom.BOTH)
    # The mean ends in .5: floor when the client scored lower, ceiling when higher.
    rounded = total // 2 if client < worker else total // 2 + 1
    return CombinedScore(rounded, CombinedFrom.BOTH)


@dataclass(frozen=True)
class RaterScores:
    """The scores of one goal at one evaluation, one per form column.

    ``client`` is the young person's (NP) or the parents' score, as ``client_role`` says. ``joint``
    is the ReSet joint score and replaces client and worker. Raises ValidationError (Dutch) for a
    score outside 1..5, a joint score next to separate ones, or a client role that is no client.
    """

    client: int | None = None
    worker: int | None = None
    vip: int | None = None
    joint: int | None = None
    client_role: RaterRole = RaterRole.JONGERE

    def __post_init__(self) -> None:
        for role, score in (
            (self.client_role, self.client),
            (RaterRole.BEGELEIDER, self.worker),
            (RaterRole.VIP, self.vip),
            (RaterRole.GEZAMENLIJK, self.joint),
        ):
            if score is not None:
                validate_score(score, f"Score {role.label.lower()}")
        if self.client_role not in CLIENT_ROLES:
            raise ValidationError("Cliënt", "De cliëntkolom is voor de jongere of de ouder(s).")
        if self.joint is not None and (self.client is not None or self.worker is not None):
            raise ValidationError(
                "Score gezamenlijk",
                "Vul óf een gezamenlijke score in, óf aparte scores van cliënt en begeleider, niet allebei.",
            )

    def combined(self) -> CombinedScore | None:
        """The score that counts (never the VIP's); None when nobody scored."""
        if self.joint is not None:
            return CombinedScore(self.joint, CombinedFrom.JOINT)
        return combine_scores(self.client, self.worker)

    @property
    def vip_scored(self) -> bool:
        return self.vip is not None


def single_rater_share(scores: Iterable[CombinedScore | None]) -> Fraction | None:
    """Share of combined scores that rest on one rater only (unscored goals are left out)."""
    present = [score for score in scores if score is not None]
    if not present:
        return None
    return Fraction(sum(score.single_rater for score in present), len(present))
