"""Household summary: every member with own surname, age, role and whether they live at home."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import load_family
from mpg_desktop.ui.tabs.base import CaseTab


class HouseholdTab(CaseTab):
    title = "Huishouden"

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Voornaam"),
                self.tr("Achternaam"),
                self.tr("Rol"),
                self.tr("Geboortedatum"),
                self.tr("Leeftijd"),
                self.tr("Woont thuis"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Leden van het huishouden"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def load(self, case: CaseSummary) -> None:
        family = load_family(self.store, case.family_id)
        today = date.today()
        self.summary.setText(
            (
                self.tr("1 persoon woont thuis")
                if family.household_size == 1
                else self.tr("{count} personen wonen thuis").format(count=family.household_size)
            )
            + " · "
            + self.tr("achternamen: {names}").format(names=", ".join(family.surnames))
        )
        self.table.setRowCount(len(family.members))
        for row, person in enumerate(family.members):
            born = f"{person.birth_date:%d-%m-%Y}" + (self.tr(" (geschat)") if person.birth_date_estimated else "")
            values = [
                person.first_name,
                person.surname,
                self.tr(person.role.label),
                born,
                str(person.age_on(today)),
                self.tr("ja") if person.lives_in_household else self.tr("nee"),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
