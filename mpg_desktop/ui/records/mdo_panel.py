"""The list of meetings (MDO, round tables, internal case reviews) of one traject (spec 5.3)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.mdo import MdoRecord
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind
from mpg_desktop.ui.records.mdo_dialog import MdoDialog
from mpg_desktop.ui.records.record_list import Cell, PanelTexts, RecordListPanel


class MdoPanel(RecordListPanel[MdoRecord]):
    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            RecordKind.MDO,
            MdoRecord,
            [
                self.tr("Datum"),
                self.tr("Soort"),
                self.tr("Voorzitter"),
                self.tr("Aanwezig"),
                self.tr("Afspraken"),
                self.tr("Volgend overleg"),
            ],
            PanelTexts(
                add=self.tr("Overleg &toevoegen…"),
                empty=self.tr("Nog geen overleg vastgelegd. Het eerste MDO volgt meestal na het conceptplan."),
                remove_title=self.tr("Overleg verwijderen"),
                remove_question=self.tr("Het overleg van {what} verwijderen? Dit kunt u daarna nog ongedaan maken."),
                removed=self.tr("Het overleg van {what} is verwijderd."),
            ),
            parent,
            stretch_column=4,
        )
        self.table.setAccessibleName(self.tr("Overleggen"))

    def _type_label(self, record: MdoRecord) -> str:
        if record.meeting_type is None:
            return self.tr("(soort niet ingevuld)")
        return default_code_lists()[ListId.MDO_TYPE].display(record.meeting_type)

    def cells(self, record: MdoRecord) -> list[Cell]:
        family = len(record.family_present_ids)
        if family == 0:
            family_text = self.tr("geen gezinslid")
        elif family == 1:
            family_text = self.tr("1 gezinslid")
        else:
            family_text = self.tr("{n} gezinsleden").format(n=family)
        present = ", ".join([family_text, *record.present])
        agreements = "; ".join(a.what for a in record.agreements)
        return [
            Cell(f"{record.held_on:%d-%m-%Y}" if record.held_on else ""),
            Cell(self._type_label(record)),
            Cell(record.chair),
            Cell(present, tooltip="\n".join(record.present)),
            Cell(agreements, tooltip="\n".join(f"{a.what} – {a.who}" for a in record.agreements)),
            Cell(f"{record.next_meeting_on:%d-%m-%Y}" if record.next_meeting_on else ""),
        ]

    def record_date(self, record: MdoRecord) -> date | None:
        return record.held_on

    def make_dialog(self, record: MdoRecord | None) -> MdoDialog:
        members = self.context.members if self.context is not None else ()
        chair = self.context.coach if self.context is not None else ""
        return MdoDialog(record, members, chair, self)

    def describe(self, record: MdoRecord) -> str:
        day = f"{record.held_on:%d-%m-%Y}" if record.held_on else self.tr("onbekende datum")
        return f"{day} ({self._type_label(record)})"
