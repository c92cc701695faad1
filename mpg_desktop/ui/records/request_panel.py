"""The requests to partner organisations of one traject, code rood / oranje shown in text and
colour, with how often code rood was used in this case (partners found it overused, spec 5.10)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.partner_request import CODE_RED, PartnerRequest
from mpg_desktop.storage.case_store import CaseStore
from mpg_desktop.storage.lifecycle_repository import RecordKind
from mpg_desktop.ui.records.record_list import Cell, PanelTexts, RecordListPanel
from mpg_desktop.ui.records.request_dialog import RequestDialog
from mpg_desktop.ui.records.urgency import urgency_colours


class RequestPanel(RecordListPanel[PartnerRequest]):
    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            RecordKind.PARTNER_REQUEST,
            PartnerRequest,
            [
                self.tr("Datum"),
                self.tr("Urgentie"),
                self.tr("Organisatie"),
                self.tr("Onderwerp"),
                self.tr("Bewijs"),
                self.tr("Uitkomst"),
            ],
            PanelTexts(
                add=self.tr("Aanvraag &toevoegen…"),
                empty=self.tr("Nog geen aanvragen bij partners vastgelegd."),
                remove_title=self.tr("Aanvraag verwijderen"),
                remove_question=self.tr("De aanvraag {what} verwijderen? Dit kunt u daarna nog ongedaan maken."),
                removed=self.tr("De aanvraag {what} is verwijderd."),
            ),
            parent,
        )
        self.table.setAccessibleName(self.tr("Aanvragen bij partners"))

    def cells(self, record: PartnerRequest) -> list[Cell]:
        lists = default_code_lists()
        urgency = record.urgency
        colours = urgency_colours(urgency.code if urgency else None)
        urgency_item = lists[ListId.URGENTIE].item(urgency.code) if urgency else None
        evidence = {None: "", True: self.tr("ja"), False: self.tr("nee")}[record.evidence_attached]
        outcome = record.outcome.splitlines()[0] if record.outcome else self.tr("nog geen")
        if record.outcome_on:
            outcome = f"{record.outcome_on:%d-%m-%Y}: {outcome}"
        return [
            Cell(f"{record.requested_on:%d-%m-%Y}" if record.requested_on else ""),
            Cell(
                lists[ListId.URGENTIE].display(urgency) if urgency else "",
                tooltip=urgency_item.help if urgency_item else "",
                background=colours[0] if colours else None,
                foreground=colours[1] if colours else None,
            ),
            Cell(record.organisation),
            Cell(lists[ListId.AANVRAAG_ONDERWERP].display(record.subject) if record.subject else ""),
            Cell(evidence),
            Cell(outcome, tooltip=record.outcome),
        ]

    def record_date(self, record: PartnerRequest) -> date | None:
        return record.requested_on

    def make_dialog(self, record: PartnerRequest | None) -> RequestDialog:
        return RequestDialog(record, self.context.coach if self.context else "", self)

    def describe(self, record: PartnerRequest) -> str:
        day = f"{record.requested_on:%d-%m-%Y}" if record.requested_on else ""
        return f"{day} {record.organisation}".strip()

    def after_reload(self) -> None:
        total = len(self.records)
        red = sum(1 for _id, r in self.records if r.urgency is not None and r.urgency.code == CODE_RED)
        self.notice.setText(
            self.tr(
                "Code rood: {red} van {total} aanvragen in dit dossier. Gebruik code rood alleen als het echt nog "
                "deze week moet."
            ).format(red=red, total=total)
        )
        self.notice.setVisible(total > 0)
