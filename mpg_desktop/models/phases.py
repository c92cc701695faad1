"""The phases (states) of a traject, spec process-and-forms 1.2.

Only the names live here; the transition rules are in ``phase_machine``.
"""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    AANGEMELD = "AANGEMELD"
    IN_BEOORDELING = "IN_BEOORDELING"
    NIET_GESTART = "NIET_GESTART"
    WACHTLIJST = "WACHTLIJST"
    KENNISMAKING = "KENNISMAKING"
    INFORMATIEFASE = "INFORMATIEFASE"
    PLANVORMING = "PLANVORMING"
    UITVOERING = "UITVOERING"
    AFRONDING = "AFRONDING"
    NAZORG = "NAZORG"
    AFGESLOTEN = "AFGESLOTEN"

    @property
    def label(self) -> str:
        """The Dutch label shown to coaches (spec 1.2)."""
        return PHASE_LABELS[self]

    @property
    def is_terminal(self) -> bool:
        return self in (Phase.NIET_GESTART, Phase.AFGESLOTEN)

    @property
    def number(self) -> int:
        """The state's number in the spec's table (1 = AANGEMELD … 11 = AFGESLOTEN)."""
        return list(Phase).index(self) + 1


PHASE_LABELS: dict[Phase, str] = {
    Phase.AANGEMELD: "Aanmelding",
    Phase.IN_BEOORDELING: "Checks en besluit",
    Phase.NIET_GESTART: "Niet gestart",
    Phase.WACHTLIJST: "Wachtlijst",
    Phase.KENNISMAKING: "Kennismaking",
    Phase.INFORMATIEFASE: "Informatiefase",
    Phase.PLANVORMING: "Planvorming",
    Phase.UITVOERING: "Uitvoering",
    Phase.AFRONDING: "Afronding",
    Phase.NAZORG: "Nazorg",
    Phase.AFGESLOTEN: "Afgesloten",
}

# Phases in which a signed plan exists and the three-monthly evaluation cycle runs.
EVALUATED_PHASES = frozenset({Phase.UITVOERING, Phase.AFRONDING})
