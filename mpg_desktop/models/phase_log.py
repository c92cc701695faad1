"""The append-only log of phase transitions (*fase-overgangen*, spec 1.1, 1.2).

States are never edited in place: the current phase is whatever the log replays to, so the status
can never contradict the history (spec 6: "one status field driven by the state machine").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mpg_desktop.models.errors import DomainError
from mpg_desktop.models.phase_requirements import Requirement
from mpg_desktop.models.phases import Phase


class TransitionKind(StrEnum):
    VOORUIT = "vooruit"  # the normal next step, including a regular closure
    TERUGSTAP = "terugstap"  # 9 -> 8 or 8 -> 7, with a reason
    UITVAL = "uitval"  # premature end (voortijdig beëindigd) straight to AFGESLOTEN
    HEROPENING = "heropening"  # 10/11 -> 8, with a reason

    @property
    def label(self) -> str:
        return {
            "vooruit": "Volgende fase",
            "terugstap": "Terugstap",
            "uitval": "Voortijdig beëindigd",
            "heropening": "Heropening",
        }[self.value]


@dataclass(frozen=True)
class Waiver:
    """A requirement the coach skipped, with the reason (spec 1.6.4)."""

    requirement: Requirement
    reason: str


@dataclass(frozen=True)
class PhaseTransition:
    """One immutable log row. ``at`` is local wall-clock time; ``by`` names the staff member."""

    from_phase: Phase
    to_phase: Phase
    at: datetime
    by: str
    kind: TransitionKind
    reason: str = ""
    closure_reason: str = ""  # code from the list reden_beeindiging; only on entering AFGESLOTEN
    waivers: tuple[Waiver, ...] = ()


def replay(transitions: Sequence[PhaseTransition], start: Phase = Phase.AANGEMELD) -> Phase:
    """The phase the log leads to. Raises DomainError when the log is broken (a row starting in
    another phase than the previous row ended in, or rows out of time order)."""
    phase = start
    previous_at: datetime | None = None
    for number, row in enumerate(transitions, start=1):
        if row.from_phase is not phase:
            raise DomainError(
                f"Het fase-logboek klopt niet: overgang {number} begint in '{row.from_phase.label}', "
                f"maar de casus was toen in '{phase.label}'. Neem contact op met de beheerder."
            )
        if previous_at is not None and row.at < previous_at:
            raise DomainError(
                f"Het fase-logboek klopt niet: overgang {number} ligt vóór de overgang ervoor. "
                "Neem contact op met de beheerder."
            )
        phase, previous_at = row.to_phase, row.at
    return phase


def entered_on(transitions: Sequence[PhaseTransition], phase: Phase) -> date | None:
    """The date the case last entered ``phase`` (re-opens and back-steps make it enter again)."""
    dates = [row.at.date() for row in transitions if row.to_phase is phase]
    return dates[-1] if dates else None


def closed_on(transitions: Sequence[PhaseTransition]) -> date | None:
    """The date of the last closure (entering AFGESLOTEN), the start of the re-open window."""
    return entered_on(transitions, Phase.AFGESLOTEN)
