"""What every case tab implements."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.storage.case_store import CaseStore


class CaseTab(QWidget):
    """One tab of the case view. Subclasses set ``title`` and implement ``load``.

    ``load`` runs on the GUI thread and should read only what the tab shows; a tab that needs
    heavy work starts a Job from there. After saving a change a tab emits ``changed`` so the
    case list and other tabs refresh.
    """

    title = ""
    changed = Signal()

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def tab_title(self) -> str:
        return self.tr(self.title)

    def load(self, case: CaseSummary) -> None:
        raise NotImplementedError
