"""The form for a request to a partner organisation with its urgency code (*aanvraag*, spec 5.10)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.partner_request import PartnerRequest, validate_partner_request
from mpg_desktop.models.validation import FieldIssue
from mpg_desktop.ui.records.fields import CodeChoice, DateField, TextBox
from mpg_desktop.ui.records.record_dialog import Attempt, RecordDialog
from mpg_desktop.ui.records.urgency import paint_urgency


class RequestDialog(RecordDialog[PartnerRequest]):
    def __init__(self, record: PartnerRequest | None, coach: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Aanvraag bewerken") if record else self.tr("Aanvraag vastleggen"), parent)
        lists = default_code_lists()
        self.requested_on = self.add_field(self.tr("&Datum: *"), DateField(self), "requested_on")
        self.organisation = self.add_field(self.tr("&Organisatie: *"), QLineEdit(self), "organisation")
        self.organisation.setPlaceholderText(self.tr("bijvoorbeeld: Stadsbank, woningcorporatie, GGD"))
        self.subject = self.add_field(
            self.tr("O&nderwerp: *"), CodeChoice(lists[ListId.AANVRAAG_ONDERWERP], self), "subject"
        )
        self.urgency = self.add_field(self.tr("&Urgentie: *"), CodeChoice(lists[ListId.URGENTIE], self), "urgency")
        self.urgency.changed.connect(lambda: paint_urgency(self.urgency.combo, self.urgency.combo.currentData()))
        self.evidence = QComboBox(self)
        self.evidence.addItem(self.tr("– kies –"), "")
        self.evidence.addItem(self.tr("Ja"), "ja")
        self.evidence.addItem(self.tr("Nee"), "nee")
        self.add_field(self.tr("&Bewijsstukken bijgevoegd: *"), self.evidence, "evidence_attached")
        self.requested_by = self.add_field(self.tr("Aangevraagd &door:"), QLineEdit(self), "requested_by")
        self.outcome = self.add_field(self.tr("Uit&komst:"), TextBox(self, lines=2), "outcome")
        self.outcome_on = self.add_field(self.tr("Datum u&itkomst:"), DateField(self), "outcome_on")
        self.requested_on.set_date(date.today())
        self.requested_by.setText(coach)
        if record is not None:
            self.requested_on.set_date(record.requested_on)
            self.organisation.setText(record.organisation)
            self.subject.set_choice(record.subject)
            self.urgency.set_choice(record.urgency)
            evidence = record.evidence_attached
            self.evidence.setCurrentIndex(0 if evidence is None else (1 if evidence else 2))
            self.requested_by.setText(record.requested_by)
            self.outcome.setPlainText(record.outcome)
            self.outcome_on.set_date(record.outcome_on)
        self.finish()

    def read(self, attempt: Attempt) -> PartnerRequest | None:
        requested_on = attempt(self.requested_on, lambda: self.requested_on.read(self.tr("Datum"), required=False))
        outcome_on = attempt(self.outcome_on, lambda: self.outcome_on.read(self.tr("Datum uitkomst"), required=False))
        evidence = self.evidence.currentData()
        return PartnerRequest(
            requested_on=requested_on,
            organisation=self.organisation.text().strip(),
            subject=self.subject.choice(),
            urgency=self.urgency.choice(),
            evidence_attached=None if not evidence else evidence == "ja",
            requested_by=self.requested_by.text().strip(),
            outcome=self.outcome.value(),
            outcome_on=outcome_on,
        )

    def check(self, record: PartnerRequest) -> list[FieldIssue]:
        return validate_partner_request(record, today=date.today())
