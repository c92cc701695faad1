"""Passphrase strength rules and recovery-code normalisation."""

from __future__ import annotations

from mpg_desktop.models.passphrase_policy import MIN_LENGTH, assess_passphrase
from mpg_desktop.storage.recovery_code import new_recovery_code, normalise_recovery_code


def test_short_passphrase_is_refused_with_advice() -> None:
    result = assess_passphrase("Kort1!")
    assert not result.acceptable and str(MIN_LENGTH) in result.message


def test_long_but_guessable_is_refused() -> None:
    result = assess_passphrase("wachtwoord12345")
    assert not result.acceptable and "raden" in result.message


def test_organisation_name_counts_as_guessable() -> None:
    assert assess_passphrase("Gemeente Testdorp", ["Gemeente Testdorp"]).acceptable is False


def test_four_words_are_fine() -> None:
    result = assess_passphrase("paarse fiets onder de brug")
    assert result.acceptable and result.message == "" and result.score >= 3


def test_recovery_codes_are_random_and_forgiving() -> None:
    code = new_recovery_code()
    assert len(code) == 39 and code.count("-") == 7
    assert new_recovery_code() != code
    assert normalise_recovery_code(code.lower().replace("-", " ")) == code
    assert normalise_recovery_code("AAAA-BBBB") is None
    assert (
        normalise_recovery_code("aaaa bbbb cccc dddd eeee ffff gggg hhh0") == "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHO"
    )
