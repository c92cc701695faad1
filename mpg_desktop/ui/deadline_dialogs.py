"""Pausing the deadlines (opschorting, with a reason code) and recording an extension
(verlenging, with a reason and who approved it). Both warn per the profile; neither blocks work."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.evaluation_schedule import add_months
from mpg_desktop.models.extensions import Extension, validate_extension
from mpg_desktop.models.programme_profiles import ProgrammeProfile
from mpg_desktop.models.suspensions import Suspension, validate_suspension
from mpg_desktop.models.validation import FieldIssue, Severity, ValidationError, parse_date
from mpg_desktop.ui.choice_widgets import ChoiceCombo
from mpg_desktop.ui.form_support import FieldErrors, UnsavedChangesGuard, save_cancel_buttons


class SuspensionDialog(QDialog):
    def __init__(self, others: list[Suspension], *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.others = others
        self._result: Suspension | None = None
        self.setWindowTitle(self.tr("Termijnen opschorten"))
        self.setMinimumWidth(520)
        self.start = QLineEdit(f"{self.today:%d-%m-%Y}", self)
        self.end = QLineEdit(self)
        self.end.setPlaceholderText(self.tr("leeg laten zolang de opschorting duurt"))
        self.reason = ChoiceCombo(default_code_lists()[ListId.OPSCHORTING_REDEN], self)
        self.note = QLineEdit(self)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row(self.tr("&Vanaf: *"), self.start)
        self.errors.add_row(self.tr("&Tot en met:"), self.end)
        self.errors.add_row(self.tr("&Reden: *"), self.reason)
        self.errors.add_row(self.tr("&Toelichting:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("De termijnen schuiven op met de dagen dat ze zijn opgeschort."), self))
        layout.addLayout(form)
        layout.addWidget(save_cancel_buttons(self, self.save))
        self.guard = UnsavedChangesGuard(self)

    def save(self) -> None:
        self.errors.clear()
        try:
            start = parse_date(self.start.text(), self.tr("Vanaf"), not_after=self.today)
            end = parse_date(self.end.text(), self.tr("Tot en met")) if self.end.text().strip() else None
        except ValidationError as error:
            self.errors.show(self.start if error.field == self.tr("Vanaf") else self.end, error.message)
            return
        reason = self.reason.choice()
        if reason is None:
            self.errors.show(self.reason, self.tr("Reden is verplicht. Kies een reden uit de lijst."))
            return
        suspension = Suspension(start, reason, end, self.note.text().strip())
        fields = {"start": self.start, "end": self.end, "reason": self.reason}
        if _show(self.errors, fields, validate_suspension(suspension, others=self.others, today=self.today)):
            return
        self._result = suspension
        self.accept()

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def suspension(self) -> Suspension | None:
        return self._result


class ExtensionDialog(QDialog):
    def __init__(
        self,
        previous: list[Extension],
        *,
        start: date | None,
        current_end: date | None,
        profile: ProgrammeProfile,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.previous, self.start_date, self.profile = previous, start, profile
        self.current_end = current_end or self.today
        self._result: Extension | None = None
        self.setWindowTitle(self.tr("Verlenging vastleggen"))
        self.setMinimumWidth(520)
        self.months = QSpinBox(self)
        self.months.setRange(1, 24)
        self.months.setValue(3)
        self.months.setSuffix(self.tr(" maanden"))
        self.reason = QLineEdit(self)
        self.approved_by = QLineEdit(self)
        self.until = QLabel(self)
        self.months.valueChanged.connect(self._update_until)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row(self.tr("&Duur: *"), self.months)
        form.addRow(self.tr("Verlengd tot:"), self.until)
        self.errors.add_row(self.tr("&Reden: *"), self.reason)
        self.errors.add_row(self.tr("&Akkoord door:"), self.approved_by)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Verlenging nummer {n}.").format(n=len(previous) + 1), self))
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addWidget(save_cancel_buttons(self, self.save))
        self._update_until()
        self.guard = UnsavedChangesGuard(self)

    def _update_until(self) -> None:
        self.until.setText(f"{add_months(self.current_end, self.months.value()):%d-%m-%Y}")

    def save(self) -> None:
        self.errors.clear()
        extension = Extension(
            sequence=len(self.previous) + 1,
            decided_on=self.today,
            extended_to=add_months(self.current_end, self.months.value()),
            months=self.months.value(),
            reason=self.reason.text().strip(),
            approved_by=self.approved_by.text().strip(),
        )
        issues = validate_extension(extension, previous=self.previous, start=self.start_date, profile=self.profile)
        fields = {"months": self.months, "reason": self.reason, "approved_by": self.approved_by}
        if _show(self.errors, fields, issues):
            return
        self.warnings.setText("\n".join("⚠ " + i.message for i in issues if i.severity is not Severity.FOUT))
        self._result = extension
        self.accept()

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def extension(self) -> Extension | None:
        return self._result


def _show(errors: FieldErrors, fields: dict[str, QWidget], issues: list[FieldIssue]) -> bool:
    """Show the errors next to their fields; True when there were any."""
    blocking = [issue for issue in issues if issue.severity is Severity.FOUT]
    for issue in blocking:
        errors.show(fields.get(issue.field, next(iter(fields.values()))), issue.message)
    return bool(blocking)
