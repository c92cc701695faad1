"""'Verslaglegging': meetings (MDO), requests to partners, aftercare and the dossier checklist,
each on a sub-tab. Aftercare only shows once the case reaches the end of support or has
aftercare contacts, so an active case is not cluttered with an empty page."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.phases import Phase
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.ui.records.aftercare_panel import AftercarePanel
from mpg_desktop.ui.records.case_context import CaseContext, load_case_context
from mpg_desktop.ui.records.dossier_panel import DossierPanel
from mpg_desktop.ui.records.mdo_panel import MdoPanel
from mpg_desktop.ui.records.request_panel import RequestPanel
from mpg_desktop.ui.tabs.base import CaseTab

AFTERCARE_PHASES = frozenset({Phase.AFRONDING, Phase.NAZORG, Phase.AFGESLOTEN})


class RecordsTab(CaseTab):
    title = "Verslaglegging"

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.pages = QTabWidget(self)
        self.mdo = MdoPanel(store, self.pages)
        self.requests = RequestPanel(store, self.pages)
        self.aftercare = AftercarePanel(store, self.pages)
        self.dossier = DossierPanel(store, self.pages)
        self.pages.addTab(self.mdo, self.tr("&MDO en overleg"))
        self.pages.addTab(self.requests, self.tr("&Aanvragen"))
        self.aftercare_index = self.pages.addTab(self.aftercare, self.tr("&Nazorg"))
        self.pages.addTab(self.dossier, self.tr("&Dossieronderdelen"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        for panel in (self.mdo, self.requests, self.aftercare):
            panel.changed.connect(self._record_changed)
        self.dossier.changed.connect(self.changed)

    def load(self, case: CaseSummary) -> None:
        context = load_case_context(self.store, case)
        for panel in (self.mdo, self.requests, self.aftercare):
            panel.load(context)
        self.dossier.load(context)
        self._show_aftercare(context)

    def _show_aftercare(self, context: CaseContext) -> None:
        wanted = context.state.phase in AFTERCARE_PHASES or context.aftercare_reached or bool(self.aftercare.records)
        self.pages.setTabVisible(self.aftercare_index, wanted)

    def _record_changed(self) -> None:
        # MDO reports and the aftercare log tick dossier parts automatically.
        if self.dossier.context is not None:
            self.dossier.reload()
        self.changed.emit()
