"""The layers hold: nothing below ui imports Qt, and the import contracts are kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_everything_below_ui_imports_without_qt() -> None:
    code = (
        "import pkgutil, importlib, sys\n"
        "import mpg_desktop.cli, mpg_desktop.logging_setup\n"
        "for layer in ('models', 'storage', 'sync', 'documents'):\n"
        "    package = importlib.import_module('mpg_desktop.' + layer)\n"
        "    for m in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        if '.migrations' not in m.name:\n"
        "            importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print('QT:', bad)\n"
        "print('COUNT:', sum(1 for n in sys.modules if n.startswith('mpg_desktop.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "QT: []" in result.stdout
    count = int(result.stdout.split("COUNT:")[1])
    assert count > 15  # the walk really imported the package


def test_import_contracts() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports is not None, "import-linter is a dev dependency"
    result = subprocess.run([lint_imports], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "2 kept, 0 broken" in result.stdout
