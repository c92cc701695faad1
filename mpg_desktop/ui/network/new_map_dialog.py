"""Making a new map: who is in the centre (a household member, the whole family or someone else)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.household import CHILD_ROLES, PARENT_ROLES, Person
from mpg_desktop.models.network_codes import FocusKind
from mpg_desktop.ui.form_support import FIELD_ERROR_STYLE

FAMILY = -1
SOMEONE_ELSE = -2


def focus_kind_for(person: Person, today: date) -> FocusKind:
    """A sensible default: parents are 'ouder', children under 12 'kind', 12-24 'jongere'."""
    if person.role in PARENT_ROLES:
        return FocusKind.OUDER
    age = person.age_on(today)
    if person.role in CHILD_ROLES or age < 25:
        return FocusKind.KIND if age < 12 else FocusKind.JONGERE
    return FocusKind.VOLWASSENE


class NewMapDialog(QDialog):
    def __init__(
        self, members: tuple[Person, ...], taken: set[int], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe netwerkkaart"))
        self.members = {m.id: m for m in members if m.id is not None}
        self.today = today
        self.centre = QComboBox(self)
        self.centre.setAccessibleName(self.tr("Wie staat in het midden"))
        for member in members:
            if member.id is not None:
                suffix = self.tr(" (heeft al een kaart)") if member.id in taken else ""
                self.centre.addItem(f"{member.first_name} ({self.tr(member.role.label).lower()}){suffix}", member.id)
        self.centre.addItem(self.tr("Het hele gezin"), FAMILY)
        self.centre.addItem(self.tr("Iemand anders…"), SOMEONE_ELSE)
        self.label = QLineEdit(self)
        self.label.setAccessibleName(self.tr("Naam in het midden"))
        self.kind = QComboBox(self)
        for kind in FocusKind:
            self.kind.addItem(self.tr(kind.label), kind.value)
        self.kind.setAccessibleName(self.tr("Soort"))
        self.error = QLabel(self)
        self.error.setStyleSheet(FIELD_ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&In het midden:"), self.centre)
        form.addRow(self.tr("&Naam op de kaart:"), self.label)
        form.addRow(self.tr("&Soort:"), self.kind)
        note = QLabel(self.tr("De kaart begint met een startkaart van vandaag. Teken hem samen met de cliënt."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Maken"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.centre.currentIndexChanged.connect(self._centre_changed)
        free = [i for i in range(self.centre.count()) if self.centre.itemData(i) not in taken]
        self.centre.setCurrentIndex(free[0] if free else 0)
        self._centre_changed()

    def _centre_changed(self, _index: int = 0) -> None:
        chosen = self.centre.currentData()
        if chosen == FAMILY:
            self.label.setText(self.tr("het gezin"))
            kind = FocusKind.GEZIN
        elif chosen == SOMEONE_ELSE:
            self.label.clear()
            kind = FocusKind.JONGERE
        else:
            member = self.members[chosen]
            self.label.setText(member.first_name)
            kind = focus_kind_for(member, self.today)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def try_accept(self) -> None:
        if not self.label.text().strip():
            self.error.setText(self.tr("⚠ Vul in wie er in het midden staat (een voornaam of 'het gezin')."))
            self.error.show()
            self.label.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, FocusKind, int | None]:
        """(label, focus kind, household member id or None)."""
        chosen = self.centre.currentData()
        person_id = chosen if chosen not in (FAMILY, SOMEONE_ELSE) else None
        return self.label.text().strip(), FocusKind(self.kind.currentData()), person_id
