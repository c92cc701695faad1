"""The right-hand side of the main window: one case, its header and its instrument tabs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.ui.tabs import CASE_TABS, CaseTab


class CaseView(QWidget):
    """Emits ``changed`` when a tab saved something (the case list then refreshes)."""

    changed = Signal()

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.case: CaseSummary | None = None
        self.title = QLabel(self)
        self.title.setAccessibleName(self.tr("Gekozen dossier"))
        self.details = QLabel(self)
        self.tabs = QTabWidget(self)
        self.tab_pages: list[CaseTab] = []
        for tab_class in CASE_TABS:
            page = tab_class(store, self.tabs)
            page.changed.connect(self.changed)
            self.tab_pages.append(page)
            self.tabs.addTab(page, page.tab_title())
        self.empty = QLabel(self.tr("Kies links een gezin om het dossier te openen."), self)
        self.empty.setWordWrap(True)
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.title)
        content_layout.addWidget(self.details)
        content_layout.addWidget(self.tabs)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def show_case(self, case: CaseSummary | None) -> None:
        self.case = case
        if case is None:
            self.stack.setCurrentIndex(0)
            return
        self.title.setText(f"<h2>{_escape(case.family_name)}</h2>")
        next_eval = case.next_evaluation()
        parts = [
            self.tr("Dossier {number}").format(number=case.case_number),
            self.tr("Fase: {phase}").format(phase=self.tr(case.phase.label)),
            self.tr("Aangemeld op {day}").format(day=f"{case.referral_date:%d-%m-%Y}"),
        ]
        if next_eval is not None:
            parts.append(self.tr("Volgende evaluatie: {day}").format(day=f"{next_eval:%d-%m-%Y}"))
        self.details.setText(" · ".join(parts))
        for page in self.tab_pages:
            page.load(case)
        self.stack.setCurrentIndex(1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
