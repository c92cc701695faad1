"""The agreements of a meeting (what / who / when), edited in a small table (spec 5.3)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.mdo import MeetingAgreement
from mpg_desktop.models.validation import ValidationError, parse_date


class AgreementsTable(QWidget):
    """Type in a cell to change it; arrow keys move between cells, Tab leaves the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Wat"), self.tr("Wie"), self.tr("Wanneer (dd-mm-jjjj)")])
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3 + header.height())
        self.table.setAccessibleName(self.tr("Afspraken"))
        self.add_button = QPushButton(self.tr("Afspraak &erbij"), self)
        self.remove_button = QPushButton(self.tr("Afspraak &weg"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def add_row(self, what: str = "", who: str = "", when: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((what, who, when)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCurrentCell(row, 0)

    def _remove_current(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def set_agreements(self, agreements: Sequence[MeetingAgreement]) -> None:
        self.table.setRowCount(0)
        for agreement in agreements:
            self.add_row(agreement.what, agreement.who, f"{agreement.when:%d-%m-%Y}" if agreement.when else "")

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def agreements(self, label: str) -> tuple[MeetingAgreement, ...]:
        """Filled rows (empty ones are skipped). Raises ValidationError for a date that is not one."""
        result = []
        for row in range(self.table.rowCount()):
            what, who, when = (self._text(row, column) for column in range(3))
            if not (what or who or when):
                continue
            try:
                day = parse_date(when, self.tr("Wanneer")) if when else None
            except ValidationError as error:
                raise ValidationError(
                    label,
                    self.tr("{label}, regel {row}: {problem}").format(label=label, row=row + 1, problem=error.message),
                ) from None
            result.append(MeetingAgreement(what, who, day))
        return tuple(result)
