"""The go/no-go decision (spec 2.3-2.4): the programme's admission criteria shown as met / not
met, and the decision with what each outcome needs (a reason for a Go despite an unmet
criterion; a reason code and explanation for a No go)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mpg_desktop.models.admission import (
    CriterionResult,
    CriterionStatus,
    Decision,
    DecisionKind,
    referral_age_days,
    validate_decision,
)
from mpg_desktop.models.code_lists import ListId, default_code_lists
from mpg_desktop.models.referral import Referral
from mpg_desktop.models.validation import Severity, parse_date
from mpg_desktop.ui.choice_widgets import ChoiceCombo
from mpg_desktop.ui.form_support import FieldErrors, UnsavedChangesGuard, save_cancel_buttons

STATUS_MARKS = {CriterionStatus.VOLDAAN: "✔", CriterionStatus.NIET_VOLDAAN: "✘", CriterionStatus.ONBEKEND: "?"}


class DecisionDialog(QDialog):
    """``decision()`` holds the result after ``exec()`` was accepted."""

    def __init__(
        self,
        referral: Referral,
        criteria: tuple[CriterionResult, ...],
        *,
        decided_by: str,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.criteria = criteria
        self._decision: Decision | None = None
        self.setWindowTitle(self.tr("Besluit: go / no go"))
        self.setMinimumWidth(620)
        age = referral_age_days(referral.referral_date, self.today)
        criteria_box = QGroupBox(self.tr("Toelatingscriteria"), self)
        criteria_layout = QVBoxLayout(criteria_box)
        if age is not None:
            criteria_layout.addWidget(
                QLabel(self.tr("De aanmelding is {days} dagen oud.").format(days=age), criteria_box)
            )
        for result in criteria:
            line = QLabel(
                f"{STATUS_MARKS[result.status]} {result.rule} — {self.tr(result.status.value)}: {result.explanation}",
                criteria_box,
            )
            line.setWordWrap(True)
            criteria_layout.addWidget(line)
        if not criteria:
            criteria_layout.addWidget(QLabel(self.tr("Dit programma heeft geen toelatingscriteria."), criteria_box))

        self.kind = QComboBox(self)
        for kind in DecisionKind:
            self.kind.addItem(self.tr(kind.label), kind.value)
        self.decided_on = QLineEdit(f"{self.today:%d-%m-%Y}", self)
        self.decided_by = QLineEdit(decided_by, self)
        self.coach = QLineEdit(decided_by, self)
        self.unmet_reason = QLineEdit(self)
        self.no_go_reason = ChoiceCombo(default_code_lists()[ListId.REDEN_NO_GO], self)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setFixedHeight(60)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row(self.tr("&Besluit: *"), self.kind)
        self.errors.add_row(self.tr("Besluit&datum: *"), self.decided_on)
        self.errors.add_row(self.tr("Besloten &door: *"), self.decided_by)
        self.errors.add_row(self.tr("Toegewezen &gezinscoach:"), self.coach)
        self.errors.add_row(self.tr("Reden Go ondanks niet-vervuld criterium:"), self.unmet_reason)
        self.errors.add_row(self.tr("Reden &no go:"), self.no_go_reason)
        self.errors.add_row(self.tr("&Toelichting:"), self.explanation)
        self._fields = {
            "kind": self.kind,
            "decided_on": self.decided_on,
            "decided_by": self.decided_by,
            "coach": self.coach,
            "unmet_criteria_reason": self.unmet_reason,
            "no_go_reason": self.no_go_reason,
            "explanation": self.explanation,
        }
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(criteria_box)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.guard = UnsavedChangesGuard(self)

    def save(self) -> None:
        self.errors.clear()
        decided_on = self.errors.attempt(
            self.decided_on,
            lambda: parse_date(self.decided_on.text(), self.tr("Besluitdatum"), not_after=self.today),
            [],
        )
        if decided_on is None:
            return
        kind = DecisionKind(self.kind.currentData())
        decision = Decision(
            kind=kind,
            decided_on=decided_on,
            decided_by=self.decided_by.text().strip(),
            no_go_reason=self.no_go_reason.choice() if kind is DecisionKind.NO_GO else None,
            explanation=self.explanation.toPlainText().strip(),
            unmet_criteria_reason=self.unmet_reason.text().strip(),
            coach=self.coach.text().strip() if kind.is_go else "",
        )
        issues = [
            i
            for i in validate_decision(decision, criteria=self.criteria, today=self.today)
            if i.severity is Severity.FOUT
        ]
        for issue in issues:
            self.errors.show(self._fields.get(issue.field, self.explanation), issue.message)
        if issues:
            return
        self._decision = decision
        self.accept()

    def reject(self) -> None:
        if self.guard.confirm_discard():
            super().reject()

    def decision(self) -> Decision | None:
        return self._decision
