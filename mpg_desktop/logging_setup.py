"""Logging to a rotating file in the data folder.

Log lines name record ids and store ids, never people: no module logs names, notes or any
field content, and exceptions are logged with their type and traceback only.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "mpg_desktop.log"


def configure_logging(folder: Path, level: int = logging.INFO) -> Path:
    path = folder / LOG_NAME
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        path.chmod(0o600)
    root.setLevel(level)
    return path
