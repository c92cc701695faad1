"""'Contacten': the contact log and, below it, the weekly summaries (spec 5.1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.ui.records.case_context import load_case_context
from mpg_desktop.ui.records.contact_log_panel import ContactLogPanel
from mpg_desktop.ui.records.weekly_overview import WeeklyOverviewPanel
from mpg_desktop.ui.tabs.base import CaseTab


class ContactsTab(CaseTab):
    title = "Contacten"

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.log = ContactLogPanel(store, splitter)
        self.overview = WeeklyOverviewPanel(store, splitter)
        splitter.addWidget(self.log)
        splitter.addWidget(self.overview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.log.changed.connect(self._contacts_changed)
        self.overview.changed.connect(self.changed)

    def load(self, case: CaseSummary) -> None:
        context = load_case_context(self.store, case)
        self.log.load(context)
        self.overview.load(context, self.log.entries())

    def _contacts_changed(self) -> None:
        if self.log.context is not None:
            self.overview.load(self.log.context, self.log.entries())
        self.changed.emit()
