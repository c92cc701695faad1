"""The dossier parts checklist (*dossieronderdelen*, spec 5.5).

The parts are the code list dossieronderdeel (an organisation may add its own). A part is ticked
when its record exists (the caller knows which records exist); a missing part may be explained
with a reason. A case cannot be closed regularly while a part is missing without a reason; a
dropout (uitval) is exempt.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from mpg_desktop.models.code_lists import CodeLists, ListId, default_code_lists

ONLY_AFTER_AFTERCARE_TAG = "alleen_na_nazorg"


@dataclass(frozen=True)
class DossierItem:
    part: str  # code of dossieronderdeel
    label: str
    present: bool
    missing_reason: str = ""

    @property
    def ok(self) -> bool:
        return self.present or bool(self.missing_reason.strip())


def dossier_checklist(
    present: Collection[str],
    missing_reasons: Mapping[str, str] | None = None,
    *,
    aftercare_reached: bool,
    code_lists: CodeLists | None = None,
) -> tuple[DossierItem, ...]:
    """The checklist in list order. ``present``: codes of parts whose record exists;
    ``aftercare_reached``: the aftercare log is only expected once the case was in NAZORG."""
    lists = code_lists or default_code_lists()
    reasons = missing_reasons or {}
    items = []
    for item in lists[ListId.DOSSIERONDERDEEL].active_items:
        if ONLY_AFTER_AFTERCARE_TAG in item.tags and not aftercare_reached:
            continue
        items.append(DossierItem(item.code, item.label, item.code in present, reasons.get(item.code, "")))
    return tuple(items)


def missing_parts(items: Sequence[DossierItem]) -> tuple[DossierItem, ...]:
    """Parts that are neither present nor explained."""
    return tuple(item for item in items if not item.ok)


def dossier_complete(items: Sequence[DossierItem]) -> bool:
    """Requirement DOSSIER_COMPLETE."""
    return not missing_parts(items)
