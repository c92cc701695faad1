"""The *weekoverzicht* section: which weeks have a summary, which miss one, and a button that
drafts a summary from the week's contacts for the coach to complete (spec 5.1).

A week is listed when the phase log says it needed a summary (phases 6-9) or when contacts were
logged in it; cases created without a phase log (older stores, the demo) still get their weeks.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.contact_log import (
    ContactLogEntry,
    Week,
    WeeklySummary,
    draft_weekly_summary,
    iso_week,
    missing_summary_weeks,
    required_week_label,
    week_bounds,
)
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind, add_record, list_records, update_record
from mpg_desktop.ui.records.case_context import CaseContext
from mpg_desktop.ui.records.weekly_summary_dialog import WeeklySummaryDialog

MISSING_COLOUR = "#a4262c"
WEEK_ROLE = Qt.ItemDataRole.UserRole


class WeeklyOverviewPanel(QGroupBox):
    """Emits ``changed`` after a summary was stored."""

    changed = Signal()

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Weekoverzicht"), parent)
        self.store = store
        self.context: CaseContext | None = None
        self.entries: list[ContactLogEntry] = []
        self.summaries: dict[Week, tuple[int, WeeklySummary]] = {}
        self.missing: list[Week] = []
        self.dialog: WeeklySummaryDialog | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.weeks = QListWidget(self)
        self.weeks.setAccessibleName(self.tr("Weken"))
        self.weeks.currentItemChanged.connect(lambda *_: self._update_button())
        self.weeks.itemActivated.connect(lambda _item: self.open_selected())
        self.open_button = QPushButton(self.tr("&Concept maken…"), self)
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.weeks)
        layout.addLayout(buttons)

    def load(self, context: CaseContext, entries: Sequence[ContactLogEntry]) -> None:
        same_case = self.context is not None and self.context.traject_id == context.traject_id
        self.context = context
        self.entries = list(entries)
        stored = list_records(self.store, context.traject_id, RecordKind.WEEKLY_SUMMARY, WeeklySummary)
        self.summaries = {summary.week: (record_id, summary) for record_id, summary in stored}
        summaries = [summary for _id, summary in stored]
        self.missing = missing_summary_weeks(context.state.transitions, summaries, context.today)
        current = iso_week(context.today)
        with_contacts = {iso_week(e.at.date()) for e in self.entries if iso_week(e.at.date()) <= current}
        weeks = sorted(set(self.missing) | with_contacts | set(self.summaries), reverse=True)
        counts = {week: sum(1 for e in self.entries if iso_week(e.at.date()) == week) for week in weeks}
        selected = self.selected_week() if same_case else None
        self.weeks.clear()
        for week in weeks:
            self.weeks.addItem(self._item(week, counts[week], current))
        unwritten = [w for w in weeks if w not in self.summaries and w < current]
        if unwritten:
            self.status.setText(
                self.tr("1 afgelopen week zonder weekoverzicht.")
                if len(unwritten) == 1
                else self.tr("{n} afgelopen weken zonder weekoverzicht.").format(n=len(unwritten))
            )
        elif weeks:
            self.status.setText(self.tr("Alle afgelopen weken hebben een weekoverzicht."))
        else:
            self.status.setText(self.tr("Nog geen weken met contacten."))
        target = selected if selected in weeks else (unwritten[0] if unwritten else None)
        self.select_week(target if target is not None else (weeks[0] if weeks else None))
        self._update_button()

    def _item(self, week: Week, contacts: int, current: Week) -> QListWidgetItem:
        label = required_week_label(week)
        label = label[0].upper() + label[1:]
        if contacts == 0:
            count = self.tr("geen contacten")
        elif contacts == 1:
            count = self.tr("1 contact")
        else:
            count = self.tr("{n} contacten").format(n=contacts)
        if week in self.summaries:
            state = self.tr("klaar")
        elif week == current:
            state = self.tr("lopende week")
        else:
            state = self.tr("ontbreekt")
        item = QListWidgetItem(f"{label} · {count} · {state}")
        item.setData(WEEK_ROLE, week)
        if week not in self.summaries and week < current:
            item.setForeground(QBrush(QColor(MISSING_COLOUR)))
            item.setText("⚠ " + item.text())
        return item

    def selected_week(self) -> Week | None:
        item = self.weeks.currentItem()
        return tuple(item.data(WEEK_ROLE)) if item is not None else None

    def select_week(self, week: Week | None) -> None:
        for row in range(self.weeks.count()):
            if tuple(self.weeks.item(row).data(WEEK_ROLE)) == week:
                self.weeks.setCurrentRow(row)
                return

    def _update_button(self) -> None:
        week = self.selected_week()
        self.open_button.setEnabled(week is not None)
        written = week is not None and week in self.summaries
        self.open_button.setText(self.tr("Weekoverzicht &openen…") if written else self.tr("&Concept maken…"))

    def open_selected(self) -> WeeklySummaryDialog | None:
        """Open the stored summary of the selected week, or a draft made from its contacts."""
        week = self.selected_week()
        if week is None or self.context is None:
            return None
        stored = self.summaries.get(week)
        draft = None if stored is not None else draft_weekly_summary(self.entries, week)
        dialog = WeeklySummaryDialog(week, stored[1] if stored else None, draft, self.context.coach, self)
        record_id = stored[0] if stored else None
        dialog.accepted.connect(lambda: self._store(record_id, dialog.record()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _store(self, record_id: int | None, summary: WeeklySummary | None) -> None:
        if summary is None or self.context is None:
            return
        monday = week_bounds(summary.week)[0]
        if record_id is None:
            add_record(self.store, self.context.traject_id, RecordKind.WEEKLY_SUMMARY, summary, monday)
        else:
            update_record(self.store, record_id, summary, monday)
        self.load(self.context, self.entries)
        self.changed.emit()
