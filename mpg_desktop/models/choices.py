"""Answers to coded questions: a choice from a code list (with its "namelijk" text) and Ja/Nee/Onbekend."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The code every code list uses for its "Anders, namelijk …" option (spec 0.2).
OTHER = "anders"


class Tri(StrEnum):
    """The spec's ``tri`` type: yes / no / unknown. None on a record means "not asked yet"."""

    JA = "ja"
    NEE = "nee"
    ONBEKEND = "onbekend"

    @property
    def label(self) -> str:
        return {"ja": "Ja", "nee": "Nee", "onbekend": "Onbekend"}[self.value]


@dataclass(frozen=True)
class Choice:
    """One chosen item of a code list: its stable ``code`` and, where the item asks for it, the
    free text after "namelijk" (spec 0.2: free text lives only there)."""

    code: str
    text: str = ""

    @property
    def is_other(self) -> bool:
        return self.code == OTHER
