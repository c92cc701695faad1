"""Guards against a Qt binding that corrupts reference counts (PySide6 6.12.0 on Python 3.11):
our IdleWatcher's eventFilter runs for every event, so a leak of one reference to None or False
per call kills the process at exit or crashes it at random."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
from mpg_desktop.ui.idle_watcher import IdleWatcher
app = QApplication([])
watcher = IdleWatcher(60_000)
watcher.start()
window = QWidget()
window.show()
before = (sys.getrefcount(None), sys.getrefcount(False))
for _ in range(3000):
    window.update()
    app.processEvents()
after = (sys.getrefcount(None), sys.getrefcount(False))
print("DRIFT", after[0] - before[0], after[1] - before[1])
"""


def test_event_filter_keeps_reference_counts() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    drift_none, drift_false = (int(x) for x in result.stdout.split("DRIFT")[1].split())
    # A few references come and go with Qt's own objects; a leak per event would be thousands.
    assert abs(drift_none) < 100 and abs(drift_false) < 100
