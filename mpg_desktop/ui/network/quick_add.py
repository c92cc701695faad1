"""Adding a person from the keyboard: name, Tab, a few letters of the relation, Enter.

The relation decides the default sector, network type and ring (spec 4.3.3, ``NetworkCatalogue``);
the hint next to the field shows them before the person is added. After adding, the name field
is empty and has the focus again, so a whole network can be typed in one go.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mpg_desktop.models.network_catalogue import NetworkCatalogue, RelationshipInfo
from mpg_desktop.ui.network.palette import SECTOR_TITLES


def _words(info: RelationshipInfo) -> set[str]:
    parts = {info.code, info.label_nl, info.role_label, *info.label_nl.split("/"), *info.role_label.split("/")}
    return {part.strip().casefold() for part in parts if part.strip()}


def find_relationship(text: str, catalogue: NetworkCatalogue) -> str | None:
    """The relationship code meant by ``text``: an exact word ('oma', 'moeder', 'buurvrouw'), else the
    only relationship with a word starting with it ('vri' -> vriend). None when unknown or ambiguous."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    words = {code: _words(info) for code, info in catalogue.relationships.items()}
    exact = [code for code, options in words.items() if wanted in options]
    if len(exact) == 1:
        return exact[0]
    starting = [code for code, options in words.items() if any(w.startswith(wanted) for w in options)]
    if len(starting) == 1:
        return starting[0]
    return exact[0] if exact else None


class QuickAddBar(QWidget):
    """Emits ``add_requested(name, relationship_code, household)``; Alt+N (the label's mnemonic) focuses the name."""

    add_requested = Signal(str, str, bool)

    def __init__(self, catalogue: NetworkCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Naam of rol, bijv. Oma Ria"))
        self.name.setAccessibleName(self.tr("Naam van de nieuwe persoon"))
        self.relation = QComboBox(self)
        self.relation.setEditable(True)
        self.relation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, info in catalogue.relationships.items():
            self.relation.addItem(info.label_nl, code)
        self.relation.setCurrentIndex(-1)
        self.relation_edit = self.relation.lineEdit()
        assert self.relation_edit is not None  # editable combo boxes have one
        self.relation_edit.setPlaceholderText(self.tr("Relatie, bijv. oma"))
        self.relation.setAccessibleName(self.tr("Relatie van de nieuwe persoon"))
        self.relation.setMinimumContentsLength(14)
        completer = QCompleter([info.label_nl for info in catalogue.relationships.values()], self.relation)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.relation.setCompleter(completer)
        self.household = QCheckBox(self.tr("Woont in huis"), self)
        self.household.setToolTip(self.tr("Woont in het huishouden van de persoon in het midden (ring 1)"))
        self.add_button = QPushButton(self.tr("Toevoegen"), self)
        self.add_button.setAccessibleName(self.tr("Persoon toevoegen"))
        self.hint = QLabel(self)
        self.hint.setAccessibleName(self.tr("Waar de nieuwe persoon komt"))
        label = QLabel(self.tr("&Nieuw:"), self)
        label.setBuddy(self.name)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.name, 3)
        layout.addWidget(self.relation, 3)
        layout.addWidget(self.household)
        layout.addWidget(self.add_button)
        layout.addWidget(self.hint, 4)
        QWidget.setTabOrder(self.name, self.relation)
        QWidget.setTabOrder(self.relation, self.household)
        QWidget.setTabOrder(self.household, self.add_button)

        self.name.returnPressed.connect(self.submit)
        self.relation_edit.returnPressed.connect(self.submit)
        completer.activated.connect(lambda _text: self.submit())
        self.relation.editTextChanged.connect(self._update_hint)
        self.household.toggled.connect(lambda _on: self._update_hint(""))
        self.add_button.clicked.connect(self.submit)
        self._update_hint("")

    def relationship_code(self) -> str | None:
        text = self.relation.currentText()
        index = self.relation.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.relation.itemData(index))
        return find_relationship(text, self.catalogue)

    def _update_hint(self, _text: str) -> None:
        code = self.relationship_code()
        if code is None:
            typed = bool(self.relation.currentText().strip())
            self.hint.setText(self.tr("Kies een relatie uit de lijst.") if typed else "")
            return
        info = self.catalogue.relationship(code)
        ring = info.category.default_ring(self.household.isChecked())
        self.hint.setText(
            self.tr("→ {sector}, {kind}, ring {ring}").format(
                sector=self.tr(SECTOR_TITLES[info.category]), kind=self.tr(info.network_type.label).lower(), ring=ring
            )
        )

    def submit(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name.setFocus()
            return
        code = self.relationship_code()
        if code is None:
            self.hint.setText(self.tr("Kies een relatie uit de lijst, bijvoorbeeld vriend, oma of huisarts."))
            self.relation.setFocus()
            return
        household = self.household.isChecked()
        self.name.clear()
        self.relation.setCurrentIndex(-1)
        self.relation.setEditText("")
        self.household.setChecked(False)
        self.name.setFocus()
        self.add_requested.emit(name, code, household)
