"""Code lists ship as data, load, and carry "Anders, namelijk …" where the spec asks for it (0.2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mpg_desktop.models.choices import Choice
from mpg_desktop.models.code_lists import (
    CodeListFileError,
    ListId,
    TextRule,
    default_code_lists,
    load_code_lists,
    parse_code_list,
)
from mpg_desktop.models.data_quality_input import DEFAULT_DOMAINS
from mpg_desktop.models.validation import Severity

LISTS = default_code_lists()
SHIPPED = Path(__file__).parents[2] / "mpg_desktop" / "resources" / "code_lists"
# Lists where an "Anders" option would make no sense; each file states why.
WITHOUT_OTHER = {ListId.AANMELDER_TYPE, ListId.URGENTIE, ListId.KADER, ListId.DOSSIERONDERDEEL}


def codes(list_id: ListId) -> list[str]:
    return [item.code for item in LISTS[list_id].items]


def test_every_list_loads() -> None:
    assert set(LISTS) == {list_id.value for list_id in ListId}
    assert all(LISTS[list_id].items and LISTS[list_id].title for list_id in ListId)


@pytest.mark.parametrize("list_id", sorted(set(ListId) - WITHOUT_OTHER))
def test_list_has_other_option_with_required_text(list_id: ListId) -> None:
    other = LISTS[list_id].item("anders")
    assert other is not None and other.text is TextRule.REQUIRED and other.active
    assert "namelijk" in other.label


@pytest.mark.parametrize("list_id", sorted(WITHOUT_OTHER))
def test_lists_without_other_say_why(list_id: ListId) -> None:
    assert LISTS[list_id].item("anders") is None
    assert len(LISTS[list_id].without_other_reason) > 20


def test_spec_values_are_present() -> None:
    assert len(codes(ListId.REDEN_AANMELDING)) == 11  # 10 reasons + Anders (spec 2.2)
    assert len(codes(ListId.REDEN_NO_GO)) == 9  # 8 reasons + Anders (spec 2.4)
    assert len(codes(ListId.REDEN_BEEINDIGING)) == 10  # 9 reasons + Anders (spec 5.6)
    assert codes(ListId.URGENTIE) == ["code_rood", "code_oranje", "regulier"]  # spec 5.10
    assert codes(ListId.KADER) == ["vrijwillig", "drang", "dwang"]
    assert codes(ListId.AANMELDER_TYPE) == ["zelfmelder", "professional", "niet_professional"]
    assert codes(ListId.OPSCHORTING_REDEN) == ["zorgmijdend_eropaf", "crisis", "ziekenhuisopname", "anders"]
    assert {"cjg", "dosa", "lzn_lthg"} <= set(codes(ListId.AANMELDENDE_ORGANISATIE))
    assert codes(ListId.CONTACT_TYPE)[:6] == [
        "huisbezoek",
        "telefoon",
        "berichtje",
        "kantoor",
        "samen_naar_instantie",
        "niet_thuis_afgezegd",
    ]
    assert len(codes(ListId.RISICOFACTOR)) == 23  # 22 factors + Overige namelijk


def test_dropout_reasons_are_tagged() -> None:
    uitval = LISTS[ListId.REDEN_BEEINDIGING].codes_tagged("uitval")
    assert {"uitval_onbereikbaar", "uitval_conflict"} <= uitval
    assert not {"doelen_behaald", "gestabiliseerd_overgedragen", "tijd_is_op", "anders"} & uitval


def test_referral_domains_use_the_default_leefgebieden_codes() -> None:
    assert [c for c in codes(ListId.LEEFGEBIED) if c != "anders"] == list(DEFAULT_DOMAINS)


def test_display_and_checks() -> None:
    reasons = LISTS[ListId.REDEN_AANMELDING]
    assert reasons.display(Choice("anders", "schulden bij de huur")) == "Anders: schulden bij de huur"
    assert reasons.display(Choice("financien")) == "Verbeteren financiële situatie gezin"
    assert reasons.check(Choice("financien"), "reasons", "Reden") == []
    assert (
        reasons.check(None, "reasons", "Reden", is_required=True)[0].message == "Reden is verplicht. Vul dit veld in."
    )
    unknown = reasons.check(Choice("xyz"), "reasons", "Reden")
    assert "'xyz' staat niet in de lijst" in unknown[0].message
    no_text = reasons.check(Choice("anders", " "), "reasons", "Reden")
    assert no_text[0].message == "Reden: vul bij 'Anders, namelijk …' in wat u bedoelt."


def test_retired_item_warns_but_stays_readable() -> None:
    raw = {
        "id": "x",
        "title": "X",
        "items": [
            {"code": "oud", "label": "Oud", "active": False},
            dict(code="anders", label="Anders, namelijk …", text="required"),
        ],
    }
    retired = parse_code_list(raw, "x.json")
    assert [i.code for i in retired.active_items] == ["anders"]
    issues = retired.check(Choice("oud"), "f", "Veld")
    assert [i.severity for i in issues] == [Severity.WAARSCHUWING]


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"id": "x", "items": [{"code": "a", "label": "A"}]}, "optie 'anders'"),
        ({"id": "x", "items": [{"code": "a", "label": "A"}, {"code": "a", "label": "B"}]}, "dubbel"),
        ({"id": "x", "items": [{"code": "a", "label": ""}]}, "leeg label"),
        ({"id": "x", "items": [{"code": "a", "label": "A", "text": "soms"}]}, "text='soms'"),
        ({"id": "x", "items": [{"code": "a", "label": "A", "tags": "uitval"}]}, "'tags' moet een lijst"),
        ({"id": "x"}, "'items'"),
    ],
)
def test_broken_list_is_explained(raw: dict[str, object], fragment: str) -> None:
    with pytest.raises(CodeListFileError) as error:
        parse_code_list(raw, "x.json")
    assert error.value.message.startswith("x.json") and fragment in error.value.message


def test_organisation_can_edit_a_copy(tmp_path: Path) -> None:
    folder = tmp_path / "code_lists"
    shutil.copytree(SHIPPED, folder)
    path = folder / "werkgebied.json"
    data = json.loads(path.read_text("utf-8"))
    data["items"].insert(0, {"code": "oosterparkwijk", "label": "Oosterparkwijk"})
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_code_lists(folder)[ListId.WERKGEBIED].items[0].label == "Oosterparkwijk"


def test_missing_or_broken_file_is_explained(tmp_path: Path) -> None:
    folder = tmp_path / "code_lists"
    shutil.copytree(SHIPPED, folder)
    (folder / "kader.json").write_text("{", encoding="utf-8")
    with pytest.raises(CodeListFileError, match=r"kader\.json: geen geldige JSON"):
        load_code_lists(folder)
    (folder / "kader.json").unlink()
    with pytest.raises(CodeListFileError, match=r"kader\.json ontbreekt"):
        load_code_lists(folder)


def test_file_id_must_match_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "code_lists"
    shutil.copytree(SHIPPED, folder)
    path = folder / "kader.json"
    data = json.loads(path.read_text("utf-8"))
    data["id"] = "frame"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CodeListFileError, match="moet 'kader' zijn"):
        load_code_lists(folder)
