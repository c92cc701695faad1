"""The dossier parts checklist (*dossieronderdelen*, spec 5.5).

A part is ticked automatically when the app holds its record (MDO reports, weekly summaries,
aftercare log, referral, closure, consents, signed plan, evaluations, phase log); the coach ticks
paper parts by hand (Space on the row) or writes why a part is missing. Hand ticks and reasons are
DossierItem documents in case_records, one per part.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.aftercare import AftercareContact
from mpg_desktop.models.contact_log import WeeklySummary
from mpg_desktop.models.dossier import DossierItem, dossier_checklist, missing_parts
from mpg_desktop.models.mdo import MdoRecord
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind, add_record, list_consents, list_records, update_record
from mpg_desktop.ui.records.case_context import CaseContext
from mpg_desktop.ui.records.missing_reason_dialog import MissingReasonDialog

OK_COLOUR = "#0b6a0b"
MISSING_COLOUR = "#a4262c"
PART_ROLE = Qt.ItemDataRole.UserRole


class DossierPanel(QWidget):
    """Emits ``changed`` after a tick or a reason was stored."""

    changed = Signal()

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context: CaseContext | None = None
        self.items: tuple[DossierItem, ...] = ()
        self.automatic: dict[str, str] = {}  # part -> why it is ticked
        self.stored: dict[str, tuple[int, DossierItem]] = {}
        self.dialog: MissingReasonDialog | None = None
        self._filling = False
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Onderdeel"), self.tr("Toelichting")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Dossieronderdelen"))
        self.table.itemChanged.connect(self._ticked)
        self.table.itemSelectionChanged.connect(self._update_button)
        hint = QLabel(self.tr("Vink een onderdeel aan met de spatiebalk of de muis."), self)
        self.reason_button = QPushButton(self.tr("&Reden dat het ontbreekt…"), self)
        self.reason_button.clicked.connect(self.edit_reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    def load(self, context: CaseContext) -> None:
        self.context = context
        self.reload()

    def _automatic_parts(self, context: CaseContext) -> dict[str, str]:
        traject_id, state = context.traject_id, context.state
        found: dict[str, str] = {}
        counts = {
            "mdo_verslagen": (len(list_records(self.store, traject_id, RecordKind.MDO, MdoRecord)), "overleg(gen)"),
            "weekoverzichten": (
                len(list_records(self.store, traject_id, RecordKind.WEEKLY_SUMMARY, WeeklySummary)),
                "weekoverzicht(en)",
            ),
            "nazorglog": (
                len(list_records(self.store, traject_id, RecordKind.AFTERCARE_CONTACT, AftercareContact)),
                "nazorgcontact(en)",
            ),
            "toestemmingsformulieren": (len(list_consents(self.store, state.family_id)), "toestemming(en)"),
            "tijdpad": (len(state.transitions), "faseovergang(en) in het tijdpad"),
        }
        for part, (count, noun) in counts.items():
            if count:
                found[part] = self.tr("in de app: {n} {noun}").format(n=count, noun=self.tr(noun))
        if state.referral.referral_date is not None:
            found["aanmeldformulier"] = self.tr("in de app: aanmelding vastgelegd")
        if state.traject.plan_signed_on is not None:
            found["gezinsplan"] = self.tr("in de app: getekend op {day}").format(
                day=f"{state.traject.plan_signed_on:%d-%m-%Y}"
            )
        if state.traject.last_evaluation_on is not None:
            found["evaluaties"] = self.tr("in de app: laatste evaluatie {day}").format(
                day=f"{state.traject.last_evaluation_on:%d-%m-%Y}"
            )
        if state.closure is not None:
            found["afsluitformulier"] = self.tr("in de app: afsluiting vastgelegd")
        return found

    def reload(self) -> None:
        assert self.context is not None
        self.automatic = self._automatic_parts(self.context)
        self.stored = {
            item.part: (record_id, item)
            for record_id, item in list_records(
                self.store, self.context.traject_id, RecordKind.DOSSIER_PART, DossierItem
            )
        }
        ticked = {part for part, (_id, item) in self.stored.items() if item.present}
        reasons = {part: item.missing_reason for part, (_id, item) in self.stored.items()}
        self.items = dossier_checklist(
            set(self.automatic) | ticked, reasons, aftercare_reached=self.context.aftercare_reached
        )
        current = self.table.currentRow()
        self._filling = True
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        self._filling = False
        self.table.setCurrentCell(max(0, min(current, len(self.items) - 1)), 0)
        missing = missing_parts(self.items)
        if missing:
            self.summary.setText(
                "⚠ "
                + self.tr("Dossier nog niet compleet. Ontbreekt (zonder reden): {parts}.").format(
                    parts=", ".join(item.label for item in missing)
                )
            )
            self.summary.setStyleSheet(f"color: {MISSING_COLOUR}; font-weight: bold;")
        else:
            self.summary.setText("✓ " + self.tr("Dossier compleet: elk onderdeel is er of heeft een reden."))
            self.summary.setStyleSheet(f"color: {OK_COLOUR}; font-weight: bold;")
        self._update_button()

    def _fill_row(self, row: int, item: DossierItem) -> None:
        part = QTableWidgetItem(self.tr(item.label))
        part.setData(PART_ROLE, item.part)
        automatic = self.automatic.get(item.part)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if automatic is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        part.setFlags(flags)
        part.setCheckState(Qt.CheckState.Checked if item.present else Qt.CheckState.Unchecked)
        if automatic is not None:
            note = automatic
        elif item.present:
            note = self.tr("aangevinkt")
        elif item.missing_reason:
            note = self.tr("ontbreekt: {reason}").format(reason=item.missing_reason)
        else:
            note = self.tr("ontbreekt")
        explanation = QTableWidgetItem(note)
        explanation.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if not item.ok:
            explanation.setForeground(QBrush(QColor(MISSING_COLOUR)))
        self.table.setItem(row, 0, part)
        self.table.setItem(row, 1, explanation)

    def _selected(self) -> DossierItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _update_button(self) -> None:
        item = self._selected()
        self.reason_button.setEnabled(item is not None and not item.present)

    def _ticked(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != 0 or self.context is None:
            return
        part = str(cell.data(PART_ROLE))
        self.set_present(part, cell.checkState() == Qt.CheckState.Checked)

    def set_present(self, part: str, present: bool) -> None:
        """Store the coach's tick for ``part`` (a part the app cannot see by itself)."""
        assert self.context is not None
        item = next(i for i in self.items if i.part == part)
        self._save(part, replace(self.stored[part][1] if part in self.stored else item, present=present))

    def edit_reason(self) -> MissingReasonDialog | None:
        item = self._selected()
        if item is None or item.present:
            return None
        dialog = MissingReasonDialog(item.label, item.missing_reason, self)
        dialog.accepted.connect(lambda: self._save(item.part, replace(item, missing_reason=dialog.record() or "")))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, part: str, item: DossierItem) -> None:
        assert self.context is not None
        if part in self.stored:
            update_record(self.store, self.stored[part][0], item, self.context.today)
        else:
            add_record(self.store, self.context.traject_id, RecordKind.DOSSIER_PART, item, self.context.today)
        self.reload()
        self.changed.emit()
