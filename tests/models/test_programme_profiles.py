"""Programme profiles as data (spec 1.3, 1.4, 1.5): the shipped file, inheritance and file errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mpg_desktop.models.offsets import Offset, Unit, add_working_days
from mpg_desktop.models.programme_profiles import (
    AdmissionCriterion,
    Anchor,
    DeadlineKind,
    ProfileFileError,
    default_programme_profiles,
    load_programme_profiles,
    parse_programme_profiles,
    profile_or_default,
)

PROFILES = default_programme_profiles()


def test_offsets_are_read_as_coaches_write_them() -> None:
    assert Offset.parse("14 dagen") == Offset(14, Unit.DAGEN)
    assert Offset.parse(" 2 Werkdagen ") == Offset(2, Unit.WERKDAGEN)
    assert Offset.parse("1 week") == Offset(1, Unit.WEKEN)
    assert Offset.parse("3 months") == Offset(3, Unit.MAANDEN)
    assert str(Offset(8, Unit.WEKEN)) == "8 weken"
    with pytest.raises(ValueError, match="geen termijn"):
        Offset.parse("twee weken")


def test_offset_arithmetic() -> None:
    friday = date(2026, 3, 6)
    assert add_working_days(friday, 2) == date(2026, 3, 10)  # over the weekend
    assert add_working_days(friday, 0) == friday
    assert Offset(5, Unit.WERKDAGEN).after(date(2026, 3, 16)) == date(2026, 3, 23)
    assert Offset(3, Unit.MAANDEN).after(date(2026, 11, 30)) == date(2027, 2, 28)
    assert Offset(8, Unit.WEKEN).after(date(2026, 3, 16)) == date(2026, 5, 11)


def test_all_six_programmes_and_the_default_ship() -> None:
    assert set(PROFILES) == {
        "standaard",
        "de_ploeg",
        "take5",
        "sociaal_team",
        "reset",
        "nieuwe_perspectieven",
        "mpg_plus",
    }
    assert all(profile.label and profile.source for profile in PROFILES.values())


def test_default_profile_numbers_of_spec_1_4() -> None:
    p = PROFILES["standaard"]
    besluit = p.deadline(DeadlineKind.BESLUIT)
    assert besluit is not None and (besluit.due, besluit.anchor) == (Offset(14, Unit.DAGEN), Anchor.RECEIVED)
    intro = p.deadline(DeadlineKind.KENNISMAKING)
    assert intro is not None and (intro.due, intro.anchor) == (Offset(14, Unit.DAGEN), Anchor.DECISION)
    info = p.deadline(DeadlineKind.INFORMATIEFASE)
    assert info is not None and (info.warn, info.due) == (Offset(4, Unit.WEKEN), Offset(8, Unit.WEKEN))
    plan = p.deadline(DeadlineKind.PLAN_ONDERTEKEND)
    assert plan is not None and plan.due == Offset(8, Unit.WEKEN) and plan.anchor is Anchor.START
    checks = p.deadline(DeadlineKind.CHECKS_STARTEN)
    assert checks is not None and checks.due == Offset(2, Unit.WERKDAGEN)
    feedback = p.deadline(DeadlineKind.TERUGKOPPELING_BESLUIT)
    assert feedback is not None and feedback.due == Offset(5, Unit.WERKDAGEN)
    assert p.evaluation.interval_months == 3 and p.evaluation.anchor is Anchor.PLAN_SIGNED
    assert p.duration_review_months == (6, 12)
    assert p.duration_months is None  # spec 0.3.3: no hard-coded maximum duration
    assert (p.aftercare.max_months, p.aftercare.max_contacts) == (3, 3)
    assert (p.extension.max_months, p.extension.max_count, p.extension.warn_after) == (None, None, 2)
    assert p.deadline(DeadlineKind.TUSSENEVALUATIE) is None


def test_programme_numbers_of_spec_1_3() -> None:
    st = PROFILES["sociaal_team"]
    assert st.duration_months == 6 and st.extension.max_months == 3 and st.aftercare.max_months == 3
    assert st.evaluation.at_months == (3, 6, 9)
    np_ = PROFILES["nieuwe_perspectieven"]
    assert np_.duration_months == 3 and np_.extension.max_months == 3 and np_.aftercare.max_contacts == 3
    assert np_.admission_criteria == ()  # NP dropped its contra-indication list
    take5 = PROFILES["take5"]
    besluit = take5.deadline(DeadlineKind.BESLUIT)
    assert besluit is not None and besluit.due == Offset(3, Unit.DAGEN)
    assert take5.evaluation.at_months == (6, 9, 12) and take5.duration_months == 12
    reset = PROFILES["reset"]
    start = reset.deadline(DeadlineKind.KENNISMAKING)
    assert start is not None and (start.due, start.anchor) == (Offset(3, Unit.WEKEN), Anchor.REFERRAL)
    assert reset.hours_budget == 85 and reset.aftercare.max_months is None
    assert AdmissionCriterion.RESET_VARIANT in reset.admission_criteria
    ploeg = PROFILES["de_ploeg"]
    info = ploeg.deadline(DeadlineKind.INFORMATIEFASE)
    assert info is not None and info.due == Offset(4, Unit.WEKEN) and info.warn is None  # whole rule replaced
    assert ploeg.duration_months is None and "korrewegwijk" in ploeg.areas
    assert PROFILES["mpg_plus"].duration_months is None


def test_inherited_profile_equals_its_base_except_its_own_fields() -> None:
    base, plus = PROFILES["standaard"], PROFILES["mpg_plus"]
    assert plus.deadlines == base.deadlines and plus.evaluation == base.evaluation
    assert plus.label != base.label


def test_unknown_profile_id_falls_back_to_default() -> None:
    assert profile_or_default("verwijderd_profiel").id == "standaard"
    assert profile_or_default("reset").id == "reset"


def _document(**changes: Any) -> dict[str, Any]:
    shipped = json.loads(
        (Path(__file__).parents[2] / "mpg_desktop/resources/programme_profiles.json").read_text("utf-8")
    )
    custom = {"id": "eigen", "based_on": "standaard", "label": "Eigen", "description": "", "source": "", **changes}
    shipped["profiles"].append(custom)
    return shipped


def test_organisation_profile_overrides_only_what_it_names() -> None:
    profiles = parse_programme_profiles(
        _document(deadlines={"besluit": {"after": "10 werkdagen", "from": "referral"}, "afronding": None})
    )
    eigen = profiles["eigen"]
    besluit = eigen.deadline(DeadlineKind.BESLUIT)
    assert besluit is not None and besluit.due == Offset(10, Unit.WERKDAGEN) and besluit.anchor is Anchor.REFERRAL
    assert eigen.deadline(DeadlineKind.AFRONDING) is None  # null switched it off
    assert eigen.deadline(DeadlineKind.KENNISMAKING) == profiles["standaard"].deadline(DeadlineKind.KENNISMAKING)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"aftercre": {}}, "onbekende sleutel(s) aftercre"),
        ({"aftercare": {"max_maanden": 2}}, "aftercare: onbekende sleutel"),
        ({"deadlines": {"besluit": {"after": "veertien dagen", "from": "received"}}}, "geen termijn"),
        ({"deadlines": {"besluit": {"after": "14 dagen", "from": "gisteren"}}}, "'from' moet een van deze"),
        ({"deadlines": {"intake": {"after": "14 dagen", "from": "start"}}}, "onbekende termijn 'intake'"),
        ({"deadlines": {"besluit": {"after": "1 week", "warn_after": "2 weken", "from": "start"}}}, "moet korter zijn"),
        ({"duration_months": -1}, "heel getal"),
        ({"admission_criteria": ["woont_in_groningen"]}, "onbekend toelatingscriterium"),
        ({"based_on": "bestaat_niet"}, "based_on 'bestaat_niet' bestaat niet"),
        ({"based_on": "eigen"}, "kring"),
    ],
)
def test_file_errors_name_profile_and_problem(changes: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ProfileFileError) as error:
        parse_programme_profiles(_document(**changes))
    assert "profiel 'eigen'" in error.value.message and fragment in error.value.message


def test_base_profile_must_be_complete() -> None:
    document = {"profiles": [{"id": "standaard", "label": "S"}]}
    with pytest.raises(ProfileFileError, match="ontbreekt: admission_criteria"):
        parse_programme_profiles(document)


def test_loading_a_broken_file_explains(tmp_path: Path) -> None:
    broken = tmp_path / "programme_profiles.json"
    broken.write_text('{"profiles": [', encoding="utf-8")
    with pytest.raises(ProfileFileError, match="geen geldige JSON"):
        load_programme_profiles(broken)
    with pytest.raises(ProfileFileError, match="ontbreekt"):
        load_programme_profiles(tmp_path / "weg.json")
