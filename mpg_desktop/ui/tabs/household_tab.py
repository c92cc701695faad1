"""Household: every member with own surname, age, role and whether they live at home; add,
edit and remove members (removal asks first and can be undone)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.family_type import derive_family_type
from mpg_desktop.models.household import Family, Person
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.cases_repository import add_person, load_family, remove_person, update_person
from mpg_desktop.ui.person_dialog import PersonDialog
from mpg_desktop.ui.tabs.base import CaseTab


class HouseholdTab(CaseTab):
    title = "Huishouden"

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.case: CaseSummary | None = None
        self.family: Family | None = None
        self._last_removed: Person | None = None
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Voornaam"),
                self.tr("Achternaam"),
                self.tr("Rol"),
                self.tr("Geboren"),
                self.tr("Leeftijd"),
                self.tr("Thuis"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Leden van het huishouden"))
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.edit_selected())
        self.add_button = QPushButton(self.tr("Gezinslid &toevoegen…"), self)
        self.edit_button = QPushButton(self.tr("&Bewerken…"), self)
        self.remove_button = QPushButton(self.tr("&Verwijderen…"), self)
        self.undo_button = QPushButton(self.tr("Verwijderen &ongedaan maken"), self)
        self.undo_button.hide()
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def load(self, case: CaseSummary) -> None:
        if self.case is None or case.family_id != self.case.family_id:
            self._last_removed = None
            self.undo_button.hide()
        self.case = case
        self._reload()

    def _reload(self) -> None:
        assert self.case is not None
        family = load_family(self.store, self.case.family_id)
        self.family = family
        today = date.today()
        at_home = (
            self.tr("1 persoon woont thuis")
            if family.household_size == 1
            else self.tr("{count} personen wonen thuis").format(count=family.household_size)
        )
        kind = derive_family_type(family.members, today)
        self.summary.setText(
            at_home
            + " · "
            + self.tr("achternamen: {names}").format(names=", ".join(family.surnames))
            + " · "
            + self.tr("type gezin: {kind}").format(kind=self.tr(kind.family_type.label))
            + (self.tr(" (gebroken gezin)") if kind.broken else "")
        )
        self.summary.setToolTip(kind.explanation)
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
        has_members = bool(family.members)
        self.edit_button.setEnabled(has_members)
        self.remove_button.setEnabled(has_members)

    def _selected(self) -> Person | None:
        row = self.table.currentRow()
        if self.family is None or not 0 <= row < len(self.family.members):
            return None
        return self.family.members[row]

    def add_member(self) -> None:
        assert self.case is not None
        dialog = PersonDialog(parent=self)
        if dialog.exec() == PersonDialog.DialogCode.Accepted and (person := dialog.person()) is not None:
            add_person(self.store, self.case.family_id, person)
            self._saved()

    def edit_selected(self) -> None:
        person = self._selected()
        if person is None:
            return
        dialog = PersonDialog(person, parent=self)
        if dialog.exec() == PersonDialog.DialogCode.Accepted and (edited := dialog.person()) is not None:
            update_person(self.store, edited)
            self._saved()

    def remove_selected(self) -> None:
        person = self._selected()
        if person is None or person.id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Gezinslid verwijderen"),
            self.tr("{name} uit het huishouden verwijderen? Dit kunt u daarna nog ongedaan maken.").format(
                name=person.full_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._last_removed = remove_person(self.store, person.id)
        self.undo_button.show()
        self._saved()

    def undo_remove(self) -> None:
        if self._last_removed is None or self.case is None:
            return
        add_person(self.store, self.case.family_id, self._last_removed)
        self._last_removed = None
        self.undo_button.hide()
        self._saved()

    def _saved(self) -> None:
        self._reload()
        self.changed.emit()
