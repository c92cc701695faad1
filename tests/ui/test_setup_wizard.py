"""First start: the set-up wizard creates the store and shows the recovery code once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from mpg_desktop.storage.case_store import CaseStore, store_exists
from mpg_desktop.ui.setup_wizard import SetupWizard
from tests.conftest import FAST_KDF


def test_wizard_walk_creates_store_and_shows_code(qtbot, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(store_dir, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert "niemand" in wizard.welcome_page.findChildren(type(wizard.recovery_page.view.code_label))[0].text()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.coach_page
    assert not next_button.isEnabled()  # name and organisation are required
    qtbot.keyClicks(wizard.coach_page.name, "Fatima Coach")
    qtbot.keyClicks(wizard.coach_page.organisation, "Gemeente Testdorp")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.fields.first, "kort")
    assert not next_button.isEnabled()
    assert "Te kort" in page.fields.feedback.text()
    page.fields.first.clear()
    qtbot.keyClicks(page.fields.first, "Gemeente Testdorp")  # guessable: the organisation's name
    qtbot.keyClicks(page.fields.second, "Gemeente Testdorp")
    assert not next_button.isEnabled()
    page.fields.clear()
    qtbot.keyClicks(page.fields.first, "paarse fiets onder de brug")
    qtbot.keyClicks(page.fields.second, "paarse fiets onder de brug")
    assert next_button.isEnabled()
    assert not store_exists(store_dir)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.recovery_page
    assert store_exists(store_dir)
    code = wizard.recovery_code
    shown = wizard.recovery_page.view.code_label.text().replace("\n", "  ").split()
    assert "-".join(shown) == code
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # the coach must confirm the code is kept
    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.created, timeout=3000) as blocker:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    store = blocker.args[0]
    assert store.get_meta("coach_name") == "Fatima Coach"
    assert wizard.recovery_code == ""  # not kept in memory after the wizard
    store.close()
    CaseStore.open(store_dir, "paarse fiets onder de brug").close()
    CaseStore.open_with_recovery_code(store_dir, code, "nog een andere lange zin").close()
