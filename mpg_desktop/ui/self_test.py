"""``mpg-desktop self-test``: proves a built program works on this machine.

In a throw-away data folder it creates a store (production key derivation, this machine's
keyring if there is one), fills it with demo families, locks it, unlocks it with the passphrase,
opens the main window and waits until the case list is shown. Exit code 0 means all of that
worked; the output names each step.
"""

from __future__ import annotations

import os
import sys
import tempfile

from PySide6.QtCore import QEventLoop, QTimer


def run_self_test() -> int:
    from mpg_desktop.storage import paths
    from mpg_desktop.storage.case_store import CaseStore
    from mpg_desktop.storage.demo_data import fill_demo_store
    from mpg_desktop.ui.app import make_application
    from mpg_desktop.ui.main_window import MainWindow
    from mpg_desktop.ui.settings import UiSettings

    with tempfile.TemporaryDirectory(prefix="mpg-self-test-") as tmp:
        os.environ["MPG_DATA_DIR"] = tmp
        store_dir = paths.data_dir() / "store"
        passphrase = "zelftest met een lange wachtwoordzin"
        store, _code = CaseStore.create(store_dir, passphrase, coach_name="Zelftest", organisation="Zelftest")
        fill_demo_store(store, 5, contacts_per_case=1)
        store.close()
        print("1/4 dossierbestand gemaakt en vergrendeld")
        store = CaseStore.open(store_dir, passphrase)
        print(f"2/4 ontgrendeld (sleutelbos: {'ja' if store.header.uses_device_secret else 'nee'})")
        if not store.verify().ok:
            print("FOUT: bestandscontrole", file=sys.stderr)
            return 1
        print("3/4 bestand gecontroleerd")
        make_application([sys.argv[0]])
        window = MainWindow(store, UiSettings())
        shown: list[int] = []
        # A local loop, not app.exec()/quit(): quitting the application would end every later
        # event loop in the same process (the test suite runs this in-process).
        loop = QEventLoop()

        def loaded(count: int) -> None:
            shown.append(count)
            loop.quit()

        window.cases_loaded.connect(loaded)
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)  # never hang a build pipeline
        guard.start(30_000)
        window.show()
        loop.exec()
        guard.stop()
        window.close()
        window.deleteLater()
        store.close()
        if shown != [5]:
            print(f"FOUT: hoofdvenster toonde {shown} dossiers in plaats van 5", file=sys.stderr)
            return 1
        print("4/4 hoofdvenster getoond met 5 dossiers")
    print("Zelftest geslaagd.")
    return 0
