"""The case list: a table model of CaseSummary rows and a filter by text, phase and due evaluation."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.phases import Phase

Index = QModelIndex | QPersistentModelIndex
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class CaseListModel(QAbstractTableModel):
    COLUMNS = ("Dossier", "Gezin", "Fase", "Leden", "Volgende evaluatie")

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self._rows: list[CaseSummary] = []
        self.today = today or date.today()
        self._headers = [
            self.tr("Dossier"),
            self.tr("Gezin"),
            self.tr("Fase"),
            self.tr("Leden"),
            self.tr("Volgende evaluatie"),
        ]

    def set_cases(self, cases: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(cases)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._rows[index.row()]
        column = index.column()
        if role == SUMMARY_ROLE:
            return case
        next_eval = case.next_evaluation()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return case.case_number
            if column == 1:
                return case.family_name
            if column == 2:
                return self.tr(case.phase.label)
            if column == 3:
                return str(case.household_size)
            if column == 4:
                if next_eval is None:
                    return "–"
                # Words as well as colour: colour alone does not reach everyone.
                suffix = self.tr(" (te laat)") if next_eval < self.today else ""
                if not suffix and case.evaluation_due(self.today):
                    suffix = self.tr(" (binnenkort)")
                return f"{next_eval:%d-%m-%Y}{suffix}"
        if role == SORT_ROLE:
            values = [
                case.case_number,
                case.family_name.casefold(),
                list(Phase).index(case.phase),
                case.household_size,
                next_eval.toordinal() if next_eval else 10**7,
            ]
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 4 and next_eval is not None:
            if next_eval < self.today:
                return QBrush(QColor("#f4cccc"))
            if case.evaluation_due(self.today):
                return QBrush(QColor("#fff2cc"))
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and case.evaluation_due(self.today):
            return QBrush(QColor("#000000"))  # dark text on the light warning colours, in any theme
        return None


class CaseFilterModel(QSortFilterProxyModel):
    """Filters by search text (family name, surnames, case number), phase and due evaluation."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._phase: Phase | None = None
        self._due_only = False
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_phase(self, phase: Phase | None) -> None:
        self.beginFilterChange()
        self._phase = phase
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_due_only(self, due_only: bool) -> None:
        self.beginFilterChange()
        self._due_only = due_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CaseListModel)
        case = model.case_at(source_row)
        if self._phase is not None and case.phase is not self._phase:
            return False
        if self._due_only and not case.evaluation_due(model.today):
            return False
        return case.matches(self._text)
