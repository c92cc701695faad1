"""The tabs of the case view. Adding an instrument is one small CaseTab subclass in CASE_TABS."""

from __future__ import annotations

from mpg_desktop.ui.tabs.base import CaseTab
from mpg_desktop.ui.tabs.consent_tab import ConsentTab
from mpg_desktop.ui.tabs.contacts_tab import ContactsTab
from mpg_desktop.ui.tabs.dossier_tab import DossierTab
from mpg_desktop.ui.tabs.household_tab import HouseholdTab
from mpg_desktop.ui.tabs.network_tab import NetworkTab
from mpg_desktop.ui.tabs.phase_tab import PhaseTab
from mpg_desktop.ui.tabs.records_tab import RecordsTab

CASE_TABS: list[type[CaseTab]] = [HouseholdTab, PhaseTab, NetworkTab, ContactsTab, RecordsTab, ConsentTab, DossierTab]

__all__ = ["CASE_TABS", "CaseTab"]
