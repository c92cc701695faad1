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
    controller.lock()
    app.processEvents()


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
