"""The form for one aftercare contact (*nazorgcontact*, spec 5.7)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from mpg_desktop.models.aftercare import AftercareAction, AftercareBy, AftercareContact, validate_aftercare_contact
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.validation import FieldIssue
from mpg_desktop.ui.choice_widgets import TriCombo
from mpg_desktop.ui.records.fields import CodeChoice, DateField, TextBox
from mpg_desktop.ui.records.record_dialog import Attempt, RecordDialog


def by_label(by: AftercareBy) -> str:
    return {AftercareBy.COACH: "De coach", AftercareBy.ANDERE_ORGANISATIE: "Andere organisatie"}[by]


class ActionChoice(QWidget):
    """The action taken; "Anders" asks what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("– kies –"), "")
        for action in AftercareAction:
            self.combo.addItem(self.tr(action.label), action.value)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("namelijk …"))
        self.text.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 2)
        layout.addWidget(self.text, 3)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(
            lambda _i: self.text.setVisible(self.combo.currentData() == AftercareAction.ANDERS.value)
        )

    def value(self) -> AftercareAction | None:
        data = self.combo.currentData()
        return AftercareAction(data) if data else None

    def set_value(self, action: AftercareAction | None, text: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(action.value if action else "")))
        self.text.setText(text)


class AftercareDialog(RecordDialog[AftercareContact]):
    def __init__(self, record: AftercareContact | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nazorgcontact bewerken") if record else self.tr("Nazorgcontact vastleggen"), parent)
        self.on = self.add_field(self.tr("&Datum: *"), DateField(self), "on")
        self.by = QComboBox(self)
        self.by.addItem(self.tr("– kies –"), "")
        for by in AftercareBy:
            self.by.addItem(self.tr(by_label(by)), by.value)
        self.add_field(self.tr("Door &wie: *"), self.by, "by")
        self.organisation = self.add_field(self.tr("&Organisatie:"), QLineEdit(self), "organisation")
        self.organisation.setPlaceholderText(self.tr("als een andere organisatie het contact had"))
        self.contact_type = self.add_field(
            self.tr("&Soort contact: *"), CodeChoice(default_code_lists()[ListId.CONTACT_TYPE], self), "contact_type"
        )
        self.on_track = self.add_field(self.tr("Alles nog op &orde: *"), TriCombo(self), "still_on_track")
        self.signals = self.add_field(
            self.tr("Si&gnalen:"), TextBox(self, lines=3, placeholder=self.tr("Wat viel op?")), "signals"
        )
        self.action = self.add_field(self.tr("&Actie: *"), ActionChoice(self), "action", "action_text")
        self.on.set_date(date.today())
        if record is not None:
            self.on.set_date(record.on)
            self.by.setCurrentIndex(max(0, self.by.findData(record.by.value if record.by else "")))
            self.organisation.setText(record.organisation)
            self.contact_type.set_choice(record.contact_type)
            self.on_track.set_value(record.still_on_track)
            self.signals.setPlainText(record.signals)
            self.action.set_value(record.action, record.action_text)
        self.finish()

    def read(self, attempt: Attempt) -> AftercareContact | None:
        on = attempt(self.on, lambda: self.on.read(self.tr("Datum"), required=False))
        by = self.by.currentData()
        action = self.action.value()
        return AftercareContact(
            on=on,
            by=AftercareBy(by) if by else None,
            contact_type=self.contact_type.choice(),
            still_on_track=self.on_track.value(),
            organisation=self.organisation.text().strip(),
            signals=self.signals.value(),
            action=action,
            action_text=self.action.text.text().strip() if action is AftercareAction.ANDERS else "",
        )

    def check(self, record: AftercareContact) -> list[FieldIssue]:
        return validate_aftercare_contact(record, today=date.today())
