"""Relationship and support-type lists (spec 4.3.3, 4.3.4) and the defaults they give a new person."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpg_desktop.models.network_catalogue import default_catalogue, load_catalogue
from mpg_desktop.models.network_codes import Category, NetworkType, SupportGroup
from mpg_desktop.models.network_map import Person
from mpg_desktop.models.network_snapshot import default_state
from mpg_desktop.models.validation import ValidationError

K, FR, V, B, M, P = (
    Category.KERNFAMILIE,
    Category.FAMILIE_RUIM,
    Category.VRIENDEN,
    Category.BUURT_VRIJWILLIGERS,
    Category.MAATSCHAPPELIJK,
    Category.PROFESSIONEEL,
)
PE, VR, PR = NetworkType.PERSOONLIJK, NetworkType.VRIJWILLIGER, NetworkType.PROFESSIONEEL

# Spec bolletjesschema 4.3.3, copied: code -> (category, network type).
SPEC_4_3_3 = {
    "partner": (K, PE),
    "ex_partner": (K, PE),
    "kind": (K, PE),
    "broer_zus": (K, PE),
    "ouder": (K, PE),
    "stiefouder": (K, PE),
    "grootouder": (FR, PE),
    "oom_tante": (FR, PE),
    "neef_nicht": (FR, PE),
    "schoonfamilie": (FR, PE),
    "overige_familie": (FR, PE),
    "vriend": (V, PE),
    "kennis": (V, PE),
    "buur": (B, PE),
    "buurtorganisatie": (B, VR),
    "vrijwilliger": (B, VR),
    "oppas": (B, PE),
    "club": (M, PE),
    "geloofsgemeenschap": (M, PE),
    "school": (M, PE),
    "werk": (M, PE),
    **{
        code: (P, PR)
        for code in (
            "huisarts",
            "jeugdbescherming",
            "cjg",
            "jeugdzorg",
            "schuldhulp",
            "maatschappelijk_werk",
            "wijkteam",
            "ggz",
            "bewindvoerder",
            "advocaat",
            "overige_professional",
        )
    },
}

# Spec 4.3.4: code -> roll-up group.
SPEC_4_3_4 = {
    "emotioneel": "emotioneel",
    "gezelschap": "emotioneel",
    "praktisch": "praktisch",
    "vervoer": "praktisch",
    "begeleiden_instanties": "praktisch",
    "administratief": "praktisch",
    "opvang_kinderen": "praktisch",
    "opvoeding": "praktisch",
    "huisvesting": "praktisch",
    "toezicht": "praktisch",
    "financieel_materieel": "financieel",
    "informatie_advies": "informatief",
}


def test_relationships_follow_spec_4_3_3() -> None:
    catalogue = default_catalogue()
    found = {code: (info.category, info.network_type) for code, info in catalogue.relationships.items()}
    assert found == SPEC_4_3_3


def test_professionals_map_to_tabel_a4_rows() -> None:
    rows = {code: info.tabel_a4_row for code, info in default_catalogue().relationships.items()}
    assert rows["schuldhulp"] == "KBR"
    assert rows["wijkteam"] == "Wijkteam"
    assert rows["ggz"] == rows["advocaat"] == "Anders"
    assert rows["vriend"] == ""


def test_support_types_follow_spec_4_3_4() -> None:
    catalogue = default_catalogue()
    assert {code: info.group.value for code, info in catalogue.support_types.items()} == SPEC_4_3_4
    assert catalogue.support_group("toezicht") is SupportGroup.PRAKTISCH
    assert catalogue.support_group("bestaat_niet") is None
    assert [g.badge for g in SupportGroup] == ["P", "F", "E", "I"]


@pytest.mark.parametrize(
    ("relationship", "household", "category", "network_type", "ring"),
    [
        ("kind", True, K, PE, 1),
        ("ouder", False, K, PE, 2),
        ("grootouder", False, FR, PE, 3),
        ("vrijwilliger", False, B, VR, 3),
        ("werk", False, M, PE, 4),
        ("ggz", False, P, PR, 3),
    ],
)
def test_a_new_person_gets_defaults_from_the_relationship(
    relationship: str, household: bool, category: Category, network_type: NetworkType, ring: int
) -> None:
    state = default_state(Person("x", "X", relationship), household=household)
    assert (state.category, state.network_type, state.ring, state.household) == (
        category,
        network_type,
        ring,
        household,
    )
    assert state.tie.rating is None  # not rated until the client says so


def test_unknown_relationship_is_refused_in_dutch() -> None:
    with pytest.raises(ValidationError, match="staat niet in de lijst"):
        default_state(Person("x", "X", "achterneef"))


def test_an_organisation_can_ship_its_own_lists(tmp_path: Path) -> None:
    relationships = tmp_path / "relaties.csv"
    relationships.write_text(
        "code,label_nl,label_en,role_label,category,network_type,tabel_a4_row\n"
        "achterneef,achterneef,second cousin,achterneef,FAMILIE_RUIM,persoonlijk,\n",
        encoding="utf-8",
    )
    catalogue = load_catalogue(relationships_csv=relationships)
    assert list(catalogue.relationships) == ["achterneef"]
    assert default_state(Person("x", "X", "achterneef"), catalogue=catalogue).category is FR
    assert "praktisch" in catalogue.support_types  # the shipped support list still applies


def test_category_sectors_and_labels() -> None:
    assert [c.sector_order for c in Category] == [1, 2, 3, 4, 5, 6]
    assert Category.VRIENDEN.label == "Vrienden"
    assert Category.PROFESSIONEEL.label == "Professionele hulpverleners"
