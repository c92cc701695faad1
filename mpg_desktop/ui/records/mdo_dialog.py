"""The form for a multidisciplinary meeting or internal case review (*MDO*, spec 5.3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.household import Person
from mpg_desktop.models.mdo import INTERNAL_TAG, MdoRecord, validate_mdo
from mpg_desktop.models.validation import FieldIssue
from mpg_desktop.ui.records.agreements_table import AgreementsTable
from mpg_desktop.ui.records.fields import CodeChoice, DateField, MemberChecklist, NamesBox, TextBox
from mpg_desktop.ui.records.record_dialog import Attempt, RecordDialog


class MdoDialog(RecordDialog[MdoRecord]):
    def __init__(
        self, record: MdoRecord | None, members: Sequence[Person], chair: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Overleg bewerken") if record else self.tr("Overleg vastleggen"), parent, width=720)
        self.held_on = self.add_field(self.tr("&Datum: *"), DateField(self), "held_on")
        types = default_code_lists()[ListId.MDO_TYPE]
        self._internal_codes = types.codes_tagged(INTERNAL_TAG)
        self.meeting_type = self.add_field(self.tr("&Soort overleg: *"), CodeChoice(types, self), "meeting_type")
        self.chair = self.add_field(self.tr("&Voorzitter: *"), QLineEdit(self), "chair")
        self.invited = self.add_field(
            self.tr("&Uitgenodigd:"), NamesBox(self, lines=2, placeholder=self.tr("één naam per regel")), "invited"
        )
        self.present = self.add_field(
            self.tr("&Aanwezig: *"),
            NamesBox(self, lines=2, placeholder=self.tr("professionals en anderen, één per regel")),
            "present",
        )
        self.family_present = self.add_field(
            self.tr("&Gezinsleden aanwezig:"), MemberChecklist(members, self), "family_present_ids"
        )
        self.plan_version = QSpinBox(self)
        self.plan_version.setRange(0, 99)
        self.plan_version.setSpecialValueText(self.tr("niet besproken"))
        self.plan_version.setMaximumWidth(160)
        self.add_field(self.tr("Versie &gezinsplan:"), self.plan_version, "plan_version")
        self.agreements = self.add_field(self.tr("A&fspraken:"), AgreementsTable(self), "agreements")
        self.disagreements = self.add_field(self.tr("&Meningsverschillen:"), TextBox(self, lines=2), "disagreements")
        self.advice = self.add_field(
            self.tr("Advies &team:"),
            TextBox(self, lines=2, placeholder=self.tr("Welk advies gaf het team?")),
            "advice",
        )
        self.next_meeting = self.add_field(self.tr("V&olgend overleg:"), DateField(self), "next_meeting_on")
        self.minutes_to = self.add_field(
            self.tr("Verslag ges&tuurd aan:"),
            NamesBox(self, lines=2, placeholder=self.tr("één per regel")),
            "minutes_sent_to",
        )
        self.minutes_on = self.add_field(self.tr("Verslag verstuurd o&p:"), DateField(self), "minutes_sent_on")
        self.chair.setText(chair)
        self.held_on.set_date(date.today())
        self.meeting_type.changed.connect(self._show_advice)
        if record is not None:
            self._fill(record)
        self._show_advice()
        self.finish()

    def _show_advice(self) -> None:
        """The team's advice is asked for an internal case review only (spec 5.3)."""
        choice = self.meeting_type.choice()
        internal = choice is not None and choice.code in self._internal_codes
        self.form.setRowVisible(self.advice, internal or bool(self.advice.value()))

    def _fill(self, record: MdoRecord) -> None:
        self.held_on.set_date(record.held_on)
        self.meeting_type.set_choice(record.meeting_type)
        self.chair.setText(record.chair)
        self.invited.set_names(record.invited)
        self.present.set_names(record.present)
        self.family_present.set_ids(record.family_present_ids)
        self.plan_version.setValue(record.plan_version or 0)
        self.agreements.set_agreements(record.agreements)
        self.disagreements.setPlainText(record.disagreements)
        self.advice.setPlainText(record.advice)
        self.next_meeting.set_date(record.next_meeting_on)
        self.minutes_to.set_names(record.minutes_sent_to)
        self.minutes_on.set_date(record.minutes_sent_on)

    def read(self, attempt: Attempt) -> MdoRecord | None:
        held_on = attempt(self.held_on, lambda: self.held_on.read(self.tr("Datum"), required=False))
        next_on = attempt(self.next_meeting, lambda: self.next_meeting.read(self.tr("Volgend overleg"), required=False))
        sent_on = attempt(
            self.minutes_on, lambda: self.minutes_on.read(self.tr("Verslag verstuurd op"), required=False)
        )
        agreements = attempt(self.agreements, lambda: self.agreements.agreements(self.tr("Afspraken")))
        if agreements is None:  # the base discards the record when any field could not be read
            return None
        return MdoRecord(
            held_on=held_on,
            meeting_type=self.meeting_type.choice(),
            chair=self.chair.text().strip(),
            invited=self.invited.names(),
            present=self.present.names(),
            family_present_ids=self.family_present.ids(),
            plan_version=self.plan_version.value() or None,
            agreements=agreements,
            disagreements=self.disagreements.value(),
            next_meeting_on=next_on,
            minutes_sent_to=self.minutes_to.names(),
            minutes_sent_on=sent_on,
            advice=self.advice.value(),
        )

    def check(self, record: MdoRecord) -> list[FieldIssue]:
        return validate_mdo(record, today=date.today())
