"""The tabs of the case view. Adding an instrument is one small CaseTab subclass in CASE_TABS."""

from __future__ import annotations

from mpg_desktop.ui.tabs.base import CaseTab
from mpg_desktop.ui.tabs.household_tab import HouseholdTab

CASE_TABS: list[type[CaseTab]] = [HouseholdTab]

__all__ = ["CASE_TABS", "CaseTab"]
