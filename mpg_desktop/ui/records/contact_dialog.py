"""The form for one contact of the contact log (spec 5.1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.contact_log import MAX_MINUTES, ContactLogEntry, validate_contact
from mpg_desktop.models.household import Person
from mpg_desktop.models.validation import FieldIssue
from mpg_desktop.ui.choice_widgets import TriCombo
from mpg_desktop.ui.records.fields import CodeChoice, DateField, MemberChecklist, TextBox, TimeField
from mpg_desktop.ui.records.record_dialog import Attempt, RecordDialog


class ContactDialog(RecordDialog[ContactLogEntry]):
    def __init__(self, entry: ContactLogEntry | None, members: Sequence[Person], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contact bewerken") if entry else self.tr("Contact vastleggen"), parent)
        self._original = entry
        self.day = self.add_field(self.tr("&Datum: *"), DateField(self), "at")
        self.time = self.add_field(self.tr("&Tijd:"), TimeField(self))
        self.contact_type = self.add_field(
            self.tr("&Soort contact: *"),
            CodeChoice(default_code_lists()[ListId.CONTACT_TYPE], self),
            "contact_type",
        )
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setMaximumWidth(120)
        self.add_field(self.tr("D&uur:"), self.minutes, "duration_minutes")
        self.present = self.add_field(
            self.tr("&Aanwezig (gezin):"), MemberChecklist(members, self), "present_member_ids"
        )
        self.others = self.add_field(self.tr("Andere &betrokkenen:"), QLineEdit(self), "other_parties")
        self.others.setPlaceholderText(self.tr("gescheiden door komma's, bijvoorbeeld: juf Anouk, wijkagent"))
        self.summary = self.add_field(
            self.tr("Sa&menvatting:"),
            TextBox(self, lines=4, placeholder=self.tr("Wat is er besproken of gedaan?")),
            "summary",
        )
        self.safety = self.add_field(self.tr("&Zorg over veiligheid:"), TriCombo(self), "safety_concern")
        self.safety_note = self.add_field(
            self.tr("Veiligheid &toelichting:"),
            TextBox(self, lines=2, placeholder=self.tr("Wat zag of hoorde u?")),
            "safety_note",
        )
        self.follow_up = self.add_field(self.tr("&Vervolg:"), QLineEdit(self), "follow_up")
        self.follow_up.setPlaceholderText(self.tr("bijvoorbeeld: volgende week samen naar de schuldhulp"))
        now = datetime.now()
        self.day.set_date(now.date())
        self.time.set_time(now.time())
        if entry is not None:
            self._fill(entry)
        self.finish()

    def _fill(self, entry: ContactLogEntry) -> None:
        self.day.set_date(entry.at.date())
        self.time.set_time(entry.at.time())
        self.contact_type.set_choice(entry.contact_type)
        self.minutes.setValue(entry.duration_minutes)
        self.present.set_ids(entry.present_member_ids)
        self.others.setText(", ".join(entry.other_parties))
        self.summary.setPlainText(entry.summary)
        self.safety.set_value(entry.safety_concern)
        self.safety_note.setPlainText(entry.safety_note)
        self.follow_up.setText(entry.follow_up)

    def read(self, attempt: Attempt) -> ContactLogEntry | None:
        day = attempt(self.day, lambda: self.day.read(self.tr("Datum")))
        at_time = attempt(self.time, lambda: self.time.read(self.tr("Tijd")))
        if day is None or at_time is None:
            return None
        entry = ContactLogEntry(
            at=datetime.combine(day, at_time),
            contact_type=self.contact_type.choice(),
            duration_minutes=self.minutes.value(),
            present_member_ids=self.present.ids(),
            other_parties=tuple(name.strip() for name in self.others.text().split(",") if name.strip()),
            summary=self.summary.value(),
            safety_concern=self.safety.value(),
            safety_note=self.safety_note.value(),
            follow_up=self.follow_up.text().strip(),
        )
        if self._original is not None:  # keep what this form does not show (linked goals)
            entry = replace(self._original, **{f: getattr(entry, f) for f in _FORM_FIELDS})
        return entry

    def check(self, record: ContactLogEntry) -> list[FieldIssue]:
        return validate_contact(record, now=datetime.now())


_FORM_FIELDS = (
    "at",
    "contact_type",
    "duration_minutes",
    "present_member_ids",
    "other_parties",
    "summary",
    "safety_concern",
    "safety_note",
    "follow_up",
)
