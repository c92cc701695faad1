"""Leefgebieden sets and items are shipped data (leefgebieden-scoring 2.2, 2.3, 8, 9)."""

from __future__ import annotations

import pytest

from mpg_desktop.models.leefgebieden_sets import (
    DEFAULT_SET_ID,
    available_sets,
    load_set,
    parse_domain_lists,
    scale_labels,
    slug,
)
from mpg_desktop.models.validation import ValidationError


def test_default_is_de_ploeg_with_nine_domains_in_table_order() -> None:
    ploeg = load_set()
    assert ploeg.set_id == DEFAULT_SET_ID == "ploeg9"
    assert ploeg.codes == (
        "onderwijs_werk",
        "huisvesting",
        "inkomen",
        "opvoeding",
        "geestelijke_gezondheid",
        "lichamelijke_gezondheid",
        "sociaal_netwerk",
        "vrije_tijd",
        "justitiele_veiligheid",
    )
    assert ploeg.domain("justitiele_veiligheid").label_nl == "Justitiële veiligheid"
    assert ploeg.domain("opvoeding").label_nl == "Opvoeding"


def test_forty_five_placeholder_items_five_per_domain() -> None:
    ploeg = load_set()
    assert len(ploeg.items) == 45
    for code in ploeg.codes:
        items = ploeg.items_for(code)
        assert [item.item_id for item in items] == [f"{code}.{i}" for i in range(1, 6)]


def test_item_texts_are_editable_but_ids_fixed() -> None:
    ploeg = load_set()
    edited = ploeg.with_item_texts({"inkomen.1": "Het gezin heeft een vast inkomen."})
    assert edited.items_for("inkomen")[0].text_nl == "Het gezin heeft een vast inkomen."
    assert ploeg.items_for("inkomen")[0].text_nl != edited.items_for("inkomen")[0].text_nl  # original untouched
    assert [i.item_id for i in edited.items] == [i.item_id for i in ploeg.items]
    with pytest.raises(ValidationError, match="bestaat niet"):
        ploeg.with_item_texts({"inkomen.6": "x"})
    with pytest.raises(ValidationError, match="verplicht"):
        ploeg.with_item_texts({"inkomen.1": "  "})


def test_other_seeds_lists_are_selectable() -> None:
    sets = available_sets()
    assert set(sets) == {
        "ploeg9",
        "take5_8",
        "st5",
        "st_survey",
        "vj9",
        "bodden7",
        "rmo4",
        "reset5",
        "np4",
        "netwerk16",
    }
    sizes = {set_id: len(s.domains) for set_id, s in sets.items()}
    assert sizes == {
        "ploeg9": 9,
        "take5_8": 8,
        "st5": 5,
        "st_survey": 10,
        "vj9": 9,
        "bodden7": 7,
        "rmo4": 4,
        "reset5": 5,
        "np4": 4,
        "netwerk16": 16,
    }
    st5 = load_set("st5")
    assert st5.codes[0] == "werk_inkomen_en_schulden"
    assert st5.domains[4].label_nl == "Politie en justitie"
    assert st5.items == ()
    with pytest.raises(KeyError):
        load_set("onbekend")


def test_organisation_list_parses_from_text() -> None:
    text = (
        "seed,list_id,method_or_source,order,label_nl,gloss_en,seed_lines\n"
        "x,eigen,Eigen lijst,2,Financiën,finances,\nx,eigen,Eigen lijst,1,Wonen,housing,\n"
    )
    sets = parse_domain_lists(text)
    assert sets["eigen"].codes == ("wonen", "financien")
    assert sets["eigen"].name_nl == "Eigen lijst"


def test_slug() -> None:
    assert slug("Justitiële veiligheid") == "justitiele_veiligheid"
    assert slug("Jeugd, justitie/overlast") == "jeugd_justitie_overlast"


def test_scale_labels_verbatim() -> None:
    labels = scale_labels()
    assert dict(labels.problematiek) == {
        1: "Aanzienlijk probleem",
        2: "Probleem",
        3: "Geeft wel wat problemen",
        4: "Gaat redelijk goed",
        5: "Geen enkel probleem",
    }
    assert dict(labels.zelfredzaamheid) == {
        1: "niet zelfredzaam",
        2: "onvoldoende zelfredzaam",
        3: "beperkt zelfredzaam",
        4: "voldoende zelfredzaam",
        5: "volledig zelfredzaam",
    }
