"""A last-resort exception hook: log without case data, show one friendly Dutch message."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("mpg_desktop.crash")


def _hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    # The exception's message can quote data (a name in a ValueError); log only type and frames.
    log.error("unhandled %s\n%s", kind.__name__, "".join(traceback.format_tb(tb)))
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            "MPG Desktop",
            QApplication.translate(
                "error_hook",
                "Er ging iets mis in MPG Desktop. Wat u al had opgeslagen, is bewaard. "
                "Sla uw werk opnieuw op en probeer het nog eens. Blijft dit gebeuren, meld het dan bij uw beheerder.",
            ),
        )


def install() -> None:
    sys.excepthook = _hook
