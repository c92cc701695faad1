"""App start to a usable main window with 2,000 cases, against a bare PySide6 window.

Each sample is a fresh Python process (interpreter start and imports count, as they do for a
coach), timed from just before the process starts until the child says it is usable:
- A: the app opens a store of 2,000 cases and shows the main window; usable = the case list
  is filled and painted;
- B: a bare QMainWindow with one label; usable = shown and painted.
The unlock's Argon2id is excluded (the store uses the cheap bench KDF); ``kdf_unlock`` reports
it apart.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import BenchOptions, Result, interleave, progress
from bench.store_bench import BENCH_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent
CASES = 2000

_APP_CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.ui.app import make_application
from mpg_desktop.ui.main_window import MainWindow
from mpg_desktop.ui.settings import UiSettings
app = make_application([])
store = CaseStore.open(Path(sys.argv[1]), sys.argv[2])
window = MainWindow(store, UiSettings())
def usable(count):
    app.processEvents()
    window.repaint()
    print(repr(time.time()), count, flush=True)
    QTimer.singleShot(0, app.quit)
window.cases_loaded.connect(usable)
window.show()
app.exec()
store.close()
"""

_BARE_CHILD = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("hallo"))
window.resize(1200, 760)
window.show()
def usable():
    app.processEvents()
    window.repaint()
    print(repr(time.time()), 0, flush=True)
    app.quit()
QTimer.singleShot(0, usable)
app.exec()
"""


def _run_child(code: str, args: list[str], env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    if result.returncode != 0:
        raise RuntimeError(f"start-up child failed: {result.stderr[-2000:]}")
    stamp, count = result.stdout.split()[:2]
    if code is _APP_CHILD and int(count) != CASES:
        raise RuntimeError(f"main window listed {count} cases, expected {CASES}")
    return float(stamp) - started


def startup(options: BenchOptions) -> list[Result]:
    from mpg_desktop.storage.case_store import CaseStore
    from mpg_desktop.storage.demo_data import fill_demo_store

    rounds = 3 if options.quick else 9
    with tempfile.TemporaryDirectory(prefix="mpg-bench-start-", dir=options.workdir) as tmp:
        store_dir = Path(tmp) / "store"
        progress(f"start-up: building a store of {CASES} cases")
        store, _ = CaseStore.create(store_dir, PASSPHRASE, kdf=BENCH_KDF, use_device_secret=False)
        fill_demo_store(store, CASES, contacts_per_case=2, with_history=False)
        store.close()
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "MPG_DATA_DIR": str(Path(tmp) / "data"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        # One unmeasured run of each warms the OS file cache for both sides alike.
        _run_child(_APP_CHILD, [str(store_dir), PASSPHRASE], env)
        _run_child(_BARE_CHILD, [], env)
        progress(f"start-up: {rounds} rounds")
        times: dict[str, list[float]] = {"a": [], "b": []}

        def app_start(_round: int) -> None:
            times["a"].append(_run_child(_APP_CHILD, [str(store_dir), PASSPHRASE], env))

        def bare_start(_round: int) -> None:
            times["b"].append(_run_child(_BARE_CHILD, [], env))

        interleave(rounds, app_start, bare_start)
    return [
        Result(
            f"start-up to usable main window, {CASES:,} cases",
            tuple(times["a"]),
            tuple(times["b"]),
            a_label="app",
            b_label="bare window",
            sample="1 process start",
            notes=(
                "start-up: fresh process each sample, timed until the case list is filled and painted "
                "(app) or the window is painted (bare); KDF excluded, see the KDF rows",
            ),
        )
    ]
