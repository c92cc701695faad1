"""The contact log of one traject (spec 5.1): newest first, with the older register's contacts
shown read-only among them, and the number of cancelled appointments counted."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from mpg_desktop.models.choices import Tri
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.contact_log import DUTCH_WEEKDAYS, ContactLogEntry, is_cancelled
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind
from mpg_desktop.ui.records.contact_dialog import ContactDialog
from mpg_desktop.ui.records.legacy_contacts import legacy_entries
from mpg_desktop.ui.records.record_list import Cell, PanelTexts, RecordListPanel

SAFETY_COLOUR = "#a4262c"


class ContactLogPanel(RecordListPanel[ContactLogEntry]):
    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            RecordKind.CONTACT,
            ContactLogEntry,
            [
                self.tr("Datum"),
                self.tr("Tijd"),
                self.tr("Soort"),
                self.tr("Duur"),
                self.tr("Veiligheid"),
                self.tr("Samenvatting"),
            ],
            PanelTexts(
                add=self.tr("Contact &toevoegen…"),
                empty=self.tr("Nog geen contacten vastgelegd."),
                remove_title=self.tr("Contact verwijderen"),
                remove_question=self.tr("Het contact van {what} verwijderen? Dit kunt u daarna nog ongedaan maken."),
                removed=self.tr("Het contact van {what} is verwijderd."),
            ),
            parent,
        )
        self.table.setAccessibleName(self.tr("Contactregistratie"))
        self.legacy: list[ContactLogEntry] = []
        self.notice.show()

    def reload(self) -> None:
        assert self.context is not None
        self.legacy = legacy_entries(self.store, self.context.traject_id)
        super().reload()

    def entries(self) -> list[ContactLogEntry]:
        """Every contact of the traject, the older register's included (for the weekly draft)."""
        return [entry for _id, entry in self.records] + self.legacy

    def _type_label(self, entry: ContactLogEntry) -> str:
        if entry.contact_type is None:
            return self.tr("(niet ingevuld)")
        return default_code_lists()[ListId.CONTACT_TYPE].display(entry.contact_type)

    def cells(self, record: ContactLogEntry) -> list[Cell]:
        concern = record.safety_concern
        summary = record.summary.splitlines()[0] if record.summary else ""
        return [
            Cell(f"{DUTCH_WEEKDAYS[record.at.weekday()]} {record.at:%d-%m-%Y}"),
            Cell(f"{record.at:%H:%M}"),
            Cell(self._type_label(record)),
            Cell(self.tr("{n} min").format(n=record.duration_minutes)),
            Cell(
                self.tr(concern.label) if concern else "",
                tooltip=record.safety_note,
                foreground=SAFETY_COLOUR if concern is Tri.JA else None,
            ),
            Cell(summary, tooltip=record.summary),
        ]

    def extra_rows(self) -> list[tuple[date, list[Cell]]]:
        tip = self.tr("Uit het eerdere contactregister: alleen te bekijken.")
        rows = []
        for entry in self.legacy:
            cells = self.cells(entry)
            cells[1] = Cell("–", tooltip=tip)
            rows.append((entry.at.date(), [Cell(c.text, c.tooltip or tip, c.background, c.foreground) for c in cells]))
        return rows

    def record_date(self, record: ContactLogEntry) -> date | None:
        return record.at.date()

    def make_dialog(self, record: ContactLogEntry | None) -> ContactDialog:
        members = self.context.members if self.context is not None else ()
        return ContactDialog(record, members, self)

    def describe(self, record: ContactLogEntry) -> str:
        return f"{record.at:%d-%m-%Y %H:%M} ({self._type_label(record).lower()})"

    def after_reload(self) -> None:
        everything = self.entries()
        cancelled = sum(1 for entry in everything if is_cancelled(entry))
        held = len(everything) - cancelled
        parts = [self.tr("1 contact") if held == 1 else self.tr("{n} contacten").format(n=held)]
        if cancelled:
            parts.append(self.tr("{n} keer niet thuis of afgezegd").format(n=cancelled))
        if self.legacy:
            parts.append(self.tr("{n} uit het eerdere register (grijs, alleen te bekijken)").format(n=len(self.legacy)))
        self.notice.setText(" · ".join(parts))
