"""Adding or editing one consent (*toestemming*, privacy PRV-01, PRV-05), and withdrawing one.

A consent names a purpose, a recipient, what may be shared, when it was given, by whom and how.
Withdrawal only sets the date: the record stays in the register as history (PRV-06). Enter saves,
Esc cancels (asking first when something was typed); problems show next to the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.choices import OTHER, Choice
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.consent import Consent, ConsentForm, validate_consent
from mpg_desktop.models.referrer_feedback import FEEDBACK_PURPOSE
from mpg_desktop.models.validation import FieldIssue, Severity, ValidationError, parse_date
from mpg_desktop.ui.choice_widgets import ChoiceChecklist, ChoiceCombo
from mpg_desktop.ui.form_support import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from mpg_desktop.ui.list_sizing import fit_rows

YOUNG_PERSON_ROLE = "jongere"  # toestemming_rol: parents of a young person under 16 are informed (PRV-05)
FORM_LABELS = {
    ConsentForm.SCHRIFTELIJK: "Schriftelijk (getekend formulier)",
    ConsentForm.MONDELING: "Mondeling (genoteerd door de coach)",
}


def _dd_mm_yyyy(day: date | None) -> str:
    return f"{day:%d-%m-%Y}" if day else ""


def _line(combo: QComboBox) -> QLineEdit:
    line = combo.lineEdit()
    assert line is not None, "only for editable combo boxes"
    return line


class ConsentDialog(QDialog):
    """``consent()`` holds the result after ``exec()`` was accepted.

    ``recipients`` and ``people`` are suggestions (the referrer, organisations; household members);
    both fields also take free text.
    """

    def __init__(
        self,
        consent: Consent | None = None,
        *,
        recipients: Sequence[str] = (),
        people: Sequence[str] = (),
        recorded_by: str = "",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = consent
        self._result: Consent | None = None
        self.today = today or date.today()
        self.recorded_by = consent.recorded_by if consent and consent.recorded_by else recorded_by
        lists = default_code_lists()
        self.setWindowTitle(self.tr("Toestemming wijzigen") if consent else self.tr("Toestemming toevoegen"))
        self.setMinimumWidth(660)
        self.purpose = ChoiceCombo(lists[ListId.TOESTEMMING_DOEL], self)
        self.recipient = QComboBox(self)
        self.recipient.setEditable(True)
        self.recipient.addItems(list(dict.fromkeys(name for name in recipients if name.strip())))
        self.recipient.setCurrentIndex(-1)
        _line(self.recipient).setPlaceholderText(self.tr("organisatie of persoon, bijvoorbeeld CJG"))
        self.categories = ChoiceChecklist(lists[ListId.DEEL_CATEGORIE], self, rows=5)
        # The register keeps category codes only and every share matches codes, so an "Anders"
        # category could never be honoured: it is not offered (an old record keeps showing it).
        for row in range(self.categories.list.count()):
            entry = self.categories.list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == OTHER and not (consent and OTHER in consent.categories):
                entry.setHidden(True)
        fit_rows(self.categories.list)
        self.granted_on = QLineEdit(self)
        self.granted_on.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.given_by = QComboBox(self)
        self.given_by.setEditable(True)
        self.given_by.addItems(list(people))
        self.given_by.setCurrentIndex(-1)
        _line(self.given_by).setPlaceholderText(self.tr("naam van wie toestemming gaf"))
        self.role = ChoiceCombo(lists[ListId.TOESTEMMING_ROL], self)
        self.form = QComboBox(self)
        self.form.addItem(self.tr("– kies –"), "")
        for kind, label in FORM_LABELS.items():
            self.form.addItem(self.tr(label), kind.value)
        self.parents_informed = QComboBox(self)
        for label, value in ((self.tr("– kies –"), ""), (self.tr("Ja"), "ja"), (self.tr("Nee"), "nee")):
            self.parents_informed.addItem(label, value)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row(self.tr("&Doel: *"), self.purpose)
        self.errors.add_row(self.tr("&Ontvanger: *"), self.recipient)
        self.errors.add_row(self.tr("&Wat mag gedeeld worden: *"), self.categories)
        self.errors.add_row(self.tr("Datum &toestemming: *"), self.granted_on)
        self.errors.add_row(self.tr("&Getekend door: *"), self.given_by)
        self.errors.add_row(self.tr("&Rol: *"), self.role)
        self.errors.add_row(self.tr("&Vorm: *"), self.form)
        self.errors.add_row(self.tr("Ouders &geïnformeerd:"), self.parents_informed)
        form.addRow(self.tr("Vastgelegd door:"), QLabel(self.recorded_by or self.tr("(onbekend)"), self))
        self.widgets: dict[str, QWidget] = {
            "purpose": self.purpose,
            "recipient": self.recipient,
            "categories": self.categories,
            "granted_on": self.granted_on,
            "given_by": self.given_by,
            "given_by_role": self.role,
            "form": self.form,
            "withdrawn_on": self.granted_on,
        }
        self.form_layout = form
        hint = QLabel(
            self.tr(
                "Toestemming geldt voor één doel en één ontvanger. Voor iets anders maakt u een nieuwe toestemming."
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.role.changed.connect(self._update_parents_row)
        if consent is not None:
            self._fill(consent)
        else:
            self.purpose.set_code(FEEDBACK_PURPOSE)
            self.granted_on.setText(_dd_mm_yyyy(self.today))
        self._update_parents_row()
        self.guard = UnsavedChangesGuard(self)
        self.categories.changed.connect(self._mark_dirty)  # ticks in a list: the guard does not see them
        self.purpose.setFocus()

    def _fill(self, consent: Consent) -> None:
        self.purpose.set_choice(consent.purpose)
        self.recipient.setEditText(consent.recipient)
        self.categories.set_codes(list(consent.categories))
        self.granted_on.setText(_dd_mm_yyyy(consent.granted_on))
        self.given_by.setEditText(consent.given_by)
        self.role.set_choice(consent.given_by_role)
        self.form.setCurrentIndex(max(0, self.form.findData(consent.form.value if consent.form else "")))
        informed = {True: "ja", False: "nee", None: ""}[consent.parents_informed]
        self.parents_informed.setCurrentIndex(max(0, self.parents_informed.findData(informed)))

    def _mark_dirty(self) -> None:
        self.guard.dirty = True

    def _update_parents_row(self) -> None:
        choice = self.role.choice()
        self.form_layout.setRowVisible(self.parents_informed, choice is not None and choice.code == YOUNG_PERSON_ROLE)

    def _read(self) -> tuple[Consent | None, list[FieldIssue]]:
        try:
            granted: date | None = parse_date(self.granted_on.text(), self.tr("Datum toestemming"))
        except ValidationError as error:
            if not self.granted_on.text().strip():
                granted = None  # validate_consent names the missing date
            else:
                return None, [FieldIssue("granted_on", error.message)]
        form_code = self.form.currentData()
        informed = {"ja": True, "nee": False}.get(self.parents_informed.currentData())
        role = self.role.choice()
        base = self._original
        consent = Consent(
            purpose=self.purpose.choice() or Choice(""),
            recipient=self.recipient.currentText().strip(),
            categories=tuple(self.categories.codes()),
            granted_on=granted,
            given_by=self.given_by.currentText().strip(),
            given_by_role=role,
            form=ConsentForm(form_code) if form_code else None,
            recorded_by=self.recorded_by,
            withdrawn_on=base.withdrawn_on if base else None,
            person_id=base.person_id if base else None,
            parents_informed=informed if role is not None and role.code == YOUNG_PERSON_ROLE else None,
        )
        return consent, validate_consent(consent, today=self.today)

    def save(self) -> None:
        self.errors.clear()
        consent, issues = self._read()
        errors = [issue for issue in issues if issue.severity is Severity.FOUT]
        show_issues(self.errors, self.widgets, issues)
        if consent is None or errors:
            return
        self._result = consent
        self.accept()

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def consent(self) -> Consent | None:
        return self._result


class WithdrawDialog(QDialog):
    """Asks the date the consent was withdrawn; ``consent()`` is the withdrawn copy."""

    def __init__(self, consent: Consent, *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._consent = consent
        self._result: Consent | None = None
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Toestemming intrekken"))
        self.setMinimumWidth(480)
        explanation = QLabel(
            self.tr(
                "Na het intrekken deelt de app niets meer met {recipient} voor dit doel. "
                "De toestemming blijft in de lijst staan, met de datum van intrekken."
            ).format(recipient=consent.recipient),
            self,
        )
        explanation.setWordWrap(True)
        self.withdrawn_on = QLineEdit(_dd_mm_yyyy(self.today), self)
        self.withdrawn_on.setPlaceholderText(self.tr("dd-mm-jjjj"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row(self.tr("&Ingetrokken op: *"), self.withdrawn_on)
        buttons = save_cancel_buttons(self, self.save, self.tr("&Intrekken"))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.guard = UnsavedChangesGuard(self)

    def save(self) -> None:
        self.errors.clear()
        day = self.errors.attempt(
            self.withdrawn_on,
            lambda: parse_date(self.withdrawn_on.text(), self.tr("Ingetrokken op"), not_after=self.today),
            [],
        )
        if day is None:
            return
        withdrawn = replace(self._consent, withdrawn_on=day)
        problems = [i for i in validate_consent(withdrawn, today=self.today) if i.field == "withdrawn_on"]
        if problems:
            self.errors.show(self.withdrawn_on, problems[0].message)
            return
        self._result = withdrawn
        self.accept()

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def consent(self) -> Consent | None:
        return self._result


def show_issues(errors: FieldErrors, widgets: dict[str, QWidget], issues: Sequence[FieldIssue]) -> None:
    """Every issue next to its field (several on one field are listed together); focus the first."""
    grouped: dict[QWidget, list[str]] = {}
    for issue in issues:
        widget = widgets.get(issue.field)
        if widget is not None:
            text = issue.message if issue.severity is Severity.FOUT else f"Let op: {issue.message}"
            grouped.setdefault(widget, []).append(text)
    for widget, messages in reversed(grouped.items()):
        errors.show(widget, "\n".join(messages))
