"""The map as a table, for screen-reader and keyboard users (and anyone who prefers a list).

Same data as the drawing: one row per person in the snapshot on screen, sorted by sector, ring
and name. Selecting a row selects the person on the map and in the side panel, and back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from mpg_desktop.models.network_catalogue import NetworkCatalogue
from mpg_desktop.models.network_map import NetworkMap, Person, PersonState, Snapshot
from mpg_desktop.models.network_rating import rating_label, rating_symbol
from mpg_desktop.ui.network.palette import SECTOR_TITLES, tr
from mpg_desktop.ui.network.scene import support_letters

COLUMNS = ("Naam", "Relatie", "Vak", "Ring", "Waardering", "Reden", "VIP", "Op afstand", "Steun", "Beroep op")
Index = QModelIndex | QPersistentModelIndex


class PersonsModel(QAbstractTableModel):
    def __init__(self, catalogue: NetworkCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.rows: list[tuple[Person, PersonState]] = []

    def set_content(self, network_map: NetworkMap, snapshot: Snapshot | None) -> None:
        persons = {p.person_id: p for p in network_map.persons}
        rows = [(persons[s.person_id], s) for s in (snapshot.persons if snapshot else ()) if s.person_id in persons]
        rows.sort(key=lambda row: (row[1].category.sector_order, row[1].ring, row[0].display_name.casefold()))
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person, state = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return person.person_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return person.display_name
        if column == 1:
            info = self.catalogue.relationships.get(person.relationship)
            return info.label_nl if info else person.relationship
        if column == 2:
            return tr(SECTOR_TITLES[state.category])
        if column == 3:
            return str(state.ring)
        if column == 4:
            return f"{rating_symbol(state.tie.rating)} {tr(rating_label(state.tie.rating))}"
        if column == 5:
            return state.tie.reason
        if column == 6:
            return tr("ja") if state.vip else ""
        if column == 7:
            return tr("ja") if state.keep_away else ""
        if column == 8:
            return support_letters(state, self.catalogue)
        return tr(state.can_call_on.label)

    def row_of(self, person_id: str) -> int:
        for row, (person, _state) in enumerate(self.rows):
            if person.person_id == person_id:
                return row
        return -1


class PersonsTable(QTableView):
    person_selected = Signal(str)

    def __init__(self, catalogue: NetworkCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.persons = PersonsModel(catalogue, self)
        self.setModel(self.persons)
        self.setAccessibleName(self.tr("Personen op de netwerkkaart (lijst)"))
        self.setAccessibleDescription(
            self.tr(
                "Een rij per persoon: naam, relatie, vak, ring, waardering met symbool en reden, VIP, "
                "op afstand, steun en of de cliënt een beroep op deze persoon kan doen."
            )
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self._quiet = False

    def set_content(self, network_map: NetworkMap, snapshot: Snapshot | None, selected: str | None) -> None:
        self._quiet = True
        self.persons.set_content(network_map, snapshot)
        self._quiet = False
        self.select_person(selected)

    def select_person(self, person_id: str | None) -> None:
        row = self.persons.row_of(person_id) if person_id else -1
        self._quiet = True
        if row < 0:
            self.clearSelection()
        elif self.currentIndex().row() != row:
            self.selectRow(row)
        self._quiet = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.person_selected.emit(str(current.data(Qt.ItemDataRole.UserRole)))
