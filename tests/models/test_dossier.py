"""The dossier parts checklist (spec 5.5)."""

from __future__ import annotations

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.dossier import dossier_checklist, dossier_complete, missing_parts

ALL = {item.code for item in default_code_lists()[ListId.DOSSIERONDERDEEL].items}


def test_parts_of_de_ploeg_and_the_app_are_listed() -> None:
    labels = [item.label for item in dossier_checklist(ALL, aftercare_reached=True)]
    assert labels[:7] == [
        "Tijdpad",
        "Aanmeldformulier",
        "Nulmeting",
        "Beschrijving problematiek per leefgebied",
        "Gezinsplan",
        "Correspondentie met diverse instanties",
        "Weekoverzichten",
    ]
    assert "Nazorglog" in labels and "Eindverslag" in labels


def test_aftercare_log_only_expected_after_aftercare() -> None:
    assert "nazorglog" not in {item.part for item in dossier_checklist(ALL, aftercare_reached=False)}
    assert dossier_complete(dossier_checklist(ALL - {"nazorglog"}, aftercare_reached=False))


def test_missing_part_needs_a_reason() -> None:
    items = dossier_checklist(ALL - {"mdo_verslagen"}, aftercare_reached=False)
    assert [item.part for item in missing_parts(items)] == ["mdo_verslagen"]
    assert not dossier_complete(items)
    explained = dossier_checklist(
        ALL - {"mdo_verslagen"}, {"mdo_verslagen": "belronde in plaats van MDO"}, aftercare_reached=False
    )
    assert dossier_complete(explained)
