"""The case list: a table model of CaseSummary rows and a filter by text, phase and due evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from mpg_desktop.models.case_summary import CaseSummary
from mpg_desktop.models.deadlines import Bucket
from mpg_desktop.models.phases import Phase

Index = QModelIndex | QPersistentModelIndex
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


_PHASE_ORDER = {phase: index for index, phase in enumerate(Phase)}


@dataclass(frozen=True)
class _Row:
    """What the table shows of one case, computed once per load (views ask for it thousands of times)."""

    case: CaseSummary
    display: tuple[str, ...]
    sort_keys: tuple[object, ...]
    overdue: bool
    due: bool


class CaseListModel(QAbstractTableModel):
    def __init__(self, today: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._deadlines: dict[int, Bucket] = {}
        self.today = today or date.today()
        self._headers = [
            self.tr("Dossier"),
            self.tr("Gezin"),
            self.tr("Fase"),
            self.tr("Leden"),
            self.tr("Evaluatie"),
            self.tr("Termijn"),
        ]

    def _row(self, case: CaseSummary) -> _Row:
        next_eval = case.next_evaluation()
        overdue = next_eval is not None and next_eval < self.today
        due = case.evaluation_due(self.today)
        if next_eval is None:
            when = "–"
        elif overdue:
            when = f"{next_eval:%d-%m-%Y}" + self.tr(" (te laat)")  # words as well as colour
        elif due:
            when = f"{next_eval:%d-%m-%Y}" + self.tr(" (binnenkort)")
        else:
            when = f"{next_eval:%d-%m-%Y}"
        display = (case.case_number, case.family_name, self.tr(case.phase.label), str(case.household_size), when)
        sort_keys = (
            case.case_number,
            case.family_name.casefold(),
            _PHASE_ORDER[case.phase],
            case.household_size,
            next_eval.toordinal() if next_eval else 10**7,
        )
        return _Row(case, display, sort_keys, overdue, due)

    def set_cases(self, cases: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = [self._row(case) for case in cases]
        self._deadlines = {}  # filled again when the deadline job reports
        self.endResetModel()

    def set_deadlines(self, worst: dict[int, Bucket]) -> None:
        """Mark the phase of cases with a deadline overdue or due this week (words and colour)."""
        self._deadlines = dict(worst)
        if self._rows:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self._rows) - 1, 5))

    def deadline_of(self, row: int) -> Bucket | None:
        return self._deadlines.get(self._rows[row].case.traject_id)

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row].case

    def is_due(self, row: int) -> bool:
        return self._rows[row].due

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        deadline = self._deadlines.get(row.case.traject_id) if column == 5 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 5:
                return self.tr(deadline.value) if deadline is not None else ""
            return row.display[column]
        if role == SORT_ROLE:
            if column == 5:  # overdue first, then due this week, then the rest
                return {Bucket.TE_LAAT: 0, Bucket.DEZE_WEEK: 1}.get(deadline, 2) if deadline else 2
            return row.sort_keys[column]
        if role == SUMMARY_ROLE:
            return row.case
        if deadline is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#f4cccc" if deadline is Bucket.TE_LAAT else "#fff2cc"))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#000000"))
        if column == 4 and (row.overdue or row.due):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#f4cccc" if row.overdue else "#fff2cc"))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#000000"))  # dark text on the light warning colours, in any theme
        return None


class CaseFilterModel(QSortFilterProxyModel):
    """Filters by search text (family name, surnames, case number), phase and due evaluation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        if self._due_only and not model.is_due(source_row):
            return False
        return case.matches(self._text)
