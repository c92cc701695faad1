"""A list of one kind of case record with add, edit, remove (asks first) and undo.

Subclasses say how a record looks in the table (``cells``), which date it is filed under and
which form edits it. Forms open window-modal with ``open()``; the record is stored when the form
is accepted. Runs on the GUI thread; each change is one small transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
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

from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind, add_record, delete_record, list_records, update_record
from mpg_desktop.ui.records.case_context import CaseContext
from mpg_desktop.ui.records.record_dialog import RecordDialog

R = TypeVar("R")

READ_ONLY_COLOUR = "#5f5f5f"


@dataclass(frozen=True)
class Cell:
    text: str
    tooltip: str = ""
    background: str | None = None
    foreground: str | None = None


@dataclass(frozen=True)
class PanelTexts:
    add: str  # button texts with their & shortcut
    empty: str  # shown when there is nothing yet
    remove_title: str
    remove_question: str  # "{what}" is replaced by ``describe(record)``
    removed: str  # status after removing, "{what}" as above


class RecordListPanel(QWidget, Generic[R]):
    """Emits ``changed`` after every stored change."""

    changed = Signal()

    def __init__(
        self,
        store: CaseStore,
        kind: RecordKind,
        record_type: type[R],
        headers: list[str],
        texts: PanelTexts,
        parent: QWidget | None = None,
        *,
        stretch_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.record_type = record_type
        self.texts = texts
        self.context: CaseContext | None = None
        self.records: list[tuple[int, R]] = []
        self.dialog: RecordDialog[R] | None = None
        self._row_ids: list[int | None] = []
        self._removed: tuple[R, date | None] | None = None
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The column with free text takes the room that is left (and elides); the others fit.
        header.setSectionResizeMode(
            len(headers) - 1 if stretch_column is None else stretch_column, QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(self._activated)  # Enter or double click
        self.table.itemSelectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_selected).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        self.empty_hint = QLabel(texts.empty, self)
        self.empty_hint.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.add_button = QPushButton(texts.add, self)
        self.edit_button = QPushButton(self.tr("&Bewerken…"), self)
        self.remove_button = QPushButton(self.tr("&Verwijderen…"), self)
        self.undo_button = QPushButton(self.tr("Verwijderen &ongedaan maken"), self)
        self.undo_button.hide()
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # -- subclass hooks ------------------------------------------------------------------
    def cells(self, record: R) -> list[Cell]:
        raise NotImplementedError

    def record_date(self, record: R) -> date | None:
        raise NotImplementedError

    def make_dialog(self, record: R | None) -> RecordDialog[R]:
        raise NotImplementedError

    def describe(self, record: R) -> str:
        raise NotImplementedError

    def extra_rows(self) -> list[tuple[date, list[Cell]]]:
        """Read-only rows shown among the records (by date), e.g. from an older register."""
        return []

    def after_reload(self) -> None:
        """Update ``notice`` and the like from ``self.records``."""

    # -- loading -------------------------------------------------------------------------
    def load(self, context: CaseContext) -> None:
        if self.context is None or self.context.traject_id != context.traject_id:
            self._removed = None
            self.undo_button.hide()
            self.status.clear()
        self.context = context
        self.reload()

    def reload(self) -> None:
        assert self.context is not None
        self.records = list_records(self.store, self.context.traject_id, self.kind, self.record_type)
        rows: list[tuple[date, int | None, list[Cell]]] = [
            (self.record_date(record) or date.min, record_id, self.cells(record)) for record_id, record in self.records
        ]
        rows += [(day, None, cells) for day, cells in self.extra_rows()]
        rows.sort(key=lambda row: (row[0], row[1] or 0), reverse=True)  # newest first
        self.table.clearSelection()
        self.table.setRowCount(len(rows))
        self._row_ids = []
        for row, (_day, record_id, cells) in enumerate(rows):
            self._row_ids.append(record_id)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, self._item(cell, read_only=record_id is None))
        # No row is selected on its own: a selection would hide the colour of the newest row.
        self.empty_hint.setVisible(not rows)
        self._update_buttons()
        self.after_reload()

    def _item(self, cell: Cell, *, read_only: bool) -> QTableWidgetItem:
        item = QTableWidgetItem(cell.text)
        if cell.tooltip:
            item.setToolTip(cell.tooltip)
        if cell.background:
            item.setBackground(QBrush(QColor(cell.background)))
        if cell.foreground or read_only:
            item.setForeground(QBrush(QColor(cell.foreground or READ_ONLY_COLOUR)))
        if read_only:
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        return item

    def _selected(self) -> tuple[int, R] | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._row_ids) or self._row_ids[row] is None:
            return None
        record_id = self._row_ids[row]
        return next(((rid, rec) for rid, rec in self.records if rid == record_id), None)

    def _update_buttons(self) -> None:
        editable = self._selected() is not None
        self.edit_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def _activated(self, _index: QModelIndex) -> None:
        if self._selected() is None:
            self.status.setText(self.tr("Deze regel komt uit het eerdere register en kan hier niet worden gewijzigd."))
            return
        self.edit_selected()

    # -- changes -------------------------------------------------------------------------
    def add(self) -> RecordDialog[R]:
        return self._open(None, None)

    def edit_selected(self) -> RecordDialog[R] | None:
        selected = self._selected()
        if selected is None:
            return None
        return self._open(*selected)

    def _open(self, record_id: int | None, record: R | None) -> RecordDialog[R]:
        dialog = self.make_dialog(record)
        dialog.accepted.connect(lambda: self._store(record_id, dialog.record()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _store(self, record_id: int | None, record: R | None) -> None:
        if record is None or self.context is None:
            return
        if record_id is None:
            add_record(self.store, self.context.traject_id, self.kind, record, self.record_date(record))
        else:
            update_record(self.store, record_id, record, self.record_date(record))
        self.status.setText(self.tr("Opgeslagen: {what}.").format(what=self.describe(record)))
        self._saved()

    def remove_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        record_id, record = selected
        answer = QMessageBox.question(
            self,
            self.texts.remove_title,
            self.texts.remove_question.format(what=self.describe(record)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_record(self.store, record_id)
        self._removed = (record, self.record_date(record))
        self.status.setText(self.texts.removed.format(what=self.describe(record)))
        self.undo_button.show()
        self._saved()

    def undo_remove(self) -> None:
        if self._removed is None or self.context is None:
            return
        record, day = self._removed
        add_record(self.store, self.context.traject_id, self.kind, record, day)
        self._removed = None
        self.undo_button.hide()
        self.status.setText(self.tr("Teruggezet: {what}.").format(what=self.describe(record)))
        self._saved()

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()
