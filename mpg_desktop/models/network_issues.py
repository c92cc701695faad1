"""A finding of the network-map checks: rule code, severity and a Dutch message (what is wrong, what to do).

Messages name network members by display name, so show them in the app but never log them.
"""

from __future__ import annotations

from dataclasses import dataclass

from mpg_desktop.models.network_codes import LabelledCode


class Severity(LabelledCode):
    """``fout`` blocks finalising a snapshot; the others only inform (deadlines warn, never block)."""

    FOUT = ("fout", "Fout")
    WAARSCHUWING = ("waarschuwing", "Waarschuwing")
    INFO = ("info", "Ter informatie")
    HERINNERING = ("herinnering", "Herinnering")


@dataclass(frozen=True)
class Issue:
    code: str  # 'V1'..'V13' of spec 4.4, 'S1'.. for structural checks added here
    severity: Severity
    message: str
    person_id: str | None = None
    field: str = ""
    snapshot_id: str | None = None

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.FOUT
