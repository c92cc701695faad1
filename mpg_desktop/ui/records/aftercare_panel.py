"""The aftercare contacts of one traject with the profile's limits as warnings (spec 5.7)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from mpg_desktop.models.aftercare import AftercareContact, aftercare_limit_warnings, reopen_requested
from mpg_desktop.models.choices import Tri
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind
from mpg_desktop.ui.records.aftercare_dialog import AftercareDialog, by_label
from mpg_desktop.ui.records.record_list import Cell, PanelTexts, RecordListPanel

NOT_ON_TRACK_COLOUR = "#a4262c"
WARNING_COLOUR = "#7a4b00"


class AftercarePanel(RecordListPanel[AftercareContact]):
    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            RecordKind.AFTERCARE_CONTACT,
            AftercareContact,
            [
                self.tr("Datum"),
                self.tr("Door"),
                self.tr("Soort"),
                self.tr("Op orde"),
                self.tr("Actie"),
                self.tr("Signalen"),
            ],
            PanelTexts(
                add=self.tr("Nazorgcontact &toevoegen…"),
                empty=self.tr("Nog geen nazorgcontacten vastgelegd."),
                remove_title=self.tr("Nazorgcontact verwijderen"),
                remove_question=self.tr(
                    "Het nazorgcontact van {what} verwijderen? Dit kunt u daarna nog ongedaan maken."
                ),
                removed=self.tr("Het nazorgcontact van {what} is verwijderd."),
            ),
            parent,
        )
        self.table.setAccessibleName(self.tr("Nazorgcontacten"))
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.warnings: list[str] = []

    def cells(self, record: AftercareContact) -> list[Cell]:
        by = self.tr(by_label(record.by)) if record.by else ""
        if record.organisation:
            by = f"{by}: {record.organisation}"
        kind = default_code_lists()[ListId.CONTACT_TYPE].display(record.contact_type) if record.contact_type else ""
        action = self.tr(record.action.label) if record.action else ""
        if record.action_text:
            action = f"{action.removesuffix(', namelijk …')}: {record.action_text}"
        on_track = record.still_on_track
        return [
            Cell(f"{record.on:%d-%m-%Y}" if record.on else ""),
            Cell(by),
            Cell(kind),
            Cell(
                self.tr(on_track.label) if on_track else "",
                foreground=NOT_ON_TRACK_COLOUR if on_track is Tri.NEE else None,
            ),
            Cell(action),
            Cell(record.signals.splitlines()[0] if record.signals else "", tooltip=record.signals),
        ]

    def record_date(self, record: AftercareContact) -> date | None:
        return record.on

    def make_dialog(self, record: AftercareContact | None) -> AftercareDialog:
        return AftercareDialog(record, self)

    def describe(self, record: AftercareContact) -> str:
        return f"{record.on:%d-%m-%Y}" if record.on else self.tr("onbekende datum")

    def after_reload(self) -> None:
        if self.context is None:
            return
        contacts = [record for _id, record in self.records]
        started = self.context.aftercare_started or min((c.on for c in contacts if c.on), default=None)
        warnings = []
        if started is not None:
            warnings += aftercare_limit_warnings(
                contacts, started_on=started, today=self.context.today, profile=self.context.profile
            )
        if any(reopen_requested(c) for c in contacts):
            warnings.append(
                self.tr("Bij een nazorgcontact is 'Heropenen' gekozen. Heropen het traject via 'Fase en termijnen'.")
            )
        lines = [f"<b>⚠ {escape(warning)}</b>" for warning in warnings]
        limits = self.context.profile.aftercare
        if limits.max_contacts is not None or limits.max_months is not None:
            parts = []
            if limits.max_months is not None:
                parts.append(self.tr("hoogstens {n} maanden").format(n=limits.max_months))
            if limits.max_contacts is not None:
                parts.append(self.tr("hoogstens {n} contacten").format(n=limits.max_contacts))
            rule = self.tr("{profile}: nazorg {limits}.").format(
                profile=self.context.profile.label, limits=" en ".join(parts)
            )
            lines.append(escape(rule))
        self.notice.setText("<br>".join(lines))
        self.notice.setVisible(bool(lines))
        self.warnings = warnings
