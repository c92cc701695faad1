"""Adding or editing one household member (spec process-and-forms 3.2)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.household import Person, Role, Sex
from mpg_desktop.models.validation import parse_date, require_text
from mpg_desktop.ui.form_support import FieldErrors, UnsavedChangesGuard, save_cancel_buttons


class PersonDialog(QDialog):
    """Returns the edited Person through ``person()`` after ``exec()`` was accepted.

    Enter saves, Esc cancels (asking first when something was typed).
    """

    def __init__(self, person: Person | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = person
        self._result: Person | None = None
        self.setWindowTitle(self.tr("Gezinslid bewerken") if person else self.tr("Gezinslid toevoegen"))
        self.setMinimumWidth(460)
        self.first_name = QLineEdit(self)
        self.surname = QLineEdit(self)
        self.birth_date = QLineEdit(self)
        self.birth_date.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.estimated = QCheckBox(self.tr("Geboortedatum is geschat"), self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(self.tr(role.label), role.value)
        self.sex = QComboBox(self)
        for sex in Sex:
            self.sex.addItem(self.tr(sex.label), sex.value)
        self.at_home = QCheckBox(self.tr("Woont in het huishouden"), self)
        self.at_home.setChecked(True)
        self.school_work = QLineEdit(self)
        self.school_work.setPlaceholderText(self.tr("bijvoorbeeld basisschool, vmbo, werk, dagbesteding"))

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row(self.tr("&Voornaam: *"), self.first_name)
        self.errors.add_row(self.tr("&Achternaam: *"), self.surname)
        self.errors.add_row(self.tr("&Geboortedatum: *"), self.birth_date)
        form.addRow("", self.estimated)
        self.errors.add_row(self.tr("&Rol in het gezin: *"), self.role)
        self.errors.add_row(self.tr("Ge&slacht:"), self.sex)
        form.addRow("", self.at_home)
        self.errors.add_row(self.tr("School / &werk:"), self.school_work)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if person is not None:
            self._fill(person)
        self.guard = UnsavedChangesGuard(self)

    def _fill(self, person: Person) -> None:
        self.first_name.setText(person.first_name)
        self.surname.setText(person.surname)
        self.birth_date.setText(f"{person.birth_date:%d-%m-%Y}")
        self.estimated.setChecked(person.birth_date_estimated)
        self.role.setCurrentIndex(self.role.findData(person.role.value))
        self.sex.setCurrentIndex(self.sex.findData(person.sex.value))
        self.at_home.setChecked(person.lives_in_household)
        self.school_work.setText(person.school_work)

    def save(self) -> None:
        self.errors.clear()
        bad: list[QWidget] = []
        first = self.errors.attempt(
            self.first_name, lambda: require_text(self.first_name.text(), self.tr("Voornaam")), bad
        )
        surname = self.errors.attempt(
            self.surname, lambda: require_text(self.surname.text(), self.tr("Achternaam")), bad
        )
        born = self.errors.attempt(
            self.birth_date,
            lambda: parse_date(self.birth_date.text(), self.tr("Geboortedatum"), not_after=date.today()),
            bad,
        )
        if bad or first is None or surname is None or born is None:
            bad[0].setFocus()
            return
        person = Person(
            first_name=first,
            surname=surname,
            birth_date=born,
            birth_date_estimated=self.estimated.isChecked(),
            role=Role(self.role.currentData()),
            sex=Sex(self.sex.currentData()),
            lives_in_household=self.at_home.isChecked(),
            school_work=self.school_work.text().strip(),
            id=self._original.id if self._original is not None else None,
        )
        self._result = person
        self.accept()

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def person(self) -> Person | None:
        return self._result
