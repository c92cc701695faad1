"""Screenshots of the main screens for the user guide and for review: ``make screenshots``.

Works on a throw-away data folder with synthetic families; never on a coach's store.
Usage: ``python -m mpg_desktop.ui.screenshots OUTPUT_DIR`` (under xvfb-run on a server).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def _settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _save(widget: QWidget, folder: Path, name: str) -> None:
    _settle()
    widget.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def take_all(folder: Path) -> None:
    from mpg_desktop.storage import paths
    from mpg_desktop.storage.demo_data import DEMO_PASSPHRASE
    from mpg_desktop.storage.key_wrapping import KdfParams
    from mpg_desktop.ui.app import ensure_demo_store, make_application
    from mpg_desktop.ui.controller import AppController
    from mpg_desktop.ui.setup_wizard import SetupWizard

    app = make_application([])
    folder.mkdir(parents=True, exist_ok=True)

    wizard = SetupWizard(paths.data_dir() / "wizard-store", kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1))
    wizard.show()
    _save(wizard, folder, "wizard-1-welkom")
    wizard.next()
    wizard.coach_page.name.setText("Fatima de Coach")
    wizard.coach_page.organisation.setText("Gemeente Voorbeeld")
    _save(wizard, folder, "wizard-2-coach")
    wizard.next()
    wizard.passphrase_page.fields.first.setText("paarse fiets onder de brug")
    wizard.passphrase_page.fields.second.setText("paarse fiets onder de brug")
    _save(wizard, folder, "wizard-3-wachtwoordzin")
    wizard.next()
    _save(wizard, folder, "wizard-4-herstelcode")
    if wizard.store is not None:
        wizard.store.close()
    wizard.close()

    demo_dir = paths.demo_store_dir()
    ensure_demo_store(demo_dir)
    controller = AppController(demo_dir)
    controller.start()
    dialog = controller.unlock_dialog
    assert dialog is not None
    _save(dialog, folder, "ontgrendelen-demo")
    dialog.passphrase.setText("verkeerde zin")
    dialog.try_unlock()
    _settle(1500)
    _save(dialog, folder, "ontgrendelen-fout")
    dialog.passphrase.setText(DEMO_PASSPHRASE)
    dialog.try_unlock()
    _settle(1500)
    window = controller.main_window
    assert window is not None
    window.table.selectRow(3)
    _save(window, folder, "hoofdvenster")
    from mpg_desktop.ui.person_dialog import PersonDialog

    person_dialog = PersonDialog(parent=window)
    person_dialog.show()
    person_dialog.first_name.setText("Noor")
    person_dialog.birth_date.setText("31-02-2020")
    person_dialog.save()
    _save(person_dialog, folder, "gezinslid-fout")
    person_dialog.guard.dirty = False
    person_dialog.reject()
    window.due_filter.setChecked(True)
    window.table.selectRow(0)
    _save(window, folder, "hoofdvenster-evaluatie-nodig")
    _lifecycle_screens(window, folder)
    from mpg_desktop.ui.network.shots import take_network_shots

    take_network_shots(folder)  # the network map: 15 persons, 200 persons, the diff view (made-up maps)
    controller.lock()
    app.processEvents()


def _lifecycle_screens(window: QWidget, folder: Path) -> None:
    """The referral form (empty and with errors), the phase tab and its dialogs."""
    from datetime import date

    from mpg_desktop.models.phase_machine import transition_kind
    from mpg_desktop.models.phases import Phase
    from mpg_desktop.ui.decision_dialog import DecisionDialog
    from mpg_desktop.ui.referral_dialog import ReferralDialog
    from mpg_desktop.ui.tabs.phase_tab import PhaseTab, requirements_seen
    from mpg_desktop.ui.transition_dialog import TransitionDialog

    referral = ReferralDialog(window)
    referral.resize(900, 900)
    referral.show()
    _save(referral, folder, "aanmelding")
    referral.referral_date.setText("31-02-2026")
    referral.save()
    _save(referral, folder, "aanmelding-fouten")
    referral.guard.dirty = False
    referral.reject()

    main = window  # MainWindow
    main.due_filter.setChecked(False)  # type: ignore[attr-defined]
    main.phase_filter.setCurrentIndex(main.phase_filter.findData(Phase.IN_BEOORDELING.value))  # type: ignore[attr-defined]
    main.table.selectRow(0)  # type: ignore[attr-defined]
    view = main.case_view  # type: ignore[attr-defined]
    tab = next(page for page in view.tab_pages if isinstance(page, PhaseTab))
    view.tabs.setCurrentWidget(tab)
    _save(main, folder, "fase-en-termijnen")
    state = tab.state
    assert state is not None
    decision = DecisionDialog(state.referral, (), decided_by="Demo-coach", parent=tab)
    decision.show()
    _save(decision, folder, "besluit")
    decision.guard.dirty = False
    decision.reject()
    kind = transition_kind(state.phase, Phase.KENNISMAKING)
    if kind is not None:
        move = TransitionDialog(
            state.phase,
            Phase.KENNISMAKING,
            kind,
            by="Demo-coach",
            met=requirements_seen(tab.store, state, date.today()),
            closed_on=None,
            parent=tab,
        )
        move.show()
        move.apply()
        _save(move, folder, "fase-overgang-geweigerd")
        move.reject()
    main.phase_filter.setCurrentIndex(0)  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "screenshots").resolve()
    with tempfile.TemporaryDirectory(prefix="mpg-screens-") as tmp:
        os.environ["MPG_DATA_DIR"] = tmp
        os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
        take_all(out)
        app = QApplication.instance()
        if app is not None:
            app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
